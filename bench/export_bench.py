"""Exporting the appendices workbook for a year of 300 measures, against bare openpyxl.

The database is a year of the large scale database (``bench.scale``): 300
measures, four quarterly meetings with full, several-paragraph challenge
records. "Ours" is the whole export of the latest meeting: read the store,
build every sheet (rich text, styles, print setup, row heights, continuation
rows) and save atomically. The baseline is bare openpyxl, through its public
API, writing the same cells of a plain workbook and saving it: the same text
as the same runs (``CellRichText`` of ``TextBlock``s in bold or italic
``InlineFont``s where ours mixes styles), bold where ours is bold, wrapped
where ours wraps, and the same numbers. That is the least any export of this
report can do with openpyxl.

Two ratios of medians of CPU time (see ``_seconds``), each run turn about
with its baseline:

* in process (goal 1.5x): ``export_appendices`` against the bare writing;
* whole process, reported beside it: ``python -m challenge_app export ...``
  against ``python`` running a bare script that reads the same cells from a
  JSON file and writes them, so each side pays for its own imports too.

``python -m bench.export_bench`` prints the figures; ``make bench`` calls ``run()``.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl.cell.rich_text import CellRichText, TextBlock

from bench.bare_export import write as bare_openpyxl
from bench.scale import build_scale_database
from bench.startup_bench import precompile
from challenge_app.export import export_appendices
from challenge_app.export.appendices import build_workbook
from challenge_app.export.report import gather
from challenge_app.models import Meeting
from challenge_app.store import Store

MEASURES = 300
GOAL = 1.5
HERE = Path(__file__).resolve().parent

#: One cell as plain data: row, column, value (a number, or runs of
#: [text, bold, italic]), bold, wrapped.
Cell = tuple[int, int, object, bool, bool]
Sheets = list[tuple[str, list[Cell]]]


def _runs(value: object) -> list[list]:
    if isinstance(value, CellRichText):
        return [
            [block.text, bool(block.font.b), bool(block.font.i)]
            if isinstance(block, TextBlock)
            else [str(block), False, False]
            for block in value
        ]
    return [[str(value), False, False]]


def same_cells(store: Store, meeting: Meeting) -> Sheets:
    """Every non-empty cell our export writes, as plain data, sheet by sheet."""
    wb = build_workbook(gather(store, meeting))
    sheets = []
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                is_number = isinstance(cell.value, int | float)
                value = cell.value if is_number else _runs(cell.value)
                bold = bool(cell.font.b)
                cells.append((cell.row, cell.column, value, bold, bool(cell.alignment.wrap_text)))
        sheets.append((ws.title, cells))
    return sheets


def _seconds(action: Callable[[int], object], n: int) -> float:
    """CPU seconds (this process's and its children's, user and system) of one run.

    The export is single-threaded and CPU-bound (the file goes to the page
    cache), so on a quiet machine this is its wall-clock time; on a shared
    one it leaves out the time spent waiting for a CPU, which wall-clock
    medians here swing by half from run to run.
    """
    before = _cpu()
    action(n)
    return _cpu() - before


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _interleaved_medians(
    ours: Callable[[int], object], bare: Callable[[int], object], repeats: int
) -> tuple[float, float]:
    """Median seconds of each, run turn about so that a busy moment hits both alike."""
    ours_times, bare_times = [], []
    for n in range(repeats):
        ours_times.append(_seconds(ours, n))
        bare_times.append(_seconds(bare, n))
    return statistics.median(ours_times), statistics.median(bare_times)


def _process(*args: str | Path) -> None:
    subprocess.run(
        [sys.executable, *map(str, args)], cwd=HERE.parent, check=True, capture_output=True
    )


def run(repeats: int = 7) -> dict:
    with tempfile.TemporaryDirectory(prefix="export-bench-") as tmp:
        folder = Path(tmp)
        db = build_scale_database(folder / "year.db", measures=MEASURES, years=1, meetings=4)
        store = Store.open(db)
        try:
            meeting = store.meetings.all()[0]  # the latest: 2016/17 Q4
            sheets = same_cells(store, meeting)
            ours, baseline = _interleaved_medians(
                lambda n: export_appendices(store, meeting, folder / f"ours-{n}.xlsx"),
                lambda n: bare_openpyxl(sheets, folder / f"bare-{n}.xlsx"),
                repeats,
            )
        finally:
            store.close()
        (folder / "cells.json").write_text(json.dumps(sheets), encoding="utf-8")
        precompile()
        command = ["-m", "challenge_app", "export", "--db", db, "--period", meeting.period]
        ours_process, bare_process = _interleaved_medians(
            lambda n: _process(*command, "--out", folder / f"cli-{n}.xlsx"),
            lambda n: _process(
                HERE / "bare_export.py", folder / "cells.json", folder / f"b-{n}.xlsx"
            ),
            max(3, repeats // 2),
        )
    n_cells = sum(len(cells) for _, cells in sheets)
    characters = sum(
        len(text)
        for _, cells in sheets
        for c in cells
        if isinstance(c[2], list)
        for text, *_ in c[2]
    )
    return {
        "name": f"export appendices, {MEASURES} measures",
        "ours_ms": round(ours * 1000, 1),
        "baseline_ms": round(baseline * 1000, 1),
        "baseline": "bare openpyxl writing the same rich-text cells (bold, italic runs, wrapped)",
        "ratio": round(ours / baseline, 2),
        "goal": GOAL,
        "process_ours_ms": round(ours_process * 1000, 1),
        "process_baseline_ms": round(bare_process * 1000, 1),
        "process_ratio": round(ours_process / bare_process, 2),
        "cells": n_cells,
        "characters": characters,
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
