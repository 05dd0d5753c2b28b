"""The board joins measures, targets, readings and challenges: checked on the demo data."""

import csv

import pytest

from challenge_app.board import board_for_meeting, build_board
from challenge_app.models import Challenge, Placement
from challenge_app.periods import Month, Quarter
from challenge_app.rag import Status
from challenge_app.travel import Direction
from tests.conftest import Q1_CSV


@pytest.fixture
def q1_board(demo_store):
    meeting = demo_store.meetings.latest_for_period("2016/17 Q1")
    return {row.code: row for row in board_for_meeting(demo_store, meeting)}


def fixture_rows():
    with open(Q1_CSV, encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


EXPECTED_STATUS = {"A1": "green", "A2": "red", "A3": "red", "A4": "green", "A06": "green",
                   "A09": "green", "A8": "red", "B9": "green", "B13": "green", "B14": "red",
                   "C14": "red", "E1": "none", "F03": "green"}  # fmt: skip


def test_every_domain_example_has_its_status_and_figures(q1_board):
    for row in fixture_rows():
        board_row = q1_board[row["code"]]
        assert board_row.status is Status(EXPECTED_STATUS[row["code"]]), row["code"]
        if row["period"] == "2016/17 Q1":
            assert board_row.value == float(row["value"])
        else:
            assert board_row.latest_month == Month(2016, 7)
            assert board_row.latest_value == float(row["value"])


def test_direction_hard_to_shift_and_placement(q1_board):
    a1 = q1_board["A1"]  # re-referrals fell from 26 to 24: improving
    assert (a1.previous_value, a1.direction) == (26, Direction.IMPROVING)
    c14 = q1_board["C14"]  # Red in 2015/16 Q3, Q4 and 2016/17 Q1, each against its own year
    assert c14.red_streak == 3 and c14.hard_to_shift
    assert q1_board["B14"].hard_to_shift is False  # was inside target last year
    assert q1_board["A2"].placement is Placement.APPENDIX2
    assert q1_board["E1"].placement is Placement.NONE


def test_officer_placement_overrides_the_default(demo_store):
    meeting = demo_store.meetings.latest_for_period("2016/17 Q1")
    demo_store.meetings.save_challenge(Challenge(meeting.id, "A1", "ok", placement=Placement.NONE))
    row = {r.code: r for r in board_for_meeting(demo_store, meeting)}["A1"]
    assert row.default_placement is Placement.APPENDIX1
    assert row.placement is Placement.NONE
    assert row.has_challenge


def test_rows_are_in_natural_code_order(q1_board):
    codes = list(q1_board)
    assert codes.index("A06") < codes.index("A8") < codes.index("A09") < codes.index("A10")


def test_a_quarter_with_no_meeting_and_no_data(demo_store):
    rows = build_board(demo_store, Quarter(2030, 1))
    assert all(r.value is None and r.status is Status.NONE and r.challenge is None for r in rows)
