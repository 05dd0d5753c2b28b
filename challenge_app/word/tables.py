"""Tables in the report's one look: Word's "Table Grid" style, fixed column widths,
and a header row that repeats on every page.

Rows are left free to break across pages (no ``w:cantSplit``): a long comment
carries on over the page with the header row above it, where the workbook
needs "(continued)" rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.table import Table
from lxml.etree import ElementBase

from challenge_app.export.layout import HEADER_FILL
from challenge_app.export.runs import Run, runs_of
from challenge_app.word import markup
from challenge_app.word.page import TABLE_STYLE
from challenge_app.word.runs import fill_cell

#: The header row's colours, as in the workbook: white bold words on dark blue.
HEADER_SHADE = HEADER_FILL.fgColor.rgb[-6:]
HEADER_TEXT = "FFFFFF"


def add_table(document: Document, widths: Sequence[int]) -> tuple[Table, ElementBase]:
    """An empty table with fixed column ``widths`` (EMU), and its ``w:tbl`` element."""
    table = document.add_table(rows=0, cols=len(widths), style=TABLE_STYLE)
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    return table, markup.last_table(document)


def header_row(
    table: Table,
    element: ElementBase,
    headings: Sequence[str],
    fills: Sequence[str | None] | None = None,
    *,
    centred: bool = False,
) -> None:
    """The table's first row: ``headings`` in bold, marked to repeat on every page.

    ``fills`` gives a cell its own colour (e.g. a status heading on its
    status's colour, in dark text); otherwise the cell is white on dark blue.
    """
    cells = markup.new_row(table, element)
    markup.repeat_as_header(element[-1])
    fills = fills or [None] * len(headings)
    for tc, heading, fill in zip(cells, headings, fills, strict=True):
        fill_cell(tc, runs_of(Run(heading, bold=True)), centred=centred)
        markup.shade(tc, fill or HEADER_SHADE)
        if fill is None:
            markup.colour_text(tc, HEADER_TEXT)
