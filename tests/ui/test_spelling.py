"""Spelling in the challenge form: what the officer sees underlined, and the right-click menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit

from challenge_app.board import board_for_meeting
from challenge_app.models import Challenge
from challenge_app.spelling import default_personal_path
from tests.ui.test_challenge_form import SAVE_WAIT_MS, open_editor, record
from ui.form.challenge_form import ChallengeForm

SPELL = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture
def meeting(demo_store):
    return demo_store.meetings.latest_for_period("2016/17 Q1")


@pytest.fixture
def form(qtbot, demo_store, meeting):
    form = ChallengeForm(demo_store)
    qtbot.addWidget(form)
    form.resize(700, 1200)
    form.show()
    rows = {r.code: r for r in board_for_meeting(demo_store, meeting)}
    form.show_measure(meeting, rows["A2"])
    form.spelling.load_now()
    return form


def underlined(edit: QPlainTextEdit) -> list[str]:
    """The words drawn with the spelling underline, read from the laid-out blocks."""
    found = []
    block = edit.document().begin()
    while block.isValid():
        text = block.text()
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() == SPELL:
                found.append(text[fmt.start : fmt.start + fmt.length])
        block = block.next()
    return found


def type_into(qtbot, edit: QPlainTextEdit, text: str) -> None:
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, text)


def point_of(edit: QPlainTextEdit, word: str) -> QPoint:
    """The middle of ``word`` on screen, in the edit's viewport."""
    cursor = edit.document().find(word)
    cursor.setPosition(cursor.selectionStart() + len(word) // 2)
    return edit.cursorRect(cursor).center()


def context_menu(
    qtbot,
    widget,
    point: QPoint,
    choose: str | None = None,
    reason: QContextMenuEvent.Reason = QContextMenuEvent.Reason.Mouse,
) -> list[str]:
    """Right-click at ``point`` (or press the Menu key); trigger ``choose``; return the items."""
    seen: list[str] = []

    def answer() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, answer)
            return
        seen.extend(a.text() for a in menu.actions())
        chosen = [a for a in menu.actions() if a.text() == choose]
        menu.close()
        for action in chosen:
            action.trigger()

    QTimer.singleShot(0, answer)
    QApplication.sendEvent(widget, QContextMenuEvent(reason, point, widget.mapToGlobal(point)))
    qtbot.waitUntil(lambda: bool(seen))
    return seen


def test_a_misspelt_word_is_underlined_as_it_is_typed(qtbot, form):
    type_into(qtbot, form.comment, " The recieve colour of DMBC in A09 is teh best.")
    qtbot.waitUntil(lambda: underlined(form.comment) == ["recieve", "teh"])
    type_into(qtbot, form.headline, "Performance is improveing")
    qtbot.waitUntil(lambda: underlined(form.headline) == ["improveing"])


def test_american_spellings_are_marked(qtbot, form):
    type_into(qtbot, form.notes, "The color of the center")
    qtbot.waitUntil(lambda: underlined(form.notes) == ["color", "center"])


def test_a_suggestion_chosen_from_the_menu_replaces_the_word_and_is_saved(
    qtbot, form, demo_store, meeting
):
    edit = form.response
    edit.setPlainText("")
    type_into(qtbot, edit, "We will recieve the figures.")
    qtbot.waitUntil(lambda: underlined(edit) == ["recieve"])
    items = context_menu(qtbot, edit.viewport(), point_of(edit, "recieve"), "receive")
    assert items[0] == "receive"
    assert "Add “recieve” to dictionary" in items
    assert any("Copy" in item for item in items)  # the field's own menu is still there
    assert edit.toPlainText() == "We will receive the figures."
    qtbot.waitUntil(lambda: underlined(edit) == [])
    qtbot.waitUntil(
        lambda: (
            record(demo_store, meeting, "A2").provider_response == "We will receive the figures."
        ),
        timeout=SAVE_WAIT_MS,
    )
    edit.undo()  # one Ctrl+Z puts the officer's word back
    assert edit.toPlainText() == "We will recieve the figures."


