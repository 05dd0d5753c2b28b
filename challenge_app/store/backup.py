"""Backups: one copy of the database a day, kept for the last N days.

Officers keep years of minutes in one file on a laptop. A copy taken at the
first start of each day means a mistake, a bad import or a damaged disk
costs at most one day's work, without a new file at every launch (an officer
who opens and closes the program five times in a minute gets one copy).
Copies are made with SQLite's backup API, which gives a consistent snapshot
even while the database is open in WAL mode (a plain file copy could catch
it half-written).

Copies live in a ``backups`` folder beside the database, named
``<stem>-YYYYMMDD-HHMMSS.db``. The first start of a day adds one (any copy
already taken that day, such as the safety copy before a restore, counts);
older days keep only their last copy, and days older than the setting ``backup_keep_days``
(default 14) are removed, though the newest few copies are always kept so a
long holiday never leaves the officer with none.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from challenge_app.errors import InputError
from challenge_app.store.connection import OWNER_ONLY_DIR, OWNER_ONLY_FILE, check_not_newer
from challenge_app.store.integrity import IntegrityReport, check_file
from challenge_app.store.schema import migrations
from challenge_app.store.settings import SettingsRepo

BACKUP_FOLDER = "backups"
KEEP_DAYS_SETTING = "backup_keep_days"  # read and written by SettingsRepo
DEFAULT_KEEP_DAYS = 14
#: However old they are, this many of the newest copies are never pruned.
ALWAYS_KEEP = 3
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    #: Second and later copies within the same second get -1, -2...
    sequence: int = 0


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, shown before the officer restores it."""

    backup: Backup
    integrity: IntegrityReport
    measures: int = 0
    meetings: int = 0
    challenges: int = 0
    latest_meeting: str = ""

    @property
    def usable(self) -> bool:
        return self.integrity.ok


def backups_folder(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUP_FOLDER


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(
        re.escape(db_path.stem) + r"-(\d{8}-\d{6})(?:-(\d+))?" + re.escape(db_path.suffix) + "$"
    )


def list_backups(db_path: Path | str) -> list[Backup]:
    """This database's backups, newest first."""
    db_path = Path(db_path)
    folder = backups_folder(db_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path)
    found = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if not match or not entry.is_file():
            continue
        try:
            taken = datetime.strptime(match.group(1), _STAMP)
            found.append(Backup(entry, taken, int(match.group(2) or 0)))
        except ValueError:  # a name that looks right but is no real date
            continue
    return sorted(found, key=lambda b: (b.taken, b.sequence), reverse=True)


def _free_name(folder: Path, db_path: Path, when: datetime) -> Path:
    """``<stem>-YYYYMMDD-HHMMSS<suffix>``, with a counter if two starts share a second."""
    base = f"{db_path.stem}-{when.strftime(_STAMP)}"
    candidate = folder / f"{base}{db_path.suffix}"
    counter = 1
    while candidate.exists():
        candidate = folder / f"{base}-{counter}{db_path.suffix}"
        counter += 1
    return candidate


def _copy_into(source: sqlite3.Connection, target: Path) -> None:
    """Snapshot ``source`` into a new owner-only file ``target`` via the backup API.

    The copy is switched to an ordinary (rollback) journal so it is one
    self-contained file, readable without -wal/-shm companions.
    """
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE)
    os.close(fd)
    with contextlib.closing(sqlite3.connect(target, isolation_level=None)) as dest:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")


