"""The demo database: real figures from one quarter plus two earlier quarters.

Built afresh on every ``--demo`` start from ``resources/sample`` so that an
officer (or a screenshot, or a benchmark) always sees the same thing, and so
that trying the program never touches their real database.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from challenge_app.imports import import_dataset
from challenge_app.models import (
    LIST_FIELDS,
    TEXT_FIELDS,
    Action,
    Challenge,
    Meeting,
    Parties,
    Placement,
)
from challenge_app.paths import resource
from challenge_app.store import Store

DATASET = ("sample", "demo-dataset.csv")
MEETINGS = ("sample", "demo-meetings.json")


def load_sample_dataset(store: Store, path: Path) -> None:
    """Load the shipped sample through the provider-dataset importer.

    The sample is in the import template, so loading it the way an officer would
    import a provider file keeps one reader of that format, and every demo start
    exercises the importer on a known-good file.
    """
    import_dataset(store, path)


def load_sample_meetings(store: Store, path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    with store.transaction():
        store.settings.set_parties(Parties(**data["parties"]))
        store.settings.set_protective_marking(data.get("protective_marking", ""))
        for m in data["meetings"]:
            meeting = store.meetings.save(
                Meeting(
                    None,
                    m["title"],
                    date.fromisoformat(m["date"]),
                    m["period"],
                    m["kind"],
                    tuple(m["attendees"]),
                    tuple(m["apologies"]),
                )
            )
            for c in m["challenges"]:
                store.meetings.save_challenge(
                    Challenge(
                        meeting.id,
                        c["code"],
                        placement=Placement(c["placement"]),
                        **{
                            name: tuple(c[name]) if name in LIST_FIELDS else c[name]
                            for name in TEXT_FIELDS
                        },
                    )
                )
            for a in m["actions"]:
                store.meetings.save_action(
                    Action(
                        None,
                        meeting.id,
                        a["text"],
                        a["code"],
                        a["owner"],
                        date.fromisoformat(a["due"]) if a["due"] else None,
                        a["status"],
                    ),
                    closed_on=meeting.date,
                )


def build_demo_database(path: Path | None = None) -> Path:
    """Create a fresh demo database (in a new temporary folder unless ``path`` is given)."""
    if path is None:
        path = Path(tempfile.mkdtemp(prefix="challenge-demo-")) / "demo.db"
    elif path.exists():
        path.unlink()
    store = Store.open(path)
    try:
        load_sample_dataset(store, resource(*DATASET))
        load_sample_meetings(store, resource(*MEETINGS))
    finally:
        store.close()
    return path
