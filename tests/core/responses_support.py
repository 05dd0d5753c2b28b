"""A meeting with the council's words on some measures, and a provider who types in the workbook.

Shared by the response workbook tests (core and GUI); its ``db`` and ``sent``
fixtures reach every core test through ``tests/core/conftest.py``. The provider's side is
played by openpyxl opening the workbook, typing into cells and saving, which
is what a spreadsheet program does to the file: a cell typed ``=SUM(1,2)``
is saved as a formula, a number as a number.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from challenge_app.cli import main
from challenge_app.demo import load_sample_dataset
from challenge_app.models import Challenge, Meeting, Parties, Placement
from challenge_app.store import Store
from tests.conftest import Q1_CSV

PERIOD = "2016/17 Q1"

#: code -> (comment, questions, placement); A3 has only a headline, so it is not asked about.
WRITTEN = {
    "A1": ("Re-referrals are on target = good news.", (), Placement.APPENDIX1),
    "A2": (
        "Timeliness has fallen for a third quarter.\nThe Council is concerned.",
        ("What is the recovery plan?", "  ", "By when will it take effect?"),
        Placement.APPENDIX2,
    ),
    "B14": ("", ("How many care leavers are in _x0041_ apprenticeships?",), Placement.APPENDIX2),
    "C14": ("Agency cover – noted, not reported.", (), Placement.NONE),
    "B9": ("Stable, and above target.", ("Is it the new matching panel?",), Placement.APPENDIX1),
}
#: Appendix order: Appendix 1 then 2 (natural code order within each), then the rest.
EXPECTED_ORDER = ["A1", "B9", "A2", "B14", "C14"]


def build_meeting_db(path: Path) -> Path:
    """The fixture dataset, a Q1 meeting with the council's words, parties DMBC and Trust."""
    store = Store.open(path)
    try:
        load_sample_dataset(store, Q1_CSV)
        store.settings.set_parties(Parties("DMBC", "Trust"))
        meeting = store.meetings.save(
            Meeting(None, "Quarterly challenge meeting", date(2016, 8, 2), PERIOD)
        )
        for code, (comment, questions, placement) in WRITTEN.items():
            store.meetings.save_challenge(
                Challenge(meeting.id, code, comment, questions, placement=placement)
            )
        store.meetings.save_challenge(Challenge(meeting.id, "A3", headline="Audits improving."))
    finally:
        store.close()
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The meeting database (``build_meeting_db``), in the test's own folder."""
    return build_meeting_db(tmp_path / "meeting.db")


@pytest.fixture
def sent(db: Path, tmp_path: Path) -> Path:
    """The response workbook as it goes to the provider, nothing typed in yet."""
    return request(db, tmp_path / "Responses Q1.xlsx")


def request(db: Path, out: Path) -> Path:
    assert main(["responses-out", "--db", str(db), "--period", PERIOD, "--out", str(out)]) == 0
    return out


def row_of(ws, code: str) -> int:
    for row in range(2, ws.max_row + 1):
        if ws.cell(row=row, column=1).value == code:
            return row
    raise AssertionError(f"{code} is not in the workbook")


def type_into(path: Path, cells: dict[str, object], column: int = 5, out: Path | None = None):
    """Type ``cells`` (code -> value) into ``column`` of the Responses sheet and save."""
    wb = load_workbook(path)
    ws = wb["Responses"]
    for code, value in cells.items():
        ws.cell(row=row_of(ws, code), column=column).value = value
    wb.save(out or path)
    return out or path


def snapshot(db: Path, tmp_path: Path) -> tuple[bytes, str]:
    """The database as a pack, and every row of every table (settings included)."""
    pack = tmp_path / "snapshot.json"
    assert main(["pack-export", "--db", str(db), "--out", str(pack)]) == 0
    with sqlite3.connect(db) as conn:
        dump = "\n".join(conn.iterdump())
    conn.close()
    return pack.read_bytes(), dump


def responses(db: Path) -> dict[str, str]:
    """The recorded provider responses of the Q1 meeting, by code (non-empty only)."""
    store = Store.open(db)
    try:
        meeting = store.meetings.latest_for_period(PERIOD)
        return {
            code: c.provider_response
            for code, c in store.meetings.challenges(meeting.id).items()
            if c.provider_response
        }
    finally:
        store.close()
