"""``challenge-app import``: exit status, the summary line, and a bad file never touching
the database (its bytes are compared before and after)."""

import zipfile
from datetime import datetime

import openpyxl
import pytest

from challenge_app.cli import main
from challenge_app.store import Store
from tests.conftest import Q1_CSV

HEADER = "code,title,area,kind,polarity,unit,year,target,tolerance,period,value"
A1 = "A1,Re-referrals,Social Care Pathway,contract,lower,%,2016/17,24,28"


def _csv(*lines):
    def make(path):
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    return make


def _xlsx(*rows):
    def make(path):
        wb = openpyxl.Workbook()
        for row in rows:
            wb.active.append(row)
        wb.save(path)

    return make


def _bytes(data):
    def make(path):
        path.write_bytes(data)

    return make


def _truncated_workbook(path):
    _xlsx(HEADER.split(","), ["A1", "T", "Area", "contract", "lower", "%"])(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _workbook_missing_its_sheet(path):
    _xlsx(HEADER.split(","))(path)
    with zipfile.ZipFile(path) as src:
        parts = {n: src.read(n) for n in src.namelist() if "worksheets/sheet1" not in n}
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)


#: (file name, how to make it, fragments the message must contain)
MALFORMED = [
    ("value.csv", _csv(HEADER, A1 + ",2016/17 Q1,24", A1 + ",2016-07,n/a"),
     ["value.csv, row 3, column 'value'", "'n/a' is not a number"]),
    ("polarity.csv", _csv(HEADER, A1.replace("lower", "sideways") + ",2016/17 Q1,24"),
     ["row 2, column 'polarity'", "expected higher or lower"]),
    ("quarter.csv", _csv(HEADER, A1 + ",2016/17 Q5,24"),
     ["row 2, column 'period'", "quarters run Q1 to Q4"]),
    ("year.csv", _csv(HEADER, A1.replace("2016/17", "2016/18") + ",2016/17 Q1,24"),
     ["row 2, column 'year'", "2016 must be followed by 17"]),
    ("target.csv", _csv(HEADER, A1.replace("2016/17", "") + ",2016/17 Q1,24"),
     ["row 2, column 'year'", "needs the financial year"]),
    ("blank-code.csv", _csv(HEADER, A1 + ",2016/17 Q1,24", "," + A1[3:] + ",2016-07,24"),
     ["row 3, column 'code'", "needs the measure's code"]),
    ("duplicate.csv", _csv(HEADER, A1 + ",2016/17 Q1,24", "", A1 + ",2016/17 Q1,25"),
     ["row 4, column 'value'", "already has the value 24 at row 2"]),
    ("Header.csv", _csv("Code,Title,Area,Kind,Polarity,Unit,Year,Target,Tolerance,Period",
                        A1 + ",2016/17 Q1"),
     ["Header.csv, row 1", "no 'value' column"]),
    ("new.csv", _csv(HEADER, "Z9,,Area,contract,lower,%,,,,2016/17 Q1,1"),
     ["row 2, column 'title'", "Z9 is a new measure: give its title"]),
    ("contract.csv", _csv(HEADER, "Z9,Title,Area,contract,,%,,,,2016/17 Q1,1"),
     ["row 2, column 'polarity'", "needs a polarity"]),
    ("sheet.xlsx", _xlsx(HEADER.split(","), ["A1", "T", "Area", "contract", "lower", "%",
                                             datetime(2016, 12, 1), 24, 28, "2016/17 Q1", 24]),
     ["sheet.xlsx, row 2, column 'year (G)'", "Excel has turned this cell into a date"]),
    ("semicolons.csv", _csv(HEADER.replace(",", ";"), A1.replace(",", ";")),
     ["semicolons.csv, row 1", "separated by semicolons"]),
    ("utf16.csv", _bytes(b"\xff\xfec\x00o"), ["utf16.csv", "UTF-16 text file is damaged"]),
    ("empty.csv", _bytes(b""), ["empty.csv", "the file is empty"]),
    ("blank-lines.csv", _bytes(b"\n\n  \n"), ["blank-lines.csv", "the file is empty"]),
    ("header-only.csv", _csv(HEADER, ",,,"), ["header-only.csv, row 1", "no data rows"]),
    ("header-only.xlsx", _xlsx(HEADER.split(",")), ["header-only.xlsx, row 1", "no data rows"]),
    ("really-csv.xlsx", _csv(HEADER, A1 + ",2016/17 Q1,24"),
     ["really-csv.xlsx", "CSV text with an .xlsx name", "rename it to .csv"]),
    ("really-xlsx.csv", _xlsx(HEADER.split(",")), ["really-xlsx.csv", "not CSV text"]),
    ("truncated.xlsx", _truncated_workbook, ["truncated.xlsx", "cannot be read"]),
    ("no-sheet.xlsx", _workbook_missing_its_sheet, ["no-sheet.xlsx", "damaged"]),
    ("old.xls", _bytes(b"\xd0\xcf\x11\xe0rest"), ["old.xls", "'.xls' files cannot be imported"]),
    ("notes.txt", _csv(HEADER), ["notes.txt", "save the provider's dataset as .csv or .xlsx"]),
    ("missing.csv", None, ["missing.csv", "there is no such file"]),
]  # fmt: skip


@pytest.fixture
def filled_db(tmp_path):
    """A database holding the real quarter, closed (WAL checkpointed) so its bytes are final."""
    path = tmp_path / "filled.db"
    store = Store.open(path)
    from challenge_app.imports import import_dataset

    import_dataset(store, Q1_CSV)
    store.close()
    assert not path.with_name("filled.db-wal").exists()
    return path


@pytest.mark.parametrize("name, make, fragments", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_a_malformed_file_exits_2_names_the_place_and_leaves_the_database_alone(
    tmp_path, filled_db, capsys, name, make, fragments
):
    path = tmp_path / name
    if make is not None:
        make(path)
    before = filled_db.read_bytes()
    assert main(["import", str(path), "--db", str(filled_db)]) == 2
    err = capsys.readouterr().err
    for fragment in fragments:
        assert fragment in err
    assert not filled_db.with_name("filled.db-wal").exists()
    assert filled_db.read_bytes() == before


def test_a_bad_file_does_not_create_the_database(tmp_path, capsys):
    db = tmp_path / "new.db"
    bad = tmp_path / "bad.csv"
    _csv(HEADER, A1 + ",2016/17 Q1,lots")(bad)
    assert main(["import", str(bad), "--db", str(db)]) == 2
    assert not db.exists()


def test_import_prints_what_changed_then_no_changes(tmp_path, capsys):
    db = tmp_path / "c.db"
    assert main(["import", str(Q1_CSV), "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == (
        "Imported q1-2016-17.csv: 13 measures (13 new), 26 values (26 new), 13 targets (13 new)"
    )
    assert err == ""  # progress stays quiet when the output is not a terminal
    assert main(["--db", str(db), "import", str(Q1_CSV)]) == 0
    assert capsys.readouterr().out.startswith("No changes")


def test_import_needs_a_database(capsys):
    assert main(["import", str(Q1_CSV)]) == 2
    assert "--db" in capsys.readouterr().err


def test_a_file_wrong_on_every_row_lists_the_first_fifty_and_a_count(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    _csv(HEADER, *[A1 + f",2016/17 Q1,x{i}" for i in range(80)])(bad)
    assert main(["import", str(bad), "--db", str(tmp_path / "c.db")]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 51
    assert "row 51, column 'value'" in lines[49]
    assert lines[50] == "... and 30 more problems; nothing was imported"
