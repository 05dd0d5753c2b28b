"""The challenge form: what was said about one measure at one meeting.

It sits on the right of the main window. The top shows how the measure
stands (``PerformancePanel``) and what its figures did (``TrendChart``);
below are the fields of the challenge record, labelled with the parties'
own names ("DMBC Comment", "Trust Response").

There is no save button. Every edit is written within a second
(``ui.autosave``), and anything pending is written before another measure
or meeting is shown, when the form is hidden (the window closing) and when
the application quits. Viewing a measure never writes anything: a record is
only created once the officer has typed something or chosen a placement.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QHideEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from challenge_app.board import BoardRow
from challenge_app.models import Challenge, Meeting, Parties, Placement
from challenge_app.store import Store
from ui.autosave import Autosaver, SaveIndicator
from ui.growing_text import GrowingTextEdit
from ui.performance_panel import PerformancePanel
from ui.questions_editor import QuestionsEditor
from ui.trend_chart import TrendChart
from ui.trend_data import build_trend

NO_MEASURE_HINT = "Choose a measure in the list to see its figures and write its challenge."
NO_MEETING_HINT = "Choose or create a meeting to record a challenge for this measure."
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


class ChallengeForm(QWidget):
    """The per-measure form; see the module docstring for when it saves."""

    saved = Signal(str)  # measure code whose record was just written to the database

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._meeting: Meeting | None = None
        self._row: BoardRow | None = None
        self._record: Challenge | None = None  # as last loaded from or written to the database
        self._loading = False
        self._autosaver = Autosaver(self._save, parent=self)
        self._build()
        self.apply_parties(store.settings.parties())
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        self.show_measure(None, None)

    # -- layout -----------------------------------------------------------
    def _build(self) -> None:
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setMargin(12)
        self.hint.setEnabled(False)

        self.performance = PerformancePanel()
        self.trend = TrendChart()
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
        self.placement_reason = QLabel()
        self.placement_reason.setTextFormat(Qt.TextFormat.PlainText)
        self.placement_reason.setWordWrap(True)
        self.placement_reason.setEnabled(False)
        for label, field in (
            (self.comment_label, self.comment),
            (self.questions_label, self.questions.view),
            (self.response_label, self.response),
            (self.notes_label, self.notes),
            (self.headline_label, self.headline),
            (self.placement_label, self.placement),
        ):
            label.setBuddy(field)

        self.fields = QWidget()
        fields = QVBoxLayout(self.fields)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.setSpacing(4)
        for label, field in (
            (self.comment_label, self.comment),
            (self.questions_label, self.questions),
            (self.response_label, self.response),
            (self.notes_label, self.notes),
            (self.headline_label, self.headline),
        ):
            fields.addSpacing(6)
            fields.addWidget(label)
            fields.addWidget(field)
        fields.addSpacing(6)
        fields.addWidget(self.placement_label)
        placement_row = QHBoxLayout()
        placement_row.addWidget(self.placement)
        placement_row.addWidget(self.placement_reason, 1)
        fields.addLayout(placement_row)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(10, 8, 10, 8)
        column.addWidget(self.performance)
        column.addWidget(self.trend)
        column.addWidget(self.fields)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)

        self.indicator = SaveIndicator()
        self.indicator.connect_to(self._autosaver)
        self.indicator.setAlignment(Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.hint)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.indicator)

        for edit in self._text_edits():
            edit.textChanged.connect(self._edited)
        self.questions.changed.connect(self._edited)
        self.placement.currentIndexChanged.connect(self._edited)

    def _text_edits(self) -> tuple[QPlainTextEdit, ...]:
        return (self.comment, self.response, self.notes, self.headline)

    # -- the contract with the main window --------------------------------
    def apply_parties(self, parties: Parties) -> None:
        """Relabel the fields after the parties' names change."""
        self.comment_label.setText(parties.comment_heading)
        self.comment.setAccessibleName(parties.comment_heading)
        self.comment.setPlaceholderText(f"What {parties.council} says about this measure")
        self.response_label.setText(parties.response_heading)
        self.response.setAccessibleName(parties.response_heading)
        self.response.setPlaceholderText(f"{parties.provider}'s written response")

    def flush(self) -> None:
        """Write any pending edit now."""
        self._autosaver.flush()

    def show_measure(self, meeting: Meeting | None, row: BoardRow | None) -> None:
        """Show ``row``'s measure at ``meeting``, after saving what is pending.

        Showing the measure that is already shown (as the main window does
        after a save refreshes the list) keeps the fields, the cursor and
        Ctrl+Z history, unless the record was changed elsewhere.
        """
        if not self._autosaver.flush():
            self._warn_unsaved()
        previous = self._row
        same = (
            meeting is not None
            and row is not None
            and self._meeting is not None
            and previous is not None
            and meeting.id == self._meeting.id
            and row.code == previous.code
        )
        self._meeting, self._row = meeting, row
        if not (same and _same_figures(row, previous)):
            self.performance.show_row(row)
            self._show_trend(row)
        if row is None:
            self._show_hint(NO_MEASURE_HINT)
            self._load_record(None)
            return
        if meeting is None or meeting.id is None:
            self._show_hint(NO_MEETING_HINT)
            self._load_record(None)
            return
        record = self.store.meetings.challenge(meeting.id, row.code)
        if same and _same_content(record, self._current()):
            # Only the list was refreshed: leave the fields (and "Saved") alone.
            self._record = record
            if row.default_placement is not previous.default_placement:
                self._fill_placement(record.placement if record else None)
            return
        self._show_hint("")
        self._load_record(record)

    # -- loading ----------------------------------------------------------
    def _show_hint(self, hint: str) -> None:
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        editable = not hint
        self.fields.setEnabled(editable)
        self.fields.setVisible(editable or self._row is None)
        self.performance.setVisible(self._row is not None)
        self.trend.setVisible(self._row is not None)
        self._set_read_only(self.store.readonly or not editable)
        if self.store.readonly and editable:
            self.indicator.show_readonly()
        else:
            self.indicator.show_idle()

    def _set_read_only(self, read_only: bool) -> None:
        for edit in self._text_edits():
            edit.setReadOnly(read_only)
        self.questions.set_read_only(read_only)
        self.placement.setEnabled(not read_only)

    def _load_record(self, record: Challenge | None) -> None:
        """Fill the fields without it counting as an edit (and reset Ctrl+Z)."""
        self._record = record
        self._loading = True
        try:
            self.comment.setPlainText(record.council_comment if record else "")
            self.response.setPlainText(record.provider_response if record else "")
            self.notes.setPlainText(record.meeting_notes if record else "")
            self.headline.setPlainText(record.headline if record else "")
            self.questions.set_questions(record.questions if record else ())
            self._fill_placement(record.placement if record else None)
        finally:
            self._loading = False
        self.scroll.verticalScrollBar().setValue(0)

    def _fill_placement(self, chosen: Placement | None) -> None:
        was_loading, self._loading = self._loading, True
        try:
            self.placement.clear()
            row = self._row
            if row is None:
                self.placement_reason.clear()
                return
            default = row.default_placement
            self.placement.addItem(f"{default.label} (suggested)", SUGGESTED)
            for p in Placement:
                self.placement.addItem(p.label, p.value)
            self.placement.setCurrentIndex(
                self.placement.findData(chosen.value if chosen else SUGGESTED)
            )
            self.placement_reason.setText(
                f"Suggested from status ({row.status.short}) and direction "
                f"({row.direction.label.lower()})"
            )
        finally:
            self._loading = was_loading

    def _show_trend(self, row: BoardRow | None) -> None:
        if row is None:
            self.trend.show_trend(None)
            return
        code = row.code
        self.trend.show_trend(
            build_trend(
                row.measure,
                self.store.measures.readings_for(code),
                self.store.measures.targets_for(code),
                row.quarter,
                row.latest_month,
            )
        )

    # -- saving -----------------------------------------------------------
    def _edited(self, *args) -> None:
        if self._loading or self.store.readonly or self._current() is None:
            return
        self._autosaver.mark_dirty()

    def _current(self) -> Challenge | None:
        """The record as the fields show it now (None when nothing can be recorded)."""
        if self._meeting is None or self._meeting.id is None or self._row is None:
            return None
        data = self.placement.currentData()
        return Challenge(
            meeting_id=self._meeting.id,
            code=self._row.code,
            council_comment=self.comment.toPlainText(),
            questions=self.questions.questions(),
            provider_response=self.response.toPlainText(),
            meeting_notes=self.notes.toPlainText(),
            headline=self.headline.toPlainText(),
            placement=Placement(data) if data else None,
        )

    def _save(self) -> None:
        """One small transaction: the shown measure's record, as the fields hold it."""
        challenge = self._current()
        if challenge is None or self.store.readonly:
            return
        if self._record is None and challenge.is_empty and challenge.placement is None:
            return  # nothing was recorded and nothing is: do not create an empty record
        if _same_content(self._record, challenge):
            return
        self._record = self.store.meetings.save_challenge(challenge)
        self.saved.emit(challenge.code)

    def _warn_unsaved(self) -> None:
        """A save failed as the officer moved on: keep their words on the clipboard."""
        current = self._current()
        if current is None:
            return
        text = "\n\n".join(
            part
            for part in (
                current.council_comment,
                "\n".join(current.questions),
                current.provider_response,
                current.meeting_notes,
                current.headline,
            )
            if part.strip()
        )
        QGuiApplication.clipboard().setText(text)
        self._autosaver.discard()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Challenge not saved",
            f"The challenge for {current.code} could not be saved, so its text has been "
            "copied to the clipboard. Paste it back once the database can be written again.",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the code is imported text
        box.exec()

    def hideEvent(self, event: QHideEvent) -> None:
        """The window is closing (or the form is being hidden): write what is pending."""
        self.flush()
        super().hideEvent(event)


def _same_figures(a: BoardRow | None, b: BoardRow | None) -> bool:
    """Equal apart from the challenge record (which changes with every save)."""
    if a is None or b is None:
        return a is b
    return replace(a, challenge=None) == replace(b, challenge=None)


def _same_content(a: Challenge | None, b: Challenge | None) -> bool:
    """Equal as the officer sees them (the save time does not count)."""
    if a is None or b is None:
        other = a or b
        return other is None or (other.is_empty and other.placement is None)
    return (
        a.council_comment,
        a.questions,
        a.provider_response,
        a.meeting_notes,
        a.headline,
        a.placement,
    ) == (
        b.council_comment,
        b.questions,
        b.provider_response,
        b.meeting_notes,
        b.headline,
        b.placement,
    )
