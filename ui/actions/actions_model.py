"""Follow-up actions as a Qt table model, fed whole by ``set_actions``.

The list for a meeting is its own actions plus earlier meetings' actions
still open at its date (``MeetingRepo.actions_for`` decides that), so each
row also says which meeting raised it. "Overdue" is written out in the
status cell, never shown by colour alone.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from challenge_app.models import Action, Meeting
from ui.rows_model import Index, RowsModel
from ui.text import tooltip

ACTION_ROLE = Qt.ItemDataRole.UserRole + 1


class ActionColumn(IntEnum):
    MEASURE = 0
    TEXT = 1
    OWNER = 2
    DUE = 3
    STATUS = 4
    RAISED = 5


HEADERS = ("Measure", "Action", "Owner", "Due", "Status", "Raised at")


def is_overdue(action: Action, meeting: Meeting) -> bool:
    """Open and due before the meeting's date."""
    return action.is_open and action.due is not None and action.due < meeting.date


def status_text(action: Action, meeting: Meeting) -> str:
    text = action.status.capitalize()
    return f"{text}, overdue" if is_overdue(action, meeting) else text


class ActionsTableModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(HEADERS, (), parent)
        self._meeting: Meeting | None = None
        self._raised_at: dict[int, Meeting] = {}

    def set_actions(
        self, actions: list[Action], meeting: Meeting | None, meetings: list[Meeting]
    ) -> None:
        """Show ``actions`` as seen from ``meeting``; ``meetings`` name where each was raised."""
        self._meeting = meeting
        self._raised_at = {m.id: m for m in meetings if m.id is not None}
        self.set_items(actions if meeting else [])

    def action_at(self, position: int) -> Action:
        return self.items[position]

    def actions(self) -> list[Action]:
        return list(self.items)

    def open_count(self) -> int:
        return sum(1 for a in self.items if a.is_open)

    def position_of(self, action_id: int) -> int | None:
        for position, action in enumerate(self.items):
            if action.id == action_id:
                return position
        return None

    # -- Qt model API -----------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        action = self.items[index.row()]
        column = ActionColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.display_text(action, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == ActionColumn.TEXT:
            return tooltip(action.text)
        if role == ACTION_ROLE:
            return action
        return None

    def display_text(self, action: Action, column: ActionColumn) -> str:
        meeting = self._meeting
        match column:
            case ActionColumn.MEASURE:
                return action.code or "General"
            case ActionColumn.TEXT:
                return " ".join(action.text.split())
            case ActionColumn.OWNER:
                return action.owner
            case ActionColumn.DUE:
                return f"{action.due:%d %b %Y}" if action.due else ""
            case ActionColumn.STATUS:
                return status_text(action, meeting) if meeting else action.status
            case ActionColumn.RAISED:
                if meeting is not None and action.meeting_id == meeting.id:
                    return "This meeting"
                raised = self._raised_at.get(action.meeting_id)
                return f"{raised.date:%d %b %Y}" if raised else ""
        return ""
