"""The at-a-glance overview at the head of each appendix, as a Word table of tiles.

The reference report draws this as an infographic; a picture cannot be edited
or read by a screen reader, so here each tile is a table cell: the measure's
code, its short title, the quarter's figure in large type and its status in
words, on green for Appendix 1 (good and improving performance) and red for
Appendix 2 (concerns). The colour says which appendix at a glance; the words
say everything, so nothing is told by colour alone. White borders between the
cells make the gaps between tiles.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn

from challenge_app.board import BoardRow
from challenge_app.export.overview import short_title
from challenge_app.export.runs import Run, runs_of
from challenge_app.formatting import format_value
from challenge_app.models import Placement
from challenge_app.rag import Status
from challenge_app.word import markup
from challenge_app.word.runs import new_paragraph, write_runs
from challenge_app.word.tables import add_table

TILES_PER_ROW = 4
#: Tile colours by appendix (the status colours of green and red).
TILE_FILL = {Placement.APPENDIX1: Status.GREEN.colour, Placement.APPENDIX2: Status.RED.colour}
#: The figure's size in points; the rest is in the body's size.
FIGURE_SIZE = 18
FIGURE_LINE = 2
GAP_COLOUR, GAP_EIGHTHS_OF_A_POINT = "FFFFFF", 36


def tile_lines(row: BoardRow) -> list[list[Run]]:
    """The tile's paragraphs: code, short title, figure, status in words."""
    m = row.measure
    return [
        runs_of(Run(m.code, bold=True)),
        runs_of(Run(short_title(m.title))),
        runs_of(Run(format_value(row.value, m.unit) or "No figure", bold=True)),
        runs_of(Run(row.status.report_wording, bold=True)),
    ]


def add_tiles(document: Document, rows: list[BoardRow], placement: Placement, width: int) -> None:
    """One tile per measure, ``TILES_PER_ROW`` to a row, across ``width`` (EMU)."""
    columns = min(TILES_PER_ROW, len(rows))
    table, element = add_table(document, [width // TILES_PER_ROW] * columns)
    fill = TILE_FILL[placement]
    for start in range(0, len(rows), columns):
        cells = markup.new_row(table, element)
        for tc, board_row in zip(cells, rows[start : start + columns], strict=False):
            markup.shade(tc, fill)
            markup.centre_vertically(tc)
            tc.remove(tc.find(qn("w:p")))  # each line below is a paragraph of its own
            for i, runs in enumerate(tile_lines(board_row)):
                size = FIGURE_SIZE if i == FIGURE_LINE else None
                write_runs(new_paragraph(tc, centred=True), runs, size=size)
    markup.borders(element, GAP_COLOUR, GAP_EIGHTHS_OF_A_POINT)
