"""Opening the database safely.

Before the program touches a database it checks four things: that it can
read it, that it was not written by a newer version (which we would corrupt),
that it is a Challenge database at all (another program's SQLite file is
refused before a table is added or its journal switched to WAL), and whether
it needs migrating, in which case a copy is kept beside it first.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from challenge_app.errors import InputError, NewerDatabaseError
from challenge_app.store.integrity import DamagedDatabaseError, check_connection, wants_full_check
from challenge_app.store.schema import known_migrations, migrations

OWNER_ONLY_FILE = 0o600
OWNER_ONLY_DIR = 0o700


def _create_owner_only(path: Path) -> None:
    """Create an empty file readable by its owner only (where the OS has modes)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_DIR)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY_FILE)
    os.close(fd)


def check_not_newer(db: Database, path: Path) -> None:
    """Refuse a database that has migrations this version does not know."""
    applied = [m.name for m in migrations.applied(db)]
    known = known_migrations() if applied else ()
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise NewerDatabaseError(
            f"{path} was written by a newer version of Challenge "
            f"(it has schema changes {', '.join(unknown)} that this version does not know). "
            "Install the newer version to open it; this database has not been changed."
        )


def check_is_challenge_database(db: Database, path: Path) -> None:
    """Refuse another program's SQLite file before anything is written to it.

    A Challenge database has applied Challenge migrations; an empty one (a
    new file, or SQLite with no tables) becomes one. Anything else is some other
    application's data: adding our tables or switching it to WAL would change
    a file the officer never meant to give us.
    """
    if migrations.applied(db):
        return
    others = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        ).fetchall()
    ]
    if others:
        shown = ", ".join(sorted(others)[:5]) + (" ..." if len(others) > 5 else "")
        raise InputError(
            f"{path} is not a Challenge database: it is another program's SQLite file "
            f"(it holds {shown}). It has not been changed; choose a Challenge database, "
            "or a new file name to start one."
        )


def backup_before_migration(path: Path) -> Path:
    """Copy the database (and any WAL content) aside before a schema change."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    copy = path.with_name(f"{path.stem}.before-upgrade-{stamp}{path.suffix}")
    with contextlib.closing(sqlite3.connect(path)) as src:
        src.execute("PRAGMA wal_checkpoint(FULL)")
    shutil.copy2(path, copy)
    os.chmod(copy, OWNER_ONLY_FILE)
    return copy


def _read_only_uri(path: Path) -> str:
    """A read-only URI; ``immutable`` where SQLite could not otherwise read it.

    A WAL database needs its -shm file, which SQLite cannot create in a folder
    it may not write (a read-only share, a CD). There, nobody can be writing the
    file through this folder either, so it is opened as immutable.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    shm = path.with_name(path.name + "-shm")
    if not shm.exists() and not os.access(path.parent, os.W_OK):
        uri += "&immutable=1"
    return uri


def open_database(path: Path | str, *, readonly: bool = False) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises ``InputError`` for a file that is not a Challenge database (not
    SQLite, or another program's SQLite file) or is from a newer version, and
    ``DamagedDatabaseError`` (an ``InputError``) for one that fails SQLite's
    integrity check; in every case the file is left exactly as it was.
    """
    path = Path(path)
    existed = path.exists()
    if not existed:
        if readonly:
            raise InputError(f"{path} does not exist")
        _create_owner_only(path)
    try:
        if readonly:
            conn = sqlite3.connect(_read_only_uri(path), uri=True, isolation_level=None)
        else:
            # Driver autocommit: transactions are only the explicit ones
            # (db.atomic()), never an implicit one left open by accident.
            conn = sqlite3.connect(path, isolation_level=None)
        # No sqlite-utils plugins: scanning for them costs ~30 ms at every start,
        # and code from other installed packages has no business in our database.
        db = Database(conn, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 5000")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # is it SQLite at all?
        check_not_newer(db, path)
        check_is_challenge_database(db, path)
    except InputError:
        conn.close()  # a file we must not touch is not kept open either
        raise
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{path} is not a Challenge database that can be opened ({exc})") from exc
    if existed:
        # Before anything writes: a damaged file is refused exactly as it is.
        report = check_connection(conn, full=wants_full_check(path))
        if not report.ok:
            conn.close()
            raise DamagedDatabaseError(path, report)
    if readonly:
        return db
    if migrations.pending(db) and migrations.applied(db):
        backup_before_migration(path)
    if db.journal_mode != "wal":
        db.enable_wal()
    migrations.apply(db)
    return db
