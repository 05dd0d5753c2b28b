"""Is this database file sound? Checked on every open, before anything writes.

A database damaged by a failing disk, a power cut mid-write or a bad copy off
a USB stick must never be written to: writing can spread the damage and lose
what could still be recovered. So ``open_database`` asks SQLite to check the
file first, and a damaged file is refused untouched; the officer is then
offered the latest backup that passes the same check.

``PRAGMA integrity_check`` reads every page and index; on a large file that
takes a while, so above ``FULL_CHECK_LIMIT`` bytes the faster ``quick_check``
(which skips comparing indexes with their tables) is used instead.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from challenge_app.errors import InputError

FULL_CHECK_LIMIT = 64 * 1024 * 1024
#: SQLite stops listing problems after this many; the first few say enough.
MAX_PROBLEMS = 20


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    problems: tuple[str, ...] = ()

    def summary(self) -> str:
        if self.ok:
            return "ok"
        shown = "; ".join(self.problems[:2])
        more = len(self.problems) - 2
        return shown + (f" (and {more} more)" if more > 0 else "")


class DamagedDatabaseError(InputError):
    """The database file failed SQLite's integrity check; it has not been changed."""

    def __init__(self, path: Path, report: IntegrityReport):
        self.path = path
        self.report = report
        super().__init__(
            f"{path} is damaged and cannot be used safely ({report.summary()}). "
            "It has not been changed. Restore the latest backup (File > Restore from backup "
            "in Challenge), or ask IT to recover the file."
        )


def check_connection(conn: sqlite3.Connection, *, full: bool = True) -> IntegrityReport:
    """Run SQLite's own check on an open connection (reads only, writes nothing)."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as exc:  # "database disk image is malformed" and kin
        return IntegrityReport(False, (str(exc),))
    # Newer SQLite returns one row holding every problem, one per line.
    lines = (line.strip() for row in rows if row for line in str(row[0]).splitlines())
    problems = tuple(line for line in lines if line and line != "ok" and not line.startswith("***"))
    return IntegrityReport(not problems, problems)


def wants_full_check(path: Path) -> bool:
    try:
        return path.stat().st_size <= FULL_CHECK_LIMIT
    except OSError:
        return True


def check_file(path: Path | str) -> IntegrityReport:
    """Check a database file without changing it (opened read-only).

    Used for backups before they are offered or restored, and for any file
    that is not already open.
    """
    path = Path(path)
    if not path.is_file():
        return IntegrityReport(False, (f"{path.name} does not exist",))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return IntegrityReport(False, (str(exc),))
    with contextlib.closing(conn):
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:  # "file is not a database"
            return IntegrityReport(False, (str(exc),))
        return check_connection(conn, full=wants_full_check(path))
