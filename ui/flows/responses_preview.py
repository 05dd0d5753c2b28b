"""The preview of a returned response workbook: what would be recorded, and each conflict.

Nothing is written until the officer has seen this and pressed Record. New
responses are listed as they will be recorded. Where a different response is
already recorded, the recorded and returned words stand side by side, and a
tick in "Take returned" (Space, a click, or "Take all") chooses the returned
one; every conflict starts unticked, so the officer's own words are kept
unless they choose otherwise.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from challenge_app.responses import Conflict, ResponsePlan
from ui.flows.import_preview import TextTableModel
from ui.text import plain_label

Index = QModelIndex | QPersistentModelIndex

CODE, MEASURE, RECORDED, RETURNED, TAKE = range(5)
CONFLICT_HEADERS = ["Code", "Measure", "Recorded now", "Returned in the workbook", "Take returned"]
NEW_HEADERS = ["Code", "Measure", "Response to record"]


class ConflictModel(QAbstractTableModel):
    """Each conflict as a row, with a check box choosing the returned response."""

    def __init__(self, conflicts: list[Conflict], parent=None):
        super().__init__(parent)
        self.conflicts = list(conflicts)
        self.taken: set[str] = set()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CONFLICT_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return CONFLICT_HEADERS[section]
        return None

    def _text(self, conflict: Conflict, column: int) -> str:
        if column == CODE:
            return conflict.code
        if column == MEASURE:
            return conflict.title
        if column == RECORDED:
            return conflict.recorded
        if column == RETURNED:
            return conflict.returned
        return "Take" if conflict.code in self.taken else "Keep"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        conflict = self.conflicts[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == TAKE:
            taken = conflict.code in self.taken
            return Qt.CheckState.Checked if taken else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(conflict, column)
            return text if role == Qt.ItemDataRole.DisplayRole or column != TAKE else None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == TAKE:
            choice = "take the returned response" if conflict.code in self.taken else "keep"
            return f"{conflict.code}: {choice}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == TAKE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != TAKE or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self.choose(self.conflicts[index.row()].code, Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def choose(self, code: str, take: bool) -> None:
        """Take (or keep) the returned response for ``code``."""
        if take:
            self.taken.add(code)
        else:
            self.taken.discard(code)
        changed = self.index(self.row_of(code), TAKE)
        self.dataChanged.emit(changed, changed)

    def choose_all(self, take: bool) -> None:
        for conflict in self.conflicts:
            self.choose(conflict.code, take)

    def row_of(self, code: str) -> int:
        return next(i for i, c in enumerate(self.conflicts) if c.code == code)


def _table(model: QAbstractTableModel, parent: QWidget, stretch: list[int]) -> QTableView:
    """A read-only table whose long texts wrap in the columns in ``stretch``."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column in stretch
            else (QHeaderView.ResizeMode.ResizeToContents)
        )
        header.setSectionResizeMode(column, mode)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class ResponsesPreviewDialog(QDialog):
    """New responses and conflicts of one returned workbook; Record or Cancel."""

    def __init__(self, plan: ResponsePlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        name = plan.returned.path.name
        self.setWindowTitle(f"Import responses from {name}")
        self.resize(1000, 600)
        layout = QVBoxLayout(self)
        self.headline = plain_label(self._headline(), self)
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)

        self.tabs = QTabWidget(self)
        self.new_model = TextTableModel(
            NEW_HEADERS, [[n.code, n.title, n.text] for n in plan.new], self
        )
        self.new_table = _table(self.new_model, self.tabs, [RECORDED])
        self.new_table.setObjectName("new_table")
        self.tabs.addTab(self.new_table, f"New responses ({len(plan.new)})")
        self.conflicts = ConflictModel(plan.conflicts, self)
        self.conflict_table = _table(self.conflicts, self.tabs, [RECORDED, RETURNED])
        self.conflict_table.setObjectName("conflict_table")
        self.tabs.addTab(self.conflict_table, f"Different from recorded ({len(plan.conflicts)})")
        if plan.conflicts:
            self.tabs.setCurrentWidget(self.conflict_table)
        layout.addWidget(self.tabs, 1)

        self.buttons = QDialogButtonBox(self)
        self.take_all: QPushButton | None = None
        self.keep_all: QPushButton | None = None
        if plan.conflicts:
            self.take_all = self.buttons.addButton(
                "&Take all returned", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.take_all.clicked.connect(lambda: self.conflicts.choose_all(True))
            self.keep_all = self.buttons.addButton(
                "&Keep all recorded", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.keep_all.clicked.connect(lambda: self.conflicts.choose_all(False))
        self.record_button = self.buttons.addButton(
            "&Record", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.record_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @property
    def take(self) -> set[str]:
        """Codes whose returned response the officer chose over the recorded one."""
        return set(self.conflicts.taken)

    def _headline(self) -> str:
        plan = self.plan
        parts = [_count(len(plan.new), "new response", "new responses")]
        if plan.conflicts:
            parts.append(
                _count(
                    len(plan.conflicts),
                    "differs from the one recorded",
                    "differ from those recorded",
                )
            )
        if plan.unchanged:
            parts.append(f"{len(plan.unchanged)} the same as recorded")
        if plan.blank:
            parts.append(f"{len(plan.blank)} left blank")
        choice = (
            " For each difference, tick 'Take returned' to record the returned words; "
            "unticked, the recorded words are kept."
            if plan.conflicts
            else ""
        )
        return (
            f"{plan.returned.path.name}, for the meeting {plan.meeting.label}: "
            f"{', '.join(parts)}.{choice} Press Record to write them, or Cancel to leave the "
            "database as it is."
        )
