"""Paints a Find result's text with the matched words marked.

The text is laid out by a ``QTextDocument`` from ``highlighted_html`` (the
officer's words escaped), over the view's usual row background and selection.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.find.highlight import highlighted_html
from ui.find.results_model import HIT_ROLE

Index = QModelIndex | QPersistentModelIndex

#: Lines of a result's text shown in its row.
LINES = 2
_PAD = 3


class HighlightDelegate(QStyledItemDelegate):
    def _document(self, option: QStyleOptionViewItem, index: Index, width: float) -> QTextDocument:
        hit = index.data(HIT_ROLE)
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(highlighted_html(hit.snippet, hit.snippet_spans))
        doc.setTextWidth(width)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        doc = self._document(opt, index, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        context.clip = QRectF(0, 0, rect.width(), rect.height())
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(context.clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(300, row_height(option.fontMetrics))


def row_height(metrics: QFontMetrics) -> int:
    """Room for ``LINES`` lines of a result's text."""
    return metrics.lineSpacing() * LINES + 2 * _PAD
