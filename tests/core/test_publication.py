"""What is published and in what order: DOMAIN.md's placement rule, table-driven."""

from __future__ import annotations

from datetime import date

import pytest

from challenge_app.board import appendix_rows, board_for_meeting, move_in_appendix
from challenge_app.models import Challenge, Meeting, Placement
from challenge_app.publication import (
    AppendixPosition,
    in_appendix_order,
    moved,
    placed_but_empty,
    published_placement,
)

A1, A2, NONE = Placement.APPENDIX1, Placement.APPENDIX2, Placement.NONE


def record(placement=None, **text) -> Challenge:
    return Challenge(1, "A1", placement=placement, **text)


@pytest.mark.parametrize(
    "challenge, suggested, published, warn",
    [
        # nothing recorded: the suggestion is only a prompt on screen
        (None, A2, NONE, False),
        (record(), A1, NONE, False),
        (record(council_comment="   \n"), A2, NONE, False),  # blank is not written
        # something written, no choice made: the suggestion places it
        (record(council_comment="Why?"), A2, A2, False),
        (record(questions=("When?",)), A1, A1, False),
        (record(provider_response="Because."), A2, A2, False),
        (record(meeting_notes="Said at the meeting"), A1, A1, False),
        (record(headline="Better"), A1, A1, False),
        (record(council_comment="Noted"), NONE, NONE, False),  # suggested not reported
        # the officer's choice wins, written or not
        (record(A1), A2, A1, True),  # placed but nothing written: the officer is told
        (record(A2, council_comment="Why?"), A1, A2, False),
        (record(NONE, council_comment="Why?"), A2, NONE, False),
        (record(NONE), A2, NONE, False),
    ],
)
def test_published_placement(challenge, suggested, published, warn):
    assert published_placement(challenge, suggested) is published
    assert placed_but_empty(challenge) is warn


def order(codes_positions, placement=A1):
    items = [(code, pos) for code, pos in codes_positions]
    return [c for c, _ in in_appendix_order(items, placement, lambda i: i[0], lambda i: i[1])]


@pytest.mark.parametrize(
    "items, expected",
    [
        # no order set: natural code order
        ([("A10", None), ("A2", None), ("A09", None), ("A06", None)], ["A2", "A06", "A09", "A10"]),
        # the officer's order (the reference report lists A09 before A06)
        (
            [("A06", AppendixPosition(A1, 2)), ("A09", AppendixPosition(A1, 1))],
            ["A09", "A06"],
        ),
        # measures not yet ordered follow the ordered ones, in code order
        (
            [("B9", None), ("A4", None), ("F03", AppendixPosition(A1, 1))],
            ["F03", "A4", "B9"],
        ),
        # a position set in the other appendix does not apply here
        (
            [("A1", AppendixPosition(A2, 1)), ("A2", AppendixPosition(A1, 5))],
            ["A2", "A1"],
        ),
    ],
)
def test_appendix_order(items, expected):
    assert order(items) == expected


@pytest.mark.parametrize(
    "codes, code, step, expected",
    [
        (["A1", "A2", "A3"], "A2", -1, ["A2", "A1", "A3"]),
        (["A1", "A2", "A3"], "A2", +1, ["A1", "A3", "A2"]),
        (["A1", "A2", "A3"], "A1", -1, None),  # already first
        (["A1", "A2", "A3"], "A3", +1, None),  # already last
        (["A1", "A2", "A3"], "B1", +1, None),  # not in this appendix
        (["A1"], "A1", 0, None),
    ],
)
def test_moved(codes, code, step, expected):
    assert moved(codes, code, step) == expected


# -- with a real database ----------------------------------------------------


@pytest.fixture
def q1(demo_store):
    return demo_store.meetings.latest_for_period("2016/17 Q1")


def published(store, meeting, placement):
    return [r.code for r in appendix_rows(board_for_meeting(store, meeting), placement)]


def test_moving_a_measure_within_its_appendix_is_stored(demo_store, q1):
    assert published(demo_store, q1, A1) == ["A4", "B9", "F03"]
    assert move_in_appendix(demo_store, q1, "F03", -1)
    assert published(demo_store, q1, A1) == ["A4", "F03", "B9"]
    assert move_in_appendix(demo_store, q1, "F03", -1)
    assert published(demo_store, q1, A1) == ["F03", "A4", "B9"]
    # already first: nothing changes
    assert not move_in_appendix(demo_store, q1, "F03", -1)
    assert published(demo_store, q1, A1) == ["F03", "A4", "B9"]
    # the other appendix keeps its natural order
    assert published(demo_store, q1, A2) == ["A2", "A3", "B14", "C14"]


def test_a_measure_not_published_cannot_be_moved(demo_store, q1):
    # A1 is suggested for Appendix 1 but nothing is written for it
    assert not move_in_appendix(demo_store, q1, "A1", -1)
    assert demo_store.meetings.appendix_positions(q1.id) == {}


def test_order_is_per_meeting(demo_store, q1):
    other = demo_store.meetings.save(Meeting(None, "Extra meeting", date(2016, 8, 20), q1.period))
    for code in ("A4", "B9"):
        demo_store.meetings.save_challenge(Challenge(other.id, code, council_comment="Noted"))
    assert move_in_appendix(demo_store, q1, "B9", -1)
    assert published(demo_store, q1, A1) == ["B9", "A4", "F03"]
    assert published(demo_store, other, A1) == ["A4", "B9"]


def test_a_measure_moved_to_the_other_appendix_takes_its_natural_place(demo_store, q1):
    assert move_in_appendix(demo_store, q1, "F03", -1)
    assert move_in_appendix(demo_store, q1, "F03", -1)
    f03 = demo_store.meetings.challenge(q1.id, "F03")
    demo_store.meetings.save_challenge(Challenge(q1.id, "F03", f03.council_comment, placement=A2))
    assert published(demo_store, q1, A2) == ["A2", "A3", "B14", "C14", "F03"]
    assert published(demo_store, q1, A1) == ["A4", "B9"]
