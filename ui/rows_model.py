"""The base of every flat table the program shows: one row per item, under fixed headings.

Backups, follow-up actions, Find's results and the import previews are each a
list of things shown a row apiece. What Qt asks of such a table (how many
rows, how many columns, the headings) is answered here once; each model says
only what its cells show (``data``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """``items`` as rows under ``headings``; subclasses give ``data``."""

    def __init__(self, headings: Sequence[str], items: Sequence[Any] = (), parent=None):
        super().__init__(parent)
        self.headings = tuple(headings)
        self.items: list[Any] = list(items)

    def set_items(self, items: Sequence[Any]) -> None:
        """Show ``items`` instead of what was shown (views keep no stale rows)."""
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headings)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headings)
        ):
            return self.headings[section]
        return None
