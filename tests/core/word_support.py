"""Reading a written report back as Word would show it: python-docx for the text,
and the document's XML (through the public ``Document.element``) for the flags
python-docx has no property for."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table


def open_document(path: Path) -> Document:
    return docx.Document(str(path))


def table_elements(document: Document) -> list:
    """The body's ``w:tbl`` elements, in the order of ``document.tables``."""
    return document.element.find(qn("w:body")).findall(qn("w:tbl"))


def cell_text(cell) -> str:
    """A cell's text as typed: its paragraphs were cut at blank lines."""
    return "\n\n".join(p.text for p in cell.paragraphs)


def styled_text(cell, *, italic: bool) -> str:
    """The text of a cell's italic (or upright) runs, paragraphs joined by a blank line."""
    parts = []
    for paragraph in cell.paragraphs:
        text = "".join(r.text for r in paragraph.runs if bool(r.italic) == italic)
        if text:
            parts.append(text)
    return "\n\n".join(parts)


def row_codes(table: Table) -> list[str]:
    """The measure code at the start of each record row (the header row left out)."""
    return [row.cells[0].paragraphs[0].runs[0].text.split()[0] for row in table.rows[1:]]


def repeats_header(tbl) -> list[bool]:
    """For each row of a ``w:tbl``: is it marked to repeat on every page?"""
    return [tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in _rows(tbl)]


def cant_split(tbl) -> list[bool]:
    """For each row of a ``w:tbl``: is it kept from breaking across pages?"""
    return [tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in _rows(tbl)]


def fills(tbl) -> list[list[str | None]]:
    """Each cell's shading colour (``w:shd/@w:fill``), row by row."""
    out = []
    for tr in _rows(tbl):
        row = []
        for tc in tr.iterchildren(qn("w:tc")):
            shd = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
            row.append(None if shd is None else shd.get(qn("w:fill")))
        out.append(row)
    return out


def _rows(tbl):
    return list(tbl.iterchildren(qn("w:tr")))


def heading_texts(document: Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]
