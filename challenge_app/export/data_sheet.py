"""The Data sheet: the figures behind the report, for officers' own charts.

One row per measure (every measure, reported or not), with its recent
quarterly and monthly values as numbers, the year's target and tolerance and
the quarter's status. Values are real numbers, not text, so a chart or a
formula can use them directly; a missing figure is an empty cell.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.export.cells import header_row, put_number, put_text
from challenge_app.export.layout import PageText, print_setup, set_widths, status_fill
from challenge_app.export.report import Report

TITLE = "Data"
FIXED_HEADINGS = ("Code", "Measure", "Service area", "Kind", "Polarity", "Unit")
TAIL_HEADINGS = ("Target", "Tolerance", "Status")
FIXED_WIDTHS = (9, 44, 22, 11, 9, 12)
VALUE_WIDTH = 10
STATUS_WIDTH = 24


def write_data(ws: Worksheet, report: Report, page: PageText) -> None:
    history = report.history
    period_headings = [str(q) for q in history.quarters] + [
        f"{m.name[:3]} {m.year}" for m in history.months
    ]
    header_row(ws, [*FIXED_HEADINGS, *period_headings, *TAIL_HEADINGS])
    n_values = len(period_headings)
    set_widths(ws, [*FIXED_WIDTHS, *([VALUE_WIDTH] * (n_values + 2)), STATUS_WIDTH])
    first_value = len(FIXED_HEADINGS) + 1
    for row, r in enumerate(report.board, start=2):
        m = r.measure
        for col, text in enumerate(
            (m.code, m.title, m.area, m.kind, m.polarity or "", m.unit), start=1
        ):
            put_text(ws, row, col, text)
        col = first_value
        for q in history.quarters:
            put_number(ws, row, col, history.quarterly.get((m.code, q.index)))
            col += 1
        for month in history.months:
            put_number(ws, row, col, history.monthly.get((m.code, month.index)))
            col += 1
        put_number(ws, row, col, r.target.target if r.target else None)
        put_number(ws, row, col + 1, r.target.tolerance if r.target else None)
        put_text(ws, row, col + 2, r.status.report_wording, fill=status_fill(r.status))
    print_setup(ws, f"{TITLE} - {report.period}", page, title_columns="A:B")
