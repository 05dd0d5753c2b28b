"""Which columns a table shows: a menu of them, on its header (and in View).

Used by the measure list and the follow-up actions table. Both share the
window with the form, so at 1366x768 not every column fits beside readable
text. Some are hidden by default (the measure list's figures are on the form
and in the cells' tooltips) and the officer chooses: right-click the header,
or View > Columns from the keyboard for the measure list. What is shown is
part of the header's saved state, so it is remembered per user with the rest
of the window layout (``ui.window.window_state``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QWidget
from shiboken6 import isValid


class ColumnsMenu(QMenu):
    """One checkable entry per column that may be hidden; ``fixed`` ones always show."""

    def __init__(
        self,
        header: QHeaderView,
        names: Mapping[int, str],
        fixed: Iterable[int] = (),
        parent: QWidget | None = None,
    ):
        super().__init__("&Columns", parent or header)
        self.header = header
        self.actions_by_column: dict[int, QAction] = {}
        fixed = set(fixed)
        for column, name in names.items():
            if column in fixed:
                continue
            action = self.addAction(name)
            action.setCheckable(True)
            action.toggled.connect(lambda shown, c=column: self.set_shown(c, shown))
            self.actions_by_column[column] = action
        self.aboutToShow.connect(self.sync)
        header.geometriesChanged.connect(self.sync)  # e.g. the saved layout was restored
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._at)
        self.sync()

    def shown(self) -> list[int]:
        """The columns now shown, among those the menu offers."""
        return [c for c in self.actions_by_column if not self.header.isSectionHidden(c)]

    def set_shown(self, column: int, shown: bool) -> None:
        self.header.setSectionHidden(column, not shown)
        self.sync()

    def sync(self) -> None:
        """Tick what the header shows (it may have been restored from settings)."""
        if not all(map(isValid, (self, self.header, *self.actions_by_column.values()))):
            return  # the window is being taken down and the header moves as it goes
        for column, action in self.actions_by_column.items():
            action.blockSignals(True)
            action.setChecked(not self.header.isSectionHidden(column))
            action.blockSignals(False)

    def _at(self, pos: QPoint) -> None:
        self.popup(self.header.viewport().mapToGlobal(pos))
