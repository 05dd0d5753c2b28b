"""Merging a pack by key: what it replaces, what it leaves, and all-or-nothing writes."""

import copy
from datetime import date

import pytest

from challenge_app.board import board_for_meeting
from challenge_app.errors import InputError
from challenge_app.models import Challenge, Measure, Meeting, Placement, Reading
from challenge_app.packs import (
    merge_pack,
    pack_from_store,
    pack_to_json,
    parse_pack,
    plan_merge,
    take_all,
    take_none,
)
from challenge_app.store import Store
from challenge_app.store.backup import list_backups

TABLES = ("measures", "targets", "readings", "meetings", "challenges", "actions", "settings")


def snapshot(store) -> dict:
    """Every row of every table, ids and timestamps included."""
    return {
        table: sorted(tuple(row.values()) for row in store.db.query(f"SELECT * FROM {table}"))
        for table in TABLES
    }


def doc() -> dict:
    return {
        "format": "challenge-pack",
        "version": 1,
        "parties": {"council": "DMBC", "provider": "Trust"},
        "measures": [
            {
                "code": "A1",
                "title": "Re-referrals",
                "area": "Social Care Pathway",
                "kind": "contract",
                "polarity": "lower",
                "unit": "%",
                "targets": [{"year": "2016/17", "target": 24, "tolerance": 28}],
            },
            {
                "code": "A2",
                "title": "Timeliness of single assessments",
                "area": "Social Care Pathway",
                "kind": "contract",
                "polarity": "higher",
                "unit": "%",
                "targets": [{"year": "2016/17", "target": 92, "tolerance": 90}],
            },
        ],
        "readings": [
            {"code": "A1", "period": "2016/17 Q1", "value": 24},
            {"code": "A2", "period": "2016/17 Q1", "value": 88},
        ],
        "meetings": [
            {
                "title": "Quarterly challenge meeting",
                "date": "2016-08-02",
                "period": "2016/17 Q1",
                "kind": "quarterly",
                "attendees": ["Contract Manager"],
                "apologies": [],
                "challenges": [
                    {
                        "code": "A1",
                        "placement": "appendix1",
                        "council_comment": "Stable.",
                        "questions": [],
                        "provider_response": "",
                        "meeting_notes": "",
                        "headline": "",
                    },
                    {
                        "code": "A2",
                        "placement": "appendix2",
                        "council_comment": "Falling for a third quarter.",
                        "questions": ["What is the recovery plan?"],
                        "provider_response": "Two social workers moved.",
                        "meeting_notes": "Back inside tolerance by Q2.",
                        "headline": "Timeliness is outside tolerance.",
                    },
                ],
                "actions": [
                    {
                        "code": "A2",
                        "text": "Send the analyst's report.",
                        "owner": "Trust",
                        "due": "2016-09-30",
                        "status": "open",
                    },
                    {"code": None, "text": "Book the next meeting.", "owner": "", "due": None},
                ],
            }
        ],
    }


def merge(store, document, take=take_none):
    pack, _ = parse_pack(document)
    return merge_pack(store, pack, take=take)


def test_import_twice_changes_nothing_at_all(store):
    merge(store, doc())
    first = snapshot(store)
    plan = merge(store, doc())
    assert snapshot(store) == first
    assert not plan.changes_anything
    assert plan.summary_lines()[:3] == [
        "2 measures (2 unchanged)",
        "2 readings (2 unchanged)",
        "1 meeting (1 unchanged)",
    ]


def test_a_changed_comment_is_kept_and_listed_unless_the_pack_is_taken(store, db_path):
    merge(store, doc())
    meeting = store.meetings.all()[0]
    a1_before = store.meetings.challenge(meeting.id, "A1")
    a2_before = store.meetings.challenge(meeting.id, "A2")
    second = doc()
    second["meetings"][0]["challenges"][1]["council_comment"] = "Now improving."

    kept = merge(store, second)
    assert store.meetings.challenge(meeting.id, "A2") == a2_before
    assert [c.describe() for c in kept.kept] == [
        "2016/17 Q1 - 02 Aug 2016 - Quarterly challenge meeting, A2: council comment"
    ]
    assert not kept.changes_anything and kept.meetings.changed == 0
    assert not list_backups(db_path)

    taken = merge(store, second, take_all)
    challenges = store.meetings.challenges(meeting.id)
    assert sorted(challenges) == ["A1", "A2"]
    assert challenges["A2"].council_comment == "Now improving."
    assert challenges["A2"].questions == ("What is the recovery plan?",)
    assert challenges["A1"] == a1_before  # same content, same updated_at
    assert len(store.meetings.all()) == 1
    assert taken.meetings.changed == 1 and len(taken.taken) == 1
    assert taken.updated_meetings == ("2016/17 Q1 - 02 Aug 2016 - Quarterly challenge meeting",)
    (backup,) = list_backups(db_path)  # taken before the pack's text replaced the old
    old = Store.open(backup.path, readonly=True)
    try:
        comment = old.meetings.challenge(meeting.id, "A2").council_comment
    finally:
        old.close()
    assert comment == "Falling for a third quarter."


