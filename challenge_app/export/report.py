"""Everything one export needs, read from the store once.

The sheets are written from this snapshot rather than each querying the
store, so they all describe the same moment and the store is read in a fixed
handful of queries however many measures there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from challenge_app.board import BoardRow, appendix_rows, board_for_meeting, meeting_quarter
from challenge_app.export.layout import PageText
from challenge_app.models import Action, Meeting, Parties, Placement
from challenge_app.periods import Month, Quarter, latest_month_window
from challenge_app.store import Store
from challenge_app.summary import Rated, Summary, summarise

#: How much history the Data sheet carries for officers' own charts.
DATA_QUARTERS = 8
DATA_MONTHS = 12


@dataclass(frozen=True)
class History:
    """Recent quarterly and monthly values of every measure, for the Data sheet."""

    quarters: list[Quarter]
    months: list[Month]
    quarterly: dict[tuple[str, int], float]
    monthly: dict[tuple[str, int], float]


@dataclass(frozen=True)
class Report:
    meeting: Meeting
    quarter: Quarter
    parties: Parties
    marking: str
    board: list[BoardRow]
    actions: list[Action]
    meeting_dates: dict[int, date]
    history: History

    def placed(self, placement: Placement) -> list[BoardRow]:
        """The rows published in one appendix, in the appendix's order.

        The one entry point every document uses (workbook, Word report,
        response workbook), so they all publish the same rows in the same
        order: what the officer placed there, or wrote for and the
        suggestion places there; the officer's order, else natural code order.
        """
        return appendix_rows(self.board, placement)

    @property
    def placed_but_empty(self) -> list[BoardRow]:
        """Measures the officer placed in an appendix with nothing written for them."""
        return [row for row in self.board if row.placed_but_empty]

    @property
    def summary(self) -> Summary:
        """The summary table of the quarter: what the workbook and the Word report print."""
        return summarise(
            Rated(r.code, r.measure.area, r.measure.kind, r.status, r.measure.title)
            for r in self.board
        )

    @property
    def period(self) -> str:
        return str(self.quarter)

    @property
    def page(self) -> PageText:
        """What the header and footer of every printed page say."""
        meeting = self.meeting
        return PageText(
            period=self.period,
            meeting=f"{meeting.title}, {meeting.date:%d %B %Y}",
            marking=self.marking,
        )


def _history(store: Store, quarter: Quarter, meeting: Meeting) -> History:
    first_q = quarter.index - DATA_QUARTERS + 1
    quarterly = store.measures.values_between("quarter", first_q, quarter.index)
    _, last_month = latest_month_window(quarter, meeting.date)
    first_m = last_month.index - DATA_MONTHS + 1
    monthly = store.measures.values_between("month", first_m, last_month.index)
    # Only periods with at least one figure: empty columns help nobody's chart.
    q_with_data = {ordinal for _, ordinal in quarterly}
    m_with_data = {ordinal for _, ordinal in monthly}
    return History(
        quarters=[
            Quarter.from_index(i) for i in range(first_q, quarter.index + 1) if i in q_with_data
        ],
        months=[
            Month.from_index(i) for i in range(first_m, last_month.index + 1) if i in m_with_data
        ],
        quarterly=quarterly,
        monthly=monthly,
    )


def gather(store: Store, meeting: Meeting) -> Report:
    quarter = meeting_quarter(meeting)
    return Report(
        meeting=meeting,
        quarter=quarter,
        parties=store.settings.parties(),
        marking=store.settings.protective_marking,
        board=board_for_meeting(store, meeting),
        actions=store.meetings.actions_for(meeting),
        meeting_dates={m.id: m.date for m in store.meetings.all() if m.id is not None},
        history=_history(store, quarter, meeting),
    )
