"""Running a modal dialog without leaving it behind.

A dialog parented to the window lives as long as the window unless deleted;
``deleteLater`` frees it once control is back in the event loop, after the
caller has read what the dialog saved.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run(dialog: QDialog) -> bool:
    """``exec()`` the dialog; True if it was accepted."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
