"""One definition of what an officer writes in a challenge record (``TEXT_FIELDS``),
and every part of the core that stores, packs or judges a record going by it."""

from dataclasses import fields, replace
from datetime import date

import pytest

from challenge_app.models import LIST_FIELDS, TEXT_FIELDS, Challenge, Meeting, Placement
from challenge_app.packs import PackChallenge
from challenge_app.packs.export import pack_to_json
from challenge_app.packs.model import Pack, PackMeeting

FULL = Challenge(
    1,
    "A1",
    council_comment="Comment",
    questions=("Why?", "When?"),
    provider_response="Response",
    meeting_notes="Notes",
    headline="Headline",
    placement=Placement.APPENDIX1,
)


def test_text_fields_are_the_written_fields_in_form_order():
    assert TEXT_FIELDS == (
        "council_comment",
        "questions",
        "provider_response",
        "meeting_notes",
        "headline",
    )
    assert set(LIST_FIELDS) == {"questions"}


def test_a_pack_challenge_carries_exactly_the_text_fields():
    # and, after them, its place within its appendix (INTERFACES.md: the optional "order"),
    # then which text keys the pack left out (kept as recorded on merge: packs.conflicts)
    assert [f.name for f in fields(PackChallenge)] == [
        "code",
        "placement",
        *TEXT_FIELDS,
        "order",
        "absent",
    ]


@pytest.mark.parametrize(
    ("changes", "empty"),
    [
        ({}, True),
        ({"council_comment": "  \n"}, True),
        ({"questions": (" ", "")}, True),
        ({"placement": Placement.APPENDIX2}, True),
        *[({name: ("x",) if name in LIST_FIELDS else "x"}, False) for name in TEXT_FIELDS],
        ({"questions": ("", "Why?")}, False),
    ],
)
def test_a_record_is_empty_when_no_text_field_says_anything(changes, empty):
    assert Challenge(1, "A1", **changes).is_empty is empty


def test_every_text_field_is_stored_and_read_back(demo_store):
    meeting = demo_store.meetings.save(Meeting(None, "Extra", date(2016, 8, 3), "2016/17 Q1"))
    record = replace(FULL, meeting_id=meeting.id)
    saved = demo_store.meetings.save_challenge(record)
    assert saved.texts() == record.texts()
    assert replace(saved, updated_at=None) == record


def test_every_text_field_goes_into_a_pack_and_back():
    pack_challenge = PackChallenge(FULL.code, Placement.APPENDIX1, **FULL.texts())
    assert pack_challenge.to_challenge(1) == FULL
    meeting = PackMeeting("Q1 review", date(2016, 8, 2), "2016/17 Q1", challenges=(pack_challenge,))
    written = pack_to_json(Pack(meetings=(meeting,)))["meetings"][0]["challenges"][0]
    assert written == {
        "code": "A1",
        "placement": "appendix1",
        "council_comment": "Comment",
        "questions": ["Why?", "When?"],
        "provider_response": "Response",
        "meeting_notes": "Notes",
        "headline": "Headline",
    }
