"""The pack preview's conflicts: text recorded here that a pack would change, side by side.

One row per record (a meeting's attendees and apologies, or one measure's
challenge at a meeting), with a "Take the pack's" tick that starts clear: the
officer's recorded words are kept unless they choose otherwise, record by
record. Below the table, the current record's texts are shown in full, here on
the left and the pack's on the right. The rule of what conflicts lives in
``challenge_app.packs.conflicts``; this is the view of it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from challenge_app.packs import Conflict, ConflictKey
from challenge_app.packs.conflicts import as_text
from ui.flows.preview_tables import TakeKeepModel, read_only_table

MEETING, MEASURE, FIELDS, TAKE = range(4)
HEADINGS = ("Meeting", "Measure", "Differs in", "Take the pack's")
#: The table scrolls beyond this many rows.
ROWS_SHOWN = 6


def _cells(conflict: Conflict) -> tuple[str, str, str]:
    measure = conflict.code or "(the meeting)"
    return conflict.meeting_label, measure, ", ".join(d.label for d in conflict.differences)


def conflict_model(conflicts: tuple[Conflict, ...], parent=None) -> TakeKeepModel:
    """Conflicting records and, for each, whether the pack's text is taken."""
    return TakeKeepModel(
        conflicts,
        HEADINGS,
        _cells,
        name=lambda c: f"{c.meeting_label}, {c.code or 'the meeting'}",
        take_says="take the pack's text",
        take_tip="Ticked: the pack's text replaces the text recorded here",
        parent=parent,
    )


def _side(conflict: Conflict, here: bool) -> str:
    parts = []
    for difference in conflict.differences:
        text = as_text(difference.here if here else difference.pack)
        parts.append(f"{difference.label.capitalize()}:\n{text or '(nothing)'}")
    return "\n\n".join(parts)


class ConflictPanel(QWidget):
    """The conflicts table, Keep all / Take all, and the current record side by side."""

    def __init__(self, conflicts: tuple[Conflict, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.model = conflict_model(conflicts, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.table = read_only_table(self.model, self, stretch={MEETING})
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the full text is below
        header = self.table.horizontalHeader()
        rows = min(max(len(conflicts), 1), ROWS_SHOWN)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(
            header.sizeHint().height() + rows * row_height + 2 * self.table.frameWidth() + 2
        )
        layout.addWidget(self.table)

        choices = QHBoxLayout()
        self.keep_all = QPushButton("&Keep all as recorded here", self)
        self.take_all = QPushButton("Take all from the &pack", self)
        self.keep_all.setAutoDefault(False)
        self.take_all.setAutoDefault(False)
        self.keep_all.clicked.connect(lambda: self.model.set_all(False))
        self.take_all.clicked.connect(lambda: self.model.set_all(True))
        choices.addWidget(self.keep_all)
        choices.addWidget(self.take_all)
        choices.addStretch(1)
        layout.addLayout(choices)

        sides = QGridLayout()
        self.here = self._text_pane()
        self.pack = self._text_pane()
        sides.addWidget(QLabel("Recorded here:", self), 0, 0)
        sides.addWidget(QLabel("In the pack:", self), 0, 1)
        sides.addWidget(self.here, 1, 0)
        sides.addWidget(self.pack, 1, 1)
        layout.addLayout(sides)

        self.table.selectionModel().currentRowChanged.connect(self._show)
        if conflicts:
            self.table.setCurrentIndex(self.model.index(0, MEETING))

    def _text_pane(self) -> QPlainTextEdit:
        pane = QPlainTextEdit(self)
        pane.setReadOnly(True)
        pane.setMinimumHeight(90)
        return pane

    def _show(self, current: QModelIndex, _previous: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not current.isValid():
            self.here.clear()
            self.pack.clear()
            return
        conflict = self.model.items[current.row()]
        self.here.setPlainText(_side(conflict, here=True))
        self.pack.setPlainText(_side(conflict, here=False))

    def taken_keys(self) -> list[ConflictKey]:
        return [conflict.key for conflict in self.model.taken()]
