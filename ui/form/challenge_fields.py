"""The editable part of the challenge form: one field per part of the record.

This widget knows how to show a ``Challenge`` and how to read one back from
what is on screen; when to load and when to save is the form's business
(``ui.form.challenge_form``). Filling the fields from the database is not an
edit: it emits nothing and leaves nothing for Ctrl+Z to undo.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from challenge_app.board import BoardRow
from challenge_app.models import Challenge, Parties, Placement
from ui.form.growing_text import GrowingTextEdit
from ui.form.questions_editor import QuestionsEditor
from ui.form.wrapped_label import WrappedLabel

SUGGESTED = ""  # combo data for "use the suggestion": placement stays undecided (NULL)


def _text_edit(accessible_name: str, placeholder: str, lines: tuple[int, int]) -> GrowingTextEdit:
    """A multi-line plain-text field: typed ``<b>`` stays ``<b>``, and Tab moves on."""
    edit = GrowingTextEdit(*lines)
    edit.setAccessibleName(accessible_name)
    edit.setPlaceholderText(placeholder)
    return edit


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # party names are user text
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _replace_text(edit: QPlainTextEdit, text: str) -> None:
    """Show another record's text with a fresh Ctrl+Z history (Ctrl+Z must never
    bring back the previous measure's words). Most measures have no record, so
    skip the costly re-layout when the text is the same (usually empty)."""
    if edit.toPlainText() == text:
        edit.document().clearUndoRedoStacks()
        edit.moveCursor(QTextCursor.MoveOperation.Start)
    else:
        edit.setPlainText(text)


class ChallengeFields(QWidget):
    """Comment, questions, response, notes, headline and placement."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loading = False
        self._read_only: bool | None = None  # as last applied (None: not yet)
        self._placement_items: tuple = ()  # the placement choices as last offered
        self.comment_label = _heading("")
        self.comment = _text_edit("Council comment", "", (5, 16))
        self.questions_label = _heading("Questions raised")
        self.questions = QuestionsEditor()
        self.response_label = _heading("")
        self.response = _text_edit("Provider response", "", (4, 14))
        self.notes_label = _heading("Notes from the meeting")
        self.notes = _text_edit(
            "Notes from the meeting", "What was said at the meeting (printed in italics)", (3, 12)
        )
        self.headline_label = _heading("Headline conclusion")
        self.headline = _text_edit(
            "Headline conclusion", "One or two sentences for the body of the report", (2, 5)
        )
        self.placement_label = _heading("Placement")
        self.placement = QComboBox()
        self.placement.setAccessibleName("Placement")
        self.placement.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.placement_reason = WrappedLabel()
        self.placement_reason.setTextFormat(Qt.TextFormat.PlainText)
        self.placement_reason.setWordWrap(True)
        self.placement_reason.setEnabled(False)
        self._lay_out()
        for edit in self.text_edits():
            edit.textChanged.connect(self._changed)
        self.questions.changed.connect(self._changed)
        self.placement.currentIndexChanged.connect(self._changed)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for label, field, buddy in (
            (self.comment_label, self.comment, self.comment),
            (self.questions_label, self.questions, self.questions.view),
            (self.response_label, self.response, self.response),
            (self.notes_label, self.notes, self.notes),
            (self.headline_label, self.headline, self.headline),
        ):
            label.setBuddy(buddy)
            layout.addSpacing(6)
            layout.addWidget(label)
            layout.addWidget(field)
        layout.addSpacing(6)
        layout.addWidget(self.placement_label)
        self.placement_label.setBuddy(self.placement)
        placement_row = QHBoxLayout()
        placement_row.addWidget(self.placement)
        placement_row.addWidget(self.placement_reason, 1)
        layout.addLayout(placement_row)

    def text_edits(self) -> tuple[QPlainTextEdit, ...]:
        return (self.comment, self.response, self.notes, self.headline)

    def apply_parties(self, parties: Parties) -> None:
        self.comment_label.setText(parties.comment_heading)
        self.comment.setAccessibleName(parties.comment_heading)
        self.comment.setPlaceholderText(f"What {parties.council} says about this measure")
        self.response_label.setText(parties.response_heading)
        self.response.setAccessibleName(parties.response_heading)
        self.response.setPlaceholderText(f"{parties.provider}'s written response")

    def set_read_only(self, read_only: bool) -> None:
        """Allow or stop editing; the form asks for every measure shown, and each
        change restyles every field, so only a change is applied."""
        if read_only == self._read_only:
            return
        self._read_only = read_only
        for edit in self.text_edits():
            edit.setReadOnly(read_only)
        self.questions.set_read_only(read_only)
        self.placement.setEnabled(not read_only)

    # -- showing and reading a record -------------------------------------
    def load(self, record: Challenge | None, row: BoardRow | None) -> None:
        """Show ``record`` (None: empty fields); not an edit, and Ctrl+Z starts afresh."""
        self._loading = True
        try:
            _replace_text(self.comment, record.council_comment if record else "")
            _replace_text(self.response, record.provider_response if record else "")
            _replace_text(self.notes, record.meeting_notes if record else "")
            _replace_text(self.headline, record.headline if record else "")
            self.questions.set_questions(record.questions if record else ())
            self.show_placement(row, record.placement if record else None)
        finally:
            self._loading = False

    def show_placement(self, row: BoardRow | None, chosen: Placement | None) -> None:
        """Offer the suggestion for ``row`` first, then the three choices."""
        was_loading, self._loading = self._loading, True
        try:
            items = () if row is None else _placement_items(row)
            if items != self._placement_items:
                # Refilled only when the suggestion differs: the box is sized to its
                # items, and refilling it lays the form out again.
                self._placement_items = items
                self.placement.clear()
                for text, data in items:
                    self.placement.addItem(text, data)
            if row is None:
                self.placement_reason.clear()
                return
            self.placement.setCurrentIndex(
                self.placement.findData(chosen.value if chosen else SUGGESTED)
            )
            self.placement_reason.setText(
                f"Suggested from status ({row.status.short}) and direction "
                f"({row.direction.label.lower()})"
            )
        finally:
            self._loading = was_loading

    def record(self, meeting_id: int, code: str) -> Challenge:
        """The record as the fields show it now."""
        data = self.placement.currentData()
        return Challenge(
            meeting_id=meeting_id,
            code=code,
            council_comment=self.comment.toPlainText(),
            questions=self.questions.questions(),
            provider_response=self.response.toPlainText(),
            meeting_notes=self.notes.toPlainText(),
            headline=self.headline.toPlainText(),
            placement=Placement(data) if data else None,
        )

    def _changed(self, *args) -> None:
        if not self._loading:
            self.edited.emit()


def _placement_items(row: BoardRow) -> tuple[tuple[str, str], ...]:
    """The placement box's choices for ``row``: its suggestion first, then all three."""
    suggested = (f"{row.default_placement.label} (suggested)", SUGGESTED)
    return (suggested, *((p.label, p.value) for p in Placement))


def as_text(record: Challenge) -> str:
    """Everything typed in a record, as paragraphs (for the clipboard)."""
    parts = (text if isinstance(text, str) else "\n".join(text) for text in record.texts().values())
    return "\n\n".join(part for part in parts if part.strip())


def same_content(a: Challenge | None, b: Challenge | None) -> bool:
    """Equal as the officer sees them (the save time does not count); no record
    is the same as an empty, undecided one."""
    if a is None or b is None:
        other = a or b
        return other is None or (other.is_empty and other.placement is None)
    return replace(a, updated_at=None) == replace(b, updated_at=None)
