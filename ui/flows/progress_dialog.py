"""A progress dialog that the core's ``Progress`` callables can drive.

Export, pack export and pack import run on the main thread (the store's
SQLite connection belongs to it), so each progress report also lets the
window repaint and notice Cancel, which raises the caller's own exception
inside the job: a transaction then rolls back, a half-written file is removed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

#: Quick jobs finish without a dialog flashing up; slower ones show it after this.
PROGRESS_DELAY_MS = 400


def progress_dialog(parent: QWidget | None, title: str, label: str) -> QProgressDialog:
    """A window-modal dialog with Cancel that appears only if the job takes a while."""
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    return dialog


def show_step(dialog: QProgressDialog, done: int, total: int, label: str) -> None:
    """Show a step: its words first, then its count. On a modal dialog ``setValue``
    runs events, and the officer must never see a new stage's count under the old
    stage's words (nor a Cancel be judged against them)."""
    dialog.setLabelText(label)
    if total > 0:
        dialog.setMaximum(total)
        dialog.setValue(min(done, total))


class DialogProgress:
    """A ``Progress`` that drives a progress dialog and turns Cancel into ``cancelled``."""

    def __init__(self, parent: QWidget | None, title: str, label: str, cancelled: type[Exception]):
        self.dialog = progress_dialog(parent, title, label)
        self.cancelled = cancelled

    def __call__(self, done: int, total: int, what: str = "") -> None:
        show_step(self.dialog, done, total, f"{what}…" if what else self.dialog.labelText())
        QApplication.processEvents()
        if self.dialog.wasCanceled():
            raise self.cancelled

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()
