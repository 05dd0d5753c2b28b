"""Merging a challenge pack into a database, all in one transaction.

Records are matched by key (see ``packs.plan`` for the keys and how actions
are matched); what the pack holds replaces what the database holds for the
same key, and nothing the pack does not mention is touched or deleted. Every
check runs before the first write, and the writes run in one transaction, so
a pack with any problem, or an interruption part-way, leaves the database
exactly as it was.

Writes go through the repositories' ``executemany`` methods in batches, so a
pack of 300 measures over ten years (some 50,000 readings) merges in seconds
and can report progress as it goes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import islice

from challenge_app.models import Action, Challenge
from challenge_app.packs.conflicts import Take, take_none
from challenge_app.packs.model import Pack, PackAction
from challenge_app.packs.plan import MergePlan, match_actions, plan_merge
from challenge_app.progress import Progress, no_progress
from challenge_app.publication import AppendixPosition
from challenge_app.store import Store
from challenge_app.store.backup import backup_before_replacing

#: Records written per ``executemany`` between progress reports.
BATCH = 2000


def _batches(items: Sequence, size: int = BATCH) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class _Counter:
    """Turns "wrote another batch" into calls on a ``Progress`` with one overall total."""

    def __init__(self, progress: Progress, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def advance(self, count: int, what: str) -> None:
        self.done += count
        self.progress(self.done, self.total, what)


def merge_pack(
    store: Store,
    pack: Pack,
    progress: Progress = no_progress,
    file: str | None = None,
    take: Take = take_none,
) -> MergePlan:
    """Merge ``pack`` into the database; returns what it changed (see ``plan_merge``).

    Text already recorded is kept where the pack's differs, unless ``take``
    says to take the pack's for that record (``take_all`` is ``--replace``);
    before any recorded text is replaced, a backup of the database is taken.

    Raises ``InputError`` (and writes nothing) if the pack refers to measures
    that neither it nor the database defines.
    """
    plan = plan_merge(store, pack, file, take)
    pack = plan.resolved
    if plan.taken and store.path is not None:
        backup_before_replacing(store.db, store.path)
    total = (
        len(pack.measures)
        + pack.target_count
        + len(pack.readings)
        + len(pack.meetings)
        + pack.challenge_count
        + pack.action_count
    )
    counter = _Counter(progress, max(total, 1))
    progress(0, counter.total, "Importing the pack")
    with store.transaction():
        if pack.parties is not None:
            store.settings.set_parties(pack.parties)
        _merge_measures(store, pack, counter)
        _merge_meetings(store, pack, counter)
    if not total:
        progress(1, 1, "Importing the pack")
    return plan


def _merge_measures(store: Store, pack: Pack, counter: _Counter) -> None:
    store.measures.upsert(m.measure for m in pack.measures)
    counter.advance(len(pack.measures), "Importing measures")
    targets = [(m.measure.code, t) for m in pack.measures for t in m.targets]
    for batch in _batches(targets):
        store.measures.upsert_targets(batch)
        counter.advance(len(batch), "Importing targets")
    for batch in _batches(pack.readings):
        store.measures.upsert_readings(batch)
        counter.advance(len(batch), "Importing readings")


def _merge_meetings(store: Store, pack: Pack, counter: _Counter) -> None:
    ids = store.meetings.upsert_by_key(m.to_meeting() for m in pack.meetings)
    counter.advance(len(pack.meetings), "Importing meetings")
    challenges: list[Challenge] = [
        c.to_challenge(ids[m.key]) for m in pack.meetings for c in m.challenges
    ]
    for batch in _batches(challenges):
        store.meetings.upsert_challenges(batch)
        counter.advance(len(batch), "Importing challenges")
    for m in pack.meetings:
        store.meetings.set_positions(
            ids[m.key],
            {
                c.code: AppendixPosition(c.placement, c.order)
                for c in m.challenges
                if c.order is not None
            },
        )
    actions = list(_actions_to_save(store, pack, ids))
    for batch in _batches(actions):
        store.meetings.save_actions(batch)
        counter.advance(len(batch), "Importing actions")


def _actions_to_save(
    store: Store, pack: Pack, ids: dict[tuple[str, str, str], int]
) -> Iterable[tuple[Action, date]]:
    """Each pack action as a new action or as an update of the one it matches.

    A closed action new to this database is recorded as closed on its
    meeting's date: the pack does not say when it closed, so it is not carried
    forward into later meetings as if it had still been open at them.
    """
    existing: dict[int, list[Action]] = defaultdict(list)
    for action in store.meetings.all_actions():
        existing[action.meeting_id].append(action)
    for meeting in pack.meetings:
        meeting_id = ids[meeting.key]
        have = existing[meeting_id]
        as_pack = [PackAction(a.text, a.code, a.owner, a.due, a.status) for a in have]
        for index, action in match_actions(as_pack, meeting.actions):
            action_id = have[index].id if index is not None else None
            yield action.to_action(meeting_id, action_id), meeting.date
