"""Recording returned responses: one transaction, and never over the officer's words unasked.

New responses are recorded where none is recorded; a conflict is recorded
only if the officer chose to take it (``take``). The guard is in the write
itself (``MeetingRepo.record_responses``), so a response typed in the program
after the plan was made is kept, not overwritten: the plan saw an empty
response there, the officer has since written one.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

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
    taking = [c for c in plan.conflicts if c.code in take]
    written = set(
        store.meetings.record_responses(
            plan.meeting.id,
            [
                *((n.code, n.text, False) for n in plan.new),
                *((c.code, c.returned, True) for c in taking),
            ],
        )
    )
    return Recorded(
        new=[n.code for n in plan.new if n.code in written],
        taken=[c.code for c in taking if c.code in written],
        kept=[
            *(c.code for c in plan.conflicts if c.code not in take),
            *(n.code for n in plan.new if n.code not in written),  # typed meanwhile
        ],
    )
