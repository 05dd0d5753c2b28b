"""Reading a provider's dataset file into rows of cells that know where they came from.

Officers get these files by email from the provider and open them in Excel, so
every position we report is the one Excel shows: the row number in the sheet
(blank lines count, the header is usually row 1) and the column's heading as
written in the file (plus its letter for a workbook).

What this module decides, and why:

* ``.csv`` is read as UTF-8 (with or without a BOM); if it is not UTF-8 it is
  read as Windows-1252, because "CSV (Comma delimited)" saved by Excel on
  Windows is exactly that, and a £ sign must not stop an import. A UTF-16 file
  (with its BOM, as Excel's "Unicode Text" writes) is read as UTF-16.
* ``.xlsx`` / ``.xlsm``: the first sheet. A number shown with a percentage
  format is read as the officer sees it (a cell showing 24% gives 24, not 0.24).
  Dates stay dates; the validator decides what a date means in each column.
  Every row the sheet holds is read, whatever its ``<dimension>`` claims, and a
  formula whose result was never saved is refused naming the cell
  (``workbook_checks``), as is a workbook too large once unpacked.
* Only ordinary files up to ``limits.MAX_INPUT_BYTES`` are read; a device, a
  pipe or a link to ``/dev/zero`` is refused before it is opened.
* The header is the first non-blank row. Header names are matched ignoring case,
  surrounding spaces and repeated spaces; column order is free. Columns we do not
  know are ignored (and listed, so the preview can say so).
* Everything that stops us reading at all -- no such file, an unknown extension,
  an empty file, a header without data, a workbook that is really CSV text or is
  damaged, missing or repeated columns -- is an ``InputError`` naming the file.
"""

from __future__ import annotations

import contextlib
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from challenge_app.errors import InputError, Problem
from challenge_app.limits import check_input_file, read_input_file, unreadable

COLUMNS = (
    "code", "title", "area", "kind", "polarity", "unit",
    "year", "target", "tolerance", "period", "value",
)  # fmt: skip
CSV_SUFFIXES = (".csv",)
XLSX_SUFFIXES = (".xlsx", ".xlsm")
SUPPORTED = CSV_SUFFIXES + XLSX_SUFFIXES
_ZIP_SIGNATURE = b"PK\x03\x04"
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # old .xls, or an .xlsx protected with a password

if TYPE_CHECKING:
    from openpyxl import Workbook

Cells = tuple[object, ...]


@dataclass(frozen=True)
class Column:
    """One known column: its template name, its heading as the file writes it, its position."""

    name: str
    label: str
    index: int


@dataclass
class Sheet:
    """The data rows of a dataset file, with the header already understood.

    ``rows`` yields ``(row_number, cells)`` for every non-blank data row;
    ``total`` is how many rows the file appears to hold (for progress; 0 if unknown).
    """

    file: Path
    header_row: int
    columns: dict[str, Column]
    rows: Iterator[tuple[int, Cells]]
    total: int = 0
    ignored: list[str] = field(default_factory=list)

    def cell(self, cells: Cells, name: str) -> object:
        index = self.columns[name].index
        return cells[index] if index < len(cells) else None


