"""The strip under the meeting bar that says what to do first.

Shown only when there is something to set up: no measures (import the
provider's dataset) or no meetings (create one). It disappears once the
window has a meeting to work on.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from ui.text import plain_label


class EmptyBanner(QFrame):
    new_meeting = Signal()
    import_dataset = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.AlternateBase)
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.button = QPushButton("Create the first &meeting…")
        self.button.clicked.connect(self.new_meeting)
        self.import_button = QPushButton("&Import provider dataset…")
        self.import_button.clicked.connect(self.import_dataset)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.import_button)
        layout.addWidget(self.button)
        self.hide()

    def update_for(
        self,
        *,
        has_meetings: bool,
        has_measures: bool,
        writable: bool,
        period: str = "",
        parties_set: bool = True,
    ) -> None:
        if has_meetings:
            self.hide()
            return
        can_import = writable
        if not has_measures:
            text = "There are no measures in this database yet."
            if can_import:
                text += (
                    " Import the provider's dataset (Ctrl+I), or drop the .csv or .xlsx file"
                    " on this window."
                )
        else:
            text = f"No meetings yet. The list shows the measures for {period}."
            if writable:
                text += " Create a meeting to write the challenges."
        if writable and not parties_set:
            text += " Set the council's and provider's names with Parties… first."
        self.message.setText(text)
        self.import_button.setVisible(can_import and not has_measures)
        self.button.setVisible(writable and has_measures)
        self.show()
