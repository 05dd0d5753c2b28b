"""Running a modal dialog without leaving it behind.

A dialog parented to the window lives as long as the window unless deleted;
``deleteLater`` frees it once control is back in the event loop, after the
caller has read what the dialog saved.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout


def run_modal(dialog: QDialog) -> bool:
    """``exec()`` the dialog; True if it was accepted."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def save_cancel_layout(dialog: QDialog, form: QFormLayout, problem: QLabel) -> QDialogButtonBox:
    """Lay out a form dialog: its fields, a line for what is wrong, Save and Cancel.

    Every editing dialog (meeting, action, parties) looks and behaves alike:
    Save runs the dialog's ``accept`` (which checks and writes), Cancel rejects.
    """
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(problem)
    layout.addWidget(buttons)
    return buttons
