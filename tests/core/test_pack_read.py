"""Reading a challenge pack: every refusal says what is wrong and where."""

import json

import pytest

from challenge_app.errors import InputError
from challenge_app.models import Placement
from challenge_app.packs import parse_pack, parse_pack_text, read_pack

GOOD = {
    "format": "challenge-pack",
    "version": 1,
    "parties": {"council": "DMBC", "provider": "Trust"},
    "measures": [
        {
            "code": "A1",
            "title": "Re-referrals in the last 12 months",
            "area": "Social Care Pathway",
            "kind": "contract",
            "polarity": "lower",
            "unit": "%",
            "targets": [{"year": "2016/17", "target": 24, "tolerance": 28}],
        }
    ],
    "readings": [
        {"code": "A1", "period": "2016/17 Q1", "value": 24},
        {"code": "A1", "period": "2016-07", "value": 24},
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
                    "questions": ["Why?", "When?"],
                    "provider_response": "Because.",
                    "meeting_notes": "Noted.",
                    "headline": "On target.",
                }
            ],
            "actions": [
                {
                    "code": "A1",
                    "text": "Send the audit.",
                    "owner": "Trust",
                    "due": "2016-09-30",
                    "status": "open",
                }
            ],
        }
    ],
}


def changed(path, value):
    """GOOD with the value at ``path`` (a list of keys and indexes) replaced or removed."""
    doc = json.loads(json.dumps(GOOD))
    *parents, last = path
    target = doc
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return doc


def problems_of(doc) -> str:
    with pytest.raises(InputError) as exc:
        parse_pack(doc, file="pack.json")
    return str(exc.value)


def test_a_good_pack_is_read_into_records():
    pack, ignored = parse_pack(GOOD)
    assert ignored == []
    assert pack.parties.council == "DMBC"
    assert [m.measure.code for m in pack.measures] == ["A1"]
    assert pack.measures[0].targets[0].tolerance == 28.0
    assert [(r.period, r.value) for r in pack.readings] == [("2016/17 Q1", 24.0), ("2016-07", 24.0)]
    meeting = pack.meetings[0]
    assert meeting.challenges[0].placement is Placement.APPENDIX1
    assert meeting.challenges[0].questions == ("Why?", "When?")
    assert meeting.actions[0].due.isoformat() == "2016-09-30"


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (
            ["meetings", 0, "challenges", 0, "code"],
            7,
            "meetings[0].challenges[0].code: expected text",
        ),
        (["measures", 0, "title"], KeyError, "measures[0].title: missing"),
        (["measures", 0, "kind"], "both", 'measures[0].kind: "both" is not one of'),
        (["measures", 0, "targets", 0, "target"], "24%", "targets[0].target: expected a number"),
        (["readings", 1, "value"], None, "readings[1].value: expected a number, found null"),
        (["readings", 1, "value"], True, "readings[1].value: expected a number, found true/false"),
        (
            ["readings", 0, "period"],
            "2016/18 Q1",
            "readings[0].period: '2016/18' is not a financial year",
        ),
        (["readings", 0, "period"], "2016/17 Q5", "quarters run Q1 to Q4"),
        (
            ["measures", 0, "targets", 0, "year"],
            "2016",
            "targets[0].year: '2016' is not a financial",
        ),
        (["meetings", 0, "date"], "02/08/2016", 'meetings[0].date: "02/08/2016" is not a date'),
        (["meetings", 0, "date"], "2016-02-30", 'meetings[0].date: "2016-02-30" is not a date'),
        (["meetings", 0, "title"], "  ", "meetings[0].title: must not be blank"),
        (["meetings", 0, "period"], "2016-07", "meetings[0].period: a quarterly meeting reviews"),
        (
            ["meetings", 0, "attendees"],
            "everyone",
            "meetings[0].attendees: expected a list of text",
        ),
        (["meetings", 0, "challenges", 0, "questions", 1], 2, "questions[1]: expected text"),
        (["meetings", 0, "challenges", 0, "placement"], "appendix3", 'placement: "appendix3"'),
        (["meetings", 0, "challenges", 0, "order"], 0, "order: expected a whole number from 1"),
        (["meetings", 0, "challenges", 0, "order"], "2", "challenges[0].order: expected a whole"),
        (["meetings", 0, "challenges", 0, "order"], 1.5, "order: expected a whole number"),
        (["meetings", 0, "challenges", 0, "order"], True, "order: expected a whole number"),
        (["meetings", 0, "actions", 0, "status"], "closed", 'actions[0].status: "closed"'),
        (["meetings", 0, "actions", 0, "due"], "soon", 'actions[0].due: "soon" is not a date'),
        (["measures", 0, "code"], 12, "measures[0].code: expected text, found a number"),
        (["measures", 0, "code"], " ", "measures[0].code: a measure code must not be blank"),
        (["measures"], {"A1": {}}, "measures: expected a list, found an object"),
        (["meetings", 0], "meeting", "meetings[0]: expected an object, found text"),
        (["parties", "council"], "", "parties.council: must not be blank"),
    ],
)
def test_wrong_types_and_missing_keys_are_named_by_their_json_path(path, value, expected):
    message = problems_of(changed(path, value))
    assert message.startswith("pack.json: ")
    assert expected in message


