"""The Word report's parts on their own: cutting text into paragraphs, writing runs
as python-docx reads them back, and WordprocessingML properties in schema order."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from challenge_app.export.runs import Run
from challenge_app.word import markup
from challenge_app.word.runs import body_paragraph, paragraphs_of
from challenge_app.word.tables import add_table


@pytest.mark.parametrize(
    ("runs", "paragraphs"),
    [
        ([], [[]]),
        ([Run("one")], [[Run("one")]]),
        ([Run("a\nb")], [[Run("a\nb")]]),  # a line break stays a line break
        ([Run("a\n\nb")], [[Run("a")], [Run("b")]]),
        ([Run("a\n\n\nb")], [[Run("a")], [Run("\nb")]]),  # nothing lost
        (
            [Run("comment\n\n"), Run("q1\nq2", italic=True)],
            [[Run("comment")], [Run("q1\nq2", italic=True)]],
        ),
        ([Run("bold", bold=True), Run(" - headline")], [[Run("bold", True), Run(" - headline")]]),
    ],
)
def test_paragraphs_cut_at_blank_lines(runs, paragraphs):
    assert paragraphs_of(runs) == paragraphs


@pytest.mark.parametrize(
    "text",
    ["plain", "  leading and trailing  ", "tab\there", "line\nbreak", "\n\tstarts odd", "é ✓ 😀"],
)
def test_written_runs_read_back_as_typed(text):
    document = docx.Document()
    body_paragraph(document, [Run(text, italic=True), Run("!", bold=True)])
    paragraph = document.paragraphs[-1]
    assert paragraph.text == text + "!"
    assert [(r.italic, r.bold) for r in paragraph.runs] == [(True, None), (None, True)]


def test_a_body_paragraph_goes_before_the_section_end():
    document = docx.Document()
    body_paragraph(document, [Run("first")])
    body_paragraph(document, [Run("second")], style_id=document.styles["List Bullet"].style_id)
    body = document.element.find(qn("w:body"))
    assert body[-1].tag == qn("w:sectPr")
    assert [p.text for p in document.paragraphs] == ["first", "second"]
    assert document.paragraphs[-1].style.name == "List Bullet"


def _children(element) -> list[str]:
    return [child.tag.split("}")[1] for child in element]


def test_cell_properties_stay_in_schema_order():
    document = docx.Document()
    table, element = add_table(document, [1_000_000, 1_000_000])
    cells = markup.new_row(table, element)
    markup.centre_vertically(cells[0])
    markup.shade(cells[0], "B7DFB0")
    markup.shade(cells[0], "F4B6B0")  # a second colour replaces the first
    assert _children(cells[0].find(qn("w:tcPr"))) == ["tcW", "shd", "vAlign"]
    assert cells[0].find(f"{qn('w:tcPr')}/{qn('w:shd')}").get(qn("w:fill")) == "F4B6B0"
    assert table.rows[0].cells[0].vertical_alignment is not None  # python-docx reads it


def test_header_row_flag_and_borders_in_schema_order():
    document = docx.Document()
    table, element = add_table(document, [1_000_000])
    markup.new_row(table, element)
    table.rows[0].height = 300_000  # python-docx's own w:trHeight
    markup.repeat_as_header(element[-1])
    markup.repeat_as_header(element[-1])  # twice is once
    assert _children(element[-1].find(qn("w:trPr"))) == ["trHeight", "tblHeader"]
    markup.borders(element, "FFFFFF", 24)
    properties = _children(element.find(qn("w:tblPr")))
    assert properties.index("tblBorders") < properties.index("tblLayout")
    assert properties.index("tblW") < properties.index("tblBorders")
