"""Correctness at the size a council reaches: 300 measures, ten years, 40 meetings."""

import pytest

from bench.scale import build_scale_database
from challenge_app.board import board_for_meeting
from challenge_app.codes import natural_key
from challenge_app.rag import rag_status
from challenge_app.store import Store
from challenge_app.summary import Rated, summary_table


@pytest.fixture(scope="module")
def scale_store(tmp_path_factory):
    path = build_scale_database(tmp_path_factory.mktemp("scale") / "scale.db")
    store = Store.open(path)
    yield store
    store.close()


@pytest.mark.slow
def test_board_at_scale_is_complete_ordered_and_rated(scale_store):
    meetings = scale_store.meetings.all()
    assert len(meetings) == 40
    latest = meetings[0]
    rows = board_for_meeting(scale_store, latest)
    assert len(rows) == 300
    assert [r.code for r in rows] == sorted((r.code for r in rows), key=natural_key)
    for r in rows:
        assert r.value is not None and r.latest_value is not None
        expected = rag_status(
            r.value,
            r.target.target if r.target else None,
            r.target.tolerance if r.target else None,
            r.measure.polarity,
            r.measure.kind,
        )
        assert r.status is expected, r.code
    contract = [r for r in rows if r.measure.kind == "contract"]
    assert all(r.challenge is not None and r.has_challenge for r in contract)
    summary = summary_table(Rated(r.code, r.measure.area, r.measure.kind, r.status) for r in rows)
    assert sum(row.total for row in summary) == len(contract)


@pytest.mark.slow
def test_open_actions_carry_forward_at_scale(scale_store):
    latest = scale_store.meetings.all()[0]
    actions = scale_store.meetings.actions_for(latest)
    own = [a for a in actions if a.meeting_id == latest.id]
    carried = [a for a in actions if a.meeting_id != latest.id]
    assert len(own) == 5
    # two open actions from each of the 39 earlier meetings are still open
    assert len(carried) == 2 * 39 and all(a.is_open for a in carried)