def test_every_problem_is_reported_at_once():
    doc = changed(["measures", 0, "title"], 3)
    doc["readings"][0]["value"] = "lots"
    doc["meetings"][0]["date"] = "tomorrow"
    message = problems_of(doc)
    assert "measures[0].title: expected text" in message
    assert "readings[0].value: expected a number" in message
    assert "meetings[0].date:" in message


def test_a_flood_of_problems_is_summarised():
    doc = changed(["readings"], [{"code": "A1", "period": "x", "value": 1}] * 50)
    lines = problems_of(doc).splitlines()
    assert len(lines) == 21
    assert lines[-1] == "pack.json: ... and 30 more"


def test_repeated_keys_are_refused_naming_both_places():
    doc = changed(["readings", 1], {"code": "A1", "period": "2016/2017 q1", "value": 30})
    message = problems_of(doc)
    assert "readings[1]: the same reading for this code and period as readings[0]" in message
    doc = changed(["measures"], [GOOD["measures"][0], GOOD["measures"][0]])
    assert "measures[1]: the same measure code as measures[0]" in problems_of(doc)


def test_periods_and_years_are_stored_in_canonical_form():
    doc = changed(["readings", 0, "period"], " 2016/2017 q1 ")
    doc["measures"][0]["targets"][0]["year"] = "2016/2017"
    pack, _ = parse_pack(doc)
    assert pack.readings[0].period == "2016/17 Q1"
    assert pack.measures[0].targets[0].year == "2016/17"


def test_optional_keys_take_their_defaults():
    doc = {
        "format": "challenge-pack",
        "version": 1,
        "measures": [{"code": "E1", "title": "Contacts", "area": "SCP", "kind": "volumetric"}],
        "meetings": [{"title": "Quarterly", "date": "2016-08-02", "period": "2016/17 Q1"}],
    }
    pack, _ = parse_pack(doc)
    assert pack.parties is None
    assert pack.readings == ()
    assert pack.measures[0].measure.polarity is None
    assert pack.measures[0].measure.unit == ""
    assert pack.measures[0].targets == ()
    assert pack.meetings[0].kind == "quarterly"
    assert pack.meetings[0].challenges == ()


def test_unknown_keys_are_left_out_and_listed_not_fatal():
    doc = changed(["colour"], "blue")
    doc["measures"][0]["owner"] = "someone"
    doc["meetings"][0]["challenges"][0]["mood"] = "tense"
    pack, ignored = parse_pack(doc)
    assert ignored == ["colour", "measures[0].owner", "meetings[0].challenges[0].mood"]
    assert pack.meetings[0].challenges[0].headline == "On target."


def test_a_newer_version_is_refused_clearly():
    message = problems_of(changed(["version"], 2))
    assert "newer version of Challenge" in message
    assert "pack version 2" in message and "up to version 1" in message


@pytest.mark.parametrize("version", [0, "1", 1.5, None, True])
def test_a_version_that_is_not_a_pack_version_is_refused(version):
    assert "version:" in problems_of(changed(["version"], version))


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("challenge-template", '"challenge-template" is not a challenge pack'),
        (KeyError, "format: missing"),
    ],
)
def test_the_wrong_format_is_refused(fmt, expected):
    assert expected in problems_of(changed(["format"], fmt))


def test_a_json_list_is_not_a_pack():
    assert "expected a JSON object, found a list" in problems_of([GOOD])


def test_a_truncated_pack_says_where_it_ends():
    text = json.dumps(GOOD, indent=2)
    cut = text[: len(text) // 2]
    with pytest.raises(InputError) as exc:
        parse_pack_text(cut.encode(), file="pack.json")
    lines = cut.count("\n") + 1
    assert f"pack.json: line {lines}, column" in str(exc.value)
    assert "truncated" in str(exc.value)


def test_broken_json_in_the_middle_names_line_and_column():
    text = json.dumps(GOOD, indent=2).replace('"area"', "area", 1)
    line = text[: text.index("area:")].count("\n") + 1
    with pytest.raises(InputError) as exc:
        parse_pack_text(text)
    assert f"line {line}, column 7: not valid JSON" in str(exc.value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"code,title\nA1,Re-referrals\n", "it is not JSON (line 1, column 1"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe", "it is not UTF-8 text"),
        (b"", "is empty"),
        (b'{"format": "challenge-pack", "version": 1, "readings": [NaN]}', "NaN is not a number"),
    ],
)
def test_things_that_are_not_json_are_refused(raw, expected):
    with pytest.raises(InputError) as exc:
        parse_pack_text(raw, file="pack.json")
    assert expected in str(exc.value)


def test_a_number_too_large_for_a_figure_is_refused():
    text = json.dumps(GOOD).replace('"value": 24}', '"value": 1e999}', 1)
    with pytest.raises(InputError) as exc:
        parse_pack_text(text)
    assert "readings[0].value: the number is too large" in str(exc.value)


def test_a_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode())
    assert read_pack(path).pack.measures[0].measure.code == "A1"


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(InputError) as exc:
        read_pack(tmp_path / "nowhere.json")
    assert str(exc.value) == "nowhere.json: there is no such file"
