"""The main window with demo data: meeting bar, measure list, form wiring, keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from challenge_app.models import Challenge
from ui.dialogs.help_dialog import HelpDialog
from ui.list.measure_model import Column


def visible_codes(window) -> list[str]:
    proxy = window.measures.proxy
    return [proxy.index(r, Column.CODE).data() for r in range(proxy.rowCount())]


def test_opens_on_the_latest_meeting_in_natural_code_order(open_window, demo_store):
    window = open_window(demo_store, demo=True)
    latest = demo_store.meetings.all()[0]
    assert window.meeting_bar.combo.currentText() == latest.label
    assert window.windowTitle() == "Challenge - demo.db - 2016/17 Q1 (demo)"
    codes = visible_codes(window)
    assert len(codes) == 22
    assert codes[:8] == ["A1", "A2", "A3", "A4", "A06", "A8", "A09", "A10"]
    assert window.measures.current_code() == "A1"
    assert window.form.performance.title.text().startswith("A1")
    counts = window.status_line.counts.text()
    assert counts.startswith("22 measures")
    assert "Red 7" in counts and "challenges written" in counts
    assert window.meeting_bar.parties_label.text() == "DMBC and Trust"
    assert window.form.comment_label.text() == "DMBC Comment"
    assert not window.banner.isVisible()


def test_choosing_the_earlier_meeting_shows_its_quarter(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    window.meeting_bar.combo.setCurrentIndex(1)
    earlier = demo_store.meetings.all()[1]
    assert window.meeting is not None and window.meeting.id == earlier.id
    assert window.measures.model.headerData(Column.VALUE, Qt.Orientation.Horizontal) == (
        "Q4 2015/16"
    )
    assert "2015/16 Q4" in window.windowTitle()


def test_arrow_keys_and_ctrl_page_keys_move_between_measures(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    view = window.measures.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert window.measures.current_code() == "A2"
    assert window.form.performance.title.text().startswith("A2")
    # From inside the form's text box, Ctrl+PgDn still moves down the list.
    window.form.comment.setFocus()
    qtbot.keyClick(window.form.comment, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.measures.current_code() == "A3"
    qtbot.keyClick(window.form.comment, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.form.comment, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.measures.current_code() == "A1"


def test_typing_then_moving_on_saves_and_marks_the_row(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    meeting = window.meeting
    assert demo_store.meetings.challenge(meeting.id, "A1") is None
    row = window.measures.model.position_of("A1")
    mark = window.measures.model.index(row, Column.WRITTEN)
    assert mark.data() == ""

    qtbot.keyClicks(window.form.comment, "Re-referrals are on target.")
    qtbot.keyClick(window.form.comment, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)

    saved = demo_store.meetings.challenge(meeting.id, "A1")
    assert saved is not None and saved.council_comment == "Re-referrals are on target."
    assert mark.data() == "✎"
    assert window.measures.current_code() == "A2"
    assert "8 challenges written" in window.status_line.counts.text()


def test_ctrl_f_focuses_the_filter_and_typing_filters(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    window.measures.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    text = window.measures.filters.text
    assert QApplication.focusWidget() is text
    qtbot.keyClicks(text, "care leavers")
    assert visible_codes(window) == ["B13", "B14"]
    assert window.measures.current_code() == "B13"  # the form follows the filtered list
    assert "22 measures, 2 shown" in window.status_line.counts.text()
    qtbot.keyClick(text, Qt.Key.Key_Down)  # from the filter into the list
    assert QApplication.focusWidget() is window.measures.view
    qtbot.keyClick(window.measures.view, Qt.Key.Key_Down)
    assert window.measures.current_code() == "B14"
    window.measures.focus_filter()
    qtbot.keyClick(text, Qt.Key.Key_Escape)
    assert len(visible_codes(window)) == 22


def test_area_and_status_filters_narrow_the_list(open_window, demo_store):
    window = open_window(demo_store)
    filters = window.measures.filters
    filters.area.setCurrentIndex(filters.area.findText("Workforce"))
    assert visible_codes(window) == ["C14", "C15", "D17c"]
    filters.status.setCurrentIndex(filters.status.findText("Red"))
    assert visible_codes(window) == ["C14", "D17c"]
    filters.clear_button.click()
    assert len(visible_codes(window)) == 22


def test_the_row_stays_put_while_its_placement_changes(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    filters = window.measures.filters
    filters.written.setCurrentIndex(filters.written.findText("Not written yet"))
    assert window.measures.current_code() == "A1"
    qtbot.keyClicks(window.form.comment, "Written now.")
    window.form.flush()
    # A1 no longer matches "not written yet", but it must not vanish under the officer.
    assert window.measures.current_code() == "A1"
    assert demo_store.meetings.challenge(window.meeting.id, "A1").council_comment == "Written now."


def test_closing_flushes_pending_typing(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    meeting_id = window.meeting.id
    qtbot.keyClicks(window.form.comment, "Typed just before closing")
    window.close()
    assert demo_store.meetings.challenge(meeting_id, "A1").council_comment == (
        "Typed just before closing"
    )


def test_switching_meeting_flushes_the_form_first(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    latest_id = window.meeting.id
    qtbot.keyClicks(window.form.comment, "Belongs to the latest meeting")
    window.meeting_bar.combo.setCurrentIndex(1)
    assert demo_store.meetings.challenge(latest_id, "A1").council_comment == (
        "Belongs to the latest meeting"
    )
    assert demo_store.meetings.challenge(window.meeting.id, "A1") is None


def test_a_save_elsewhere_refreshes_only_that_row(open_window, demo_store):
    window = open_window(demo_store)
    saved = demo_store.meetings.save_challenge(
        Challenge(window.meeting.id, "B9", council_comment="x")
    )
    window.form.saved.emit(saved)
    index = window.measures.model.index(window.measures.model.position_of("B9"), Column.WRITTEN)
    assert index.data() == "✎"


def test_a_save_for_another_meeting_leaves_the_shown_rows_alone(open_window, demo_store):
    window = open_window(demo_store)
    model = window.measures.model
    code = next(
        model.row_at(p).code
        for p in range(model.rowCount())
        if model.index(p, Column.WRITTEN).data() != "✎"
    )
    other = next(m for m in demo_store.meetings.all() if m.id != window.meeting.id)
    saved = demo_store.meetings.save_challenge(Challenge(other.id, code, council_comment="x"))
    window.form.saved.emit(saved)
    assert model.index(model.position_of(code), Column.WRITTEN).data() != "✎"


def test_f1_opens_help(open_window, demo_store, qtbot, when_modal):
    window = open_window(demo_store)
    seen = {}

    def read(dialog):
        seen["text"] = dialog.browser.toPlainText()

    dialog = when_modal(read, lambda: qtbot.keyClick(window, Qt.Key.Key_F1))
    assert isinstance(dialog, HelpDialog)
    assert "Ctrl+F" in seen["text"] and "Outside tolerance" in seen["text"]
    assert "Alt+Up / Alt+Down" in seen["text"] and "Ctrl+Enter" in seen["text"]


def test_column_widths_and_splitter_are_remembered(qtbot, demo_store, ui_settings, open_window):
    window = open_window(demo_store)
    header = window.measures.view.horizontalHeader()
    header.resizeSection(Column.PLACEMENT, 133)
    window.resize(1100, 700)  # inside the offscreen screen, so restoring does not clamp it
    window.splitter.setSizes([640, 460])
    sizes = window.splitter.sizes()
    window.close()

    again = open_window(demo_store)
    assert again.size() == window.size()
    assert again.measures.view.horizontalHeader().sectionSize(Column.PLACEMENT) == 133
    assert again.splitter.sizes() == sizes
