"""Importing provider datasets into a real database: the real quarter, re-imports,
corrections, the tolerant forms a real file brings, and the plan the preview shows."""

import csv
from datetime import datetime

import openpyxl
import pytest

from challenge_app.board import build_board
from challenge_app.errors import InputError
from challenge_app.imports import import_dataset, make_plan, read_dataset
from challenge_app.models import Measure, Reading, Target
from challenge_app.periods import Quarter
from challenge_app.rag import Status
from tests.conftest import Q1_CSV

HEADER = "code,title,area,kind,polarity,unit,year,target,tolerance,period,value"
A1 = "A1,Re-referrals,Social Care Pathway,contract,lower,%,2016/17,24,28"


def write_csv(tmp_path, *lines, name="data.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def csv_to_xlsx(source, target):
    """The fixture as Excel would hold it once the provider had typed it in."""
    wb = openpyxl.Workbook()
    ws = wb.active
    with open(source, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    ws.append(rows[0])
    for row in rows[1:]:
        cells = []
        for name, text in zip(rows[0], row, strict=True):
            if name in ("target", "tolerance", "value") and text:
                cells.append(float(text))
            elif name == "period" and "-" in text:
                cells.append(datetime(int(text[:4]), int(text[5:]), 1))  # Excel's doing
            else:
                cells.append(text or None)
        ws.append(cells)
    wb.save(target)
    return target


def q1_board(store):
    return {row.code: row for row in build_board(store, Quarter(2016, 1))}


def test_the_real_quarter_imports_and_rates_as_the_report_did(store):
    plan = import_dataset(store, Q1_CSV)
    assert plan.summary() == (
        "Imported q1-2016-17.csv: 13 measures (13 new), 26 values (26 new), 13 targets (13 new)"
    )
    assert store.measures.get("A1") == Measure(
        "A1", "Re-referrals in the last 12 months", "Social Care Pathway", "contract", "lower", "%"
    )
    assert store.measures.get("E1").polarity is None
    assert store.measures.get("E1").kind == "volumetric"
    assert store.measures.targets_for("E1") == [Target("2016/17", None, None)]
    assert store.measures.targets_for("F03") == [Target("2016/17", 0.42, 0.75)]
    assert Reading("B13", "2016/17 Q1", 87.7) in store.measures.readings_for("B13")
    assert Reading("A09", "2016-07", 0.0) in store.measures.readings_for("A09")
    board = q1_board(store)
    statuses = {code: row.status for code, row in board.items()}
    assert statuses["A1"] is Status.GREEN
    assert statuses["A2"] is Status.RED
    assert statuses["E1"] is Status.NONE
    assert statuses["F03"] is Status.GREEN
    assert board["A3"].latest_value == 90


def test_the_same_quarter_from_an_excel_workbook_gives_the_same_database(tmp_path, store):
    workbook = csv_to_xlsx(Q1_CSV, tmp_path / "q1.xlsx")
    plan = import_dataset(store, workbook)
    assert plan.describe() == "13 measures (13 new), 26 values (26 new), 13 targets (13 new)"
    from challenge_app.store import Store

    other = Store.open(tmp_path / "from-csv.db")
    import_dataset(other, Q1_CSV)
    assert store.measures.all() == other.measures.all()
    assert store.measures.readings() == other.measures.readings()
    assert store.measures.targets() == other.measures.targets()
    other.close()


def test_reimporting_the_same_file_changes_nothing(store, db_path):
    import_dataset(store, Q1_CSV)
    before = store.db.execute("SELECT total_changes()").fetchone()[0]
    plan = import_dataset(store, Q1_CSV)
    assert plan.is_empty
    assert plan.summary().startswith("No changes")
    assert "13 measures, 26 values, 13 targets" in plan.summary()
    assert store.db.execute("SELECT total_changes()").fetchone()[0] == before


def test_a_corrected_value_replaces_the_old_one_and_nothing_else(tmp_path, store):
    import_dataset(store, Q1_CSV)
    corrected = Q1_CSV.read_text(encoding="utf-8").replace(
        "2016/17,92,90,2016/17 Q1,88", "2016/17,92,90,2016/17 Q1,89"
    )
    path = write_csv(tmp_path, corrected.rstrip("\n"), name="corrected.csv")
    plan = make_plan(store, read_dataset(path))
    assert [(v.code, str(v.period), v.old, v.new) for v in plan.values] == [
        ("A2", "2016/17 Q1", 88.0, 89.0)
    ]
    assert plan.measures == [] and plan.targets == []
    import_dataset(store, path)
    assert Reading("A2", "2016/17 Q1", 89.0) in store.measures.readings_for("A2")
    assert len(store.measures.readings()) == 26


def test_a_changed_target_is_planned_as_a_change(tmp_path, store):
    import_dataset(store, Q1_CSV)
    path = write_csv(tmp_path, HEADER, A1.replace("24,28", "22,26") + ",2016/17 Q1,24")
    plan = make_plan(store, read_dataset(path))
    assert [(t.code, t.old, t.new) for t in plan.targets] == [
        ("A1", Target("2016/17", 24, 28), Target("2016/17", 22, 26))
    ]
    assert plan.describe() == "1 measure (1 changed), 1 value (1 unchanged), 1 target (1 changed)"


def test_header_any_case_and_order_with_a_bom_blank_lines_and_extra_columns(tmp_path, store):
    path = write_csv(
        tmp_path,
        "Value, PERIOD ,Code,Title,Area,Kind,Polarity,Unit,Year,Target,Tolerance,Notes",
        "",
        '"1,843",2016/17 Q1,E1,Contacts,Social Care Pathway,volumetric,,count,2016/17,,,x',
        "",
        "24%,Q1 2016/17,A1,Re-referrals,Social Care Pathway,Contract,LOWER,%,2016/17,24,28,",
        encoding="utf-8-sig",
    )
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    dataset = read_dataset(path)
    assert dataset.ignored_columns == ["Notes"]
    import_dataset(store, path)
    assert Reading("E1", "2016/17 Q1", 1843.0) in store.measures.readings()
    assert Reading("A1", "2016/17 Q1", 24.0) in store.measures.readings()
    assert store.measures.get("A1").kind == "contract"


def test_an_excel_csv_in_windows_1252_keeps_its_pound_sign(tmp_path, store):
    path = write_csv(
        tmp_path,
        HEADER,
        "G1,Spend,Finance,contract,lower,£000s,2016/17,100,110,2016/17 Q1,£95",
        encoding="cp1252",
    )
    import_dataset(store, path)
    assert store.measures.get("G1").unit == "£000s"
    assert Reading("G1", "2016/17 Q1", 95.0) in store.measures.readings()


def test_a_utf16_csv_with_its_bom_is_read(tmp_path, store):
    path = tmp_path / "unicode.csv"
    path.write_bytes(("\n".join([HEADER, A1 + ",2016/17 Q1,24"]) + "\n").encode("utf-16"))
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    import_dataset(store, path)
    assert store.measures.readings() == [Reading("A1", "2016/17 Q1", 24.0)]


def test_last_row_wins_for_attributes_and_blank_cells_mean_not_given(tmp_path, store):
    path = write_csv(
        tmp_path,
        HEADER,
        "A1,Old title,Old area,contract,higher,count,,,,2016/17 Q1,24",
        "A1,,,,,,2016/17,24,28,2016-07,25",
        "A1,Re-referrals,Social Care Pathway,,lower,%,,,,,",
    )
    import_dataset(store, path)
    assert store.measures.get("A1") == Measure(
        "A1", "Re-referrals", "Social Care Pathway", "contract", "lower", "%"
    )
    assert store.measures.targets_for("A1") == [Target("2016/17", 24, 28)]
    assert len(store.measures.readings_for("A1")) == 2


def test_a_file_of_values_only_updates_known_measures(tmp_path, store):
    import_dataset(store, Q1_CSV)
    path = write_csv(tmp_path, HEADER, "A1,,,,,,,,,2016-08,23", "A1,,,,,,,,,2016-09,")
    plan = import_dataset(store, path)
    assert plan.describe() == "1 measure (1 unchanged), 1 value (1 new), 0 targets"
    assert store.measures.get("A1").title == "Re-referrals in the last 12 months"
    assert Reading("A1", "2016-08", 23.0) in store.measures.readings_for("A1")
    assert "2016-09" not in {r.period for r in store.measures.readings_for("A1")}


def test_identical_duplicate_rows_are_harmless(tmp_path, store):
    path = write_csv(tmp_path, HEADER, A1 + ",2016/17 Q1,24", A1 + ",2016/17 Q1,24")
    assert import_dataset(store, path).describe() == (
        "1 measure (1 new), 1 value (1 new), 1 target (1 new)"
    )


def test_code_typed_as_a_number_and_percent_formatted_cells_in_a_workbook(tmp_path, store):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    measure = [101, "Visits", "Children in Care", "contract", "higher", "%"]
    ws.append([*measure, "2016/17", 0.9, 0.85, "2016/17 Q1", 0.87])
    for cell in ("H2", "I2", "K2"):
        ws[cell].number_format = "0%"
    path = tmp_path / "numbers.xlsx"
    wb.save(path)
    import_dataset(store, path)
    assert store.measures.get("101").title == "Visits"
    assert store.measures.targets_for("101") == [Target("2016/17", 90.0, 85.0)]
    assert Reading("101", "2016/17 Q1", 87.0) in store.measures.readings()


def test_every_invalid_row_is_reported_at_once_and_nothing_is_written(tmp_path, store):
    path = write_csv(
        tmp_path,
        HEADER,
        A1 + ",2016/17 Q1,24",
        A1 + ",2016/17 Q5,24",
        "A2,Timeliness,Social Care Pathway,contract,sideways,%,2016/17,92,90,2016-07,lots",
        A1 + ",2016/17 Q1,25",
    )
    with pytest.raises(InputError) as caught:
        import_dataset(store, path)
    where = [(p.row, p.column) for p in caught.value.problems]
    assert where == [(3, "period"), (4, "polarity"), (4, "value"), (5, "value")]
    assert "already has the value 24 at row 2" in str(caught.value)
    assert store.measures.all() == []


def test_problems_in_a_workbook_name_the_column_letter(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    year_as_date = datetime(2016, 12, 1)
    ws.append(["A1", "T", "Area", "contract", "lower", "%", year_as_date, 24, 28, "2016/17 Q1", 24])
    path = tmp_path / "dates.xlsx"
    wb.save(path)
    with pytest.raises(InputError) as caught:
        read_dataset(path)
    assert str(caught.value) == (
        "dates.xlsx, row 2, column 'year (G)': Excel has turned this cell into a date "
        "(01 Dec 2016); write the financial year as text, e.g. 2016/17, in a cell formatted "
        "as Text"
    )


def test_new_measure_without_title_or_polarity_is_refused_at_planning(tmp_path, store):
    path = write_csv(
        tmp_path,
        HEADER,
        "Z1,,Area,contract,lower,%,,,,2016/17 Q1,1",
        "Z2,Title,Area,contract,,%,,,,2016/17 Q1,1",
    )
    dataset = read_dataset(path)
    with pytest.raises(InputError) as caught:
        make_plan(store, dataset)
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "title"), (3, "polarity")]
    assert store.measures.all() == []


def test_positions_are_the_sheets_own_when_the_table_does_not_start_at_a1(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for column, heading in enumerate(HEADER.split(","), start=2):
        ws.cell(3, column, heading)
    row = ["A1", "T", "Area", "contract", "lower", "%", "2016/17", 24, 28, "2016/17 Q1", "x"]
    for column, value in enumerate(row, start=2):
        ws.cell(5, column, value)
    path = tmp_path / "offset.xlsx"
    wb.save(path)
    with pytest.raises(InputError) as caught:
        read_dataset(path)
    assert [(p.row, p.column) for p in caught.value.problems] == [(5, "value (L)")]
