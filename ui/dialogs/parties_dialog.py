"""The two parties' names and the protective marking, set once per database.

The names label every heading ("DMBC Comment", "Trust Response") on screen
and in the exports, and the marking is printed on exported pages, so they
belong to the database (a colleague opening the same pack sees the same
headings), not to this computer.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from challenge_app.models import Parties
from challenge_app.store import Store
from ui.dialogs.layout import save_cancel_layout
from ui.text import plain_label

MARKINGS = ("", "OFFICIAL", "OFFICIAL - SENSITIVE")


class PartiesDialog(QDialog):
    """``exec()`` returns Accepted once saved; the saved names are ``self.parties``."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.parties: Parties = store.settings.parties()
        self.setWindowTitle("Parties and marking")
        self.setMinimumWidth(420)

        self.council = QLineEdit(self.parties.council)
        self.council.setPlaceholderText("e.g. DMBC")
        self.council.setMaxLength(60)
        self.provider = QLineEdit(self.parties.provider)
        self.provider.setPlaceholderText("e.g. Trust")
        self.provider.setMaxLength(60)
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(MARKINGS)
        self.marking.setCurrentText(store.settings.protective_marking)
        self.marking.lineEdit().setPlaceholderText("None")

        self.preview = plain_label()
        self.preview.setWordWrap(True)
        for edit in (self.council, self.provider):
            edit.textChanged.connect(self._update_preview)

        note = plain_label(
            "These names head the comment and response columns on screen and in every export "
            "from this database; the marking is printed on exported pages."
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(note)
        form.addRow("&Council:", self.council)
        form.addRow("&Provider:", self.provider)
        form.addRow("Protective &marking:", self.marking)
        form.addRow("Headings:", self.preview)

        self.problem = plain_label()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = save_cancel_layout(self, form, self.problem)
        self._update_preview()

    def value(self) -> Parties:
        return Parties(
            council=" ".join(self.council.text().split()) or "Council",
            provider=" ".join(self.provider.text().split()) or "Provider",
        )

    def _update_preview(self) -> None:
        parties = self.value()
        self.preview.setText(f"{parties.comment_heading}  /  {parties.response_heading}")

    def accept(self) -> None:
        parties = self.value()
        if parties.council.casefold() == parties.provider.casefold():
            self.problem.setText("The council and the provider need different names.")
            self.problem.show()
            self.provider.setFocus()
            return
        try:
            with self.store.transaction():
                self.store.settings.set_parties(parties)
                self.store.settings.set_protective_marking(self.marking.currentText())
        except sqlite3.Error as exc:
            self.problem.setText(f"The names could not be saved: {exc}")
            self.problem.show()
            return
        self.parties = self.store.settings.parties()
        super().accept()
