"""The export's quick paths give exactly what the long way round gives.

Line counting, splitting and row heights each have a shortcut for the common
case (a text that fits in one row); these tests hold them to the plain
definitions they replace.
"""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from challenge_app.export.row_heights import RowHeights, text_height
from challenge_app.export.runs import (
    Run,
    _next_chunk,
    _within_cell_limit,
    chunk_capacity,
    estimate_lines,
    lines_at,
    split_points,
    split_runs,
)
from challenge_app.export.text_width import line_room, text_width, wrapped_lines

TEXTS = st.text(alphabet=st.sampled_from("ab \n\N{GRINNING FACE}"), max_size=4000)
WIDTHS = st.sampled_from([2, 10, 30, 52, 80])


def _lines_by_definition(text: str, width: float) -> int:
    per_line, _ = chunk_capacity(width)
    return sum(max(1, math.ceil(len(p) / per_line)) for p in text.split("\n"))


def _split_the_long_way(text: str, width: float) -> list[tuple[int, int]]:
    per_line, max_lines = chunk_capacity(width)
    spans, start = [], 0
    while start < len(text):
        end = _within_cell_limit(text, start, _next_chunk(text, start, per_line, max_lines))
        end = max(end, start + 1)
        spans.append((start, end))
        start = end
        if start < len(text) and text[start] in " \n":
            start += 1
        while start < len(text) and text[start] == "\n":
            start += 1
    return spans or [(0, 0)]


@given(TEXTS, WIDTHS)
def test_line_count_is_the_sum_over_paragraphs(text, width):
    assert estimate_lines(text, width) == _lines_by_definition(text, width)
    assert lines_at(text, chunk_capacity(width)[0]) == _lines_by_definition(text, width)


@given(TEXTS, WIDTHS)
def test_split_points_as_the_long_way_round(text, width):
    assert split_points(text, width) == _split_the_long_way(text, width)


def test_a_text_in_one_row_keeps_its_runs():
    runs = [Run("comment\n\n"), Run("question?", italic=True)]
    assert split_runs(runs, 52) == [runs]


@given(TEXTS, st.sampled_from([11, 12, 16, 20]), st.booleans())
def test_noted_height_is_text_height(text, size, wrap):
    heights = RowHeights([30, 52])
    heights.note(1, 2, text, size, wrap)
    expected = text_height(text, 52, size, wrap) if text else None
    assert heights.rows.get(1) == expected


def _wrapped_the_long_way(runs: list[Run], width: float) -> int:
    """Every word measured letter by letter and placed on the line greedily."""
    room = line_room(width)
    space = text_width(" ")
    paragraphs: list[list[int]] = [[]]
    glued = False
    for run in (r for r in runs if r.text):
        for index, piece in enumerate(run.text.split("\n")):
            if index:
                paragraphs.append([])
                glued = False
            widths = [text_width(word, run.bold) for word in piece.split(" ")]
            if glued:
                paragraphs[-1][-1] += widths.pop(0)
            paragraphs[-1].extend(widths)
            glued = bool(piece) and not piece.endswith(" ")
    lines = 0
    for words in paragraphs:
        i = 0
        while i < len(words):
            if words[i] > room:
                lines += math.ceil(words[i] / room)
                i += 1
                continue
            line, i = words[i], i + 1
            while i < len(words) and line + space + words[i] <= room:
                line, i = line + space + words[i], i + 1
            lines += 1
    return max(1, lines)  # an empty cell still takes a line


RUNS = st.lists(
    st.builds(
        Run, st.text(alphabet=st.sampled_from("il mW@ \n\N{EM DASH}"), max_size=300), st.booleans()
    ),
    max_size=4,
)


@given(RUNS, WIDTHS)
def test_wrapped_lines_as_the_long_way_round(runs, width):
    assert wrapped_lines(runs, width) == _wrapped_the_long_way(runs, width)
