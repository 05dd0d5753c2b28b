"""The tables the import previews show: read-only text, and conflicts to take or keep.

Every preview (a provider's file, a meeting pack, a returned response
workbook) shows what would change as a table the officer reads but does not
edit. Where text already recorded here differs from what comes in, each
conflict is a row whose last column is a "take" tick that starts clear: the
officer's recorded words are kept unless they choose otherwise, row by row or
all at once. The pack preview and the responses preview share that model and
that table, so both behave (and are read out) the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.rows_model import Index, RowsModel


class TextTableModel(RowsModel):
    """A read-only table of strings: the preview only ever shows text."""

    def __init__(self, headers: list[str], rows: list[list[str]], parent=None):
        super().__init__(headers, rows, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        text = self.items[index.row()][index.column()]
        return text if role == Qt.ItemDataRole.DisplayRole else (text or None)

    def text(self, row: int, column: int) -> str:
        return self.items[row][column]


class TakeKeepModel(RowsModel):
    """Conflicts as rows of text, the last column ticking "take theirs" (clear: keep ours).

    ``cells`` gives a conflict's texts for every column but the last; ``name``
    says which record a row is when the tick is read out, and ``take_says``
    what ticking it does ("take the returned response").
    """

    def __init__(
        self,
        conflicts: Sequence[Any],
        headings: Sequence[str],
        cells: Callable[[Any], Sequence[str]],
        *,
        name: Callable[[Any], str],
        take_says: str,
        take_tip: str | None = None,
        parent=None,
    ):
        super().__init__(headings, conflicts, parent)
        self.take_column = len(self.headings) - 1
        self._cells_of = cells
        self._name = name
        self._take_says = take_says
        self._take_tip = take_tip
        self._taken = [False] * len(self.items)

    def set_items(self, items: Sequence[Any]) -> None:
        """Other conflicts, every one kept until ticked again."""
        self._taken = [False] * len(items)
        super().set_items(items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        taken = self._taken[row]
        if column != self.take_column:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                text = self._cells_of(self.items[row])[column]
                return text if role == Qt.ItemDataRole.DisplayRole else (text or None)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "Take" if taken else "Keep"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if taken else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._take_tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            name = self._name(self.items[row])
            return f"{name}: {self._take_says if taken else 'keep'}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == self.take_column:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != self.take_column
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        self._taken[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index)
        return True

    def set_all(self, taken: bool) -> None:
        """Take (or keep) every conflict: the preview's "Take all" and "Keep all"."""
        self._taken = [taken] * len(self.items)
        if self.items:
            last = len(self.items) - 1
            self.dataChanged.emit(
                self.index(0, self.take_column), self.index(last, self.take_column)
            )

    def taken(self) -> list[Any]:
        """The conflicts whose incoming text the officer chose over the recorded one."""
        return [c for c, taken in zip(self.items, self._taken, strict=True) if taken]


def read_only_table(
    model: QAbstractTableModel,
    parent: QWidget,
    *,
    stretch: Collection[int] = (),
    wrap: bool = False,
) -> QTableView:
    """A table the officer reads row by row; columns in ``stretch`` take the spare width.

    With ``wrap`` long texts wrap and rows grow to fit them; without, each row
    is one line. Tab leaves the table for the dialog's buttons.
    """
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(wrap)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    if wrap:
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column in stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return view
