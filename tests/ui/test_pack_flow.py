"""Challenge packs from the GUI: the import confirmation and messages driven with real clicks."""

import json
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

import ui.flows.progress_dialog
from challenge_app.packs import export_pack
from challenge_app.store import Store
from challenge_app.store.backup import list_backups
from ui.flows.pack_flow import (
    LAST_FOLDER_KEY,
    ImportConfirmation,
    export_pack_interactively,
    import_pack_interactively,
)

TABLES = ("measures", "targets", "readings", "meetings", "challenges", "actions", "settings")


def snapshot(store) -> dict:
    return {
        table: sorted(tuple(row.values()) for row in store.db.query(f"SELECT * FROM {table}"))
        for table in TABLES
    }


@pytest.fixture
def window(qtbot):
    QSettings().remove(LAST_FOLDER_KEY)
    w = QMainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def demo_pack(tmp_path, demo_store):
    path = tmp_path / "packs" / "demo.json"
    path.parent.mkdir()
    export_pack(demo_store, path)
    return path


@pytest.fixture
def choose(monkeypatch):
    """Answer the open-file dialog with ``path``; records the folder it was opened in."""
    asked = []

    def _choose(path):
        def fake(parent, caption, folder, filters):
            asked.append(folder)
            return (str(path), filters)

        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
        return asked

    return _choose


def confirmation_seen(dialog: ImportConfirmation) -> dict:
    model = dialog.meetings.model()
    return {
        "summary": dialog.summary.text(),
        "meetings": [model.index(i, 0).data() for i in range(model.rowCount())],
        "note": dialog.note.text(),
        "default": "Import" if dialog.import_button.isDefault() else "Cancel",
    }


def press(qtbot, button_name: str, seen: dict):
    def handler(dialog):
        assert isinstance(dialog, ImportConfirmation)
        seen.update(confirmation_seen(dialog))
        qtbot.mouseClick(getattr(dialog, button_name), Qt.MouseButton.LeftButton)

    return handler


def test_cancel_writes_nothing_then_import_writes_the_pack(
    qtbot, window, store, demo_pack, choose, when_modal
):
    choose(demo_pack)
    seen: dict = {}
    result = []
    when_modal(
        press(qtbot, "cancel_button", seen),
        lambda: result.append(import_pack_interactively(window, store)),
    )
    assert result == [False]
    assert "Import demo.json into this database?" in seen["summary"]
    assert "22 measures (22 new)" in seen["summary"]
    assert "286 readings (286 new)" in seen["summary"]
    assert "2 meetings (2 new)" in seen["summary"]
    assert "The parties' names change from Council / Provider to DMBC / Trust" in seen["summary"]
    assert seen["meetings"] == [
        "New: 2015/16 Q4 - 10 May 2016 - Quarterly challenge meeting",
        "New: 2016/17 Q1 - 02 Aug 2016 - Quarterly challenge meeting",
    ]
    assert seen["default"] == "Import"
    assert store.measures.all() == [] and store.meetings.all() == []

    result.clear()
    when_modal(
        press(qtbot, "import_button", seen),
        lambda: result.append(import_pack_interactively(window, store)),
    )
    assert result == [True]
    assert len(store.measures.all()) == 22
    assert len(store.meetings.all()) == 2
    assert store.settings.parties().council == "DMBC"


def test_a_pack_that_would_replace_records_says_so_and_defaults_to_cancel(
    qtbot, window, demo_store, demo_pack, choose, when_modal
):
    doc = json.loads(demo_pack.read_text(encoding="utf-8"))
    doc["readings"][0]["value"] = 99
    demo_pack.write_text(json.dumps(doc), encoding="utf-8")
    choose(demo_pack)
    seen: dict = {}
    when_modal(
        press(qtbot, "cancel_button", seen), lambda: import_pack_interactively(window, demo_store)
    )
    assert "286 readings (1 updated, 285 unchanged)" in seen["summary"]
    assert "replace the same ones here" in seen["note"]
    assert seen["default"] == "Cancel"


def _differing_comment(demo_pack, store):
    """Give the pack a different council comment; the meeting, code and comment recorded."""
    doc = json.loads(demo_pack.read_text(encoding="utf-8"))
    challenge = doc["meetings"][1]["challenges"][0]
    challenge["council_comment"] = "Revised after the meeting."
    demo_pack.write_text(json.dumps(doc), encoding="utf-8")
    meeting = store.meetings.find(*_key(doc["meetings"][1]))
    code = challenge["code"]
    return meeting, code, store.meetings.challenge(meeting.id, code).council_comment


