"""The provider's responses in the GUI: a returned workbook dropped on the window or chosen
from File > Import responses, its preview driven with real keys and clicks (cancel, keep,
take), and the database checked."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from challenge_app.demo import load_sample_dataset
from challenge_app.models import Meeting
from challenge_app.store import Store
from challenge_app.store.backup import list_backups
from tests.conftest import Q1_CSV
from tests.core.responses_support import (
    EXPECTED_ORDER,
    PERIOD,
    build_meeting_db,
    request,
    responses,
    snapshot,
    type_into,
)
from tests.ui.drop_support import drop_files
from ui.flows.import_preview import ImportPreviewDialog
from ui.flows.responses_preview import TAKE, ResponsesPreviewDialog

OFFICER = "Typed by the officer at the meeting."


@pytest.fixture
def db(tmp_path):
    db = build_meeting_db(tmp_path / "meeting.db")
    store = Store.open(db)
    try:
        meeting = store.meetings.latest_for_period(PERIOD)
        challenge = store.meetings.challenge(meeting.id, "A1")
        store.meetings.save_challenge(dataclasses.replace(challenge, provider_response=OFFICER))
    finally:
        store.close()
    return db


@pytest.fixture
def returned(db, tmp_path):
    """The workbook as the provider sends it back: A1 answered differently, B9 and A2 new."""
    sent = request(db, tmp_path / "Responses Q1.xlsx")
    return type_into(sent, {"A1": "Thank you.", "B9": "Yes, since April.", "A2": "=SUM(1,2)"})


@pytest.fixture
def window(db, open_window):
    store = Store.open(db)
    yield open_window(store)
    store.close()


def press(qtbot, dialog, text: str) -> None:
    button = next(b for b in dialog.buttons.buttons() if b.text().replace("&", "") == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def seen(dialog: ResponsesPreviewDialog) -> dict:
    """What the officer sees: the headline, the tabs, and both tables' cells."""

    def cells(view) -> list[list[str]]:
        model = view.model()
        return [
            [model.index(r, c).data() or "" for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]

    return {
        "headline": dialog.headline.text(),
        "tabs": [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())],
        "new": cells(dialog.new_table),
        "conflicts": cells(dialog.conflict_table),
    }


def test_the_preview_shows_new_responses_and_the_conflict_side_by_side_and_cancel_writes_nothing(
    window, db, returned, tmp_path, qtbot, when_modal
):
    before = snapshot(db, tmp_path)
    shown: dict = {}

    def look_then_cancel(dialog):
        assert isinstance(dialog, ResponsesPreviewDialog)
        shown.update(seen(dialog))
        dialog.conflicts.set_all(True)  # even with every conflict ticked...
        press(qtbot, dialog, "Cancel")

    when_modal(look_then_cancel, lambda: drop_files(window, returned))
    assert "Responses Q1.xlsx, for the meeting 2016/17 Q1 - 02 Aug 2016" in shown["headline"]
    assert "2 new responses, 1 differs from the one recorded, 2 left blank" in shown["headline"]
    assert shown["tabs"] == ["New responses (2)", "Different from recorded (1)"]
    assert [row[0] for row in shown["new"]] == ["B9", "A2"]
    assert shown["new"][1][2] == "=SUM(1,2)"
    assert shown["conflicts"] == [
        ["A1", "Re-referrals in the last 12 months", OFFICER, "Thank you.", "Keep"]
    ]
    assert snapshot(db, tmp_path) == before  # ...Cancel changes nothing


def test_record_without_ticking_keeps_the_officers_words(window, db, returned, qtbot, when_modal):
    when_modal(lambda dialog: press(qtbot, dialog, "Record"), lambda: drop_files(window, returned))
    assert responses(db) == {"A1": OFFICER, "B9": "Yes, since April.", "A2": "=SUM(1,2)"}
    assert list_backups(db) == []
    assert "2 responses" in window.statusBar().currentMessage()
    assert "1 kept as recorded" in window.statusBar().currentMessage()


