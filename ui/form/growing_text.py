"""A multi-line plain-text field that grows with what is typed in it.

The challenge form stacks five text fields; fixed tall boxes would push the
placement off the screen while empty, and short fixed boxes would hide most
of a three-paragraph comment. So each field asks for as many lines as its
text needs, between a floor and a ceiling, and scrolls inside past that.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget


class GrowingTextEdit(QPlainTextEdit):
    """Plain text only (typed ``<b>`` stays ``<b>``); Tab moves to the next field."""

    def __init__(self, min_lines: int, max_lines: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._min_lines = min_lines
        self._max_lines = max_lines
        self._holding = False  # a whole new text is going in: resize once, at the end
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._resize)
        self._resize()

    def _lines(self) -> int:
        """Lines of text as laid out (a wrapped line counts for each of its rows)."""
        used = int(self.document().documentLayout().documentSize().height())
        return max(self._min_lines, min(self._max_lines, used))

    def _line_height(self) -> int:
        """One laid-out line with room for rounding: text lines are laid out in
        fractional pixels, so ``lineSpacing`` alone leaves the last line clipped."""
        return math.ceil(QFontMetricsF(self.font()).height()) + 1

    def setPlainText(self, text: str) -> None:
        """Replace the whole text, then fit the height to it once.

        Left to itself, the field would follow the document as Qt fills it:
        shrink to its floor when the old text is cleared (losing its scroll
        bar, so wider), then grow as the new paragraphs are laid out. Every
        change of width lays the whole text out again: two or three layouts
        of each long text per measure shown, where one will do."""
        self._holding = True
        try:
            super().setPlainText(text)
        finally:
            self._holding = False
        self._resize()

    def _resize(self, *args) -> None:
        if self._holding:
            return
        height = self.sizeHint().height()
        if height != self.minimumHeight() or height != self.maximumHeight():
            self.setFixedHeight(height)  # only on a change: each one lays the form out again

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        doc_margin = int(self.document().documentMargin())
        height = (
            self._lines() * self._line_height() + margins.top() + margins.bottom() + 2 * doc_margin
        )
        return QSize(hint.width(), height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._resize()  # a narrower field wraps into more lines
