"""The follow-up actions of the chosen meeting, with those carried forward.

Open actions from earlier meetings appear here until someone closes them;
closing one here records this meeting's date as the day it closed. The panel
can narrow the list to the measure selected on the left, and says how many
are open so the window can show it on the tab.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from challenge_app.board import BoardRow
from challenge_app.models import Action, Meeting
from challenge_app.store import Store
from ui.actions.actions_model import ACTION_ROLE, HEADERS, ActionColumn, ActionsTableModel
from ui.columns_menu import ColumnsMenu
from ui.dialogs.layout import run_modal
from ui.keys import bind
from ui.text import confirm, plain_label

if TYPE_CHECKING:
    from ui.actions.action_dialog import ActionDialog

Index = QModelIndex | QPersistentModelIndex

# The action's words take the rest (they wrap; the row grows to show them).
_WIDTHS = {
    ActionColumn.MEASURE: 58,
    ActionColumn.OWNER: 100,
    ActionColumn.DUE: 84,
    ActionColumn.STATUS: 76,
    ActionColumn.RAISED: 86,
}
#: Hidden unless the officer shows it (right-click the header): the tab is narrow.
_HIDDEN = (ActionColumn.RAISED,)


class _MeasureOnly(QSortFilterProxyModel):
    """Keeps only one measure's actions when a code is set."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.code: str | None = None

    def set_code(self, code: str | None) -> None:
        self.beginFilterChange()
        self.code = code
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self.code is None:
            return True
        return self.sourceModel().action_at(source_row).code == self.code


class ActionsPanel(QWidget):
    #: Emitted after any write, with the number of open actions now listed.
    changed = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.meeting: Meeting | None = None
        self._rows: list[BoardRow] = []
        self._current_code: str | None = None
        self._writable = not store.readonly

        self.model = ActionsTableModel(self)
        self.proxy = _MeasureOnly(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("actionsTable")
        self.view.setAccessibleName("Follow-up actions")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ActionColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        for column in _HIDDEN:
            header.setSectionHidden(column, True)
        self.columns_menu = ColumnsMenu(
            header, dict(enumerate(HEADERS)), (ActionColumn.MEASURE, ActionColumn.TEXT), self
        )
        # Actions are few and their words matter: rows grow to show the whole text.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(self.edit_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.only_measure = QCheckBox("Only the selected &measure")
        self.only_measure.toggled.connect(self._apply_measure_filter)
        self.add_button = QPushButton("&Add action…")
        self.add_button.setToolTip("New follow-up action for this meeting (Ctrl+Shift+A)")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.clicked.connect(self.edit_selected)
        self.done_button = QPushButton("Mark d&one")
        self.done_button.clicked.connect(self.mark_done)
        self.delete_button = QPushButton("De&lete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.empty_label = plain_label()
        self.empty_label.setWordWrap(True)

        bind("Ctrl+Shift+A", self, self.add, Qt.ShortcutContext.WindowShortcut)
        bind(Qt.Key.Key_Delete, self.view, self.delete_selected)
        bind(Qt.Key.Key_Return, self.view, self.edit_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.only_measure)
        buttons.addStretch(1)
        for button in (self.add_button, self.edit_button, self.done_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        self._update_buttons()

    # -- context from the window ------------------------------------------
    def set_meeting(self, meeting: Meeting | None, rows: list[BoardRow]) -> None:
        self.meeting = meeting
        self._rows = rows
        self.reload()

    def set_current_code(self, code: str | None) -> None:
        self._current_code = code
        self._apply_measure_filter()

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        self._update_buttons()

    def reload(self, select_id: int | None = None) -> None:
        meeting = self.meeting
        actions = self.store.meetings.actions_for(meeting) if meeting else []
        self.model.set_actions(actions, meeting, self.store.meetings.all() if meeting else [])
        if select_id is not None:
            self._select(select_id)
        self._update_buttons()
        self.changed.emit(self.model.open_count())

    # -- what the buttons do ----------------------------------------------
    def selected_action(self) -> Action | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().hasSelection():
            return None
        return index.data(ACTION_ROLE)

    def add(self) -> None:
        if not self._can_write():
            return
        dialog = self._dialog(None)
        if run_modal(dialog):
            self.reload(select_id=dialog.action.id)

    def edit_selected(self) -> None:
        action = self.selected_action()
        if action is None or not self._can_write():
            return
        dialog = self._dialog(action)
        if run_modal(dialog):
            self.reload(select_id=dialog.action.id)

    def mark_done(self) -> None:
        action = self.selected_action()
        if action is None or not action.is_open or not self._can_write():
            return
        with self.store.transaction():
            saved = self.store.meetings.save_action(
                replace(action, status="done"), closed_on=self.meeting.date
            )
        self.reload(select_id=saved.id)

    def delete_selected(self) -> None:
        action = self.selected_action()
        if action is None or not self._can_write():
            return
        where = (
            "" if action.meeting_id == self.meeting.id else " It was raised at an earlier meeting."
        )
        if not confirm(
            self,
            "Delete action",
            f"Delete this action?\n\n{action.text}\n\nThis cannot be undone.{where}",
        ):
            return
        with self.store.transaction():
            self.store.meetings.delete_action(action.id)
        self.reload()

    # -- helpers ----------------------------------------------------------
    def _dialog(self, action: Action | None) -> ActionDialog:
        from ui.actions.action_dialog import ActionDialog  # loaded when first used, not at start-up

        owners = [a.owner for a in self.model.actions() if a.owner]
        return ActionDialog(
            self.store, self.meeting, self._rows, action, self._current_code, owners, self
        )

    def _can_write(self) -> bool:
        return self._writable and self.meeting is not None

    def _select(self, action_id: int) -> None:
        position = self.model.position_of(action_id)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if index.isValid():
            self.view.selectRow(index.row())
            self.view.setCurrentIndex(index)

    def _apply_measure_filter(self) -> None:
        self.proxy.set_code(self._current_code if self.only_measure.isChecked() else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        action = self.selected_action()
        writable = self._can_write()
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and action is not None)
        self.done_button.setEnabled(writable and action is not None and action.is_open)
        self.delete_button.setEnabled(writable and action is not None)
        for button in (self.add_button, self.edit_button, self.done_button, self.delete_button):
            button.setVisible(self._writable)
        if self.meeting is None:
            self.empty_label.setText("Create a meeting to record follow-up actions.")
        elif self.proxy.rowCount() == 0:
            self.empty_label.setText("No follow-up actions yet.")
        else:
            self.empty_label.setText("")
        self.empty_label.setVisible(bool(self.empty_label.text()))
