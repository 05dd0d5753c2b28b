"""The blank import template: what it holds, that the shipped copy is current, and that a
template filled in by a provider imports."""

import openpyxl
import pytest

from challenge_app.errors import InputError
from challenge_app.imports import import_dataset, read_dataset
from challenge_app.imports.reader import COLUMNS
from challenge_app.imports.template import main, write_template
from challenge_app.models import Reading
from challenge_app.paths import resource


def content(path):
    """Everything an officer would see or rely on, comparable between two files."""
    wb = openpyxl.load_workbook(path)
    sheets = {}
    for ws in wb.worksheets:
        sheets[ws.title] = {
            "cells": [[c.value for c in row] for row in ws.iter_rows()],
            "validations": sorted(
                (str(v.sqref), v.type, v.formula1, v.errorStyle, v.allow_blank)
                for v in ws.data_validations.dataValidation
            ),
            "formats": {k: d.number_format for k, d in ws.column_dimensions.items()},
            "freeze": ws.freeze_panes,
        }
    return sheets


def test_the_template_has_the_header_lists_text_columns_and_instructions(tmp_path):
    path = write_template(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Dataset", "Instructions"]
    ws = wb["Dataset"]
    assert [c.value for c in ws[1]] == list(COLUMNS)
    assert ws.max_row == 1
    lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert lists == {
        "D2:D1048576": '"contract,volumetric"',
        "E2:E1048576": '"higher,lower"',
        "F2:F1048576": '"%,count,per 100000,weeks,days,£000s"',
    }
    assert {k: ws.column_dimensions[k].number_format for k in "AGJ"} == dict.fromkeys("AGJ", "@")
    guide = [row[0] for row in wb["Instructions"].iter_rows(values_only=True)]
    assert set(COLUMNS) <= set(guide)


def test_the_shipped_template_is_what_the_code_writes(tmp_path):
    shipped = resource("import-template.xlsx")
    assert shipped.exists(), "run: python -m challenge_app.imports.template " + str(shipped)
    assert content(shipped) == content(write_template(tmp_path / "fresh.xlsx"))


def test_the_blank_template_reports_no_data_rows(tmp_path):
    with pytest.raises(InputError, match="no data rows"):
        read_dataset(write_template(tmp_path / "blank.xlsx"))


def test_a_filled_in_template_imports(tmp_path, store):
    path = write_template(tmp_path / "filled.xlsx")
    wb = openpyxl.load_workbook(path)
    measure = ["A1", "Re-referrals", "Social Care Pathway", "contract", "lower", "%"]
    wb["Dataset"].append([*measure, "2016/17", 24, 28, "2016/17 Q1", "24%"])
    wb.save(path)
    plan = import_dataset(store, path)
    assert plan.describe() == "1 measure (1 new), 1 value (1 new), 1 target (1 new)"
    assert store.measures.readings() == [Reading("A1", "2016/17 Q1", 24.0)]


def test_the_module_writes_the_template_from_the_command_line(tmp_path, capsys):
    out = tmp_path / "cli.xlsx"
    assert main([str(out)]) == 0
    assert content(out) == content(write_template(tmp_path / "direct.xlsx"))
    assert main([]) == 2
    assert list(tmp_path.glob(".*")) == []  # no temporary file left behind
