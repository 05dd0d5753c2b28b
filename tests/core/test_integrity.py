"""A damaged database is detected on open and never written to."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from challenge_app.demo import build_demo_database
from challenge_app.errors import InputError
from challenge_app.store import Store
from challenge_app.store.integrity import DamagedDatabaseError, check_file

REPO = Path(__file__).resolve().parents[2]
PAGE = 4096


def root_page(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", [table]
        ).fetchone()[0]
    finally:
        conn.close()


def damage(db: Path, table: str = "measures") -> None:
    """Scribble over the cell pointers of one table's page, as a failing disk might."""
    page = root_page(db, table)
    data = bytearray(db.read_bytes())
    start = (page - 1) * PAGE + 8
    data[start : start + 200] = b"\xab" * 200
    db.write_bytes(bytes(data))


@pytest.fixture
def damaged_db(tmp_path: Path) -> Path:
    db = build_demo_database(tmp_path / "damaged.db")
    damage(db)
    return db


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()}


def test_a_sound_database_passes(demo_store):
    assert check_file(demo_store.path).ok


def test_damage_is_detected_on_open_and_the_file_is_not_written(damaged_db):
    before = damaged_db.read_bytes()
    mtime = damaged_db.stat().st_mtime_ns
    with pytest.raises(DamagedDatabaseError) as caught:
        Store.open(damaged_db)
    assert isinstance(caught.value, InputError)  # so the command line exits 2
    assert "damaged" in str(caught.value) and "has not been changed" in str(caught.value)
    assert caught.value.report.problems
    assert damaged_db.read_bytes() == before
    assert damaged_db.stat().st_mtime_ns == mtime


def test_damage_is_detected_read_only_too(damaged_db):
    with pytest.raises(DamagedDatabaseError):
        Store.open(damaged_db, readonly=True)


def test_check_file_reports_damage_without_changing_anything(damaged_db):
    before = damaged_db.read_bytes()
    report = check_file(damaged_db)
    assert not report.ok
    assert "page" in report.summary()
    assert damaged_db.read_bytes() == before


def test_check_file_on_something_that_is_not_a_database(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("minutes " * 1000)
    assert not check_file(text).ok
    assert not check_file(tmp_path / "missing.db").ok


def test_a_file_that_is_not_sqlite_keeps_its_own_message(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("this is not sqlite " * 100)
    with pytest.raises(InputError, match="not a Challenge database") as caught:
        Store.open(text)
    assert not isinstance(caught.value, DamagedDatabaseError)


@pytest.mark.slow
def test_the_program_refuses_a_damaged_database_with_exit_2_and_writes_nothing(damaged_db):
    folder = damaged_db.parent
    before = snapshot(folder)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "challenge_app", "--db", str(damaged_db), "--exit-when-ready"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "is damaged" in result.stderr
    assert "Traceback" not in result.stderr
    after = snapshot(folder)
    # The damaged file is byte-for-byte and time-for-time what it was, no backup
    # was taken of it, and the lock the program took was released.
    assert after[damaged_db.name] == before[damaged_db.name]
    assert not (folder / "backups").exists()
    assert not (folder / "damaged.db.lock").exists()
