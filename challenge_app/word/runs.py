"""Typed text into Word paragraphs and table cells, exactly as typed, and quickly.

The report's cells are built from the same runs as the workbook's
(``challenge_app.export.runs``: plain, bold or italic pieces, already cleaned of
characters a file cannot hold by ``safe_text.clean``), so the two documents say
the same words in the same styles.

In Word a blank line between paragraphs is better written as two paragraphs:
the council's template then spaces them by its own style, and a screen reader
reads them as paragraphs. So a cell's runs are cut into paragraphs where the
text has a blank line; a single line break stays a line break (``w:br``), a tab
a tab (``w:tab``), and nothing else changes. Joining a cell's paragraphs with a
blank line gives back the text exactly.

Text is only ever written as run text (``w:t``), which Word never reads as a
field, hyperlink or formula, so a question typed as ``=HYPERLINK("http://x","y")``
prints as typed.

**Why the runs are written as elements here, not with ``paragraph.add_run``.**
python-docx turns a run's text into XML one character at a time and looks a
style up by scanning every style in the document; a year's report (300
measures, a million characters) spent two thirds of its time there. The
paragraphs and runs are therefore made here with lxml, exactly as python-docx
would make them (``w:p``/``w:pPr``/``w:r``/``w:rPr``/``w:t``, ``xml:space``
kept for text with spaces at its ends), on the elements ``markup`` reaches
through python-docx's public ``element`` accessors. Structure (sections,
tables, headings, header and footer) stays with python-docx's API.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from lxml.etree import ElementBase, SubElement

from challenge_app.export.runs import Run
from challenge_app.word import markup

#: Where a cell's text is cut into paragraphs.
PARAGRAPH_BREAK = "\n\n"

_P, _PPR, _PSTYLE, _JC = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:jc")
_R, _RPR, _B, _I, _SZ = qn("w:r"), qn("w:rPr"), qn("w:b"), qn("w:i"), qn("w:sz")
_T, _BR, _TAB, _VAL = qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:val")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def paragraphs_of(runs: list[Run]) -> list[list[Run]]:
    """``runs`` cut into paragraphs at each blank line; styles kept on each side."""
    paragraphs: list[list[Run]] = [[]]
    for run in runs:
        pieces = run.text.split(PARAGRAPH_BREAK)
        for i, piece in enumerate(pieces):
            if i:
                paragraphs.append([])
            if piece:
                paragraphs[-1].append(Run(piece, run.bold, run.italic))
    return [p for p in paragraphs if p] or [[]]


def _text(run: ElementBase, text: str) -> None:
    """``text`` into a ``w:r``: line breaks as ``w:br``, tabs as ``w:tab``."""
    for i, line in enumerate(text.split("\n")):
        if i:
            SubElement(run, _BR)
        for j, piece in enumerate(line.split("\t")):
            if j:
                SubElement(run, _TAB)
            if piece:
                t = SubElement(run, _T)
                t.text = piece
                if piece[0].isspace() or piece[-1].isspace():
                    t.set(_SPACE, "preserve")


def write_runs(paragraph: ElementBase, runs: list[Run], *, size: int | None = None) -> ElementBase:
    """Append ``runs`` to a ``w:p`` in their styles (``size`` in points); return it."""
    for r in runs:
        run = SubElement(paragraph, _R)
        if r.bold or r.italic or size:
            properties = SubElement(run, _RPR)
            if r.bold:
                SubElement(properties, _B)
            if r.italic:
                SubElement(properties, _I)
            if size:
                SubElement(properties, _SZ).set(_VAL, str(size * 2))
        _text(run, r.text)
    return paragraph


def new_paragraph(
    parent: ElementBase, *, style_id: str | None = None, centred: bool = False
) -> ElementBase:
    """An empty ``w:p`` appended to ``parent`` (a cell), with its paragraph properties."""
    paragraph = SubElement(parent, _P)
    _paragraph_properties(paragraph, style_id, centred)
    return paragraph


def _paragraph_properties(paragraph: ElementBase, style_id: str | None, centred: bool) -> None:
    if style_id or centred:
        properties = SubElement(paragraph, _PPR)
        if style_id:
            SubElement(properties, _PSTYLE).set(_VAL, style_id)
        if centred:
            SubElement(properties, _JC).set(_VAL, "center")


def fill_cell(cell: ElementBase, runs: list[Run], *, centred: bool = False) -> None:
    """Write ``runs`` into an empty ``w:tc``, one paragraph per blank-line-separated part."""
    first = cell.find(_P)  # a new cell holds one empty paragraph, as Word requires
    for i, part in enumerate(paragraphs_of(runs)):
        if i == 0 and first is not None:
            _paragraph_properties(first, None, centred)
            write_runs(first, part)
        else:
            write_runs(new_paragraph(cell, centred=centred), part)


def body_paragraph(
    document: Document, runs: list[Run], *, style_id: str | None = None
) -> ElementBase:
    """A paragraph of ``runs`` at the end of the document's body (before its section end)."""
    paragraph = markup.new_body_paragraph(document)
    _paragraph_properties(paragraph, style_id, False)
    return write_runs(paragraph, runs)
