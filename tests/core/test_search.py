"""Find across every meeting: the FTS5 index stays in step with every way text is
written, and whatever the officer types is searched, never parsed as syntax."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date

import pytest
from sqlite_utils import Database

from challenge_app.demo import DATASET
from challenge_app.imports import import_dataset
from challenge_app.models import Action, Challenge, Measure, Meeting
from challenge_app.packs import merge_pack, pack_from_store, pack_to_json, parse_pack, take_all
from challenge_app.paths import resource
from challenge_app.search import match_expression, search, unmark
from challenge_app.store import Store
from challenge_app.store.measures import MeasureRepo
from challenge_app.store.meetings import MeetingRepo
from challenge_app.store.schema import migrations
from tests.core.search_index_check import assert_index_in_step


def found(store, text) -> set[tuple]:
    return {(h.code, h.field, h.item) for h in search(store, text).hits}


@pytest.fixture
def q1(demo_store):
    return demo_store.meetings.latest_for_period("2016/17 Q1")


# -- the query the officer types ------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expression"),
    [
        ("agency", '"agency"*'),
        ("agency ", '"agency"'),
        ("agency cover", '"agency" "cover"*'),
        ('"inside tolerance" Q2', '"inside tolerance" "Q2"*'),
        ('"inside tolerance', '"inside tolerance"'),
        ("re-referrals", '"re-referrals"*'),
        ('say "no', '"say" "no"'),
        ('it"s', '"it" "s"'),
        ("NOT OR AND NEAR", '"NOT" "OR" "AND" "NEAR"*'),
        ("body:agency", '"body:agency"*'),
        ("(a* ^b)", '"(a*" "^b)"*'),
        ("a", '"a"'),
        ("  ", ""),
        ("", ""),
        ("*** --- ()", ""),
        ('""', ""),
        ("nul\x00here", '"nul" "here"*'),
        ("café", '"café"*'),
    ],
)
def test_what_is_typed_becomes_quoted_terms(typed, expression):
    assert match_expression(typed) == expression


NASTY = [
    "",
    " ",
    '"',
    '""',
    '"""',
    "'",
    "*",
    "a*",
    "NOT",
    "agency NOT cover",
    "agency OR cover",
    "NEAR(agency cover)",
    "agency + cover",
    "body:agency",
    "{body}:agency",
    "^agency",
    "(",
    ")",
    "-agency",
    "\x00",
    "\\",
    "%_",
    "😀",
    "agency😀",
    "x" * 5000,
    " ".join(["cover"] * 500),
    "\u202eagency",
    "\ue000agency\ue001",
]


@pytest.mark.parametrize("typed", NASTY)
def test_no_query_text_reaches_fts5_as_syntax(demo_store, typed):
    results = search(demo_store, typed)
    assert results.total >= len(results.hits)


def test_words_that_are_fts5_syntax_are_found_as_words(demo_store, q1):
    demo_store.meetings.save_challenge(
        Challenge(q1.id, "A1", "Performance is NOT improving (see Q2) and col:value * stays")
    )
    for typed in ("NOT", "(see", "q2)", "col:value", "not improving", '"is not"'):
        assert ("A1", "council_comment", 0) in found(demo_store, typed), typed
    assert ("A1", "council_comment", 0) not in found(demo_store, '"not is"')


def test_all_words_must_match_and_the_last_may_be_unfinished(demo_store):
    assert ("C14", "meeting_notes", 0) in found(demo_store, "agency cover insi")
    assert found(demo_store, "agency cover inside") == found(demo_store, "agency cover inside ")
    assert found(demo_store, "agency zebra") == set()
    assert found(demo_store, "agen ") == set()  # finished word: no prefix


def test_case_and_accents_do_not_matter(demo_store, q1):
    demo_store.meetings.save_challenge(Challenge(q1.id, "A1", "The café's rôle"))
    assert ("A1", "council_comment", 0) in found(demo_store, "CAFE ROLE")


# -- what a hit says --------------------------------------------------------


def test_a_hit_names_meeting_measure_field_and_where_the_words_are(demo_store, q1):
    results = search(demo_store, "inside tolerance Q2")
    hit = next(h for h in results.hits if h.code == "A2")
    assert (hit.meeting, hit.field, hit.measure_title) == (
        q1,
        "meeting_notes",
        "Timeliness of single assessments",
    )
    assert hit.body == q1_notes(demo_store, q1, "A2")
    assert [hit.body[a:b] for a, b in hit.spans] == ["inside", "tolerance", "Q2"]
    assert [hit.snippet[a:b] for a, b in hit.snippet_spans] == ["inside", "tolerance", "Q2"]


