"""What the commands that export one meeting share: ``--period`` and ``--out``,
finding the meeting, progress on the terminal and the closing line.

``export`` (the appendices workbook) and ``report`` (the Word report) differ
only in the file they write, so each passes its own ``check_out_path`` and
export function; ``responses-out`` shares the checks and the meeting lookup.
Bad input (no such database, a period that is not a quarter, no meeting on
it, an output that cannot be written) exits 2 with a message saying which,
and writes nothing. Measures placed in an appendix with nothing
written for them are published with empty cells; they are named on stderr so
the officer can write for them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from challenge_app.commands import add_db_argument, require_db
from challenge_app.errors import InputError, Problem
from challenge_app.models import Meeting
from challenge_app.periods import parse_quarter
from challenge_app.progress import Progress, TerminalProgress
from challenge_app.store import Store

if TYPE_CHECKING:  # the export modules are imported only when a command runs
    from challenge_app.export.appendices import ExportResult

Export = Callable[[Store, Meeting, Path, Progress], "ExportResult"]


def add_arguments(parser: argparse.ArgumentParser, written: str) -> None:
    """``--db``, ``--period`` and ``--out`` (``written`` says what, e.g. "workbook (.xlsx)")."""
    add_db_argument(parser)
    parser.add_argument("--period", required=True, help='quarter to export, e.g. "2016/17 Q1"')
    parser.add_argument("--out", type=Path, required=True, help=f"{written} to write")


def _no_meeting(store: Store, period: str, db: Path) -> InputError:
    periods = sorted({m.period for m in store.meetings.all()})
    known = f"meetings on record review {', '.join(periods)}" if periods else "it has no meetings"
    return InputError(
        Problem(f"no meeting reviews {period}, so there is nothing to export ({known})", str(db))
    )


def checked_arguments(
    args: argparse.Namespace, check_out_path: Callable[[Path], Path]
) -> tuple[Path, str, Path]:
    """``(database, period, out)`` from the arguments, each checked; nothing is opened."""
    db = require_db(args)
    try:
        period = str(parse_quarter(args.period))
    except InputError as exc:
        raise InputError(f"--period: {exc}") from exc
    out = check_out_path(args.out)
    if not db.is_file():
        raise InputError(Problem("no such database file", str(db)))
    return db, period, out


def meeting_for(store: Store, period: str, db: Path) -> Meeting:
    """The latest meeting that reviewed ``period``; refused, saying which there are, if none."""
    meeting = store.meetings.latest_for_period(period)
    if meeting is None:
        raise _no_meeting(store, period, db)
    return meeting


def run_export(
    args: argparse.Namespace, check_out_path: Callable[[Path], Path], export: Export
) -> int:
    """Export the latest meeting that reviewed ``--period`` to ``--out``."""
    db, period, out = checked_arguments(args, check_out_path)
    from challenge_app.board import board_for_meeting

    store = Store.open(db)
    try:
        meeting = meeting_for(store, period, db)
        result = export(store, meeting, out, TerminalProgress())
        empty = [r for r in board_for_meeting(store, meeting) if r.placed_but_empty]
    finally:
        store.close()
    print(
        f"Wrote {result.path} ({meeting.label}): "
        f"{result.appendix1} measures in Appendix 1, {result.appendix2} in Appendix 2"
    )
    if empty:
        listed = ", ".join(f"{r.code} ({r.published.label})" for r in empty)
        print(
            f"Placed in an appendix with nothing written, so published with empty cells: {listed}",
            file=sys.stderr,
        )
    return 0
