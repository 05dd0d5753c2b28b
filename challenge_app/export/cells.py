"""Writing one worksheet: typed text kept exactly as typed, in the report's styles.

Every cell of typed text goes through ``SheetWriter.text``: it cleans the text
(``safe_text.clean``), escapes what Excel would misread, and marks the cell as
a string *after* setting the value, so text beginning with ``=`` (or looking
like ``#N/A``) is stored as text, never as a formula or an error value, and
shows without an apostrophe. ``SheetWriter.record`` writes one record (a
measure, a headline, an action) and carries any column too long for one
printed row over "(continued)" rows.

The writer also keeps each row's height as it goes (see ``row_heights``) and
gives every distinct look one named style (see ``Styles``), which is what
keeps a 300-measure export quick. Only openpyxl's public API is used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.errors import InputError
from challenge_app.export.layout import (
    BODY,
    CENTRE,
    GRID,
    HEADER_FILL,
    HEADER_FONT,
    WRAP_TOP,
    set_widths,
)
from challenge_app.export.row_heights import RowHeights
from challenge_app.export.runs import Run, cell_value, split_runs, text_of
from challenge_app.export.safe_text import CELL_LIMIT, clean, escape, excel_length

CONTINUED = "(continued)"
#: Excel's last row and column.
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384


class Styles:
    """One named style per combination of font, fill, alignment, border and number format.

    Setting a cell's font, fill, alignment and border one by one makes openpyxl
    hash every style object for every cell, which was most of an export's
    time. Each look is instead registered once as a named style, and a cell
    is given its look by name: a short list to look through, however many
    cells. The style objects are kept so that the ids in the key stay theirs.
    """

    def __init__(self, wb: Workbook):
        self.wb = wb
        self._known: dict[tuple, tuple[str, tuple]] = {}

    def name(
        self,
        font: Font,
        fill: PatternFill | None,
        alignment: Alignment,
        border: Border | None,
        number_format: str = "General",
    ) -> str:
        """The named style for this look, registered with the workbook the first time."""
        key = (id(font), id(fill), id(alignment), id(border), number_format)
        known = self._known.get(key)
        if known is None:
            style = NamedStyle(
                name=f"Challenge {len(self._known) + 1}",
                font=font,
                fill=fill or PatternFill(),
                alignment=alignment,
                border=border or Border(),
                number_format=number_format,
            )
            self.wb.add_named_style(style)
            known = self._known[key] = (style.name, (font, fill, alignment, border))
        return known[0]


class SheetWriter:
    """Writes the cells of one worksheet whose column widths are ``widths``."""

    def __init__(self, ws: Worksheet, widths: Sequence[float], styles: Styles):
        self.ws = ws
        self.widths = list(widths)
        self.styles = styles
        self.heights = RowHeights(self.widths)
        set_widths(ws, self.widths)

    def _cell(self, row: int, column: int, style: str) -> Cell:
        """The cell at (``row``, ``column``) in the named style ``style``."""
        if not (0 < row <= MAX_ROW and 0 < column <= MAX_COLUMN):
            raise ValueError(f"{self.ws.title} sheet: no cell at row {row}, column {column}")
        cell = self.ws.cell(row, column)
        cell.style = style
        return cell

    def text(
        self,
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
        if isinstance(text, str):  # the common case: one plain string
            plain = clean(text)
            value = escape(plain)
        else:
            plain = text_of(text)
            value = cell_value(text)
        if len(plain) > CELL_LIMIT // 2 and excel_length(plain) > CELL_LIMIT:
            # record() splits long text; only a freak title or name gets here.
            raise InputError(
                f"{self.ws.title} sheet, row {row}: this text is {excel_length(plain):,} "
                f"characters long and an Excel cell holds at most {CELL_LIMIT:,}; shorten it "
                f"and export again (it begins: {plain[:60]!r})"
            )
        cell = self._cell(row, column, self.styles.name(font, fill, alignment, border))
        # openpyxl takes a leading "=" for a formula and "#N/A" for an error:
        # typed text is marked a string once set (and is never cut at 32,767
        # characters without a word: checked above).
        cell.value = value
        if cell.data_type != "s":
            cell.data_type = "s"
        # Runs keep their bold: bold text is wider, and wraps sooner.
        self.heights.note(row, column, plain if isinstance(text, str) else text, font.sz,
                          alignment.wrap_text, bool(font.b))  # fmt: skip
        return cell

    def number(
        self,
        row: int,
        column: int,
        value: float | int | date | None,
        *,
        font: Font = BODY,
        alignment: Alignment = CENTRE,
        number_format: str = "General",
    ):
        """A number or date cell (a real value a chart or formula can use)."""
        cell = self._cell(row, column, self.styles.name(font, None, alignment, GRID, number_format))
        cell.value = value
        return cell

    def figures(self, row: int, column: int, values: Sequence[float | None]) -> None:
        """Bare numbers from ``column`` on, in the workbook's default style; gaps stay empty.

        For the Data sheet's grid of figures, which officers chart rather than
        print: thousands of cells that need no border or alignment of their own.
        """
        if row > MAX_ROW or column + len(values) - 1 > MAX_COLUMN:
            raise ValueError(f"{self.ws.title} sheet: no room for {len(values)} figures")
        cell = self.ws.cell
        for offset, value in enumerate(values, start=column):
            if value is not None:
                cell(row, offset, value)

    def header_row(self, headings: Sequence[str], row: int = 1) -> None:
        """The column headings: white on dark blue, bold, wrapped."""
        for col, heading in enumerate(headings, start=1):
            self.text(row, col, heading, font=HEADER_FONT, fill=HEADER_FILL, alignment=CENTRE)

    def record(
        self,
        row: int,
        columns: Sequence[list[Run]],
        continued_label: str,
        *,
        fills: Mapping[int, PatternFill] | None = None,
    ) -> int:
        """Write one record from ``row``; return the next free row.

        Each column is split into chunks that print in full (``runs.split_runs``);
        if any column needs more than one row, the record carries on over
        further rows whose first cell starts with ``continued_label`` and
        "(continued)", so nothing is cut and a reader can tell where each piece
        belongs. ``fills`` colours whole columns of the record (a status, say).
        """
        fills = fills or {}
        chunks = [
            split_runs(runs, width) for runs, width in zip(columns, self.widths, strict=False)
        ]
        height = max(len(c) for c in chunks)
        for offset in range(height):
            for col, pieces in enumerate(chunks, start=1):
                runs = pieces[offset] if offset < len(pieces) else []
                if offset and col == 1:
                    label = Run(clean(f"{continued_label} {CONTINUED}"), bold=True)
                    runs = [label, Run("\n"), *runs] if runs else [label]
                self.text(row + offset, col, runs, fill=fills.get(col))
        return row + height

    def finish(self) -> None:
        """Set the row heights worked out while writing."""
        self.heights.apply(self.ws)
