"""The Word report written from the demo database, read back with python-docx."""

from __future__ import annotations

import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from challenge_app.export.report import gather
from challenge_app.models import Placement
from challenge_app.rag import Status
from challenge_app.word import export_report
from tests.core.test_export_workbook import DEMO_SUMMARY, DEMO_SUMMARY_HEADER
from tests.core.word_support import (
    cant_split,
    cell_text,
    fills,
    heading_texts,
    open_document,
    repeats_header,
    row_codes,
    styled_text,
    table_elements,
)

SUMMARY, TILES_1, TABLE_1, TILES_2, TABLE_2 = range(5)


@pytest.fixture
def report(demo_store, q1):
    return gather(demo_store, q1)


@pytest.fixture
def document(demo_store, q1, tmp_path):
    out = tmp_path / "report.docx"
    export_report(demo_store, q1, out)
    return open_document(out)


def _codes(report, placement):
    return [r.code for r in report.placed(placement)]


def test_headings_in_the_report_order(document):
    assert heading_texts(document, "Heading 1") == [
        "Quarter 1 2016/17",
        "Appendix 1: Areas of good and improving performance",
        "Appendix 2: Areas of concern or potential concern",
    ]
    assert heading_texts(document, "Heading 2") == [
        "Hard to shift: outside tolerance for two or more consecutive quarters",
        "Areas of good and improving performance – headline conclusions drawn by the Council",
        "Areas of concern / potential concern – headline conclusions drawn by the Council",
    ]


def test_summary_counts_with_an_empty_cell_for_zero(document):
    table = document.tables[SUMMARY]
    assert [c.text for c in table.rows[0].cells] == DEMO_SUMMARY_HEADER
    body = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert body == [["" if v is None else str(v) for v in row] for row in DEMO_SUMMARY]
    # An empty cell is really empty: no "0" hidden in a run of its own.
    assert table.rows[4].cells[1].paragraphs[0].runs == []
    # The status headings carry their colour beside the words.
    assert fills(table_elements(document)[SUMMARY])[0][1:5] == [
        Status.RED.colour,
        Status.AMBER.colour,
        Status.GREEN.colour,
        Status.NONE.colour,
    ]


def test_hard_to_shift_paragraph_names_code_and_title(document, report):
    paragraphs = [p for p in document.paragraphs]
    heading = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Hard to shift"))
    paragraph = paragraphs[heading + 1]
    stuck = [r for r in report.board if r.hard_to_shift and r.measure.kind == "contract"]
    assert stuck, "the demo has hard-to-shift measures"
    bold = [r.text for r in paragraph.runs if r.bold]
    assert bold == [f"{r.code} {r.measure.title}" for r in stuck]
    assert "A3 Case file audits rated requires improvement or better (3 quarters)" in paragraph.text


def test_bullets_bold_code_and_title_then_the_headline_verbatim(document, report, demo_challenges):
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    expected = [
        r
        for placement in (Placement.APPENDIX1, Placement.APPENDIX2)
        for r in report.placed(placement)
        if r.challenge is not None and r.challenge.headline.strip()
    ]
    assert len(bullets) == len(expected) > 0
    for paragraph, row in zip(bullets, expected, strict=True):
        first, *rest = paragraph.runs
        assert first.bold and first.text == f"{row.code}: {row.measure.title}"
        assert not any(r.bold for r in rest)
        assert "".join(r.text for r in rest) == " - " + demo_challenges[row.code]["headline"]
    codes = [b.runs[0].text.split(":")[0] for b in bullets]
    assert codes.index("A4") < codes.index("F03") < codes.index("A2") < codes.index("C14")


def test_appendix_tables_one_row_a_measure_header_repeated(document, report):
    elements = table_elements(document)
    for index, placement in ((TABLE_1, Placement.APPENDIX1), (TABLE_2, Placement.APPENDIX2)):
        table = document.tables[index]
        assert [c.text for c in table.rows[0].cells] == [
            "Measure & performance",
            "DMBC Comment",
            "Trust Response",
        ]
        assert row_codes(table) == _codes(report, placement)
        assert repeats_header(elements[index]) == [True] + [False] * (len(table.rows) - 1)
        # Long rows may break across pages: none is held together.
        assert not any(cant_split(elements[index]))
        for row in table.rows[1:]:
            assert cell_text(row.cells[0]).strip(), "never an empty row"


