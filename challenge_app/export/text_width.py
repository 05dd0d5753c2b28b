"""How many lines a cell's text wraps to when LibreOffice prints it.

LibreOffice keeps the row heights a workbook gives it, so a row too short
for its text prints with the last lines cut off (the status line of a
measure, say). Counting characters is not enough: digits and capitals are
wider than the average letter, bold is wider than plain, and a line breaks
at a word, not at a character. So the text is laid out here as LibreOffice
lays it out: each character's width from Arial's metrics (Liberation Sans,
which LibreOffice uses in its place, has the same advances), words placed
greedily on lines no wider than the column, bold runs measured in bold.

Column widths count the default font's digit: Arial 11's "0" is 8 pixels,
6 points, so a column of width ``w`` holds ``6 * w`` points of text, less a
little for the cell's margins (measured against LibreOffice's own wrapping:
the estimate errs towards one line too many, never one too few).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate, repeat

from challenge_app.export.layout import FONT_SIZE
from challenge_app.export.runs import Run

#: Points of text per unit of column width (Arial 11's digit is 6 points).
POINTS_PER_WIDTH = 6.0
#: Points lost to the cell's margins, rounded up.
CELL_MARGIN = 1.5

# Advance widths in thousandths of an em for " " to "~", regular and bold.
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)  # fmt: skip
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)  # fmt: skip
#: Punctuation officers type that is not ASCII (the same in both weights, or wider in bold).
_EXTRA = {"£": 556, "€": 556, "–": 556, "—": 1000, "…": 1000, "•": 350, "½": 834, "¼": 834}
_EXTRA_BOLD = {"‘": 278, "’": 278, "“": 500, "”": 500}
_EXTRA_REGULAR = {"‘": 222, "’": 222, "“": 333, "”": 333}
#: Accented Latin letters: as wide as the widest of their plain forms.
_LATIN = {chr(c): 722 for c in range(0xC0, 0x180)}
#: Anything else (other scripts, symbols) is taken as a full em: too wide rather than cut.
_UNKNOWN = 1000


def _table(ascii_widths: Sequence[int], extra: dict[str, int]) -> dict[str, int]:
    table = {chr(32 + i): w for i, w in enumerate(ascii_widths)}
    table.update(_LATIN)
    table.update(_EXTRA)
    table.update(extra)
    table["\u00a0"] = table[" "]
    return table


_WIDTHS = {False: _table(_REGULAR, _EXTRA_REGULAR), True: _table(_BOLD, _EXTRA_BOLD)}


def text_width(text: str, bold: bool = False) -> int:
    """Width of ``text`` in thousandths of an em."""
    table = _WIDTHS[bold]
    return sum(map(table.get, text, repeat(_UNKNOWN)))


def line_room(width: float, size: float = FONT_SIZE) -> float:
    """Room on one line of a column of ``width``, in thousandths of an em at ``size``."""
    return max(1.0, POINTS_PER_WIDTH * width - CELL_MARGIN) * 1000 / size


#: The widest character there is (Arial's "@", 1015), in thousandths of an em:
#: a paragraph no longer than a line's room divided by this surely fits on it.
WIDEST = max(_UNKNOWN, *_WIDTHS[False].values(), *_WIDTHS[True].values())
_SPACE = _WIDTHS[False][" "]  # the same in bold

#: Advances of words already measured (each word's width and the space after
#: it), plain and bold: a workbook's prose repeats its words, and looking one
#: up is quicker than adding up its letters.
_KNOWN: dict[bool, dict[str, int]] = {False: {}, True: {}}
_KNOWN_LIMIT = 50_000


def _advances(words: list[str], bold: bool) -> list[int]:
    """Each word's width with the space after it."""
    known = _KNOWN[bold]
    try:  # nearly always: every word seen before, looked up without a Python loop
        return list(map(known.__getitem__, words))
    except KeyError:
        pass
    if len(known) > _KNOWN_LIMIT:
        known.clear()
    advances = []
    for word in words:
        a = known.get(word)
        if a is None:
            a = known[word] = text_width(word, bold) + _SPACE
        advances.append(a)
    return advances


def _paragraphs(runs: Sequence[Run]) -> list[list[int]]:
    """The advances of the words of each paragraph; a word may run across runs."""
    paragraphs: list[list[int]] = [[]]
    glued = False  # the last run ended inside a word: the next one carries it on
    for run in runs:
        for index, piece in enumerate(run.text.split("\n")):
            if index:
                paragraphs.append([])
                glued = False
            words = paragraphs[-1]
            advances = _advances(piece.split(" "), run.bold)
            if glued and words:
                words[-1] += advances.pop(0) - _SPACE
            words.extend(advances)
            glued = bool(piece) and not piece.endswith(" ")
    return paragraphs


def _wrap(ends: list[int], room: float) -> int:
    """Lines one paragraph takes, words placed greedily as LibreOffice places them.

    ``ends`` is the running total of the words' advances. Each line is found
    at once, by bisecting it, so a long paragraph costs a few steps a line
    rather than one a word.
    """
    if ends[-1] - _SPACE <= room:
        return 1
    reach = room + _SPACE  # a line's last word may hang its space past the end
    lines, i, base, n = 0, 0, 0, len(ends)
    while i < n:
        j = bisect_right(ends, base + reach, i)  # the last word that fits on this line
        if j == i:  # a word longer than a line is broken wherever it must be
            lines += math.ceil((ends[i] - base - _SPACE) / room)
            j = i + 1
        else:
            lines += 1
        i, base = j, ends[j - 1]
    return lines


def _one_weight(text: str, bold: bool, room: float) -> int:
    """Lines ``text``, all in one weight, takes at ``room`` a line.

    Short paragraphs are settled without laying them out: they fit however
    wide their letters.
    """
    surely_fits = room // WIDEST
    lines = 0
    for paragraph in text.split("\n"):
        if len(paragraph) <= surely_fits:
            lines += 1
        else:
            lines += _wrap(list(accumulate(_advances(paragraph.split(" "), bold))), room)
    return lines


def _joined(runs: Sequence[Run]) -> str:
    """Runs of one weight as one text, laid out as ``_paragraphs`` lays them out.

    A word carries on across runs; where a run ends after a space or a line
    break, the next run's first word is placed after one space more (the
    layout has always counted it, erring a little wide).
    """
    parts = [runs[0].text]
    for run in runs[1:]:
        if parts[-1][-1] in " \n":
            parts.append(" ")
        parts.append(run.text)
    return "".join(parts)


def lines_within(text: str | Sequence[Run], room: float, bold: bool = False) -> int:
    """Lines ``text`` takes at ``room`` a line (see ``line_room``): a plain string,
    in bold if ``bold``, or runs, some of them bold."""
    if isinstance(text, str):
        return _one_weight(text, bold, room)
    runs = [r for r in text if r.text]
    if not runs:
        return 1
    bold = runs[0].bold
    if all(r.bold == bold for r in runs):  # most cells: italic is as wide as plain
        return _one_weight(_joined(runs), bold, room)
    return sum(_wrap(list(accumulate(words)), room) for words in _paragraphs(runs))


def wrapped_lines(text: str | Sequence[Run], width: float, size: float = FONT_SIZE) -> int:
    """Lines ``text`` (plain, or runs some of them bold) takes in a column of ``width``."""
    return lines_within(text, line_room(width, size))
