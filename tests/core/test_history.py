"""One measure at earlier meetings: the records, the figure and status then, the actions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from challenge_app.board import board_for_meeting
from challenge_app.history import is_earlier, last_comment, previous_meetings
from challenge_app.models import Action, Challenge, Meeting
from challenge_app.rag import Status


@pytest.fixture
def meetings(demo_store):
    q4 = demo_store.meetings.latest_for_period("2015/16 Q4")
    q1 = demo_store.meetings.latest_for_period("2016/17 Q1")
    return q4, q1


def add_q2(store) -> Meeting:
    return store.meetings.save(
        Meeting(None, "Quarterly challenge meeting", date(2016, 11, 1), "2016/17 Q2")
    )


def test_the_earlier_meeting_with_its_record_figure_and_actions(demo_store, meetings):
    q4, q1 = meetings
    past = previous_meetings(demo_store, "C14", q1)
    assert [p.meeting for p in past] == [q4]
    then = past[0]
    assert then.row.challenge == demo_store.meetings.challenge(q4.id, "C14")
    assert then.row.challenge.meeting_notes.startswith("The Trust expects agency cover inside")
    assert [(a.text[:24], a.is_open) for a in then.actions] == [("Trust to share the month", True)]
    assert then.open_actions == then.actions
    assert then.row.status is Status.RED


def test_figure_and_status_are_what_the_board_showed_at_each_meeting(demo_store, meetings):
    """Every measure at every meeting: the panel and the board never disagree."""
    q4, _q1 = meetings
    q2 = add_q2(demo_store)
    compared = 0
    for code in (m.code for m in demo_store.measures.all()):
        demo_store.meetings.save_action(Action(None, q4.id, f"Check {code}", code))
        for past in previous_meetings(demo_store, code, q2):
            row = {r.code: r for r in board_for_meeting(demo_store, past.meeting)}[code]
            figures = replace(row, challenge=None, position=None)
            assert replace(past.row, challenge=None) == figures, code
            assert past.row.challenge == (row.challenge if row.has_challenge else None)
            compared += 1
    assert compared > len(demo_store.measures.all())


def test_newest_first_and_only_meetings_before_the_one_chosen(demo_store, meetings):
    q4, q1 = meetings
    q2 = add_q2(demo_store)
    demo_store.meetings.save_challenge(Challenge(q2.id, "C14", "Q2 comment"))
    assert [p.meeting for p in previous_meetings(demo_store, "C14", q2)] == [q1, q4]
    assert [p.meeting for p in previous_meetings(demo_store, "C14", q1)] == [q4]
    assert previous_meetings(demo_store, "C14", q4) == []
    assert [p.meeting for p in previous_meetings(demo_store, "C14", None)] == [q2, q1, q4]


def test_same_day_meetings_are_ordered_as_entered(demo_store, meetings):
    q4, q1 = meetings
    later = demo_store.meetings.save(Meeting(None, "Reconvened", q1.date, q1.period))
    assert is_earlier(q1, later) and not is_earlier(later, q1) and not is_earlier(q1, q1)
    demo_store.meetings.save_challenge(Challenge(later.id, "A2", "Reconvened comment"))
    assert [p.meeting for p in previous_meetings(demo_store, "A2", later)] == [q1, q4]
    assert [p.meeting for p in previous_meetings(demo_store, "A2", q1)] == [q4]


def test_a_meeting_with_only_an_action_counts_and_an_empty_record_does_not(demo_store, meetings):
    q4, q1 = meetings
    q2 = add_q2(demo_store)
    demo_store.meetings.save_challenge(Challenge(q1.id, "A1", "", ("  ",)))
    assert previous_meetings(demo_store, "A1", q2) == []
    past = previous_meetings(demo_store, "A2", q2)
    assert [p.meeting for p in past] == [q1, q4]
    assert past[1].row.challenge is None  # at Q4 only an action was raised on A2
    assert [(a.status, a.is_open) for a in past[1].actions] == [("done", False)]


def test_an_action_closed_since_shows_as_closed(demo_store, meetings):
    _q4, q1 = meetings
    action = demo_store.meetings.actions_for_measure("C14")[0]
    demo_store.meetings.save_action(
        Action(action.id, action.meeting_id, action.text, "C14", status="done")
    )
    past = previous_meetings(demo_store, "C14", q1)
    assert past[0].open_actions == ()


def test_unknown_measure_has_no_history(demo_store, meetings):
    assert previous_meetings(demo_store, "ZZ9", meetings[1]) == []


def test_the_figure_is_written_as_the_report_writes_it(demo_store, meetings):
    q4, q1 = meetings
    demo_store.meetings.save_challenge(Challenge(q4.id, "A2", "Q4 comment on timeliness"))
    past = previous_meetings(demo_store, "A2", q1)[0]
    assert past.figure.startswith("Q4 = ")
    assert past.target_text.startswith("Target: ")


def test_last_comment_is_the_newest_earlier_comment(demo_store, meetings):
    q4, q1 = meetings
    q2 = add_q2(demo_store)
    past = previous_meetings(demo_store, "C14", q2)
    assert last_comment(past) == demo_store.meetings.challenge(q1.id, "C14").council_comment
    demo_store.meetings.save_challenge(Challenge(q1.id, "C14", "", ("A question only",)))
    past = previous_meetings(demo_store, "C14", q2)
    assert last_comment(past) == demo_store.meetings.challenge(q4.id, "C14").council_comment
    assert last_comment(previous_meetings(demo_store, "C14", q4)) == ""
