"""What merging a pack would do, worked out before anything is written.

The officer is asked to confirm an import only after being told what the pack
holds and what it would change ("22 measures: 2 new, 3 updated, 17 unchanged"),
and the command line prints the same summary afterwards. Working it out also
checks the one thing the pack alone cannot: that every code a reading,
challenge or action refers to is a measure in the pack or in the database.

Matching is by the keys in INTERFACES.md: measure ``code``; target ``code`` +
``year``; reading ``code`` + ``period``; meeting ``period`` + ``date`` +
``title``; challenge meeting + ``code``. Actions have no key in the format, so
an action is matched within its meeting by measure code and wording: the
first action in the pack with a given (code, text) updates the first such
action already in the database, the second the second, and so on. Importing
the same pack twice therefore never duplicates an action, and two identical
actions in one meeting survive a round trip as two.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from challenge_app.errors import InputError, Problem
from challenge_app.limits import quoted
from challenge_app.models import Parties
from challenge_app.packs.conflicts import Conflict, Take, resolve, take_none
from challenge_app.packs.export import pack_from_store
from challenge_app.packs.model import Pack, PackAction, PackMeasure, PackMeeting
from challenge_app.packs.schema import capped
from challenge_app.store import Store


@dataclass(frozen=True)
class Tally:
    """How many records of one kind are new, would be updated, or are already as in the pack."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.new + self.changed + self.unchanged

    def describe(self, singular: str, plural: str) -> str:
        noun = singular if self.total == 1 else plural
        if not self.total:
            return f"no {plural}"
        parts = [
            f"{count} {word}"
            for count, word in (
                (self.new, "new"),
                (self.changed, "updated"),
                (self.unchanged, "unchanged"),
            )
            if count
        ]
        return f"{self.total} {noun} ({', '.join(parts)})"


@dataclass(frozen=True)
class MergePlan:
    measures: Tally
    readings: Tally
    meetings: Tally
    new_meetings: tuple[str, ...] = ()
    updated_meetings: tuple[str, ...] = ()
    parties: tuple[Parties, Parties] | None = None  # (now, after) when the names would change
    new_codes: tuple[str, ...] = ()
    #: Records whose recorded text differs from the pack's (``packs.conflicts``).
    conflicts: tuple[Conflict, ...] = ()
    #: The pack as it will be written: absent texts and kept conflicts as recorded.
    resolved: Pack = field(default_factory=Pack, compare=False, repr=False)

    @property
    def kept(self) -> tuple[Conflict, ...]:
        """Conflicts left as recorded here."""
        return tuple(c for c in self.conflicts if not c.taken)

    @property
    def taken(self) -> tuple[Conflict, ...]:
        """Conflicts where the pack's text replaces what was recorded."""
        return tuple(c for c in self.conflicts if c.taken)

    @property
    def changes_anything(self) -> bool:
        return bool(
            self.parties
            or self.measures.new
            or self.measures.changed
            or self.readings.new
            or self.readings.changed
            or self.meetings.new
            or self.meetings.changed
        )

    def summary_lines(self) -> list[str]:
        """The plan in words, one line per kind of record."""
        lines = [
            self.measures.describe("measure", "measures"),
            self.readings.describe("reading", "readings"),
            self.meetings.describe("meeting", "meetings"),
        ]
        if self.parties:
            (now, after) = self.parties
            lines.append(
                f"The parties' names change from {now.council} / {now.provider} "
                f"to {after.council} / {after.provider}"
            )
        if self.taken:
            lines.append(f"{_records(len(self.taken))} replaced by the pack's text")
        if self.kept:
            lines.append(
                f"{_records(len(self.kept))} kept as recorded here, where the pack's text differs"
            )
        return lines


def _records(count: int) -> str:
    return f"{count} record{'s' if count != 1 else ''}"


