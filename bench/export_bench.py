"""Exporting the appendices workbook for a year of 300 measures, against bare openpyxl.

The database is a year of the large scale database (``bench.scale``): 300
measures, four quarterly meetings with full, several-paragraph challenge
records. "Ours" is the whole export of the latest meeting: read the store,
build every sheet (rich text, styles, print setup, row heights, continuation
rows) and save atomically. The baseline is bare openpyxl writing exactly the
same strings and numbers into the same cells of a plain workbook and saving
it, which no export can beat. The ratio of medians is reported (goal: 1.5x).

``python -m bench.export_bench`` prints the figures; ``make bench`` calls ``run()``.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from bench.scale import build_scale_database
from challenge_app.export import export_appendices
from challenge_app.export.appendices import build_workbook
from challenge_app.export.report import gather
from challenge_app.models import Meeting
from challenge_app.store import Store

MEASURES = 300
GOAL = 1.5

Cells = list[tuple[str, list[tuple[int, int, object]]]]


def same_cells(store: Store, meeting: Meeting) -> Cells:
    """Every non-empty cell our export writes, as plain values, sheet by sheet."""
    wb = build_workbook(gather(store, meeting))
    sheets = []
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    value = cell.value if isinstance(cell.value, (int, float)) else str(cell.value)
                    cells.append((cell.row, cell.column, value))
        sheets.append((ws.title, cells))
    return sheets


def bare_openpyxl(sheets: Cells, out: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for title, cells in sheets:
        ws = wb.create_sheet(title)
        for row, column, value in cells:
            ws.cell(row=row, column=column, value=value)
    wb.save(out)


def _seconds(action: Callable[[int], object], n: int) -> float:
    start = time.perf_counter()
    action(n)
    return time.perf_counter() - start


def _interleaved_medians(
    ours: Callable[[int], object], bare: Callable[[int], object], repeats: int
) -> tuple[float, float]:
    """Median seconds of each, run turn about so that a busy moment hits both alike."""
    ours_times, bare_times = [], []
    for n in range(repeats):
        ours_times.append(_seconds(ours, n))
        bare_times.append(_seconds(bare, n))
    return statistics.median(ours_times), statistics.median(bare_times)


def run(repeats: int = 7) -> dict:
    with tempfile.TemporaryDirectory(prefix="export-bench-") as tmp:
        folder = Path(tmp)
        db = build_scale_database(folder / "year.db", measures=MEASURES, years=1, meetings=4)
        store = Store.open(db)
        try:
            meeting = store.meetings.all()[0]  # the latest: 2016/17 Q4
            sheets = same_cells(store, meeting)
            n_cells = sum(len(cells) for _, cells in sheets)
            characters = sum(len(v) for _, cells in sheets for *_, v in cells if isinstance(v, str))
            ours, baseline = _interleaved_medians(
                lambda n: export_appendices(store, meeting, folder / f"ours-{n}.xlsx"),
                lambda n: bare_openpyxl(sheets, folder / f"bare-{n}.xlsx"),
                repeats,
            )
        finally:
            store.close()
    return {
        "name": f"export appendices, {MEASURES} measures",
        "ours_ms": round(ours * 1000, 1),
        "baseline_ms": round(baseline * 1000, 1),
        "baseline": "bare openpyxl writing the same values into the same cells",
        "ratio": round(ours / baseline, 2),
        "goal": GOAL,
        "cells": n_cells,
        "characters": characters,
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
