"""The round-trip promise: import pack P into an empty database, export, get P back."""

import json
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.scale import build_scale_database
from challenge_app.cli import main
from challenge_app.codes import natural_key
from challenge_app.demo import build_demo_database
from challenge_app.export.report import gather
from challenge_app.limits import EARLIEST_YEAR, LATEST_YEAR, MAX_FIGURE
from challenge_app.models import Placement
from challenge_app.packs import merge_pack, pack_from_store, pack_to_json, parse_pack, read_pack
from challenge_app.periods import Month, Quarter, parse_period
from challenge_app.store import Store

SPEC_EXAMPLE = {
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
            "attendees": ["..."],
            "apologies": [],
            "challenges": [
                {
                    "code": "A1",
                    "placement": "appendix1",
                    "council_comment": "...",
                    "questions": ["...", "..."],
                    "provider_response": "...",
                    "meeting_notes": "...",
                    "headline": "...",
                }
            ],
            "actions": [
                {"code": "A1", "text": "...", "owner": "...", "due": "2016-09-30", "status": "open"}
            ],
        }
    ],
}


def canonical(doc: dict) -> dict:
    """The pack with its lists in the documented order, so content can be compared with ==."""
    doc = json.loads(json.dumps(doc))
    for m in doc["measures"]:
        m["targets"].sort(key=lambda t: t["year"])
    doc["measures"].sort(key=lambda m: natural_key(m["code"]))

    def period_order(text):
        period = parse_period(text)
        return (period.kind != "quarter", period.index)

    doc["readings"].sort(key=lambda r: (natural_key(r["code"]), period_order(r["period"])))
    for meeting in doc["meetings"]:
        meeting["challenges"].sort(key=lambda c: natural_key(c["code"]))
    doc["meetings"].sort(key=lambda m: (m["date"], m["period"], m["title"]))
    return doc


def round_trip(doc: dict, db: Path) -> dict:
    pack, ignored = parse_pack(doc)
    assert ignored == []
    store = Store.open(db)
    try:
        merge_pack(store, pack)
        return pack_to_json(pack_from_store(store))
    finally:
        store.close()


def test_the_interfaces_example_comes_back_unchanged(tmp_path):
    assert round_trip(SPEC_EXAMPLE, tmp_path / "a.db") == SPEC_EXAMPLE


def test_the_officers_order_comes_back_and_is_used(tmp_path):
    doc = json.loads(json.dumps(SPEC_EXAMPLE))
    doc["measures"].append({**doc["measures"][0], "code": "A09", "title": "Second CP plan"})
    first = doc["meetings"][0]["challenges"][0]
    doc["meetings"][0]["challenges"] = [
        {**first, "code": "A09", "order": 1},
        {**first, "order": 2},
    ]
    back = round_trip(doc, tmp_path / "a.db")
    assert [(c["code"], c.get("order")) for c in back["meetings"][0]["challenges"]] == [
        ("A1", 2),
        ("A09", 1),
    ]
    store = Store.open(tmp_path / "a.db")
    try:
        meeting = store.meetings.all()[0]
        assert [r.code for r in gather(store, meeting).placed(Placement.APPENDIX1)] == [
            "A09",
            "A1",
        ]
    finally:
        store.close()


def test_the_demo_database_round_trips_through_the_command_line(tmp_path):
    demo = build_demo_database(tmp_path / "demo.db")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    fresh = tmp_path / "fresh.db"
    assert main(["pack-export", "--db", str(demo), "--out", str(first)]) == 0
    assert main(["pack-import", str(first), "--db", str(fresh)]) == 0
    assert main(["pack-export", "--db", str(fresh), "--out", str(second)]) == 0
    assert second.read_bytes() == first.read_bytes()
    doc = json.loads(first.read_text(encoding="utf-8"))
    assert len(doc["measures"]) == 22
    assert sum(len(m["challenges"]) for m in doc["meetings"]) >= 2


def test_export_order_is_natural_code_then_period_then_meeting_date(tmp_path):
    shuffled = json.loads(json.dumps(SPEC_EXAMPLE))
    base = shuffled["measures"][0]
    shuffled["measures"] = [dict(base, code=c) for c in ("A10", "B2", "A2", "A06")]
    shuffled["readings"] = [
        {"code": "A10", "period": "2016-07", "value": 1},
        {"code": "A2", "period": "2016/17 Q2", "value": 2},
        {"code": "A10", "period": "2015/16 Q4", "value": 3},
        {"code": "A2", "period": "2016/17 Q1", "value": 4},
    ]
    meeting = shuffled["meetings"][0]
    later = dict(meeting, date="2016-11-08", period="2016/17 Q2", challenges=[], actions=[])
    shuffled["meetings"] = [later, dict(meeting, challenges=[], actions=[])]
    out = round_trip(shuffled, tmp_path / "a.db")
    assert [m["code"] for m in out["measures"]] == ["A2", "A06", "A10", "B2"]
    assert [(r["code"], r["period"]) for r in out["readings"]] == [
        ("A2", "2016/17 Q1"),
        ("A2", "2016/17 Q2"),
        ("A10", "2015/16 Q4"),
        ("A10", "2016-07"),
    ]
    assert [m["date"] for m in out["meetings"]] == ["2016-08-02", "2016-11-08"]


# -- property: any pack comes back as it went in --------------------------------------------

