"""The left-hand pane: the filter row above the table of measures.

It owns the model/proxy/delegate trio and speaks to the window in measure
codes and ``BoardRow`` values, so the window never handles Qt indexes. The
selection follows a measure by its code across rebuilds and filtering.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QVBoxLayout, QWidget

from challenge_app.board import BoardRow
from ui.columns_menu import ColumnsMenu
from ui.list.filter_bar import FilterBar
from ui.list.measure_filter import MeasureFilterProxy
from ui.list.measure_model import HEADERS, ROW_ROLE, Column, MeasureTableModel
from ui.list.measure_table import MeasureTable
from ui.list.rag_delegate import RagBadgeDelegate

# The title column takes whatever width these leave (see _set_up_header).
_DEFAULT_WIDTHS = {
    Column.CODE: 58,
    Column.STATUS: 88,
    Column.TRAVEL: 52,
    Column.VALUE: 80,
    Column.LATEST: 112,
    Column.TARGET: 80,
    Column.TOLERANCE: 80,
    Column.WRITTEN: 80,
    Column.PLACEMENT: 100,
    Column.AREA: 160,
}
#: Shown on the form and in the figures' tooltips; the officer can show them
#: (View > Columns), but by default the list fits a 1366-pixel screen.
DEFAULT_HIDDEN = (Column.LATEST, Column.TOLERANCE, Column.AREA)
#: What identifies a measure cannot be hidden.
ALWAYS_SHOWN = (Column.CODE, Column.TITLE)


class MeasureList(QWidget):
    #: The measure now selected (None when the filter hides everything).
    current_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._quiet = False
        self.model = MeasureTableModel(self)
        self.proxy = MeasureFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        # A row the officer is writing about must not jump or vanish when its mark or
        # placement changes; filters and sorting re-apply when the officer changes them.
        self.proxy.setDynamicSortFilter(False)
        self.filters = FilterBar(self.proxy)
        self.filters.changed.connect(self._after_filter)

        self.view = MeasureTable()
        self.view.setObjectName("measureTable")
        self.view.setAccessibleName("Measures")
        self.view.setModel(self.proxy)
        self.view.setItemDelegateForColumn(Column.STATUS, RagBadgeDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(Column.CODE, Qt.SortOrder.AscendingOrder)
        self.columns_menu = _set_up_header(self.view.horizontalHeader())
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.filters.to_list.connect(self.view.setFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)
        layout.addWidget(self.view, 1)

    # -- rows -------------------------------------------------------------
    def set_rows(self, rows: list[BoardRow], keep_code: str | None = None) -> None:
        """Show new rows, selecting ``keep_code`` if present, else the first visible row."""
        keep_code = keep_code or self.current_code()
        self._quiet = True  # one current_changed for the whole rebuild, not one per step
        try:
            self.model.set_rows(rows)
            header = self.view.horizontalHeader()
            self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            self.filters.set_areas(_areas_in_order(rows))
            if not (keep_code and self.select_code(keep_code)):
                self._select_proxy_row(0)
        finally:
            self._quiet = False
        self.current_changed.emit(self.current_row())

    def update_row(self, row: BoardRow) -> None:
        self.model.update_row(row)

    def rows(self) -> list[BoardRow]:
        return self.model.rows()

    def visible_count(self) -> int:
        return self.proxy.rowCount()

    # -- selection --------------------------------------------------------
    def current_row(self) -> BoardRow | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def current_code(self) -> str | None:
        row = self.current_row()
        return row.code if row else None

    def select_code(self, code: str) -> bool:
        position = self.model.position_of(code)
        if position is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(position, Column.CODE))
        if not index.isValid():
            return False
        self._set_current(index)
        return True

    def move(self, step: int) -> None:
        """Select the measure ``step`` rows down (up when negative), as the list is sorted."""
        count = self.proxy.rowCount()
        if count == 0:
            return
        current = self.view.currentIndex()
        row = current.row() + step if current.isValid() else 0
        self._select_proxy_row(max(0, min(count - 1, row)))

    def focus_filter(self) -> None:
        self.filters.focus_text()

    def _select_proxy_row(self, row: int) -> None:
        if 0 <= row < self.proxy.rowCount():
            self._set_current(self.proxy.index(row, Column.CODE))

    def _set_current(self, index: QModelIndex) -> None:
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    # -- slots ------------------------------------------------------------
    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        self.current_changed.emit(current.data(ROW_ROLE) if current.isValid() else None)

    def _after_filter(self) -> None:
        """Keep a measure selected while filtering, so the form always matches the list."""
        if not self.view.currentIndex().isValid():
            self._select_proxy_row(0)
            if not self.view.currentIndex().isValid():
                self.current_changed.emit(None)


def _set_up_header(header: QHeaderView) -> ColumnsMenu:
    """Default widths and columns; the title stretches into the spare width and elides
    (its tooltip has the whole title), so the list never scrolls sideways by default."""
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    header.setHighlightSections(False)
    header.setMinimumSectionSize(36)
    for column, width in _DEFAULT_WIDTHS.items():
        header.resizeSection(column, width)
    for column in DEFAULT_HIDDEN:
        header.setSectionHidden(column, True)
    names = {c: HEADERS[c] for c in Column}
    names[Column.VALUE] = "Quarter's figure"
    names[Column.WRITTEN] = "Challenge written (✎)"
    return ColumnsMenu(header, names, ALWAYS_SHOWN)


def _areas_in_order(rows: list[BoardRow]) -> list[str]:
    """Service areas in the order of their first measure (rows are in code order)."""
    return list(dict.fromkeys(row.measure.area for row in rows))
