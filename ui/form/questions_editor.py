"""The "Questions raised" list: add, edit in place, remove, reorder, undo.

The questions are an ordered list because the report prints them in the
order they were asked. An officer minuting a live meeting works from the
keyboard, so everything has a key as well as a button:

- Ctrl+Enter adds a question (also while typing one: it is kept and a new
  one started), F2 or typing edits the selected one, Enter finishes;
- Del removes the selected question, Alt+Up / Alt+Down move it;
- Ctrl+Z undoes the last add, remove, move or edit of the list (while a
  question is being typed, Ctrl+Z undoes typing inside it instead);
- dragging a question moves it.

Empty questions are kept while the officer is working but never saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QRect, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.form.question_delegate import ROW_PADDING, LiveQuestionDelegate

#: How many earlier versions of the list Ctrl+Z can go back to.
UNDO_DEPTH = 100
#: The list shows at least this many rows and grows to at most this many.
MIN_ROWS = 2
MAX_ROWS = 8


class QuestionList(QListView):
    """The list itself; keys that act on the selected question are handled here.

    Its height follows its questions (between ``MIN_ROWS`` and ``MAX_ROWS``
    rows) so a short list does not leave a tall empty box on the form.
    """

    remove_requested = Signal()
    move_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def fit_height(self, *args) -> None:
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        line = self.fontMetrics().lineSpacing() + 6 + ROW_PADDING
        width = max(50, self.viewport().width() - 8)
        heights = [
            self._wrapped_height(model.index(r, 0).data() or "", width, line)
            for r in range(min(rows, MAX_ROWS))
        ]
        content = sum(heights) + line * max(0, MIN_ROWS - rows)
        frame = 2 * self.frameWidth()
        self.setFixedHeight(content + frame + 4)

    def _wrapped_height(self, text: str, width: int, line: int) -> int:
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        rect = self.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), flags, text)
        return max(line, rect.height() + 6 + ROW_PADDING)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_height()  # wrapped questions take more rows when narrower

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        alt = mods == Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_Delete and mods == Qt.KeyboardModifier.NoModifier:
            self.remove_requested.emit()
        elif alt and key == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
        elif alt and key == Qt.Key.Key_Down:
            self.move_requested.emit(1)
        else:
            super().keyPressEvent(event)


class QuestionsEditor(QWidget):
    """An ordered list of questions; ``changed`` fires on every edit of the list."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._read_only = False
        self._loading = False
        self._undo: list[list[str]] = []
        self._last: list[str] = []
        self._check_scheduled = False

        self.model = QStringListModel(self)
        self.view = QuestionList(self)
        self.view.setModel(self.model)
        self.delegate = LiveQuestionDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.delegate.closeEditor.connect(self._schedule_undo_step)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setAccessibleName("Questions raised")
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDropIndicatorShown(True)

        self.hint = QLabel("No questions yet: press Ctrl+Enter or Add question to write one.")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)

        self.add_button = QPushButton("Add &question")
        self.add_button.setToolTip("Add a question (Ctrl+Enter)")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Remove the selected question (Del)")
        self.up_button = QPushButton("Move up")
        self.up_button.setToolTip("Move the selected question up (Alt+Up)")
        self.down_button = QPushButton("Move down")
        self.down_button.setToolTip("Move the selected question down (Alt+Down)")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_question)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.view.remove_requested.connect(self.remove_current)
        self.view.move_requested.connect(self.move_current)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.add_question)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self.view)
        undo.setContext(Qt.ShortcutContext.WidgetShortcut)
        undo.activated.connect(self.undo)
        for signal in (
            self.model.dataChanged,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.rowsMoved,
            self.model.modelReset,
        ):
            signal.connect(self._model_changed)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- loading and reading ----------------------------------------------
    def set_questions(self, questions: Sequence[str]) -> None:
        """Show a record's questions; not an edit, so no ``changed`` and no undo."""
        self._loading = True
        try:
            self.model.setStringList(list(questions))
        finally:
            self._loading = False
        self._last = list(questions)
        self._undo.clear()
        self._update_buttons()

    def questions(self) -> tuple[str, ...]:
        """The questions in order, as typed, without empty ones."""
        return tuple(q for q in self.model.stringList() if q.strip())

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop
            if read_only
            else QAbstractItemView.DragDropMode.InternalMove
        )
        self._update_buttons()

    # -- editing ----------------------------------------------------------
    def add_question(self) -> None:
        """Start a new question at the end (keeping one that is being typed)."""
        if self._read_only:
            return
        self._commit_open_editor()
        self._record_undo_step()
        row = self.model.rowCount()
        self.model.insertRows(row, 1)
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.setFocus()
        self.view.edit(index)

    def remove_current(self) -> None:
        index = self.view.currentIndex()
        if self._read_only or not index.isValid():
            return
        row = index.row()
        self._record_undo_step()
        self.model.removeRows(row, 1)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))

    def move_current(self, delta: int) -> None:
        index = self.view.currentIndex()
        if self._read_only or not index.isValid():
            return
        row, target = index.row(), index.row() + delta
        if not 0 <= target < self.model.rowCount():
            return
        self._record_undo_step()
        # moveRows' destination is "insert before", so moving down skips one more.
        self.model.moveRows(QModelIndex(), row, 1, QModelIndex(), target + (delta > 0))
        self.view.setCurrentIndex(self.model.index(target))

    def undo(self) -> None:
        """Go back to the list as it was before the last change."""
        self._record_undo_step()  # a change made in this same event-loop turn
        if self._read_only or not self._undo:
            return
        previous = self._undo.pop()
        self._loading = True
        try:
            self.model.setStringList(previous)
        finally:
            self._loading = False
        self._last = list(previous)
        self._update_buttons()
        self.changed.emit()

    # -- internals --------------------------------------------------------
    def _commit_open_editor(self) -> None:
        if self.view.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        if editor is not None and self.view.isAncestorOf(editor):
            self.view.commitData(editor)
            self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _model_changed(self, *args) -> None:
        if self._loading:
            return
        self._update_buttons()
        self.changed.emit()
        self._schedule_undo_step()

    def _schedule_undo_step(self, *args) -> None:
        """A drag is an insert, a set and a remove, and typing a question is many
        sets: look once they are done, so that each is one step for Ctrl+Z."""
        if not self._check_scheduled:
            self._check_scheduled = True
            QTimer.singleShot(0, self._record_undo_step)

    def _record_undo_step(self) -> None:
        """Make the changes since the last step one Ctrl+Z step (if there were any)."""
        self._check_scheduled = False
        if self.view.state() == QAbstractItemView.State.EditingState:
            return  # still typing: closing the editor makes the step
        current = self.model.stringList()
        if current != self._last:
            self._undo.append(self._last)
            del self._undo[:-UNDO_DEPTH]
            self._last = current

    def _update_buttons(self, *args) -> None:
        self.view.fit_height()
        rows = self.model.rowCount()
        row = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        editable = not self._read_only
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < rows - 1)
        self.hint.setVisible(rows == 0)
