"""Appendix 1 and Appendix 2, each in a landscape section of its own.

A heading ("Appendix 1: Areas of good and improving performance"), the
overview tiles, then the three-column table the scrutiny panel reads:
*Measure & performance*, the council's comment and the provider's response
(named after the parties), one measure a row in the appendix order. The cells
are built by the same functions as the workbook's (``export.appendix_sheet``),
so the two documents never disagree: the questions and the meeting notes are
italic runs, the measure's cell is on its status colour beside the status in
words.

The header row repeats on every page and rows may break across pages, so a
long record is one row however long, where the workbook needs "(continued)"
rows. An appendix with no measures says so in a sentence: never an empty row.
"""

from __future__ import annotations

from docx.document import Document

from challenge_app.board import BoardRow
from challenge_app.export.appendix_sheet import (
    MEASURE_HEADING,
    WIDTHS,
    comment_runs,
    measure_runs,
    response_runs,
)
from challenge_app.export.report import Report
from challenge_app.export.runs import Run
from challenge_app.models import Placement
from challenge_app.word import markup
from challenge_app.word.page import HEADING_1, start_landscape_section, text_width
from challenge_app.word.runs import body_paragraph, fill_cell
from challenge_app.word.tables import add_table, header_row
from challenge_app.word.tiles import add_tiles

AREAS = {
    Placement.APPENDIX1: "Areas of good and improving performance",
    Placement.APPENDIX2: "Areas of concern or potential concern",
}


def appendix_title(placement: Placement) -> str:
    """``Appendix 1: Areas of good and improving performance``."""
    return f"{placement.label}: {AREAS[placement]}"


def _column_widths(width: int) -> list[int]:
    """The workbook's column proportions, across the landscape page."""
    total = sum(WIDTHS)
    return [width * w // total for w in WIDTHS]


def add_records_table(document: Document, report: Report, rows: list[BoardRow], width: int) -> None:
    """The three-column table: header row, then one row per measure."""
    table, element = add_table(document, _column_widths(width))
    parties = report.parties
    header_row(table, element, [MEASURE_HEADING, parties.comment_heading, parties.response_heading])
    for board_row in rows:
        measure, comment, response = markup.new_row(table, element)
        fill_cell(measure, measure_runs(board_row))
        markup.shade(measure, board_row.status.colour)
        fill_cell(comment, comment_runs(board_row))
        fill_cell(response, response_runs(board_row))


def add_appendix(document: Document, report: Report, placement: Placement) -> int:
    """The appendix's landscape section; return how many measures it holds."""
    section = start_landscape_section(document)
    width = text_width(section)
    document.add_paragraph(appendix_title(placement), style=HEADING_1)
    rows = report.placed(placement)
    if not rows:
        body_paragraph(
            document,
            [Run(f"No measures are placed in {placement.label} for {report.period}.", italic=True)],
        )
        return 0
    add_tiles(document, rows, placement, width)
    document.add_paragraph()
    add_records_table(document, report, rows, width)
    return len(rows)