def test_take_returned_replaces_the_recorded_response_after_a_backup(
    window, db, returned, qtbot, when_modal
):
    window.measures.select_code("A1")
    assert window.form.response.toPlainText() == OFFICER

    def take_a1(dialog):
        view = dialog.conflict_table
        view.setFocus()
        view.setCurrentIndex(view.model().index(0, TAKE))
        qtbot.keyClick(view, Qt.Key.Key_Space)
        assert view.model().index(0, TAKE).data() == "Take"
        press(qtbot, dialog, "Record")

    when_modal(take_a1, lambda: drop_files(window, returned))
    assert responses(db)["A1"] == "Thank you."
    [backup] = list_backups(db)
    assert responses(backup.path)["A1"] == OFFICER
    assert window.form.response.toPlainText() == "Thank you."  # the form shows what is recorded


def test_a_workbook_for_another_database_is_refused_with_its_problem_shown(
    window, db, tmp_path, qtbot, when_modal
):
    other = build_meeting_db(tmp_path / "other.db")
    foreign = type_into(request(other, tmp_path / "foreign.xlsx"), {"A1": "Hello."})
    before = snapshot(db, tmp_path)
    shown: list[str] = []

    def read_problem(dialog):
        assert isinstance(dialog, ImportPreviewDialog)
        shown.append(dialog.problems_text())
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton
        )

    when_modal(read_problem, lambda: drop_files(window, foreign))
    assert "sent from another database" in shown[0]
    assert "2016/17 Q1 - 02 Aug 2016 - Quarterly challenge meeting" in shown[0]
    assert snapshot(db, tmp_path) == before


def test_file_menu_imports_responses_from_the_file_chosen(
    window, db, returned, qtbot, when_modal, monkeypatch
):
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(returned), ""))
    )
    file_menu = window.file_menu
    texts = [a.text() for a in file_menu.actions()]
    assert "Req&uest responses from Trust…" in texts
    action = next(a for a in file_menu.actions() if a.text() == "I&mport responses…")
    when_modal(lambda dialog: press(qtbot, dialog, "Record"), action.trigger)
    assert responses(db)["B9"] == "Yes, since April."


def test_a_dataset_dropped_is_still_imported_as_a_dataset(window, monkeypatch, tmp_path):
    import ui.flows.import_flow

    dropped = []
    monkeypatch.setattr(
        ui.flows.import_flow,
        "import_file_interactively",
        lambda parent, store, path=None: dropped.append(path) or False,
    )
    dataset = tmp_path / "q2.xlsx"
    Workbook().save(dataset)
    drop_files(window, dataset)
    assert dropped == [dataset]


# -- File > Request responses from <provider>… ----------------------------------------


def test_request_writes_the_workbook_through_the_export_flow(
    window, tmp_path, qtbot, when_modal, monkeypatch
):
    out = tmp_path / "For the Trust.xlsx"
    proposed: list[str] = []

    def save_as(parent, caption, start, filters):
        proposed.append(start)
        return str(out), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    action = window.request_responses_action
    assert action.text() == "Req&uest responses from Trust…"
    shown: list[tuple[str, str]] = []

    def read_and_close(box):
        shown.append((box.text(), box.informativeText()))
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Close), Qt.MouseButton.LeftButton)

    when_modal(read_and_close, action.trigger)
    assert proposed[0].endswith("Responses 2016-17 Q1 (2016-08-02).xlsx")
    assert shown[0][0] == f"The response workbook for {PERIOD} has been written to {out}."
    assert shown[0][1].startswith("5 measures for Trust to respond to.")
    ws = load_workbook(out)["Responses"]
    assert [ws.cell(row=r, column=1).value for r in range(2, 7)] == EXPECTED_ORDER
    assert window.statusBar().currentMessage() == f"Response workbook written to {out}"


def test_request_with_nothing_written_says_so_and_writes_nothing(
    open_window, tmp_path, qtbot, when_modal, monkeypatch
):
    db = tmp_path / "bare.db"
    store = Store.open(db)
    try:
        load_sample_dataset(store, Q1_CSV)
        store.meetings.save(Meeting(None, "Quarterly", date(2016, 8, 2), PERIOD))
        window = open_window(store)
        asked: list[str] = []
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a: asked.append(a) or ("", ""))
        )
        shown: list[str] = []

        def read_and_ok(box):
            shown.append(box.text())
            qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

        when_modal(read_and_ok, window.request_responses_action.trigger)
        assert shown == ["There is nothing to ask Provider about yet."]
        assert asked == []
        assert store.settings.database_id == ""  # not even the database's identity
    finally:
        store.close()
