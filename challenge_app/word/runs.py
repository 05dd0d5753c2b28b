"""Typed text into Word paragraphs and table cells, exactly as typed.

The report's cells are built from the same runs as the workbook's
(``challenge_app.export.runs``: plain, bold or italic pieces, already cleaned of
characters a file cannot hold by ``safe_text.clean``), so the two documents say
the same words in the same styles.

In Word a blank line between paragraphs is better written as two paragraphs:
the council's template then spaces them by its own style, and a screen reader
reads them as paragraphs. So a cell's runs are cut into paragraphs where the
text has a blank line; a single line break stays a line break (python-docx
writes it as ``w:br``), and nothing else changes. Joining a cell's paragraphs
with a blank line gives back the text exactly.

Text is only ever written as run text: python-docx stores it as ``w:t``, which
Word never reads as a field, hyperlink or formula, so a question typed as
``=HYPERLINK("http://x","y")`` prints as typed.
"""

from __future__ import annotations

from docx.blkcntnr import BlockItemContainer
from docx.text.paragraph import Paragraph

from challenge_app.export.runs import Run

#: Where a cell's text is cut into paragraphs.
PARAGRAPH_BREAK = "\n\n"


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


def add_runs(paragraph: Paragraph, runs: list[Run]) -> Paragraph:
    """Append ``runs`` to ``paragraph`` in their styles; return the paragraph."""
    for r in runs:
        run = paragraph.add_run(r.text)
        if r.bold:
            run.bold = True
        if r.italic:
            run.italic = True
    return paragraph


def fill_cell(cell: BlockItemContainer, runs: list[Run]) -> None:
    """Write ``runs`` into an empty table cell, one paragraph per blank-line-separated part."""
    first, *rest = paragraphs_of(runs)
    add_runs(cell.paragraphs[0], first)
    for part in rest:
        add_runs(cell.add_paragraph(), part)
