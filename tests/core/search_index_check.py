"""What the search index must hold, worked out from the records themselves."""

from __future__ import annotations

import json

from challenge_app.store import Store

TEXT_FIELDS = ("council_comment", "provider_response", "meeting_notes", "headline")


def expected_rows(store: Store) -> set[tuple]:
    """(source, id, meeting, code, field, item, text) for every non-blank text."""
    rows = set()
    for c in store.db.query("SELECT * FROM challenges"):
        key = ("challenge", c["id"], c["meeting_id"], c["code"])
        for field in TEXT_FIELDS:
            if c[field].strip():
                rows.add((*key, field, 0, c[field]))
        for i, question in enumerate(json.loads(c["questions"])):
            if question.strip():
                rows.add((*key, "question", i, question))
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
