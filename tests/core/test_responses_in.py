"""``responses-in``: the provider's words recorded verbatim, or the whole file refused with
the database exactly as before; a recorded response never overwritten unasked."""

from __future__ import annotations

import dataclasses
import re
import shutil
import zipfile

from openpyxl import load_workbook
from openpyxl.packaging.custom import StringProperty

from challenge_app.cli import main
from challenge_app.export import export_appendices
from challenge_app.search import search
from challenge_app.store import Store
from challenge_app.store.backup import list_backups
from tests.core.responses_support import (
    PERIOD,
    build_meeting_db,
    request,
    responses,
    snapshot,
    type_into,
)
from tests.core.search_index_check import assert_index_in_step

TYPED = {
    "A1": "Thank you.",
    "B9": "Yes: the panel started in April.\n\nWe will report on it at Q2.",
    "A2": "=SUM(1,2)",
    "B14": "  Twelve, of whom _x0041_ three started in July – “apprentices”.  ",
    "C14": 42,
}
RECORDED = {
    "A1": "Thank you.",
    "B9": "Yes: the panel started in April.\n\nWe will report on it at Q2.",
    "A2": "=SUM(1,2)",
    "B14": "  Twelve, of whom _x0041_ three started in July – “apprentices”.  ",
    "C14": "42",
}


def responses_in(path, db, *extra) -> int:
    return main(["responses-in", str(path), "--db", str(db), *extra])


def record(db, code: str, text: str) -> None:
    store = Store.open(db)
    try:
        meeting = store.meetings.latest_for_period(PERIOD)
        challenge = store.meetings.challenge(meeting.id, code)
        store.meetings.save_challenge(dataclasses.replace(challenge, provider_response=text))
    finally:
        store.close()


def test_round_trip_records_every_response_verbatim(sent, db, capsys):
    type_into(sent, TYPED)
    assert responses_in(sent, db) == 0
    out = capsys.readouterr().out
    assert "5 new responses recorded" in out
    assert responses(db) == RECORDED


def understate_size(path, tmp_path):
    """The workbook as a program that writes a wrong <dimension> would save it."""
    out = tmp_path / "understated.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B2"', data)
            dst.writestr(item, data)
    return out


def test_every_row_is_read_whatever_size_the_sheet_declares(sent, db, tmp_path):
    type_into(sent, TYPED)
    assert responses_in(understate_size(sent, tmp_path), db) == 0
    assert responses(db) == RECORDED


def test_the_formula_typed_stays_text_in_the_appendices(sent, db, tmp_path):
    type_into(sent, TYPED)
    assert responses_in(sent, db) == 0
    store = Store.open(db)
    try:
        out = export_appendices(
            store, store.meetings.latest_for_period(PERIOD), tmp_path / "appendices.xlsx"
        ).path
    finally:
        store.close()
    wb = load_workbook(out)
    a2 = wb["Appendix 2"]
    cell = a2.cell(row=_measure_row(a2, "A2"), column=3)
    assert cell.data_type == "s"
    assert str(cell.value).startswith("=SUM(1,2)")
    a1 = wb["Appendix 1"]
    assert str(a1.cell(row=_measure_row(a1, "B9"), column=3).value).startswith(
        "Yes: the panel started in April.\n\nWe will report on it at Q2."
    )


def _measure_row(ws, code: str) -> int:
    """Appendix sheets name the measure in column A as "A2 <title>..."."""
    for row in range(2, ws.max_row + 1):
        if str(ws.cell(row=row, column=1).value).startswith(f"{code} "):
            return row
    raise AssertionError(f"{code} is not in {ws.title}")


def test_blank_responses_are_skipped(sent, db, capsys):
    type_into(sent, {"A1": "Noted.", "A2": "   "})
    assert responses_in(sent, db) == 0
    assert "4 left blank, skipped" in capsys.readouterr().out
    assert responses(db) == {"A1": "Noted."}


def test_the_same_workbook_twice_changes_nothing_the_second_time(sent, db, tmp_path, capsys):
    type_into(sent, TYPED)
    assert responses_in(sent, db) == 0
    before = snapshot(db, tmp_path)
    capsys.readouterr()
    assert responses_in(sent, db) == 0
    assert "0 new responses recorded" in capsys.readouterr().out
    assert snapshot(db, tmp_path) == before


def test_a_differing_recorded_response_is_kept_and_listed(sent, db, capsys):
    record(db, "A1", "Typed by the officer at the meeting.")
    type_into(sent, {"A1": "Thank you.", "B9": "Yes."})
    assert responses_in(sent, db) == 0
    out = capsys.readouterr().out
    assert "1 kept as recorded" in out and "--replace" in out
    assert (
        "A1 (row 2): recorded 'Typed by the officer at the meeting.'; returned 'Thank you.'" in out
    )
    assert responses(db) == {"A1": "Typed by the officer at the meeting.", "B9": "Yes."}
    assert list_backups(db) == []


def test_replace_takes_the_returned_response_after_a_backup(sent, db, capsys):
    record(db, "A1", "Typed by the officer at the meeting.")
    type_into(sent, {"A1": "Thank you."})
    assert responses_in(sent, db, "--replace") == 0
    out = capsys.readouterr().out
    assert "1 recorded responses replaced: A1" in out
    assert responses(db) == {"A1": "Thank you."}
    [backup] = list_backups(db)
    assert str(backup.path) in out
    assert responses(backup.path) == {"A1": "Typed by the officer at the meeting."}


# -- refusals: exit 2, a message saying where, the database exactly as before ----------