def make_backup(
    source: sqlite3.Connection, db_path: Path | str, *, now: datetime | None = None
) -> Path:
    """Copy the open database into its backups folder; return the new file.

    Written under a temporary name and renamed, so a full disk or a crash
    mid-copy never leaves a half backup that looks like a good one.
    """
    db_path = Path(db_path)
    folder = backups_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_DIR)
    final = _free_name(folder, db_path, now or datetime.now())
    partial = final.with_name(f".{final.name}.partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    try:
        _copy_into(source, partial)
        os.replace(partial, final)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return final


def backup_before_replacing(db: Database, db_path: Path | str) -> Path:
    """The copy every replacing import takes before it writes (a pack with ``--replace``,
    a responses workbook with ``--replace``, a record-by-record choice in a preview).

    It joins the start-of-session copies in the backups folder, so the GUI's
    backup list can restore it if the officer regrets the import.
    """
    return make_backup(db.conn, db_path)


def keep_days(db: Database) -> int:
    """The database's own setting (``SettingsRepo.backup_keep_days``), default 14."""
    return SettingsRepo(db).backup_keep_days


def backups_to_prune(backups: list[Backup], days: int, today: date) -> list[Backup]:
    """Which copies go: older than ``days``, or not the last of their (past) day."""
    oldest_kept = today - timedelta(days=days - 1)
    newest_first = sorted(backups, key=lambda b: (b.taken, b.sequence), reverse=True)
    newest = {b.path for b in newest_first[:ALWAYS_KEEP]}
    seen_days: set[date] = set()
    doomed = []
    for backup in newest_first:
        day = backup.taken.date()
        if backup.path in newest:
            seen_days.add(day)
            continue
        if day < oldest_kept or (day != today and day in seen_days):
            doomed.append(backup)
        seen_days.add(day)
    return doomed


def prune_backups(db_path: Path | str, days: int, *, today: date | None = None) -> list[Path]:
    """Remove the copies ``backups_to_prune`` picks; return what was removed."""
    removed = []
    for backup in backups_to_prune(list_backups(db_path), days, today or date.today()):
        with contextlib.suppress(FileNotFoundError):
            backup.path.unlink()
            removed.append(backup.path)
    return removed


def backed_up_on(backups: list[Backup], day: date) -> bool:
    """Whether any of ``backups`` was taken on ``day`` (the daily rule)."""
    return any(backup.taken.date() == day for backup in backups)


def backup_on_start(
    db: Database, db_path: Path | str, *, now: datetime | None = None
) -> Path | None:
    """The day's copy if none was taken yet today, then pruning by the database's setting.

    Returns the new copy, or None when today's was already there. ``now`` is
    the clock (tests pass a fixed one).
    """
    now = now or datetime.now()
    made = None
    if not backed_up_on(list_backups(db_path), now.date()):
        made = make_backup(db.conn, db_path, now=now)
    prune_backups(db_path, keep_days(db), today=now.date())
    return made


def _count(conn: sqlite3.Connection, table: str) -> int:
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:  # a very old copy without that table
        return 0


def summarise(backup: Backup) -> BackupSummary:
    """Check a backup and count what it holds, without changing it."""
    report = check_file(backup.path)
    if not report.ok:
        return BackupSummary(backup, report)
    uri = f"{backup.path.resolve().as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        latest = ""
        with contextlib.suppress(sqlite3.OperationalError):
            row = conn.execute(
                "SELECT title, date, period FROM meetings ORDER BY date DESC, id DESC LIMIT 1"
            ).fetchone()
            if row:
                day = date.fromisoformat(row[1])
                latest = f"{row[0]}, {day.day} {day:%b %Y} ({row[2]})"
        return BackupSummary(
            backup,
            report,
            measures=_count(conn, "measures"),
            meetings=_count(conn, "meetings"),
            challenges=_count(conn, "challenges"),
            latest_meeting=latest,
        )


def latest_good_backup(db_path: Path | str) -> Backup | None:
    """The newest backup that passes the integrity check (for a damaged database)."""
    for backup in list_backups(db_path):
        if check_file(backup.path).ok:
            return backup
    return None


def _check_restorable(backup: Path) -> None:
    report = check_file(backup)
    if not report.ok:
        raise InputError(f"{backup} cannot be restored: it is damaged ({report.summary()})")
    with contextlib.closing(
        Database(
            sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True),
            execute_plugins=False,
        )
    ) as db:
        check_not_newer(db, backup)


def restore_into(db: Database, db_path: Path | str, backup: Path | str) -> Path:
    """Replace the open database's content with ``backup``; return the safety copy.

    A copy of the database as it is now is taken first (it appears among the
    backups, so a restore can itself be undone). The content is then written
    with the backup API into the open connection: one all-or-nothing write,
    so the program's open store stays valid and nothing is half replaced.
    """
    backup = Path(backup)
    _check_restorable(backup)
    safety = make_backup(db.conn, db_path)
    uri = f"{backup.resolve().as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as source:
        source.backup(db.conn)
    if db.journal_mode != "wal":
        db.enable_wal()
    migrations.apply(db)  # a copy from an older version is brought up to date
    return safety


def restore_file(db_path: Path | str, backup: Path | str, *, now: datetime | None = None) -> Path:
    """Put ``backup`` in place of a database that cannot be opened (a damaged one).

    The damaged file (and any -wal/-shm beside it) is moved aside, not
    deleted, in case IT can recover more from it; the backup is copied under
    a temporary name in the same folder and renamed into place. Returns where
    the damaged file was put. The caller holds the database lock.
    """
    db_path, backup = Path(db_path), Path(backup)
    _check_restorable(backup)
    stamp = (now or datetime.now()).strftime(_STAMP)
    aside = db_path.with_name(f"{db_path.stem}.damaged-{stamp}{db_path.suffix}")
    incoming = db_path.with_name(f".{db_path.name}.restoring")
    with contextlib.suppress(FileNotFoundError):
        incoming.unlink()
    with contextlib.closing(
        sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    ) as src:
        _copy_into(src, incoming)
    try:
        if db_path.exists():
            os.replace(db_path, aside)
        for companion in ("-wal", "-shm"):
            extra = db_path.with_name(db_path.name + companion)
            if extra.exists():
                os.replace(extra, aside.with_name(aside.name + companion))
        os.replace(incoming, db_path)
    except BaseException:
        with contextlib.suppress(OSError):
            incoming.unlink()
        if aside.exists() and not db_path.exists():  # put the original back as it was
            os.replace(aside, db_path)
        raise
    return aside
