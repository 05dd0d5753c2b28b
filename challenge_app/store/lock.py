"""One writer at a time: a lock file beside the database.

Two copies of the program writing the same database would each overwrite the
other's typing. So whoever writes holds an operating-system lock on
``<database>.lock`` (``fcntl.flock`` on Linux and macOS, ``msvcrt.locking`` on
Windows). The operating system drops that lock the moment the process ends,
however it ends, so a crash never leaves the database locked for ever: the
next start finds the old file unlocked and takes it over (a *stale* lock).

The file also holds who has it (process id, computer, user, start time) so
the second copy can tell the officer something useful, not just "locked".
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import logging
import os
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from challenge_app.errors import InputError

log = logging.getLogger(__name__)

OWNER_ONLY_FILE = 0o600
OWNER_ONLY_DIR = 0o700
#: Windows locks byte ranges, and a locked range cannot be read by others:
#: lock one byte far past the holder details so they stay readable.
_WINDOWS_LOCK_OFFSET = 1 << 20


def lock_path(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or held) the lock, as written in the lock file."""

    pid: int | None
    host: str
    user: str
    started: str  # ISO 8601, local time

    @classmethod
    def me(cls) -> LockHolder:
        try:
            user = getpass.getuser()
        except (OSError, KeyError, ImportError):  # no login name (services, containers)
            user = ""
        return cls(
            os.getpid(), socket.gethostname(), user, datetime.now().isoformat(timespec="seconds")
        )

    @classmethod
    def parse(cls, text: str) -> LockHolder | None:
        """The holder recorded in a lock file, or None if it is empty or unreadable."""
        try:
            data = json.loads(text)
            pid = data.get("pid")
            return cls(
                int(pid) if pid is not None else None,
                str(data.get("host", "")),
                str(data.get("user", "")),
                str(data.get("started", "")),
            )
        except (ValueError, TypeError, AttributeError):
            return None

    def to_json(self) -> str:
        return json.dumps(
            {"pid": self.pid, "host": self.host, "user": self.user, "started": self.started}
        )

    def describe(self) -> str:
        """E.g. "by jsmith on LAPTOP-42 (process 1234), since 26 Nov 2026 at 09:51"."""
        parts = []
        if self.user:
            parts.append(f"by {self.user}")
        if self.host:
            parts.append(f"on {self.host}")
        text = " ".join(parts) or "by another copy of Challenge"
        if self.pid is not None:
            text += f" (process {self.pid})"
        try:
            since = datetime.fromisoformat(self.started)
            text += f", since {since:%d %b %Y} at {since:%H:%M}"
        except ValueError:
            pass
        return text


class DatabaseLockedError(InputError):
    """Another copy of the program is writing this database."""

    def __init__(self, db_path: Path, holder: LockHolder | None):
        self.db_path = db_path
        self.holder = holder
        who = holder.describe() if holder else "by another copy of Challenge"
        super().__init__(
            f"{db_path} is already open for changes {who}. Only one copy of Challenge can "
            "change a database at a time; close the other copy first (or open this one "
            "read-only). Nothing has been changed."
        )


def _try_os_lock(fd: int) -> bool:
    """Take the exclusive OS lock without waiting; False if someone else has it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        raise
    return True


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _read_all(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 4096):
        chunks.append(chunk)
        if sum(map(len, chunks)) > 64 * 1024:  # a lock file is tiny; stop on junk
            break
    return b"".join(chunks).decode("utf-8", errors="replace")


def read_holder(db_path: Path | str) -> LockHolder | None:
    """Who the lock file says holds the database (it may be stale)."""
    try:
        return LockHolder.parse(lock_path(db_path).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


class DatabaseLock:
    """The write lock on one database; ``acquire()`` then ``release()``, or ``with``.

    ``stale`` is set when the lock file was left behind by a copy that ended
    without releasing it (a crash or power cut) and this lock took it over.
    """

    def __init__(self, db_path: Path | str):
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self.stale: LockHolder | None = None
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> DatabaseLock:
        """Take the lock or raise ``DatabaseLockedError`` naming who has it."""
        if self._fd is not None:
            return self
        while True:
            fd = self._open_lock_file()
            try:
                if not _try_os_lock(fd):
                    holder = LockHolder.parse(_read_all(fd))
                    raise DatabaseLockedError(self.db_path, holder)
                if self._still_the_lock_file(fd):
                    break
            except BaseException:
                os.close(fd)
                raise
            # The previous holder removed the file between our open and our
            # lock: we locked a file nobody else will look at. Try again.
            os.close(fd)
        previous = _read_all(fd).strip()
        if previous:
            self.stale = LockHolder.parse(previous)
            log.warning(
                "recovered a stale lock on %s left %s",
                self.db_path,
                self.stale.describe() if self.stale else "by an unknown process",
            )
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, LockHolder.me().to_json().encode("utf-8"))
        os.fsync(fd)
        self._fd = fd
        return self

    def _open_lock_file(self) -> int:
        """Open (creating) the lock file; a failure names the database, which the
        officer knows, rather than a ``.lock`` file they have never seen."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_DIR)
            return os.open(self.path, os.O_RDWR | os.O_CREAT, OWNER_ONLY_FILE)
        except OSError as exc:
            raise type(exc)(exc.errno, exc.strerror, str(self.db_path)) from exc

    def _still_the_lock_file(self, fd: int) -> bool:
        if sys.platform == "win32":  # an open file cannot be removed on Windows
            return True
        try:
            return os.path.samestat(os.fstat(fd), os.stat(self.path))
        except FileNotFoundError:
            return False

    def release(self) -> None:
        """Give the lock up and remove the file (an orderly exit leaves nothing behind)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if sys.platform != "win32":
                # Remove while still locked, so nobody can lock the old file meanwhile.
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
            _os_unlock(fd)
        finally:
            os.close(fd)
        if sys.platform == "win32":
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> DatabaseLock:
        return self.acquire()

    def __exit__(self, *exc_info: object) -> None:
        self.release()


@contextlib.contextmanager
def database_lock(db_path: Path | str) -> Iterator[DatabaseLock]:
    """Hold the write lock for the duration of a ``with`` block.

    The command line's writing subcommands run inside this, so they refuse
    (exit 2, with who holds it) while the program has the database open.
    """
    with DatabaseLock(db_path) as lock:
        yield lock
