"""The pack preview's conflicts: text recorded here that a pack would change, side by side.

One row per record (a meeting's attendees and apologies, or one measure's
challenge at a meeting), with a "Take the pack's" tick that starts clear: the
officer's recorded words are kept unless they choose otherwise, record by
record. Below the table, the current record's texts are shown in full, here on
the left and the pack's on the right. The rule of what conflicts lives in
``challenge_app.packs.conflicts``; this is the view of it.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from challenge_app.packs import Conflict, ConflictKey
from challenge_app.packs.conflicts import as_text

MEETING, MEASURE, FIELDS, TAKE = range(4)
HEADINGS = ("Meeting", "Measure", "Differs in", "Take the pack's")
#: The table scrolls beyond this many rows.
ROWS_SHOWN = 6

Index = QModelIndex | QPersistentModelIndex


class ConflictModel(QAbstractTableModel):
    """Conflicting records and, for each, whether the pack's text is taken."""

    def __init__(self, conflicts: tuple[Conflict, ...], parent=None):
        super().__init__(parent)
        self.conflicts = conflicts
        self._taken = [False] * len(conflicts)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADINGS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADINGS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        conflict, column = self.conflicts[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == MEETING:
                return conflict.meeting_label
            if column == MEASURE:
                return conflict.code or "(the meeting)"
            if column == FIELDS:
                return ", ".join(d.label for d in conflict.differences)
            return "Take" if self._taken[index.row()] else "Keep"
        if role == Qt.ItemDataRole.CheckStateRole and column == TAKE:
            return Qt.CheckState.Checked if self._taken[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == TAKE:
            return "Ticked: the pack's text replaces the text recorded here"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == TAKE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != TAKE:
            return False
        self._taken[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    def set_all(self, taken: bool) -> None:
        self._taken = [taken] * len(self.conflicts)
        if self.conflicts:
            self.dataChanged.emit(self.index(0, TAKE), self.index(len(self.conflicts) - 1, TAKE))

    def taken_keys(self) -> list[ConflictKey]:
        return [c.key for c, taken in zip(self.conflicts, self._taken, strict=True) if taken]


def _side(conflict: Conflict, here: bool) -> str:
    parts = []
    for difference in conflict.differences:
        text = as_text(difference.here if here else difference.pack)
        parts.append(f"{difference.label.capitalize()}:\n{text or '(nothing)'}")
    return "\n\n".join(parts)


class ConflictPanel(QWidget):
    """The conflicts table, Keep all / Take all, and the current record side by side."""

    def __init__(self, conflicts: tuple[Conflict, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.model = ConflictModel(conflicts, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line a record; the full text is below
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(MEETING, QHeaderView.ResizeMode.Stretch)
        for column in (MEASURE, FIELDS, TAKE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        rows = min(max(len(conflicts), 1), ROWS_SHOWN)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(
            header.sizeHint().height() + rows * row_height + 2 * self.table.frameWidth() + 2
        )
        layout.addWidget(self.table)

        choices = QHBoxLayout()
        self.keep_all = QPushButton("&Keep all as recorded here", self)
        self.take_all = QPushButton("Take all from the &pack", self)
        self.keep_all.setAutoDefault(False)
        self.take_all.setAutoDefault(False)
        self.keep_all.clicked.connect(lambda: self.model.set_all(False))
        self.take_all.clicked.connect(lambda: self.model.set_all(True))
        choices.addWidget(self.keep_all)
        choices.addWidget(self.take_all)
        choices.addStretch(1)
        layout.addLayout(choices)

        sides = QGridLayout()
        self.here = self._text_pane()
        self.pack = self._text_pane()
        sides.addWidget(QLabel("Recorded here:", self), 0, 0)
        sides.addWidget(QLabel("In the pack:", self), 0, 1)
        sides.addWidget(self.here, 1, 0)
        sides.addWidget(self.pack, 1, 1)
        layout.addLayout(sides)

        self.table.selectionModel().currentRowChanged.connect(self._show)
        if conflicts:
            self.table.setCurrentIndex(self.model.index(0, MEETING))

    def _text_pane(self) -> QPlainTextEdit:
        pane = QPlainTextEdit(self)
        pane.setReadOnly(True)
        pane.setMinimumHeight(90)
        return pane

    def _show(self, current: QModelIndex, _previous: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not current.isValid():
            self.here.clear()
            self.pack.clear()
            return
        conflict = self.model.conflicts[current.row()]
        self.here.setPlainText(_side(conflict, here=True))
        self.pack.setPlainText(_side(conflict, here=False))

    def taken_keys(self) -> list[ConflictKey]:
        return self.model.taken_keys()
