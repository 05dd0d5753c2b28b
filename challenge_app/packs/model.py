"""What a challenge pack holds, as plain immutable values.

A pack is the whole of a database in one file (INTERFACES.md, "Challenge pack").
Reading a pack produces these records; exporting a database produces them too,
so "what came in" and "what goes out" can be compared with ``==`` and the
round-trip promise (import P, export, get P back) is a one-line test.

They deliberately carry no database ids: a pack is keyed by what the officer
sees (measure code, period, meeting date and title), so it merges into any
database, not only the one it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from challenge_app.models import (
    TEXT_FIELDS,
    Action,
    Challenge,
    Measure,
    Meeting,
    Parties,
    Placement,
    Reading,
    Target,
)

FORMAT = "challenge-pack"
VERSION = 1


@dataclass(frozen=True)
class PackMeasure:
    measure: Measure
    targets: tuple[Target, ...] = ()


@dataclass(frozen=True)
class PackChallenge:
    """A challenge record without its meeting: the pack nests it under one.
    Its text fields are ``models.TEXT_FIELDS`` (a test holds them equal)."""

    code: str
    placement: Placement
    council_comment: str = ""
    questions: tuple[str, ...] = ()
    provider_response: str = ""
    meeting_notes: str = ""
    headline: str = ""
    order: int | None = None  # the officer's place within its appendix; None: code order
    #: Text keys the pack left out: merging leaves those fields as recorded (``conflicts``).
    absent: frozenset[str] = field(default=frozenset(), compare=False)

    def to_challenge(self, meeting_id: int) -> Challenge:
        return Challenge(
            meeting_id=meeting_id,
            code=self.code,
            placement=self.placement,
            **{name: getattr(self, name) for name in TEXT_FIELDS},
        )


@dataclass(frozen=True)
class PackAction:
    text: str
    code: str | None = None
    owner: str = ""
    due: date | None = None
    status: str = "open"

    @property
    def key(self) -> tuple[str | None, str]:
        """Within one meeting an action is known by its measure and its wording."""
        return (self.code, self.text)

    def to_action(self, meeting_id: int, action_id: int | None = None) -> Action:
        return Action(
            action_id, meeting_id, self.text, self.code, self.owner, self.due, self.status
        )


MeetingKey = tuple[str, str, str]


@dataclass(frozen=True)
class PackMeeting:
    title: str
    date: date
    period: str
    kind: str = "quarterly"
    attendees: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    challenges: tuple[PackChallenge, ...] = ()
    actions: tuple[PackAction, ...] = ()
    #: Keys the pack left out (attendees, apologies): merging leaves those as recorded.
    absent: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def key(self) -> MeetingKey:
        """How a meeting is matched on import: period, date and title."""
        return (self.period, self.date.isoformat(), self.title)

    def to_meeting(self, meeting_id: int | None = None) -> Meeting:
        return Meeting(
            meeting_id,
            self.title,
            self.date,
            self.period,
            self.kind,
            self.attendees,
            self.apologies,
        )

    @property
    def label(self) -> str:
        return self.to_meeting().label


@dataclass(frozen=True)
class Pack:
    """``parties`` is None when the pack does not name them (the database keeps its own)."""

    parties: Parties | None = None
    measures: tuple[PackMeasure, ...] = ()
    readings: tuple[Reading, ...] = ()
    meetings: tuple[PackMeeting, ...] = ()

    @property
    def codes(self) -> set[str]:
        return {m.measure.code for m in self.measures}

    @property
    def target_count(self) -> int:
        return sum(len(m.targets) for m in self.measures)

    @property
    def challenge_count(self) -> int:
        return sum(len(m.challenges) for m in self.meetings)

    @property
    def action_count(self) -> int:
        return sum(len(m.actions) for m in self.meetings)
