"""The questions list on its own: keyboard, buttons, undo, read-only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

from ui.form.question_delegate import QuestionEdit
from ui.form.questions_editor import QuestionsEditor

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def editor(qtbot):
    editor = QuestionsEditor()
    qtbot.addWidget(editor)
    editor.resize(400, 300)
    editor.show()
    editor.set_questions(["One?", "Two?", "Three?"])
    return editor


def shown(editor) -> list[str]:
    return editor.model.stringList()


def select(editor, row: int) -> None:
    editor.view.setCurrentIndex(editor.model.index(row))


def type_question(qtbot, editor, text: str) -> None:
    (line,) = [w for w in editor.view.findChildren(QuestionEdit) if w.isVisible()]
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.view.state() != QAbstractItemView.State.EditingState)


def test_loading_is_not_an_edit(qtbot, editor):
    with qtbot.assertNotEmitted(editor.changed):
        editor.set_questions(["A?"])
    assert shown(editor) == ["A?"]
    editor.undo()
    assert shown(editor) == ["A?"]  # nothing to undo after a load


def test_ctrl_enter_adds_a_question_at_the_end_and_edits_it(qtbot, editor):
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(editor.view, Qt.Key.Key_Return, CTRL)
    type_question(qtbot, editor, "Four?")
    assert shown(editor) == ["One?", "Two?", "Three?", "Four?"]
    assert editor.questions() == ("One?", "Two?", "Three?", "Four?")


def test_f2_edits_the_selected_question_in_place(qtbot, editor):
    select(editor, 1)
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    (line,) = [w for w in editor.view.findChildren(QuestionEdit) if w.isVisible()]
    line.selectAll()
    type_question(qtbot, editor, "Second question?")
    assert shown(editor) == ["One?", "Second question?", "Three?"]


def test_alt_arrows_move_and_delete_removes(qtbot, editor):
    select(editor, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, ALT)
    assert shown(editor) == ["Two?", "One?", "Three?"]
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, ALT)
    assert shown(editor) == ["Two?", "Three?", "One?"]
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, ALT)  # already last: stays
    assert shown(editor) == ["Two?", "Three?", "One?"]
    qtbot.keyClick(editor.view, Qt.Key.Key_Up, ALT)
    assert shown(editor) == ["Two?", "One?", "Three?"]
    assert editor.view.currentIndex().row() == 1  # the moved question stays selected
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert shown(editor) == ["Two?", "Three?"]


def test_buttons_do_the_same_and_enable_sensibly(qtbot, editor):
    select(editor, 0)
    assert not editor.up_button.isEnabled() and editor.down_button.isEnabled()
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert shown(editor) == ["Two?", "One?", "Three?"]
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert shown(editor) == ["Two?", "Three?"]
    select(editor, 1)
    assert editor.up_button.isEnabled() and not editor.down_button.isEnabled()


def test_ctrl_z_undoes_list_changes_one_at_a_time(qtbot, editor):
    select(editor, 2)
    qtbot.keyClick(editor.view, Qt.Key.Key_Up, ALT)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert shown(editor) == ["One?", "Two?"]
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, CTRL)
    assert shown(editor) == ["One?", "Three?", "Two?"]
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, CTRL)
    assert shown(editor) == ["One?", "Two?", "Three?"]


def test_a_drag_is_one_undo_step(qtbot, editor):
    """A drop arrives as insert + set + remove; Ctrl+Z must take it back in one go."""
    model = editor.model
    data: QMimeData = model.mimeData([model.index(0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    model.removeRows(0, 1)  # what the view does after a move-drop
    assert shown(editor) == ["Two?", "Three?", "One?"]
    qtbot.wait(1)
    editor.undo()
    assert shown(editor) == ["One?", "Two?", "Three?"]


def test_empty_questions_are_not_part_of_the_record(qtbot, editor):
    qtbot.keyClick(editor.view, Qt.Key.Key_Return, CTRL)
    type_question(qtbot, editor, "   ")
    assert len(shown(editor)) == 4
    assert editor.questions() == ("One?", "Two?", "Three?")


def test_read_only_refuses_every_change(qtbot, editor):
    editor.set_read_only(True)
    select(editor, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(editor.view, Qt.Key.Key_Return, CTRL)
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    assert shown(editor) == ["One?", "Two?", "Three?"]
    assert editor.view.state() != QAbstractItemView.State.EditingState
    assert not any(
        b.isEnabled()
        for b in (editor.add_button, editor.remove_button, editor.up_button, editor.down_button)
    )


def test_hint_shows_only_when_there_are_no_questions(qtbot, editor):
    assert editor.hint.isHidden()
    editor.set_questions([])
    assert editor.hint.isVisible()


def open_line(editor) -> QuestionEdit:
    (line,) = [w for w in editor.view.findChildren(QuestionEdit) if w.isVisible()]
    return line


def test_a_question_reaches_the_list_as_it_is_typed(qtbot, editor):
    """So autosave has it even if Enter is never pressed."""
    select(editor, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    line = open_line(editor)
    qtbot.keyClick(line, Qt.Key.Key_End)  # F2 selects the whole question
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClicks(line, " Really")
    assert editor.questions()[0] == "One? Really"
    assert editor.view.state() == QAbstractItemView.State.EditingState


def test_typing_in_a_question_keeps_the_cursor_and_its_own_undo(qtbot, editor):
    select(editor, 1)
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    line = open_line(editor)
    qtbot.keyClick(line, Qt.Key.Key_Home)
    qtbot.keyClicks(line, "Why ")
    assert shown(editor)[1] == "Why Two?"  # not "Two?Why ": the cursor stayed put
    qtbot.keyClick(line, Qt.Key.Key_Z, CTRL)
    assert line.text() != "Why Two?"  # the editor still had its undo history


def test_escape_puts_the_question_back_as_it_was(qtbot, editor):
    select(editor, 2)
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    line = open_line(editor)
    line.selectAll()
    qtbot.keyClicks(line, "Changed my mind")
    assert shown(editor)[2] == "Changed my mind"
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: editor.view.state() != QAbstractItemView.State.EditingState)
    assert shown(editor) == ["One?", "Two?", "Three?"]


def test_an_edited_question_is_one_undo_step(qtbot, editor):
    select(editor, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    qtbot.keyClick(open_line(editor), Qt.Key.Key_End)
    type_question(qtbot, editor, " and more")
    assert shown(editor)[0] == "One? and more"
    qtbot.wait(1)
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, CTRL)
    assert shown(editor) == ["One?", "Two?", "Three?"]


def shows_all_of_it(line) -> bool:
    """The whole question is laid out inside the editor, from its first word."""
    block = line.document().firstBlock()
    needed = line.blockBoundingRect(block).height()
    return (
        needed <= line.viewport().height()
        and line.verticalScrollBar().value() == 0
        and line.horizontalScrollBar().maximum() == 0
    )


def test_a_long_question_being_edited_wraps_and_shows_all_of_it(qtbot, editor):
    question = "Why has the number of reviews held on time fallen in every locality team? " * 3
    editor.set_questions([question.strip(), "Two?"])
    select(editor, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    line = open_line(editor)
    line_height = line.fontMetrics().lineSpacing()
    assert line.lineWrapMode() == line.LineWrapMode.WidgetWidth
    assert line.geometry().right() <= editor.view.viewport().width()
    assert line.blockBoundingRect(line.document().firstBlock()).height() >= 3 * line_height
    assert shows_all_of_it(line)

    before = line.height()
    qtbot.keyClick(line, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(line, " And what is the plan for the teams furthest behind?" * 2)
    assert line.height() > before  # it grows as the question does
    assert shows_all_of_it(line)
    type_question(qtbot, editor, "")
    assert shown(editor)[0].endswith("furthest behind?")


def test_enter_finishes_and_a_pasted_line_break_becomes_a_space(qtbot, editor):
    from PySide6.QtGui import QGuiApplication

    select(editor, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    line = open_line(editor)
    QGuiApplication.clipboard().setText("First line\nsecond line")
    line.paste()
    assert line.text() == "First line second line"
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.view.state() != QAbstractItemView.State.EditingState)
    assert shown(editor) == ["First line second line", "Two?", "Three?"]
