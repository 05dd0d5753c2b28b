"""The Previous meetings panel beside the form, and starting from last quarter's comment,
driven through the real window and checked on screen and in the database."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from challenge_app.models import Challenge, Meeting

SAVE_WAIT_MS = 3000


@pytest.fixture
def q2(demo_store):
    """A third meeting, reviewing Q2, where nothing has been written yet on C14."""
    with demo_store.transaction():
        meeting = demo_store.meetings.save(
            Meeting(None, "Q2 challenge meeting", date(2016, 11, 8), "2016/17 Q2")
        )
    return meeting


def meeting_of(store, period):
    return store.meetings.latest_for_period(period)


def panel_text(window, qtbot, heading: str) -> str:
    """The panel's text once it has been filled for what the window shows."""
    panel = window.previous
    qtbot.waitUntil(lambda: panel.heading.text().startswith(heading), timeout=SAVE_WAIT_MS)
    return panel.text.toPlainText()


def choose_meeting(window, meeting) -> None:
    combo = window.meeting_bar.combo
    combo.setCurrentIndex(combo.findData(meeting.id))


def test_panel_follows_the_measure_and_the_meeting(open_window, demo_store, q2, qtbot):
    q1 = meeting_of(demo_store, "2016/17 Q1")
    q4 = meeting_of(demo_store, "2015/16 Q4")
    window = open_window(demo_store)
    assert window.meeting == q2

    window.measures.select_code("C14")
    text = panel_text(window, qtbot, "C14 at 2 earlier meetings")
    q1_comment = demo_store.meetings.challenge(q1.id, "C14").council_comment
    q4_notes = demo_store.meetings.challenge(q4.id, "C14").meeting_notes
    assert q1_comment in text and q4_notes in text
    assert text.index(q1_comment) < text.index(q4_notes)  # newest first
    assert "2016/17 Q1" in text and "2015/16 Q4" in text
    assert "Trust to share the monthly recruitment" in text and "still open" in text

    window.measures.select_code("A3")
    text = panel_text(window, qtbot, "A3 at 1 earlier meeting")
    assert demo_store.meetings.challenge(q1.id, "A3").council_comment in text
    assert q1_comment not in text

    choose_meeting(window, q1)  # the same measure, at the Q1 meeting: nothing before it
    assert window.measures.current_code() == "A3"
    panel_text(window, qtbot, "Nothing was recorded on A3 at meetings before this one")
    assert window.previous.text.toPlainText().strip() == ""
    assert window.previous.text.isHidden()  # no empty box under the words

    window.measures.select_code("C14")
    text = panel_text(window, qtbot, "C14 at 1 earlier meeting")
    assert not window.previous.text.isHidden()
    assert q4_notes in text and q1_comment not in text  # Q1 is this meeting, not an earlier one


def test_an_action_closed_now_shows_as_closed_in_the_panel(open_window, demo_store, q2, qtbot):
    window = open_window(demo_store)
    window.measures.select_code("C14")
    assert "still open" in panel_text(window, qtbot, "C14 at 2")
    action = demo_store.meetings.actions_for_measure("C14")[0]
    window.actions_panel.reload(select_id=action.id)
    window.actions_panel.mark_done()
    qtbot.waitUntil(lambda: "still open" not in window.previous.text.toPlainText())
    assert "Trust to share the monthly recruitment" in window.previous.text.toPlainText()


def test_panel_is_read_only_selectable_copyable_and_shows_text_as_typed(
    open_window, demo_store, q2, qtbot
):
    q1 = meeting_of(demo_store, "2016/17 Q1")
    typed = "Figures <b>not</b> bold & <img src=x.png> no picture"
    demo_store.meetings.save_challenge(
        Challenge(q1.id, "A4", typed, ("Why <i>now</i>?",), "", "Noted <u>here</u>")
    )
    window = open_window(demo_store)
    window.measures.select_code("A4")
    text = panel_text(window, qtbot, "A4 at 1 earlier meeting")
    assert typed in text and "Why <i>now</i>?" in text and "Noted <u>here</u>" in text

    view = window.previous.text
    assert view.isReadOnly()
    assert view.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    document = view.document()
    assert document.find("not").charFormat().fontWeight() < 600  # not made bold by the text

    def italic(fragment: str) -> bool:
        cursor = document.find(fragment)
        assert not cursor.isNull(), fragment
        return cursor.charFormat().fontItalic()

    assert italic("Why <i>now</i>?") and italic("Noted <u>here</u>")  # as in the report
    assert not italic(typed)

    view.setFocus()
    view.selectAll()
    view.copy()
    assert typed in QGuiApplication.clipboard().text()
    assert demo_store.meetings.challenge(q1.id, "A4").council_comment == typed  # nothing written


