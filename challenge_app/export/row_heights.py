"""Row heights that show every line of wrapped text, in Excel and LibreOffice alike.

Excel works out the height of a wrapped row when it opens a file, but
LibreOffice (and so anyone converting the workbook to PDF with it) keeps the
default one-line height and cuts the rest off. So each row's height is set
from its text: the wrapped lines of its tallest cell, estimated from the
column width as LibreOffice wraps it (``text_width``: real character widths,
bold runs in bold, breaks at words) and a little generously, never beyond
Excel's 409-point limit (``runs.split_runs`` keeps records within that).
Heights are noted as cells are written, so the sheet is never walked twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.export.layout import FONT_SIZE
from challenge_app.export.runs import Run, text_of
from challenge_app.export.text_width import WIDEST, line_room, wrapped_lines

#: Excel's tallest row, in points.
MAX_ROW_HEIGHT = 409
#: Line spacing of Arial as a multiple of its size, and room above and below.
LINE_SPACING = 1.28
PADDING = 3
_DEFAULT_WIDTH = 8.43


def text_lines(text: str | Sequence[Run], width: float, size: float, wrap: bool) -> int:
    """Lines ``text`` takes in a column of ``width`` at font ``size``."""
    plain = text if isinstance(text, str) else text_of(list(text))
    if not wrap or len(plain) * WIDEST <= line_room(width, size):
        return plain.count("\n") + 1  # most cells: short, no need to lay them out
    return wrapped_lines(text, width, size)


def text_height(
    text: str | Sequence[Run], width: float, size: float = FONT_SIZE, wrap: bool = True
) -> float:
    """Points needed to show ``text`` in a column of ``width`` at font ``size``."""
    return text_lines(text, width, size, wrap) * size * LINE_SPACING + PADDING


class RowHeights:
    """The tallest cell of each row so far, for a sheet with column ``widths``."""

    def __init__(self, widths: Sequence[float]):
        self.widths = list(widths)
        self.rows: dict[int, float] = {}

    def note(
        self,
        row: int,
        column: int,
        text: str | Sequence[Run],
        size: float | None,
        wrap: bool,
        bold: bool = False,
    ) -> None:
        """Note a cell's text (plain, or runs with their bold; ``bold``: the cell's
        font is bold): its ``text_height``."""
        if not text:
            return
        if bold and isinstance(text, str):
            text = [Run(text, bold=True)]
        width = self.widths[column - 1] if column <= len(self.widths) else _DEFAULT_WIDTH
        height = text_height(text, width, size or FONT_SIZE, wrap)
        if height > self.rows.get(row, 0):
            self.rows[row] = height

    def apply(self, ws: Worksheet) -> None:
        """Give each row its height, rows of the same height sharing one dimension.

        openpyxl writes a row's attributes from its dimension's fields (the
        height; the row number comes from the sheet), so one ``RowDimension``
        per height written serves every row of that height, and a sheet of
        thousands of rows makes a few dozen of them (8 us each) instead of one
        a row. The sheet is finished by then: nothing changes one row's
        dimension afterwards, which would change its sharers too. A row that
        already has its own dimension (none do) is given the height alone.
        """
        dimensions = ws.row_dimensions
        shared: dict[float, RowDimension] = {}
        for row, height in self.rows.items():
            height = round(min(MAX_ROW_HEIGHT, height), 1)
            known = dimensions.get(row)
            if known is not None:
                known.height = height
                continue
            dimension = shared.get(height)
            if dimension is None:
                dimension = shared[height] = RowDimension(ws, index=row, ht=height)
            dimensions[row] = dimension
