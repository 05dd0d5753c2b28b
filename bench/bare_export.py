"""Bare openpyxl writing the report's cells: the export benchmark's baseline.

The least any export of the appendices can do with openpyxl's public API:
the same text as the same runs (``CellRichText`` of ``TextBlock``s in bold or
italic ``InlineFont``s where the report mixes styles), bold where it is bold,
wrapped where it wraps, the same numbers, in a plain workbook. No row
heights, print setup, borders or fills. ``bench.export_bench`` calls
``write`` in its own process and runs this file as a script (cells from a
JSON file) for the whole-process figure.
"""

import json
import sys

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font

WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(name="Arial", size=11, bold=True)
RUN_FONTS = {
    (bold, italic): InlineFont(rFont="Arial", sz=11, b=bold or None, i=italic or None)
    for bold in (False, True)
    for italic in (False, True)
}


def value_of(value):
    if not isinstance(value, list):
        return value
    if len(value) == 1 and not (value[0][1] or value[0][2]):
        return value[0][0]
    return CellRichText(
        [
            text if not (bold or italic) else TextBlock(RUN_FONTS[(bold, italic)], text)
            for text, bold, italic in value
        ]
    )


def write(sheets, out):
    wb = Workbook()
    wb.remove(wb.active)
    for title, cells in sheets:
        ws = wb.create_sheet(title)
        for row, column, value, bold, wrap in cells:
            cell = ws.cell(row=row, column=column, value=value_of(value))
            if bold:
                cell.font = BOLD
            if wrap:
                cell.alignment = WRAP
    wb.save(out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        write(json.load(f), sys.argv[2])
