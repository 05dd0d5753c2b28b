"""The workbook publishes only what the meeting said, in the officer's order (reopened)."""

from __future__ import annotations

from datetime import date

import pytest

from challenge_app.board import move_in_appendix
from challenge_app.export import export_appendices
from challenge_app.export.report import gather
from challenge_app.models import Challenge, Measure, Meeting, Placement, Reading, Target
from tests.core.test_export_support import codes, column, open_workbook, text

SCP, WF, YOS = "Social Care Pathway", "Workforce", "Youth Offending Services"
MEASURES = [
    # code, title, area, polarity, target, tolerance, Q1 figure (None: yet to report)
    ("A4", "Child protection visits in timescale", SCP, "higher", 80, 75, 87),
    ("A06", "Children on a CP plan for 2 years or more", SCP, "lower", 3, 5, 2.1),
    ("A09", "Children subject of a CP plan a second time within 2 years", SCP, "lower", 16, 20, 8),
    ("A2", "Timeliness of single assessments", SCP, "higher", 92, 90, 88),
    ("C14", "Frontline FTE posts covered by agency staff", WF, "lower", 8, 12, 15),
    ("C15", "Social workers with a current registration", WF, "higher", 100, 98, None),
    ("F03", "Youth offending custody rate", YOS, "lower", 0.42, 0.75, None),
]

CODES = [m[0] for m in MEASURES]


@pytest.fixture
def meeting(store):
    store.measures.upsert(
        Measure(code, title, area, polarity=polarity)
        for code, title, area, polarity, *_ in MEASURES
    )
    store.measures.upsert_targets(
        [(code, Target("2016/17", target, tol)) for code, _, _, _, target, tol, _ in MEASURES]
    )
    store.measures.upsert_readings(
        [Reading(m[0], "2016/17 Q1", m[6]) for m in MEASURES if m[6] is not None]
    )
    meeting = store.meetings.save(Meeting(None, "Q1 meeting", date(2016, 8, 2), "2016/17 Q1"))
    written = {
        "A4": "Visits are well above target.",
        "A06": "Fewer long plans.",
        "A09": "Repeat plans halved.",
        "C14": "Agency use is still too high.",
    }
    for code, comment in written.items():
        store.meetings.save_challenge(
            Challenge(meeting.id, code, council_comment=comment, headline=f"{code} headline")
        )
    # A2 is suggested for Appendix 2 (Red) but nothing was said: not published.
    store.meetings.save_challenge(Challenge(meeting.id, "A2"))
    # C15 the officer placed in Appendix 2 without writing anything: published, and warned of.
    store.meetings.save_challenge(Challenge(meeting.id, "C15", placement=Placement.APPENDIX2))
    # The reference report lists A09 before A06.
    assert move_in_appendix(store, meeting, "A09", -1)
    return meeting


@pytest.fixture
def wb(store, meeting, tmp_path):
    out = tmp_path / "appendices.xlsx"
    export_appendices(store, meeting, out)
    return open_workbook(out)


def test_only_what_the_meeting_said_in_the_officers_order(wb):
    assert codes(wb["Appendix 1"]) == ["A4", "A09", "A06"]
    assert codes(wb["Appendix 2"]) == ["C14", "C15"]


def test_headlines_follow_the_appendix_order(wb):
    first = [text(c) for c in wb["Headlines"]["A"] if c.value]
    listed = [t.split(" ", 1)[0] for t in first if t.split(" ", 1)[0] in CODES]
    assert listed == ["A4", "A09", "A06", "C14"]


@pytest.mark.parametrize("sheet", ["Appendix 1", "Appendix 2"])
def test_no_empty_rows(wb, sheet):
    ws = wb[sheet]
    for r in range(1, ws.max_row + 1):
        assert any(text(ws.cell(row=r, column=c)).strip() for c in (1, 2, 3)), f"row {r}"
    assert ws.max_row == len(column(ws)) + 1


def test_the_summary_notes_and_lists_the_measures_yet_to_report(wb):
    ws = wb["Summary"]
    table = [[ws.cell(row=r, column=c).value for c in range(1, 7)] for r in range(2, 6)]
    assert table == [
        [SCP, 1, None, 3, None, 4],
        [f"{WF} (one additional measure yet to report)", 1, None, None, None, 1],
        [f"{YOS} (one measure yet to report)", None, None, None, None, None],
        ["Total", 2, None, 3, None, 5],
    ]
    first = [text(ws.cell(row=r, column=1)) for r in range(6, ws.max_row + 1)]
    start = first.index("Yet to report:")
    assert first[start + 1 : start + 3] == [
        "C15 Social workers with a current registration",
        "F03 Youth offending custody rate",
    ]


def test_a_measure_yet_to_report_says_so_in_its_appendix_row(wb):
    c15 = text(wb["Appendix 2"].cell(row=3, column=1))
    assert c15.splitlines()[-2:] == ["Target: 100%  Tolerance: 98%", "Yet to report"]


def test_placed_measures_with_nothing_written_are_named_before_export(store, meeting):
    report = gather(store, meeting)
    assert [r.code for r in report.placed_but_empty] == ["C15"]
