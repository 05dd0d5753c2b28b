"""The challenge form: what was said about one measure at one meeting.

It sits on the right of the main window. The top shows how the measure
stands (``PerformancePanel``) and what its figures did (``TrendChart``);
below are the fields of the challenge record (``ChallengeFields``),
labelled with the parties' own names ("DMBC Comment", "Trust Response").

There is no save button. Every edit is written within a second
(``ui.form.autosave``), and anything pending is written before another measure
or meeting is shown, when the form is hidden (the window closing) and when
the application quits. Viewing a measure never writes anything: a record is
only created once the officer has typed something or chosen a placement.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QHideEvent, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from challenge_app.board import BoardRow
from challenge_app.models import Challenge, Meeting, Parties
from challenge_app.store import Store
from ui.form.autosave import Autosaver, SaveIndicator
from ui.form.challenge_fields import ChallengeFields, as_text, same_content
from ui.form.chart_fold import ChartFold
from ui.form.performance_panel import PerformancePanel
from ui.form.spelling import attach_spelling
from ui.form.trend_chart import TrendChart
from ui.form.trend_data import build_trend

NO_MEASURE_HINT = "Choose a measure in the list to see its figures and write its challenge."
NO_MEETING_HINT = "Choose or create a meeting to record a challenge for this measure."


class ChallengeForm(QWidget):
    """The per-measure form; see the module docstring for when it saves."""

    saved = Signal(object)  # the Challenge just written to the database, as stored

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._meeting: Meeting | None = None
        self._row: BoardRow | None = None
        self._record: Challenge | None = None  # as last loaded from or written to the database
        self._autosaver = Autosaver(self._save, parent=self)
        self._build()
        self.apply_parties(store.settings.parties())
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._flush_or_warn)
        self.show_measure(None, None)

    def _build(self) -> None:
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setMargin(12)
        self.hint.setEnabled(False)
        self.performance = PerformancePanel()
        self.trend = TrendChart()
        self.chart_fold = ChartFold(self.trend)
        self.fields = ChallengeFields()
        self.fields.edited.connect(self._edited)
        self.spelling = attach_spelling(self.fields)  # UK English, as typed
        # The fields by name, for the main window and tests: form.comment etc.
        f = self.fields
        self.comment_label, self.comment = f.comment_label, f.comment
        self.questions_label, self.questions = f.questions_label, f.questions
        self.response_label, self.response = f.response_label, f.response
        self.notes_label, self.notes = f.notes_label, f.notes
        self.headline_label, self.headline = f.headline_label, f.headline
        self.placement_label, self.placement = f.placement_label, f.placement

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(10, 8, 10, 8)
        column.addWidget(self.performance)
        column.addWidget(self.chart_fold)
        column.addWidget(self.fields)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field

        self.indicator = SaveIndicator()
        self.indicator.connect_to(self._autosaver)
        self.indicator.setAlignment(Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.hint)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.indicator)

    # -- the contract with the main window --------------------------------
    def apply_parties(self, parties: Parties) -> None:
        """Relabel the fields after the parties' names change."""
        self.fields.apply_parties(parties)

    def flush(self) -> None:
        """Write any pending edit now."""
        self._autosaver.flush()

    def show_measure(self, meeting: Meeting | None, row: BoardRow | None) -> None:
        """Show ``row``'s measure at ``meeting``, after saving what is pending.

        Showing the measure that is already shown (as the main window does
        after a save refreshes the list) keeps the fields, the cursor and
        Ctrl+Z history, unless the record was changed elsewhere.
        """
        kept = self._focused_field()
        switching = _key(self._meeting, self._row) != _key(meeting, row)
        self._show_measure(meeting, row)
        _settle_layouts()
        if kept is not None and switching:
            if isinstance(kept, QPlainTextEdit):
                kept.moveCursor(QTextCursor.MoveOperation.End)  # carry on after its text
            self._keep_in_view(kept)

    def _show_measure(self, meeting: Meeting | None, row: BoardRow | None) -> None:
        self._flush_or_warn()
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
        if row is None or meeting is None or meeting.id is None:
            self._show_hint(NO_MEASURE_HINT if row is None else NO_MEETING_HINT)
            self._load(None)
            return
        record = self.store.meetings.challenge(meeting.id, row.code)
        if same and same_content(record, self._current()):
            # Only the list was refreshed: leave the fields (and "Saved") alone.
            self._record = record
            if row.default_placement is not previous.default_placement:
                self.fields.show_placement(row, record.placement if record else None)
            return
        self._show_hint("")
        self._load(record)

    # -- the keyboard -----------------------------------------------------
    def focus_comment(self) -> bool:
        """Put the cursor at the end of the council comment; False if it cannot be written."""
        edit = self.comment
        if not (edit.isEnabled() and edit.isVisible()):
            return False
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.moveCursor(QTextCursor.MoveOperation.End)
        self._keep_in_view(edit)
        return True

    def _focused_field(self) -> QWidget | None:
        """The field (text box, question list or placement) the officer is in, if any."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        for field in (*self.fields.text_edits(), self.questions.view, self.placement):
            if field is focus or field.isAncestorOf(focus):
                return field
        return None

    def _keep_in_view(self, field: QWidget) -> None:
        """Keep ``field`` focused on the measure now shown and scrolled into sight, so
        that what the officer types next lands where they can see it."""
        if not (field.isEnabled() and field.isVisible()):
            return
        if not field.hasFocus():
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(field, QPlainTextEdit):
            field.ensureCursorVisible()
            cursor = field.cursorRect()
            centre = field.viewport().mapTo(self.scroll.widget(), cursor.center())
            self.scroll.ensureWidgetVisible(field, 0, 0)
            self.scroll.ensureVisible(centre.x(), centre.y(), 0, cursor.height() + 8)
        else:
            self.scroll.ensureWidgetVisible(field, 0, 8)

    # -- showing ----------------------------------------------------------
    def _show_hint(self, hint: str) -> None:
        """An empty hint means the fields are in use; otherwise say why not."""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        editable = not hint
        self.fields.setEnabled(editable)
        self.fields.setVisible(editable or self._row is None)
        self.performance.setVisible(self._row is not None)
        self.chart_fold.setVisible(self._row is not None)
        self.fields.set_read_only(self.store.readonly or not editable)
        if self.store.readonly and editable:
            self.indicator.show_readonly()
        else:
            self.indicator.show_idle()

    def _load(self, record: Challenge | None) -> None:
        self._record = record
        self.spelling.holding(lambda: self.fields.load(record, self._row))
        self.scroll.verticalScrollBar().setValue(0)

    def _show_trend(self, row: BoardRow | None) -> None:
        if row is None:
            self.chart_fold.show_trend(None)
            return
        code = row.code
        # Read and built only if the chart is drawn (not while it is folded away).
        self.chart_fold.show_trend(
            lambda: build_trend(
                row.measure,
                self.store.measures.readings_for(code),
                self.store.measures.targets_for(code),
                row.quarter,
                row.latest_month,
            )
        )

    # -- saving -----------------------------------------------------------
    def _edited(self) -> None:
        if self.store.readonly or self._current() is None:
            return
        self._autosaver.mark_dirty()

    def _current(self) -> Challenge | None:
        """The record as the fields show it now (None when nothing can be recorded)."""
        if self._meeting is None or self._meeting.id is None or self._row is None:
            return None
        return self.fields.record(self._meeting.id, self._row.code)

    def _save(self) -> None:
        """One small transaction: the shown measure's record, as the fields hold it."""
        challenge = self._current()
        if challenge is None or self.store.readonly:
            return
        if same_content(self._record, challenge):
            return  # includes "no record, and nothing typed": never write an empty one
        self._record = self.store.meetings.save_challenge(challenge)
        self.saved.emit(self._record)

    def _flush_or_warn(self) -> None:
        """Save before moving on; if that fails, the officer's words go to the clipboard."""
        if self._autosaver.flush():
            return
        current = self._current()
        if current is None:
            return
        QGuiApplication.clipboard().setText(as_text(current))
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

    def minimumSizeHint(self) -> QSize:
        """As wide as the fields need: the form scrolls up and down, never sideways."""
        hint = super().minimumSizeHint()
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        return QSize(
            max(hint.width(), self.scroll.widget().minimumSizeHint().width() + bar), hint.height()
        )

    def hideEvent(self, event: QHideEvent) -> None:
        """The window is closing (or the form is being hidden): write what is pending."""
        self._flush_or_warn()
        super().hideEvent(event)


def _key(meeting: Meeting | None, row: BoardRow | None) -> tuple:
    return (meeting.id if meeting else None, row.code if row else None)


def _settle_layouts() -> None:
    """Lay the new measure's form out now, before anything is painted.

    New texts change the heights of the labels, fields and question list, and
    each of those asks for a layout pass later; left to the event loop, the
    form was painted once at the old geometry and again at the new one (two
    repaints of the whole form per switch). Running the pending layout
    requests here makes the first paint the final one.
    """
    # Each pass can ask for one more: a field growing relays the fields out, which
    # changes the form's height, which the scroll area then applies to the form.
    # Requests made during a pass wait for the next one; a pass with none is cheap.
    for _ in range(4):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def _same_figures(a: BoardRow | None, b: BoardRow | None) -> bool:
    """Equal apart from the challenge record (which changes with every save)."""
    if a is None or b is None:
        return a is b
    return replace(a, challenge=None) == replace(b, challenge=None)
