"""What the search index must hold, worked out from the records themselves."""

from __future__ import annotations

import json

from challenge_app.models import LIST_FIELDS, TEXT_FIELDS
from challenge_app.store import Store


def expected_rows(store: Store) -> set[tuple]:
    """(source, id, meeting, code, field, item, text) for every non-blank text of every
    field ``models.TEXT_FIELDS`` names: a new field fails this until it is indexed."""
    rows = set()
    for c in store.db.query("SELECT * FROM challenges"):
        key = ("challenge", c["id"], c["meeting_id"], c["code"])
        for field in TEXT_FIELDS:
            texts = json.loads(c[field]) if field in LIST_FIELDS else [c[field]]
            for i, text in enumerate(texts):
                if text.strip():
                    rows.add((*key, field, i, text))
    for a in store.db.query("SELECT * FROM actions"):
        if a["text"].strip():
            rows.add(("action", a["id"], a["meeting_id"], a["code"], "action", 0, a["text"]))
    return rows


def indexed_rows(store: Store) -> set[tuple]:
    return {
        tuple(row.values())
        for row in store.db.query(
            "SELECT source, source_id, meeting_id, code, field, item, body FROM search_rows"
        )
    }


def assert_index_in_step(store: Store) -> None:
    """The rows match the records, and FTS5's own check agrees with its content table."""
    assert indexed_rows(store) == expected_rows(store)
    with store.transaction():
        store.db.execute(
            "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)"
        )
