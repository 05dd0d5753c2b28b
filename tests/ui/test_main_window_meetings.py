"""Meetings, parties, the first-run and read-only windows, and text that looks like HTML."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from challenge_app.demo import build_demo_database, load_sample_dataset
from challenge_app.models import Measure, Meeting
from challenge_app.paths import resource
from challenge_app.store import Store
from tests.ui.drop_support import drop_files
from ui.dialogs.meeting_dialog import MeetingDialog
from ui.dialogs.parties_dialog import PartiesDialog
from ui.list.measure_model import Column

SAVE = QDialogButtonBox.StandardButton.Save


def save(dialog) -> None:
    dialog.buttons.button(SAVE).click()


def test_new_meeting_with_ctrl_n(open_window, demo_store, qtbot, when_modal):
    window = open_window(demo_store)
    latest = demo_store.meetings.all()[0]

    def fill(dialog: MeetingDialog) -> None:
        # A new meeting starts from the last attendees and the latest quarter with data.
        assert dialog.attendees.toPlainText().splitlines() == list(latest.attendees)
        assert dialog.period.currentText() == "2016/17 Q1"
        dialog.period.setCurrentText("2016/17 Q2")
        dialog.date.setDate(date(2016, 11, 8))
        dialog.title.clear()
        qtbot.keyClicks(dialog.title, "Q2 challenge")
        qtbot.keyClicks(dialog.apologies, "Finance Business Partner (DMBC)")
        save(dialog)

    when_modal(
        fill, lambda: qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    )

    saved = demo_store.meetings.find("2016/17 Q2", date(2016, 11, 8), "Q2 challenge")
    assert saved is not None
    assert saved.apologies == ("Finance Business Partner (DMBC)",)
    assert saved.attendees == latest.attendees
    assert window.meeting == saved
    assert window.meeting_bar.combo.currentText() == saved.label
    assert window.measures.model.headerData(Column.VALUE, Qt.Orientation.Horizontal) == (
        "Q2 2016/17"
    )


@pytest.mark.parametrize(
    ("period", "title", "problem"),
    [
        ("2016/18 Q1", "Quarterly challenge meeting", "Period reviewed: '2016/18'"),
        ("2016-07", "Quarterly challenge meeting", "a quarterly meeting reviews a quarter"),
        ("2016/17 Q1", "   ", "Title: give the meeting a title"),
        ("2016/17 Q1", "Quarterly challenge meeting", "There is already a meeting"),
    ],
)
def test_a_bad_meeting_is_refused_and_nothing_written(demo_store, qtbot, period, title, problem):
    before = demo_store.meetings.all()
    dialog = MeetingDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.period.setCurrentText(period)
    dialog.date.setDate(date(2016, 8, 2))  # the demo's Q1 meeting is on this day
    dialog.title.setText(title)
    save(dialog)
    assert dialog.isVisible()
    assert problem in dialog.problem.text()
    assert demo_store.meetings.all() == before


def test_editing_a_meeting(open_window, demo_store, qtbot, when_modal):
    window = open_window(demo_store)
    meeting_id = window.meeting.id

    def fill(dialog: MeetingDialog) -> None:
        assert dialog.title.text() == "Quarterly challenge meeting"
        qtbot.keyClicks(dialog.apologies, "Head of HR (Trust)")
        qtbot.keyClick(dialog.apologies, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.apologies, Qt.Key.Key_Return)  # blank lines are dropped
        qtbot.keyClicks(dialog.apologies, "  Legal adviser (DMBC)  ")
        save(dialog)

    when_modal(fill, window.meeting_bar.edit_button.click)
    saved = demo_store.meetings.get(meeting_id)
    assert saved.apologies == ("Head of HR (Trust)", "Legal adviser (DMBC)")
    assert window.meeting == saved


def test_parties_are_set_once_and_relabel_everything(open_window, demo_store, qtbot, when_modal):
    window = open_window(demo_store)

    def fill(dialog: PartiesDialog) -> None:
        dialog.council.setText("Doncaster")
        dialog.provider.setText("Children's Trust")
        dialog.marking.setCurrentText("OFFICIAL - SENSITIVE")
        assert dialog.preview.text() == "Doncaster Comment  /  Children's Trust Response"
        save(dialog)

    when_modal(fill, window.meeting_bar.parties_button.click)
    parties = demo_store.settings.parties()
    assert (parties.council, parties.provider) == ("Doncaster", "Children's Trust")
    assert demo_store.settings.protective_marking == "OFFICIAL - SENSITIVE"
    assert window.meeting_bar.parties_label.text() == "Doncaster and Children's Trust"
    assert window.form.comment_label.text() == "Doncaster Comment"
    assert window.form.response_label.text() == "Children's Trust Response"


def test_the_parties_need_different_names(demo_store, qtbot):
    dialog = PartiesDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.provider.setText("dmbc")
    save(dialog)
    assert dialog.isVisible() and "different names" in dialog.problem.text()
    assert demo_store.settings.parties().provider == "Trust"


def test_with_no_meetings_the_window_shows_the_latest_quarter(open_window, store, when_modal):
    load_sample_dataset(store, resource("sample", "demo-dataset.csv"))
    window = open_window(store)
    assert window.meeting is None
    assert window.banner.isVisible()
    assert "No meetings yet" in window.banner.message.text()
    assert "2016/17 Q1" in window.banner.message.text()
    assert window.measures.model.headerData(Column.VALUE, Qt.Orientation.Horizontal) == (
        "Q1 2016/17"
    )
    assert window.measures.visible_count() == 22
    assert (
        window.actions_panel.empty_label.text() == "Create a meeting to record follow-up actions."
    )
    assert not window.meeting_bar.combo.isEnabled()

    when_modal(save, window.banner.button.click)
    assert len(store.meetings.all()) == 1
    assert window.meeting is not None and window.meeting.period == "2016/17 Q1"
    assert not window.banner.isVisible()


def test_an_empty_database_says_to_import(open_window, store, monkeypatch):
    import ui.flows.import_flow

    calls = []
    monkeypatch.setattr(
        ui.flows.import_flow, "import_file_interactively", lambda *args: calls.append(args) or False
    )
    window = open_window(store)
    assert window.banner.isVisible()
    text = window.banner.message.text()
    assert text.startswith("There are no measures in this database yet.")
    assert "Set the council's and provider's names with Parties… first." in text
    assert window.status_line.counts.text() == "No measures"
    assert window.banner.button.isHidden()  # no meeting before there is anything to review
    window.banner.import_button.click()
    assert calls == [(window, store, None)]


def test_read_only_offers_no_writing(open_window, tmp_path, qtbot):
    path = build_demo_database(tmp_path / "shared.db")
    store = Store.open(path, readonly=True)
    try:
        window = open_window(store)
        assert window.windowTitle().endswith("(read-only)")
        assert window.meeting_bar.new_button.isHidden()
        assert window.meeting_bar.edit_button.isHidden()
        assert not window.meeting_bar.parties_button.isEnabled()
        assert window.actions_panel.add_button.isHidden()
        menu_texts = [a.text() for m in window.menuBar().actions() for a in m.menu().actions()]
        assert "&New meeting…" not in menu_texts
        assert "&Parties and marking…" not in menu_texts
        assert not any("Import" in t for t in menu_texts)
        assert not window.acceptDrops()
        # Keys that would write do nothing.
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        window.new_meeting()
        window.actions_panel.add()
        assert len(store.meetings.all()) == 2
        assert window.measures.visible_count() == 22
    finally:
        store.close()


def test_text_that_looks_like_html_is_shown_as_typed(open_window, demo_store):
    html = '<b>Bold</b> <img src="x.png"> &amp;'
    with demo_store.transaction():
        demo_store.measures.upsert([Measure("A1", html, html)])
        demo_store.meetings.save(Meeting(None, html, date(2016, 9, 1), "2016/17 Q1"))
        demo_store.settings.set("council_name", "<i>DMBC</i>")
    window = open_window(demo_store)
    assert window.meeting_bar.combo.currentText() == f"2016/17 Q1 - 01 Sep 2016 - {html}"
    assert window.meeting_bar.parties_label.text() == "<i>DMBC</i> and Trust"
    assert window.meeting_bar.parties_label.textFormat() == Qt.TextFormat.PlainText
    view = window.measures
    index = view.model.index(view.model.position_of("A1"), Column.TITLE)
    assert index.data() == html
    assert view.filters.area.findText(html) >= 0


def test_dropping_a_dataset_imports_it_and_rebuilds(open_window, demo_store, monkeypatch, tmp_path):
    import ui.flows.import_flow

    dropped = []

    def fake_import(parent, store, path=None):
        dropped.append(path)
        with store.transaction():
            store.measures.upsert([Measure("Z9", "Dropped-in measure", "Finance")])
        return True

    monkeypatch.setattr(ui.flows.import_flow, "import_file_interactively", fake_import)
    window = open_window(demo_store)
    assert window.acceptDrops()
    csv = tmp_path / "q2.csv"
    csv.write_text("code\n", encoding="utf-8")
    drop_files(window, csv)
    assert dropped == [csv]
    assert window.measures.model.position_of("Z9") is not None
    assert window.measures.visible_count() == 23

    drop_files(window, tmp_path / "notes.docx")
    assert dropped == [csv]
