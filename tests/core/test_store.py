"""Storage on real SQLite files: creating, migrating, refusing, all-or-nothing writes."""

import sqlite3
import stat
from datetime import date

import pytest
from sqlite_utils import Database

from challenge_app.errors import InputError, NewerDatabaseError
from challenge_app.models import (
    Action,
    Challenge,
    Measure,
    Meeting,
    Parties,
    Placement,
    Reading,
    Target,
)
from challenge_app.store import Store
from challenge_app.store.schema import known_migrations, migrations, run_script, statements


def file_bytes(path):
    return path.read_bytes()


def test_new_database_is_owner_only_wal_and_foreign_keys(db_path):
    store = Store.open(db_path)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert store.db.journal_mode == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"measures", "targets", "readings", "meetings", "challenges", "actions"} <= set(
        store.db.table_names()
    )
    store.close()


def test_new_database_in_a_new_folder(tmp_path):
    path = tmp_path / "a" / "b" / "challenge.db"
    Store.open(path).close()
    assert path.exists()


def test_older_schema_is_migrated_after_a_copy_is_kept(db_path):
    db = Database(sqlite3.connect(db_path, isolation_level=None))
    migrations.apply(db, stop_before=known_migrations()[1])
    db.execute("INSERT INTO measures (code, title, area) VALUES ('A1', 'Re-referrals', 'SCP')")
    db.close()

    store = Store.open(db_path)
    assert store.settings.parties() == Parties("Council", "Provider")  # table from migration 2
    assert store.measures.get("A1").title == "Re-referrals"
    copies = list(db_path.parent.glob("challenge.before-upgrade-*.db"))
    assert len(copies) == 1
    old = Database(copies[0])
    assert "settings" not in old.table_names()
    assert [r["code"] for r in old["measures"].rows] == ["A1"]
    store.close()


def test_up_to_date_database_is_not_copied(db_path):
    Store.open(db_path).close()
    Store.open(db_path).close()
    assert list(db_path.parent.glob("*before-upgrade*")) == []


def test_newer_schema_is_refused_and_left_untouched(db_path):
    Store.open(db_path).close()
    db = Database(sqlite3.connect(db_path, isolation_level=None))
    db["_sqlite_migrations"].insert(
        {"migration_set": "challenge", "name": "0099_from_the_future", "applied_at": "2030"}
    )
    db.close()
    before = file_bytes(db_path)
    with pytest.raises(NewerDatabaseError, match="newer version"):
        Store.open(db_path)
    assert file_bytes(db_path) == before


def test_known_migrations_are_every_registered_one_in_order(store):
    known = known_migrations()
    assert known[:2] == ("0001_initial", "0002_settings_and_indexes")
    assert [m.name for m in migrations.applied(store.db)] == list(known)


TRIGGER = """CREATE TRIGGER stamp AFTER INSERT ON t BEGIN
    UPDATE t SET note = 'a; b' WHERE rowid = new.rowid;
END"""


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("CREATE TABLE t (x); CREATE INDEX t_x ON t (x);",
         ["CREATE TABLE t (x);", "CREATE INDEX t_x ON t (x);"]),
        ("INSERT INTO t VALUES ('one; two');", ["INSERT INTO t VALUES ('one; two');"]),
        ("-- first; then\nCREATE TABLE t (x);", ["-- first; then\nCREATE TABLE t (x);"]),
        (f"CREATE TABLE t (x, note); {TRIGGER};", ["CREATE TABLE t (x, note);", f"{TRIGGER};"]),
        ("CREATE TABLE t (x); CREATE TABLE u (y)", ["CREATE TABLE t (x);", "CREATE TABLE u (y)"]),
        ("  \n ", []),
    ],
)  # fmt: skip
def test_migration_sql_is_split_where_sqlite_ends_a_statement(script, expected):
    assert statements(script) == expected


def test_a_failing_migration_script_leaves_no_half_built_schema(db_path):
    db = Database(sqlite3.connect(db_path, isolation_level=None))
    with pytest.raises(sqlite3.OperationalError, match="already exists"), db.atomic():
        run_script(db, f"CREATE TABLE t (x, note); {TRIGGER}; CREATE TABLE t (y);")
    assert db.table_names() == []
    assert db.triggers == []
    db.close()


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    before = path.read_bytes()
    with pytest.raises(InputError, match="not a Challenge database"):
        Store.open(path)
    assert path.read_bytes() == before