def test_a_word_added_to_the_dictionary_is_remembered_across_restarts(
    qtbot, demo_store, meeting, form
):
    edit = form.notes
    type_into(qtbot, edit, " The outturn")
    qtbot.waitUntil(lambda: "outturn" in underlined(edit))
    add = "Add “outturn” to dictionary"
    context_menu(qtbot, edit.viewport(), point_of(edit, "outturn"), add)
    qtbot.waitUntil(lambda: "outturn" not in underlined(edit))
    assert "outturn" in default_personal_path().read_text(encoding="utf-8").split()

    again = ChallengeForm(demo_store)  # as after a restart: a new speller, same data folder
    qtbot.addWidget(again)
    again.show()
    again.show_measure(meeting, board_for_meeting(demo_store, meeting)[0])
    again.spelling.load_now()
    assert again.spelling.speller.check("outturn")
    type_into(qtbot, again.comment, " Outturn and outturn, not outtturn")
    qtbot.waitUntil(lambda: underlined(again.comment) == ["outtturn"])


def test_a_question_being_typed_is_marked_and_corrected(qtbot, form, demo_store, meeting):
    form.questions.add_question()
    editor = open_editor(form.questions.view)
    qtbot.keyClicks(editor, "Why has performence fallen")
    qtbot.waitUntil(lambda: underlined(editor) == ["performence"])
    items = context_menu(qtbot, editor.viewport(), point_of(editor, "performence"), "performance")
    assert items[0] == "performance"
    assert editor.text() == "Why has performance fallen"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: "Why has performance fallen" in record(demo_store, meeting, "A2").questions,
        timeout=SAVE_WAIT_MS,
    )


def test_the_menu_key_offers_suggestions_for_the_word_at_the_cursor(qtbot, form):
    edit = form.headline
    type_into(qtbot, edit, "Much improveing")
    keyboard = QContextMenuEvent.Reason.Keyboard
    items = context_menu(qtbot, edit, edit.cursorRect().center(), reason=keyboard)
    assert "improving" in items


def test_a_correct_word_gets_the_usual_menu(qtbot, form):
    edit = form.headline
    type_into(qtbot, edit, "Performance")
    items = context_menu(qtbot, edit.viewport(), point_of(edit, "Performance"))
    assert not any("dictionary" in item for item in items)
    assert any("Copy" in item for item in items)


def test_nothing_is_marked_until_the_dictionary_has_loaded_after_start_up(qtbot, demo_store):
    form = ChallengeForm(demo_store)
    qtbot.addWidget(form)
    form.show()
    form.comment.setPlainText("We will recieve it")
    assert not form.spelling.speller.loaded
    assert underlined(form.comment) == []
    qtbot.waitUntil(lambda: underlined(form.comment) == ["recieve"], timeout=3000)


def test_marking_words_is_not_an_edit(qtbot, demo_store, meeting):
    form = ChallengeForm(demo_store)
    qtbot.addWidget(form)
    form.show()
    edits: list[bool] = []
    form.fields.edited.connect(lambda: edits.append(True))
    rows = board_for_meeting(demo_store, meeting)
    form.show_measure(meeting, rows[0])
    form.comment.setPlainText("We will recieve it")  # as if loaded: then reset what counts
    form.comment.document().clearUndoRedoStacks()
    edits.clear()
    form.spelling.load_now()
    qtbot.waitUntil(lambda: underlined(form.comment) == ["recieve"])
    assert edits == []
    assert not form.comment.document().isUndoAvailable()


def test_a_measure_shown_has_its_misspelt_words_underlined_once_it_is_on_screen(
    qtbot, form, demo_store, meeting
):
    saved = demo_store.meetings.save_challenge(
        Challenge(meeting.id, "A3", council_comment="We will recieve it.\nTeh second line.")
    )
    rows = {r.code: r for r in board_for_meeting(demo_store, meeting)}
    edits: list[bool] = []
    form.fields.edited.connect(lambda: edits.append(True))

    form.show_measure(meeting, rows["A3"])
    assert form.comment.toPlainText() == saved.council_comment
    # Not marked while the new measure is being put on screen, but a moment later.
    assert underlined(form.comment) == []
    qtbot.waitUntil(lambda: underlined(form.comment) == ["recieve", "Teh"])
    assert edits == []  # marking is not typing: nothing to save, nothing to undo
    assert not form.comment.document().isUndoAvailable()
    assert record(demo_store, meeting, "A3") == saved

    # Running on through measures marks only where the officer stops.
    form.show_measure(meeting, rows["A2"])
    form.show_measure(meeting, rows["A3"])
    qtbot.waitUntil(lambda: underlined(form.comment) == ["recieve", "Teh"])
    type_into(qtbot, form.comment, " Anothr")  # typing is marked as ever
    qtbot.waitUntil(lambda: underlined(form.comment) == ["recieve", "Teh", "Anothr"])
