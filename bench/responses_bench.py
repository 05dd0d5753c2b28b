"""Recording a returned response workbook of 300 measures, against merely reading it.

The workbook is the one ``responses-out`` writes for the latest meeting of a
year of the scale database (``bench.scale``), with every measure commented
on, and a two-paragraph response typed into every row with openpyxl (as a
spreadsheet program saves it). "Ours" is what File > Import responses and
``responses-in`` do with the database open: read and check the workbook,
compare it with the meeting and record every response in one transaction
(committed to disk). The whole command, which also opens the database (with
its integrity check) and closes it (a checkpoint), is timed beside it:
about 35 ms that do not grow with the workbook. Each run records into a
fresh copy of the database (copied outside the timing), so every run does
the same work. The baseline is bare openpyxl reading the same workbook (read-only,
formulas as written, values only), which no import can beat. The ratio of
medians, run turn about, is reported (goal: 1.5x).

``python -m bench.responses_bench`` prints the figures; ``make bench`` calls ``run()``.
"""

from __future__ import annotations

import dataclasses
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from bench.scale import SENTENCE, build_scale_database
from challenge_app.models import Challenge
from challenge_app.responses import apply_responses, make_plan, read_returned, write_request
from challenge_app.store import Store

MEASURES = 300
GOAL = 1.5
RESPONSE = "\n\n".join([SENTENCE * 3, SENTENCE * 2])


def prepare(folder: Path) -> tuple[Path, Path]:
    """The database (every measure commented on, no response yet) and the returned workbook."""
    db = build_scale_database(folder / "year.db", measures=MEASURES, years=1, meetings=4)
    store = Store.open(db)
    try:
        meeting = store.meetings.all()[0]  # the latest: 2016/17 Q4
        recorded = store.meetings.challenges(meeting.id)
        store.meetings.upsert_challenges(
            dataclasses.replace(
                recorded.get(m.code) or Challenge(meeting.id, m.code, f"About {m.code}."),
                provider_response="",
            )
            for m in store.measures.all()
        )
        sent = write_request(store, meeting, folder / "responses.xlsx").path
    finally:
        store.close()
    wb = load_workbook(sent)
    ws = wb["Responses"]
    for row in range(2, ws.max_row + 1):
        ws.cell(row=row, column=5).value = f"{ws.cell(row=row, column=1).value}: {RESPONSE}"
    wb.save(sent)
    return db, sent


def ours(store: Store, workbook: Path) -> int:
    """Read, check, compare and record, into a database that is open (as in the program)."""
    plan = make_plan(store, read_returned(workbook))
    return apply_responses(store, plan).count


def whole_command(db: Path, workbook: Path) -> int:
    """The same, opening and closing the database as ``responses-in`` does."""
    store = Store.open(db)
    try:
        return ours(store, workbook)
    finally:
        store.close()


def bare_openpyxl(workbook: Path) -> int:
    wb = load_workbook(workbook, read_only=True, data_only=False)
    count = sum(1 for _ in wb["Responses"].iter_rows(values_only=True))
    wb.close()
    return count


def _timed(action: Callable[[], object], cpu: list[float] | None = None) -> tuple[float, object]:
    """Wall-clock seconds and the result; the process's CPU seconds appended to ``cpu``."""
    start, start_cpu = time.perf_counter(), time.process_time()
    result = action()
    if cpu is not None:
        cpu.append(time.process_time() - start_cpu)
    return time.perf_counter() - start, result


def run(repeats: int = 11) -> dict:
    with tempfile.TemporaryDirectory(prefix="responses-bench-") as tmp:
        folder = Path(tmp)
        db, workbook = prepare(folder)
        rows = bare_openpyxl(workbook) - 1  # warms the file cache too
        ours_times, bare_times, command_times = [], [], []
        ours_cpu: list[float] = []
        bare_cpu: list[float] = []
        command_cpu: list[float] = []
        for n in range(repeats):
            store = Store.open(shutil.copy(db, folder / f"open-{n}.db"))
            try:
                seconds, recorded = _timed(lambda s=store: ours(s, workbook), ours_cpu)
            finally:
                store.close()
            assert recorded == rows, (recorded, rows)
            ours_times.append(seconds)
            bare_times.append(_timed(lambda: bare_openpyxl(workbook), bare_cpu)[0])
            fresh = Path(shutil.copy(db, folder / f"command-{n}.db"))
            command_times.append(_timed(lambda f=fresh: whole_command(f, workbook), command_cpu)[0])
    mine, baseline = statistics.median(ours_times), statistics.median(bare_times)
    command = statistics.median(command_times)
    return {
        "name": f"responses-in, {rows} measures",
        "ours_ms": round(mine * 1000, 1),
        "baseline_ms": round(baseline * 1000, 1),
        "baseline": "bare openpyxl read-only read of the same workbook",
        "ratio": round(mine / baseline, 2),
        "goal": GOAL,
        "command_ms": round(command * 1000, 1),
        "command_ratio": round(command / baseline, 2),
        # CPU time: fairer on a shared machine, where wall-clock time is mostly the wait for a CPU.
        "ours_cpu_ms": round(statistics.median(ours_cpu) * 1000, 1),
        "baseline_cpu_ms": round(statistics.median(bare_cpu) * 1000, 1),
        "cpu_ratio": round(statistics.median(ours_cpu) / statistics.median(bare_cpu), 2),
        "command_cpu_ratio": round(statistics.median(command_cpu) / statistics.median(bare_cpu), 2),
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
