"""Shared fixtures: a fresh real SQLite file per test, never a mock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from challenge_app.demo import build_demo_database
from challenge_app.paths import resource
from challenge_app.store import Store

REPO = Path(__file__).resolve().parent.parent
#: ``shared/fixtures`` beside the checkout, or beside the folder of worktrees it is in.
FIXTURES = next(
    (p / "shared" / "fixtures" for p in REPO.parents if (p / "shared" / "fixtures").is_dir()),
    REPO.parent / "shared" / "fixtures",
)
Q1_CSV = FIXTURES / "q1-2016-17.csv"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep tests out of the real user's data, log and settings folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "challenge.db"


@pytest.fixture
def store(db_path: Path):
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    """The demo database (``challenge_app.demo``) as a file in the test's own folder."""
    return build_demo_database(tmp_path / "demo.db")


@pytest.fixture
def demo_store(demo_db: Path):
    s = Store.open(demo_db)
    yield s
    s.close()


@pytest.fixture
def q1(demo_store):
    """The demo's meeting on 2016/17 Q1, the quarter of DOMAIN.md's worked examples."""
    return demo_store.meetings.latest_for_period("2016/17 Q1")


@pytest.fixture
def demo_challenges():
    """The demo's 2016/17 Q1 challenge records as typed in the sample file, by code."""
    data = json.loads(resource("sample", "demo-meetings.json").read_text(encoding="utf-8"))
    meeting = next(m for m in data["meetings"] if m["period"] == "2016/17 Q1")
    return {c["code"]: c for c in meeting["challenges"]}