def test_differing_text_is_shown_side_by_side_and_cancel_changes_nothing(
    qtbot, window, demo_store, demo_pack, choose, when_modal
):
    _meeting, code, recorded = _differing_comment(demo_pack, demo_store)
    choose(demo_pack)
    before = snapshot(demo_store)
    seen: dict = {}

    def look_then_cancel(dialog):
        panel = dialog.conflicts
        model = panel.table.model()
        seen["rows"] = [
            [model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]
        seen["here"], seen["pack"] = panel.here.toPlainText(), panel.pack.toPlainText()
        seen["default"] = "Cancel" if dialog.cancel_button.isDefault() else "Import"
        qtbot.keyClick(panel.table, Qt.Key.Key_End)
        qtbot.keyClick(panel.table, Qt.Key.Key_Space)  # ticks "Take the pack's"...
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # ...then cancels

    result = []
    when_modal(
        look_then_cancel, lambda: result.append(import_pack_interactively(window, demo_store))
    )
    label = "2016/17 Q1 - 02 Aug 2016 - Quarterly challenge meeting"
    assert seen["rows"] == [[label, code, "council comment", "Keep"]]
    assert seen["here"] == f"Council comment:\n{recorded}"
    assert seen["pack"] == "Council comment:\nRevised after the meeting."
    assert seen["default"] == "Cancel"
    assert result == [False]
    assert snapshot(demo_store) == before
    assert list_backups(demo_store.path) == []


def test_differing_text_is_kept_unless_taken_and_taking_backs_up_first(
    qtbot, window, demo_store, demo_pack, choose, when_modal
):
    meeting, code, recorded = _differing_comment(demo_pack, demo_store)
    choose(demo_pack)
    seen: dict = {}
    when_modal(
        press(qtbot, "import_button", seen), lambda: import_pack_interactively(window, demo_store)
    )
    assert demo_store.meetings.challenge(meeting.id, code).council_comment == recorded
    assert list_backups(demo_store.path) == []

    def tick_then_import(dialog):
        panel = dialog.conflicts
        panel.table.setFocus()
        qtbot.keyClick(panel.table, Qt.Key.Key_End)
        qtbot.keyClick(panel.table, Qt.Key.Key_Space)
        seen["choice"] = panel.table.model().index(0, 3).data()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    result = []
    when_modal(
        tick_then_import, lambda: result.append(import_pack_interactively(window, demo_store))
    )
    assert seen["choice"] == "Take"
    assert result == [True]
    assert demo_store.meetings.challenge(meeting.id, code).council_comment == (
        "Revised after the meeting."
    )
    (backup,) = list_backups(demo_store.path)
    old = Store.open(backup.path, readonly=True)
    try:
        assert old.meetings.challenge(meeting.id, code).council_comment == recorded
    finally:
        old.close()


def test_take_all_and_keep_all_buttons_set_every_record(
    qtbot, window, demo_store, demo_pack, choose, when_modal
):
    _differing_comment(demo_pack, demo_store)
    choose(demo_pack)
    seen: dict = {}

    def buttons(dialog):
        panel = dialog.conflicts
        qtbot.mouseClick(panel.take_all, Qt.MouseButton.LeftButton)
        seen["after take"] = panel.table.model().index(0, 3).data()
        qtbot.mouseClick(panel.keep_all, Qt.MouseButton.LeftButton)
        seen["after keep"] = panel.table.model().index(0, 3).data()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    when_modal(buttons, lambda: import_pack_interactively(window, demo_store))
    assert seen == {"after take": "Take", "after keep": "Keep"}


def _key(meeting: dict):
    return meeting["period"], date.fromisoformat(meeting["date"]), meeting["title"]


def test_the_same_pack_again_says_it_is_already_here_and_writes_nothing(
    qtbot, window, demo_store, demo_pack, choose, when_modal
):
    choose(demo_pack)
    before = snapshot(demo_store)
    seen: dict = {}
    result = []
    when_modal(
        press(qtbot, "import_button", seen),
        lambda: result.append(import_pack_interactively(window, demo_store)),
    )
    assert result == [False]
    assert "Everything in this pack is already in this database." in seen["note"]
    assert snapshot(demo_store) == before


def test_unknown_keys_are_mentioned_in_the_confirmation(
    qtbot, window, store, demo_pack, choose, when_modal
):
    doc = json.loads(demo_pack.read_text(encoding="utf-8"))
    doc["exported_by"] = "Challenge 9.0"
    demo_pack.write_text(json.dumps(doc), encoding="utf-8")
    choose(demo_pack)
    seen: dict = {}
    when_modal(
        press(qtbot, "cancel_button", seen), lambda: import_pack_interactively(window, store)
    )
    assert "does not know them: exported_by" in seen["note"]


def test_a_bad_pack_is_explained_and_nothing_is_written(
    qtbot, window, demo_store, demo_pack, choose, when_modal
):
    doc = json.loads(demo_pack.read_text(encoding="utf-8"))
    doc["meetings"][1]["challenges"][0]["code"] = 42
    doc["readings"][3]["period"] = "2016/17 Q7"
    demo_pack.write_text(json.dumps(doc), encoding="utf-8")
    choose(demo_pack)
    before = snapshot(demo_store)
    shown: dict = {}

    def read_and_close(box):
        assert isinstance(box, QMessageBox)
        shown["text"], shown["details"] = box.text(), box.informativeText()
        shown["plain"] = box.textFormat() == Qt.TextFormat.PlainText
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    result = []
    when_modal(read_and_close, lambda: result.append(import_pack_interactively(window, demo_store)))
    assert result == [False]
    assert shown["text"] == "demo.json cannot be imported. Nothing has been changed."
    assert "readings[3].period:" in shown["details"]
    assert "meetings[1].challenges[0].code: expected text, found a number" in shown["details"]
    assert shown["plain"]
    assert snapshot(demo_store) == before


def test_cancel_on_the_progress_dialog_writes_nothing(
    qtbot, window, store, demo_pack, choose, monkeypatch
):
    monkeypatch.setattr(ui.flows.progress_dialog, "PROGRESS_DELAY_MS", 0)
    choose(demo_pack)
    shown: dict = {}

    def drive(attempts=[0]):  # noqa: B006 (a counter shared by the retries)
        attempts[0] += 1
        modal = QApplication.activeModalWidget()
        if isinstance(modal, ImportConfirmation):
            qtbot.mouseClick(modal.import_button, Qt.MouseButton.LeftButton)
        elif isinstance(modal, QProgressDialog) and "progress" not in shown:
            shown["progress"] = modal.labelText()
            qtbot.mouseClick(modal.findChild(QPushButton), Qt.MouseButton.LeftButton)
        elif isinstance(modal, QMessageBox):
            shown["message"] = modal.text()
            qtbot.mouseClick(modal.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
            return
        if attempts[0] < 500:
            QTimer.singleShot(5, drive)

    QTimer.singleShot(0, drive)
    assert import_pack_interactively(window, store) is False
    assert shown["progress"].startswith("Importing")
    assert shown["message"] == "The import was cancelled. Nothing has been changed."
    assert store.measures.all() == [] and store.meetings.all() == []


def test_export_suggests_a_name_remembers_the_folder_and_writes_a_pack(
    qtbot, window, demo_store, tmp_path, monkeypatch, when_modal
):
    asked = []
    target = tmp_path / "handover"

    def fake(parent, caption, proposed, filters):
        asked.append(proposed)
        return (str(target), filters)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    written = export_pack_interactively(window, demo_store)
    assert written == tmp_path / "handover.json"
    doc = json.loads(written.read_text(encoding="utf-8"))
    assert doc["format"] == "challenge-pack" and len(doc["measures"]) == 22
    assert asked[0].endswith(".json") and "demo-pack-" in asked[0]
    assert QSettings().value(LAST_FOLDER_KEY) == str(tmp_path)

    asked_to_replace = []

    def answer_yes(box):
        asked_to_replace.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    written.write_text("old", encoding="utf-8")
    when_modal(answer_yes, lambda: export_pack_interactively(window, demo_store))
    assert asked[1].startswith(str(tmp_path))
    assert asked_to_replace == [f"handover.json already exists in {tmp_path}. Replace it?"]
    assert json.loads(written.read_text(encoding="utf-8"))["format"] == "challenge-pack"


def test_import_opens_in_the_folder_used_last(qtbot, window, store, demo_pack, choose, when_modal):
    asked = choose(demo_pack)
    when_modal(press(qtbot, "cancel_button", {}), lambda: import_pack_interactively(window, store))
    when_modal(press(qtbot, "cancel_button", {}), lambda: import_pack_interactively(window, store))
    assert asked[1] == str(demo_pack.parent)


def test_an_export_that_cannot_be_written_is_explained(
    qtbot, window, demo_store, tmp_path, monkeypatch, when_modal
):
    folder = tmp_path / "gone" / "pack.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(folder), "")))
    shown = {}

    def read_and_close(box):
        shown["text"], shown["details"] = box.text(), box.informativeText()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    result = []
    when_modal(read_and_close, lambda: result.append(export_pack_interactively(window, demo_store)))
    assert result == [None]
    assert shown["text"] == f"The challenge pack could not be written to {folder}."
    assert "does not exist" in shown["details"]
    assert not folder.parent.exists()
