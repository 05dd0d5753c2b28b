"""Find in the main window: the dialog opened from Edit, and a result opened in the window.

The window is driven through the same controls the officer uses (the meeting
bar, the measure list, the form's fields, the actions table), so everything
that follows a choice there (the form saving what is pending, the list and
panel refreshing) happens as usual. The match is selected in its field; if
the text has changed since the search, the matched words are looked for again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit

from challenge_app.search import Hit, Span
from ui.find.find_dialog import FindDialog
from ui.find.highlight import utf16_offset
from ui.find.reveal import reveal

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow


def find_anywhere(window: MainWindow) -> FindDialog:
    """Open (or bring back) the window's Find dialog, after saving what is being typed
    so that the words typed a moment ago are found too."""
    window.form.flush()
    dialog = window.findChild(FindDialog)
    if dialog is None:
        dialog = FindDialog(window.store, window)
        dialog.chosen.connect(lambda hit: open_hit(window, hit))
    dialog.open_find()
    return dialog


def place_in(text: str, hit: Hit) -> Span:
    """Where the first match is in ``text`` as it is now (string offsets)."""
    if not hit.spans:
        return (0, 0)
    start, end = hit.spans[0]  # a quoted phrase is one span
    if text == hit.body:
        return (start, end)
    words = hit.body[start:end].casefold()
    found = text.casefold().find(words) if words else -1
    if found >= 0 and len(text.casefold()) == len(text):  # casefold kept the offsets
        return (found, found + len(words))
    return (0, 0)


def open_hit(window: MainWindow, hit: Hit) -> bool:
    """Show ``hit``'s meeting and measure with its match selected; False if it is gone."""
    window.raise_()
    window.activateWindow()
    if not _choose_meeting(window, hit):
        window.status_line.announce("That meeting is no longer in this database.")
        return False
    if hit.code is not None and not _choose_measure(window, hit.code):
        window.status_line.announce(f"Measure {hit.code} is no longer in this database.")
        return False
    if hit.field == "action":
        panel = window.actions_panel
        panel.reload(select_id=hit.source_id)
        reveal(panel.view)
        return True
    form = window.form
    if hit.field == "questions":
        _select_in_question(form.questions.view, hit)
        return True
    edit = {
        "council_comment": form.comment,
        "provider_response": form.response,
        "meeting_notes": form.notes,
        "headline": form.headline,
    }[hit.field]
    _select_in_edit(edit, hit)
    return True


def _choose_meeting(window: MainWindow, hit: Hit) -> bool:
    if window.meeting is not None and window.meeting.id == hit.meeting.id:
        return True
    combo = window.meeting_bar.combo
    position = combo.findData(hit.meeting.id)
    if position < 0:
        return False
    combo.setCurrentIndex(position)
    return True


def _choose_measure(window: MainWindow, code: str) -> bool:
    if window.measures.current_code() == code:
        return True
    if window.measures.select_code(code):
        return True
    window.measures.filters.clear()  # a filter was hiding it
    return window.measures.select_code(code)


def _select_in_edit(edit: QPlainTextEdit, hit: Hit) -> None:
    reveal(edit)
    _select_text(edit, hit)


def _select_text(edit: QPlainTextEdit, hit: Hit) -> None:
    text = edit.toPlainText()
    start, end = place_in(text, hit)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(utf16_offset(text, start))
    cursor.setPosition(utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()


def _select_in_question(view: QAbstractItemView, hit: Hit) -> None:
    model = view.model()
    if not 0 <= hit.item < model.rowCount():
        reveal(view)
        return
    index = model.index(hit.item, 0)
    reveal(view)
    view.setCurrentIndex(index)
    view.scrollTo(index)
    if view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers:
        return  # read-only: the question is selected, there is no cursor to place
    view.edit(index)
    editors = [e for e in view.findChildren(QPlainTextEdit) if e.isVisible()]
    if editors:  # the question's in-place editor (a wrapping text box)
        _select_text(editors[0], hit)
