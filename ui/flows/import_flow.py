"""Importing a provider dataset from the GUI, and saving the blank template.

The flow an officer goes through: choose a file (the dialog opens in the folder
used last time), watch a progress dialog while it is read and checked, see the
preview of every change or every problem, and only then press Import. Reading
and checking run in a worker thread so a 20,000-row file never freezes the
window, and Cancel stops it. The database is only touched on the main thread
(SQLite connections belong to the thread that opened them), and the write is
one transaction.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from challenge_app.errors import InputError, Problem
from challenge_app.imports import Dataset, apply_plan, make_plan, read_dataset
from challenge_app.imports.template import write_template
from challenge_app.store import Store
from ui.flows.folders import choose_file_to_open, last_folder, remember_folder
from ui.flows.import_preview import ImportPreviewDialog
from ui.flows.progress_dialog import progress_dialog, show_step
from ui.text import message_box

LAST_FOLDER_KEY = "import/last_folder"
FILE_FILTER = "Provider datasets (*.csv *.xlsx *.xlsm);;All files (*)"
TEMPLATE_NAME = "import-template.xlsx"
#: A file read in less than this never flashes a progress dialog.

log = logging.getLogger(__name__)


class _Cancelled(Exception):
    """Raised inside the worker when the officer presses Cancel."""


class _ReadWorker(QObject):
    """Reads and checks a file off the main thread; touches no database."""

    progressed = Signal(int, int, str)
    finished = Signal(object)  # a Dataset, an InputError, None (cancelled) or an Exception

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.cancel = threading.Event()

    def _progress(self, done: int, total: int, what: str = "") -> None:
        if self.cancel.is_set():
            raise _Cancelled
        self.progressed.emit(done, total, what)

    @Slot()
    def run(self) -> None:
        try:
            result: object = read_dataset(self.path, self._progress)
        except _Cancelled:
            result = None
        except Exception as exc:  # handed to the main thread, which tells the officer
            result = exc
        self.finished.emit(result)


class _Waiter(QObject):
    """Lives on the main thread: receives the worker's signals and ends the wait."""

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop):
        super().__init__()
        self.dialog = dialog
        self.loop = loop
        self.result: object = None

    @Slot(int, int, str)
    def show_progress(self, done: int, total: int, what: str) -> None:
        # Without a total (the file does not say how long it is), count instead.
        label = f"{what}…" if total > 0 else f"{what}… {done:,} so far"
        show_step(self.dialog, done, total, label)

    @Slot(object)
    def finish(self, result: object) -> None:
        self.result = result
        self.loop.quit()


def read_with_progress(parent: QWidget | None, path: Path) -> object:
    """Read and check ``path`` in a worker thread behind a progress dialog.

    Returns the ``Dataset``, the ``InputError`` listing its problems, another
    exception if reading failed unexpectedly, or None if the officer cancelled.
    """
    dialog = progress_dialog(parent, "Importing", f"Reading {path.name}…")
    dialog.setValue(0)  # starts the clock: the dialog appears after PROGRESS_DELAY_MS
    loop = QEventLoop()
    waiter = _Waiter(dialog, loop)
    worker = _ReadWorker(path)
    thread = QThread()
    worker.moveToThread(thread)
    worker.progressed.connect(waiter.show_progress)
    worker.finished.connect(waiter.finish)
    dialog.canceled.connect(worker.cancel.set)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    return waiter.result


def _preview(parent: QWidget | None, path: Path, result: object, store: Store):
    """Build the preview for a read result: a plan, or the problems."""
    if isinstance(result, InputError):
        return ImportPreviewDialog(path, None, result.problems, parent)
    assert isinstance(result, Dataset)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        plan = make_plan(store, result)
    except InputError as exc:
        return ImportPreviewDialog(path, None, exc.problems, parent)
    finally:
        QGuiApplication.restoreOverrideCursor()
    return ImportPreviewDialog(path, plan, None, parent)


def _write(parent: QWidget | None, store: Store, dialog: ImportPreviewDialog) -> bool:
    assert dialog.plan is not None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        apply_plan(store, dialog.plan)
    except (sqlite3.Error, InputError, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        message_box(
            parent,
            QMessageBox.Icon.Critical,
            "Import failed",
            f"{dialog.file.name} could not be written to the database, "
            f"which has not been changed.\n\n{exc}",
        ).exec()
        return False
    QGuiApplication.restoreOverrideCursor()
    status_bar = getattr(parent, "statusBar", None)
    if callable(status_bar):
        status_bar().showMessage(dialog.plan.summary(), 10000)
    return True


def import_file_interactively(parent: QWidget, store: Store, path: Path | None = None) -> bool:
    """Import a provider dataset after showing its preview; True when data was written.

    Asks for the file when ``path`` is None (starting in the folder used last time).
    """
    if path is None:
        path = choose_file_to_open(parent, "Import provider dataset", LAST_FOLDER_KEY, FILE_FILTER)
        if path is None:
            return False
    path = Path(path)
    result = read_with_progress(parent, path)
    if result is None:
        return False
    if not isinstance(result, Dataset | InputError):
        log.error("reading %s failed", path, exc_info=result)
        result = InputError(Problem(f"the file could not be read ({result})", str(path)))
    dialog = _preview(parent, path, result, store)
    accepted = dialog.exec() == ImportPreviewDialog.DialogCode.Accepted
    written = accepted and dialog.importable and _write(parent, store, dialog)
    dialog.deleteLater()
    return written


def save_template_interactively(parent: QWidget | None) -> Path | None:
    """Help > Save blank import template: ask where, write it, return the path saved."""
    suggested = str(Path(last_folder(LAST_FOLDER_KEY)) / TEMPLATE_NAME)
    name, _ = QFileDialog.getSaveFileName(
        parent, "Save blank import template", suggested, "Excel workbook (*.xlsx)"
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    try:
        write_template(path)
    except OSError as exc:
        message_box(
            parent,
            QMessageBox.Icon.Warning,
            "Template not saved",
            f"The template could not be saved as {path}.\n\n{exc.strerror or exc}",
        ).exec()
        return None
    remember_folder(LAST_FOLDER_KEY, path)
    return path