def q1_notes(store, meeting, code):
    return store.meetings.challenge(meeting.id, code).meeting_notes


def test_questions_and_actions_are_found_with_their_place(demo_store, q1):
    assert ("A2", "questions", 1) in found(demo_store, "reviewed for quality")
    action = next(a for a in demo_store.meetings.own_actions(q1.id) if a.code is None)
    hit = next(h for h in search(demo_store, "circulate the minutes").hits)
    assert (hit.code, hit.field, hit.source_id, hit.measure_title) == (
        None,
        "action",
        action.id,
        "",
    )


def test_offsets_count_characters_beyond_the_basic_plane(demo_store, q1):
    text = "😀 ünïcode first, then agency"
    demo_store.meetings.save_challenge(Challenge(q1.id, "A1", text))
    hit = next(h for h in search(demo_store, "unicode agency").hits if h.code == "A1")
    assert [text[a:b] for a, b in hit.spans] == ["ünïcode", "agency"]


def test_text_holding_the_marker_characters_is_listed_without_highlighting(demo_store, q1):
    text = "odd \ue000 marker \ue001 text"
    demo_store.meetings.save_challenge(Challenge(q1.id, "A1", text))
    hit = next(h for h in search(demo_store, "marker").hits if h.code == "A1")
    assert (hit.body, hit.spans) == (text, ())


def test_unmark_keeps_offsets_in_the_plain_text():
    assert unmark("a \ue000bc\ue001 d \ue000e\ue001") == ("a bc d e", ((2, 4), (7, 8)))


def test_newest_meeting_first_then_code_order(demo_store):
    hits = search(demo_store, "trust").hits
    dates = [h.meeting.date for h in hits]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) == 2


def test_a_common_word_lists_up_to_the_limit_and_counts_the_rest(demo_store):
    results = search(demo_store, "the", limit=5)
    assert len(results.hits) == 5 and results.total > 5 and results.truncated


# -- the index stays in step ------------------------------------------------


def test_demo_index_is_in_step(demo_store):
    assert_index_in_step(demo_store)


def test_index_follows_edits_of_every_field(demo_store, q1):
    meetings = demo_store.meetings
    before = meetings.challenge(q1.id, "A2")
    meetings.save_challenge(
        Challenge(
            q1.id,
            "A2",
            council_comment="Zanzibar comment",
            questions=("First yonder question", ""),
            provider_response=before.provider_response,
            meeting_notes="",
            headline="Quokka headline",
        )
    )
    assert found(demo_store, "zanzibar") == {("A2", "council_comment", 0)}
    assert found(demo_store, "yonder") == {("A2", "questions", 0)}
    assert found(demo_store, "quokka") == {("A2", "headline", 0)}
    assert found(demo_store, "recovery plan") == set()  # the old question went
    assert ("A2", "meeting_notes", 0) not in found(demo_store, "inside tolerance")
    assert_index_in_step(demo_store)


def test_updates_that_leave_the_texts_alone_do_not_reindex(demo_store, q1):
    def ids():
        return list(demo_store.db.query("SELECT id FROM search_rows ORDER BY id"))

    before = ids()
    demo_store.db.execute("UPDATE challenges SET placement = 'none', updated_at = 'x'")
    demo_store.db.execute("UPDATE challenges SET council_comment = council_comment")
    action = demo_store.meetings.own_actions(q1.id)[0]
    demo_store.meetings.save_action(action)
    assert ids() == before
    demo_store.meetings.save_action(replace(action, text=action.text + " soon"))
    assert ids() != before


def test_index_follows_actions_added_changed_and_deleted(demo_store, q1):
    meetings = demo_store.meetings
    action = meetings.save_action(Action(None, q1.id, "Send the walrus report", "A4"))
    assert found(demo_store, "walrus") == {("A4", "action", 0)}
    meetings.save_action(Action(action.id, q1.id, "Send the narwhal report", "A4", status="done"))
    assert found(demo_store, "walrus") == set()
    assert found(demo_store, "narwhal") == {("A4", "action", 0)}
    meetings.delete_action(action.id)
    assert found(demo_store, "narwhal") == set()
    assert_index_in_step(demo_store)


def test_deleting_a_meeting_takes_its_text_out(demo_store, q1):
    with demo_store.transaction():
        demo_store.db.execute("DELETE FROM meetings WHERE id = ?", [q1.id])
    assert all(h.meeting.id != q1.id for h in search(demo_store, "trust").hits)
    assert_index_in_step(demo_store)


