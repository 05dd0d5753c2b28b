"""One measure at earlier meetings: what was said, what the figure was, what was promised.

The next meeting exists to ask whether last quarter's answers held, so beside
this quarter's form the officer sees, for the same measure, every earlier
meeting's figure and status then, the council comment, questions, provider
response and notes, and the actions raised and whether they are still open.

A fixed handful of queries whatever the number of meetings: the measure, its
targets, its readings, its challenge records, its actions and the meetings.
Each meeting's figure is judged as the board judges it (``meeting_quarter``,
``latest_month_window`` and ``rag_status`` against that year's target), so the
panel shows the status the report printed at the time.
"""

from __future__ import annotations

from dataclasses import dataclass

from challenge_app.board import meeting_quarter
from challenge_app.formatting import performance_line, target_line
from challenge_app.models import Action, Challenge, Measure, Meeting, Target
from challenge_app.periods import Month, Quarter, latest_month_window, parse_period
from challenge_app.rag import Status, rag_status
from challenge_app.store import Store


@dataclass(frozen=True)
class PastMeeting:
    """One earlier meeting as it stood for one measure."""

    meeting: Meeting
    measure: Measure
    quarter: Quarter
    value: float | None
    latest_month: Month | None
    latest_value: float | None
    target: Target | None
    status: Status
    challenge: Challenge | None
    actions: tuple[Action, ...]

    @property
    def figure(self) -> str:
        """``Q1 = 24%  July = 24%``: the figure as the report printed it then."""
        return performance_line(
            self.quarter, self.value, self.latest_month, self.latest_value, self.measure.unit
        )

    @property
    def target_text(self) -> str:
        t = self.target
        return target_line(t.target if t else None, t.tolerance if t else None, self.measure.unit)

    @property
    def open_actions(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.is_open)


def is_earlier(other: Meeting, meeting: Meeting | None) -> bool:
    """Meetings are ordered by date, then by when they were entered (as the meeting list)."""
    if meeting is None:
        return True
    if other.date != meeting.date:
        return other.date < meeting.date
    return (other.id or 0) < (meeting.id or 0)


def previous_meetings(store: Store, code: str, meeting: Meeting | None) -> list[PastMeeting]:
    """The meetings before ``meeting`` that said or asked something about measure
    ``code`` (a challenge record with text, or an action), newest first.

    With no meeting chosen every meeting counts as earlier: the officer is
    looking at the measures as they stand now.
    """
    measure = store.measures.get(code)
    if measure is None:
        return []
    challenges = {
        c.meeting_id: c for c in store.meetings.challenges_for_measure(code) if not c.is_empty
    }
    actions: dict[int, list[Action]] = {}
    for action in store.meetings.actions_for_measure(code):
        actions.setdefault(action.meeting_id, []).append(action)
    meetings = [
        m
        for m in store.meetings.all()
        if (m.id in challenges or m.id in actions) and is_earlier(m, meeting)
    ]
    if not meetings:
        return []
    targets = {t.year: t for t in store.measures.targets_for(code)}
    quarterly: dict[int, float] = {}
    monthly: dict[int, float] = {}
    for reading in store.measures.readings_for(code):
        period = parse_period(reading.period)
        (quarterly if isinstance(period, Quarter) else monthly)[period.index] = reading.value

    past = []
    for m in meetings:
        quarter = meeting_quarter(m)
        first, last = latest_month_window(quarter, m.date)
        known = [i for i in monthly if first.index <= i <= last.index]
        month_index = max(known) if known else None
        value = quarterly.get(quarter.index)
        target = targets.get(str(quarter.financial_year))
        past.append(
            PastMeeting(
                meeting=m,
                measure=measure,
                quarter=quarter,
                value=value,
                latest_month=Month.from_index(month_index) if month_index is not None else None,
                latest_value=monthly.get(month_index) if month_index is not None else None,
                target=target,
                status=rag_status(
                    value,
                    target.target if target else None,
                    target.tolerance if target else None,
                    measure.polarity,
                    measure.kind,
                ),
                challenge=challenges.get(m.id),
                actions=tuple(actions.get(m.id, ())),
            )
        )
    return past


def last_comment(past: list[PastMeeting]) -> str:
    """The newest earlier council comment on the measure ("" if none): the
    starting point the officer may copy into this quarter's comment."""
    for p in past:
        if p.challenge is not None and p.challenge.council_comment.strip():
            return p.challenge.council_comment
    return ""
