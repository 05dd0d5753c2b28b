"""The provider's written responses from the GUI: File > Import responses… (or a
returned workbook dropped on the window), and File > Request responses from <provider>….

Importing: the officer chooses the workbook the provider sent back (or drops
it), it is read and checked against the meeting that is open, and a preview
shows the new responses and each conflict side by side. Only Record writes,
in one transaction; a backup is taken first when a recorded response is to be
replaced. A workbook that cannot be taken (not a response workbook, another
meeting, council text changed) is shown with every problem and nothing is
written.

Requesting: the response workbook is written through the same flow as the
appendices (``export_flow``: where to save, progress, a temporary file
renamed into place, Open the file), once the meeting has council words to
respond to.

Every rule lives in ``challenge_app.responses``; this module is dialogs and wiring.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from challenge_app.errors import InputError
from challenge_app.export.atomic import WORKBOOK
from challenge_app.models import Meeting, Parties
from challenge_app.responses import (
    RequestResult,
    ResponsePlan,
    apply_responses,
    make_plan,
    read_returned,
    write_request,
)
from challenge_app.responses.layout import asks_for_response
from challenge_app.store import Store
from challenge_app.store.backup import backup_before_replacing
from ui.flows.export_flow import ExportKind, export_interactively
from ui.flows.folders import choose_file_to_open
from ui.flows.import_preview import ImportPreviewDialog
from ui.flows.responses_preview import ResponsesPreviewDialog
from ui.text import message_box

IMPORT_TITLE = "Import responses"
REQUEST_TITLE = "Request responses"
LAST_FOLDER_KEY = "responses/last_folder"
FILE_FILTER = "Excel workbook (*.xlsx);;All files (*)"

log = logging.getLogger(__name__)


def _say(parent: QWidget | None, title: str, text: str, informative: str = "") -> None:
    message_box(parent, QMessageBox.Icon.Information, title, text, informative=informative).exec()


def _inform(parent: QWidget | None, text: str, informative: str = "") -> None:
    _say(parent, IMPORT_TITLE, text, informative)


def _plan(store: Store, path: Path, meeting: Meeting) -> ResponsePlan | InputError:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return make_plan(store, read_returned(path), expected=meeting)
    except InputError as exc:
        return exc
    finally:
        QGuiApplication.restoreOverrideCursor()


def _record(parent: QWidget | None, store: Store, plan: ResponsePlan, take: set[str]) -> bool:
    """Write the chosen responses; a backup first if any recorded response is replaced."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        if take and store.path is not None:
            backup_before_replacing(store.db, store.path)
        recorded = apply_responses(store, plan, take)
    except (sqlite3.Error, InputError, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        log.warning("recording responses from %s failed: %r", plan.returned.path, exc)
        message_box(
            parent,
            QMessageBox.Icon.Critical,
            IMPORT_TITLE,
            f"The responses in {plan.returned.path.name} could not be recorded; "
            "the database has not been changed.",
            informative=str(exc),
        ).exec()
        return False
    QGuiApplication.restoreOverrideCursor()
    status_bar = getattr(parent, "statusBar", None)
    if callable(status_bar):
        kept = f"; {len(recorded.kept)} kept as recorded" if recorded.kept else ""
        status_bar().showMessage(
            f"Recorded {recorded.count} responses from {plan.returned.path.name}{kept}", 10000
        )
    return recorded.count > 0


def import_responses_interactively(
    parent: QWidget | None, store: Store, meeting: Meeting | None, path: Path | None = None
) -> bool:
    """Preview a returned response workbook and record what the officer chooses.

    Asks for the file when ``path`` is None. True when anything was written.
    """
    if meeting is None:
        _inform(parent, "Choose the meeting the responses are for first.")
        return False
    if path is None:
        path = choose_file_to_open(parent, IMPORT_TITLE, LAST_FOLDER_KEY, FILE_FILTER)
        if path is None:
            return False
    result = _plan(store, Path(path), meeting)
    if isinstance(result, InputError):
        dialog = ImportPreviewDialog(Path(path), None, result.problems, parent)
        dialog.setWindowTitle(f"{IMPORT_TITLE} from {Path(path).name}")
        dialog.exec()
        dialog.deleteLater()
        return False
    if not result.changes_anything:
        _inform(
            parent,
            f"Nothing to record from {Path(path).name}.",
            f"{len(result.unchanged)} responses are the same as recorded and "
            f"{len(result.blank)} were left blank.",
        )
        return False
    preview = ResponsesPreviewDialog(result, parent)
    accepted = preview.exec() == ResponsesPreviewDialog.DialogCode.Accepted
    take = preview.take
    preview.deleteLater()
    return accepted and _record(parent, store, result, take)


def request_kind(parties: Parties) -> ExportKind:
    """The response workbook as the export flow writes it."""
    provider = parties.provider

    def summary(result: RequestResult) -> str:
        return (
            f"{result.measures} measures for {provider} to respond to. Send it to {provider}; "
            "when it comes back, choose File > Import responses (or drop it on this window)."
        )

    return ExportKind(
        f"{REQUEST_TITLE} from {provider}",
        "The response workbook",
        False,
        "Responses",
        WORKBOOK,
        FILE_FILTER.split(";;")[0],
        write_request,
        summary,
        publishes=False,
    )


def request_responses_interactively(
    parent: QWidget | None, store: Store, meeting: Meeting | None
) -> Path | None:
    """Ask where, write the response workbook for ``meeting``; the path written, or None."""
    parties = store.settings.parties()
    if meeting is None or meeting.id is None:
        _say(
            parent,
            REQUEST_TITLE,
            "Choose a meeting first: the response workbook asks "
            f"{parties.provider} about what one meeting said.",
        )
        return None
    if not any(asks_for_response(c) for c in store.meetings.challenges(meeting.id).values()):
        _say(
            parent,
            REQUEST_TITLE,
            f"There is nothing to ask {parties.provider} about yet.",
            f"The response workbook lists the measures with a {parties.council} comment or "
            "questions raised at this meeting, and none has either so far.",
        )
        return None
    return export_interactively(parent, store, meeting, request_kind(parties))
