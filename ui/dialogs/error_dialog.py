"""What the officer sees when something goes wrong that nobody planned for.

Installed as ``sys.excepthook`` by the start-up code, so an exception in any
slot ends up here instead of vanishing into a terminal nobody has open. The
full traceback goes to the log file; the officer gets what to do next and
where that log is, so IT can be sent it. A full disk or read-only folder is
not a bug: it gets one plain sentence and no talk of logs.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from challenge_app.logs import explain_storage_error

log = logging.getLogger(__name__)

TITLE = "Challenge"
OPEN_LOG_FOLDER = "Open log folder"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def unexpected_error_text(log_file: Path | None) -> str:
    where = (
        f"The details have been written to the log file:\n{log_file}"
        if log_file
        else "No log file could be written on this computer."
    )
    return (
        "Something went wrong that Challenge did not expect.\n\n"
        "Everything you saved before this is safe: each change is stored as you make it. "
        "If you were in the middle of typing, check that text is still there, then carry on "
        "or close and reopen Challenge.\n\n"
        f"If it happens again, please send the log file to your IT service desk. {where}"
    )


def build_error_box(
    parent: QWidget | None,
    exc: BaseException,
    tb: TracebackType | None,
    log_file: Path | None,
) -> QMessageBox:
    """The dialog for one exception (built separately so tests can inspect it)."""
    box = QMessageBox(parent)
    box.setWindowTitle(TITLE)
    box.setTextFormat(Qt.TextFormat.PlainText)
    explained = explain_storage_error(exc)
    if explained:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(explained)
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(unexpected_error_text(log_file))
        box.setDetailedText("".join(traceback.format_exception(type(exc), exc, tb)))
        if log_file is not None:
            folder = box.addButton(OPEN_LOG_FOLDER, QMessageBox.ButtonRole.ActionRole)
            folder.clicked.disconnect()  # keep the box open: the officer still has to read it
            folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file.parent)))
            )
    box.addButton(QMessageBox.StandardButton.Ok)
    return box


class ErrorReporter:
    """The ``sys.excepthook`` for the GUI: log it, then tell the officer.

    Only one dialog at a time: an error repeating in a paint event would
    otherwise pile up boxes faster than anyone could close them; the repeats
    still go to the log.
    """

    def __init__(self, log_file: Path | None, previous: ExceptHook | None = None):
        self.log_file = log_file
        self.previous = previous or sys.__excepthook__
        self.showing: QMessageBox | None = None

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, exc, tb)
            return
        if explain_storage_error(exc):
            log.warning("%s", explain_storage_error(exc), exc_info=(kind, exc, tb))
        else:
            log.critical("unexpected error", exc_info=(kind, exc, tb))
        if QApplication.instance() is None:
            self.previous(kind, exc, tb)
            return
        if self.showing is not None:
            return
        parent = QApplication.activeWindow()
        self.showing = build_error_box(parent, exc, tb, self.log_file)
        try:
            self.showing.exec()
        finally:
            self.showing.deleteLater()
            self.showing = None


def install_excepthook(log_file: Path | None) -> ErrorReporter:
    """Route uncaught exceptions to the log and a dialog; return the hook."""
    current = sys.excepthook
    previous = current.previous if isinstance(current, ErrorReporter) else current
    reporter = ErrorReporter(log_file, previous)
    sys.excepthook = reporter
    return reporter
