"""Editing a question in place: wrapped to show all of it, every keystroke kept.

Qt's usual item editing keeps the typed text in the editor until Enter or
focus-out. For the questions list that would break the autosave promise: a
question being typed when the program dies, or when the officer clicks
another measure, would be lost. So this delegate commits on every edit,
while keeping what an officer expects of an in-place editor: the cursor and
the editor's own Ctrl+Z are not disturbed by its own commits, and Escape
still puts back the question as it was before editing began.

The editor is a wrapping text box (``QuestionEdit``), not Qt's one-line
editor, which scrolled sideways and hid the start of a long question. It
grows downwards as the question does; a question stays one paragraph (Enter
finishes it, and line breaks pasted in become spaces).
"""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetricsF, QKeyEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QFrame,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

#: Room round the text of a row (and of the editor over it), in pixels.
ROW_PADDING = 6


def one_paragraph(text: str) -> str:
    """A question is one paragraph: line breaks (typed or pasted) become spaces."""
    return " ".join(text.splitlines()) if ("\n" in text or "\r" in text) else text


class QuestionEdit(QPlainTextEdit):
    """The in-place editor: wraps, never scrolls sideways, Enter finishes."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)  # it looks like a box to type in
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(2)
        self.setAutoFillBackground(True)

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.End)

    def height_for(self, width: int) -> int:
        """The height that shows the whole question at ``width``."""
        line = math.ceil(QFontMetricsF(self.font()).lineSpacing())
        lines = 0
        block = self.document().begin()
        while block.isValid():
            layout = block.layout()
            lines += max(1, layout.lineCount() if layout is not None else 1)
            block = block.next()
        margins = 2 * (int(self.document().documentMargin()) + self.frameWidth()) + ROW_PADDING // 2
        return max(lines, 1) * line + margins if width > 0 else line + margins

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and plain in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(one_paragraph(source.text()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.ensureCursorVisible()


class LiveQuestionDelegate(QStyledItemDelegate):
    """Commits as typed; Escape restores the question as it was (see module docstring)."""

    #: A question's editor was just made (spelling attaches itself to it).
    editor_created = Signal(QWidget)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._before: dict[QWidget, tuple[QPersistentModelIndex, str]] = {}
        self.closeEditor.connect(self._closed)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        editor = QuestionEdit(parent)
        editor.setFont(option.font)
        self._before[editor] = (QPersistentModelIndex(index), index.data() or "")
        editor.textChanged.connect(lambda e=editor: self._typed(e))
        editor.submitted.connect(lambda e=editor: self._submit(e))
        self.editor_created.emit(editor)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        """Skip our own echo: setting the text would move the cursor and clear the undo.

        The first time, the whole question is selected, as Qt's own editor does,
        so typing replaces it and F2 then End carries on after it.
        """
        text = index.data() or ""
        if not isinstance(editor, QuestionEdit):
            super().setEditorData(editor, index)
            return
        if editor.text() == text:
            return
        editor.blockSignals(True)
        editor.set_text(text)
        editor.selectAll()
        editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if not isinstance(editor, QuestionEdit):
            super().setModelData(editor, model, index)
            return
        text = one_paragraph(editor.text())
        if (index.data() or "") == text:
            return  # unchanged: no dataChanged, so no empty autosave or undo step
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        """Over the row, and taller than it if the question needs: all of it shows."""
        rect = option.rect
        if isinstance(editor, QuestionEdit):
            editor.setGeometry(rect)  # lay the text out at the row's width first
            rect = rect.adjusted(0, 0, 0, 0)
            rect.setHeight(max(rect.height(), editor.height_for(rect.width())))
        editor.setGeometry(rect)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + ROW_PADDING)

    def _typed(self, editor: QuestionEdit) -> None:
        self.commitData.emit(editor)
        parent = editor.parentWidget()
        index = self._before.get(editor, (None, None))[0]
        if parent is not None and index is not None and index.isValid():
            # Grow with the question while it is typed (the row follows when the list lays out).
            rect = editor.geometry()
            needed = editor.height_for(rect.width())
            if needed > rect.height():
                rect.setHeight(needed)
                editor.setGeometry(rect)

    def _submit(self, editor: QuestionEdit) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)

    def _closed(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        index, before = self._before.pop(editor, (None, None))
        reverted = hint == QAbstractItemDelegate.EndEditHint.RevertModelCache
        if reverted and index is not None and index.isValid() and index.data() != before:
            model = index.model()
            model.setData(
                model.index(index.row(), index.column()), before, Qt.ItemDataRole.EditRole
            )
