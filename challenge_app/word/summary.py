"""The head of the report: the period, the summary table and the hard-to-shift measures.

The summary table counts contract measures by service area and status, with
the status headings in the report's order (worst first) and an empty cell for
zero, as the reference report prints it. A measure yet to report (a target, no
figure) is in none of the columns: its area's name notes it ("Workforce (one
additional measure yet to report)") and it is listed by code and title under
the table after "Yet to report:". Every number and word comes from the core's
``summary.summarise`` (``Report.summary``), as the workbook's Summary sheet's do.
"""

from __future__ import annotations

from docx.document import Document
from docx.table import Table
from lxml.etree import ElementBase

from challenge_app.export.report import Report
from challenge_app.export.runs import Run, runs_of
from challenge_app.export.summary_sheet import (
    AREA_HEADING,
    HARD_TO_SHIFT_TITLE,
    TOTAL_HEADING,
    hard_to_shift,
)
from challenge_app.rag import REPORT_ORDER
from challenge_app.summary import (
    YET_TO_REPORT_HEADING,
    Summary,
    SummaryRow,
    count_text,
)
from challenge_app.word import markup
from challenge_app.word.page import HEADING_1, HEADING_2
from challenge_app.word.runs import body_paragraph, fill_cell
from challenge_app.word.tables import add_table, header_row

#: Share of the page's width: the area's name, each status, the total.
_AREA_SHARE, _STATUS_SHARE, _TOTAL_SHARE = 30, 15, 10


def period_heading(report: Report) -> str:
    """``Quarter 1 2016/17``."""
    quarter = report.quarter
    return f"Quarter {quarter.number} {quarter.financial_year}"


def _count_row(table: Table, element: ElementBase, row: SummaryRow, *, bold: bool = False) -> None:
    area, *cells = markup.new_row(table, element)
    fill_cell(area, runs_of(Run(row.label, bold=bold)))
    counts = [row.counts[s] for s in REPORT_ORDER] + [row.total]
    for cell, n in zip(cells, counts, strict=True):
        fill_cell(cell, [Run(count_text(n), bold=bold)] if n else [], centred=True)


def add_summary_table(document: Document, report: Report, width: int) -> Summary:
    """Areas by status, the total row, then the measures yet to report under the table."""
    shares = [_AREA_SHARE] + [_STATUS_SHARE] * len(REPORT_ORDER) + [_TOTAL_SHARE]
    table, element = add_table(document, [width * s // sum(shares) for s in shares])
    header_row(
        table,
        element,
        [AREA_HEADING, *(s.report_wording for s in REPORT_ORDER), TOTAL_HEADING],
        fills=[None, *(s.colour for s in REPORT_ORDER), None],
        centred=True,
    )
    summary = report.summary
    for row in summary.rows:
        _count_row(table, element, row)
    _count_row(table, element, summary.totals, bold=True)
    if summary.yet_to_report:
        listing = "; ".join(m.listing for m in summary.yet_to_report)
        body_paragraph(
            document,
            runs_of(Run(YET_TO_REPORT_HEADING, bold=True), Run(f" {listing}."), sep=""),
        )
    return summary


def add_hard_to_shift(document: Document, report: Report) -> None:
    """A paragraph naming the measures outside tolerance two or more quarters running."""
    document.add_paragraph(HARD_TO_SHIFT_TITLE, style=HEADING_2)
    stuck = hard_to_shift(report)
    if not stuck:
        document.add_paragraph("No measure has been outside tolerance for two quarters running.")
        return
    parts: list[Run] = []
    for i, r in enumerate(stuck):
        if i:
            parts.append(Run("; "))
        parts.append(Run(f"{r.code} {r.measure.title}", bold=True))
        parts.append(Run(f" ({r.red_streak} quarters)"))
    body_paragraph(document, runs_of(*parts, Run("."), sep=""))


def add_summary(document: Document, report: Report, width: int) -> None:
    """The period heading, the meeting, the summary table and the hard-to-shift paragraph."""
    document.add_paragraph(period_heading(report), style=HEADING_1)
    meeting = report.meeting
    when = f"{meeting.date.day} {meeting.date:%B %Y}"
    body_paragraph(document, runs_of(Run(f"{meeting.title}, {when}.")))
    add_summary_table(document, report, width)
    add_hard_to_shift(document, report)
