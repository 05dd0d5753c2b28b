"""Fixtures for the core tests: the response workbook tests' meeting database and the
workbook sent for it, defined with the helpers they go with (``responses_support``); and
a demo database with a measure placed but nothing written, for every export command."""

from pathlib import Path

import pytest

from challenge_app.models import Challenge, Placement
from challenge_app.store import Store
from tests.core.responses_support import db, sent  # noqa: F401  (fixtures, found by name)


@pytest.fixture
def placed_with_nothing_written(demo_db: Path) -> Path:
    """The demo database with A1 placed in Appendix 1 of the Q1 meeting but nothing written:
    every export publishes it with empty cells and names it on stderr."""
    store = Store.open(demo_db)
    try:
        q1 = store.meetings.latest_for_period("2016/17 Q1")
        store.meetings.save_challenge(Challenge(q1.id, "A1", placement=Placement.APPENDIX1))
    finally:
        store.close()
    return demo_db
