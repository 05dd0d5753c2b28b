"""Typed text comes out exactly as typed: never a formula, never cut, never lost."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

import pytest

from challenge_app.errors import InputError
from challenge_app.export import ExportCancelled, export_appendices
from challenge_app.export.safe_text import CELL_LIMIT, MARKER, excel_length
from challenge_app.models import Challenge, Measure, Meeting, Parties, Placement, Reading, Target
from tests.core.test_export_files import leftovers
from tests.core.test_export_support import (
    italic_text,
    open_workbook,
    plain_text,
    sheet_xml,
    shown_raw,
    text,
)

HYPERLINK = '=HYPERLINK("http://x","y")'


DMBC_TRUST = Parties("DMBC", "Trust")


def _one_measure_store(store, challenge_fields: dict, parties=DMBC_TRUST):
    store.measures.upsert([Measure("A2", "Timeliness of single assessments", "Social Care")])
    store.measures.upsert_targets([("A2", Target("2016/17", 92, 90))])
    store.measures.upsert_readings([Reading("A2", "2016/17 Q1", 88)])
    store.settings.set_parties(parties)
    meeting = store.meetings.save(Meeting(None, "Q1 meeting", date(2016, 8, 2), "2016/17 Q1"))
    store.meetings.save_challenge(
        Challenge(meeting.id, "A2", placement=Placement.APPENDIX2, **challenge_fields)
    )
    return meeting


def _headline_cell(wb):
    """The Headlines sheet's one headline (A2, under the Appendix 2 section)."""
    ws = wb["Headlines"]
    row = next(
        r
        for r in range(2, ws.max_row + 1)
        if text(ws.cell(row=r, column=1)) == "A2 Timeliness of single assessments"
    )
    return ws.cell(row=row, column=3)


def _export(store, meeting, tmp_path: Path):
    out = tmp_path / "out.xlsx"
    export_appendices(store, meeting, out)
    return out, open_workbook(out)


def test_formula_like_text_stays_text_without_an_apostrophe(store, tmp_path):
    meeting = _one_measure_store(
        store,
        {
            "council_comment": HYPERLINK,
            "questions": ("+1 more visits?", "-2 is the trend", "@SUM(A1:A3)"),
            "provider_response": "#N/A",
            "meeting_notes": "=1+1",
            "headline": '=HYPERLINK("http://evil","click")',
        },
    )
    out, wb = _export(store, meeting, tmp_path)
    ws = wb["Appendix 2"]
    comment, response = ws["B2"], ws["C2"]
    assert plain_text(comment) == HYPERLINK + "\n\n"
    assert italic_text(comment) == "+1 more visits?\n-2 is the trend\n@SUM(A1:A3)"
    assert plain_text(response) == "#N/A\n\n"
    assert italic_text(response) == "=1+1"
    assert text(_headline_cell(wb)) == '=HYPERLINK("http://evil","click")'
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type in ("s", "n", "d") or cell.value is None, cell
                assert cell.quotePrefix is not True
    for name, xml in sheet_xml(out).items():
        assert "<f>" not in xml and "<f " not in xml, name
        assert "HYPERLINK" not in xml or 't="inlineStr"' in xml


def test_plain_cell_starting_with_equals_is_a_string(store, tmp_path):
    meeting = _one_measure_store(store, {"headline": HYPERLINK})
    _, wb = _export(store, meeting, tmp_path)
    cell = _headline_cell(wb)
    assert cell.data_type == "s" and cell.value == HYPERLINK


def test_party_names_are_typed_text_too(store, tmp_path):
    meeting = _one_measure_store(store, {}, parties=Parties("=DMBC", "@Trust"))
    _, wb = _export(store, meeting, tmp_path)
    ws = wb["Appendix 2"]
    assert (ws["B1"].value, ws["C1"].value) == ("=DMBC Comment", "@Trust Response")
    assert ws["B1"].data_type == "s"


def test_forbidden_characters_replaced_and_the_rest_kept(store, tmp_path):
    meeting = _one_measure_store(
        store,
        {
            "council_comment": "Line one\x0bline two\x0cpage two\r\nbell\x07here\x00end",
            "questions": ("tab\tkept?",),
        },
    )
    _, wb = _export(store, meeting, tmp_path)
    cell = wb["Appendix 2"]["B2"]
    assert plain_text(cell) == f"Line one\nline two\npage two\nbell{MARKER}here{MARKER}end\n\n"
    assert italic_text(cell) == "tab\tkept?"


def test_excel_escape_sequences_are_shown_as_typed(store, tmp_path):
    typed = "Ref _x0041_ and _x005F_ stay"
    meeting = _one_measure_store(store, {"provider_response": typed})
    out, _ = _export(store, meeting, tmp_path)
    assert shown_raw(out, "Appendix 2", "C2") == typed
    xml = "".join(sheet_xml(out).values())
    assert "_x005F_x0041_" in xml  # what Excel itself writes for a literal _x0041_


def test_leading_and_trailing_spaces_survive(store, tmp_path):
    meeting = _one_measure_store(store, {"headline": "  indented and trailing  "})
    _, wb = _export(store, meeting, tmp_path)
    assert text(_headline_cell(wb)) == "  indented and trailing  "


