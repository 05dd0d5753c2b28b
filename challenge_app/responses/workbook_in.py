"""Reading a response workbook the provider has filled in and sent back.

Nothing here looks at the database: the file is read and checked on its own
first (``plan`` then compares it with the meeting), so a file that is not a
response workbook is refused before anything is opened for writing.

What is read, and why:

* Only the ``Responses`` sheet, and of it the code, the council's text (to
  check it was not changed) and the response column. Columns are found by
  their headings in row 1, so a workbook whose parties have since been
  renamed is still read.
* The workbook is opened with formulas as written (``data_only=False``): a
  provider who typed ``=SUM(1,2)`` gets back the text ``=SUM(1,2)``, not 3.
* Numbers, dates and true/false (what a spreadsheet makes of some typing)
  come in as the text they show by default; Excel's escapes are undone
  (``_EXCEL_ESCAPE``), and the text is cleaned as every export cleans it
  (``safe_text``).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from challenge_app.errors import InputError, Problem
from challenge_app.export.safe_text import clean
from challenge_app.imports.reader import (
    XLSX_SUFFIXES,
    column_letter,
    is_blank,
    normalise_heading,
    open_workbook,
)
from challenge_app.limits import check_input_file, unreadable
from challenge_app.responses.identity import KIND, KIND_PROPERTY, WorkbookIdentity, read_identity
from challenge_app.responses.layout import CODE_HEADING, QUESTIONS_HEADING, SHEET

#: Excel's escapes worth undoing: ``_x005F_`` (an underscore: how a typed
#: "_x0041_" is kept) and the control characters XML cannot hold (a pasted
#: carriage return is ``_x000D_``). openpyxl already drops ``_x005F_`` from
#: shared strings but not from inline ones, so any other escape is left as
#: it reads: after openpyxl, "_x0041_" is what the provider typed.
_EXCEL_ESCAPE = re.compile("_x(005[Ff]|00[01][0-9A-Fa-f])_")
NOT_A_RESPONSE_WORKBOOK = (
    "this is not a response workbook from Challenge (one written by File > Request "
    "responses or 'challenge-app responses-out')"
)


@dataclass(frozen=True)
class Column:
    """A column of the Responses sheet: its position (from 0) and heading."""

    index: int
    heading: str

    @property
    def label(self) -> str:
        """As a message names it: "E (Trust Response)"."""
        return f"{column_letter(self.index)} ({self.heading})"


@dataclass(frozen=True)
class Columns:
    code: Column
    comment: Column
    questions: Column
    response: Column


@dataclass(frozen=True)
class ReturnedRow:
    """One measure's row as it came back."""

    row: int
    code: str
    #: The council's words as they read (``raw_text``): only ever compared.
    comment: str
    questions: str
    response: str


@dataclass(frozen=True)
class ReturnedWorkbook:
    path: Path
    identity: WorkbookIdentity
    columns: Columns
    rows: list[ReturnedRow]

    def problem(self, message: str, row: int | None = None, column: Column | None = None):
        """A ``Problem`` on this workbook's Responses sheet."""
        return Problem(message, str(self.path), row, column.label if column else None, SHEET)


def cell_text(value: object) -> str:
    """A cell's value as text, the way the provider typed or sees it, cleaned for storing."""
    return clean(raw_text(value))