def test_folding_is_remembered_across_windows(open_window, demo_store, qtbot, ui_settings):
    window = open_window(demo_store)
    panel = window.previous
    assert panel.body.isVisible()
    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not panel.body.isVisible() and not panel.fold_action.isChecked()
    assert panel.width() < 60  # a narrow strip; the form has the room
    window.close()

    again = open_window(demo_store, settings=ui_settings)
    assert not again.previous.body.isVisible()
    again.previous.fold_button.click()
    assert again.previous.body.isVisible() and again.previous.fold_action.isChecked()
    again.measures.select_code("C14")
    panel_text(again, qtbot, "C14 at 1 earlier meeting")
    again.close()
    assert open_window(demo_store, settings=ui_settings).previous.body.isVisible()


def test_start_from_last_quarters_comment_and_undo_it(open_window, demo_store, q2, qtbot):
    q1 = meeting_of(demo_store, "2016/17 Q1")
    last = demo_store.meetings.challenge(q1.id, "C14").council_comment
    window = open_window(demo_store)
    window.measures.select_code("C14")
    panel_text(window, qtbot, "C14 at 2")
    comment = window.form.comment
    action = window.previous.start_action
    assert comment.toPlainText() == "" and action.isEnabled()
    assert window.previous.start_button.isEnabled()

    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_L, ctrl_shift)
    assert comment.toPlainText() == last
    assert comment.hasFocus()
    assert not action.isEnabled()  # the comment is no longer empty
    qtbot.waitUntil(
        lambda: (
            (demo_store.meetings.challenge(q2.id, "C14") or Challenge(0, "")).council_comment
            == last
        ),
        timeout=SAVE_WAIT_MS,
    )

    qtbot.keyClick(comment, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo
    assert comment.toPlainText() == ""
    assert action.isEnabled()
    qtbot.waitUntil(
        lambda: demo_store.meetings.challenge(q2.id, "C14").council_comment == "",
        timeout=SAVE_WAIT_MS,
    )
    assert demo_store.meetings.challenge(q1.id, "C14").council_comment == last  # untouched


def test_start_is_offered_only_when_there_is_something_to_start_from(
    open_window, demo_store, q2, qtbot
):
    window = open_window(demo_store)
    window.measures.select_code("E1")  # nothing earlier on E1
    panel_text(window, qtbot, "Nothing was recorded on E1")
    assert not window.previous.start_action.isEnabled()
    window.previous.start_from_last_comment()
    assert window.form.comment.toPlainText() == ""

    choose_meeting(window, meeting_of(demo_store, "2016/17 Q1"))
    window.measures.select_code("C14")  # Q1 already has a C14 comment: nothing to start
    panel_text(window, qtbot, "C14 at 1")
    assert window.form.comment.toPlainText() and not window.previous.start_action.isEnabled()


def test_start_works_with_the_panel_folded_and_on_the_actions_tab(
    open_window, demo_store, q2, qtbot
):
    q1 = meeting_of(demo_store, "2016/17 Q1")
    window = open_window(demo_store)
    window.previous.fold_action.setChecked(False)
    window.measures.select_code("A2")
    window.tabs.setCurrentWidget(window.actions_panel)
    window.previous.start_action.trigger()
    assert window.tabs.currentWidget() is window.challenge_splitter
    assert window.form.comment.toPlainText() == (
        demo_store.meetings.challenge(q1.id, "A2").council_comment
    )
    cursor = window.form.comment.textCursor()
    assert cursor.atEnd()
    window.form.comment.undo()
    assert window.form.comment.toPlainText() == ""


def test_earlier_meetings_beyond_the_first_few_on_request(open_window, demo_store, qtbot):
    for i in range(6):
        with demo_store.transaction():
            m = demo_store.meetings.save(
                Meeting(None, f"Extra {i}", date(2016, 3, 1 + i), "2015/16 Q3")
            )
            demo_store.meetings.save_challenge(Challenge(m.id, "B9", f"Extra comment {i}"))
    window = open_window(demo_store)
    window.measures.select_code("B9")
    text = panel_text(window, qtbot, "B9 at 6 earlier meetings")
    assert "Extra comment 5" in text and "Extra comment 1" not in text
    more = window.previous.more_button
    assert more.isVisible() and more.text() == "Show 2 older meetings"
    more.click()
    assert "Extra comment 0" in window.previous.text.toPlainText()
    assert not more.isVisible()
