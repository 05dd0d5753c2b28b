"""Text already recorded is never emptied or replaced by a pack unless the officer says so.

A pack merges by key (``packs.plan``), but what an officer wrote at a meeting
is not a figure to be corrected: a colleague's pack may be older, partial or
simply different. So for a meeting already in the database:

* a text key the pack leaves out leaves the recorded text as it is;
* text the pack gives is taken where nothing is recorded yet, or where it is
  the same;
* text that differs from what is recorded (including the pack giving none)
  is a **conflict**: kept as recorded and listed by meeting and measure, unless
  the officer takes the pack's version (``--replace`` for every conflict, or
  record by record in the GUI's preview).

The texts are a challenge's ``TEXT_FIELDS`` and a meeting's attendees and
apologies. Everything else (figures, targets, placement, actions) merges as
before. ``resolve`` returns the pack as it will be written, so planning and
merging work on exactly what will happen.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from challenge_app.models import TEXT_FIELDS
from challenge_app.packs.model import MeetingKey, Pack, PackChallenge, PackMeeting

#: A meeting's own text fields, compared the same way as a challenge's.
MEETING_TEXT_FIELDS = ("attendees", "apologies")

ConflictKey = tuple[MeetingKey, str | None]
"""A conflicting record: its meeting, and its measure code (None: the meeting's own fields)."""

_LABELS = {
    "council_comment": "council comment",
    "questions": "questions",
    "provider_response": "provider response",
    "meeting_notes": "meeting notes",
    "headline": "headline",
    "attendees": "attendees",
    "apologies": "apologies",
}


def field_label(name: str) -> str:
    """How a text field is named to the officer (``council comment``)."""
    return _LABELS.get(name, name.replace("_", " "))


def as_text(value: str | tuple[str, ...]) -> str:
    """A field's value for showing side by side: lists one item a line."""
    return value if isinstance(value, str) else "\n".join(value)


@dataclass(frozen=True)
class Difference:
    """One text field recorded here that the pack would change."""

    name: str
    here: str | tuple[str, ...]
    pack: str | tuple[str, ...]

    @property
    def label(self) -> str:
        return field_label(self.name)


@dataclass(frozen=True)
class Conflict:
    """A record whose recorded text differs from the pack's; ``taken``: the pack's is written."""

    meeting: MeetingKey
    meeting_label: str
    code: str | None
    differences: tuple[Difference, ...]
    taken: bool = False

    @property
    def key(self) -> ConflictKey:
        return (self.meeting, self.code)

    @property
    def record(self) -> str:
        """``2016/17 Q1 - 02 Aug 2016 - Quarterly challenge meeting, A2``."""
        return f"{self.meeting_label}, {self.code}" if self.code else self.meeting_label

    def describe(self) -> str:
        """One line: the record and which of its texts differ."""
        return f"{self.record}: {', '.join(d.label for d in self.differences)}"


Take = Callable[[ConflictKey], bool]


def take_none(_key: ConflictKey) -> bool:
    return False


def take_all(_key: ConflictKey) -> bool:
    return True


def take_only(keys: Collection[ConflictKey]) -> Take:
    """Take the pack's text for these records only (the GUI's per-record choice)."""
    chosen = set(keys)
    return lambda key: key in chosen


def _merge_texts(
    have: object, incoming: object, names: tuple[str, ...], absent: frozenset[str]
) -> tuple[dict[str, object], list[Difference]]:
    """Per field: the value to write if the pack's text is taken, and the differences."""
    values: dict[str, object] = {}
    differences = []
    for name in names:
        old, new = getattr(have, name), getattr(incoming, name)
        if name in absent:
            values[name] = old
        elif old != new and any(piece.strip() for piece in _pieces(old)):
            differences.append(Difference(name, old, new))
    return values, differences


def _pieces(value: object) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _resolve_record(have, incoming, names, key, label, code, take: Take, conflicts: list):
    """The record as it will be written (keeping or taking its differing texts)."""
    absent = getattr(incoming, "absent", frozenset())
    values, differences = _merge_texts(have, incoming, names, absent)
    if differences:
        taken = take(key)
        conflicts.append(Conflict(key[0], label, code, tuple(differences), taken))
        if not taken:
            values.update({d.name: d.here for d in differences})
    return replace(incoming, **values, absent=frozenset()) if values or absent else incoming


def resolve(existing: Pack, incoming: Pack, take: Take = take_none) -> tuple[Pack, tuple]:
    """``incoming`` as it will be written over ``existing``, and every conflict found."""
    have_meetings = {m.key: m for m in existing.meetings}
    conflicts: list[Conflict] = []
    meetings = []
    for meeting in incoming.meetings:
        have = have_meetings.get(meeting.key)
        if have is None:
            meetings.append(meeting)
            continue
        meetings.append(_resolve_meeting(have, meeting, take, conflicts))
    return replace(incoming, meetings=tuple(meetings)), tuple(conflicts)


def _resolve_meeting(
    have: PackMeeting, meeting: PackMeeting, take: Take, conflicts: list
) -> PackMeeting:
    label = meeting.label
    resolved = _resolve_record(
        have, meeting, MEETING_TEXT_FIELDS, (meeting.key, None), label, None, take, conflicts
    )
    have_challenges = {c.code: c for c in have.challenges}
    challenges: list[PackChallenge] = []
    for challenge in meeting.challenges:
        old = have_challenges.get(challenge.code)
        if old is None:
            challenges.append(challenge)
            continue
        key = (meeting.key, challenge.code)
        challenges.append(
            _resolve_record(
                old, challenge, TEXT_FIELDS, key, label, challenge.code, take, conflicts
            )
        )
    return replace(resolved, challenges=tuple(challenges))
