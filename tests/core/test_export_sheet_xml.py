"""The report's own cell writer writes exactly the XML openpyxl's would (``sheet_xml``)."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.writer import excel

from challenge_app.export import export_appendices
from challenge_app.export.appendices import build_workbook
from challenge_app.export.cells import SheetWriter, Styles
from challenge_app.export.layout import use_report_font
from challenge_app.export.report import gather
from challenge_app.export.runs import Run
from challenge_app.export.sheet_xml import mark, report_cells


def _sheets(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")}


def _both_ways(build, tmp_path: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """``build()`` saved by openpyxl alone, and again with the report's cell writer."""
    build().save(tmp_path / "stock.xlsx")
    with report_cells():
        build().save(tmp_path / "ours.xlsx")
    return _sheets(tmp_path / "stock.xlsx"), _sheets(tmp_path / "ours.xlsx")


def test_the_demo_export_is_written_byte_for_byte_as_openpyxl_would(demo_store, tmp_path):
    meeting = demo_store.meetings.latest_for_period("2016/17 Q1")
    stock, ours = _both_ways(lambda: build_workbook(gather(demo_store, meeting)), tmp_path)
    assert len(stock) == 7
    assert ours == stock


def _awkward_workbook(*, marked: bool = True) -> Workbook:
    wb = Workbook()
    use_report_font(wb)
    ws = wb.active
    if marked:
        mark(ws)
    sheet = SheetWriter(ws, (20, 30, 40), Styles(wb))
    sheet.text(1, 1, 'a & b < c > d "quoted"\ttab')
    sheet.text(1, 2, "  leading and trailing  ")
    sheet.text(1, 3, "   ")
    sheet.text(2, 1, "")
    sheet.text(2, 2, [Run(" plain "), Run("=1+1 italic\n", italic=True), Run("bold", bold=True)])
    sheet.text(2, 3, "=SUM(A1:A2)")
    sheet.number(3, 1, 42)
    sheet.number(3, 2, 0.1 + 0.2)
    sheet.number(3, 3, date(2016, 8, 2), number_format="d mmm yyyy")
    sheet.number(4, 1, None)
    sheet.figures(4, 2, [float("nan"), 7, float("-inf"), 12345678901234567890, -0.0, 1 / 3])
    ws["A5"] = True
    ws["B5"] = "=1+1"  # a real formula: openpyxl's own writer
    ws["C5"] = "with a comment"
    ws["C5"].comment = Comment("a note", "someone")
    ws["A6"] = "a link"
    ws["A6"].hyperlink = "https://example.org/?a=1&b=2"
    ws["B6"] = CellRichText(["plain ", TextBlock(InlineFont(i=True), " italic ")])
    for bare in (7, 8, 12):  # rows with a height and no cells, between and after the others
        ws.row_dimensions[bare].height = 30
    ws["A9"] = "after two bare rows"
    sheet.finish()
    return wb


def test_awkward_cells_are_written_as_openpyxl_would(tmp_path):
    stock, ours = _both_ways(_awkward_workbook, tmp_path)
    assert ours == stock


def test_unmarked_sheets_and_other_saves_are_left_to_openpyxl(tmp_path):
    stock, ours = _both_ways(lambda: _awkward_workbook(marked=False), tmp_path)
    assert ours == stock
    assert excel.WorksheetWriter.__name__ == "WorksheetWriter"  # put back after saving


def test_every_written_row_carries_its_height(demo_store, tmp_path):
    """LibreOffice keeps one-line rows unless told the height: each row must say it."""
    meeting = demo_store.meetings.latest_for_period("2016/17 Q1")
    out = export_appendices(demo_store, meeting, tmp_path / "a.xlsx").path
    for name, xml in _sheets(out).items():
        if name.endswith(".rels"):
            continue
        rows = re.findall(r"<row [^>]*>", xml.decode("utf-8"))
        assert rows, name
        for row in rows:
            assert 'customHeight="1"' in row and " ht=" in row, (name, row)
