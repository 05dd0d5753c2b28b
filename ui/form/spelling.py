"""Spelling in the challenge form: red wavy underlines and right-click suggestions.

The five text fields (comment, questions, response, notes, headline) mark
misspelt words as the officer types, in UK English (``challenge_app.spelling``).
Right-clicking a marked word (or the Menu key with the cursor in it) puts the
suggestions and "Add to dictionary" at the top of the field's usual menu.

Typing is never held up: Qt's ``QSyntaxHighlighter`` re-marks only the
paragraph being edited, words already checked are remembered, and when new
words would take more than ``BUDGET_MS`` in one turn of the event loop (a long
paste) the rest are checked on the following turns. The dictionary loads
``LOAD_DELAY_MS`` after the fields are first painted, so start-up never
waits for it (nor does the officer, unless they right-click a word in the
first moments); until then nothing is marked.

Showing another measure puts four whole texts into the fields at once. They
are not marked there and then (``SpellingService.holding``): the form is
painted first, and the new texts are marked ``MARK_DELAY_MS`` after the
officer stops on a measure, so running down the list with the arrow keys
never waits for spelling.

A question is edited in place in a wrapping text box (``QuestionEdit``), so it
is marked and offered the menu exactly as the other fields are.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QMessageBox, QPlainTextEdit, QWidget

from challenge_app.errors import InputError
from challenge_app.spelling import Speller, Word, word_at
from ui.text import message_box

#: Time the highlighting may spend on words never seen before, per event-loop turn.
BUDGET_MS = 6.0
#: The dictionary loads this long after the fields are first painted.
LOAD_DELAY_MS = 400
#: New texts shown in the fields are marked this long after the last one went in.
MARK_DELAY_MS = 150
MISSPELT_COLOUR = QColor(220, 0, 0)


def misspelt_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(MISSPELT_COLOUR)
    return fmt


class SpellingService(QObject):
    """One speller for a form's fields: loading it, budgeting it, the personal list."""

    #: Emitted when the dictionary has loaded or a word was added: re-mark everything.
    changed = Signal()

    def __init__(self, speller: Speller | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.speller = speller or Speller()
        self._deadline: float | None = None
        self._deferred: list[Callable[[], None]] = []
        self._load_scheduled = False
        self._holding = False
        self._to_mark: list[SpellingHighlighter] = []
        self._mark_timer = QTimer(self)
        self._mark_timer.setSingleShot(True)
        self._mark_timer.setInterval(MARK_DELAY_MS)
        self._mark_timer.timeout.connect(self._mark_held)

    # -- loading ----------------------------------------------------------
    def load_after_first_paint(self, widget: QWidget) -> None:
        """Load ``LOAD_DELAY_MS`` after ``widget`` is first painted: never before it."""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            if not self._load_scheduled and not self.speller.loaded:
                self._load_scheduled = True
                QTimer.singleShot(LOAD_DELAY_MS, self, self.load_now)
        return False

    def load_now(self) -> None:
        """Load the dictionary (if not yet loaded) and mark every attached field."""
        if self.speller.loaded:
            return
        self.speller.load()
        self.changed.emit()

    # -- the per-turn budget ----------------------------------------------
    def deadline(self) -> float:
        """When this turn's time for new words runs out (``time.perf_counter``)."""
        if self._deadline is None:
            self._deadline = time.perf_counter() + BUDGET_MS / 1000
            QTimer.singleShot(0, self, self._next_turn)
        return self._deadline

    def later(self, redo: Callable[[], None]) -> None:
        """Run ``redo`` on a following turn, with a fresh budget."""
        self._deferred.append(redo)
        self.deadline()  # makes sure a next turn is scheduled

    def _next_turn(self) -> None:
        self._deadline = None
        pending, self._deferred = self._deferred, []
        for redo in pending:
            try:
                redo()
            except RuntimeError:  # its field was closed meanwhile (a question's editor)
                continue

    # -- new texts: marked once shown -----------------------------------
    def holding(self, load: Callable[[], None]) -> None:
        """Run ``load`` (new texts going into the fields) without marking them now;
        they are marked ``MARK_DELAY_MS`` after the last such load."""
        was, self._holding = self._holding, True
        try:
            load()
        finally:
            self._holding = was

    @property
    def held(self) -> bool:
        return self._holding

    def mark_later(self, highlighter: SpellingHighlighter) -> None:
        if highlighter not in self._to_mark:
            self._to_mark.append(highlighter)
        self._mark_timer.start()  # restarted: the officer is still moving on

    def _mark_held(self) -> None:
        pending, self._to_mark = self._to_mark, []
        for highlighter in pending:
            try:
                highlighter.remark()
            except RuntimeError:  # its field was closed meanwhile
                continue

    # -- the personal word list -------------------------------------------
    def add_word(self, word: str, parent: QWidget | None) -> None:
        """Accept ``word`` from now on; say so if it could not be kept for next time."""
        try:
            self.speller.add(word)
        except InputError as exc:
            message_box(
                parent,
                QMessageBox.Icon.Warning,
                "Add to dictionary",
                f"“{word}” is accepted until you close the program, but could not be "
                "kept for next time.",
                informative=str(exc),
            ).exec()
        self.changed.emit()

    # -- attaching to fields ----------------------------------------------
    def attach_text_edit(self, edit: QPlainTextEdit) -> SpellingHighlighter:
        highlighter = SpellingHighlighter(edit, self)
        menu = _ContextMenu(self, _PlainTextTarget(edit), parent=edit)
        edit.installEventFilter(menu)
        edit.viewport().installEventFilter(menu)
        return highlighter

    def attach_question_editor(self, edit: QWidget) -> None:
        """Mark a question's in-place editor (a wrapping text box) and give it the menu."""
        if isinstance(edit, QPlainTextEdit):
            self.attach_text_edit(edit)


class SpellingHighlighter(QSyntaxHighlighter):
    """Underlines misspelt words, one paragraph (block) at a time.

    Qt re-marks the paragraph being typed in by itself. When this highlighter
    re-marks on its own (the dictionary loaded, a word was added, words left
    for later), the field's signals are held: Qt reports new formats as a
    change of contents, and the form would take that for the officer's edit.
    """

    def __init__(self, edit: QPlainTextEdit, service: SpellingService):
        super().__init__(edit.document())
        self.edit = edit
        self.service = service
        self._format = misspelt_format()
        service.changed.connect(self.remark)

    def highlightBlock(self, text: str) -> None:
        speller = self.service.speller
        if not speller.loaded or not text:
            return
        if self.service.held:
            self.service.mark_later(self)  # a whole new text: marked once it is shown
            return
        scan = speller.scan(text, self.service.deadline())
        for word in scan.misspelt:
            self.setFormat(word.start, word.end - word.start, self._format)
        if not scan.complete:
            self._come_back(self.currentBlock().blockNumber())

    def remark(self) -> None:
        """Mark the whole text again, without it counting as an edit."""
        self._quietly(self.rehighlight)

    def _quietly(self, action: Callable[[], None]) -> None:
        held = self.edit.blockSignals(True)
        try:
            action()
        finally:
            self.edit.blockSignals(held)

    def _come_back(self, number: int) -> None:
        def redo() -> None:
            block = self.document().findBlockByNumber(number)
            if block.isValid():
                self._quietly(lambda: self.rehighlightBlock(block))

        self.service.later(redo)


# -- the right-click menu ---------------------------------------------------
class _Target:
    """A field the menu works on: ``word`` under the click and ``replace`` it."""

    def __init__(self, widget: QPlainTextEdit):
        self.widget = widget

    def read_only(self) -> bool:
        return self.widget.isReadOnly()

    def standard_menu(self) -> QMenu:
        return self.widget.createStandardContextMenu()

    def word(self, event: QContextMenuEvent, source: QObject) -> tuple[Word, int] | None:
        """The word at the event and the offset of its paragraph in the whole text."""
        raise NotImplementedError

    def replace(self, word: Word, offset: int, text: str) -> None:
        raise NotImplementedError


class _PlainTextTarget(_Target):
    """The word under a point of a ``QPlainTextEdit``, and replacing it."""

    def word(self, event: QContextMenuEvent, source: QObject) -> tuple[Word, int] | None:
        edit = self.widget
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            point = event.pos()
            if source is edit:
                point = edit.viewport().mapFrom(edit, point)
            cursor = edit.cursorForPosition(point)
        else:
            cursor = edit.textCursor()
        block = cursor.block()
        found = word_at(block.text(), cursor.positionInBlock())
        return (found, block.position()) if found else None

    def replace(self, word: Word, offset: int, text: str) -> None:
        cursor = QTextCursor(self.widget.document())
        cursor.setPosition(offset + word.start)
        cursor.setPosition(offset + word.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)  # one step for Ctrl+Z
        self.widget.setTextCursor(cursor)


class _ContextMenu(QObject):
    """Puts suggestions and "Add to dictionary" on top of a field's own menu."""

    def __init__(self, service: SpellingService, target: _Target, parent: QObject):
        super().__init__(parent)
        self.service = service
        self.target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ContextMenu or self.target.read_only():
            return False
        self.service.load_now()  # first use: the officer asked for it
        found = self.target.word(event, watched)
        if found is None or self.service.speller.check(found[0].text):
            return False  # the field's usual menu
        menu = self.build_menu(*found)
        menu.exec(event.globalPos())
        menu.deleteLater()
        return True

    def build_menu(self, word: Word, offset: int) -> QMenu:
        """The field's standard menu with the spelling actions first."""
        menu = self.target.standard_menu()
        first = menu.actions()[0] if menu.actions() else None
        suggestions = self.service.speller.suggest(word.text)
        actions: list[QAction] = []
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            font = action.font()
            font.setWeight(QFont.Weight.Bold)
            action.setFont(font)
            action.triggered.connect(
                lambda _checked=False, s=suggestion: self.target.replace(word, offset, s)
            )
            actions.append(action)
        if not suggestions:
            none = QAction("(no suggestions)", menu)
            none.setEnabled(False)
            actions.append(none)
        add = QAction(f"Add “{word.text}” to dictionary", menu)
        add.triggered.connect(
            lambda _checked=False: self.service.add_word(word.text, self.target.widget)
        )
        actions.append(add)
        menu.insertActions(first, actions)
        menu.insertSeparator(first)
        return menu


def attach_spelling(fields, service: SpellingService | None = None) -> SpellingService:
    """Spelling for the challenge fields: the four text boxes and the questions' editor."""
    service = service or SpellingService(parent=fields)
    for edit in fields.text_edits():
        service.attach_text_edit(edit)
    fields.questions.delegate.editor_created.connect(service.attach_question_editor)
    service.load_after_first_paint(fields)
    return service
