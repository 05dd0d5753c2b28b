"""The blank import template an officer can send to the provider.

A template that prevents mistakes is worth more than a validator that reports
them, so the data sheet has drop-down lists for kind, polarity and unit, and
the code, year and period columns are formatted as Text so that Excel does not
turn ``2016-07`` into a date or ``2016/17`` into anything else. A second sheet
explains every column.

The shipped copy is ``resources/import-template.xlsx``, written by this module::

    python -m challenge_app.imports.template resources/import-template.xlsx

(a test checks the shipped file says what this module writes).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from challenge_app.imports.reader import COLUMNS
from challenge_app.models import CONTRACT, HIGHER, LOWER, VOLUMETRIC

DATA_SHEET = "Dataset"
INSTRUCTIONS_SHEET = "Instructions"
VALIDATED_ROWS = 1_048_576  # every row Excel has
KINDS = (CONTRACT, VOLUMETRIC)
POLARITIES = (HIGHER, LOWER)
UNITS = ("%", "count", "per 100000", "weeks", "days", "£000s")
TEXT_COLUMNS = ("code", "year", "period")
WIDTHS = {"code": 10, "title": 48, "area": 26, "unit": 12, "year": 10, "period": 12}

#: (column, required?, what to write, example) -- the instructions sheet's table
GUIDE = (
    ("code", "yes", "The measure's code, as the contract writes it.", "A1"),
    ("title", "new measures", "The measure's name.", "Re-referrals in the last 12 months"),
    ("area", "new measures", "The service area the measure belongs to.", "Social Care Pathway"),
    ("kind", "new measures", "contract (RAG-rated) or volumetric (context only).", CONTRACT),
    ("polarity", "contract measures", "higher or lower: which way is better.", LOWER),
    ("unit", "no", "%, count, per 100000, weeks, days or £000s.", "%"),
    ("year", "with a target", "The financial year of the target, April to March.", "2016/17"),
    ("target", "no", "The target for that year; empty for none.", "24"),
    ("tolerance", "no", "The tolerance for that year; empty for none.", "28"),
    ("period", "with a value", "A quarter (2016/17 Q1) or a month (2016-07).", "2016/17 Q1"),
    ("value", "no", "The figure; 24%, 87.7 and 1,843 are all fine. Empty: no figure.", "24"),
)

NOTES = (
    "Import template for a provider's performance dataset",
    "",
    "Fill in the Dataset sheet: one row per measure and period. Keep the header row; "
    "the columns may be in any order.",
    "A measure's title, area, kind, polarity and unit may be repeated on every row or "
    "given on one row only; when rows differ, the last one counts.",
    "Give a measure's target and tolerance on any row of that measure, with the year "
    "they apply to.",
    "Importing the same file twice changes nothing; a corrected figure replaces the old one.",
    "Nothing is imported until every row is correct: the program lists each problem with "
    "its row and column.",
)


def _list_validation(values: tuple[str, ...], column: str, strict: bool):
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(values) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if strict else "warning",
        errorTitle=f"Check the {column}",
        error=f"The {column} is one of: {', '.join(values)}.",
        showInputMessage=True,
        promptTitle=column.capitalize(),
        prompt=f"One of: {', '.join(values)}.",
    )
    return validation


def build_template():
    """The template workbook (an ``openpyxl.Workbook``), not yet saved."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    letters = {name: get_column_letter(i) for i, name in enumerate(COLUMNS, start=1)}
    for name, letter in letters.items():
        ws.column_dimensions[letter].width = WIDTHS.get(name, 11)
        if name in TEXT_COLUMNS:
            ws.column_dimensions[letter].number_format = "@"
    for values, column, strict in (
        (KINDS, "kind", True),
        (POLARITIES, "polarity", True),
        (UNITS, "unit", False),
    ):
        validation = _list_validation(values, column, strict)
        validation.add(f"{letters[column]}2:{letters[column]}{VALIDATED_ROWS}")
        ws.add_data_validation(validation)

    guide = wb.create_sheet(INSTRUCTIONS_SHEET)
    for line in NOTES:
        guide.append([line])
    guide["A1"].font = Font(bold=True, size=14)
    guide.append([])
    guide.append(["Column", "Required", "What to write", "Example"])
    for cell in guide[guide.max_row]:
        cell.font = Font(bold=True)
    for row in GUIDE:
        guide.append(list(row))
    for letter, width in zip("ABCD", (12, 18, 70, 36), strict=True):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=len(NOTES) + 2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return wb


def write_template(path: Path | str) -> Path:
    """Save the blank template at ``path``, through a temporary file renamed into place."""
    path = Path(path)
    fd, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        build_template().save(temp)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m challenge_app.imports.template OUT.xlsx", file=sys.stderr)
        return 2
    print(write_template(args[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
