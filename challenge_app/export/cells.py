"""Writing text into cells so that it stays exactly the text that was typed.

Every cell of typed text goes through ``put_text``: it cleans the text
(``safe_text.clean``), escapes what Excel would misread, and marks the cell as
a string *after* setting the value, so text beginning with ``=`` (or looking
like ``#N/A``) is stored as text, never as a formula or an error value, and
shows without an apostrophe. ``write_record`` writes one record (a measure, a
headline, an action) and carries any column too long for one printed row
over "(continued)" rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.errors import InputError
from challenge_app.export.layout import BODY, CENTRE, GRID, HEADER_FILL, HEADER_FONT, WRAP_TOP
from challenge_app.export.runs import Run, cell_value, runs_of, split_runs, text_of
from challenge_app.export.safe_text import CELL_LIMIT, clean, excel_length

CONTINUED = "(continued)"


def put_text(
    ws: Worksheet,
    row: int,
    column: int,
    text: str | list[Run],
    *,
    font: Font = BODY,
    fill: PatternFill | None = None,
    alignment: Alignment = WRAP_TOP,
    border: Border | None = GRID,
):
    """Write ``text`` (a string or styled runs) as a string cell, never a formula."""
    runs = runs_of(Run(text)) if isinstance(text, str) else text
    cell = ws.cell(row=row, column=column)
    length = excel_length(text_of(runs))
    if length > CELL_LIMIT:  # write_record splits long text; only a freak title gets here
        raise InputError(
            f"{ws.title}!{cell.coordinate}: this text is {length:,} characters long and an "
            f"Excel cell holds at most {CELL_LIMIT:,}; shorten it and export again "
            f"(it begins: {text_of(runs)[:60]!r})"
        )
    cell.value = cell_value(runs)
    cell.data_type = "s"
    cell.alignment = alignment
    cell.font = font
    if fill is not None:
        cell.fill = fill
    if border is not None:
        cell.border = border
    return cell


def put_number(
    ws: Worksheet,
    row: int,
    column: int,
    value: float | int | date | None,
    *,
    font: Font = BODY,
    alignment: Alignment = CENTRE,
    number_format: str | None = None,
):
    """A number or date cell (a real value a chart or formula can use), in the sheet's style."""
    cell = ws.cell(row=row, column=column, value=value)
    cell.font = font
    cell.alignment = alignment
    cell.border = GRID
    if number_format:
        cell.number_format = number_format
    return cell


def header_row(ws: Worksheet, headings: Sequence[str], row: int = 1) -> None:
    """The column headings: white on dark blue, bold, wrapped."""
    for col, heading in enumerate(headings, start=1):
        put_text(ws, row, col, heading, font=HEADER_FONT, fill=HEADER_FILL, alignment=CENTRE)


def write_record(
    ws: Worksheet,
    row: int,
    columns: Sequence[list[Run]],
    widths: Sequence[float],
    continued_label: str,
    *,
    first_fill: PatternFill | None = None,
) -> int:
    """Write one record from ``row``; return the next free row.

    Each column is split into chunks that print in full (``runs.split_runs``);
    if any column needs more than one row, the record carries on over further
    rows whose first cell starts with ``continued_label`` and "(continued)",
    so nothing is cut and a reader can tell where each piece belongs.
    """
    chunks = [split_runs(runs, width) for runs, width in zip(columns, widths, strict=True)]
    height = max(len(c) for c in chunks)
    for offset in range(height):
        for col, pieces in enumerate(chunks, start=1):
            runs = pieces[offset] if offset < len(pieces) else []
            if offset and col == 1:
                label = Run(clean(f"{continued_label} {CONTINUED}"), bold=True)
                runs = [label, Run("\n"), *runs] if runs else [label]
            put_text(ws, row + offset, col, runs, fill=first_fill if col == 1 else None)
    return row + height
