"""Row heights that show every line of wrapped text, in Excel and LibreOffice alike.

Excel works out the height of a wrapped row when it opens a file, but
LibreOffice (and so anyone converting the workbook to PDF with it) keeps the
default one-line height and cuts the rest off. So each row's height is set
from its text: the wrapped lines of its tallest cell, estimated from the
column width and a little generously, never beyond Excel's 409-point limit
(``runs.split_runs`` keeps records within that). Heights are noted as cells
are written, so the sheet is never walked twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.export.layout import FONT_SIZE
from challenge_app.export.runs import chunk_capacity, estimate_lines, lines_at

#: Excel's tallest row, in points.
MAX_ROW_HEIGHT = 409
#: Line spacing of Arial as a multiple of its size, and room above and below.
LINE_SPACING = 1.28
PADDING = 3
_DEFAULT_WIDTH = 8.43


def text_height(text: str, width: float, size: float = FONT_SIZE, wrap: bool = True) -> float:
    """Points needed to show ``text`` in a column of ``width`` at font ``size``."""
    # A bigger font fits fewer characters into the same width.
    lines = estimate_lines(text, width * FONT_SIZE / size) if wrap else text.count("\n") + 1
    return lines * size * LINE_SPACING + PADDING


class RowHeights:
    """The tallest cell of each row so far, for a sheet with column ``widths``."""

    def __init__(self, widths: Sequence[float]):
        self.widths = list(widths)
        self.rows: dict[int, float] = {}
        self._per_line: dict[tuple[int, float], int] = {}

    def note(self, row: int, column: int, text: str, size: float | None, wrap: bool) -> None:
        """Note a cell's text; ``text_height``, with what depends only on the column kept.

        Called for every text cell, most of them a line or two, so the
        characters a line for each column and font size are worked out once.
        """
        if not text:
            return
        size = size or FONT_SIZE
        if wrap:
            per_line = self._per_line.get((column, size))
            if per_line is None:
                width = self.widths[column - 1] if column <= len(self.widths) else _DEFAULT_WIDTH
                per_line = chunk_capacity(width * FONT_SIZE / size)[0]
                self._per_line[(column, size)] = per_line
            lines = lines_at(text, per_line)
        else:
            lines = text.count("\n") + 1
        height = lines * size * LINE_SPACING + PADDING
        if height > self.rows.get(row, 0):
            self.rows[row] = height

    def apply(self, ws: Worksheet) -> None:
        """Give each row its height: made with it, which takes half the time of setting it after.

        A row that already has its dimensions (none do, but it costs nothing
        to keep them) is given the height alone.
        """
        dimensions = ws.row_dimensions
        for row, height in self.rows.items():
            height = round(min(MAX_ROW_HEIGHT, height), 1)
            known = dimensions.get(row)
            if known is None:
                dimensions[row] = RowDimension(ws, index=row, ht=height)
            else:
                known.height = height
