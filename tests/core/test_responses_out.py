"""``responses-out``: the workbook the provider fills in, reopened as they would see it."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from challenge_app.cli import main
from challenge_app.responses.identity import read_identity
from challenge_app.store import Store
from tests.core.responses_support import (
    EXPECTED_ORDER,
    PERIOD,
    request,
    responses,
    type_into,
)


def test_header_words_and_one_row_per_measure_written_on_in_appendix_order(db, tmp_path, capsys):
    sent = request(db, tmp_path / "Responses Q1.xlsx")
    assert "5 measures for Trust to respond to" in capsys.readouterr().out
    ws = load_workbook(sent)["Responses"]
    header = [c.value for c in ws[1]]
    assert header == [
        "Code",
        "Measure & performance",
        "DMBC Comment",
        "Questions raised",
        "Trust Response",
    ]
    assert [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)] == EXPECTED_ORDER


def test_council_words_as_recorded_questions_one_a_line(sent):
    ws = load_workbook(sent)["Responses"]
    a2 = ws["C4"].value, ws["D4"].value
    assert a2 == (
        "Timeliness has fallen for a third quarter.\nThe Council is concerned.",
        "What is the recovery plan?\nBy when will it take effect?",
    )
    a1 = ws["C2"]
    assert a1.value == "Re-referrals are on target = good news." and a1.data_type == "s"
    assert ws["B2"].value.startswith("A1 Re-referrals in the last 12 months")
    assert ws["E2"].value is None


def test_only_the_response_column_is_unlocked_under_protection_without_password(sent):
    ws = load_workbook(sent)["Responses"]
    assert ws.protection.sheet is True
    assert not ws.protection.password
    for row in range(1, ws.max_row + 1):
        for column in range(1, 5):
            assert ws.cell(row=row, column=column).protection.locked, (row, column)
    assert ws["E1"].protection.locked  # the header too
    for row in range(2, ws.max_row + 1):
        cell = ws.cell(row=row, column=5)
        assert not cell.protection.locked
        assert cell.alignment.wrap_text
    assert ws.column_dimensions["E"].width >= 60


def test_printed_landscape_with_the_header_row_repeated(sent):
    ws = load_workbook(sent)["Responses"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$1:$1"
    assert ws.freeze_panes == "A2"


def test_the_note_for_the_provider_is_beside_the_table_not_in_it(sent):
    wb = load_workbook(sent)
    assert wb.sheetnames == ["Responses"]  # INTERFACES.md: one sheet
    assert wb.active.title == "Responses"
    assert [c.value for c in wb["Responses"][1]][-1] == "Trust Response"  # row 1 the header
    note = wb["Responses"]["E1"].comment.text
    assert "'Trust Response' column" in note and "send it back to DMBC" in note
    prompts = wb["Responses"].data_validations.dataValidation
    assert [str(p.sqref) for p in prompts] == ["E2:E6"]
    assert prompts[0].showInputMessage and "send it back to DMBC" in prompts[0].prompt


def test_the_workbook_names_its_database_and_meeting(sent, db):
    identity = read_identity(load_workbook(sent))
    store = Store.open(db)
    try:
        assert identity.database_id == store.settings.database_id != ""
        meeting = store.meetings.latest_for_period(PERIOD)
    finally:
        store.close()
    assert identity.meeting_id == meeting.id
    assert identity.label == meeting.label


def test_the_database_keeps_its_identity_for_the_next_workbook(sent, db, tmp_path):
    again = request(db, tmp_path / "again.xlsx")
    first, second = (read_identity(load_workbook(p)) for p in (sent, again))
    assert first == second


def test_a_meeting_with_nothing_written_is_refused_and_nothing_is_written(db, tmp_path, capsys):
    store = Store.open(db)
    try:
        meeting = store.meetings.latest_for_period(PERIOD)
        for challenge in store.meetings.challenges(meeting.id).values():
            store.meetings.save_challenge(
                type(challenge)(meeting.id, challenge.code, headline="only a headline")
            )
    finally:
        store.close()
    out = tmp_path / "nothing.xlsx"
    assert main(["responses-out", "--db", str(db), "--period", PERIOD, "--out", str(out)]) == 2
    assert "no DMBC comments or questions yet" in capsys.readouterr().err
    assert not out.exists()


def test_no_meeting_on_the_period_is_refused(db, tmp_path, capsys):
    out = tmp_path / "q3.xlsx"
    argv = ["responses-out", "--db", str(db), "--period", "2016/17 Q3", "--out", str(out)]
    assert main(argv) == 2
    assert "no meeting reviews 2016/17 Q3" in capsys.readouterr().err
    assert not out.exists()


def test_a_missing_database_is_refused_and_not_created(tmp_path, capsys):
    missing = tmp_path / "missing.db"
    argv = ["responses-out", "--db", str(missing), "--period", PERIOD, "--out", "x.xlsx"]
    assert main(argv) == 2
    assert "no such database file" in capsys.readouterr().err
    assert not missing.exists()


def test_still_recognised_after_openpyxl_opens_and_saves_it(sent, db, tmp_path):
    resaved = tmp_path / "resaved.xlsx"
    load_workbook(sent).save(resaved)
    type_into(resaved, {"A1": "Thank you."})
    assert main(["responses-in", str(resaved), "--db", str(db)]) == 0
    assert responses(db) == {"A1": "Thank you."}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_still_recognised_after_libreoffice_opens_and_saves_it(sent, db, tmp_path):
    typed = type_into(
        sent, {"A2": "Recovery plan attached.\n\nIn place by October.", "B14": "=SUM(1,2)"}
    )
    folder = tmp_path / "libreoffice"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(folder),
            str(typed),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = folder / typed.name
    ws = load_workbook(saved)["Responses"]
    assert ws.protection.sheet and not ws["E3"].protection.locked
    assert main(["responses-in", str(saved), "--db", str(db)]) == 0
    assert responses(db) == {
        "A2": "Recovery plan attached.\n\nIn place by October.",
        "B14": "=SUM(1,2)",
    }
