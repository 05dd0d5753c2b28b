"""The bar across the top: which meeting, a new one, and who the parties are.

It only picks and announces; the dialogs do the writing and the window
decides what to rebuild. Meetings are listed newest first, as the store
returns them, because the officer nearly always wants the latest.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from challenge_app.models import Meeting, Parties
from ui.text import plain_label, tooltip

NO_MEETINGS = "No meetings yet: create one to start writing challenges"


class MeetingBar(QWidget):
    #: The meeting now chosen (None when there are none).
    meeting_chosen = Signal(object)
    new_requested = Signal()
    edit_requested = Signal()
    parties_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._meetings: list[Meeting] = []
        self._writable = True

        self.combo = QComboBox()
        self.combo.setAccessibleName("Meeting")
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.setMinimumContentsLength(30)
        self.combo.currentIndexChanged.connect(self._index_changed)
        label = plain_label("&Meeting:")
        label.setBuddy(self.combo)

        self.new_button = QPushButton("&New meeting…")
        self.new_button.setToolTip("Create a meeting for a period (Ctrl+N)")
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button = QPushButton("Edit &details…")
        self.edit_button.setToolTip("Period, date, title, attendees and apologies")
        self.edit_button.clicked.connect(self.edit_requested)

        self.parties_label = plain_label()
        self.parties_label.setObjectName("partiesLabel")
        self.parties_button = QPushButton("&Parties…")
        self.parties_button.setToolTip("The council's and provider's names used in every heading")
        self.parties_button.clicked.connect(self.parties_requested)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.new_button)
        layout.addWidget(self.edit_button)
        layout.addSpacing(16)
        layout.addWidget(self.parties_label)
        layout.addWidget(self.parties_button)

    def set_meetings(self, meetings: list[Meeting], chosen_id: int | None = None) -> None:
        """List ``meetings`` and choose ``chosen_id`` (default: the first, the latest)."""
        self._meetings = list(meetings)
        self.combo.blockSignals(True)
        self.combo.clear()
        for meeting in self._meetings:
            self.combo.addItem(meeting.label, meeting.id)
            self.combo.setItemData(
                self.combo.count() - 1,
                tooltip(*self._details(meeting)),
                Qt.ItemDataRole.ToolTipRole,
            )
        if not self._meetings:
            self.combo.addItem(NO_MEETINGS, None)
        position = self.combo.findData(chosen_id) if chosen_id is not None else 0
        self.combo.setCurrentIndex(max(position, 0))
        self.combo.setEnabled(bool(self._meetings))
        self.combo.blockSignals(False)
        self._update_edit_button()
        self.meeting_chosen.emit(self.current_meeting())

    def current_meeting(self) -> Meeting | None:
        position = self.combo.currentIndex()
        return self._meetings[position] if 0 <= position < len(self._meetings) else None

    def set_parties(self, parties: Parties) -> None:
        self.parties_label.setText(f"{parties.council} and {parties.provider}")

    def set_writable(self, writable: bool) -> None:
        self.new_button.setVisible(writable)
        self.parties_button.setEnabled(writable)
        self._writable = writable
        self._update_edit_button()

    def _update_edit_button(self) -> None:
        self.edit_button.setVisible(self._writable)
        self.edit_button.setEnabled(self.current_meeting() is not None)

    @staticmethod
    def _details(meeting: Meeting) -> list[str]:
        lines = [meeting.label, f"Kind: {meeting.kind}"]
        if meeting.attendees:
            lines.append("Attendees: " + "; ".join(meeting.attendees))
        if meeting.apologies:
            lines.append("Apologies: " + "; ".join(meeting.apologies))
        return lines

    def _index_changed(self) -> None:
        self._update_edit_button()
        self.meeting_chosen.emit(self.current_meeting())
