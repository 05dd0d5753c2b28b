"""The Data sheet: the figures behind the report, for officers' own charts.

One row per measure (every measure, reported or not), with its recent
quarterly and monthly values as numbers, the year's target and tolerance and
the quarter's status. Values are real numbers, not text, so a chart or a
formula can use them directly; a missing figure is an empty cell.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.export.cells import SheetWriter, Styles
from challenge_app.export.layout import WRAP_BOTTOM, PageText, print_setup, status_fill
from challenge_app.export.report import Report

TITLE = "Data"
FIXED_HEADINGS = ("Code", "Measure", "Service area", "Kind", "Polarity", "Unit")
TAIL_HEADINGS = ("Target", "Tolerance", "Status")
FIXED_WIDTHS = (9, 44, 22, 11, 9, 12)
VALUE_WIDTH = 11
STATUS_WIDTH = 24


def write_data(ws: Worksheet, report: Report, page: PageText, styles: Styles) -> None:
    history = report.history
    period_headings = [str(q) for q in history.quarters] + [
        f"{m.name[:3]} {m.year}" for m in history.months
    ]
    n_values = len(period_headings)
    widths = [*FIXED_WIDTHS, *([VALUE_WIDTH] * (n_values + 2)), STATUS_WIDTH]
    sheet = SheetWriter(ws, widths, styles)
    sheet.header_row([*FIXED_HEADINGS, *period_headings, *TAIL_HEADINGS])
    first_value = len(FIXED_HEADINGS) + 1
    for row, r in enumerate(report.board, start=2):
        m = r.measure
        for col, text in enumerate(
            (m.code, m.title, m.area, m.kind, m.polarity or "", m.unit), start=1
        ):
            sheet.text(row, col, text, alignment=WRAP_BOTTOM)
        sheet.figures(
            row,
            first_value,
            [history.quarterly.get((m.code, q.index)) for q in history.quarters]
            + [history.monthly.get((m.code, month.index)) for month in history.months]
            + [r.target.target if r.target else None, r.target.tolerance if r.target else None],
        )
        status_column = first_value + n_values + 2
        sheet.text(
            row,
            status_column,
            r.status.report_wording,
            fill=status_fill(r.status),
            alignment=WRAP_BOTTOM,
        )
    sheet.finish()
    print_setup(ws, f"{TITLE} - {report.period}", page, title_columns="A:B")
