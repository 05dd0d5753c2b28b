"""Working the window from the keyboard alone.

- Tab and Shift+Tab walk meeting bar -> filter row -> measure list -> form
  (the list does not keep Tab for itself: the arrow keys move within it).
- Enter or F2 on a measure puts the cursor in the council comment; Escape in
  the form (or the actions tab) goes back to the list, on the same measure.
- The pane holding the focus has a clear frame (``FocusPane``) and the
  list's current row its own (``ui.list.measure_table``), so an officer who
  looks up from their notes sees at once where the next key will go.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen, QRegion
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from ui.keys import bind

#: Width of the frame round the pane that has the focus.
FRAME = 2


class FocusPane(QWidget):
    """Holds one pane of the window and frames it while the focus is inside it.

    The frame is drawn in a margin of its own, never over the pane: nothing
    is overlapped, so the list still scrolls by moving pixels, not repainting.
    """

    def __init__(self, content: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.content = content
        self.lit = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(FRAME, FRAME, FRAME, FRAME)
        layout.addWidget(content)

    def set_lit(self, lit: bool) -> None:
        if lit != self.lit:
            self.lit = lit
            self.update(self._frame_region())

    def _frame_region(self) -> QRegion:
        outer = QRegion(self.rect())
        return outer.subtracted(QRegion(self.rect().adjusted(FRAME, FRAME, -FRAME, -FRAME)))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.lit:
            return
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), FRAME)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = FRAME / 2
        painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
        painter.end()


class KeyboardNavigation(QObject):
    """Lights the pane with the focus, and the Enter/F2/Escape moves between list and form."""

    def __init__(self, window: QWidget, panes: list[FocusPane], list_view: QWidget, form):
        super().__init__(window)
        self.panes = panes
        self.list_view = list_view
        self.form = form
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            bind(key, list_view, self.to_form)
        right = next(p.content for p in panes if p.isAncestorOf(form))
        bind(Qt.Key.Key_Escape, right, self.to_list, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        list_view.setFocus(Qt.FocusReason.OtherFocusReason)  # the officer starts in the list
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._focus_changed(None, QApplication.focusWidget())

    def to_form(self) -> None:
        """Into the council comment of the measure selected (if it can be written)."""
        self.form.focus_comment()

    def to_list(self) -> None:
        self.list_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def lit_pane(self) -> FocusPane | None:
        return next((p for p in self.panes if p.lit), None)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for pane in self.panes:
            pane.set_lit(new is not None and pane.isAncestorOf(new))
