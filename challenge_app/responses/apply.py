"""Recording returned responses: one transaction, and never over the officer's words unasked.

New responses are recorded; a conflict is recorded only if the officer chose
to take it (``take``). Everything is re-read inside the transaction, so a
response typed in the program after the plan was made is kept, not
overwritten: the plan saw an empty response there, the officer has since
written one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass

from challenge_app.export.safe_text import clean
from challenge_app.responses.plan import ResponsePlan
from challenge_app.store import Store


@dataclass(frozen=True)
class Recorded:
    """What was written: codes of new responses, of conflicts taken, of conflicts kept."""

    new: list[str]
    taken: list[str]
    kept: list[str]

    @property
    def count(self) -> int:
        return len(self.new) + len(self.taken)


def apply_responses(store: Store, plan: ResponsePlan, take: Collection[str] = ()) -> Recorded:
    """Record ``plan``'s new responses, and the conflicts whose code is in ``take``."""
    assert plan.meeting.id is not None
    new: list[str] = []
    taken: list[str] = []
    kept = [c.code for c in plan.conflicts if c.code not in take]
    with store.transaction():
        current = store.meetings.challenges(plan.meeting.id)
        writes = []
        for response in plan.new:
            challenge = current.get(response.code)
            if challenge is None:
                continue
            if challenge.provider_response.strip() and clean(challenge.provider_response) != (
                response.text
            ):
                kept.append(response.code)  # written in the program meanwhile: keep it
                continue
            writes.append(dataclasses.replace(challenge, provider_response=response.text))
            new.append(response.code)
        for conflict in plan.conflicts:
            challenge = current.get(conflict.code)
            if conflict.code in take and challenge is not None:
                writes.append(dataclasses.replace(challenge, provider_response=conflict.returned))
                taken.append(conflict.code)
        store.meetings.upsert_challenges(writes)
    return Recorded(new, taken, kept)