def raw_text(value: object) -> str:
    """A cell's value as text, Excel's escapes undone but not yet cleaned (``safe_text``).

    The council's text is only compared, and cleaning several megabytes of
    it to compare is a sixth of reading a large workbook; ``plan`` cleans
    only text that does not match as it is.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        if "_x" in value:
            value = _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return f"{value:%d/%m/%Y}"
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return str(value)


def _find_columns(path: Path, header: tuple[object, ...] | None) -> Columns:
    headings = [cell_text(v).strip() for v in header or ()]
    normalised = [normalise_heading(h) for h in headings]

    def exact(word: str) -> Column | None:
        key = normalise_heading(word)
        return next(
            (Column(i, headings[i]) for i, n in enumerate(normalised) if n == key),
            None,
        )

    def ending(word: str) -> Column | None:
        return next(
            (Column(i, headings[i]) for i, n in enumerate(normalised) if n.endswith(word)),
            None,
        )

    found = {
        "code": exact(CODE_HEADING),
        "comment": ending(" comment"),
        "questions": exact(QUESTIONS_HEADING),
        "response": ending(" response"),
    }
    missing = {
        "code": f"'{CODE_HEADING}'",
        "comment": "the council's comment ('... Comment')",
        "questions": f"'{QUESTIONS_HEADING}'",
        "response": "the provider's response ('... Response')",
    }
    lacking = [missing[k] for k, v in found.items() if v is None]
    if lacking:
        raise InputError(
            Problem(
                f"row 1 should be the header, but it has no column for {', '.join(lacking)}; "
                f"{NOT_A_RESPONSE_WORKBOOK}, or its header row was changed",
                str(path),
                1,
                None,
                SHEET,
            )
        )
    return Columns(**found)  # type: ignore[arg-type]


def _rows(path: Path, rows: Iterator[tuple[object, ...]], columns: Columns) -> list[ReturnedRow]:
    wanted = (columns.code, columns.comment, columns.questions, columns.response)
    out: list[ReturnedRow] = []
    problems: list[Problem] = []
    for number, cells in enumerate(rows, start=2):
        width = len(cells)
        code, comment, questions, response = (
            cells[c.index] if c.index < width else None for c in wanted
        )
        if is_blank(code):
            if not is_blank(response):
                problems.append(
                    Problem(
                        "this row has a response but no measure code, so it cannot be matched "
                        "to a measure; put the code back (or move the response to its measure)",
                        str(path),
                        number,
                        columns.code.label,
                        SHEET,
                    )
                )
            continue
        out.append(
            ReturnedRow(
                number,
                cell_text(code).strip(),
                raw_text(comment),
                raw_text(questions),
                cell_text(response),
            )
        )
    if problems:
        raise InputError(problems)
    return out


def read_returned(path: Path | str) -> ReturnedWorkbook:
    """Read and check a returned response workbook on its own; ``InputError`` if it is not one."""
    path = Path(path)
    if path.suffix.lower() not in XLSX_SUFFIXES:
        raise InputError(
            Problem(
                f"'{path.suffix or '(no extension)'}' files cannot be read as a response "
                "workbook; it is an Excel workbook (.xlsx)",
                str(path),
            )
        )
    check_input_file(path)
    try:
        with open_workbook(path, data_only=False) as wb:
            identity = read_identity(wb)
            if identity is None:
                raise InputError(Problem(NOT_A_RESPONSE_WORKBOOK, str(path)))
            if SHEET not in wb.sheetnames:
                raise InputError(
                    Problem(
                        f"the workbook has no '{SHEET}' sheet: it was renamed or deleted; "
                        "ask for the workbook as it was sent",
                        str(path),
                    )
                )
            sheet = wb[SHEET]
            # The size a sheet declares may stop short of its data (programs that
            # write xlsx get it wrong): read what is there, as the dataset import does.
            sheet.reset_dimensions()
            rows = sheet.iter_rows(values_only=True)
            columns = _find_columns(path, next(rows, None))
            returned = _rows(path, rows, columns)
    except PermissionError as exc:
        raise unreadable(exc, path) from exc
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError) as exc:
        # A truncated or hand-edited workbook fails only when its rows are read.
        raise InputError(
            Problem(f"this Excel workbook is damaged and cannot be read ({exc})", str(path))
        ) from exc
    return ReturnedWorkbook(path, identity, columns, returned)


def is_response_workbook(path: Path | str) -> bool:
    """Whether ``path`` says it is a response workbook, judged from its properties alone.

    Quick enough to decide what a file dropped on the window is for; reading
    it (``read_returned``) still checks everything.
    """
    from xml.etree.ElementTree import ParseError, fromstring

    from openpyxl.packaging.custom import CustomPropertyList

    try:
        with zipfile.ZipFile(path) as zf:
            props = CustomPropertyList.from_tree(fromstring(zf.read("docProps/custom.xml")))
    except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile, ParseError):
        return False
    return any(p.name == KIND_PROPERTY and p.value == KIND for p in props)