def check_references(store: Store, pack: Pack, file: str | None = None) -> None:
    """Refuse a pack that records figures or challenges for measures nobody defines."""
    known = pack.codes | {m.code for m in store.measures.all()}
    problems = []

    def check(path: str, code: str | None) -> None:
        if code is not None and code not in known:
            problems.append(
                Problem(
                    f"{path}: measure {quoted(code)} is not in this pack or in the database", file
                )
            )

    for i, reading in enumerate(pack.readings):
        check(f"readings[{i}].code", reading.code)
    for i, meeting in enumerate(pack.meetings):
        for j, challenge in enumerate(meeting.challenges):
            check(f"meetings[{i}].challenges[{j}].code", challenge.code)
        for j, action in enumerate(meeting.actions):
            check(f"meetings[{i}].actions[{j}].code", action.code)
    if problems:
        raise InputError(capped(problems, file))


def plan_merge(
    store: Store, pack: Pack, file: str | None = None, take: Take = take_none
) -> MergePlan:
    """Check the pack against the database and say what merging it would change.

    Recorded text that differs from the pack's is kept unless ``take`` says to
    take the pack's for that record (``packs.conflicts``); the counts describe
    what will really be written.
    """
    check_references(store, pack, file)
    existing = pack_from_store(store)
    pack, conflicts = resolve(existing, pack, take)
    measures = _tally_measures({m.measure.code: m for m in existing.measures}, pack.measures)
    have_readings = {(r.code, r.period): r.value for r in existing.readings}
    readings = Tally(
        new=sum((r.code, r.period) not in have_readings for r in pack.readings),
        changed=sum(
            (r.code, r.period) in have_readings and have_readings[(r.code, r.period)] != r.value
            for r in pack.readings
        ),
        unchanged=sum(have_readings.get((r.code, r.period)) == r.value for r in pack.readings),
    )
    have_meetings = {m.key: m for m in existing.meetings}
    new = [m.label for m in pack.meetings if m.key not in have_meetings]
    updated = [
        m.label
        for m in pack.meetings
        if m.key in have_meetings and meeting_would_change(have_meetings[m.key], m)
    ]
    meetings = Tally(len(new), len(updated), len(pack.meetings) - len(new) - len(updated))
    parties = None
    if pack.parties is not None and pack.parties != existing.parties:
        parties = (existing.parties, pack.parties)
    have_codes = {m.measure.code for m in existing.measures}
    return MergePlan(
        measures,
        readings,
        meetings,
        tuple(new),
        tuple(updated),
        parties,
        tuple(m.measure.code for m in pack.measures if m.measure.code not in have_codes),
        conflicts,
        pack,
    )


def _tally_measures(have: dict[str, PackMeasure], incoming: tuple[PackMeasure, ...]) -> Tally:
    new = changed = 0
    for m in incoming:
        old = have.get(m.measure.code)
        if old is None:
            new += 1
        elif old.measure != m.measure or not set(m.targets) <= set(old.targets):
            changed += 1
    return Tally(new, changed, len(incoming) - new - changed)


def match_actions(
    existing: list[PackAction], incoming: tuple[PackAction, ...]
) -> list[tuple[int | None, PackAction]]:
    """Pair each incoming action with the index of the existing one it updates
    (None: it is new), by (code, text) in order of entry; see the module docstring."""
    waiting: dict[tuple, list[int]] = defaultdict(list)
    for index, action in enumerate(existing):
        waiting[action.key].append(index)
    return [(waiting[a.key].pop(0) if waiting[a.key] else None, a) for a in incoming]


def meeting_would_change(have: PackMeeting, incoming: PackMeeting) -> bool:
    """True if merging ``incoming`` into ``have`` would alter anything that is there."""
    if (have.kind, have.attendees, have.apologies) != (
        incoming.kind,
        incoming.attendees,
        incoming.apologies,
    ):
        return True
    challenges = {c.code: c for c in have.challenges}
    if any(challenges.get(c.code) != c for c in incoming.challenges):
        return True
    return any(
        index is None or have.actions[index] != action
        for index, action in match_actions(list(have.actions), incoming.actions)
    )
