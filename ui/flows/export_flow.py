"""Exporting the appendices workbook from the GUI (File > Export appendices, Ctrl+E).

Measures placed in an appendix with nothing written are named first
(``placed_check``). The officer chooses where (the dialog opens in the folder used last time,
with a name that says which quarter and meeting), the workbook is written
behind a progress dialog that only appears if the export is slow and can be
cancelled, and when it is done they can open it straight away. A file that
cannot be written (typically last quarter's copy still open in Excel) is
explained in words, with the choice to try again once it is closed, or to
save under another name; nothing half-written is ever left behind.

Every rule lives in ``challenge_app.export``; this module is dialogs and wiring.
"""

from __future__ import annotations

from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QWidget,
)

from challenge_app.errors import InputError
from challenge_app.export import ExportCancelled, ExportResult, export_appendices
from challenge_app.models import Meeting
from challenge_app.store import Store
from ui.flows.folders import last_folder, remember_folder
from ui.flows.placed_check import confirm_placed_but_empty
from ui.flows.progress_dialog import DialogProgress
from ui.text import confirm_replace, message_box

TITLE = "Export appendices"
LAST_FOLDER_KEY = "export/last_folder"
FILE_FILTER = "Excel workbook (*.xlsx)"
#: An export shorter than this never flashes a progress dialog.
OPEN_BUTTON = "Open the file"
RETRY_BUTTON = "Try again"
OTHER_NAME_BUTTON = "Save under another name…"


def suggested_name(meeting: Meeting) -> str:
    """``Appendices 2016-17 Q1 (2016-08-02).xlsx``: "/" cannot be in a file name."""
    return f"Appendices {meeting.period.replace('/', '-')} ({meeting.date.isoformat()}).xlsx"


def _ask_where(parent: QWidget | None, meeting: Meeting, proposed: Path | None) -> Path | None:
    start = proposed or Path(last_folder(LAST_FOLDER_KEY)) / suggested_name(meeting)
    name, _ = QFileDialog.getSaveFileName(parent, TITLE, str(start), FILE_FILTER)
    if not name:
        return None
    out = Path(name)
    if out.suffix.lower() != ".xlsx":
        # Excel opens a workbook only by its .xlsx name; the dialog asked about
        # replacing the name as typed, so ask again about this one.
        out = out.with_name(out.name + ".xlsx")
        if out.exists() and not confirm_replace(parent, TITLE, out):
            return None
    return out


class _Next(Enum):
    RETRY = auto()
    OTHER_NAME = auto()
    GIVE_UP = auto()


def _cannot_write(parent: QWidget | None, out: Path, problem: InputError) -> _Next:
    """Say why ``out`` could not be written; let the officer retry, rename or give up."""
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        TITLE,
        f"The appendices could not be written to {out}.",
        QMessageBox.StandardButton.NoButton,
        informative=f"{problem}\n\nNothing has been written.",
    )
    retry = box.addButton(RETRY_BUTTON, QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton(OTHER_NAME_BUTTON, QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    if clicked is retry:
        return _Next.RETRY
    if clicked is other:
        return _Next.OTHER_NAME
    return _Next.GIVE_UP


def _done(parent: QWidget | None, result: ExportResult, meeting: Meeting) -> None:
    """Say what was written, and offer to open it in Excel (or whatever opens .xlsx)."""
    box = message_box(
        parent,
        QMessageBox.Icon.Information,
        TITLE,
        f"The appendices for {meeting.period} have been written to {result.path}.",
        QMessageBox.StandardButton.NoButton,
        informative=(
            f"Appendix 1: {result.appendix1} measures. Appendix 2: {result.appendix2} measures."
        ),
    )
    open_button = box.addButton(OPEN_BUTTON, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_button)
    box.exec()
    if box.clickedButton() is open_button and not QDesktopServices.openUrl(
        QUrl.fromLocalFile(str(result.path))
    ):
        message_box(
            parent,
            QMessageBox.Icon.Warning,
            TITLE,
            f"No program on this computer would open {result.path.name}.",
            QMessageBox.StandardButton.NoButton,
            informative="The workbook has been saved; open it from Excel or LibreOffice.",
        ).exec()


def export_appendices_interactively(
    parent: QWidget | None, store: Store, meeting: Meeting | None
) -> Path | None:
    """Ask where, write the appendices for ``meeting`` there; the path written, or None."""
    if meeting is None:
        message_box(
            parent,
            QMessageBox.Icon.Information,
            TITLE,
            "Choose a meeting first: the appendices are the record of one meeting.",
        ).exec()
        return None
    if not confirm_placed_but_empty(parent, store, meeting, TITLE):
        return None
    out = _ask_where(parent, meeting, None)
    while out is not None:
        remember_folder(LAST_FOLDER_KEY, out)
        progress = DialogProgress(parent, TITLE, f"Writing {out.name}", ExportCancelled)
        problem: InputError | None = None
        try:
            result = export_appendices(store, meeting, out, progress)
        except ExportCancelled:
            return None
        except InputError as exc:
            problem = exc
        finally:
            progress.close()
        if problem is None:
            _done(parent, result, meeting)
            return result.path
        choice = _cannot_write(parent, out, problem)
        if choice is _Next.GIVE_UP:
            return None
        if choice is _Next.OTHER_NAME:
            out = _ask_where(parent, meeting, out)
    return None
