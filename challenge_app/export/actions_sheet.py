"""The Actions sheet: the follow-up actions log as it stood at the meeting.

Open actions come first, then those closed; each group in measure code order
(actions not tied to a measure last). Open actions raised at earlier
meetings are included, because they carry forward until closed; the
"Raised" column says when each was agreed.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.export.cells import SheetWriter, Styles
from challenge_app.export.layout import CENTRE, PageText, print_setup
from challenge_app.export.report import Report
from challenge_app.export.runs import Run, runs_of

TITLE = "Follow-up actions"
HEADINGS = ("Measure", "Action", "Owner", "Due", "Status", "Raised")
WIDTHS = (10, 60, 26, 12, 9, 12)
DATE_FORMAT = "d mmm yyyy"
NO_MEASURE = "General"


def write_actions(ws: Worksheet, report: Report, page: PageText, styles: Styles) -> None:
    sheet = SheetWriter(ws, WIDTHS, styles)
    sheet.header_row(HEADINGS)
    actions = sorted(report.actions, key=lambda a: not a.is_open)  # stable: code order kept
    row = 2
    for action in actions:
        start = row
        row = sheet.record(
            row,
            [
                runs_of(Run(action.code or NO_MEASURE, bold=True)),
                runs_of(Run(action.text)),
                runs_of(Run(action.owner)),
            ],
            action.code or NO_MEASURE,
        )
        sheet.number(start, 4, action.due, number_format=DATE_FORMAT)
        sheet.text(start, 5, action.status.capitalize(), alignment=CENTRE)
        raised = report.meeting_dates.get(action.meeting_id)
        sheet.number(start, 6, raised, number_format=DATE_FORMAT)
    if not actions:
        sheet.text(2, 1, [Run("No follow-up actions for this meeting.", italic=True)])
    sheet.finish()
    print_setup(ws, f"{TITLE} - {report.period}", page)
