"""The challenge form, driven as an officer drives it, checked on screen and on disk."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox

from challenge_app.board import board_for_meeting
from challenge_app.models import Measure, Meeting, Parties, Placement, Reading, Target
from challenge_app.store import Store
from ui.form.challenge_form import NO_MEASURE_HINT, NO_MEETING_HINT, ChallengeForm
from ui.form.question_delegate import QuestionEdit

#: Generous: autosave promises a second; this only stops a broken test hanging.
SAVE_WAIT_MS = 3000


@pytest.fixture
def meeting(demo_store):
    return demo_store.meetings.latest_for_period("2016/17 Q1")


@pytest.fixture
def rows(demo_store, meeting):
    return {r.code: r for r in board_for_meeting(demo_store, meeting)}


@pytest.fixture
def form(qtbot, demo_store):
    form = ChallengeForm(demo_store)
    qtbot.addWidget(form)
    form.resize(600, 1200)
    form.show()
    return form


def record(store, meeting, code):
    return store.meetings.challenge(meeting.id, code)


def open_editor(view) -> QuestionEdit:
    """The line edit a question is being typed in (there is exactly one open)."""
    (editor,) = [w for w in view.findChildren(QuestionEdit) if w.isVisible()]
    return editor


def finish_editing(qtbot, view) -> None:
    """Press Enter in the open question; Qt commits it on the next event-loop turn."""
    qtbot.keyClick(open_editor(view), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def count_records(store) -> int:
    return store.db.execute("SELECT count(*) FROM challenges").fetchone()[0]


def test_shows_the_measure_its_figures_and_its_record(form, meeting, rows):
    form.show_measure(meeting, rows["A2"])
    p = form.performance
    assert p.title.text() == "A2  Timeliness of single assessments"
    assert p.figures.text() == "Q1 = 88%  July = 88%"
    assert p.targets.text() == "Target: 92%  Tolerance: 90%"
    assert p.badge.text() == "R  Outside tolerance"
    assert p.direction.text() == "▼ Declining (previous quarter 89%)"
    assert p.warning.isHidden()
    assert form.comment_label.text() == "DMBC Comment"
    assert form.response_label.text() == "Trust Response"
    assert form.comment.toPlainText().startswith("Timeliness of single assessments has fallen")
    assert form.questions.model.stringList() == list(rows["A2"].challenge.questions)
    assert form.placement.currentText() == "Appendix 2"
    assert not form.hint.isVisible() and form.fields.isEnabled()


def test_hard_to_shift_and_volumetric_measures_say_so(form, meeting, rows):
    form.show_measure(meeting, rows["C14"])
    assert form.performance.warning.isVisible()
    assert form.performance.warning.text() == (
        "⚠ Hard to shift: outside tolerance for 3 consecutive quarters"
    )
    form.show_measure(meeting, rows["E1"])
    assert form.performance.badge.text() == "–  No target specified"
    assert form.performance.warning.isHidden()
    assert "Volumetric" in form.performance.context.text()
    assert form.placement.currentText() == "Not reported (suggested)"


def test_typing_a_comment_saves_it_with_no_save_button(qtbot, form, demo_store, meeting, rows):
    form.show_measure(meeting, rows["A1"])
    text = "Re-referrals are on target.\n\nThe Council welcomes the fall since Q4."
    with qtbot.waitSignal(form.saved, timeout=SAVE_WAIT_MS) as blocker:
        qtbot.mouseClick(form.comment.viewport(), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(form.comment, text.split("\n")[0])
        qtbot.keyClick(form.comment, Qt.Key.Key_Return)
        qtbot.keyClick(form.comment, Qt.Key.Key_Return)
        qtbot.keyClicks(form.comment, text.split("\n")[-1])
    [saved] = blocker.args
    assert saved == record(demo_store, meeting, "A1")
    assert (saved.code, saved.council_comment) == ("A1", text)
    assert form.indicator.text().startswith("Saved")
    assert form.comment.toPlainText() == text


def test_viewing_measures_never_writes_a_record(qtbot, form, demo_store, meeting, rows):
    before = count_records(demo_store)
    for code in ("A1", "E1", "A2", "A1"):
        form.show_measure(meeting, rows[code])
    form.flush()
    form.hide()
    qtbot.wait(50)
    assert count_records(demo_store) == before
    assert record(demo_store, meeting, "A1") is None


def test_switching_measure_saves_pending_typing_at_once(qtbot, form, demo_store, meeting, rows):
    form.show_measure(meeting, rows["A1"])
    qtbot.keyClicks(form.notes, "Said at the meeting")
    form.show_measure(meeting, rows["A3"])  # straight away, before the autosave tick
    assert record(demo_store, meeting, "A1").meeting_notes == "Said at the meeting"
    assert form.notes.toPlainText() == record(demo_store, meeting, "A3").meeting_notes
    form.show_measure(meeting, rows["A1"])
    assert form.notes.toPlainText() == "Said at the meeting"


def test_switching_meeting_saves_and_shows_that_meetings_record(
    qtbot, form, demo_store, meeting, rows
):
    earlier = next(m for m in demo_store.meetings.all() if m.period == "2015/16 Q4")
    earlier_rows = {r.code: r for r in board_for_meeting(demo_store, earlier)}
    form.show_measure(meeting, rows["C14"])
    qtbot.keyClick(form.headline, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.headline, " Still.")
    form.show_measure(earlier, earlier_rows["C14"])
    assert record(demo_store, meeting, "C14").headline.endswith("for a third quarter. Still.")
    assert form.comment.toPlainText() == record(demo_store, earlier, "C14").council_comment
    assert form.performance.figures.text().startswith("Q4 = 15%")


def test_closing_the_window_saves_pending_typing(qtbot, form, demo_store, meeting, rows):
    form.show_measure(meeting, rows["B13"])
    qtbot.keyClicks(form.response, "Written response")
    form.close()
    assert record(demo_store, meeting, "B13").provider_response == "Written response"


def test_questions_added_reordered_and_removed_are_saved(qtbot, form, demo_store, meeting, rows):
    form.show_measure(meeting, rows["A1"])
    view = form.questions.view
    qtbot.mouseClick(form.questions.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(open_editor(view), "First?")
    finish_editing(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(open_editor(view), "Second?")
    finish_editing(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(open_editor(view), "Third?")
    finish_editing(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # Third above Second
    assert form.questions.model.stringList() == ["First?", "Third?", "Second?"]
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # First goes
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # left empty
    qtbot.keyClick(open_editor(view), Qt.Key.Key_Escape)
    assert form.questions.model.stringList() == ["Third?", "Second?", ""]
    qtbot.waitUntil(
        lambda: (
            record(demo_store, meeting, "A1") is not None
            and record(demo_store, meeting, "A1").questions == ("Third?", "Second?")
        ),
        timeout=SAVE_WAIT_MS,
    )


def test_a_question_being_typed_is_saved_before_enter(qtbot, form, demo_store, meeting, rows):
    form.show_measure(meeting, rows["A1"])
    form.questions.view.setFocus()
    qtbot.keyClick(form.questions.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(open_editor(form.questions.view), "Half-typed question")
    qtbot.waitUntil(
        lambda: (
            record(demo_store, meeting, "A1") is not None
            and record(demo_store, meeting, "A1").questions == ("Half-typed question",)
        ),
        timeout=SAVE_WAIT_MS,
    )
    form.show_measure(meeting, rows["A3"])  # moving on while still editing keeps it
    assert record(demo_store, meeting, "A1").questions == ("Half-typed question",)


def test_placement_is_suggested_until_the_officer_chooses(qtbot, form, demo_store, meeting, rows):
    form.show_measure(meeting, rows["A1"])
    combo = form.placement
    assert combo.currentText() == "Appendix 1 (suggested)"
    combo.setFocus()
    for _ in range(3):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Not reported"
    form.flush()
    assert record(demo_store, meeting, "A1").placement is Placement.NONE
    new_rows = {r.code: r for r in board_for_meeting(demo_store, meeting)}
    assert new_rows["A1"].placement is Placement.NONE
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # back to "suggested": undecided again
    form.flush()
    assert record(demo_store, meeting, "A1").placement is None


def test_ctrl_z_undoes_typing_and_the_undo_is_saved(qtbot, form, demo_store, meeting, rows):
    form.show_measure(meeting, rows["A4"])
    original = form.comment.toPlainText()
    form.comment.setFocus()
    form.comment.moveCursor(form.comment.textCursor().MoveOperation.End)
    qtbot.keyClicks(form.comment, " Typo")
    form.flush()
    assert record(demo_store, meeting, "A4").council_comment == original + " Typo"
    qtbot.keyClick(form.comment, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.comment.toPlainText() == original
    form.flush()
    assert record(demo_store, meeting, "A4").council_comment == original


def test_loading_a_record_is_not_undoable(qtbot, form, meeting, rows):
    form.show_measure(meeting, rows["A2"])
    form.show_measure(meeting, rows["A3"])
    text = form.comment.toPlainText()
    qtbot.keyClick(form.comment, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.comment.toPlainText() == text


def test_undo_and_redo_never_carry_words_to_another_measure(qtbot, form, demo_store, meeting, rows):
    form.show_measure(meeting, rows["A1"])
    qtbot.keyClicks(form.comment, "abc")
    qtbot.keyClick(form.comment, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.comment.toPlainText() == ""
    form.show_measure(meeting, rows["E2"])  # also empty: the text need not change
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(form.comment, Qt.Key.Key_Z, redo)
    assert form.comment.toPlainText() == ""
    form.flush()
    assert record(demo_store, meeting, "E2") is None


def test_reshowing_the_same_measure_keeps_typing_and_cursor(qtbot, form, demo_store, meeting, rows):
    form.show_measure(meeting, rows["A1"])
    qtbot.keyClicks(form.comment, "Half a sent")
    with qtbot.waitSignal(form.saved, timeout=SAVE_WAIT_MS):
        pass
    fresh = {r.code: r for r in board_for_meeting(demo_store, meeting)}["A1"]
    form.show_measure(meeting, fresh)  # what the main window does after a save
    assert form.indicator.text().startswith("Saved")
    qtbot.keyClicks(form.comment, "ence.")
    assert form.comment.toPlainText() == "Half a sentence."
    qtbot.keyClick(form.comment, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.comment.toPlainText() != "Half a sentence."  # undo history survived


def test_text_that_looks_like_html_is_shown_and_saved_as_typed(
    qtbot, form, demo_store, meeting, rows
):
    html = '<b>bold</b> <img src="x.png"> &amp; <a href="http://x">link</a>'
    form.show_measure(meeting, rows["A1"])
    qtbot.keyClicks(form.comment, html)
    qtbot.mouseClick(form.questions.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(open_editor(form.questions.view), html)
    finish_editing(qtbot, form.questions.view)
    form.flush()
    saved = record(demo_store, meeting, "A1")
    assert saved.council_comment == html
    assert saved.questions == (html,)
    assert form.comment.toPlainText() == html


def test_a_measure_title_with_markup_is_shown_as_plain_text(qtbot, store):
    with store.transaction():
        store.measures.upsert([Measure("X1", "<b>Bold</b> title", "Area", unit="%")])
        store.measures.upsert_targets([("X1", Target("2016/17", 50, 40))])
        store.measures.upsert_readings([Reading("X1", "2016/17 Q1", 45)])
    meeting = store.meetings.save(Meeting(None, "Q1", date(2016, 8, 2), "2016/17 Q1"))
    row = board_for_meeting(store, meeting)[0]
    form = ChallengeForm(store)
    qtbot.addWidget(form)
    form.show_measure(meeting, row)
    assert form.performance.title.text() == "X1  <b>Bold</b> title"
    assert form.performance.title.textFormat() == Qt.TextFormat.PlainText
    assert form.performance.badge.text() == "A  Inside tolerance"


def test_field_labels_follow_the_parties_names(form, meeting, rows):
    form.show_measure(meeting, rows["A1"])
    form.apply_parties(Parties("Kent & Medway", "<i>Acme</i>"))
    assert form.comment_label.text() == "Kent & Medway Comment"
    assert form.response_label.text() == "<i>Acme</i> Response"
    assert form.response_label.textFormat() == Qt.TextFormat.PlainText


def test_no_measure_shows_an_empty_disabled_form_with_a_hint(form, meeting, rows):
    form.show_measure(meeting, rows["A2"])
    form.show_measure(None, None)
    assert form.hint.isVisible() and form.hint.text() == NO_MEASURE_HINT
    assert not form.fields.isEnabled()
    assert form.comment.toPlainText() == ""
    assert form.performance.title.text() == ""


def test_a_measure_without_a_meeting_shows_figures_but_records_nothing(
    qtbot, form, demo_store, rows
):
    before = count_records(demo_store)
    form.show_measure(None, rows["A2"])
    assert form.hint.text() == NO_MEETING_HINT
    assert form.performance.title.text().startswith("A2")
    assert form.comment.isReadOnly()
    form.flush()
    assert count_records(demo_store) == before


def test_read_only_database_takes_no_edits(qtbot, demo_store, meeting, rows):
    path = demo_store.path
    readonly = Store.open(path, readonly=True)
    try:
        form = ChallengeForm(readonly)
        qtbot.addWidget(form)
        form.show()
        form.show_measure(meeting, rows["A2"])
        before = form.comment.toPlainText()
        qtbot.keyClicks(form.comment, "extra")
        assert form.comment.toPlainText() == before
        assert form.comment.isReadOnly()
        assert not form.placement.isEnabled()
        assert not form.questions.add_button.isEnabled()
        assert "read-only" in form.indicator.text()
        form.flush()
    finally:
        readonly.close()
    assert record(demo_store, meeting, "A2").council_comment == before


def test_a_failed_save_when_moving_on_keeps_the_words_on_the_clipboard(
    qtbot, form, demo_store, meeting, rows, monkeypatch
):
    """The disk fails (injected: the real write raises as SQLite would); nothing is lost."""
    form.show_measure(meeting, rows["A1"])
    qtbot.keyClicks(form.comment, "Words that must survive")

    def disk_error(challenge):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(demo_store.meetings, "save_challenge", disk_error)
    seen = {}

    def read_and_close_warning():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close_warning)
            return
        seen["text"] = box.text()
        box.accept()

    QTimer.singleShot(0, read_and_close_warning)
    form.show_measure(meeting, rows["A3"])
    assert "could not be saved" in seen["text"] and "A1" in seen["text"]
    assert QApplication.clipboard().text() == "Words that must survive"
    assert form.performance.title.text().startswith("A3")
