"""Row heights that show every line of wrapped text, in Excel and LibreOffice alike.

Excel works out the height of a wrapped row when it opens a file, but
LibreOffice (and so anyone converting the workbook to PDF with it) keeps the
default one-line height and cuts the rest off. So each row's height is set
from its text: the wrapped lines of its tallest cell, estimated from the
column width and a little generously, never beyond Excel's 409-point limit
(``runs.split_runs`` keeps records within that).
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.export.layout import FONT_SIZE
from challenge_app.export.runs import estimate_lines

#: Excel's tallest row, in points.
MAX_ROW_HEIGHT = 409
#: Line spacing of Arial as a multiple of its size, and room above and below.
LINE_SPACING = 1.28
PADDING = 3
_DEFAULT_WIDTH = 8.43


def _cell_height(cell, width: float) -> float:
    size = cell.font.sz or FONT_SIZE if cell.font else FONT_SIZE
    text = str(cell.value)
    if cell.alignment is not None and cell.alignment.wrap_text:
        # A bigger font fits fewer characters into the same width.
        lines = estimate_lines(text, width * FONT_SIZE / size)
    else:
        lines = text.count("\n") + 1
    return lines * size * LINE_SPACING + PADDING


def fit_row_heights(ws: Worksheet) -> None:
    widths = {
        col: ws.column_dimensions[get_column_letter(col)].width or _DEFAULT_WIDTH
        for col in range(1, ws.max_column + 1)
    }
    for row in ws.iter_rows():
        tallest = 0.0
        for cell in row:
            if cell.value is None or isinstance(cell.value, (int, float)):
                continue
            tallest = max(tallest, _cell_height(cell, widths[cell.column]))
        if tallest:
            ws.row_dimensions[row[0].row].height = round(min(MAX_ROW_HEIGHT, tallest), 1)
