"""Writing the response workbook the officer sends to the provider.

One sheet, ``Responses``: row 1 the header, then one row per measure the
council commented on or asked about, in appendix order (``layout``). The
council's words are locked and the response column is not, under sheet
protection without a password: a guard against slips, not security. Each
response cell also carries an input message (Excel and LibreOffice show it
when the cell is selected) saying what to do, and the response column's
header carries the full note as a cell comment (the red corner Excel and
LibreOffice show on hover). INTERFACES.md asks for one sheet, and a note in
row 1 or inside the table would break the layout ``responses-in`` reads and
the officer's own copy-and-paste.

The workbook records which database and meeting it belongs to (``identity``).
Typed text goes through ``export.cells.SheetWriter``, so it is never turned
into a formula and is kept exactly as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.board import BoardRow
from challenge_app.errors import InputError, Problem
from challenge_app.export.appendices import check_out_path
from challenge_app.export.appendix_sheet import measure_runs
from challenge_app.export.atomic import write_atomically
from challenge_app.export.blank_workbook import report_workbook
from challenge_app.export.cells import SheetWriter, Styles
from challenge_app.export.layout import (
    BOLD,
    PageText,
    print_setup,
    status_fill,
)
from challenge_app.export.report import Report, gather
from challenge_app.export.runs import Run
from challenge_app.models import Meeting, Parties
from challenge_app.progress import Progress, no_progress
from challenge_app.responses.identity import WorkbookIdentity, write_identity
from challenge_app.responses.layout import (
    CODE,
    COMMENT,
    MEASURE,
    QUESTIONS,
    RESPONSE,
    SHEET,
    WIDTHS,
    Headings,
    comment_text,
    questions_text,
    requested_rows,
)
from challenge_app.store import Store

#: The response column is tinted so the provider sees at once where to type.
RESPONSE_FILL = PatternFill("solid", fgColor="FFF9E5")
#: Room to type: an empty response row is at least this many points tall.
MIN_ROW_HEIGHT = 60
#: The note's size on screen, in pixels: wide enough to read without scrolling.
NOTE_SIZE = (460, 300)
#: Excel limits an input message's title to 32 characters and its text to 255.
_PROMPT_TITLE_LIMIT, _PROMPT_LIMIT = 32, 255


@dataclass(frozen=True)
class RequestResult:
    path: Path
    measures: int


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def note_lines(parties: Parties, meeting: Meeting, period: str) -> list[str]:
    """The note for the provider, in plain words, one paragraph a line."""
    council, provider = parties.council, parties.provider
    return [
        f"{council} asks {provider} to respond in writing to the comments and questions "
        f"its performance challenge raised on {period} (meeting of {meeting.date:%d %B %Y}).",
        f"1. Type your response to each measure in the "
        f"'{parties.response_heading}' column, the last one. Only that column can be typed in; "
        "a response can be as long as it needs to be, and can have several paragraphs "
        "(Alt+Enter in Excel, Ctrl+Enter in LibreOffice starts a new line).",
        "2. Leave a response empty if you have nothing to add for that measure.",
        "3. Please do not add, move or delete rows or sheets: the responses are read back "
        "by the measure code in the first column.",
        f"4. Save the workbook as an Excel workbook (.xlsx), keeping its name if you can, "
        f"and send it back to {council}.",
    ]


def _prompt(parties: Parties) -> DataValidation:
    """An input message on the response cells: the note, where the provider types."""
    return DataValidation(
        allow_blank=True,
        showInputMessage=True,
        promptTitle=_fit(parties.response_heading, _PROMPT_TITLE_LIMIT),
        prompt=_fit(
            f"Type {parties.provider}'s response to this measure here. Leave it empty if "
            f"there is nothing to add. Save the workbook (.xlsx) and send it back to "
            f"{parties.council}.",
            _PROMPT_LIMIT,
        ),
    )


def _protect(ws: Worksheet) -> None:
    """Protection without a password; rows and columns may still be resized."""
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False


def _questions(row: BoardRow) -> tuple[str, ...]:
    return row.challenge.questions if row.challenge is not None else ()


def write_responses_sheet(ws: Worksheet, report: Report, page: PageText, styles: Styles) -> int:
    """Fill ``ws`` with the measures to respond to; return how many."""
    sheet = SheetWriter(ws, WIDTHS, styles)
    headings = Headings.for_parties(report.parties)
    sheet.header_row(headings.as_row())
    rows = requested_rows(report)
    unlocked = Protection(locked=False)
    for number, board_row in enumerate(rows, start=2):
        sheet.text(number, CODE, board_row.code, font=BOLD)
        sheet.text(number, MEASURE, measure_runs(board_row), fill=status_fill(board_row.status))
        sheet.text(number, COMMENT, comment_text(board_row.challenge))
        sheet.text(number, QUESTIONS, [Run(questions_text(_questions(board_row)), italic=True)])
        response = sheet.text(number, RESPONSE, "", fill=RESPONSE_FILL)
        response.protection = unlocked
    sheet.finish()
    for number in range(2, len(rows) + 2):
        dimension = ws.row_dimensions[number]
        dimension.height = max(dimension.height or 0, MIN_ROW_HEIGHT)
    if rows:
        prompt = _prompt(report.parties)
        letter = get_column_letter(RESPONSE)
        prompt.add(f"{letter}2:{letter}{len(rows) + 1}")
        ws.add_data_validation(prompt)
    print_setup(ws, f"{report.parties.provider} responses - {report.period}", page)
    _protect(ws)
    return len(rows)


def add_note(ws: Worksheet, report: Report) -> None:
    """The note for the provider, in full, as a comment on the response column's header."""
    width, height = NOTE_SIZE
    text = "\n\n".join(note_lines(report.parties, report.meeting, report.period))
    ws.cell(1, RESPONSE).comment = Comment(text, "Challenge", height=height, width=width)


