"""The measure list fits its pane: the title takes the spare width, columns can be
hidden and shown from the header's menu, and the choice is remembered."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from ui.list.measure_list import ALWAYS_SHOWN, DEFAULT_HIDDEN
from ui.list.measure_model import Column


def shown_columns(window) -> list[Column]:
    header = window.measures.view.horizontalHeader()
    return [c for c in Column if not header.isSectionHidden(c)]


def test_by_default_the_list_fits_a_1366_screen_with_the_written_mark(demo_store, open_window):
    window = open_window(demo_store)
    window.resize(1366, 740)
    QApplication.processEvents()
    view = window.measures.view
    assert Column.WRITTEN in shown_columns(window)
    assert set(DEFAULT_HIDDEN).isdisjoint(shown_columns(window))
    assert not view.horizontalScrollBar().isVisible()
    header = view.horizontalHeader()
    assert header.length() <= view.viewport().width()
    # The title column has the spare width, and more than any other column.
    others = [header.sectionSize(c) for c in shown_columns(window) if c != Column.TITLE]
    assert header.sectionSize(Column.TITLE) > max(others)


def test_the_title_takes_the_spare_width_and_its_tooltip_has_it_whole(demo_store, open_window):
    window = open_window(demo_store)
    window.resize(1366, 740)
    QApplication.processEvents()
    header = window.measures.view.horizontalHeader()
    before = header.sectionSize(Column.TITLE)
    window.splitter.setSizes([900, 466])
    QApplication.processEvents()
    assert header.sectionSize(Column.TITLE) > before
    view = window.measures.view
    index = view.model().index(2, Column.TITLE)
    title = index.data()
    assert view.textElideMode() == Qt.TextElideMode.ElideRight
    assert title in index.data(Qt.ItemDataRole.ToolTipRole)


def test_the_header_menu_hides_and_shows_columns_and_they_are_remembered(
    qtbot, demo_store, open_window, ui_settings
):
    window = open_window(demo_store)
    menu = window.measures.columns_menu
    offered = {a.text(): c for c, a in menu.actions_by_column.items()}
    assert not set(ALWAYS_SHOWN) & set(offered.values())  # code and title always show
    # Right-click on the header opens the same menu.
    header = window.measures.view.horizontalHeader()
    seen = []

    def close_menu():
        popup = QApplication.activePopupWidget()
        seen.append(popup)
        if popup is not None:
            popup.close()

    QTimer.singleShot(50, close_menu)
    header.customContextMenuRequested.emit(QPoint(10, 5))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0] is menu

    menu.actions_by_column[Column.AREA].trigger()  # show Area
    menu.actions_by_column[Column.PLACEMENT].trigger()  # hide Placement
    assert Column.AREA in shown_columns(window)
    assert Column.PLACEMENT not in shown_columns(window)
    assert menu.actions_by_column[Column.AREA].isChecked()
    assert not menu.actions_by_column[Column.PLACEMENT].isChecked()
    window.close()

    again = open_window(demo_store, settings=ui_settings)
    assert Column.AREA in shown_columns(again)
    assert Column.PLACEMENT not in shown_columns(again)
    assert again.measures.columns_menu.actions_by_column[Column.AREA].isChecked()


def test_the_columns_are_in_the_view_menu_for_the_keyboard(demo_store, open_window):
    from tests.ui.test_main_window_menus import menu_items

    window = open_window(demo_store)
    assert "&Columns" in menu_items(window)["&View"]


def test_the_action_text_has_the_spare_width(demo_store, open_window):
    window = open_window(demo_store)
    window.resize(1366, 740)
    window.tabs.setCurrentWidget(window.actions_panel)
    QApplication.processEvents()
    from ui.actions.actions_model import ActionColumn

    view = window.actions_panel.view
    header = view.horizontalHeader()
    widths = {c: header.sectionSize(c) for c in ActionColumn if not header.isSectionHidden(c)}
    others = [w for c, w in widths.items() if c != ActionColumn.TEXT]
    assert widths[ActionColumn.TEXT] >= max(200, 2 * max(others))
    assert header.length() <= view.viewport().width()


class _Paints(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_choosing_a_measure_leaves_the_headings_alone_and_a_click_still_sorts(
    qtbot, demo_store, open_window
):
    window = open_window(demo_store)
    view = window.measures.view
    header = view.horizontalHeader()
    for _ in range(2):
        QApplication.processEvents()
    paints = _Paints()
    header.viewport().installEventFilter(paints)
    for _ in range(3):
        window.measures.move(1)
        QApplication.processEvents()
    assert paints.count == 0  # the headings show no selection, so nothing to redraw
    assert window.measures.current_code() == window.measures.proxy.index(3, Column.CODE).data()

    x = header.sectionViewportPosition(Column.CODE) + header.sectionSize(Column.CODE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == Column.CODE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    codes = [
        window.measures.proxy.index(r, Column.CODE).data()
        for r in range(window.measures.proxy.rowCount())
    ]
    assert codes[-1] == "A1" and codes[0] != "A1"
    QApplication.processEvents()
    assert paints.count > 0  # the sort arrow is drawn
    header.viewport().removeEventFilter(paints)
