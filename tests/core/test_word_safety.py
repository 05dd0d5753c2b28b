"""Typed text in the Word report comes out exactly as typed: never a field, a
hyperlink or a formula, never cut; and the file is written whole or not at all."""

from __future__ import annotations

import zipfile

import pytest

from challenge_app.errors import InputError
from challenge_app.export.safe_text import MARKER
from challenge_app.models import Measure, Parties, Target
from challenge_app.word import export_report
from tests.core.test_export_safety import HYPERLINK, _one_measure_store
from tests.core.word_support import cell_text, open_document, styled_text

TABLE = 2  # summary, Appendix 2's tiles, Appendix 2's table (Appendix 1 is empty)


def _export(store, meeting, tmp_path):
    out = tmp_path / "report.docx"
    export_report(store, meeting, out)
    return out, open_document(out)


def _record(document):
    """The one measure's row in Appendix 2."""
    return document.tables[TABLE].rows[1].cells


def _bullet(document):
    return next(p for p in document.paragraphs if p.style.name == "List Bullet")


def _all_xml(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


def test_formula_like_text_prints_as_typed_and_makes_no_field(store, tmp_path):
    meeting = _one_measure_store(
        store,
        {
            "council_comment": HYPERLINK,
            "questions": ("+1 more visits?", "-2 is the trend", "@SUM(A1:A3)"),
            "provider_response": "{ PAGE } #N/A",
            "meeting_notes": "=1+1",
            "headline": '=HYPERLINK("http://evil","click")',
        },
    )
    out, document = _export(store, meeting, tmp_path)
    _, comment, response = _record(document)
    assert styled_text(comment, italic=False) == HYPERLINK
    assert styled_text(comment, italic=True) == "+1 more visits?\n-2 is the trend\n@SUM(A1:A3)"
    assert styled_text(response, italic=False) == "{ PAGE } #N/A"
    assert styled_text(response, italic=True) == "=1+1"
    assert _bullet(document).text.endswith(' - =HYPERLINK("http://evil","click")')
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
    for marker in ("w:hyperlink", "w:fldSimple", "w:fldChar", "w:instrText"):
        assert marker not in body, marker
    # The only fields anywhere are the footer's page numbers, which are ours.
    assert _all_xml(out).count("w:fldSimple ") == 2


def test_party_names_and_titles_are_typed_text_too(store, tmp_path):
    meeting = _one_measure_store(store, {}, parties=Parties("=DMBC", "@Trust"))
    _, document = _export(store, meeting, tmp_path)
    header = [c.text for c in document.tables[TABLE].rows[0].cells]
    assert header[1:] == ["=DMBC Comment", "@Trust Response"]


def test_control_characters_handled_as_in_the_workbook(store, tmp_path):
    meeting = _one_measure_store(
        store,
        {
            "council_comment": "Line one\x0bline two\x0cpage two\r\nbell\x07here\x00end",
            "questions": ("tab\tkept?",),
        },
    )
    _, document = _export(store, meeting, tmp_path)
    comment = _record(document)[1]
    expected = f"Line one\nline two\npage two\nbell{MARKER}here{MARKER}end"
    assert styled_text(comment, italic=False) == expected
    assert styled_text(comment, italic=True) == "tab\tkept?"


def test_spaces_and_excel_escapes_are_kept_verbatim(store, tmp_path):
    typed = "  Ref _x0041_ and _x005F_ stay  "
    meeting = _one_measure_store(store, {"provider_response": typed, "headline": typed})
    _, document = _export(store, meeting, tmp_path)
    assert cell_text(_record(document)[2]) == typed  # Word has no _xHHHH_ escapes
    assert _bullet(document).text.endswith(" - " + typed)


def test_a_100000_character_comment_is_written_whole_in_one_row(store, tmp_path):
    paragraph = "The Council notes the position reported by the provider. " * 20
    comment = "\n\n".join(f"{i}: {paragraph.strip()}" for i in range(90))
    comment = (comment + " " + "x" * 100_000)[:100_000]
    assert len(comment) == 100_000
    meeting = _one_measure_store(store, {"council_comment": comment, "questions": ("Enough?",)})
    _, document = _export(store, meeting, tmp_path)
    table = document.tables[TABLE]
    assert len(table.rows) == 2  # the header and one row: no "(continued)" rows
    cell = table.rows[1].cells[1]
    assert styled_text(cell, italic=False) == comment
    assert styled_text(cell, italic=True) == "Enough?"


def test_an_empty_appendix_says_so_without_a_table(store, tmp_path):
    meeting = _one_measure_store(store, {"council_comment": "Noted."})
    _, document = _export(store, meeting, tmp_path)
    texts = [p.text for p in document.paragraphs]
    assert "No measures are placed in Appendix 1 for 2016/17 Q1." in texts
    assert len(document.tables) == 3  # the summary, then Appendix 2's tiles and table


# -- the file itself (a locked file, a folder not writable: test_export_files) ----


def test_the_name_must_end_in_docx(demo_store, tmp_path):
    meeting = demo_store.meetings.latest_for_period("2016/17 Q1")
    with pytest.raises(InputError, match=r"must end in \.docx \(Word opens it by that\)"):
        export_report(demo_store, meeting, tmp_path / "report.doc")
    assert not list(tmp_path.glob("report*"))


def test_a_measure_yet_to_report_is_noted_beside_its_area_and_listed(store, tmp_path):
    meeting = _one_measure_store(store, {"council_comment": "Noted."})
    title = "Social workers with a current registration"
    store.measures.upsert([Measure("C15", title, "Social Care")])
    store.measures.upsert_targets([("C15", Target("2016/17", 100, 95))])  # no figure yet
    _, document = _export(store, meeting, tmp_path)
    summary = document.tables[0]
    assert [c.text for c in summary.rows[1].cells] == [
        "Social Care (one additional measure yet to report)", "1", "", "", "", "1",
    ]  # fmt: skip
    assert [c.text for c in summary.rows[2].cells] == ["Total", "1", "", "", "", "1"]
    texts = [p.text for p in document.paragraphs]
    listed = texts.index("Yet to report: C15 Social workers with a current registration.")
    assert texts[listed + 1].startswith("Hard to shift")  # straight under the table