def build_request(report: Report, database_id: str) -> tuple[Workbook, int]:
    """The response workbook in memory, and how many measures it asks about."""
    meeting = report.meeting
    page = report.page
    wb = report_workbook()
    styles = Styles(wb)
    ws = wb.create_sheet(SHEET)
    count = write_responses_sheet(ws, report, page, styles)
    add_note(ws, report)
    wb.properties.title = f"{report.parties.provider} responses - {report.period}"
    wb.properties.creator = "Challenge"
    write_identity(wb, WorkbookIdentity.of(database_id, meeting))
    return wb, count


def write_request(
    store: Store, meeting: Meeting, out: Path, progress: Progress = no_progress
) -> RequestResult:
    """Write the response workbook for ``meeting`` to ``out``; nothing is written on failure.

    Refused (``InputError``) when the meeting has no council comment or
    question yet: there would be nothing to respond to. The first workbook
    sent from a database gives it its identity (a setting), so the caller
    must be allowed to write to the database.
    """
    out = check_out_path(out)
    progress(0, 3, "Reading the meeting")
    report = gather(store, meeting)
    if not requested_rows(report):
        raise InputError(
            Problem(
                f"the meeting on {report.period} has no {report.parties.council} comments or "
                f"questions yet, so there is nothing for {report.parties.provider} to respond to"
            )
        )
    if store.readonly and not store.settings.database_id:
        raise InputError(
            Problem(
                "this database is open read-only and has never sent a response workbook; "
                "open it for editing once to send one"
            )
        )
    database_id = store.settings.ensure_database_id()
    progress(1, 3, "Writing the responses sheet")
    wb, count = build_request(report, database_id)
    progress(2, 3, "Saving the workbook")
    write_atomically(out, lambda temporary: wb.save(temporary))
    progress(3, 3, "Saved")
    return RequestResult(out, count)