def test_failed_multi_row_write_leaves_nothing_half_written(store):
    store.measures.upsert([Measure("A1", "Re-referrals", "SCP", "contract", "lower", "%")])
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.measures.upsert([Measure("A2", "Timeliness", "SCP", "contract", "higher", "%")])
        store.measures.upsert_readings([Reading("A2", "2016/17 Q1", 88)])
        # the third write breaks a constraint: reading for a measure that does not exist
        store.measures.upsert_readings([Reading("ZZ9", "2016/17 Q1", 1)])
    assert [m.code for m in store.measures.all()] == ["A1"]
    assert store.measures.readings() == []


def test_readings_upsert_replaces_a_corrected_value(store):
    store.measures.upsert([Measure("A1", "Re-referrals", "SCP", "contract", "lower", "%")])
    store.measures.upsert_readings([Reading("A1", "2016/17 Q1", 23)])
    store.measures.upsert_readings([Reading("A1", "2016/17 Q1", 24), Reading("A1", "2016-07", 24)])
    assert store.measures.readings_for("A1") == [
        Reading("A1", "2016/17 Q1", 24),
        Reading("A1", "2016-07", 24),
    ]


def test_targets_per_year(store):
    store.measures.upsert([Measure("A2", "Timeliness", "SCP", "contract", "higher", "%")])
    store.measures.upsert_targets(
        [("A2", Target("2016/17", 92, 90)), ("A2", Target("2015/16", 90, None))]
    )
    assert store.measures.targets_for("A2") == [
        Target("2015/16", 90, None),
        Target("2016/17", 92, 90),
    ]


def test_measures_come_back_in_natural_order(store):
    store.measures.upsert(
        [Measure(c, c, "SCP") for c in ["A10", "B9", "A2", "A09", "A06", "E20-22", "A1"]]
    )
    assert [m.code for m in store.measures.all()] == [
        "A1",
        "A2",
        "A06",
        "A09",
        "A10",
        "B9",
        "E20-22",
    ]


def test_challenge_records_round_trip_every_character(store):
    store.measures.upsert([Measure("A1", "Re-referrals", "SCP")])
    meeting = store.meetings.save(Meeting(None, "Q1 meeting", date(2016, 8, 2), "2016/17 Q1"))
    text = "Line one\n\n<b>not bold</b> =SUM(A1) 'quoted' “curly” £ – é 😀\ttab"
    saved = store.meetings.save_challenge(
        Challenge(
            meeting.id,
            "A1",
            text,
            ("First?", "=Second?"),
            "resp",
            "notes",
            "head",
            Placement.APPENDIX2,
        )
    )
    assert saved.council_comment == text
    assert saved.questions == ("First?", "=Second?")
    assert saved.placement is Placement.APPENDIX2
    reopened = store.meetings.challenge(meeting.id, "A1")
    assert reopened == saved


def test_parties_and_marking_belong_to_the_database(db_path):
    store = Store.open(db_path)
    store.settings.set_parties(Parties("DMBC", "Trust"))
    store.settings.set_protective_marking("OFFICIAL - SENSITIVE")
    store.close()
    store = Store.open(db_path)
    assert store.settings.parties() == Parties("DMBC", "Trust")
    assert store.settings.parties().comment_heading == "DMBC Comment"
    assert store.settings.protective_marking == "OFFICIAL - SENSITIVE"
    store.close()


def test_open_actions_carry_forward_until_closed(store):
    first = store.meetings.save(Meeting(None, "Q4", date(2016, 5, 10), "2015/16 Q4"))
    second = store.meetings.save(Meeting(None, "Q1", date(2016, 8, 2), "2016/17 Q1"))
    third = store.meetings.save(Meeting(None, "Q2", date(2016, 11, 8), "2016/17 Q2"))
    carried = store.meetings.save_action(Action(None, first.id, "Share the dashboard"))
    store.meetings.save_action(Action(None, first.id, "Closed at once", status="done"),
                               closed_on=first.date)  # fmt: skip
    assert [a.text for a in store.meetings.actions_for(second)] == ["Share the dashboard"]
    # closed at the second meeting: still listed there, gone from the third
    store.meetings.save_action(
        Action(carried.id, first.id, carried.text, status="done"), closed_on=second.date
    )
    assert [a.status for a in store.meetings.actions_for(second)] == ["done"]
    assert store.meetings.actions_for(third) == []
    assert [a.text for a in store.meetings.actions_for(first)] == [
        "Share the dashboard",
        "Closed at once",
    ]


def test_latest_meeting_for_a_period(store):
    store.meetings.save(Meeting(None, "Early", date(2016, 7, 20), "2016/17 Q1"))
    store.meetings.save(Meeting(None, "Late", date(2016, 8, 2), "2016/17 Q1"))
    store.meetings.save(Meeting(None, "Other", date(2016, 11, 2), "2016/17 Q2"))
    assert store.meetings.latest_for_period("2016/17 Q1").title == "Late"
    assert store.meetings.latest_for_period("2015/16 Q1") is None
