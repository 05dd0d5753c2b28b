"""Cell text as runs of plain, bold or italic text, and how to split it over rows.

The report's cells mix styles: a comment in plain text with the questions in
italics under it. A cell's content is therefore a list of ``Run``s, turned
into openpyxl rich text only when it really mixes styles.

A cell can also hold more than a printed page can show. Excel cannot break a
row across pages and cuts any row at 409 points, and it cannot hold more than
32,767 characters in a cell at all. So a long text is split into chunks, each
short enough to print in full in its column, and the record goes on over
"(continued)" rows. Chunks break between paragraphs where possible, otherwise
between words, and only as a last resort inside a word; only the spaces and
line breaks at a split are dropped, so reading the rows in order gives the
whole text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from challenge_app.export.layout import FONT_NAME, FONT_SIZE
from challenge_app.export.safe_text import CELL_LIMIT, clean, escape, excel_length

#: Lines of wrapped 11-point text that fit in one row with room to spare
#: (Excel's row height limit is 409 points, a line is about 15).
MAX_LINES_PER_ROW = 24

#: Characters of ordinary prose per line, per unit of column width. Column
#: widths count the default font's digit "0" (8 pixels in Arial 11); prose
#: averages about 6, and a line wraps at a word, so 1.2 keeps the estimate
#: on the safe side.
CHARS_PER_WIDTH = 1.2

_FONTS = {
    (bold, italic): InlineFont(rFont=FONT_NAME, sz=FONT_SIZE, b=bold or None, i=italic or None)
    for bold in (False, True)
    for italic in (False, True)
}


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False

    @property
    def plain(self) -> bool:
        return not (self.bold or self.italic)


def runs_of(*parts: Run | None, sep: str = "\n\n") -> list[Run]:
    """Join non-empty parts with ``sep`` (a blank line between paragraphs by default)."""
    out: list[Run] = []
    for part in parts:
        if part is None or not part.text:
            continue
        if out:
            out.append(Run(sep))
        out.append(Run(clean(part.text), part.bold, part.italic))
    return _merge(out)


def _merge(runs: list[Run]) -> list[Run]:
    """Neighbouring runs of the same style become one (fewer, simpler XML runs)."""
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return merged


def text_of(runs: list[Run]) -> str:
    return "".join(r.text for r in runs)


def _stored(text: str) -> str:
    return escape(clean(text))


def cell_value(runs: list[Run]) -> str | CellRichText:
    """A plain string when there is no styling, otherwise openpyxl rich text.

    Every piece is cleaned and escaped here, the last step before the cell,
    whoever built the runs.
    """
    if all(r.plain for r in runs):
        return _stored(text_of(runs))
    # A plain run carries no font of its own: it is shown in the workbook's
    # default font, which ``blank_workbook.report_workbook`` makes the report's.
    return CellRichText(
        [
            _stored(r.text) if r.plain else TextBlock(_FONTS[(r.bold, r.italic)], _stored(r.text))
            for r in runs
            if r.text
        ]
    )


# -- splitting a long cell over rows -----------------------------------------


def chunk_capacity(width: float) -> tuple[int, int]:
    """(characters per line, lines per row) for a column of ``width``."""
    return max(8, int(width * CHARS_PER_WIDTH)), MAX_LINES_PER_ROW


def _lines(paragraph_length: int, per_line: int) -> int:
    return max(1, math.ceil(paragraph_length / per_line))


def estimate_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column of ``width`` (on the generous side)."""
    return lines_at(text, chunk_capacity(width)[0])


def lines_at(text: str, per_line: int) -> int:
    """How many lines ``text`` wraps to at ``per_line`` characters a line.

    Every paragraph takes a line, and one more for each further ``per_line``
    characters (the sum of ``_lines`` over the paragraphs, counted without a
    call for each of the thousands of short ones).
    """
    if len(text) <= per_line:
        return text.count("\n") + 1
    lines = text.count("\n") + 1
    for paragraph in text.split("\n"):
        if len(paragraph) > per_line:
            lines += (len(paragraph) - 1) // per_line
    return lines


def _break_inside(text: str, start: int, end: int) -> int:
    """Where to break a paragraph that does not fit in ``[start, end)``: at the last space."""
    cut = text.rfind(" ", start + 1, end + 1)
    return cut if cut > start else end


def _next_chunk(text: str, start: int, per_line: int, max_lines: int) -> int:
    """End of the chunk starting at ``start``: whole paragraphs while they fit."""
    lines = 0
    pos = start
    while pos < len(text):
        newline = text.find("\n", pos)
        para_end = len(text) if newline == -1 else newline
        needed = _lines(para_end - pos, per_line)
        if lines + needed <= max_lines:
            lines += needed
            pos = para_end + 1 if newline != -1 else para_end
            continue
        if pos > start:  # the chunk already holds whole paragraphs: stop before this one
            return pos - 1
        return _break_inside(text, pos, pos + (max_lines - lines) * per_line)
    return len(text)


#: Text this long is within the cell limit however it is counted (UTF-16 doubles at most).
_SURELY_WITHIN_LIMIT = (CELL_LIMIT - 256) // 2


def _within_cell_limit(text: str, start: int, end: int) -> int:
    """Pull ``end`` back so the chunk fits Excel's cell limit (room left for a label)."""
    limit = CELL_LIMIT - 256
    while excel_length(text[start:end]) > limit:
        end = start + (end - start) * limit // excel_length(text[start:end])
    return end


def split_points(text: str, width: float) -> list[tuple[int, int]]:
    """``[start, end)`` of each chunk of ``text`` that prints in full in one row."""
    per_line, max_lines = chunk_capacity(width)
    if len(text) <= _SURELY_WITHIN_LIMIT and lines_at(text, per_line) <= max_lines:
        return [(0, len(text))] if text else [(0, 0)]  # most texts: one chunk, as below
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = _within_cell_limit(text, start, _next_chunk(text, start, per_line, max_lines))
        end = max(end, start + 1)
        spans.append((start, end))
        start = end
        if start < len(text) and text[start] in " \n":
            start += 1  # the space or line break the split replaced
        while start < len(text) and text[start] == "\n":
            start += 1  # blank lines at the top of a continuation row say nothing
    return spans or [(0, 0)]


def _slice(runs: list[Run], start: int, end: int) -> list[Run]:
    out: list[Run] = []
    pos = 0
    for r in runs:
        r_start, r_end = pos, pos + len(r.text)
        pos = r_end
        lo, hi = max(start, r_start), min(end, r_end)
        if lo < hi:
            out.append(Run(r.text[lo - r_start : hi - r_start], r.bold, r.italic))
    return out


def split_runs(runs: list[Run], width: float) -> list[list[Run]]:
    """``runs`` cut into chunks that each print in full in a column of ``width``."""
    text = text_of(runs)
    if not text:
        return [[]]
    spans = split_points(text, width)
    if len(spans) == 1:  # the whole text in one row: the runs as they are
        return [[r for r in runs if r.text]]
    return [_slice(runs, s, e) for s, e in spans]
