"""Starting the GUI: the order of the checks that keep an officer's records safe.

1. Logging and the error dialog first, so anything that fails later is
   written down and explained.
2. The write lock: a second copy on the same database is told who has it and
   offered read-only viewing (``ask_open_read_only``) or to quit.
3. Opening runs SQLite's integrity check; a damaged file is never written to,
   and the officer is offered the latest good backup instead.
4. A backup of the sound database, every start (not for the throwaway demo).
5. The main window.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from challenge_app import __version__
from challenge_app.errors import InputError
from challenge_app.logs import explain_storage_error, setup_logging
from challenge_app.paths import resource
from challenge_app.store import Store
from challenge_app.store.backup import (
    backup_on_start,
    backups_folder,
    latest_good_backup,
    restore_file,
    summarise,
)
from challenge_app.store.integrity import DamagedDatabaseError
from challenge_app.store.lock import DatabaseLock, DatabaseLockedError
from ui.dialogs.error_dialog import install_excepthook
from ui.dialogs.startup_dialogs import (
    ask_open_read_only,
    ask_read_only_instead,
    ask_restore_damaged,
    warn_backup_failed,
)

ORGANISATION = "Challenge"
APPLICATION = "Challenge"
ICON_SIZES = (16, 32, 48, 64, 128, 256)

log = logging.getLogger(__name__)


class _QuitOnFirstPaint(QObject):
    """For ``--exit-when-ready``: quit once the window has really been painted."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource("icons", f"challenge-{size}.png")))
    return icon


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("challenge-app")
    app.setWindowIcon(app_icon())
    return app


@dataclass
class Session:
    """An open database and, unless it is read-only, the write lock on it."""

    store: Store
    lock: DatabaseLock | None
    backup: Path | None = None

    def close(self) -> None:
        try:
            self.store.close()
        finally:
            if self.lock is not None:
                self.lock.release()


def _open_checked(db_path: Path, parent: QWidget | None, interactive: bool) -> Store | None:
    """Open for writing; on a damaged file offer the latest good backup (None: quit)."""
    try:
        return Store.open(db_path)
    except DamagedDatabaseError as exc:
        log.error("damaged database: %s", exc)
        if not interactive:
            raise
        good = latest_good_backup(db_path)
        if not ask_restore_damaged(parent, exc, summarise(good) if good else None):
            return None
        aside = restore_file(db_path, good.path)
        log.warning("restored %s from %s; damaged file kept as %s", db_path, good.path, aside)
        return Store.open(db_path)


def _backup_at_start(store: Store, parent: QWidget | None, interactive: bool) -> Path | None:
    """Today's backup (if not yet taken), but never let a failed one stop the officer."""
    try:
        made = backup_on_start(store.db, store.path)
    except Exception as exc:
        reason = explain_storage_error(exc, backups_folder(store.path)) or f"The error: {exc}"
        log.warning("start-of-session backup failed: %s", reason, exc_info=True)
        if interactive:
            warn_backup_failed(parent, reason)
        return None
    if made is None:
        log.info("today's backup of %s was already taken", store.path)
    else:
        log.info("backed up %s to %s", store.path, made)
    return made


def open_session(
    db_path: Path,
    *,
    parent: QWidget | None = None,
    interactive: bool = True,
    demo: bool = False,
) -> Session | None:
    """Lock, check, open and back up ``db_path``; None if the officer chose to quit.

    With ``interactive`` False (the ``--exit-when-ready`` self-check) nothing
    is asked: a locked or damaged database raises its ``InputError``.
    """
    db_path = Path(db_path)
    lock = DatabaseLock(db_path)
    try:
        lock.acquire()
    except DatabaseLockedError as exc:
        log.info("database in use: %s", exc)
        if not interactive:
            raise
        if not ask_open_read_only(parent, exc):
            return None
        return Session(Store.open(db_path, readonly=True), None)
    except OSError as exc:
        # A database on a read-only share or CD, or in someone else's folder:
        # it cannot be locked for writing, but it can still be read.
        reason = explain_storage_error(exc)
        if not interactive or reason is None or not db_path.exists():
            raise
        log.info("cannot write beside %s: %s", db_path, reason)
        if not ask_read_only_instead(parent, db_path, reason):
            return None
        return Session(Store.open(db_path, readonly=True), None)
    if lock.stale is not None:
        log.warning("Challenge did not close properly last time; its lock was recovered")
    try:
        store = _open_checked(db_path, parent, interactive)
    except BaseException:
        lock.release()
        raise
    if store is None:
        lock.release()
        return None
    made = None if demo else _backup_at_start(store, parent, interactive)
    return Session(store, lock, made)


def _refuse(text: str) -> int:
    box = QMessageBox(QMessageBox.Icon.Critical, "Challenge", text, QMessageBox.StandardButton.Ok)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
    return 2


def run(db_path: Path, *, exit_when_ready: bool = False, demo: bool = False) -> int:
    """Open the main window on ``db_path``; return the process exit status."""
    log_file = setup_logging()
    app = make_application()
    reporter = install_excepthook(log_file)
    log.info("Challenge %s starting on %s", __version__, db_path)
    try:
        try:
            session = open_session(db_path, interactive=not exit_when_ready, demo=demo)
        except InputError as exc:
            if exit_when_ready:
                raise
            return _refuse(str(exc))
        except OSError as exc:
            explained = explain_storage_error(exc, db_path)
            if exit_when_ready or not explained:
                raise
            return _refuse(explained)
        if session is None:
            return 0
        try:
            from ui.window.main_window import MainWindow  # the heavy part, once the checks pass

            window = MainWindow(session.store, demo=demo)
            if exit_when_ready:
                quitter = _QuitOnFirstPaint(window)
                window.installEventFilter(quitter)
            window.show()
            code = app.exec()
            # Closing saves what the window holds (the form flushes its typing)
            # while the store is still open: after --exit-when-ready, or if the
            # event loop was ended from elsewhere, the window is still up.
            if window.isVisible():
                window.close()
            window.deleteLater()
            return code
        finally:
            session.close()
    finally:
        sys.excepthook = reporter.previous
