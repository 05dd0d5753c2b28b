"""Adding or editing one follow-up action.

Closing an action (Done or Dropped) from a later meeting records that
meeting's date as the day it closed, so it still shows in the meeting that
closed it and stops carrying forward after that.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from challenge_app.board import BoardRow
from challenge_app.models import ACTION_STATUSES, Action, Meeting
from challenge_app.store import Store
from ui.dialogs.layout import save_cancel_layout
from ui.text import plain_label

NO_MEASURE = "General (no measure)"


class ActionDialog(QDialog):
    """``exec()`` returns Accepted once the action is saved; it is then ``self.action``."""

    def __init__(
        self,
        store: Store,
        meeting: Meeting,
        rows: list[BoardRow],
        action: Action | None = None,
        code: str | None = None,
        owners: list[str] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.meeting = meeting
        self.action: Action | None = action
        self.setWindowTitle("Edit action" if action else "New action")
        self.setMinimumWidth(480)

        self.measure = QComboBox()
        self.measure.addItem(NO_MEASURE, None)
        for row in rows:
            self.measure.addItem(f"{row.code}  {row.measure.title}", row.code)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("e.g. Trust to share the monthly recruitment dashboard")
        self.owner = QLineEdit()
        self.owner.setPlaceholderText("Who will do it, e.g. Head of HR (Trust)")
        self.owner.setCompleter(QCompleter(sorted(set(owners or [])), self.owner))
        self.has_due = QCheckBox("Due by")
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMM yyyy")
        self.has_due.toggled.connect(self.due.setEnabled)
        self.status = QComboBox()
        for status in ACTION_STATUSES:
            self.status.addItem(status.capitalize(), status)

        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form = QFormLayout()
        form.addRow("&Measure:", self.measure)
        form.addRow("&Action:", self.text)
        form.addRow("&Owner:", self.owner)
        form.addRow("Due:", due_row)
        form.addRow("&Status:", self.status)

        self.problem = plain_label()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = save_cancel_layout(self, form, self.problem)
        self._fill(action, code)

    def _fill(self, action: Action | None, code: str | None) -> None:
        code = action.code if action else code
        self.measure.setCurrentIndex(max(0, self.measure.findData(code)) if code else 0)
        due = action.due if action else None
        self.has_due.setChecked(due is not None)
        self.due.setEnabled(due is not None)
        day = due or self.meeting.date
        self.due.setDate(QDate(day.year, day.month, day.day))
        if action:
            self.text.setPlainText(action.text)
            self.owner.setText(action.owner)
            self.status.setCurrentIndex(max(0, self.status.findData(action.status)))

    def value(self) -> Action:
        base = self.action or Action(None, self.meeting.id, "")
        return replace(
            base,
            code=self.measure.currentData(),
            text=self.text.toPlainText().strip(),
            owner=" ".join(self.owner.text().split()),
            due=self.due.date().toPython() if self.has_due.isChecked() else None,
            status=self.status.currentData(),
        )

    def accept(self) -> None:
        action = self.value()
        if not action.text:
            self.problem.setText("Action: say what is to be done.")
            self.problem.show()
            self.text.setFocus()
            return
        try:
            with self.store.transaction():
                self.action = self.store.meetings.save_action(action, closed_on=self.meeting.date)
        except sqlite3.Error as exc:
            self.problem.setText(f"The action could not be saved: {exc}")
            self.problem.show()
            return
        super().accept()
