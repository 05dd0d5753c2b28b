"""Creating or editing a meeting: the period it reviews, date, title, kind,
attendees and apologies.

The dialog checks everything before it writes (the period must be a real
quarter or month, the title not blank, and no other meeting may have the same
period, date and title, which is how packs identify meetings) and keeps the
dialog open with a message naming the field when something is wrong.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from challenge_app.errors import InputError
from challenge_app.models import Meeting
from challenge_app.periods import (
    Month,
    Quarter,
    offered_quarters,
    parse_period,
    usual_meeting_date,
)
from challenge_app.store import Store
from ui.dialogs.layout import save_cancel_layout
from ui.text import plain_label

DEFAULT_TITLE = "Quarterly challenge meeting"
KINDS = ("quarterly", "monthly")


def period_choices(store: Store, today: date | None = None) -> list[str]:
    """The quarters the database has figures for, newest first, and the next one
    (whose figures may still be on their way), not quarters guessed from today."""
    quarters = offered_quarters(store.measures.quarters_with_figures(), today or date.today())
    return [str(q) for q in quarters]


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class MeetingDialog(QDialog):
    """``exec()`` returns Accepted once the meeting is saved; it is then ``self.meeting``."""

    def __init__(self, store: Store, meeting: Meeting | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.meeting: Meeting | None = meeting
        self.setWindowTitle("Edit meeting" if meeting else "New meeting")
        self.setMinimumWidth(480)

        self.period = QComboBox()
        self.period.setEditable(True)
        self.period.addItems(period_choices(store))
        self.period.setToolTip("The quarter (2016/17 Q1) or month (2016-07) the meeting reviews")
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.attendees = QPlainTextEdit()
        self.attendees.setPlaceholderText("One person a line, e.g. Contract Manager (DMBC)")
        self.apologies = QPlainTextEdit()
        self.apologies.setPlaceholderText("One person a line")
        for box in (self.attendees, self.apologies):
            box.setTabChangesFocus(True)

        self.problem = plain_label()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        font = self.problem.font()
        font.setBold(True)
        self.problem.setFont(font)
        self.problem.hide()

        form = QFormLayout()
        form.addRow("&Period reviewed:", self.period)
        form.addRow("&Date:", self.date)
        form.addRow("&Title:", self.title)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Attendees:", self.attendees)
        form.addRow("A&pologies:", self.apologies)

        self.buttons = save_cancel_layout(self, form, self.problem)
        self._proposing = False  # the date is being set from the period, not by the officer
        self._fill(meeting)
        # A new meeting's date follows the period chosen, until the officer sets one.
        self._date_set_by_officer = meeting is not None
        self.date.dateChanged.connect(self._date_edited)
        self.period.currentTextChanged.connect(self._period_changed)

    def _fill(self, meeting: Meeting | None) -> None:
        if meeting is None:
            latest = next(iter(self.store.meetings.all()), None)
            # The quarter just reported on, or the one before today's if there is no data.
            reviewed = (
                self.store.measures.latest_quarter()
                or Month(date.today().year, date.today().month).quarter.previous()
            )
            self.period.setCurrentText(str(reviewed))
            self._propose_date(reviewed)
            self.title.setText(DEFAULT_TITLE)
            # The same people usually attend every quarter: start from the last list.
            attendees = latest.attendees if latest else ()
            apologies: tuple[str, ...] = ()
        else:
            self.period.setCurrentText(meeting.period)
            self.date.setDate(QDate(meeting.date.year, meeting.date.month, meeting.date.day))
            self.title.setText(meeting.title)
            self.kind.setCurrentIndex(max(0, self.kind.findData(meeting.kind)))
            attendees, apologies = meeting.attendees, meeting.apologies
        self.attendees.setPlainText("\n".join(attendees))
        self.apologies.setPlainText("\n".join(apologies))

    def _propose_date(self, period: Quarter | Month) -> None:
        day = usual_meeting_date(period)
        self._proposing = True
        try:
            self.date.setDate(QDate(day.year, day.month, day.day))
        finally:
            self._proposing = False

    def _date_edited(self, _date: QDate) -> None:
        if not self._proposing:
            self._date_set_by_officer = True

    def _period_changed(self, text: str) -> None:
        if self._date_set_by_officer:
            return
        try:
            period = parse_period(text)
        except InputError:
            return  # half typed: the date waits for a real period
        self._propose_date(period)

    def _show_problem(self, text: str, field: QWidget) -> None:
        self.problem.setText(text)
        self.problem.show()
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> Meeting:
        """The meeting as typed; raises InputError naming the field that is wrong."""
        try:
            period = parse_period(self.period.currentText())
        except InputError as exc:
            raise InputError(f"Period reviewed: {exc}") from exc
        kind = self.kind.currentData()
        if kind == "quarterly" and not isinstance(period, Quarter):
            raise InputError(
                "Period reviewed: a quarterly meeting reviews a quarter, e.g. 2016/17 Q1"
            )
        title = " ".join(self.title.text().split())
        if not title:
            raise InputError("Title: give the meeting a title, e.g. Quarterly challenge meeting")
        day = self.date.date().toPython()
        base = self.meeting or Meeting(None, title, day, str(period))
        return replace(
            base,
            title=title,
            date=day,
            period=str(period),
            kind=kind,
            attendees=_lines(self.attendees.toPlainText()),
            apologies=_lines(self.apologies.toPlainText()),
        )

    def accept(self) -> None:
        try:
            meeting = self.value()
        except InputError as exc:
            field = self.title if str(exc).startswith("Title") else self.period
            self._show_problem(str(exc), field)
            return
        clash = self.store.meetings.find(meeting.period, meeting.date, meeting.title)
        if clash is not None and clash.id != meeting.id:
            self._show_problem(
                f"There is already a meeting called \u201c{meeting.title}\u201d reviewing "
                f"{meeting.period} on {meeting.date:%d %b %Y}. Change the title or the date.",
                self.title,
            )
            return
        try:
            with self.store.transaction():
                self.meeting = self.store.meetings.save(meeting)
        except sqlite3.Error as exc:
            self._show_problem(f"The meeting could not be saved: {exc}", self.title)
            return
        super().accept()
