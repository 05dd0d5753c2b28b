"""The measure table model, its filter proxy and the RAG badge, without a window."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from challenge_app.board import board_for_meeting, move_in_appendix
from challenge_app.models import Challenge, Measure, Placement
from challenge_app.rag import Status
from ui.list.measure_filter import MeasureFilterProxy
from ui.list.measure_model import ROW_ROLE, STATUS_ROLE, Column, MeasureTableModel
from ui.list.rag_delegate import badge_colours, contrast_ratio

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def rows(demo_store):
    meeting = demo_store.meetings.all()[0]  # 2016/17 Q1, the latest
    return board_for_meeting(demo_store, meeting)


@pytest.fixture
def model(rows):
    m = MeasureTableModel()
    m.set_rows(rows)
    return m


@pytest.fixture
def proxy(model):
    p = MeasureFilterProxy()
    p.setSourceModel(model)
    p.sort(Column.CODE, Qt.SortOrder.AscendingOrder)
    return p


def cell(model, code: str, column: Column, role=DISPLAY):
    position = model.position_of(code)
    return model.index(position, column).data(role)


def codes(proxy) -> list[str]:
    return [proxy.index(r, Column.CODE).data() for r in range(proxy.rowCount())]


def test_model_and_proxy_pass_qt_model_tester(qtmodeltester, model, proxy):
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_empty_model_passes_qt_model_tester(qtmodeltester):
    qtmodeltester.check(MeasureTableModel())


def test_cells_use_the_reports_formatting(model):
    # A2 in 2016/17 Q1: higher is better, 88% against 92% (tolerance 90%) is Red.
    assert cell(model, "A2", Column.TITLE) == "Timeliness of single assessments"
    assert cell(model, "A2", Column.VALUE) == "88%"
    assert cell(model, "A2", Column.LATEST) == "July = 88%"
    assert cell(model, "A2", Column.TARGET) == "92%"
    assert cell(model, "A2", Column.TOLERANCE) == "90%"
    assert cell(model, "A2", Column.STATUS) == "Red"
    assert Status(cell(model, "A2", Column.STATUS, STATUS_ROLE)) is Status.RED
    assert cell(model, "A2", Column.WRITTEN) == "✎"  # the demo has A2's challenge
    assert cell(model, "A2", Column.PLACEMENT) == "Appendix 2 · 1"  # first in Appendix 2
    assert cell(model, "E1", Column.STATUS) == "No target"
    assert cell(model, "E1", Column.TARGET) == ""
    assert model.headerData(Column.VALUE, Qt.Orientation.Horizontal, DISPLAY) == "Q1 2016/17"


def test_figures_tooltip_has_the_reports_lines(model):
    tip = cell(model, "F03", Column.VALUE, Qt.ItemDataRole.ToolTipRole)
    assert "Q1 = 0.02 per 100,000  July = 0.07 per 100,000" in tip
    assert "Target: 0.42 per 100,000  Tolerance: 0.75 per 100,000" in tip


def test_status_and_symbols_are_spoken_in_words(model):
    spoken = Qt.ItemDataRole.AccessibleTextRole
    assert cell(model, "A2", Column.STATUS, spoken) == "RAG status Red: Outside tolerance"
    assert cell(model, "A1", Column.STATUS, spoken) == "RAG status Green: On or better than target"
    assert cell(model, "A1", Column.TRAVEL, spoken) == "Direction of travel: Improving"
    assert cell(model, "A1", Column.WRITTEN, spoken) == "No challenge written yet"
    assert cell(model, "A2", Column.WRITTEN, spoken) == "Challenge written"


def test_suggested_placement_is_italic_and_says_so(model):
    italic = cell(model, "A1", Column.PLACEMENT, Qt.ItemDataRole.FontRole)
    assert italic is not None and italic.italic()
    assert "suggested" in cell(model, "A1", Column.PLACEMENT, Qt.ItemDataRole.ToolTipRole)
    assert cell(model, "A2", Column.PLACEMENT, Qt.ItemDataRole.FontRole) is None  # decided


def test_natural_code_order_by_default(proxy):
    order = codes(proxy)
    assert order.index("A2") < order.index("A10")
    assert order.index("A4") < order.index("A06") < order.index("A8") < order.index("A09")
    assert order[-1] == "G1"


def test_sorting_by_figures_compares_numbers_and_puts_blanks_last(proxy, model):
    proxy.sort(Column.TARGET, Qt.SortOrder.AscendingOrder)
    targets = [proxy.index(r, Column.TARGET).data(ROW_ROLE).target for r in range(proxy.rowCount())]
    numbers = [t.target for t in targets if t and t.target is not None]
    assert numbers == sorted(numbers)
    assert proxy.index(proxy.rowCount() - 1, Column.TARGET).data() == ""


def test_sorting_by_status_puts_worst_first(proxy):
    proxy.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
    statuses = [proxy.index(r, Column.STATUS).data() for r in range(proxy.rowCount())]
    assert statuses[0] == "Red" and statuses[-1] == "No target"


def test_filters_combine(proxy):
    proxy.set_area("Children in Care")
    assert set(codes(proxy)) == {"B9", "B10", "B11", "B13", "B14", "E20-22"}
    proxy.set_status(Status.RED)
    assert codes(proxy) == ["B14"]
    proxy.clear_filters()
    proxy.set_text("care LEAVERS")
    assert codes(proxy) == ["B13", "B14"]
    proxy.set_text("")
    proxy.set_placement(Placement.NONE)
    assert "E1" in codes(proxy) and "A2" not in codes(proxy)
    proxy.clear_filters()
    proxy.set_written(True)
    assert "A2" in codes(proxy) and "A1" not in codes(proxy)
    assert proxy.is_filtered


def test_update_row_changes_only_that_row(qtbot, model, rows):
    a1 = rows[0]
    written = replace(
        a1, challenge=Challenge(1, "A1", council_comment="x", placement=Placement.APPENDIX2)
    )
    with qtbot.waitSignal(model.dataChanged) as blocker:
        assert model.update_row(written)
    top_left, bottom_right = blocker.args[0], blocker.args[1]
    assert top_left.row() == bottom_right.row() == model.position_of("A1")
    assert cell(model, "A1", Column.WRITTEN) == "✎"
    # published now: it takes its place in Appendix 2's order (after A09... in code order)
    assert cell(model, "A1", Column.PLACEMENT) == "Appendix 2 · 1"
    assert cell(model, "A2", Column.PLACEMENT) == "Appendix 2 · 2"
    assert not model.update_row(replace(a1, measure=Measure("ZZ9", "x", "y")))


def test_text_that_looks_like_html_is_shown_as_typed(rows):
    typed = '<b>Bold</b> <img src="x.png"> & more'
    model = MeasureTableModel()
    model.set_rows([replace(rows[0], measure=replace(rows[0].measure, title=typed))])
    assert model.index(0, Column.TITLE).data() == typed
    tip = model.index(0, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>Bold" not in tip and "&lt;b&gt;Bold&lt;/b&gt;" in tip


@pytest.mark.parametrize("status", list(Status))
def test_badge_text_contrasts_with_its_fill(status):
    fill, ink = badge_colours(status)
    assert fill == QColor(f"#{status.colour}")
    assert contrast_ratio(fill, ink) >= 4.5  # WCAG AA for normal text


def test_rates_are_written_short_enough_for_their_cells(model):
    assert cell(model, "F03", Column.VALUE) == "0.02 /100k"
    assert cell(model, "F03", Column.LATEST) == "July = 0.07 /100k"
    assert cell(model, "F03", Column.TARGET) == "0.42 /100k"


def test_the_placement_column_shows_what_is_published_and_where(model):
    # A1 is suggested for Appendix 1 but nothing is written: a prompt, in italics, unnumbered
    assert cell(model, "A1", Column.PLACEMENT) == "Appendix 1"
    assert cell(model, "A1", Column.PLACEMENT, Qt.ItemDataRole.FontRole).italic()
    tip = cell(model, "A1", Column.PLACEMENT, Qt.ItemDataRole.ToolTipRole)
    assert "not published" in tip
    # the demo meeting's Appendix 1, in order
    assert [cell(model, c, Column.PLACEMENT) for c in ("A4", "B9", "F03")] == [
        "Appendix 1 · 1",
        "Appendix 1 · 2",
        "Appendix 1 · 3",
    ]
    assert model.appendix_place("B9") == (2, 3)
    assert model.appendix_place("A1") is None
    assert "2nd of 3 in Appendix 1" in cell(
        model, "B9", Column.PLACEMENT, Qt.ItemDataRole.ToolTipRole
    )


def test_sorting_by_placement_follows_the_appendix_order(demo_store, proxy, model):
    meeting = demo_store.meetings.all()[0]
    assert move_in_appendix(demo_store, meeting, "F03", -1)
    model.set_rows(board_for_meeting(demo_store, meeting))
    proxy.sort(Column.PLACEMENT, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(r, Column.CODE).data() for r in range(proxy.rowCount())]
    published = [c for c in shown if model.appendix_place(c)]
    assert published == ["A4", "F03", "B9", "A2", "A3", "B14", "C14"]
