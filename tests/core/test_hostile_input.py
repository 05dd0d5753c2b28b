"""Hostile and unlucky inputs on the command line (issue 11): each is refused with exit 2 and a
message naming file, row and column (or JSON path), or, for differing text in a pack,
kept and listed with exit 0; the database is the same before and after (its pack-export
is compared), and another program's SQLite file keeps its bytes."""

import copy
import json
import os
import sqlite3
import zipfile

import openpyxl
import pytest

from challenge_app.cli import main
from challenge_app.limits import MAX_INPUT_BYTES, MAX_UNPACKED_BYTES, unreadable
from challenge_app.store.backup import list_backups
from tests.core.test_pack_merge import doc

HEADER = "code,title,area,kind,polarity,unit,year,target,tolerance,period,value"
A1 = "A1,Re-referrals,Social Care Pathway,contract,lower,%,2016/17,24,28"


@pytest.fixture
def db(tmp_path):
    """A small Challenge database, filled from a pack."""
    pack = tmp_path / "seed.json"
    pack.write_text(json.dumps(doc()), encoding="utf-8")
    path = tmp_path / "challenge.db"
    assert main(["pack-import", str(pack), "--db", str(path)]) == 0
    return path


def exported(db, tmp_path) -> str:
    out = tmp_path / "check.json"
    assert main(["pack-export", "--db", str(db), "--out", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def refused(capsys, argv, *fragments) -> str:
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    for fragment in fragments:
        assert fragment in err
    return err


def refused_pack(tmp_path, db, capsys, text: str, *fragments) -> str:
    """Import ``text`` as p.json: refused with ``fragments`` and the database as it was."""
    before = exported(db, tmp_path)
    pack = tmp_path / "p.json"
    pack.write_text(text, encoding="utf-8")
    err = refused(capsys, ["pack-import", str(pack), "--db", str(db)], *fragments)
    assert exported(db, tmp_path) == before
    return err


def refused_csv(tmp_path, db, capsys, name: str, lines: list[str], *fragments) -> str:
    """Import ``lines`` as the CSV ``name``: refused with ``fragments``, database as it was."""
    before = exported(db, tmp_path)
    csv = tmp_path / name
    csv.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    err = refused(capsys, ["import", str(csv), "--db", str(db)], *fragments)
    assert exported(db, tmp_path) == before
    return err


def write_pack(path, document):
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# -- 1. a pack never empties or replaces recorded text without --replace ----------------------
def test_a_pack_carrying_only_code_and_placement_empties_nothing(tmp_path, db, capsys):
    before = exported(db, tmp_path)
    sparse = doc()
    sparse["meetings"][0]["challenges"][1] = {"code": "A2", "placement": "appendix2"}
    capsys.readouterr()
    assert main(["pack-import", str(write_pack(tmp_path / "p.json", sparse)), "--db", str(db)]) == 0
    assert exported(db, tmp_path) == before


def test_differing_text_is_kept_and_listed_by_meeting_and_code(tmp_path, db, capsys):
    before = exported(db, tmp_path)
    other = doc()
    other["meetings"][0]["challenges"][1]["council_comment"] = "Someone else's view."
    pack = write_pack(tmp_path / "p.json", other)
    capsys.readouterr()
    assert main(["pack-import", str(pack), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Kept as recorded here" in out
    assert "2016/17 Q1 - 02 Aug 2016 - Quarterly challenge meeting, A2: council comment" in out
    assert "1 meeting (1 unchanged)" in out
    assert exported(db, tmp_path) == before
    assert list_backups(db) == []


def test_replace_takes_the_pack_text_after_a_backup(tmp_path, db, capsys):
    other = doc()
    other["meetings"][0]["challenges"][1]["council_comment"] = "Someone else's view."
    pack = write_pack(tmp_path / "p.json", other)
    assert main(["pack-import", str(pack), "--db", str(db), "--replace"]) == 0
    assert "Replaced by the pack's text (a backup was taken first)" in capsys.readouterr().out
    assert '"council_comment": "Someone else\'s view."' in exported(db, tmp_path)
    assert len(list_backups(db)) == 1


# -- 2. numbers finite and within range -------------------------------------------------------
def test_a_400_digit_value_in_a_csv_is_refused_naming_row_and_column(tmp_path, db, capsys):
    err = refused_csv(
        tmp_path,
        db,
        capsys,
        "huge.csv",
        [f"{A1},2016/17 Q1,{'9' * 400}"],
        "huge.csv, row 2, column 'value'",
        "too large",
    )
    assert "9" * 60 not in err


@pytest.mark.parametrize(
    ("where", "number", "path"),
    [
        ("reading", "1e400", "readings[0].value"),
        ("reading", "1" + "0" * 400, "readings[0].value"),
        ("target", "-2e12", "measures[0].targets[0].target"),
    ],
)
def test_a_pack_number_out_of_range_is_refused_naming_its_path(
    tmp_path, db, capsys, where, number, path
):
    text = json.dumps(doc())
    if where == "reading":
        text = text.replace('"value": 24', f'"value": {number}', 1)
    else:
        text = text.replace('"target": 24', f'"target": {number}', 1)
    refused_pack(tmp_path, db, capsys, text, f"p.json: {path}: the number")


# -- 3. xlsx: every row, and no formula without its result ----------------------------------
def _workbook(path, rows):
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)


def _rewrite_sheet(path, change):
    with zipfile.ZipFile(path) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    name = "xl/worksheets/sheet1.xml"
    parts[name] = change(parts[name].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for n, data in parts.items():
            dst.writestr(n, data)


def test_an_understated_dimension_still_imports_every_row(tmp_path, capsys):
    book = tmp_path / "rows.xlsx"
    rows = [HEADER.split(",")]
    rows += [
        [*A1.split(","), f"2016-{m:02d}" if m > 3 else f"2017-{m:02d}", m] for m in range(1, 13)
    ]
    rows += [["A1", "", "", "", "", "", "", "", "", f"2015/16 Q{q}", q] for q in range(1, 5)]
    _workbook(book, rows)
    _rewrite_sheet(
        book, lambda xml: xml.replace('<dimension ref="A1:K17"/>', '<dimension ref="A1:C4"/>')
    )
    assert (
        '<dimension ref="A1:C4"/>'
        in zipfile.ZipFile(book).read("xl/worksheets/sheet1.xml").decode()
    )
    db = tmp_path / "c.db"
    assert main(["import", str(book), "--db", str(db)]) == 0
    assert "16 values (16 new)" in capsys.readouterr().out


def test_a_formula_without_a_saved_result_is_refused_naming_the_cell(tmp_path, db, capsys):
    before = exported(db, tmp_path)
    book = tmp_path / "formula.xlsx"
    _workbook(book, [HEADER.split(","), [*A1.split(","), "2016/17 Q1", "=20+4"]])
    refused(
        capsys,
        ["import", str(book), "--db", str(db)],
        "formula.xlsx, row 2, column 'K': cell K2 holds a formula whose result was never saved",
    )
    assert exported(db, tmp_path) == before


# -- 4. another program's SQLite file is refused untouched ---------------------------------
def make_foreign_sqlite(path, table: str):
    """Another application's SQLite file: one table of its own, one row."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute(f"INSERT INTO {table} (body) VALUES ('keep me')")
    conn.close()
    return path


@pytest.fixture
def foreign(tmp_path):
    return make_foreign_sqlite(tmp_path / "other-app.sqlite", "notes")


@pytest.mark.parametrize("command", ["import", "export", "pack-export", "pack-import"])
def test_another_programs_sqlite_file_is_refused_and_unchanged(tmp_path, foreign, capsys, command):
    csv = tmp_path / "ok.csv"
    csv.write_text(f"{HEADER}\n{A1},2016/17 Q1,24\n", encoding="utf-8")
    pack = write_pack(tmp_path / "ok.json", doc())
    argv = {
        "import": ["import", str(csv)],
        "export": ["export", "--period", "2016/17 Q1", "--out", str(tmp_path / "o.xlsx")],
        "pack-export": ["pack-export", "--out", str(tmp_path / "o.json")],
        "pack-import": ["pack-import", str(pack)],
    }[command]
    before = foreign.read_bytes()
    refused(
        capsys,
        [*argv, "--db", str(foreign)],
        "other-app.sqlite is not a Challenge database",
        "holds notes",
        "has not been changed",
    )
    assert foreign.read_bytes() == before
    assert not foreign.with_name(foreign.name + "-wal").exists()
    assert not (tmp_path / "o.json").exists() and not (tmp_path / "o.xlsx").exists()


def test_an_empty_file_becomes_a_challenge_database(tmp_path):
    empty = tmp_path / "new.db"
    empty.touch()
    assert (
        main(["pack-import", str(write_pack(tmp_path / "p.json", doc())), "--db", str(empty)]) == 0
    )
    assert "A2" in exported(empty, tmp_path)


# -- 5. bounds -----------------------------------------------------------------------------
def test_a_workbook_that_unpacks_past_the_limit_is_refused_before_reading(tmp_path, db, capsys):
    before = exported(db, tmp_path)
    bomb = tmp_path / "bomb.xlsx"
    _workbook(bomb, [HEADER.split(",")])
    chunk = bytes(1 << 20)
    with (
        zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as zf,
        zf.open("xl/media/padding.bin", "w", force_zip64=True) as part,
    ):
        for _ in range(MAX_UNPACKED_BYTES // len(chunk) + 1):
            part.write(chunk)
    assert bomb.stat().st_size < 2_000_000
    refused(
        capsys,
        ["import", str(bomb), "--db", str(db)],
        "bomb.xlsx: this workbook would unpack to 201 MB, more than the 200 MB",
    )
    assert exported(db, tmp_path) == before


@pytest.mark.parametrize("kind", ["link to /dev/zero", "fifo"])
@pytest.mark.parametrize("name", ["in.csv", "in.xlsx", "in.json"])
def test_a_file_that_is_not_a_regular_file_is_refused(tmp_path, db, capsys, kind, name):
    before = exported(db, tmp_path)
    path = tmp_path / name
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    command = "pack-import" if name.endswith(".json") else "import"
    refused(capsys, [command, str(path), "--db", str(db)], f"{name}: this is not an ordinary file")
    assert exported(db, tmp_path) == before


@pytest.mark.parametrize("name", ["big.csv", "big.json", "big.xlsx"])
def test_a_file_past_the_size_limit_is_refused_before_reading(tmp_path, db, capsys, name):
    before = exported(db, tmp_path)
    path = tmp_path / name
    with open(path, "wb") as f:  # sparse: costs no disk and is never read
        f.truncate(MAX_INPUT_BYTES + 1)
    command = "pack-import" if name.endswith(".json") else "import"
    refused(
        capsys,
        [command, str(path), "--db", str(db)],
        f"{name}: the file is 200 MB, more than the 200 MB this program reads",
    )
    assert exported(db, tmp_path) == before


# -- 6. malformed packs ---------------------------------------------------------------------
def test_a_repeated_key_is_refused_naming_it(tmp_path, db, capsys):
    text = json.dumps(doc())[:-1] + ', "meetings": []}'
    refused_pack(
        tmp_path, db, capsys, text, "p.json: meetings: the key 'meetings' appears more than once"
    )


def test_nesting_200000_deep_is_refused_naming_where(tmp_path, db, capsys):
    document = doc()
    document["meetings"][0]["challenges"][0]["questions"] = ["@"]
    text = json.dumps(document).replace('["@"]', "[" * 200_000 + "]" * 200_000)
    refused_pack(
        tmp_path,
        db,
        capsys,
        text,
        "p.json: meetings[0].challenges[0].questions[0][0][0]",
        "nested more than 20 levels deep",
    )


def test_an_unpaired_surrogate_is_refused_naming_the_field_not_echoing_it(tmp_path, db, capsys):
    document = doc()
    secret = "A long confidential note about the provider. " * 20
    document["meetings"][0]["challenges"][1]["meeting_notes"] = secret + "@"
    text = json.dumps(document).replace("@", "\\ud800")
    err = refused_pack(
        tmp_path,
        db,
        capsys,
        text,
        "p.json: meetings[0].challenges[1].meeting_notes: holds a broken character",
    )
    assert "confidential" not in err


def test_a_long_bad_value_is_quoted_short(tmp_path, db, capsys):
    document = doc()
    document["meetings"][0]["challenges"][1]["placement"] = "x" * 5000
    err = refused(
        capsys,
        ["pack-import", str(write_pack(tmp_path / "p.json", document)), "--db", str(db)],
        "meetings[0].challenges[1].placement",
    )
    assert "x" * 50 not in err


# -- 7. messages ----------------------------------------------------------------------------
def test_a_month_in_year_1_is_refused_at_validation_with_the_other_problems(tmp_path, db, capsys):
    refused_csv(
        tmp_path,
        db,
        capsys,
        "months.csv",
        [f"{A1},0001-01,24", f"{A1},2016-07,n/a"],
        "months.csv, row 2, column 'period': the year 1 is outside 1950 to 2150",
        "months.csv, row 3, column 'value': 'n/a' is not a number",
    )


def test_a_csv_field_past_the_csv_limit_names_its_row(tmp_path, db, capsys):
    err = refused_csv(
        tmp_path,
        db,
        capsys,
        "long.csv",
        [f"{A1},2016/17 Q1,24", f'{A1},"{"x" * 200_000}",24'],
        "long.csv, row 3: a cell holds more than 131,072 characters",
    )
    assert "field larger than field limit" not in err


def test_an_unreadable_file_is_not_blamed_on_another_program():
    denied = str(unreadable(PermissionError(13, "Permission denied"), "data.csv"))
    assert denied == "data.csv: the file cannot be read: you do not have permission to read it"
    sharing = PermissionError(13, "Permission denied")
    sharing.winerror = 32  # what Windows reports when Excel has the file open
    assert "open in another program" in str(unreadable(sharing, "data.csv"))


def test_a_pack_with_a_meeting_in_year_1_is_refused_with_its_path(tmp_path, db, capsys):
    document = copy.deepcopy(doc())
    document["meetings"][0]["date"] = "0001-01-01"
    refused(
        capsys,
        ["pack-import", str(write_pack(tmp_path / "p.json", document)), "--db", str(db)],
        "p.json: meetings[0].date: the year 1 is outside 1950 to 2150",
    )
