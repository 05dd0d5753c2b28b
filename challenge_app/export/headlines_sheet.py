"""The Headlines sheet: the headline conclusions for the body of the report.

One section per appendix (good and improving performance first, then
concerns), each measure with a headline in natural code order. Measures with
no headline written are left out: the sheet is pasted into the report as it
stands, and an officer checks the appendix sheets for completeness.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.export.appendix_sheet import TITLES
from challenge_app.export.cells import header_row, put_text, write_record
from challenge_app.export.layout import (
    RUN_ON,
    SECTION_FONT,
    PageText,
    print_setup,
    set_widths,
    status_fill,
)
from challenge_app.export.report import Report
from challenge_app.export.runs import Run, runs_of
from challenge_app.models import Placement

TITLE = "Headline conclusions"
HEADINGS = ("Measure", "Status", "Headline conclusion")
WIDTHS = (34, 20, 80)


def write_headlines(ws: Worksheet, report: Report, page: PageText) -> None:
    header_row(ws, HEADINGS)
    set_widths(ws, WIDTHS)
    row = 2
    for placement in (Placement.APPENDIX1, Placement.APPENDIX2):
        put_text(ws, row, 1, TITLES[placement], font=SECTION_FONT, border=None, alignment=RUN_ON)
        row += 1
        with_headline = [
            r for r in report.placed(placement) if r.challenge and r.challenge.headline.strip()
        ]
        for r in with_headline:
            start, row = (
                row,
                write_record(
                    ws,
                    row,
                    [
                        runs_of(Run(r.code, bold=True), Run(r.measure.title), sep=" "),
                        runs_of(Run(r.status.report_wording)),
                        runs_of(Run(r.challenge.headline)),
                    ],
                    WIDTHS,
                    r.code,
                ),
            )
            ws.cell(row=start, column=2).fill = status_fill(r.status)
        if not with_headline:
            put_text(ws, row, 1, [Run("No headline conclusions recorded.", italic=True)])
            row += 1
    print_setup(ws, f"{TITLE} - {report.period}", page)
