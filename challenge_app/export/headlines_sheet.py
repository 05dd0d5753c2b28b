"""The Headlines sheet: the headline conclusions for the body of the report.

One section per appendix (good and improving performance first, then
concerns), each measure with a headline in natural code order. Measures with
no headline written are left out: the sheet is pasted into the report as it
stands, and an officer checks the appendix sheets for completeness.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.export.appendix_sheet import TITLES
from challenge_app.export.cells import SheetWriter, Styles
from challenge_app.export.layout import (
    RUN_ON,
    SECTION_FONT,
    PageText,
    print_setup,
    status_fill,
)
from challenge_app.export.report import Report
from challenge_app.export.runs import Run, runs_of
from challenge_app.models import Placement

TITLE = "Headline conclusions"
HEADINGS = ("Measure", "Status", "Headline conclusion")
WIDTHS = (34, 20, 80)


def write_headlines(ws: Worksheet, report: Report, page: PageText, styles: Styles) -> None:
    sheet = SheetWriter(ws, WIDTHS, styles)
    sheet.header_row(HEADINGS)
    row = 2
    for placement in (Placement.APPENDIX1, Placement.APPENDIX2):
        sheet.text(row, 1, TITLES[placement], font=SECTION_FONT, border=None, alignment=RUN_ON)
        row += 1
        with_headline = [
            r for r in report.placed(placement) if r.challenge and r.challenge.headline.strip()
        ]
        for r in with_headline:
            row = sheet.record(
                row,
                [
                    runs_of(Run(f"{r.code} {r.measure.title}")),
                    runs_of(Run(r.status.report_wording)),
                    runs_of(Run(r.challenge.headline)),
                ],
                r.code,
                fills={2: status_fill(r.status)},
            )
        if not with_headline:
            sheet.text(row, 1, [Run("No headline conclusions recorded.", italic=True)])
            row += 1
    sheet.finish()
    print_setup(ws, f"{TITLE} - {report.period}", page)
