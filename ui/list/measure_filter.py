"""Filtering and sorting the measure list without touching its model.

The officer narrows the list by service area, RAG status, placement and free
text (matched against code, title and area). Sorting asks the source model
for its own keys, so codes sort naturally (A2 before A10) and empty figures
sort last, instead of Qt comparing display strings.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from challenge_app.board import BoardRow
from challenge_app.models import Placement
from challenge_app.rag import Status
from ui.list.measure_model import MeasureTableModel

Index = QModelIndex | QPersistentModelIndex


class MeasureFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._area: str | None = None
        self._status: Status | None = None
        self._placement: Placement | None = None
        self._written: bool | None = None
        self._words: list[str] = []

    # -- the filters (None means "any") -----------------------------------
    def set_area(self, area: str | None) -> None:
        self.beginFilterChange()
        self._area = area or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: Status | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_placement(self, placement: Placement | None) -> None:
        self.beginFilterChange()
        self._placement = placement
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_written(self, written: bool | None) -> None:
        """True: only measures with a challenge written; False: only those without."""
        self.beginFilterChange()
        self._written = written
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        """Every word must appear somewhere in the code, title or area (any case)."""
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def clear_filters(self) -> None:
        self.beginFilterChange()
        self._area = self._status = self._placement = self._written = None
        self._words = []
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def is_filtered(self) -> bool:
        return any(
            x is not None for x in (self._area, self._status, self._placement, self._written)
        ) or bool(self._words)

    def accepts(self, row: BoardRow) -> bool:
        if self._area is not None and row.measure.area != self._area:
            return False
        if self._status is not None and row.status is not self._status:
            return False
        if self._placement is not None and row.placement is not self._placement:
            return False
        if self._written is not None and row.has_challenge != self._written:
            return False
        haystack = f"{row.code} {row.measure.title} {row.measure.area}".casefold()
        return all(word in haystack for word in self._words)

    # -- QSortFilterProxyModel --------------------------------------------
    def _source(self) -> MeasureTableModel:
        return self.sourceModel()  # type: ignore[return-value]

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if source_parent.isValid():
            return False
        return self.accepts(self._source().row_at(source_row))

    def lessThan(self, left: Index, right: Index) -> bool:
        source = self._source()
        return source.sort_key(left.row(), left.column()) < source.sort_key(
            right.row(), right.column()
        )
