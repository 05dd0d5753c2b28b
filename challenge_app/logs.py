"""The log file, and plain words for the problems an officer can fix.

Two audiences. IT (or the developers) need the full story of an unexpected
failure: that goes to a rotating log file in the user's log folder, owner-only
because tracebacks can quote the minutes. The officer needs to know what
happened and what to do: a full disk, a read-only folder or a file they are
not allowed to write is not a bug, and is told in one sentence, never as a
traceback on the terminal.
"""

from __future__ import annotations

import errno
import logging
import logging.handlers
import os
import sqlite3
from pathlib import Path

from challenge_app.paths import log_dir

LOG_FILENAME = "challenge.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
OWNER_ONLY_FILE = 0o600
OWNER_ONLY_DIR = 0o700
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"


class OwnerOnlyRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file (the current one and each new one) is owner-only.

    The standard handler creates files with the process umask (usually
    world-readable), and it creates a new one on every rotation.
    """

    def _open(self):  # type: ignore[override]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, OWNER_ONLY_FILE)
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)


def _our_handler() -> OwnerOnlyRotatingFileHandler | None:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, OwnerOnlyRotatingFileHandler):
            return handler
    return None


def current_log_file() -> Path | None:
    """The file this process is logging to, if logging has been set up."""
    handler = _our_handler()
    return Path(handler.baseFilename) if handler else None


def setup_logging(folder: Path | None = None, *, level: int = logging.INFO) -> Path | None:
    """Log to ``<log folder>/challenge.log`` (rotating); return its path.

    Safe to call more than once (the command line and the GUI both do): a
    second call to the same folder changes nothing. If the folder cannot be
    created (a locked-down profile) the program still runs, without a log
    file, and None is returned: a log must never be the reason work stops.
    """
    folder = Path(folder) if folder else log_dir()
    path = folder / LOG_FILENAME
    existing = _our_handler()
    root = logging.getLogger()
    if existing and Path(existing.baseFilename) == path.resolve():
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_DIR)
        handler = OwnerOnlyRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None
    if existing:
        root.removeHandler(existing)
        existing.close()
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


_OS_PROBLEMS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "it is on a read-only drive",
    errno.EACCES: "you do not have permission to change it",
    errno.EPERM: "you do not have permission to change it",
}

_SQLITE_PROBLEMS = {
    "database or disk is full": "the disk is full",
    "attempt to write a readonly database": "the file or its folder is read-only",
    "unable to open database file": "the file or its folder cannot be opened or created",
    "disk i/o error": "the disk reported an error while reading or writing it",
}

_WHAT_TO_DO = {
    "the disk is full": "Free some space (or choose another drive) and try again.",
    "your disk quota is used up": "Delete files you no longer need, or ask IT for more space.",
}


def explain_storage_error(exc: BaseException, where: Path | str | None = None) -> str | None:
    """One plain sentence for a full disk / read-only / permission problem, else None.

    ``where`` names the database for SQLite's errors, which never say which
    file they are about.
    """
    problem = None
    filename = None
    if isinstance(exc, OSError) and exc.errno in _OS_PROBLEMS:
        problem = _OS_PROBLEMS[exc.errno]
        filename = exc.filename  # a failed write() names no file: say none rather than guess
    elif isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        problem = next((why for key, why in _SQLITE_PROBLEMS.items() if key in text), None)
        filename = where
    if problem is None:
        return None
    subject = f"{filename} could not be written" if filename else "A file could not be written"
    advice = _WHAT_TO_DO.get(
        problem, "Choose a folder you can write to, or ask IT to check its permissions."
    )
    return f"{subject}: {problem}. {advice} Nothing else was changed."
