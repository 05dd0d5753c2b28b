"""Reading a written workbook back the way an officer would see it, and the text
rules (``safe_text``, ``runs``) that decide what is stored for a typed text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock

from challenge_app.export.runs import (
    MAX_LINES_PER_ROW,
    Run,
    estimate_lines,
    split_points,
    split_runs,
    text_of,
)
from challenge_app.export.safe_text import (
    CELL_LIMIT,
    MARKER,
    clean,
    escape,
    excel_length,
    shown,
)


def open_workbook(path: Path):
    return load_workbook(path, rich_text=True)


def runs(cell) -> list[tuple[str, bool, bool]]:
    """(text, italic, bold) for each run of a cell, as read with ``rich_text=True``.

    openpyxl's rich-text reader already undoes Excel's ``_x005F_`` escape in
    its own way; ``shown_raw`` is the exact view for the escaping tests.
    """
    value = cell.value
    if value is None:
        return []
    if isinstance(value, CellRichText):
        out = []
        for block in value:
            if isinstance(block, TextBlock):
                out.append((block.text, bool(block.font.i), bool(block.font.b)))
            else:
                out.append((block, False, False))
        return out
    return [(str(value), False, bool(cell.font and cell.font.b))]


def shown_raw(path: Path, sheet: str, coordinate: str) -> str:
    """What Excel shows for a plain-text cell: the stored string, Excel's escapes undone."""
    return shown(load_workbook(path)[sheet][coordinate].value)


def text(cell) -> str:
    return "".join(t for t, _, _ in runs(cell))


def italic_text(cell) -> str:
    return "".join(t for t, italic, _ in runs(cell) if italic)


def plain_text(cell) -> str:
    return "".join(t for t, italic, _ in runs(cell) if not italic)


def column(ws, col: int = 1) -> list[str]:
    return [text(ws.cell(row=r, column=col)) for r in range(2, ws.max_row + 1)]


def codes(ws) -> list[str]:
    """The measure code at the start of each first-column cell, from row 2."""
    return [t.split(" ", 1)[0] for t in column(ws)]


def sheet_xml(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {
            n: z.read(n).decode("utf-8")
            for n in z.namelist()
            if n.startswith("xl/worksheets/sheet")
        }


# -- the text rules themselves (safe_text, runs) ------------------------------
# These live beside the reading helpers because both describe the same thing:
# what is stored for a typed text, and what Excel shows for it.


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("plain", "plain"),
        ("=SUM(A1)", "=SUM(A1)"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("Word\x0bbreak\x0cpage", "Word\nbreak\npage"),
        ("nul\x00bell\x07esc\x1b", f"nul{MARKER}bell{MARKER}esc{MARKER}"),
        ("lone \ud800 surrogate", f"lone {MARKER} surrogate"),
        ("tab\tkept", "tab\tkept"),
    ],
)
def test_clean(typed, stored):
    assert clean(typed) == stored


def test_escape_round_trips_through_what_excel_shows():
    for typed in ("_x0041_", "a_x000D_b", "_x005F_", "_x12", "no escapes"):
        assert shown(escape(typed)) == typed
    assert escape("_x0041_") == "_x005F_x0041_"


def test_excel_counts_emoji_twice():
    assert excel_length("ab") == 2
    assert excel_length("a\N{GRINNING FACE}") == 3


def test_short_text_is_one_chunk():
    assert split_points("A short comment.", 52) == [(0, 16)]


def test_long_text_breaks_between_paragraphs():
    para = "word " * 60
    text_ = "\n".join([para.strip()] * 20)
    spans = split_points(text_, 52)
    assert len(spans) > 1
    for start, end in spans:
        assert text_[start:end].startswith("word") and text_[start:end].endswith("word")
        assert estimate_lines(text_[start:end], 52) <= MAX_LINES_PER_ROW


def test_split_keeps_styles_of_each_piece():
    runs_ = [Run("a " * 2000), Run("question?", italic=True)]
    pieces = split_runs(runs_, 52)
    assert pieces[-1][-1] == Run("question?", italic=True)
    assert all(not r.italic for piece in pieces[:-1] for r in piece[:-1])


@given(st.text(alphabet=st.sampled_from("ab \n\N{GRINNING FACE}"), max_size=6000))
def test_splitting_loses_only_the_whitespace_at_each_break(text_):
    spans = split_points(text_, 30)
    rebuilt = []
    previous_end = 0
    for start, end in spans:
        gap = text_[previous_end:start]
        assert gap.strip(" \n") == "", "only spaces or line breaks are dropped"
        rebuilt.append(text_[start:end])
        previous_end = end
        assert excel_length(text_[start:end]) <= CELL_LIMIT
    assert text_[previous_end:] == ""
    assert "".join(rebuilt).replace(" ", "").replace("\n", "") == text_.replace(" ", "").replace(
        "\n", ""
    )


def test_text_of_joins_runs():
    assert text_of([Run("a"), Run("b", bold=True)]) == "ab"
