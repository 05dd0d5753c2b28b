"""Find in all meetings (Ctrl+Shift+F): words typed a moment ago are found, and a result
opens its meeting and measure with the cursor on the match in the right field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from challenge_app.models import Challenge
from challenge_app.search import search
from ui.find.find_dialog import FindDialog
from ui.find.highlight import highlighted_html, utf16_offset
from ui.find.results_model import FindColumn, FindResultsModel
from ui.form.question_delegate import QuestionEdit

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_find(window, qtbot) -> FindDialog:
    if not window.isActiveWindow():  # window-wide shortcuts need the active window
        with qtbot.waitActive(window):
            window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    # Keys go where the officer's cursor is, as they would at the keyboard.
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F, CTRL_SHIFT)
    dialog = window.findChild(FindDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def find(dialog, qtbot, words: str) -> list[dict[str, str]]:
    dialog.box.clear()
    qtbot.keyClicks(dialog.box, words)
    qtbot.waitUntil(lambda: dialog.summary.text() != "", timeout=2000)
    model = dialog.model
    return [{c.name: model.index(r, c).data() for c in FindColumn} for r in range(model.rowCount())]


def test_words_typed_a_moment_ago_are_found_and_opened_at_the_match(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    q1 = window.meeting
    window.measures.select_code("A4")
    comment = window.form.comment
    comment.moveCursor(comment.textCursor().MoveOperation.End)
    qtbot.keyClicks(comment, " The Zanzibar ferry report is late.")

    dialog = open_find(window, qtbot)  # no wait for the autosave: Find saves first
    rows = find(dialog, qtbot, "zanzi")
    assert rows == [
        {
            "MEETING": "2016/17 Q1, 2 Aug 2016",
            "MEASURE": "A4 Child protection visits in timescale",
            "WHERE": "DMBC Comment",
            "TEXT": rows[0]["TEXT"],
        }
    ]
    assert "Zanzibar ferry" in rows[0]["TEXT"]

    # Somewhere else entirely, then Enter on the result.
    window.measures.select_code("B9")
    earlier = demo_store.meetings.latest_for_period("2015/16 Q4")
    window.meeting_bar.combo.setCurrentIndex(window.meeting_bar.combo.findData(earlier.id))
    assert window.meeting == earlier
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)

    assert not dialog.isVisible()
    assert window.meeting == q1 and window.measures.current_code() == "A4"
    assert window.tabs.currentWidget() is window.challenge_splitter
    qtbot.waitUntil(comment.hasFocus)  # the window is active again once the dialog hides
    cursor = comment.textCursor()
    assert cursor.selectedText() == "Zanzibar"
    assert comment.toPlainText()[cursor.selectionStart() : cursor.selectionEnd()] == "Zanzibar"


def test_a_question_opens_in_its_editor_at_the_match(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    window.measures.select_code("E1")
    dialog = open_find(window, qtbot)
    rows = find(dialog, qtbot, "quality as well")
    assert [(r["MEASURE"][:2], r["WHERE"]) for r in rows] == [("A2", "Question 2")]
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)

    assert window.measures.current_code() == "A2"
    view = window.form.questions.view
    assert view.currentIndex().row() == 1
    editors = [e for e in view.findChildren(QuestionEdit) if e.isVisible()]
    assert len(editors) == 1 and editors[0].textCursor().selectedText() == "quality"

    dialog = open_find(window, qtbot)
    find(dialog, qtbot, '"for quality as well"')  # a phrase is selected whole
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    editors = [e for e in view.findChildren(QuestionEdit) if e.isVisible()]
    assert editors[0].textCursor().selectedText() == "for quality as well"


def test_an_action_opens_in_the_actions_tab_selected(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    dialog = open_find(window, qtbot)
    rows = find(dialog, qtbot, "circulate minutes")
    assert [(r["MEASURE"], r["WHERE"]) for r in rows] == [("(whole meeting)", "Action")]
    dialog.view.doubleClicked.emit(dialog.model.index(0, 0))  # as a double-click does
    dialog.view.activated.emit(dialog.model.index(0, 0))
    assert window.tabs.currentWidget() is window.actions_panel
    assert "circulate the minutes" in window.actions_panel.selected_action().text


def test_a_filtered_out_measure_is_shown_again_to_open_it(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    qtbot.keyClicks(window.measures.filters.text, "E1")
    dialog = open_find(window, qtbot)
    find(dialog, qtbot, "recovery plan locality")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.measures.current_code() == "A2"
    assert window.measures.filters.text.text() == ""


def test_not_found_syntax_and_narrowing_messages(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    dialog = open_find(window, qtbot)
    assert find(dialog, qtbot, "zebra crossing") == []
    assert dialog.summary.text() == "Not found in any meeting."
    for typed in ('"', "NEAR(", "body:*", "^ -"):
        find(dialog, qtbot, typed)  # never an error: quoted, or nothing to search
    rows = find(dialog, qtbot, "trust")
    assert len(rows) == search(demo_store, "trust").total
    assert dialog.summary.text().startswith(f"Found in {len(rows)} places")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    again = open_find(window, qtbot)  # the same dialog, its words kept and selected
    assert again is dialog and again.box.text() == "trust" and again.box.selectedText() == "trust"


def test_results_show_typed_markup_as_text(open_window, demo_store, qtbot):
    q1 = demo_store.meetings.latest_for_period("2016/17 Q1")
    demo_store.meetings.save_challenge(Challenge(q1.id, "A1", "<b>Walrus</b> & <img src=x>"))
    window = open_window(demo_store)
    dialog = open_find(window, qtbot)
    rows = find(dialog, qtbot, "walrus")
    assert rows[0]["TEXT"] == "<b>Walrus</b> & <img src=x>"
    html = highlighted_html(rows[0]["TEXT"], ((3, 9),))
    assert "&lt;b&gt;" in html and "<b>Walrus</b>" in html and "&lt;img src=x&gt;" in html
    dialog.view.viewport().grab()  # the highlighting delegate paints without error


def test_results_model_passes_qt_model_tester(qtmodeltester, demo_store):
    model = FindResultsModel()
    model.set_hits(search(demo_store, "trust").hits, demo_store.settings.parties())
    assert model.rowCount() > 1
    qtmodeltester.check(model)


def test_highlight_marks_spans_and_offsets_count_utf16():
    assert highlighted_html("a<b", ((0, 1),)).endswith("&lt;b")
    assert highlighted_html("abc", ((5, 9),)) == "abc"  # out of range: unmarked
    assert utf16_offset("😀ab", 2) == 3


def test_menus_offer_find_start_and_fold_with_shortcuts_of_their_own(open_window, demo_store):
    from PySide6.QtGui import QAction, QShortcut

    window = open_window(demo_store)
    items = {
        (menu.text(), a.text()): a.shortcut().toString()
        for menu in window.menuBar().actions()
        for a in menu.menu().actions()
    }
    assert items[("&Edit", "F&ind in all meetings…")] == "Ctrl+Shift+F"
    assert items[("&Edit", "Start from &last quarter's comment")] == "Ctrl+Shift+L"
    assert items[("&View", "&Previous meetings")] == "Ctrl+Shift+P"
    keys = [a.shortcut().toString() for a in window.findChildren(QAction) if a.shortcut()]
    keys += [s.key().toString() for s in window.findChildren(QShortcut)]
    for mine in ("Ctrl+Shift+F", "Ctrl+Shift+L", "Ctrl+Shift+P"):
        assert keys.count(mine) == 1, mine
