"""The response workbook's rules on their own: cell values as text, and the open meeting."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time

import pytest

from challenge_app.errors import InputError
from challenge_app.models import Meeting
from challenge_app.responses import apply_responses, make_plan, read_returned
from challenge_app.responses.workbook_in import cell_text
from challenge_app.store import Store
from tests.core.responses_support import (
    PERIOD,
    request,
    type_into,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("as typed  ", "as typed  "),
        ("=SUM(1,2)", "=SUM(1,2)"),
        ("_x005F_x0041_ kept", "_x0041_ kept"),  # an inline string, as openpyxl writes one
        ("_x0041_ kept", "_x0041_ kept"),  # a shared string, after openpyxl's own reading
        ("line one_x000D_\nline two", "line one\nline two"),  # Excel's pasted CRLF
        ("bell\x07", "bell\N{REPLACEMENT CHARACTER}"),
        (True, "TRUE"),
        (42, "42"),
        (3.0, "3"),
        (0.1, "0.1"),
        (datetime(2016, 7, 1), "01/07/2016"),
        (datetime(2016, 7, 1, 9, 30), "01/07/2016 09:30"),
        (date(2016, 7, 1), "01/07/2016"),
        (time(9, 30), "09:30"),
    ],
)
def test_cell_values_come_in_as_the_text_they_show(value, text):
    assert cell_text(value) == text


def test_a_workbook_for_another_meeting_than_the_one_open_is_refused(db, tmp_path):
    sent = type_into(request(db, tmp_path / "r.xlsx"), {"A1": "Thanks."})
    store = Store.open(db)
    try:
        other = store.meetings.save(Meeting(None, "Extra meeting", date(2016, 9, 1), PERIOD))
        returned = read_returned(sent)
        with pytest.raises(InputError) as refused:
            make_plan(store, returned, expected=other)
        assert "not the one open ('2016/17 Q1 - 01 Sep 2016 - Extra meeting')" in str(refused.value)
        mine = store.meetings.latest_for_period(PERIOD)
        assert mine.id == other.id  # the later meeting; the workbook's is the first one
        first = store.meetings.get(returned.identity.meeting_id)
        plan = make_plan(store, returned, expected=first)
        assert [n.code for n in plan.new] == ["A1"]
    finally:
        store.close()


def test_a_response_typed_in_the_program_meanwhile_is_not_overwritten(db, tmp_path):
    sent = type_into(request(db, tmp_path / "r.xlsx"), {"A1": "From the workbook."})
    store = Store.open(db)
    try:
        plan = make_plan(store, read_returned(sent))
        challenge = store.meetings.challenge(plan.meeting.id, "A1")
        store.meetings.save_challenge(
            dataclasses.replace(challenge, provider_response="Typed meanwhile.")
        )
        recorded = apply_responses(store, plan)
        assert recorded.new == [] and recorded.kept == ["A1"]
        assert store.meetings.challenge(plan.meeting.id, "A1").provider_response == (
            "Typed meanwhile."
        )
    finally:
        store.close()