def refused(path, db, tmp_path, capsys, *extra) -> str:
    before = snapshot(db, tmp_path)
    capsys.readouterr()
    assert responses_in(path, db, *extra) == 2
    err = capsys.readouterr().err
    assert snapshot(db, tmp_path) == before
    return err


def test_a_workbook_that_is_not_a_response_workbook(db, tmp_path, capsys):
    other = tmp_path / "dataset.xlsx"
    wb = load_workbook(request(db, tmp_path / "x.xlsx"))
    for name in wb.custom_doc_props.names:
        del wb.custom_doc_props[name]
    wb.save(other)
    err = refused(other, db, tmp_path, capsys)
    assert "dataset.xlsx: this is not a response workbook from Challenge" in err


def test_csv_text_under_an_xlsx_name(db, tmp_path, capsys):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("Code,Trust Response\nA1,hello\n", encoding="utf-8")
    assert "CSV text with an .xlsx name" in refused(fake, db, tmp_path, capsys, "--replace")


def test_a_workbook_from_another_database_says_which_meeting_it_is_for(sent, tmp_path, capsys):
    colleague = build_meeting_db(tmp_path / "colleague.db")
    type_into(sent, {"A1": "Thank you."})
    err = refused(sent, colleague, tmp_path, capsys)
    assert "for the meeting '2016/17 Q1 - 02 Aug 2016 - Quarterly challenge meeting'" in err
    assert "another database" in err


def test_a_workbook_for_a_meeting_this_database_no_longer_has(sent, db, tmp_path, capsys):
    wb = load_workbook(sent)
    del wb.custom_doc_props["Challenge meeting id"]
    wb.custom_doc_props.append(StringProperty(name="Challenge meeting id", value="99"))
    wb.save(sent)
    err = refused(sent, db, tmp_path, capsys)
    assert "Quarterly challenge meeting', which is no longer in this database" in err


def test_a_code_the_meeting_does_not_have(sent, db, tmp_path, capsys):
    wb = load_workbook(sent)
    wb["Responses"]["A3"] = "Z99"
    wb["Responses"]["E3"] = "A response to nothing"
    wb["Responses"]["E2"] = "A good response"
    wb.save(sent)
    err = refused(sent, db, tmp_path, capsys)
    assert (
        "Responses Q1.xlsx, sheet 'Responses', row 3, column 'A (Code)': "
        "'Z99' is not a measure of this meeting" in err
    )


def test_council_text_changed_in_the_workbook(sent, db, tmp_path, capsys):
    type_into(sent, {"A2": "This answers a softer comment.", "A1": "Fine."})
    type_into(sent, {"A2": "Timeliness has improved."}, column=3)
    err = refused(sent, db, tmp_path, capsys)
    assert "sheet 'Responses', row 4, column 'C (DMBC Comment)': the DMBC comment for A2" in err


def test_questions_changed_in_the_workbook(sent, db, tmp_path, capsys):
    type_into(sent, {"B9": "Yes."})
    type_into(sent, {"B9": "Is it working?"}, column=4)
    err = refused(sent, db, tmp_path, capsys)
    assert "row 3, column 'D (Questions raised)': the questions for B9 are not" in err


def test_council_text_edited_in_the_program_after_sending(sent, db, tmp_path, capsys):
    store = Store.open(db)
    try:
        meeting = store.meetings.latest_for_period(PERIOD)
        challenge = store.meetings.challenge(meeting.id, "A1")
        store.meetings.save_challenge(dataclasses.replace(challenge, council_comment="Reworded."))
    finally:
        store.close()
    type_into(sent, {"A1": "Thanks."})
    assert "edited in Challenge after it was sent" in refused(sent, db, tmp_path, capsys)


def test_a_response_whose_code_was_removed(sent, db, tmp_path, capsys):
    wb = load_workbook(sent)
    wb["Responses"]["A2"] = None
    wb["Responses"]["E2"] = "Whose is this?"
    wb.save(sent)
    err = refused(sent, db, tmp_path, capsys)
    assert "row 2, column 'A (Code)': this row has a response but no measure code" in err


def test_a_renamed_responses_sheet(sent, db, tmp_path, capsys):
    wb = load_workbook(sent)
    wb["Responses"].title = "Answers"
    wb.save(sent)
    assert "has no 'Responses' sheet" in refused(sent, db, tmp_path, capsys)


def test_every_problem_is_listed_at_once(sent, db, tmp_path, capsys):
    type_into(sent, {"A1": "changed", "A2": "changed too"}, column=3)
    err = refused(sent, db, tmp_path, capsys)
    assert "row 2" in err and "row 4" in err


def test_a_missing_database_is_not_created(sent, tmp_path, capsys):
    missing = tmp_path / "missing.db"
    assert responses_in(sent, missing) == 2
    assert "no such database file" in capsys.readouterr().err
    assert not missing.exists()


def test_a_missing_workbook(db, tmp_path, capsys):
    assert "there is no such file" in refused(tmp_path / "none.xlsx", db, tmp_path, capsys)


def test_a_copy_of_the_database_is_the_same_database(sent, db, tmp_path):
    """A backup restored or a copy on another laptop keeps the identity."""
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    type_into(sent, {"A1": "Thank you."})
    assert responses_in(sent, copy) == 0
    assert responses(copy) == {"A1": "Thank you."}


def test_recorded_responses_are_found_by_search(sent, db):
    type_into(sent, TYPED)
    assert responses_in(sent, db) == 0
    store = Store.open(db)
    try:
        hits = {(h.code, h.field) for h in search(store, "twelve").hits}
        assert hits == {("B14", "provider_response")}
        assert_index_in_step(store)
    finally:
        store.close()
