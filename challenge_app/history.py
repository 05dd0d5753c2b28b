"""One measure at earlier meetings: what was said, what the figure was, what was promised.

The next meeting exists to ask whether last quarter's answers held, so beside
this quarter's form the officer sees, for the same measure, every earlier
meeting's figure and status then, the council comment, questions, provider
response and notes, and the actions raised and whether they are still open.

A fixed handful of queries whatever the number of meetings: the measure, its
targets, its quarterly and monthly values, its challenge records, its actions
and the meetings. Each meeting's row comes from the board's own rules
(``board.board_rows`` on those figures), so the panel shows exactly the figure,
status and direction the board showed for that meeting.
"""

from __future__ import annotations

from dataclasses import dataclass

from challenge_app.board import BoardRow, board_rows, meeting_quarter
from challenge_app.formatting import performance_line, target_line
from challenge_app.models import Action, Meeting
from challenge_app.store import Store


@dataclass(frozen=True)
class PastMeeting:
    """One earlier meeting as it stood for one measure: its board row (with the
    challenge record written there) and the actions raised on the measure."""

    meeting: Meeting
    row: BoardRow
    actions: tuple[Action, ...]

    @property
    def figure(self) -> str:
        """``Q1 = 24%  July = 24%``: the figure as the report printed it then."""
        r = self.row
        return performance_line(r.quarter, r.value, r.latest_month, r.latest_value, r.measure.unit)

    @property
    def target_text(self) -> str:
        t = self.row.target
        unit = self.row.measure.unit
        return target_line(t.target if t else None, t.tolerance if t else None, unit)

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
    values = store.measures.values_of(code)
    targets = {(code, t.year): t for t in store.measures.targets_for(code)}
    past = []
    for m in meetings:
        challenge = challenges.get(m.id)
        (row,) = board_rows(
            [measure],
            meeting_quarter(m),
            m.date,
            quarterly=values["quarter"],
            monthly=values["month"],
            targets=targets,
            challenges={code: challenge} if challenge else {},
            positions={},
        )
        past.append(PastMeeting(m, row, tuple(actions.get(m.id, ()))))
    return past


def last_comment(past: list[PastMeeting]) -> str:
    """The newest earlier council comment on the measure ("" if none): the
    starting point the officer may copy into this quarter's comment."""
    for p in past:
        challenge = p.row.challenge
        if challenge is not None and challenge.council_comment.strip():
            return challenge.council_comment
    return ""
