"""Recording responses in one write: the guard per response, and the search index in step."""

from __future__ import annotations

import sqlite3

import pytest

from challenge_app.search import search
from challenge_app.store import Store
from tests.core.responses_support import PERIOD, build_meeting_db
from tests.core.search_index_check import assert_index_in_step


@pytest.fixture
def store(tmp_path):
    opened = Store.open(build_meeting_db(tmp_path / "meeting.db"))
    yield opened
    opened.close()


def _responses(store: Store, meeting_id: int) -> dict[str, str]:
    return {
        code: c.provider_response
        for code, c in store.meetings.challenges(meeting_id).items()
        if c.provider_response
    }


def test_each_response_is_guarded_on_its_own_and_the_codes_written_come_back_in_order(store):
    meeting = store.meetings.latest_for_period(PERIOD)
    store.meetings.record_responses(meeting.id, [("A1", "Recorded before.", False)])
    before = store.meetings.challenge(meeting.id, "A1").updated_at
    written = store.meetings.record_responses(
        meeting.id,
        [
            ("B9", "New for B9.", False),
            ("A1", "Returned for A1, not taken.", False),  # recorded: kept
            ("A2", "Written where none was recorded.", True),
            ("ZZ9", "No such record.", True),
            ("B14", "New for B14.", False),
        ],
    )
    assert written == ["B9", "A2", "B14"]
    assert _responses(store, meeting.id) == {
        "A1": "Recorded before.",
        "A2": "Written where none was recorded.",
        "B9": "New for B9.",
        "B14": "New for B14.",
    }
    assert store.meetings.challenge(meeting.id, "A1").updated_at == before
    assert store.meetings.record_responses(meeting.id, [("A1", "Taken.", True)]) == ["A1"]
    assert store.meetings.challenge(meeting.id, "A1").provider_response == "Taken."
    assert_index_in_step(store)
    assert [(h.code, h.field) for h in search(store, "taken").hits] == [("A1", "provider_response")]


def test_nothing_to_record_writes_nothing(store):
    meeting = store.meetings.latest_for_period(PERIOD)
    assert store.meetings.record_responses(meeting.id, []) == []
    assert _responses(store, meeting.id) == {}


def test_a_failed_write_leaves_every_response_as_it_was(store):
    meeting = store.meetings.latest_for_period(PERIOD)
    with pytest.raises(
        sqlite3.IntegrityError
    ):  # a code twice is the caller's mistake; nothing is written
        store.meetings.record_responses(meeting.id, [("A1", "One.", False), ("A1", "Two.", True)])
    assert _responses(store, meeting.id) == {}
    assert store.meetings.record_responses(meeting.id, [("B9", "Then fine.", False)]) == ["B9"]