def test_a_failed_transaction_leaves_the_index_as_it_was(demo_store, q1):
    with pytest.raises(RuntimeError), demo_store.transaction():
        demo_store.meetings.save_challenge(Challenge(q1.id, "A1", "Ocelot"))
        raise RuntimeError("disk full")
    assert found(demo_store, "ocelot") == set()
    assert_index_in_step(demo_store)


def test_index_in_step_after_a_dataset_import(demo_store, tmp_path):
    renamed = tmp_path / "renamed.csv"
    renamed.write_text(
        resource(*DATASET)
        .read_text(encoding="utf-8-sig")
        .replace("Timeliness of single assessments", "Single assessments on time"),
        encoding="utf-8",
    )
    import_dataset(demo_store, renamed)
    hit = next(h for h in search(demo_store, "recovery plan").hits if h.code == "A2")
    assert hit.measure_title == "Single assessments on time"
    assert_index_in_step(demo_store)


def test_index_in_step_after_a_pack_merge(demo_store, store):
    doc = pack_to_json(pack_from_store(demo_store))
    merge_pack(store, parse_pack(copy.deepcopy(doc))[0])  # into an empty database
    assert found(store, "recovery plan") == found(demo_store, "recovery plan") != set()
    assert_index_in_step(store)

    for meeting in doc["meetings"]:
        for record in meeting["challenges"]:
            if record["code"] == "A2":
                record["council_comment"] = "Merged pangolin comment"
                record["questions"] = []
        meeting["actions"].append({"code": "A3", "text": "Merged axolotl action"})
    merge_pack(store, parse_pack(doc)[0], take=take_all)  # over the same records, replacing
    assert found(store, "pangolin") == {("A2", "council_comment", 0)}
    assert found(store, "axolotl") == {("A3", "action", 0)}
    assert found(store, "recovery plan") == {("A2", "headline", 0)}  # the question went
    assert_index_in_step(store)


def test_the_migration_indexes_what_was_recorded_before_it(db_path):
    """A database from before the index: its records are found once it is opened."""
    db = Database(db_path)
    migrations.apply(db, stop_before="0004_search_index")
    MeasureRepo(db).upsert([Measure("A1", "Re-referrals", "Pathway")])
    meeting = MeetingRepo(db).save(Meeting(None, "Q1 meeting", date(2016, 8, 2), "2016/17 Q1"))
    MeetingRepo(db).save_challenge(
        Challenge(meeting.id, "A1", "Old comment", ("Old question?",), "Old response")
    )
    MeetingRepo(db).save_action(Action(None, meeting.id, "Old action", "A1"))
    db.close()

    store = Store.open(db_path)
    try:
        assert found(store, "old") == {
            ("A1", "council_comment", 0),
            ("A1", "questions", 0),
            ("A1", "provider_response", 0),
            ("A1", "action", 0),
        }
        assert_index_in_step(store)
    finally:
        store.close()


def _search_ids(store, code: str) -> dict[str, list[int]]:
    rows = store.db.query(
        "SELECT field, id FROM search_rows WHERE source = 'challenge' AND code = ? ORDER BY id",
        [code],
    )
    ids: dict[str, list[int]] = {}
    for row in rows:
        ids.setdefault(row["field"], []).append(row["id"])
    return ids


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("council_comment", "Wombat comment"),
        ("questions", '["Wombat question?", "  ", "Second?"]'),
        ("provider_response", "Wombat response"),
        ("provider_response", "   "),
        ("meeting_notes", "Wombat notes"),
        ("headline", "Wombat headline"),
    ],
)
def test_a_changed_text_is_reindexed_on_its_own(demo_store, q1, field, value):
    """0005: one text changed re-indexes that text only; the index stays in step."""
    before = _search_ids(demo_store, "A2")
    demo_store.db.execute(
        f"UPDATE challenges SET {field} = ? WHERE meeting_id = ? AND code = 'A2'", [value, q1.id]
    )
    after = _search_ids(demo_store, "A2")
    assert {f: ids for f, ids in after.items() if f != field} == {
        f: ids for f, ids in before.items() if f != field
    }
    assert after.get(field) != before.get(field)
    assert_index_in_step(demo_store)


def test_a_record_moved_to_another_measure_is_reindexed_whole(demo_store, q1):
    written = set(demo_store.meetings.challenges(q1.id))
    spare = next(m.code for m in demo_store.measures.all() if m.code not in written)
    demo_store.db.execute(
        "UPDATE challenges SET code = ?, council_comment = 'Moved' "
        "WHERE meeting_id = ? AND code = 'A2'",
        [spare, q1.id],
    )
    assert ("A2", "council_comment", 0) not in found(demo_store, "timeliness")
    assert (spare, "council_comment", 0) in found(demo_store, "moved")
    assert_index_in_step(demo_store)