TRICKY = st.sampled_from(
    [
        "=SUM(A1:A9)",
        '=HYPERLINK("http://example.com")',
        "+44 1302 737000",
        "<b>bold</b> & <i>italic</i>",
        "Line one\nLine two\r\n\tIndented",
        "😀 emoji 👩‍👩‍👧 and ümlauts",
        "",
        "  leading and trailing spaces  ",
        '"quoted" \\ backslash',
    ]
)
TEXT = st.one_of(TRICKY, st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
NAME = TEXT.filter(lambda s: s.strip() != "")
FLOATS = st.one_of(
    st.floats(min_value=-MAX_FIGURE, max_value=MAX_FIGURE),
    st.integers(-(10**6), 10**6),
    st.sampled_from([0.1, 2.675, 1e-7, 123456789.125, 2.0**39, MAX_FIGURE, -MAX_FIGURE]),
)
CODES = st.one_of(
    st.from_regex(r"\A[A-F][0-9]{1,3}[a-c]?\Z"),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8)
    .map(str.strip)
    .filter(bool),
)
QUARTERS = st.builds(Quarter, st.integers(2010, 2030), st.integers(1, 4)).map(str)
MONTHS = st.builds(Month, st.integers(2010, 2030), st.integers(1, 12)).map(str)
PERIODS = st.one_of(QUARTERS, MONTHS)
YEARS = st.integers(2010, 2030).map(lambda y: f"{y}/{(y + 1) % 100:02d}")
DATES = st.dates(date(EARLIEST_YEAR, 1, 1), date(LATEST_YEAR, 12, 31)).map(lambda d: d.isoformat())


@st.composite
def packs(draw):
    codes = draw(st.lists(CODES, min_size=1, max_size=5, unique=True))
    measures = []
    for code in codes:
        kind = draw(st.sampled_from(["contract", "volumetric"]))
        years = draw(st.lists(YEARS, max_size=3, unique=True))
        measures.append(
            {
                "code": code,
                "title": draw(TEXT),
                "area": draw(TEXT),
                "kind": kind,
                "polarity": draw(st.sampled_from(["higher", "lower", None])),
                "unit": draw(st.sampled_from(["%", "count", "per 100,000", "£000s", ""])),
                "targets": [
                    {
                        "year": y,
                        "target": draw(st.none() | FLOATS),
                        "tolerance": draw(st.none() | FLOATS),
                    }
                    for y in years
                ],
            }
        )
    keys = draw(st.lists(st.tuples(st.sampled_from(codes), PERIODS), max_size=12, unique=True))
    readings = [{"code": c, "period": p, "value": draw(FLOATS)} for c, p in keys]
    meeting_keys = draw(st.lists(st.tuples(PERIODS, DATES, NAME), max_size=3, unique=True))
    meetings = []
    for period, day, title in meeting_keys:
        kind = "quarterly" if "Q" in period else "monthly"
        challenged = draw(st.lists(st.sampled_from(codes), max_size=len(codes), unique=True))
        meetings.append(
            {
                "title": title,
                "date": day,
                "period": period,
                "kind": kind,
                "attendees": draw(st.lists(TEXT, max_size=3)),
                "apologies": draw(st.lists(TEXT, max_size=2)),
                "challenges": [challenge(draw, code) for code in challenged],
                "actions": [
                    {
                        "code": draw(st.none() | st.sampled_from(codes)),
                        "text": draw(NAME),
                        "owner": draw(TEXT),
                        "due": draw(st.none() | DATES),
                        "status": draw(st.sampled_from(["open", "done", "dropped"])),
                    }
                    for _ in range(draw(st.integers(0, 3)))
                ],
            }
        )
    council, provider = draw(st.lists(NAME.map(str.strip).filter(bool), min_size=2, max_size=2))
    return {
        "format": "challenge-pack",
        "version": 1,
        "parties": {"council": council, "provider": provider},
        "measures": measures,
        "readings": readings,
        "meetings": meetings,
    }


def challenge(draw, code: str) -> dict:
    doc = {
        "code": code,
        "placement": draw(st.sampled_from(["appendix1", "appendix2", "none"])),
        "council_comment": draw(TEXT),
        "questions": draw(st.lists(TEXT, max_size=3)),
        "provider_response": draw(TEXT),
        "meeting_notes": draw(TEXT),
        "headline": draw(TEXT),
    }
    order = draw(st.none() | st.integers(1, 2**31 - 1))
    if order is not None:  # optional: absent means natural code order
        doc["order"] = order
    return doc


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(packs())
def test_any_pack_round_trips_through_an_empty_database_unchanged(doc):
    with tempfile.TemporaryDirectory() as folder:
        back = round_trip(doc, Path(folder) / "fresh.db")
    assert back == canonical(doc)


@pytest.mark.slow
def test_a_ten_year_database_round_trips_with_progress(tmp_path):
    source = build_scale_database(tmp_path / "scale.db")
    first = tmp_path / "first.json"
    assert main(["pack-export", "--db", str(source), "--out", str(first)]) == 0
    loaded = read_pack(first)
    assert len(loaded.pack.measures) == 300 and len(loaded.pack.readings) == 300 * 10 * 16

    seen = []
    store = Store.open(tmp_path / "fresh.db")
    try:
        merge_pack(store, loaded.pack, lambda done, total, what="": seen.append((done, total)))
        again = pack_to_json(pack_from_store(store))
    finally:
        store.close()
    assert again == json.loads(first.read_text(encoding="utf-8"))
    assert len(seen) > 20  # reported in batches, not once at the end
    assert seen[-1][0] == seen[-1][1]
