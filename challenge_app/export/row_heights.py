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

from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.export.layout import FONT_SIZE
from challenge_app.export.runs import estimate_lines

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

    def note(self, row: int, column: int, text: str, size: float | None, wrap: bool) -> None:
        if not text:
            return
        width = self.widths[column - 1] if column <= len(self.widths) else _DEFAULT_WIDTH
        height = text_height(text, width, size or FONT_SIZE, bool(wrap))
        if height > self.rows.get(row, 0):
            self.rows[row] = height

    def apply(self, ws: Worksheet) -> None:
        for row, height in self.rows.items():
            ws.row_dimensions[row].height = round(min(MAX_ROW_HEIGHT, height), 1)
