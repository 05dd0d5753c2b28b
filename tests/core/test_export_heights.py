"""Row heights fit every column's text as LibreOffice prints it.

The lines below are how LibreOffice 7 wrapped these cells when the workbook was
converted to PDF (``soffice --convert-to pdf``) and looked at: the estimate
may give one line more (a little room to spare), never one fewer, which
would cut the last line (the status) off the printed cell.
"""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from challenge_app.export.appendix_sheet import WIDTHS
from challenge_app.export.layout import FONT_SIZE
from challenge_app.export.row_heights import LINE_SPACING, RowHeights, text_height
from challenge_app.export.runs import Run, runs_of
from challenge_app.export.text_width import wrapped_lines

MEASURE, COMMENT = WIDTHS[0], WIDTHS[1]


@pytest.mark.parametrize(
    "text, bold, width, printed",
    [
        # measure titles, bold, in the Measure & performance column
        ("A4 Child protection visits in timescale", True, MEASURE, 2),
        ("A4 Child protection visits in", True, MEASURE, 1),
        ("B9 Long-term stability of children in care", True, MEASURE, 2),
        ("A09 Children subject of a CP plan a second time within 2 years", True, MEASURE, 2),
        ("A3 Case file audits rated requires improvement or better", True, MEASURE, 2),
        ("B14 Care leavers (19-21) in education, employment or training", True, MEASURE, 2),
        ("C15 Social workers with a current registration", True, MEASURE, 2),
        (
            "D17c Percentage of Child Protection Conferences held within 15 working days "
            "of strategy discussion",
            True,
            MEASURE,
            4,
        ),
        # figures: digits are wider than the average letter
        ("Q1 = 0.02 per 100,000  July = 0.07 per 100,000", False, MEASURE, 2),
        ("Target: 0.42 per 100,000  Tolerance: 0.75 per 100,000", False, MEASURE, 2),
        ("On or better than target", True, MEASURE, 1),
        # prose in the comment column
        (
            "Long-term stability of children in care has improved for a second quarter "
            "and is now above target.",
            False,
            COMMENT,
            2,
        ),
        (
            "Child protection visits in timescale continue to exceed target. "
            "The Council welcomes the sustained improvement.",
            False,
            COMMENT,
            2,
        ),
    ],
)
def test_lines_as_libreoffice_prints_them(text, bold, width, printed):
    estimate = wrapped_lines([Run(text, bold=bold)], width)
    assert printed <= estimate <= printed + 1


def test_bold_wraps_sooner_than_plain():
    text = "Child protection visits in timescale a"
    assert wrapped_lines([Run(text)], MEASURE) == 1
    assert wrapped_lines([Run(text, bold=True)], MEASURE) == 2


def test_a_word_longer_than_the_line_is_broken():
    assert wrapped_lines("x" * 200, MEASURE) >= 200 * 556 * FONT_SIZE / 1000 // (6 * MEASURE)


def test_the_longest_measure_cell_gets_every_line_with_its_status():
    """D17c's cell: a four-line bold title, the figures, the target and the bold status."""
    runs = runs_of(
        Run(
            "D17c Percentage of Child Protection Conferences held within 15 working days "
            "of strategy discussion",
            bold=True,
        ),
        Run("Q1 = 84.9%  July = 84.9%"),
        Run("Target: 85%  Tolerance: 80%"),
        Run("Inside tolerance", bold=True),
        sep="\n",
    )
    heights = RowHeights(list(WIDTHS))
    heights.note(2, 1, runs, FONT_SIZE, True)
    heights.note(2, 2, "Comment on D17c.", FONT_SIZE, True)
    assert heights.rows[2] == text_height(runs, MEASURE)
    # seven printed lines, each at least the font's line spacing
    assert heights.rows[2] >= 7 * FONT_SIZE * LINE_SPACING


def test_a_bold_cell_font_is_measured_bold():
    heights = RowHeights([30])
    heights.note(1, 1, "Child protection visits in timescale a", FONT_SIZE, True, bold=True)
    assert heights.rows[1] == text_height([Run("Child protection visits in timescale a", True)], 30)
    assert heights.rows[1] > text_height("Child protection visits in timescale a", 30)


def test_every_row_reopens_with_its_own_height(tmp_path):
    """Rows of the same height share a dimension; each is still written with its height."""
    texts = ["Short.", "Child protection visits in timescale " * 4, "Short too.", "One more " * 30]
    wb = Workbook()
    ws = wb.active
    heights = RowHeights([30])
    for row, text in enumerate(texts, start=1):
        ws.cell(row, 1, text)
        heights.note(row, 1, text, FONT_SIZE, True)
    heights.apply(ws)
    wb.save(tmp_path / "heights.xlsx")
    reopened = load_workbook(tmp_path / "heights.xlsx").active
    written = {row: reopened.row_dimensions[row].height for row in range(1, len(texts) + 1)}
    assert written == {row: round(h, 1) for row, h in heights.rows.items()}
    assert written[1] == written[3] < written[2] < written[4]
