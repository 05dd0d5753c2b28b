"""The measure board: every measure as it stands for one quarter.

This is the one place that joins measures, targets, readings and challenge
records into rows with their status, direction of travel and placement. The
measure list, the challenge form's performance panel and the exports all use
it, so they can never disagree. It runs a fixed handful of queries however
many measures there are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from challenge_app.models import Challenge, Measure, Meeting, Placement, Target
from challenge_app.periods import Month, Quarter, latest_month_window, parse_period
from challenge_app.publication import (
    AppendixPosition,
    in_appendix_order,
    moved,
    placed_but_empty,
    published_placement,
)
from challenge_app.rag import Status, rag_status
from challenge_app.store import Store
from challenge_app.travel import (
    Direction,
    default_placement,
    direction_of_travel,
    is_hard_to_shift,
    red_streak_from_latest,
)

#: How far back to look when counting a Red streak for "hard to shift".
STREAK_LOOKBACK_QUARTERS = 12


@dataclass(frozen=True)
class BoardRow:
    measure: Measure
    quarter: Quarter
    value: float | None
    latest_month: Month | None
    latest_value: float | None
    target: Target | None
    status: Status
    previous_value: float | None
    direction: Direction
    red_streak: int
    challenge: Challenge | None
    position: AppendixPosition | None = None

    @property
    def code(self) -> str:
        return self.measure.code

    @property
    def hard_to_shift(self) -> bool:
        return is_hard_to_shift(self.red_streak)

    @property
    def default_placement(self) -> Placement:
        return default_placement(self.status, self.direction)

    @property
    def placement(self) -> Placement:
        """The officer's choice if made, otherwise the default from status and direction."""
        if self.challenge is not None and self.challenge.placement is not None:
            return self.challenge.placement
        return self.default_placement

    @cached_property
    def published(self) -> Placement:
        """Where the documents publish this measure (DOMAIN.md's placement rule)."""
        return published_placement(self.challenge, self.default_placement)

    @property
    def placed_but_empty(self) -> bool:
        """Placed in an appendix by the officer with nothing written for it."""
        return placed_but_empty(self.challenge)

    @property
    def has_challenge(self) -> bool:
        return self.challenge is not None and not self.challenge.is_empty


def meeting_quarter(meeting: Meeting) -> Quarter:
    period = parse_period(meeting.period)
    return period if isinstance(period, Quarter) else period.quarter


def build_board(
    store: Store,
    quarter: Quarter,
    meeting: Meeting | None = None,
    meeting_date: date | None = None,
) -> list[BoardRow]:
    """Every measure for ``quarter``, in natural code order."""
    first_q = quarter.index - STREAK_LOOKBACK_QUARTERS
    meeting_date = meeting_date or (meeting.date if meeting else None)
    first_m, last_m = latest_month_window(quarter, meeting_date)
    has_id = meeting is not None and meeting.id is not None
    return board_rows(
        store.measures.all(),
        quarter,
        meeting_date,
        quarterly=store.measures.values_between("quarter", first_q, quarter.index),
        monthly=store.measures.values_between("month", first_m.index, last_m.index),
        targets=store.measures.targets(),
        challenges=store.meetings.challenges(meeting.id) if has_id else {},
        positions=store.meetings.appendix_positions(meeting.id) if has_id else {},
    )


def board_rows(
    measures: Iterable[Measure],
    quarter: Quarter,
    meeting_date: date | None,
    *,
    quarterly: Mapping[tuple[str, int], float],
    monthly: Mapping[tuple[str, int], float],
    targets: Mapping[tuple[str, str], Target],
    challenges: Mapping[str, Challenge],
    positions: Mapping[str, AppendixPosition],
) -> list[BoardRow]:
    """The board's rules on figures already read: values by (code, quarter or month
    index), targets by (code, year). Readings outside the quarter's windows are
    ignored, so one measure's whole history can be judged at any quarter (what the
    Previous meetings panel does) exactly as the board judged it."""
    first_q = quarter.index - STREAK_LOOKBACK_QUARTERS
    first_m, last_m = latest_month_window(quarter, meeting_date)
    first_month, last_month = first_m.index, last_m.index
    latest_month: dict[str, int] = {}
    for code, ordinal in monthly:
        if first_month <= ordinal <= last_month and ordinal > latest_month.get(code, -1):
            latest_month[code] = ordinal

    # Each quarter judged against its own year's target: the year's text, once per quarter.
    year_of = {
        i: str(Quarter.from_index(i).financial_year) for i in range(first_q, quarter.index + 1)
    }

    def status_at(m: Measure, q_index: int) -> Status:
        t = targets.get((m.code, year_of[q_index]))
        return rag_status(
            quarterly.get((m.code, q_index)),
            t.target if t else None,
            t.tolerance if t else None,
            m.polarity,
            m.kind,
        )

    rows = []
    for m in measures:
        value = quarterly.get((m.code, quarter.index))
        previous = quarterly.get((m.code, quarter.index - 1))
        month_index = latest_month.get(m.code)
        streak = red_streak_from_latest(
            status_at(m, i) for i in range(quarter.index, first_q - 1, -1)
        )
        rows.append(
            BoardRow(
                measure=m,
                quarter=quarter,
                value=value,
                latest_month=Month.from_index(month_index) if month_index is not None else None,
                latest_value=(
                    monthly.get((m.code, month_index)) if month_index is not None else None
                ),
                target=targets.get((m.code, str(quarter.financial_year))),
                status=status_at(m, quarter.index),
                previous_value=previous,
                direction=direction_of_travel(value, previous, m.polarity, m.kind),
                red_streak=streak,
                challenge=challenges.get(m.code),
                position=positions.get(m.code),
            )
        )
    return rows


def board_for_meeting(store: Store, meeting: Meeting) -> list[BoardRow]:
    return build_board(store, meeting_quarter(meeting), meeting)


def appendix_rows(board: Iterable[BoardRow], placement: Placement) -> list[BoardRow]:
    """The rows published in ``placement``, in the appendix's order."""
    return in_appendix_order(
        (row for row in board if row.published is placement),
        placement,
        lambda row: row.code,
        lambda row: row.position,
    )


def move_in_appendix(store: Store, meeting: Meeting, code: str, step: int) -> bool:
    """Move a published measure ``step`` places within its appendix (-1 up, +1 down).

    The whole appendix is numbered afresh in one transaction. Returns False,
    changing nothing, when the measure is not published in an appendix or is
    already at that end of it.
    """
    if meeting.id is None:
        return False
    board = board_for_meeting(store, meeting)
    row = next((r for r in board if r.code == code), None)
    if row is None or row.published is Placement.NONE:
        return False
    order = moved([r.code for r in appendix_rows(board, row.published)], code, step)
    if order is None:
        return False
    store.meetings.set_appendix_order(meeting.id, row.published, order)
    return True
