"""Writing an import plan: only what changes, and all of it or none of it.

The plan has already been checked against the database, so writing is one
transaction of upserts. If anything fails half-way (a full disk, a locked
file) the transaction rolls back and the database is exactly as before.
"""

from __future__ import annotations

from challenge_app.imports.plan import Plan
from challenge_app.models import Reading
from challenge_app.store import Store


def apply_plan(store: Store, plan: Plan) -> None:
    """Write the plan's new and changed measures, targets and values in one transaction."""
    if plan.is_empty:
        return
    with store.transaction():
        store.measures.upsert(change.new for change in plan.measures)
        store.measures.upsert_targets((change.code, change.new) for change in plan.targets)
        store.measures.upsert_readings(
            Reading(change.code, str(change.period), change.new) for change in plan.values
        )