def normalise_heading(value: object) -> str:
    return " ".join(str(value).split()).lower() if value is not None else ""


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def column_letter(index: int) -> str:
    """The spreadsheet letter of the column at 0-based ``index`` (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _understand_header(
    path: Path, row_number: int, cells: Cells, with_letters: bool
) -> tuple[dict[str, Column], list[str]]:
    """Map template names to positions; every missing or repeated column is a problem."""
    found: dict[str, Column] = {}
    ignored: list[str] = []
    problems: list[Problem] = []
    for index, raw in enumerate(cells):
        name = normalise_heading(raw)
        if not name:
            continue
        label = str(raw).strip()
        if with_letters:
            label = f"{label} ({column_letter(index)})"
        if name not in COLUMNS:
            ignored.append(label)
        elif name in found:
            problems.append(
                Problem(
                    f"the column '{name}' appears twice (also as '{found[name].label}'); keep one",
                    str(path),
                    row_number,
                    label,
                )
            )
        else:
            found[name] = Column(name, label, index)
    for name in COLUMNS:
        if name not in found:
            problems.append(
                Problem(
                    f"the header has no '{name}' column; the template's columns are "
                    f"{', '.join(COLUMNS)}",
                    str(path),
                    row_number,
                )
            )
    if problems:
        if len(found) <= 1 and len(cells) == 1 and any(sep in str(cells[0]) for sep in ";\t"):
            problems.insert(
                0,
                Problem(
                    "the header is one column: the file seems to be separated by semicolons "
                    "or tabs; save it as CSV with commas",
                    str(path),
                    row_number,
                ),
            )
        raise InputError(problems)
    return found, ignored


def _non_blank(rows: Iterator[Cells], first_row: int = 1) -> Iterator[tuple[int, Cells]]:
    for number, cells in enumerate(rows, start=first_row):
        if not all(is_blank(c) for c in cells):
            yield number, cells


def _start(path: Path, rows: Iterator[tuple[int, Cells]], total: int, with_letters: bool) -> Sheet:
    """Find the header, and make sure at least one data row follows it."""
    first = next(rows, None)
    if first is None:
        raise InputError(
            Problem(f"the file is empty; expected a header row ({', '.join(COLUMNS)})", str(path))
        )
    header_row, header = first
    columns, ignored = _understand_header(path, header_row, header, with_letters)
    data = next(rows, None)
    if data is None:
        raise InputError(
            Problem("the file has a header row but no data rows", str(path), header_row)
        )

    def all_rows() -> Iterator[tuple[int, Cells]]:
        yield data
        yield from rows

    return Sheet(path, header_row, columns, all_rows(), total, ignored)


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text" is UTF-16
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                Problem("this UTF-16 text file is damaged and cannot be read", str(path))
            ) from exc
    if raw.startswith(_ZIP_SIGNATURE) or raw.startswith(_OLE_SIGNATURE) or b"\x00" in raw[:4096]:
        raise InputError(
            Problem(
                "this is not CSV text (it looks like an Excel workbook); "
                "give it the .xlsx extension, or save it from Excel as CSV",
                str(path),
            )
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _csv_records(path: Path, text: str) -> list[Cells]:
    """Every record of the CSV text; a record the csv module cannot read is named by its row."""
    records: list[Cells] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        try:
            record = next(reader, None)
        except csv.Error as exc:
            row = len(records) + 1
            if "field limit" in str(exc):
                message = (
                    f"a cell holds more than {csv.field_size_limit():,} characters, far more "
                    "than a dataset cell should; is the file damaged, or is a quote mark "
                    "left unclosed on this row?"
                )
            else:
                message = f"this row cannot be read as CSV ({exc})"
            raise InputError(Problem(message, str(path), row)) from None
        if record is None:
            return records
        records.append(tuple(record))


def _open_csv(path: Path) -> Sheet:
    text = _decode(path, read_input_file(path))
    total = text.count("\n") + 1
    records = _csv_records(path, text)
    return _start(path, _non_blank(iter(records)), total, with_letters=False)


def _percent_aware(cell: object) -> object:
    """The value as the officer sees it: 0.24 shown as 24% is 24."""
    value = getattr(cell, "value", None)
    fmt = getattr(cell, "number_format", None)
    if isinstance(value, int | float) and not isinstance(value, bool) and fmt and "%" in fmt:
        return round(value * 100, 10)
    return value


def _workbook_rows(path: Path, ws) -> Iterator[Cells]:
    try:
        for row in ws.iter_rows():
            yield tuple(_percent_aware(c) for c in row)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError) as exc:
        # A truncated or hand-edited workbook fails only when its rows are read.
        raise InputError(
            Problem(f"this Excel workbook is damaged and cannot be read ({exc})", str(path))
        ) from exc


def _refuse_non_workbook(path: Path) -> None:
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError as exc:
        raise unreadable(exc, path) from exc
    if head.startswith(_ZIP_SIGNATURE):
        return
    if head.startswith(_OLE_SIGNATURE):
        message = (
            "this is an old-style Excel file (.xls) or a workbook protected with a password; "
            "open it in Excel and save it as an unprotected .xlsx"
        )
    elif head and b"\x00" not in head and (b"," in head or b"\n" in head):
        message = (
            "this is CSV text with an .xlsx name, not an Excel workbook; "
            "rename it to .csv (or save it from Excel as .xlsx)"
        )
    elif not head:
        message = "the file is empty; expected an Excel workbook with a header row"
    else:
        message = "this is not an Excel workbook (.xlsx); it may be damaged"
    raise InputError(Problem(message, str(path)))


@contextlib.contextmanager
def open_workbook(path: Path, *, data_only: bool = True) -> Iterator[Workbook]:
    """A workbook opened read-only, after the checks every workbook we read gets.

    Refuses what is not an .xlsx at all (old .xls, CSV text under an .xlsx
    name, an empty or damaged file) or would unpack too large, with an
    ``InputError`` naming the file. ``data_only=True`` reads each formula's
    saved result, so a workbook whose formulas were never calculated is
    refused (``workbook_checks``); ``data_only=False`` gives a formula as the
    text typed ("=SUM(1,2)"): what a provider wrote, not what it came to.
    Shared by the dataset import and the response workbook.
    """
    import openpyxl  # only when a workbook is read: it is slow to import

    from challenge_app.imports.workbook_checks import check_workbook

    _refuse_non_workbook(path)
    check_workbook(str(path), formulas=data_only)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputError(
            Problem(f"this Excel workbook cannot be read; it may be damaged ({exc})", str(path))
        ) from exc
    try:
        yield wb
    finally:
        wb.close()


@contextlib.contextmanager
def _open_xlsx(path: Path) -> Iterator[Sheet]:
    with open_workbook(path) as wb:
        if not wb.worksheets:
            raise InputError(
                Problem("the workbook has no sheet that can be read; it may be damaged", str(path))
            )
        ws = wb.worksheets[0]
        total = ws.max_row or 0  # what the file declares: an estimate, for progress only
        # The declared size (<dimension>) may understate the sheet; read every row there is.
        ws.reset_dimensions()
        yield _start(path, _non_blank(_workbook_rows(path, ws)), total, with_letters=True)


@contextlib.contextmanager
def open_sheet(path: Path | str) -> Iterator[Sheet]:
    """Open a dataset file for reading; refuse anything we cannot read, saying why."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(
            Problem(
                f"'{path.suffix or '(no extension)'}' files cannot be imported; "
                "save the provider's dataset as .csv or .xlsx",
                str(path),
            )
        )
    check_input_file(path)
    try:
        if suffix in CSV_SUFFIXES:
            yield _open_csv(path)
        else:
            with _open_xlsx(path) as sheet:
                yield sheet
    except PermissionError as exc:
        raise unreadable(exc, path) from exc
