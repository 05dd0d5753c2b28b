"""Follow-up actions: carried forward until closed, added, closed and deleted
through the real panel and dialog, checked in the database."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from shiboken6 import isValid as shiboken_valid

from ui.actions.action_dialog import ActionDialog
from ui.actions.actions_model import ActionColumn, ActionsTableModel


def listed(panel) -> list[dict[str, str]]:
    proxy = panel.proxy
    return [
        {c.name: proxy.index(r, c).data() for c in ActionColumn} for r in range(proxy.rowCount())
    ]


def select_text(panel, fragment: str) -> None:
    proxy = panel.proxy
    for r in range(proxy.rowCount()):
        if fragment in proxy.index(r, ActionColumn.TEXT).data():
            panel.view.selectRow(r)
            return
    raise AssertionError(f"no action containing {fragment!r}")


def test_actions_model_passes_qt_model_tester(qtmodeltester, demo_store):
    model = ActionsTableModel()
    meeting = demo_store.meetings.all()[0]
    model.set_actions(demo_store.meetings.actions_for(meeting), meeting, demo_store.meetings.all())
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_open_actions_from_the_earlier_meeting_carry_forward(open_window, demo_store):
    window = open_window(demo_store)
    rows = listed(window.actions_panel)
    carried = [r for r in rows if r["RAISED"] == "10 May 2016"]
    # C14's action was left open in May; A2's was done then, so it stays behind.
    assert [r["MEASURE"] for r in carried] == ["C14"]
    assert carried[0]["STATUS"] == "Open, overdue"  # due 30 Jun, meeting 2 Aug
    assert "A2" not in [r["MEASURE"] for r in carried]
    open_count = sum(1 for r in rows if r["STATUS"].startswith("Open"))
    assert window.tabs.tabText(1) == f"Follow-up &actions ({open_count} open)"


def test_adding_an_action_through_the_dialog(open_window, demo_store, qtbot, when_modal):
    window = open_window(demo_store)
    window.measures.select_code("B14")
    meeting = window.meeting
    before = len(demo_store.meetings.own_actions(meeting.id))

    def fill(dialog: ActionDialog) -> None:
        assert dialog.measure.currentData() == "B14"  # starts on the selected measure
        qtbot.keyClicks(dialog.text, "Trust to report <b>NEET</b> figures by ward")
        qtbot.keyClicks(dialog.owner, "Head of Performance (Trust)")
        dialog.has_due.setChecked(True)
        dialog.due.setDate(date(2016, 10, 31))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    window.tabs.setCurrentWidget(window.actions_panel)
    when_modal(fill, window.actions_panel.add_button.click)

    own = demo_store.meetings.own_actions(meeting.id)
    assert len(own) == before + 1
    new = own[-1]
    assert (new.code, new.text, new.owner, new.due, new.status) == (
        "B14",
        "Trust to report <b>NEET</b> figures by ward",
        "Head of Performance (Trust)",
        date(2016, 10, 31),
        "open",
    )
    shown = [r for r in listed(window.actions_panel) if r["MEASURE"] == "B14"]
    assert shown[-1]["TEXT"] == "Trust to report <b>NEET</b> figures by ward"
    assert shown[-1]["RAISED"] == "This meeting"


def test_an_action_needs_words(open_window, demo_store, qtbot, when_modal):
    window = open_window(demo_store)
    before = demo_store.meetings.own_actions(window.meeting.id)
    seen = {}

    def save_empty(dialog: ActionDialog) -> None:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        seen["still_open"] = dialog.isVisible()
        seen["problem"] = dialog.problem.text()

    when_modal(save_empty, window.actions_panel.add_button.click)
    assert seen == {"still_open": True, "problem": "Action: say what is to be done."}
    assert demo_store.meetings.own_actions(window.meeting.id) == before


def test_closing_a_carried_action_stops_it_carrying(open_window, demo_store, qtbot, when_modal):
    window = open_window(demo_store)
    panel = window.actions_panel
    select_text(panel, "recruitment and retention dashboard")
    panel.done_button.click()

    earlier = demo_store.meetings.all()[1]
    closed = next(a for a in demo_store.meetings.own_actions(earlier.id) if a.code == "C14")
    assert closed.status == "done"
    closed_on = demo_store.db.execute(
        "SELECT closed_date FROM actions WHERE id = ?", [closed.id]
    ).fetchone()[0]
    assert closed_on == window.meeting.date.isoformat()  # closed at this meeting
    assert any(r["STATUS"] == "Done" and r["MEASURE"] == "C14" for r in listed(panel))

    # A later meeting no longer sees it.
    def fill(dialog) -> None:
        dialog.period.setCurrentText("2016/17 Q2")
        dialog.date.setDate(date(2016, 11, 1))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(fill, window.meeting_bar.new_button.click)
    assert window.meeting.period == "2016/17 Q2"
    assert "C14" not in [r["MEASURE"] for r in listed(panel)]


def test_deleting_asks_first(open_window, demo_store, qtbot, when_modal):
    window = open_window(demo_store)
    panel = window.actions_panel
    meeting_id = window.meeting.id
    before = demo_store.meetings.own_actions(meeting_id)
    target = before[0]
    select_text(panel, target.text[:30])

    def answer(button):
        def handler(box: QMessageBox) -> None:
            assert target.text in box.text()
            box.button(button).click()

        return handler

    when_modal(answer(QMessageBox.StandardButton.No), panel.delete_button.click)
    assert demo_store.meetings.own_actions(meeting_id) == before
    when_modal(answer(QMessageBox.StandardButton.Yes), panel.delete_button.click)
    assert [a.id for a in demo_store.meetings.own_actions(meeting_id)] == [a.id for a in before[1:]]


def test_only_the_selected_measure(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    panel = window.actions_panel
    window.tabs.setCurrentWidget(panel)
    window.measures.select_code("C14")
    qtbot.mouseClick(panel.only_measure, Qt.MouseButton.LeftButton)
    assert {r["MEASURE"] for r in listed(panel)} == {"C14"}
    window.measures.select_code("A1")
    assert listed(panel) == []
    assert panel.empty_label.text() == "No follow-up actions yet."


def test_keys_in_the_actions_table_stay_in_the_table(open_window, demo_store, qtbot, when_modal):
    window = open_window(demo_store)
    panel = window.actions_panel
    before = demo_store.meetings.actions_for(window.meeting)

    # Typing Return and Delete in the form edits text; it never touches an action.
    qtbot.keyClicks(window.form.comment, "First line")
    qtbot.keyClick(window.form.comment, Qt.Key.Key_Return)
    qtbot.keyClick(window.form.comment, Qt.Key.Key_Delete)
    assert window.form.comment.toPlainText() == "First line\n"
    assert QApplication.activeModalWidget() is None
    assert demo_store.meetings.actions_for(window.meeting) == before

    window.tabs.setCurrentWidget(panel)
    select_text(panel, "recruitment and retention dashboard")
    panel.view.setFocus()
    dialog = when_modal(lambda d: None, lambda: qtbot.keyClick(panel.view, Qt.Key.Key_Return))
    assert isinstance(dialog, ActionDialog) and dialog.owner.text() == "Head of HR (Trust)"
    if shiboken_valid(dialog):
        with qtbot.waitSignal(dialog.destroyed):  # the window frees its dialogs
            pass
    with qtbot.waitActive(window):  # as the desktop does when the dialog closes
        window.activateWindow()
    panel.view.setFocus()
    box = when_modal(lambda b: None, lambda: qtbot.keyClick(panel.view, Qt.Key.Key_Delete))
    assert isinstance(box, QMessageBox)  # asked, and answered No by closing
    assert demo_store.meetings.actions_for(window.meeting) == before
