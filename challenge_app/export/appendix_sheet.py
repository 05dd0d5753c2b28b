"""The Appendix 1 and Appendix 2 sheets, laid out as the scrutiny report prints them.

Row 1 is the header (``Measure & performance``, the council's comment column
and the provider's response column, named after the parties). Each measure
published in the appendix (``Report.placed``: placed there by the officer, or
written about and suggested there) takes one row from row 2, in the
appendix order (more rows only if its text is too long to print in one). The first column holds
the code and title, the quarter's figure beside the latest month, the target
and tolerance and the status in words, on the status colour; the questions
and the at-meeting notes are in italics under the comment and the response.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.board import BoardRow
from challenge_app.export.cells import SheetWriter, Styles
from challenge_app.export.layout import PageText, print_setup, status_fill
from challenge_app.export.report import Report
from challenge_app.export.runs import Run, runs_of
from challenge_app.formatting import performance_line, target_line
from challenge_app.models import Placement

MEASURE_HEADING = "Measure & performance"
WIDTHS = (30, 52, 52)

TITLES = {
    Placement.APPENDIX1: "Appendix 1 - Areas of good and improving performance",
    Placement.APPENDIX2: "Appendix 2 - Areas of concern or potential concern",
}


def measure_runs(row: BoardRow) -> list[Run]:
    """The first column: what the measure is, how it stands and against what."""
    m = row.measure
    lines = [
        Run(f"{m.code} {m.title}", bold=True),
        Run(performance_line(row.quarter, row.value, row.latest_month, row.latest_value, m.unit)),
    ]
    if row.target is not None and row.target.target is not None:
        lines.append(Run(target_line(row.target.target, row.target.tolerance, m.unit)))
    lines.append(Run(row.status.report_wording, bold=True))
    return runs_of(*lines, sep="\n")


def comment_runs(row: BoardRow) -> list[Run]:
    """The council's comment, then the questions raised, in italics."""
    c = row.challenge
    if c is None:
        return []
    questions = "\n".join(q for q in c.questions if q.strip())
    return runs_of(Run(c.council_comment), Run(questions, italic=True))


def response_runs(row: BoardRow) -> list[Run]:
    """The provider's written response, then the notes from the meeting, in italics."""
    c = row.challenge
    if c is None:
        return []
    return runs_of(Run(c.provider_response), Run(c.meeting_notes, italic=True))


def write_appendix(
    ws: Worksheet, report: Report, placement: Placement, page: PageText, styles: Styles
) -> int:
    """Fill ``ws`` with one appendix; return how many measures it holds."""
    sheet = SheetWriter(ws, WIDTHS, styles)
    parties = report.parties
    sheet.header_row([MEASURE_HEADING, parties.comment_heading, parties.response_heading])
    rows = report.placed(placement)
    next_row = 2
    for board_row in rows:
        next_row = sheet.record(
            next_row,
            [measure_runs(board_row), comment_runs(board_row), response_runs(board_row)],
            board_row.code,
            fills={1: status_fill(board_row.status)},
        )
    if not rows:
        sheet.text(2, 1, [Run(f"No measures are placed in {placement.label}.", italic=True)])
    sheet.finish()
    print_setup(ws, TITLES[placement], page)
    return len(rows)