def test_first_column_is_measure_figures_and_status_on_its_colour(document, report):
    table = document.tables[TABLE_2]
    row = next(r for r in table.rows[1:] if r.cells[0].text.startswith("A2 "))
    assert row.cells[0].text.split("\n") == [
        "A2 Timeliness of single assessments",
        "Q1 = 88%  July = 88%",
        "Target: 92%  Tolerance: 90%",
        "Outside tolerance",
    ]
    index = [r.cells[0].text[:3] for r in table.rows].index("A2 ")
    assert fills(table_elements(document)[TABLE_2])[index][0] == Status.RED.colour


def test_questions_and_notes_are_italic_runs(document, demo_challenges):
    table = document.tables[TABLE_2]
    row = next(r for r in table.rows[1:] if r.cells[0].text.startswith("A2 "))
    a2 = demo_challenges["A2"]
    comment, response = row.cells[1], row.cells[2]
    assert styled_text(comment, italic=False) == a2["council_comment"]
    assert styled_text(comment, italic=True) == "\n".join(a2["questions"])
    assert styled_text(response, italic=False) == a2["provider_response"]
    assert styled_text(response, italic=True) == a2["meeting_notes"]
    assert cell_text(comment) == a2["council_comment"] + "\n\n" + "\n".join(a2["questions"])


def test_appendices_are_landscape_a4_sections(document):
    first, appendix1, appendix2 = document.sections
    assert first.orientation == WD_ORIENT.PORTRAIT
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    for section in (appendix1, appendix2):
        assert section.orientation == WD_ORIENT.LANDSCAPE
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
        assert section.page_width > section.page_height + Mm(50)


def test_overview_tiles_shaded_by_appendix_with_words(document, report):
    elements = table_elements(document)
    for index, placement, colour in (
        (TILES_1, Placement.APPENDIX1, Status.GREEN.colour),
        (TILES_2, Placement.APPENDIX2, Status.RED.colour),
    ):
        rows = report.placed(placement)
        tiles = [c for row in document.tables[index].rows for c in row.cells][: len(rows)]
        for tile, row in zip(tiles, rows, strict=True):
            lines = [p.text for p in tile.paragraphs]
            assert lines[0] == row.code
            assert lines[3] == row.status.report_wording  # never colour alone
        shaded = [f for row in fills(elements[index]) for f in row if f]
        assert shaded == [colour] * len(rows)


def test_uses_words_own_styles_and_page_numbers(document):
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2", "List Bullet"} <= styles
    assert {t.style.name for t in document.tables} == {"Table Grid"}
    footer = document.sections[0].footer.part.element
    fields = [f.get(f"{{{footer.nsmap['w']}}}instr").strip() for f in footer.iter(
        f"{{{footer.nsmap['w']}}}fldSimple")]  # fmt: skip
    assert fields == ["PAGE", "NUMPAGES"]


def test_protective_marking_in_header_when_set(demo_store, q1, tmp_path):
    demo_store.settings.set_protective_marking("OFFICIAL-SENSITIVE")
    out = tmp_path / "marked.docx"
    export_report(demo_store, q1, out)
    section = open_document(out).sections[0]
    assert section.header.paragraphs[0].text == "OFFICIAL-SENSITIVE"
    assert section.footer.paragraphs[0].text.startswith("OFFICIAL-SENSITIVE")

    demo_store.settings.set_protective_marking("")
    export_report(demo_store, q1, out)
    section = open_document(out).sections[0]
    assert [p.text for p in section.header.paragraphs] == [""]


def test_only_what_the_meeting_said_is_published(document):
    # A1, A06... are suggested for Appendix 1 but nothing was written for them.
    assert row_codes(document.tables[TABLE_1]) == ["A4", "B9", "F03"]
    assert row_codes(document.tables[TABLE_2]) == ["A2", "A3", "B14", "C14"]
    tiles = [c.paragraphs[0].text for row in document.tables[TILES_1].rows for c in row.cells]
    assert tiles == ["A4", "B9", "F03"]


def test_bullets_and_tables_follow_the_officers_appendix_order(demo_store, q1, tmp_path):
    # The officer puts C14 first in Appendix 2, as the reference report lists A09 before A06.
    demo_store.meetings.set_appendix_order(q1.id, Placement.APPENDIX2, ["C14", "A2", "A3", "B14"])
    out = tmp_path / "ordered.docx"
    export_report(demo_store, q1, out)
    document = open_document(out)
    bullets = [
        p.runs[0].text.split(":")[0] for p in document.paragraphs if p.style.name == "List Bullet"
    ]
    assert bullets == ["A4", "B9", "F03", "C14", "A2", "A3", "B14"]
    assert row_codes(document.tables[TABLE_2]) == ["C14", "A2", "A3", "B14"]
    tiles = [c.paragraphs[0].text for row in document.tables[TILES_2].rows for c in row.cells]
    assert tiles == ["C14", "A2", "A3", "B14"]
