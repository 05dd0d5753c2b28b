"""The few WordprocessingML settings python-docx has no property for.

The report needs four things python-docx (1.2) cannot say through its
object API: a table's header row marked to repeat on every page
(``w:tblHeader``), a cell's shading (``w:shd``), a table's borders
(``w:tblBorders``) and the page-number fields in the footer.

We never reach into python-docx's private attributes (``row._tr``,
``table._tbl``, ``paragraph._p``) for them. The elements are reached through
the two doors python-docx documents as public: ``Document.element`` (the
``w:document`` element; ``ElementProxy.element``) and ``part.element`` (the
root element of a header or footer part, ``XmlPart.element``, reached from
the public ``footer.part``). From there it is plain lxml, and new elements are
made with python-docx's public ``docx.oxml.OxmlElement`` and ``docx.oxml.ns.qn``.

WordprocessingML is strict about the order of the children of ``w:tcPr``,
``w:trPr`` and ``w:tblPr`` (Word calls a file with them out of order
corrupt), so every insertion here goes before the elements the schema puts
after it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.table import Table
from lxml.etree import ElementBase as Element

#: Children of ``w:tcPr`` that the schema places after ``w:shd``.
_AFTER_CELL_SHADING = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
                       "w:hideMark", "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge",
                       "w:tcPrChange")  # fmt: skip
#: Children of ``w:tcPr`` that the schema places after ``w:vAlign``.
_AFTER_VERTICAL_ALIGNMENT = _AFTER_CELL_SHADING[5:]
#: Children of ``w:rPr`` that the schema places after ``w:color``.
_AFTER_TEXT_COLOUR = ("w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
                      "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
                      "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                      "w:specVanish", "w:oMath")  # fmt: skip
#: Children of ``w:trPr`` that the schema places after ``w:tblHeader``.
_AFTER_TABLE_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
#: Children of ``w:tblPr`` that the schema places after ``w:tblBorders``.
_AFTER_TABLE_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                        "w:tblDescription", "w:tblPrChange")  # fmt: skip


def _insert(parent: Element, child: Element, successors: Sequence[str]) -> Element:
    """Put ``child`` into ``parent`` before the first of ``successors`` present, else last."""
    tags = {qn(tag) for tag in successors}
    for existing in parent.iterchildren():
        if existing.tag in tags:
            existing.addprevious(child)
            return child
    parent.append(child)
    return child


def _element(tag: str, **attributes: str) -> Element:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def last_table(document: Document) -> Element:
    """The ``w:tbl`` element of the table just added at the end of the document's body.

    Call it straight after ``document.add_table``: tables are added before the
    body's closing section properties, so the newest is the last ``w:tbl``.
    """
    body = document.element.find(qn("w:body"))
    return body.findall(qn("w:tbl"))[-1]


def new_body_paragraph(document: Document) -> Element:
    """An empty ``w:p`` at the end of the body, before the closing section properties."""
    body = document.element.find(qn("w:body"))
    paragraph = OxmlElement("w:p")
    last = body[-1] if len(body) else None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(paragraph)
    else:
        body.append(paragraph)
    return paragraph


def new_row(table: Table, element: Element) -> list[Element]:
    """Add a row to ``table`` (python-docx sizes its cells); return the row's ``w:tc`` elements.

    A new row is the last child of the ``w:tbl`` element.
    """
    table.add_row()
    return cells(element[-1])


def rows(table: Element) -> Iterator[Element]:
    """The ``w:tr`` elements of a table, in order."""
    return table.iterchildren(qn("w:tr"))


def cells(row: Element) -> list[Element]:
    """The ``w:tc`` elements of a row, in order."""
    return list(row.iterchildren(qn("w:tc")))


def repeat_as_header(row: Element) -> None:
    """Mark a table's first row to repeat at the top of every page the table runs onto."""
    tr_pr = row.find(qn("w:trPr"))
    if tr_pr is None:
        tr_pr = OxmlElement("w:trPr")
        prefix = row.find(qn("w:tblPrEx"))
        if prefix is None:
            row.insert(0, tr_pr)
        else:
            prefix.addnext(tr_pr)
    if tr_pr.find(qn("w:tblHeader")) is None:
        _insert(tr_pr, _element("w:tblHeader"), _AFTER_TABLE_HEADER)


def _cell_properties(cell: Element) -> Element:
    tc_pr = cell.find(qn("w:tcPr"))
    if tc_pr is None:
        tc_pr = OxmlElement("w:tcPr")
        cell.insert(0, tc_pr)
    return tc_pr


def centre_vertically(cell: Element) -> None:
    """Centre a cell's content between its top and bottom edges."""
    tc_pr = _cell_properties(cell)
    if tc_pr.find(qn("w:vAlign")) is None:
        _insert(tc_pr, _element("w:vAlign", val="center"), _AFTER_VERTICAL_ALIGNMENT)


def shade(cell: Element, fill: str) -> None:
    """Fill a cell with the colour ``fill`` (RGB hex, e.g. "B7DFB0")."""
    tc_pr = _cell_properties(cell)
    existing = tc_pr.find(qn("w:shd"))
    if existing is not None:
        tc_pr.remove(existing)
    _insert(tc_pr, _element("w:shd", val="clear", color="auto", fill=fill), _AFTER_CELL_SHADING)


def borders(table: Element, colour: str, eighths_of_a_point: int) -> None:
    """Every border of a table, outside and between cells, in one colour and width."""
    tbl_pr = table.find(qn("w:tblPr"))
    existing = tbl_pr.find(qn("w:tblBorders"))
    if existing is not None:
        tbl_pr.remove(existing)
    edges = _element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        size = str(eighths_of_a_point)
        edges.append(_element(f"w:{edge}", val="single", sz=size, space="0", color=colour))
    _insert(tbl_pr, edges, _AFTER_TABLE_BORDERS)


def colour_text(cell: Element, colour: str) -> None:
    """Every run in a cell in the colour ``colour`` (RGB hex)."""
    for run in cell.iter(qn("w:r")):
        r_pr = run.find(qn("w:rPr"))
        if r_pr is None:
            r_pr = OxmlElement("w:rPr")
            run.insert(0, r_pr)
        _insert(r_pr, _element("w:color", val=colour), _AFTER_TEXT_COLOUR)


def _field(instruction: str, shown: str) -> Element:
    """A simple field (``PAGE``, ``NUMPAGES``) with the text shown until Word updates it."""
    field = _element("w:fldSimple", instr=f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    return field


def page_numbers(section: Section, before: str = "Page ", between: str = " of ") -> None:
    """Add "Page 3 of 12" to the end of the section's footer's first paragraph.

    The numbers are Word's own PAGE and NUMPAGES fields, written by us: no
    text the officer typed ever becomes a field.
    """
    footer = section.footer
    paragraph = footer.paragraphs[0]
    root = footer.part.element
    element = root.findall(qn("w:p"))[0]
    paragraph.add_run(before)
    element.append(_field("PAGE", "1"))
    paragraph.add_run(between)
    element.append(_field("NUMPAGES", "1"))