def test_keys_a_pack_leaves_out_leave_the_recorded_text_alone(store):
    merge(store, doc())
    meeting = store.meetings.all()[0]
    before = store.meetings.challenge(meeting.id, "A2")
    second = doc()
    second["meetings"][0]["challenges"][1] = {"code": "A2", "placement": "appendix2"}
    del second["meetings"][0]["attendees"]
    plan = merge(store, second, take_all)
    after = store.meetings.challenge(meeting.id, "A2")
    assert (after.council_comment, after.questions, after.headline) == (
        before.council_comment,
        before.questions,
        before.headline,
    )
    assert store.meetings.all()[0].attendees == ("Contract Manager",)
    assert plan.conflicts == ()


def test_text_is_taken_where_nothing_was_recorded_and_an_empty_pack_text_never_empties(store):
    first = doc()
    first["meetings"][0]["challenges"][1]["headline"] = ""
    merge(store, first)
    meeting = store.meetings.all()[0]
    second = doc()
    second["meetings"][0]["challenges"][1]["headline"] = "Recovering."
    second["meetings"][0]["challenges"][1]["council_comment"] = ""
    plan = merge(store, second)
    a2 = store.meetings.challenge(meeting.id, "A2")
    assert a2.headline == "Recovering."
    assert a2.council_comment == doc()["meetings"][0]["challenges"][1]["council_comment"]
    assert [c.describe().rsplit(", ", 1)[1] for c in plan.kept] == ["A2: council comment"]


def test_a_corrected_reading_and_target_replace_the_old_ones(store):
    merge(store, doc())
    second = doc()
    second["readings"][1]["value"] = 89.5
    second["measures"][1]["targets"][0]["tolerance"] = None
    plan = merge(store, second)
    assert [r.value for r in store.measures.readings_for("A2")] == [89.5]
    assert store.measures.targets()[("A2", "2016/17")].tolerance is None
    assert plan.readings.changed == 1 and plan.readings.unchanged == 1
    assert plan.measures.changed == 1


def test_records_the_pack_does_not_mention_are_kept(store):
    merge(store, doc())
    with store.transaction():
        store.measures.upsert([Measure("B9", "Stability", "Children in Care")])
        store.measures.upsert_readings([Reading("B9", "2016/17 Q1", 72)])
        other = store.meetings.save(Meeting(None, "Extra meeting", date(2016, 9, 1), "2016/17 Q1"))
    smaller = doc()
    smaller["measures"] = smaller["measures"][:1]
    smaller["readings"] = smaller["readings"][:1]
    smaller["meetings"][0]["challenges"] = smaller["meetings"][0]["challenges"][:1]
    merge(store, smaller)
    assert [m.code for m in store.measures.all()] == ["A1", "A2", "B9"]
    assert len(store.measures.readings()) == 3
    assert store.meetings.get(other.id) is not None
    meeting = store.meetings.find("2016/17 Q1", date(2016, 8, 2), "Quarterly challenge meeting")
    assert sorted(store.meetings.challenges(meeting.id)) == ["A1", "A2"]


def test_a_pack_may_refer_to_measures_the_database_already_has(store):
    merge(store, doc())
    figures_only = {
        "format": "challenge-pack",
        "version": 1,
        "readings": [{"code": "A1", "period": "2016/17 Q2", "value": 22}],
    }
    merge(store, figures_only)
    assert [r.period for r in store.measures.readings_for("A1")] == ["2016/17 Q1", "2016/17 Q2"]
    assert store.settings.parties().council == "DMBC"  # a pack without parties keeps them


