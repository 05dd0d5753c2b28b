"""Importing a large provider file, against merely reading it.

The file is what a provider sends after five years: 300 measures, every month
and every quarter of five financial years (24,000 rows), as ``.xlsx`` and as
``.csv``. "Ours" is the whole import into a fresh database: read, check every
cell, plan, write in one transaction. The baseline is reading the same file
with bare openpyxl (read-only, values only) or the csv module, which no import
can beat. The ratio of medians is reported (goal for the workbook: at most 2x).

``python -m bench.import_bench`` prints the figures; ``make bench`` calls ``run()``.
"""

from __future__ import annotations

import csv
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from challenge_app.imports import apply_plan, make_plan, read_dataset
from challenge_app.imports.reader import COLUMNS
from challenge_app.periods import FinancialYear
from challenge_app.store import Store

MEASURES = 300
YEARS = 5
FIRST_YEAR = 2016
GOAL = 2.0


def dataset_rows() -> list[list[object]]:
    """Deterministic rows in the import template: every period of every measure."""
    rows: list[list[object]] = []
    for m in range(MEASURES):
        code = f"{'ABCDEF'[m % 6]}{m + 1}"
        polarity = "higher" if m % 2 else "lower"
        for y in range(YEARS):
            year = FinancialYear(FIRST_YEAR + y)
            target, tolerance = 80 + m % 15, 70 + m % 15
            periods = [str(q) for q in year.quarters()]
            periods += [str(month) for q in year.quarters() for month in q.months()]
            for i, period in enumerate(periods):
                value = round(50 + (m * 7 + y * 13 + i * 3) % 50 + 0.5, 1)
                rows.append(
                    [code, f"Measure {m + 1}", f"Area {m % 6}", "contract", polarity, "%",
                     str(year), target, tolerance, period, value]
                )  # fmt: skip
    return rows


def write_files(folder: Path) -> tuple[Path, Path]:
    import openpyxl

    rows = dataset_rows()
    csv_path = folder / "provider.csv"
    with open(csv_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    xlsx_path = folder / "provider.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Dataset")
    ws.append(list(COLUMNS))
    for row in rows:
        ws.append(row)
    wb.save(xlsx_path)
    return csv_path, xlsx_path


def bare_xlsx(path: Path) -> int:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    return count


def bare_csv(path: Path) -> int:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return sum(1 for _ in csv.reader(f))


def our_import(path: Path, folder: Path, run: int) -> int:
    store = Store.open(folder / f"import-{path.suffix[1:]}-{run}.db")
    try:
        plan = make_plan(store, read_dataset(path))
        apply_plan(store, plan)
        return len(plan.values)
    finally:
        store.close()


def _median_seconds(action: Callable[[int], object], repeats: int) -> float:
    times = []
    for run in range(repeats):
        start = time.perf_counter()
        action(run)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(repeats: int = 3) -> dict:
    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmp:
        folder = Path(tmp)
        csv_path, xlsx_path = write_files(folder)
        rows = len(dataset_rows())
        figures = {}
        for kind, path, bare in (("xlsx", xlsx_path, bare_xlsx), ("csv", csv_path, bare_csv)):
            bare(path)  # warm the file cache
            ours = _median_seconds(lambda n, p=path: our_import(p, folder, n), repeats)
            baseline = _median_seconds(lambda n, p=path, b=bare: b(p), repeats)
            figures[kind] = (ours, baseline)
    xlsx_ours, xlsx_bare = figures["xlsx"]
    csv_ours, csv_bare = figures["csv"]
    return {
        "name": f"import {rows:,} rows (xlsx)",
        "ours_ms": round(xlsx_ours * 1000, 1),
        "baseline_ms": round(xlsx_bare * 1000, 1),
        "baseline": "bare openpyxl read-only read of the same workbook",
        "ratio": round(xlsx_ours / xlsx_bare, 2),
        "goal": GOAL,
        "csv_ours_ms": round(csv_ours * 1000, 1),
        "csv_baseline_ms": round(csv_bare * 1000, 1),
        "csv_ratio": round(csv_ours / csv_bare, 2),
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
