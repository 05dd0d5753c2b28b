"""Backups: made with SQLite's backup API, pruned by age, restored safely."""

from __future__ import annotations

import errno
import os
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from challenge_app.errors import InputError
from challenge_app.store import Store
from challenge_app.store.backup import (
    ALWAYS_KEEP,
    DEFAULT_KEEP_DAYS,
    KEEP_DAYS_SETTING,
    Backup,
    backed_up_on,
    backup_on_start,
    backups_folder,
    backups_to_prune,
    keep_days,
    latest_good_backup,
    list_backups,
    make_backup,
    restore_file,
    restore_into,
    summarise,
)
from challenge_app.store.integrity import check_file
from tests.core.test_integrity import damage


def count(store: Store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_backup_is_a_sound_owner_only_copy_beside_the_database(demo_store):
    made = backup_on_start(demo_store.db, demo_store.path, now=datetime(2026, 11, 26, 9, 5, 7))
    assert made == demo_store.path.parent / "backups" / "demo-20261126-090507.db"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    assert check_file(made).ok
    # One self-contained file: no -wal/-shm needed to read it, none left behind.
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]
    summary = summarise(list_backups(demo_store.path)[0])
    assert (summary.measures, summary.meetings, summary.challenges) == (
        count(demo_store, "measures"),
        count(demo_store, "meetings"),
        count(demo_store, "challenges"),
    )
    assert summary.measures == 22 and summary.meetings == 2
    assert summary.latest_meeting.endswith("(2016/17 Q1)")


def test_the_backup_holds_what_was_saved_even_with_the_database_open(demo_store):
    demo_store.settings.set("council_name", "Doncaster")  # sits in the WAL, not yet the file
    made = make_backup(demo_store.db.conn, demo_store.path)
    copy = Store.open(made, readonly=True)
    try:
        assert copy.settings.parties().council == "Doncaster"
    finally:
        copy.close()


def test_backups_made_in_the_same_second_do_not_overwrite_each_other(demo_store):
    when = datetime(2026, 11, 26, 9, 0, 0)
    first = make_backup(demo_store.db.conn, demo_store.path, now=when)
    second = make_backup(demo_store.db.conn, demo_store.path, now=when)
    assert first != second
    assert [b.path for b in list_backups(demo_store.path)] == [second, first]


def fake(day: date, hour: int = 9, sequence: int = 0) -> Backup:
    taken = datetime(day.year, day.month, day.day, hour)
    return Backup(Path(f"/b/demo-{taken:%Y%m%d-%H%M%S}.db"), taken, sequence)


def test_pruning_keeps_the_last_of_each_day_for_n_days_and_all_of_today():
    today = date(2026, 11, 26)
    todays = [fake(today, 8), fake(today, 9), fake(today, 10)]
    yesterday = [fake(today - timedelta(days=1), 9), fake(today - timedelta(days=1), 17)]
    old = [fake(today - timedelta(days=3), 12), fake(today - timedelta(days=20), 12)]
    doomed = backups_to_prune(todays + yesterday + old, days=14, today=today)
    assert doomed == [yesterday[0], old[1]]


def test_pruning_never_leaves_fewer_than_the_newest_few():
    today = date(2026, 11, 26)
    months_ago = [fake(today - timedelta(days=60 + n)) for n in range(5)]
    doomed = backups_to_prune(months_ago, days=14, today=today)
    assert len(months_ago) - len(doomed) == ALWAYS_KEEP
    assert set(doomed) == set(months_ago[ALWAYS_KEEP:])


def test_start_of_session_backups_are_pruned_by_the_database_setting(demo_store):
    assert keep_days(demo_store.db) == DEFAULT_KEEP_DAYS
    demo_store.settings.set(KEEP_DAYS_SETTING, "not a number")
    assert keep_days(demo_store.db) == DEFAULT_KEEP_DAYS
    demo_store.settings.set_backup_keep_days(2)
    start = datetime(2026, 11, 1, 9)
    for n in range(6):  # one start a day for six days
        backup_on_start(demo_store.db, demo_store.path, now=start + timedelta(days=n))
    kept = [b.taken.date() for b in list_backups(demo_store.path)]
    # The last two days by the setting, and never fewer than the newest three.
    assert kept == [date(2026, 11, 6), date(2026, 11, 5), date(2026, 11, 4)]


