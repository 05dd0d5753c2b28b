"""The RAG badge: a filled lozenge that always carries a word or letter.

Status is never shown by colour alone: the badge says "Red", "Amber",
"Green" or "No target" (or just the letter when the column is narrow). The
fill comes from the core (``Status.colour``, the same as the exports), and
the text colour is chosen for contrast with that fill rather than taken from
the palette, so the badge reads the same in light and dark mode.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from challenge_app.rag import OUTLINE_COLOUR, Status
from ui.list.measure_model import STATUS_ROLE

Index = QModelIndex | QPersistentModelIndex

_PADDING_X = 8
_MARGIN = 3


def _relative_luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((_relative_luminance(a), _relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


_COLOURS: dict[Status, tuple[QColor, QColor]] = {}


def badge_colours(status: Status) -> tuple[QColor, QColor]:
    """(fill, text) for a status: black or white text, whichever contrasts more.

    Worked out once per status: the list paints a badge per visible row on
    every scroll.
    """
    if status not in _COLOURS:
        _COLOURS[status] = _contrasting(status)
    return _COLOURS[status]


def _contrasting(status: Status) -> tuple[QColor, QColor]:
    fill = QColor(f"#{status.colour}")
    black, white = QColor(Qt.GlobalColor.black), QColor(Qt.GlobalColor.white)
    text = black if contrast_ratio(fill, black) >= contrast_ratio(fill, white) else white
    return fill, text


def badge_text(status: Status, available_width: int, metrics) -> str:
    """The word if it fits, otherwise the letter."""
    word = status.short
    if metrics.horizontalAdvance(word) + 2 * _PADDING_X <= available_width:
        return word
    return status.letter


class RagBadgeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        value = index.data(STATUS_ROLE)
        if not value:
            super().paint(painter, option, index)
            return
        status = Status(value)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        fill, ink = badge_colours(status)
        text = badge_text(status, opt.rect.width() - 2 * _MARGIN, opt.fontMetrics)
        width = min(
            opt.rect.width() - 2 * _MARGIN,
            opt.fontMetrics.horizontalAdvance(text) + 2 * _PADDING_X,
        )
        height = min(opt.rect.height() - 2 * _MARGIN, opt.fontMetrics.height() + 4)
        badge = QRectF(0, 0, width, height)
        badge.moveCenter(QRectF(opt.rect).center())

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if status.outlined:  # no figure yet: an outline, the word saying why
            painter.setPen(QPen(QColor(f"#{OUTLINE_COLOUR}"), 1, Qt.PenStyle.DashLine))
        else:
            painter.setPen(QPen(fill.darker(160), 1))
        painter.setBrush(fill)
        radius = height / 2
        painter.drawRoundedRect(badge, radius, radius)
        painter.setPen(ink)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        widest = max(option.fontMetrics.horizontalAdvance(s.short) for s in Status)
        return QSize(max(hint.width(), widest + 2 * (_PADDING_X + _MARGIN)), hint.height())
