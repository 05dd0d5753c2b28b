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
from challenge_app.export.text_width import WIDEST, line_room, lines_within

#: Excel's tallest row, in points.
MAX_ROW_HEIGHT = 409
#: Line spacing of Arial as a multiple of its size, and room above and below.
LINE_SPACING = 1.28
PADDING = 3
_DEFAULT_WIDTH = 8.43


def _lines(text: str | Sequence[Run], room: float, wrap: bool, bold: bool) -> int:
    """Lines ``text`` takes at ``room`` a line (``bold``: a plain string is in bold)."""
    if not isinstance(text, str):
        runs = [r for r in text if r.text]
        if len(runs) != 1:
            plain = text_of(runs)
            if not wrap or len(plain) * WIDEST <= room:
                return plain.count("\n") + 1
            return lines_within(runs, room)
        text, bold = runs[0].text, runs[0].bold  # most runs: one style throughout
    if not wrap or len(text) * WIDEST <= room:
        return text.count("\n") + 1  # most cells: short, no need to lay them out
    return lines_within(text, room, bold)


def text_lines(text: str | Sequence[Run], width: float, size: float, wrap: bool) -> int:
    """Lines ``text`` takes in a column of ``width`` at font ``size``."""
    return _lines(text, line_room(width, size), wrap, False)


def text_height(
    text: str | Sequence[Run], width: float, size: float = FONT_SIZE, wrap: bool = True
) -> float:
    """Points needed to show ``text`` in a column of ``width`` at font ``size``."""
    return text_lines(text, width, size, wrap) * size * LINE_SPACING + PADDING


class RowHeights:
    """The tallest cell of each row so far, for a sheet with column ``widths``."""

    def __init__(self, widths: Sequence[float]):
        self.widths = tuple(widths)
        self.rows: dict[int, float] = {}
        self._rooms: dict[tuple[int, float], float] = {}  # (column, size): line_room

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
        size = size or FONT_SIZE
        room = self._rooms.get((column, size))
        if room is None:
            width = self.widths[column - 1] if column <= len(self.widths) else _DEFAULT_WIDTH
            room = self._rooms[column, size] = line_room(width, size)
        height = _lines(text, room, wrap, bold) * size * LINE_SPACING + PADDING
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