def test_one_automatic_backup_per_day_however_often_the_program_starts(demo_store):
    morning = datetime(2026, 11, 26, 8, 29, 15)
    # Five launches in 70 seconds, then one in the afternoon: one copy for the day.
    first = backup_on_start(demo_store.db, demo_store.path, now=morning)
    again = [
        backup_on_start(demo_store.db, demo_store.path, now=morning + timedelta(seconds=s))
        for s in (10, 30, 55, 70)
    ]
    afternoon = backup_on_start(demo_store.db, demo_store.path, now=datetime(2026, 11, 26, 16))
    assert first is not None and first.exists()
    assert again == [None] * 4 and afternoon is None
    assert [b.path for b in list_backups(demo_store.path)] == [first]
    # Just after midnight is a new day, and a new copy.
    tomorrow = backup_on_start(demo_store.db, demo_store.path, now=datetime(2026, 11, 27, 0, 0, 1))
    assert tomorrow is not None
    assert [b.path for b in list_backups(demo_store.path)] == [tomorrow, first]


def test_a_copy_taken_today_for_another_reason_counts_as_todays(demo_store):
    now = datetime(2026, 11, 26, 9)
    safety = make_backup(demo_store.db.conn, demo_store.path, now=now - timedelta(hours=1))
    assert backup_on_start(demo_store.db, demo_store.path, now=now) is None
    assert [b.path for b in list_backups(demo_store.path)] == [safety]


@pytest.mark.parametrize(
    ("taken", "day", "expected"),
    [
        ([], date(2026, 11, 26), False),
        ([datetime(2026, 11, 26, 0, 0, 0)], date(2026, 11, 26), True),
        ([datetime(2026, 11, 26, 23, 59, 59)], date(2026, 11, 26), True),
        ([datetime(2026, 11, 25, 23, 59, 59)], date(2026, 11, 26), False),
        ([datetime(2026, 11, 27, 0, 0, 0)], date(2026, 11, 26), False),
        ([datetime(2025, 11, 26, 9), datetime(2026, 11, 26, 9)], date(2026, 11, 26), True),
    ],
)
def test_backed_up_on_a_day(taken, day, expected):
    backups = [Backup(Path(f"/b/demo-{t:%Y%m%d-%H%M%S}.db"), t) for t in taken]
    assert backed_up_on(backups, day) is expected


def test_restore_replaces_the_content_after_keeping_a_copy_of_now(demo_store):
    backup = make_backup(demo_store.db.conn, demo_store.path, now=datetime(2026, 11, 20, 9))
    with demo_store.transaction():
        demo_store.db.execute("DELETE FROM challenges")
    demo_store.settings.set("council_name", "Changed after the backup")
    safety = restore_into(demo_store.db, demo_store.path, backup)
    # The same open store now holds the backup's content...
    assert (
        count(demo_store, "challenges") == summarise(list_backups(demo_store.path)[-1]).challenges
    )
    assert count(demo_store, "challenges") > 0
    assert demo_store.settings.parties().council == "DMBC"
    assert demo_store.db.journal_mode == "wal"
    # ...and what it held just before is kept, newest, so the restore can be undone.
    assert list_backups(demo_store.path)[0].path == safety
    kept = summarise(list_backups(demo_store.path)[0])
    assert kept.challenges == 0
    # It survives closing and reopening.
    path = demo_store.path
    demo_store.close()
    again = Store.open(path)
    try:
        assert count(again, "challenges") > 0
    finally:
        again.close()


def test_a_damaged_backup_is_refused_and_nothing_changes(demo_store):
    backup = make_backup(demo_store.db.conn, demo_store.path)
    damage(backup)
    before = count(demo_store, "challenges")
    assert not summarise(list_backups(demo_store.path)[0]).usable
    with pytest.raises(InputError, match="damaged"):
        restore_into(demo_store.db, demo_store.path, backup)
    assert count(demo_store, "challenges") == before
    assert len(list_backups(demo_store.path)) == 1  # no safety copy for a refused restore


def test_a_damaged_database_is_replaced_by_its_latest_good_backup(tmp_path):
    db = tmp_path / "challenge.db"
    store = Store.open(db)
    store.settings.set("council_name", "Good")
    good = make_backup(store.db.conn, db, now=datetime(2026, 11, 24, 9))
    store.settings.set("council_name", "Newer but damaged later")
    newer = make_backup(store.db.conn, db, now=datetime(2026, 11, 25, 9))
    store.close()
    damage(newer, "settings")
    damage(db, "settings")
    damaged_bytes = db.read_bytes()

    found = latest_good_backup(db)
    assert found.path == good
    aside = restore_file(db, found.path)

    assert aside.read_bytes() == damaged_bytes  # kept for IT, not deleted
    assert aside.name.startswith("challenge.damaged-")
    restored = Store.open(db)
    try:
        assert restored.settings.parties().council == "Good"
    finally:
        restored.close()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_a_full_disk_during_a_backup_leaves_no_half_copy(demo_store, monkeypatch):
    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))

    monkeypatch.setattr("challenge_app.store.backup.os.replace", disk_full)
    with pytest.raises(OSError) as caught:
        make_backup(demo_store.db.conn, demo_store.path)
    assert caught.value.errno == errno.ENOSPC
    assert list(backups_folder(demo_store.path).iterdir()) == []
