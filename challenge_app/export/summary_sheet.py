"""The Summary sheet: service areas by status, then the hard-to-shift list.

Row 1 is the table's header (``Service area``, then the four status headings
in the report's order, worst first, then ``Total``); one row per service area
follows, contract measures only, then a total row. A zero is an empty cell,
as in the reference report. An area with measures yet to report (a target,
no figure) has them noted beside its name, and they are listed by code and
title under the table after the words "Yet to report:". Under that, the
measures that have been outside tolerance for two or more consecutive
quarters. What the table says comes from ``summary.summarise``, which the
Word report uses too.
"""

from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.board import BoardRow
from challenge_app.export.cells import SheetWriter, Styles
from challenge_app.export.layout import (
    BODY,
    BOLD,
    CENTRE,
    FONT_NAME,
    FONT_SIZE,
    HEADER_FILL,
    HEADER_FONT,
    RUN_ON,
    SECTION_FONT,
    PageText,
    print_setup,
    status_fill,
)
from challenge_app.export.report import Report
from challenge_app.export.runs import Run
from challenge_app.formatting import performance_line, target_line
from challenge_app.models import CONTRACT
from challenge_app.rag import REPORT_ORDER
from challenge_app.summary import YET_TO_REPORT_HEADING, SummaryRow

TITLE = "Summary of performance"
AREA_HEADING = "Service area"
TOTAL_HEADING = "Total"
HARD_TO_SHIFT_TITLE = "Hard to shift: outside tolerance for two or more consecutive quarters"
HARD_TO_SHIFT_HEADINGS = (
    "Measure",
    AREA_HEADING,
    "Quarters outside tolerance",
    "Figure",
    "Target",
)
WIDTHS = (44, 18, 18, 18, 18, 10)
_STATUS_HEADING_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)


def _count_row(sheet: SheetWriter, row: int, summary: SummaryRow, *, bold: bool = False) -> None:
    font = BOLD if bold else BODY
    sheet.text(row, 1, summary.label, font=font)
    counts = [summary.counts[s] for s in REPORT_ORDER] + [summary.total]
    for col, n in enumerate(counts, start=2):
        sheet.number(row, col, n or None, font=font)  # zero: an empty cell


def write_status_table(sheet: SheetWriter, report: Report) -> int:
    """The area x status table from row 1; return the next free row."""
    sheet.header_row([AREA_HEADING])
    for col, status in enumerate(REPORT_ORDER, start=2):
        # Each status heading on its own colour, in words as well.
        sheet.text(
            1,
            col,
            status.report_wording,
            font=_STATUS_HEADING_FONT,
            fill=status_fill(status),
            alignment=CENTRE,
        )
    sheet.text(1, len(REPORT_ORDER) + 2, TOTAL_HEADING, font=HEADER_FONT, fill=HEADER_FILL,
               alignment=CENTRE)  # fmt: skip
    summary = report.summary
    row = 2
    for area in summary.rows:
        _count_row(sheet, row, area)
        row += 1
    _count_row(sheet, row, summary.totals, bold=True)
    row += 1
    if summary.yet_to_report:
        sheet.text(row + 1, 1, YET_TO_REPORT_HEADING, font=BOLD, border=None, alignment=RUN_ON)
        row += 2
        for measure in summary.yet_to_report:
            sheet.text(row, 1, measure.listing, border=None, alignment=RUN_ON)
            row += 1
    return row


def hard_to_shift(report: Report) -> list[BoardRow]:
    """Contract measures outside tolerance for two or more consecutive quarters."""
    return [r for r in report.board if r.hard_to_shift and r.measure.kind == CONTRACT]


def write_hard_to_shift(sheet: SheetWriter, report: Report, row: int) -> None:
    sheet.text(row, 1, HARD_TO_SHIFT_TITLE, font=SECTION_FONT, border=None, alignment=RUN_ON)
    stuck = hard_to_shift(report)
    if not stuck:
        sheet.text(
            row + 1,
            1,
            [Run("No measure has been outside tolerance for two quarters running.", italic=True)],
            border=None,
        )
        return
    sheet.header_row(HARD_TO_SHIFT_HEADINGS, row=row + 1)
    for offset, r in enumerate(stuck, start=row + 2):
        m = r.measure
        sheet.text(offset, 1, f"{m.code} {m.title}")
        sheet.text(offset, 2, m.area)
        sheet.number(offset, 3, r.red_streak)
        sheet.text(
            offset, 4, performance_line(r.quarter, r.value, r.latest_month, r.latest_value, m.unit)
        )
        target = r.target.target if r.target else None
        tolerance = r.target.tolerance if r.target else None
        sheet.text(offset, 5, target_line(target, tolerance, m.unit))


def write_summary(ws: Worksheet, report: Report, page: PageText, styles: Styles) -> None:
    sheet = SheetWriter(ws, WIDTHS, styles)
    next_row = write_status_table(sheet, report)
    write_hard_to_shift(sheet, report, next_row + 1)
    sheet.finish()
    print_setup(ws, f"{TITLE} - {report.period}", page, title_rows=None)
