"""An officer's afternoon at the keyboard: Tab between panes, Enter/F2 into the
comment, Escape back to the list, next/previous measure while typing, and the
focus always visible. Keys are pressed on the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ui.window.focus import FRAME

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(open_window, demo_store):
    window = open_window(demo_store)
    window.resize(1366, 740)
    window.measures.select_code("A1")
    QApplication.processEvents()
    return window


def focus() -> object:
    return QApplication.focusWidget()


def pane_of(window, widget) -> str:
    names = ("meeting bar", "list pane", "form pane")
    if window.measures.filters.isAncestorOf(widget):
        return "filter row"
    if widget is window.measures.view:
        return "list"
    for name, pane in zip(names, window.panes, strict=True):
        if pane.isAncestorOf(widget):
            return name
    return type(widget).__name__


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focus(), key, modifier)


def panes_visited(qtbot, window, key, modifier, presses: int) -> list[str]:
    visited = [pane_of(window, focus())]
    for _ in range(presses):
        press(qtbot, key, modifier)
        here = pane_of(window, focus())
        if here != visited[-1]:
            visited.append(here)
    return visited


def test_tab_walks_meeting_bar_filters_list_form_and_round_again(qtbot, window):
    window.meeting_bar.combo.setFocus()
    visited = panes_visited(qtbot, window, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier, 30)
    assert visited[:5] == ["meeting bar", "filter row", "list", "form pane", "meeting bar"]


def test_tab_leaves_the_list_at_once_and_shift_tab_comes_back(qtbot, window):
    window.measures.view.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert pane_of(window, focus()) == "form pane"
    assert window.measures.current_code() == "A1"  # Tab did not walk the cells
    window.form.comment.setFocus()
    visited = panes_visited(qtbot, window, Qt.Key.Key_Backtab, SHIFT, 12)
    assert visited[:3] == ["form pane", "list", "filter row"]


def test_enter_or_f2_on_a_measure_goes_to_its_comment_and_escape_comes_back(qtbot, window):
    view = window.measures.view
    for key in (Qt.Key.Key_Return, Qt.Key.Key_F2):
        view.setFocus()
        press(qtbot, Qt.Key.Key_Down)  # the arrows move within the list
        code = window.measures.current_code()
        assert code != "A1"
        press(qtbot, key)
        assert focus() is window.form.comment
        assert window.form.performance.title.text().startswith(code)
        press(qtbot, Qt.Key.Key_Escape)
        assert focus() is view
        assert window.measures.current_code() == code


def test_escape_while_typing_a_question_cancels_it_first(qtbot, window):
    from tests.ui.test_challenge_form import open_editor

    questions = window.form.questions
    questions.view.setFocus()
    press(qtbot, Qt.Key.Key_Return, CTRL)  # a new question
    qtbot.keyClicks(open_editor(questions.view), "Half a question")
    press(qtbot, Qt.Key.Key_Escape)
    assert pane_of(window, focus()) == "form pane"  # still in the form
    assert "Half a question" not in questions.questions()
    press(qtbot, Qt.Key.Key_Escape)
    assert focus() is window.measures.view


def frame_colour(pane) -> object:
    image = pane.grab().toImage()
    return image.pixelColor(QPoint(FRAME // 2, image.height() // 2))


def test_the_focused_pane_and_the_current_row_are_framed(qtbot, window):
    highlight = window.palette().color(QPalette.ColorRole.Highlight)
    list_pane, form_pane = window.panes[1], window.panes[2]
    window.measures.view.setFocus()
    QApplication.processEvents()
    assert window.keyboard.lit_pane() is list_pane
    assert frame_colour(list_pane) == highlight
    assert frame_colour(form_pane) != highlight
    row = window.measures.view.current_row_rect()
    assert row.height() > 0 and row.width() >= window.measures.view.viewport().width() - 1

    press(qtbot, Qt.Key.Key_F2)
    QApplication.processEvents()
    assert window.keyboard.lit_pane() is form_pane
    assert frame_colour(form_pane) == highlight
    assert frame_colour(list_pane) != highlight
    # The list still shows which measure the form is about, not in faint grey.
    palette = window.measures.view.palette()
    assert palette.color(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight) == (
        palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    )


def visible_in_form(window, widget, rect: QRect | None = None) -> bool:
    """Whether ``rect`` of ``widget`` (all of it by default) is inside the form's viewport."""
    viewport = window.form.scroll.viewport()
    rect = rect or widget.rect()
    top_left = widget.mapTo(viewport, rect.topLeft())
    return viewport.rect().contains(QRect(top_left, rect.size()))


def test_next_measure_keeps_the_field_in_sight_and_the_words_land_there(qtbot, window, demo_store):
    meeting = window.meeting
    codes = [r.code for r in window.measures.rows()]
    first, second = codes[1], codes[2]
    window.measures.select_code(first)
    form = window.form
    form.headline.setFocus()  # the last field, below the fold at 1366x768
    press(qtbot, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(form.headline, " First.")
    before = demo_store.meetings.challenge(meeting.id, second)
    others = {
        "comment": form_text(before, "council_comment"),
        "response": form_text(before, "provider_response"),
        "notes": form_text(before, "meeting_notes"),
    }

    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert window.measures.current_code() == second
    assert focus() is form.headline
    qtbot.keyClicks(form.headline, "Seen")
    QApplication.processEvents()

    assert form.headline.toPlainText().endswith("Seen")
    assert visible_in_form(window, form.headline, form.headline.cursorRect())
    assert form.comment.toPlainText() == others["comment"]
    assert form.response.toPlainText() == others["response"]
    assert form.notes.toPlainText() == others["notes"]

    form.flush()
    after = demo_store.meetings.challenge(meeting.id, second)
    assert after.headline.endswith("Seen")
    assert after.council_comment == others["comment"]
    assert after.provider_response == others["response"]
    assert after.meeting_notes == others["notes"]
    assert after.questions == (before.questions if before else ())
    assert demo_store.meetings.challenge(meeting.id, first).headline.endswith(" First.")

    press(qtbot, Qt.Key.Key_PageUp, CTRL)  # and back: the same field, in sight
    assert window.measures.current_code() == first
    assert focus() is form.headline
    assert visible_in_form(window, form.headline, form.headline.cursorRect())


def form_text(record, field: str) -> str:
    return getattr(record, field) if record else ""


def test_the_window_opens_with_the_cursor_in_the_list(open_window, demo_store):
    window = open_window(demo_store)
    assert focus() is window.measures.view
    assert window.keyboard.lit_pane() is window.panes[1]
