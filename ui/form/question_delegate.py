"""Editing a question in place, with every keystroke reaching the model.

Qt's usual item editing keeps the typed text in the editor until Enter or
focus-out. For the questions list that would break the autosave promise: a
question being typed when the program dies, or when the officer clicks
another measure, would be lost. So this delegate commits on every edit,
while keeping what an officer expects of an in-place editor: the cursor and
the editor's own Ctrl+Z are not disturbed by its own commits, and Escape
still puts back the question as it was before editing began.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)


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
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            self._before[editor] = (QPersistentModelIndex(index), index.data() or "")
            editor.textEdited.connect(lambda _text, e=editor: self.commitData.emit(e))
        self.editor_created.emit(editor)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        """Skip our own echo: setText would move the cursor and clear the editor's undo."""
        if isinstance(editor, QLineEdit) and editor.text() == (index.data() or ""):
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit) and (index.data() or "") == editor.text():
            return  # unchanged: no dataChanged, so no empty autosave or undo step
        super().setModelData(editor, model, index)

    def _closed(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        index, before = self._before.pop(editor, (None, None))
        reverted = hint == QAbstractItemDelegate.EndEditHint.RevertModelCache
        if reverted and index is not None and index.isValid() and index.data() != before:
            model = index.model()
            model.setData(
                model.index(index.row(), index.column()), before, Qt.ItemDataRole.EditRole
            )
