"""The status badge at the top of the challenge form: "R  Outside tolerance".

Painted by hand rather than with a style sheet: the badge changes colour with
almost every measure the officer steps to, and a style sheet re-polishes the
label and routes its painting through the style-sheet engine each time, which
cost a good part of a frame when switching measure. The fill is the core's
``Status.colour`` (the same as the list and the exports); the text is always
dark, since the status fills are light in both palettes.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QWidget

from challenge_app.rag import OUTLINE_COLOUR, Status

BADGE_TEXT = QColor("#1a1a1a")
_RADIUS = 3.0


class StatusBadge(QLabel):
    """A label whose text sits on a rounded lozenge of the status colour."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setContentsMargins(6, 1, 6, 1)
        self.setMargin(3)
        self._fill: QColor | None = None
        self.status: Status | None = None

    def show_status(self, status: Status) -> None:
        if status is self.status:
            return
        self.status = status
        self._fill = QColor(f"#{status.colour}")
        self.setText(f"{status.letter}  {status.report_wording}")
        self.setAccessibleName(f"Status: {status.short}, {status.report_wording}")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._fill is None:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.status is not None and self.status.outlined:  # no figure yet: an outline
            painter.setPen(QPen(QColor(f"#{OUTLINE_COLOUR}"), 1, Qt.PenStyle.DashLine))
        else:
            painter.setPen(QPen(self._fill.darker(130), 1))
        painter.setBrush(self._fill)
        outline = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.drawRoundedRect(outline, _RADIUS, _RADIUS)
        painter.setPen(BADGE_TEXT)
        painter.drawText(self.contentsRect(), Qt.AlignmentFlag.AlignCenter, self.text())
        painter.end()
