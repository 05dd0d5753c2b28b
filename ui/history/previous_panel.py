"""The Previous meetings panel, beside the form: last quarter's words next to this one's.

It follows the measure and meeting the window shows and lists, newest first,
every earlier meeting that said something about the measure: the figure and
status then, the comment, questions, response, notes and headline, and the
actions raised with whether they are still open (``challenge_app.history``).
It is read-only; its text can be selected and copied.

It sits in a splitter with the form, inside the Challenge tab, so it takes
room from the form rather than widening the window (the list and the actions
tab already need most of a 1366-pixel screen). Folded (its arrow button, or
View > Previous meetings), it is a narrow strip with the arrow to bring it
back; whether it is folded is remembered.

It is filled at once for the first measure chosen, but while the officer runs
down the list with the arrow keys only once the selection has settled for a
moment (``REFRESH_DELAY_MS``), so each step does not pay for it; and it is not
filled while folded or hidden. The
most recent meetings are shown at first (``SHOWN_AT_FIRST``), the rest on request.

"Start from last quarter's comment" copies the newest earlier comment into an
empty comment field as one edit, so one Ctrl+Z in that field takes it out.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from challenge_app.board import BoardRow
from challenge_app.history import PastMeeting, last_comment, previous_meetings
from challenge_app.models import Meeting
from challenge_app.store import Store
from ui.find.reveal import reveal
from ui.history.previous_text import previous_html
from ui.text import plain_label

FOLDED_KEY = "previous_meetings/folded"
REFRESH_DELAY_MS = 120
SHOWN_AT_FIRST = 4
START_SHORTCUT = "Ctrl+Shift+L"
FOLD_SHORTCUT = "Ctrl+Shift+P"
#: The panel's share of the Challenge tab when first shown (the form keeps the rest).
SHARE = 0.4

NO_MEASURE = "Choose a measure to see what was said about it at earlier meetings."


class PreviousMeetingsPanel(QWidget):
    def __init__(
        self,
        store: Store,
        comment: QPlainTextEdit,
        settings: QSettings,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("previousMeetings")
        self.store = store
        self.comment = comment
        self.settings = settings
        self._meeting: Meeting | None = None
        self._code: str | None = None
        self._past: list[PastMeeting] | None = None  # None: not read for this measure yet
        self._expanded = False
        self._width = 0  # the panel's width before it was last folded

        self.fold_button = QToolButton()
        self.fold_button.setAutoRaise(True)
        self.fold_button.clicked.connect(lambda: self.fold_action.toggle())
        self.title = plain_label("Previous meetings")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.start_button = QPushButton("Start from last comment")
        self.start_button.setToolTip(
            f"Copy the latest earlier comment into this meeting's empty comment ({START_SHORTCUT});"
            " Ctrl+Z in the comment takes it out again"
        )
        self.start_button.setAutoDefault(False)
        # The label may be cut short in a narrow panel rather than widen the window.
        self.start_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.start_button.clicked.connect(self.start_from_last_comment)
        self.heading = plain_label()
        self.heading.setWordWrap(True)
        self.text = QTextEdit()
        self.text.setObjectName("previousMeetingsText")
        self.text.setAccessibleName("Previous meetings")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.more_button = QPushButton()
        self.more_button.setAutoDefault(False)
        self.more_button.clicked.connect(self.show_all)
        self._lay_out()

        self.start_action = QAction("Start from &last quarter's comment", self)
        self.start_action.setShortcut(QKeySequence(START_SHORTCUT))
        self.start_action.setStatusTip(self.start_button.toolTip())
        self.start_action.triggered.connect(lambda _checked=False: self.start_from_last_comment())
        self.fold_action = QAction("&Previous meetings", self)
        self.fold_action.setCheckable(True)
        self.fold_action.setShortcut(QKeySequence(FOLD_SHORTCUT))
        self.fold_action.setStatusTip("Show or fold away the earlier meetings on this measure")
        self.fold_action.setChecked(not self.folded)
        self.fold_action.toggled.connect(self._set_shown)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._refresh)
        self._since_refresh = QElapsedTimer()
        comment.textChanged.connect(self._update_start)
        self._show_folded(self.folded)
        self._show_text()
        self._update_start()

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.fold_button)
        header.addWidget(self.title, 1)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.start_button)
        body.addWidget(self.heading)
        body.addWidget(self.text, 1)
        body.addWidget(self.more_button)
        body.addStretch(0)  # takes the room only while there is no text to show
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 6, 4)
        layout.addLayout(header)
        layout.addWidget(self.body, 1)
        layout.addStretch(0)

    # -- the contract with the window -------------------------------------
    def beside(self, form: QWidget) -> QSplitter:
        """A splitter with ``form`` on the left and this panel on the right."""
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("challengeSplitter")
        splitter.addWidget(form)
        splitter.addWidget(self)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([round(1000 * (1 - SHARE)), round(1000 * SHARE)])  # proportions
        return splitter

    @property
    def folded(self) -> bool:
        return str(self.settings.value(FOLDED_KEY, "false")).lower() == "true"

    def show_measure(self, meeting: Meeting | None, row: BoardRow | None) -> None:
        """Follow the window's meeting and measure (filled a moment later, if shown)."""
        code = row.code if row else None
        meeting_id = meeting.id if meeting else None
        if code != self._code or meeting_id != (self._meeting.id if self._meeting else None):
            self._expanded = False
        self._meeting, self._code = meeting, code
        self.refresh()

    def refresh(self) -> None:
        """Earlier records may have changed (an action closed): read them again soon."""
        self._past = None
        self._update_start()
        if self.body.isVisible():
            self._schedule()

    def show_all(self) -> None:
        self._expanded = True
        self._show_text()

    def start_from_last_comment(self) -> None:
        """Copy the latest earlier comment into the empty comment field, as one undo step."""
        if not self._can_start():
            return
        text = last_comment(self._load())
        if not text:
            self._update_start()
            QApplication.beep()
            return
        reveal(self.comment)
        cursor = QTextCursor(self.comment.document())
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.comment.setTextCursor(cursor)  # after what was copied in, ready to edit it
        self.comment.ensureCursorVisible()

    # -- reading and showing ----------------------------------------------
    def _load(self) -> list[PastMeeting]:
        if self._past is None:
            self._past = (
                previous_meetings(self.store, self._code, self._meeting) if self._code else []
            )
        return self._past

    def _schedule(self) -> None:
        """Fill now, unless it was filled a moment ago: then once the selection settles."""
        recent = self._since_refresh.isValid() and (
            self._since_refresh.elapsed() < REFRESH_DELAY_MS
        )
        if recent or self._timer.isActive():
            self._timer.start()
        else:
            self._refresh()

    def _refresh(self) -> None:
        self._timer.stop()
        self._since_refresh.start()
        self._load()
        self._show_text()
        self._update_start()

    def _show_text(self) -> None:
        past = self._past or []
        if self._code is None:
            self.heading.setText(NO_MEASURE)
        elif self._past is None:
            self.heading.setText(f"{self._code} at earlier meetings")
        elif not past:
            before = "before this one" if self._meeting else "yet"
            self.heading.setText(f"Nothing was recorded on {self._code} at meetings {before}.")
        else:
            n = len(past)
            self.heading.setText(
                f"{self._code} at {n} earlier meeting{'s' if n != 1 else ''}, newest first"
            )
        shown = past if self._expanded else past[:SHOWN_AT_FIRST]
        self.text.setHtml(previous_html(shown, self.store.settings.parties()) if shown else "")
        self.text.setVisible(bool(shown))  # no empty white box under "Nothing was recorded"
        hidden = len(past) - len(shown)
        self.more_button.setText(f"Show {hidden} older meeting{'s' if hidden != 1 else ''}")
        self.more_button.setVisible(hidden > 0)

    def _can_start(self) -> bool:
        return (
            not self.store.readonly
            and not self.comment.isReadOnly()
            and self._meeting is not None
            and self._code is not None
            and not self.comment.toPlainText().strip()
        )

    def _update_start(self) -> None:
        """Offered only when this meeting's comment is empty and there is one to copy
        (or the earlier meetings have not been read yet: then it looks when asked)."""
        possible = self._can_start() and (self._past is None or bool(last_comment(self._past)))
        self.start_action.setEnabled(possible)
        self.start_button.setEnabled(possible)
        self.start_button.setVisible(not self.store.readonly)

    # -- folding ----------------------------------------------------------
    def _set_shown(self, shown: bool) -> None:
        self.settings.setValue(FOLDED_KEY, "false" if shown else "true")
        self._show_folded(not shown)
        if shown and self._past is None:
            self._schedule()

    def _show_folded(self, folded: bool) -> None:
        splitter = self.parentWidget()
        if folded and self.width() > self.fold_button.sizeHint().width() * 2:
            self._width = self.width()
        self.body.setVisible(not folded)
        self.title.setVisible(not folded)
        self.fold_button.setArrowType(Qt.ArrowType.LeftArrow if folded else Qt.ArrowType.RightArrow)
        self.fold_button.setToolTip(
            f"Show the previous meetings ({FOLD_SHORTCUT})"
            if folded
            else f"Fold the previous meetings away ({FOLD_SHORTCUT})"
        )
        self.fold_button.setAccessibleName(
            "Show previous meetings" if folded else "Fold previous meetings"
        )
        margins = self.layout().contentsMargins()
        strip = self.fold_button.sizeHint().width() + margins.left() + margins.right()
        self.setMaximumWidth(strip if folded else 16_777_215)
        if not folded and isinstance(splitter, QSplitter):
            total = sum(splitter.sizes())
            width = self._width or int(total * SHARE)
            splitter.setSizes([total - width, width])

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden (another tab, the window closing): fill it when it is seen again."""
        if self._timer.isActive():
            self._timer.stop()
            self._past = None
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._past is None and not self.folded:
            self._schedule()
