"""A word-wrapped label that remembers its height for a width.

The form's figures and wordings are word-wrapped and selectable (the officer
copies figures from them), so Qt keeps each one's text in a small
``QTextDocument`` and answers every "how tall at this width?" by laying that
document out again, twice. Laying out the form asks that of every label many
times for the same width; this label keeps the answers until its text, font
or style changes, which is what made one measure's switch lay out six labels
dozens of times.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

#: Changes after which the remembered heights no longer hold.
_RESIZING = {
    QEvent.Type.FontChange,
    QEvent.Type.StyleChange,
    QEvent.Type.ContentsRectChange,
    QEvent.Type.LayoutDirectionChange,
    QEvent.Type.PolishRequest,
    QEvent.Type.Polish,
}


class WrappedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = super().heightForWidth(width)
            self._heights[width] = height
        return height

    def setText(self, text: str) -> None:
        if text != self.text():
            self._heights.clear()
        super().setText(text)

    def clear(self) -> None:
        self._heights.clear()
        super().clear()

    def setWordWrap(self, on: bool) -> None:
        self._heights.clear()
        super().setWordWrap(on)

    def setMargin(self, margin: int) -> None:
        self._heights.clear()
        super().setMargin(margin)

    def setIndent(self, indent: int) -> None:
        self._heights.clear()
        super().setIndent(indent)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _RESIZING:
            self._heights.clear()
        super().changeEvent(event)
