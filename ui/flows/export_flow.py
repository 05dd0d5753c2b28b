"""Exporting a meeting's documents from the GUI: the appendices workbook (File >
Export appendices, Ctrl+E), the Word report (File > Export report (Word),
Ctrl+Shift+E) and the provider's response workbook (File > Request responses,
``responses_flow``), through one flow.

Measures placed in an appendix with nothing written are named first
(``placed_check``). The officer chooses where (the dialog opens in the folder
used last time, with a name that says which quarter and meeting), the file is written
behind a progress dialog that only appears if the export is slow and can be
cancelled, and when it is done they can open it straight away or show it in
its folder. A file that cannot be written (typically last quarter's copy still
open in Excel or Word) is explained in words, with the choice to try again
once it is closed, or to save under another name; nothing half-written is
ever left behind.

What differs between the documents (names, words, the export function, the
closing summary) is an ``ExportKind``; every rule lives in the core
(``challenge_app.export``, ``challenge_app.word``, ``challenge_app.responses``);
this module is dialogs and wiring.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QWidget,
)

from challenge_app.errors import InputError
from challenge_app.export import ExportCancelled, ExportResult, export_appendices
from challenge_app.export.atomic import DOCUMENT, WORKBOOK, FileKind
from challenge_app.models import Meeting
from challenge_app.progress import Progress
from challenge_app.store import Store
from ui.flows.folders import last_folder, remember_folder
from ui.flows.open_file import offer_file
from ui.flows.placed_check import confirm_placed_but_empty
from ui.flows.progress_dialog import DialogProgress
from ui.text import confirm_replace, message_box

#: Both documents are saved to the same folder, so one remembered folder serves both.
LAST_FOLDER_KEY = "export/last_folder"
RETRY_BUTTON = "Try again"
OTHER_NAME_BUTTON = "Save under another name…"

#: Writes the document; the result has the ``path`` written (an ``ExportResult`` for both
#: of the report's documents, a ``RequestResult`` for the response workbook).
Export = Callable[[Store, Meeting, Path, Progress], Any]


def appendix_counts(result: ExportResult) -> str:
    return f"Appendix 1: {result.appendix1} measures. Appendix 2: {result.appendix2} measures."


def _export_report(store: Store, meeting: Meeting, out: Path, progress: Progress) -> ExportResult:
    # python-docx is loaded when the first report is written, not with the window.
    from challenge_app.word import export_report

    return export_report(store, meeting, out, progress)


@dataclass(frozen=True)
class ExportKind:
    """One document a meeting can be exported as, and how the flow talks about it."""

    title: str
    #: "The appendices" / "The report", and whether the verbs agree with a plural.
    the: str
    plural: bool
    name: str
    file: FileKind
    file_filter: str
    export: Export
    #: The line under "written to ...": what the document holds.
    summary: Callable[[Any], str] = appendix_counts
    #: Publishes the appendices, so measures placed with nothing written are named first.
    publishes: bool = True

    @property
    def have(self) -> str:
        return "have" if self.plural else "has"

    @property
    def are(self) -> str:
        return "are" if self.plural else "is"


APPENDICES = ExportKind(
    "Export appendices", "The appendices", True, "Appendices", WORKBOOK,
    "Excel workbook (*.xlsx)", export_appendices,
)  # fmt: skip
REPORT = ExportKind(
    "Export report", "The report", False, "Report", DOCUMENT,
    "Word document (*.docx)", _export_report,
)  # fmt: skip


def suggested_name(meeting: Meeting, kind: ExportKind = APPENDICES) -> str:
    """``Appendices 2016-17 Q1 (2016-08-02).xlsx``: "/" cannot be in a file name."""
    period = meeting.period.replace("/", "-")
    return f"{kind.name} {period} ({meeting.date.isoformat()}){kind.file.suffix}"


def _ask_where(
    parent: QWidget | None, kind: ExportKind, meeting: Meeting, proposed: Path | None
) -> Path | None:
    start = proposed or Path(last_folder(LAST_FOLDER_KEY)) / suggested_name(meeting, kind)
    name, _ = QFileDialog.getSaveFileName(parent, kind.title, str(start), kind.file_filter)
    if not name:
        return None
    out = Path(name)
    suffix = kind.file.suffix
    if out.suffix.lower() != suffix:
        # Excel and Word open a file only by its proper ending; the dialog asked
        # about replacing the name as typed, so ask again about this one.
        out = out.with_name(out.name + suffix)
        if out.exists() and not confirm_replace(parent, kind.title, out):
            return None
    return out


class _Next(Enum):
    RETRY = auto()
    OTHER_NAME = auto()
    GIVE_UP = auto()


def _cannot_write(
    parent: QWidget | None, kind: ExportKind, out: Path, problem: InputError
) -> _Next:
    """Say why ``out`` could not be written; let the officer retry, rename or give up."""
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        kind.title,
        f"{kind.the} could not be written to {out}.",
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


def _done(parent: QWidget | None, kind: ExportKind, result: Any, meeting: Meeting) -> None:
    """Say what was written; offer to open it (in Excel, Word...) or show its folder."""
    box = message_box(
        parent,
        QMessageBox.Icon.Information,
        kind.title,
        f"{kind.the} for {meeting.period} {kind.have} been written to {result.path}.",
        QMessageBox.StandardButton.NoButton,
        informative=kind.summary(result),
    )
    offer_file(box, parent, result.path, kind.title, program=kind.file.program)


def export_appendices_interactively(
    parent: QWidget | None, store: Store, meeting: Meeting | None
) -> Path | None:
    """Ask where, write the appendices workbook for ``meeting`` there; the path, or None."""
    return export_interactively(parent, store, meeting, APPENDICES)


def export_report_interactively(
    parent: QWidget | None, store: Store, meeting: Meeting | None
) -> Path | None:
    """Ask where, write the Word report for ``meeting`` there; the path, or None."""
    return export_interactively(parent, store, meeting, REPORT)


def export_interactively(
    parent: QWidget | None, store: Store, meeting: Meeting | None, kind: ExportKind
) -> Path | None:
    """Ask where, write ``kind`` of document for ``meeting`` there; the path written, or None."""
    if meeting is None:
        message_box(
            parent,
            QMessageBox.Icon.Information,
            kind.title,
            f"Choose a meeting first: {kind.the.lower()} {kind.are} the record of one meeting.",
        ).exec()
        return None
    if kind.publishes and not confirm_placed_but_empty(parent, store, meeting, kind.title):
        return None
    out = _ask_where(parent, kind, meeting, None)
    while out is not None:
        remember_folder(LAST_FOLDER_KEY, out)
        progress = DialogProgress(parent, kind.title, f"Writing {out.name}", ExportCancelled)
        problem: InputError | None = None
        try:
            result = kind.export(store, meeting, out, progress)
        except ExportCancelled:
            return None
        except InputError as exc:
            problem = exc
        finally:
            progress.close()
        if problem is None:
            _done(parent, kind, result, meeting)
            return result.path
        choice = _cannot_write(parent, kind, out, problem)
        if choice is _Next.GIVE_UP:
            return None
        if choice is _Next.OTHER_NAME:
            out = _ask_where(parent, kind, meeting, out)
    return None