def test_text_over_the_cell_limit_carries_on_over_continued_rows(store, tmp_path):
    paragraph = "The Council notes the position. " * 40  # ~1,300 characters
    long_comment = "\n\n".join(f"{i}: {paragraph.strip()}" for i in range(30))
    no_spaces = "x" * 40_000
    assert len(long_comment) > CELL_LIMIT
    meeting = _one_measure_store(
        store,
        {
            "council_comment": long_comment,
            "questions": ("Is it enough?",),
            "provider_response": no_spaces,
            "meeting_notes": "Noted.",
        },
    )
    store.measures.upsert([Measure("B9", "Stability", "Children in Care")])
    store.meetings.save_challenge(Challenge(meeting.id, "B9", placement=Placement.APPENDIX2))
    _, wb = _export(store, meeting, tmp_path)
    ws = wb["Appendix 2"]
    first_col = [text(ws.cell(row=r, column=1)) for r in range(2, ws.max_row + 1)]
    assert first_col[0].startswith("A2 Timeliness")
    continued = [t for t in first_col if t.startswith("A2 (continued)")]
    assert len(continued) == len(first_col) - 2 and len(continued) > 1
    assert first_col[-1].startswith("B9 Stability")  # the next measure follows on
    rows = range(2, ws.max_row)  # every A2 row
    for r in rows:
        for c in (1, 2, 3):
            assert excel_length(text(ws.cell(row=r, column=c))) <= CELL_LIMIT
    comment_plain = [plain_text(ws.cell(row=r, column=2)) for r in rows]
    comment_italic = "".join(italic_text(ws.cell(row=r, column=2)) for r in rows)
    response_plain = "".join(plain_text(ws.cell(row=r, column=3)) for r in rows)
    response_italic = "".join(italic_text(ws.cell(row=r, column=3)) for r in rows)
    # Nothing lost: only the paragraph breaks where a row ends are dropped.
    assert "\n\n".join(p.strip("\n") for p in comment_plain if p) == long_comment
    assert comment_italic == "Is it enough?"
    assert response_plain.replace("\n", "") == no_spaces
    assert response_italic == "Noted."


def test_a_title_too_long_for_any_cell_is_refused_by_name(store, tmp_path):
    meeting = _one_measure_store(store, {})
    store.measures.upsert([Measure("A2", "T" * (CELL_LIMIT + 10), "Social Care")])
    out = tmp_path / "out.xlsx"
    with pytest.raises(InputError, match="32,767"):
        export_appendices(store, meeting, out)
    assert not out.exists()


# -- the file itself (a locked file, a folder not writable: test_export_files) ----


def test_cancelled_export_writes_nothing(demo_store, tmp_path):
    meeting = demo_store.meetings.latest_for_period("2016/17 Q1")
    out = tmp_path / "appendices.xlsx"
    out.write_bytes(b"old")

    def cancel_when_saving(done, total, what=""):
        if what.startswith("Saving"):
            raise ExportCancelled()

    with pytest.raises(ExportCancelled):
        export_appendices(demo_store, meeting, out, cancel_when_saving)
    assert out.read_bytes() == b"old"
    assert leftovers(tmp_path) == []
    assert gc.isenabled()  # paused only while the workbook was being built


def test_the_cycle_collector_is_paused_for_the_export_only(demo_store, tmp_path):
    meeting = demo_store.meetings.latest_for_period("2016/17 Q1")
    during = []
    export_appendices(
        demo_store, meeting, tmp_path / "a.xlsx", lambda *_: during.append(gc.isenabled())
    )
    assert during and not any(during[:-1])  # the last report comes once it is saved
    assert gc.isenabled()
    gc.disable()
    try:
        export_appendices(demo_store, meeting, tmp_path / "b.xlsx")
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_failure_while_writing_leaves_no_half_file(demo_store, tmp_path, monkeypatch):
    from openpyxl import Workbook

    meeting = demo_store.meetings.latest_for_period("2016/17 Q1")

    def disk_full(self, filename):
        Path(filename).write_bytes(b"PK half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", disk_full)
    out = tmp_path / "appendices.xlsx"
    with pytest.raises(InputError, match="No space left"):
        export_appendices(demo_store, meeting, out)
    assert not out.exists()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["appendices.csv", "appendices"])
def test_output_must_be_an_xlsx(demo_store, tmp_path, name):
    meeting = demo_store.meetings.latest_for_period("2016/17 Q1")
    with pytest.raises(InputError, match=r"\.xlsx"):
        export_appendices(demo_store, meeting, tmp_path / name)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("demo.db")] == []


def test_progress_is_reported_to_the_end(demo_store, tmp_path):
    meeting = demo_store.meetings.latest_for_period("2016/17 Q1")
    heard = []
    export_appendices(
        demo_store, meeting, tmp_path / "a.xlsx", lambda d, t, w="": heard.append((d, t))
    )
    assert heard[0][0] == 0 and heard[-1][0] == heard[-1][1]
    assert [d for d, _ in heard] == sorted(d for d, _ in heard)