def test_a_code_nobody_defines_is_refused_naming_it_and_nothing_is_written(store):
    merge(store, doc())
    before = snapshot(store)
    bad = doc()
    bad["readings"].append({"code": "A1", "period": "2016/17 Q2", "value": 1})
    bad["meetings"][0]["actions"][0]["code"] = "Q7"
    with pytest.raises(InputError) as exc:
        merge(store, bad)
    assert str(exc.value) == (
        "meetings[0].actions[0].code: measure 'Q7' is not in this pack or in the database"
    )
    assert snapshot(store) == before


def test_actions_are_matched_by_meeting_code_and_wording(store):
    merge(store, doc())
    second = doc()
    actions = second["meetings"][0]["actions"]
    actions[0]["status"] = "done"
    actions[1]["owner"] = "Contract Manager"
    actions.append(dict(actions[1], text="Circulate the minutes."))
    merge(store, second)
    merge(store, second)
    meeting = store.meetings.all()[0]
    own = store.meetings.own_actions(meeting.id)
    assert [(a.code, a.text, a.owner, a.status) for a in own] == [
        ("A2", "Send the analyst's report.", "Trust", "done"),
        (None, "Book the next meeting.", "Contract Manager", "open"),
        (None, "Circulate the minutes.", "Contract Manager", "open"),
    ]
    closed = store.db.execute("SELECT closed_date FROM actions WHERE status = 'done'").fetchone()
    assert closed == ("2016-08-02",)


def test_two_identical_actions_in_one_meeting_stay_two(store):
    twice = doc()
    send, book = twice["meetings"][0]["actions"]
    twice["meetings"][0]["actions"].append(send)
    merge(store, twice)
    merge(store, twice)
    assert len(store.meetings.all_actions()) == 3
    exported = pack_to_json(pack_from_store(store))["meetings"][0]["actions"]
    assert exported == [send, {**book, "status": "open"}, send]


def test_an_interrupted_merge_writes_nothing(store):
    merge(store, doc())
    before = snapshot(store)
    bigger = doc()
    bigger["parties"] = {"council": "Wirral", "provider": "Trust"}
    bigger["readings"] = [
        {
            "code": "A1",
            "period": f"{2000 + i // 4}/{(1 + i // 4) % 100:02d} Q{i % 4 + 1}",
            "value": i,
        }
        for i in range(80)
    ]

    def interrupt(done, total, what=""):
        if what == "Importing meetings":
            raise KeyboardInterrupt

    pack, _ = parse_pack(bigger)
    with pytest.raises(KeyboardInterrupt):
        merge_pack(store, pack, interrupt)
    assert snapshot(store) == before


def test_progress_counts_every_record_once_and_ends_at_the_total(store):
    seen = []
    pack, _ = parse_pack(doc())
    merge_pack(store, pack, lambda done, total, what="": seen.append((done, total)))
    totals = {total for _, total in seen}
    assert totals == {2 + 2 + 2 + 1 + 2 + 2}
    dones = [done for done, _ in seen]
    assert dones == sorted(dones) and dones[0] == 0 and dones[-1] == 11


def test_an_undecided_placement_is_exported_as_the_one_the_report_uses(store):
    merge(store, doc())
    meeting = store.meetings.all()[0]
    store.meetings.save_challenge(Challenge(meeting.id, "A2", "Undecided.", placement=None))
    expected = {row.code: row.placement for row in board_for_meeting(store, meeting)}["A2"]
    assert expected is Placement.APPENDIX2  # Red: a concern
    exported = pack_to_json(pack_from_store(store))["meetings"][0]["challenges"]
    assert [c["placement"] for c in exported] == ["appendix1", "appendix2"]


def test_the_plan_names_new_and_updated_meetings(store):
    merge(store, doc())
    second = doc()
    second["meetings"][0]["attendees"].append("Head of Performance")
    extra = copy.deepcopy(second["meetings"][0])
    extra.update(date="2016-11-08", period="2016/17 Q2", challenges=[], actions=[])
    second["meetings"].append(extra)
    second["measures"].append(dict(second["measures"][0], code="A10", targets=[]))
    pack, _ = parse_pack(second)
    plan = plan_merge(store, pack, take=take_all)
    assert plan.new_meetings == ("2016/17 Q2 - 08 Nov 2016 - Quarterly challenge meeting",)
    assert plan.updated_meetings == ("2016/17 Q1 - 02 Aug 2016 - Quarterly challenge meeting",)
    assert plan.new_codes == ("A10",)
    assert plan.summary_lines()[0] == "3 measures (1 new, 2 unchanged)"
    assert plan.summary_lines()[2] == "2 meetings (1 new, 1 updated)"
    assert plan.parties is None
