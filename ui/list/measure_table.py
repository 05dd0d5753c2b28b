"""The measure table: a QTableView that keeps the officer's place in sight.

- Tab leaves the table (to the form) instead of walking cell by cell and
  wrapping to the next row: the arrow keys move within it.
- The current row has a clear frame while the table has the focus, and stays
  visibly selected (not the style's faint grey) while the officer types in the
  form, so they always see which measure the form is about.
- Choosing another row does not repaint the column headings (``_Header``).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QRect, Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPalette, QPen, QRegion
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

#: Width of the frame drawn round the current row when the table has the focus.
ROW_FRAME = 2


class MeasureTable(QTableView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setHorizontalHeader(_Header(self))
        self.setTabKeyNavigation(False)
        palette = self.palette()
        active = QPalette.ColorGroup.Active
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            palette.setColor(QPalette.ColorGroup.Inactive, role, palette.color(active, role))
        self.setPalette(palette)

    def current_row_rect(self) -> QRect:
        """The current row across the visible columns, in viewport coordinates."""
        index = self.currentIndex()
        if not index.isValid():
            return QRect()
        header = self.horizontalHeader()
        first = header.logicalIndexAt(0)
        last = header.logicalIndexAt(self.viewport().width() - 1)
        if last < 0:  # the columns end before the viewport does
            last = header.logicalIndex(header.count() - 1)
        left = self.visualRect(index.siblingAtColumn(max(first, 0)))
        right = self.visualRect(index.siblingAtColumn(last))
        return QRect(0, left.top(), max(right.right(), self.viewport().width() - 1), left.height())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update(self.current_row_rect())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update(self.current_row_rect())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.hasFocus():
            return
        rect = self.current_row_rect()
        if rect.isEmpty() or not event.rect().intersects(rect):
            return
        painter = QPainter(self.viewport())
        pen = QPen(self.palette().color(QPalette.ColorRole.WindowText), ROW_FRAME)
        painter.setPen(pen)
        half = ROW_FRAME // 2
        painter.drawRect(rect.adjusted(half, half, -half - 1 + ROW_FRAME % 2, -half))
        painter.end()


class _Header(QHeaderView):
    """The column headings, which do not show the selection (sections are not
    highlighted), so selecting a row leaves them alone. A plain ``QHeaderView``
    shares the table's selection model and repaints every heading a selected
    row spans: the whole header, for every measure chosen."""

    def __init__(self, parent: QWidget):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)  # as QTableView's own header: click to sort

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        if self.highlightSections():
            return super().visualRegionForSelection(selection)
        return QRegion()
