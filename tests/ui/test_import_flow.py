"""Importing from the GUI: the preview dialog driven with real clicks, then the database checked."""

import threading

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QMainWindow,
    QProgressDialog,
    QPushButton,
)

import ui.flows.progress_dialog
from challenge_app.imports import import_dataset
from tests.conftest import Q1_CSV
from tests.core.test_import_dataset import HEADER, csv_to_xlsx, write_csv
from ui.flows import import_flow
from ui.flows.import_flow import (
    LAST_FOLDER_KEY,
    import_file_interactively,
    save_template_interactively,
)
from ui.flows.import_preview import ImportPreviewDialog


@pytest.fixture
def window(qtbot):
    QSettings().remove(LAST_FOLDER_KEY)
    w = QMainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def seen_in(dialog: ImportPreviewDialog) -> dict:
    """What the officer sees: the headline, the tab titles and every table's rows."""
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    tables = {
        key: [
            [model.text(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())
        ]
        for key, model in dialog.models.items()
    }
    return {
        "headline": dialog.headline.text(),
        "tabs": tabs,
        "tables": tables,
        "import_button": dialog.import_button is not None,
    }


def answer_preview(qtbot, press: str) -> dict:
    """When the preview appears, note what it shows and press ``press`` (Import/Cancel/Close)."""
    seen: dict = {}

    def poll():
        dialog = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, ImportPreviewDialog) and w.isVisible()
            ),
            None,
        )
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        seen.update(seen_in(dialog))
        seen["dialog"] = dialog
        if press == "Import":
            button = dialog.import_button
        elif press == "Copy":
            button = next(b for b in dialog.buttons.buttons() if "Copy" in b.text())
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            button = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
        else:
            button = dialog.buttons.button(getattr(QDialogButtonBox.StandardButton, press))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, poll)
    return seen


def test_cancel_writes_nothing_then_import_writes_everything(qtbot, window, store):
    seen = answer_preview(qtbot, "Cancel")
    assert import_file_interactively(window, store, Q1_CSV) is False
    assert "13 measures (13 new), 26 values (26 new), 13 targets (13 new)" in seen["headline"]
    assert seen["tabs"] == ["Measures (13)", "Targets (13)", "Values (26)"]
    assert seen["tables"]["values"][0] == ["A1", "2016/17 Q1", "New", "", "24", "2"]
    assert store.measures.all() == [] and store.measures.readings() == []

    seen = answer_preview(qtbot, "Import")
    assert import_file_interactively(window, store, Q1_CSV) is True
    assert len(store.measures.all()) == 13
    assert len(store.measures.readings()) == 26
    assert store.measures.get("F03").unit == "per 100000"
    assert window.statusBar().currentMessage().startswith("Imported q1-2016-17.csv: 13 measures")


def test_an_excel_workbook_imports_through_the_preview(qtbot, window, store, tmp_path):
    workbook = csv_to_xlsx(Q1_CSV, tmp_path / "q1.xlsx")
    answer_preview(qtbot, "Import")
    assert import_file_interactively(window, store, workbook) is True
    assert len(store.measures.readings()) == 26


def test_the_preview_shows_corrections_as_was_and_now(qtbot, window, store, tmp_path):
    import_dataset(store, Q1_CSV)
    path = write_csv(
        tmp_path, HEADER, "A2,Timeliness of assessments,,,,,2016/17,93,90,2016/17 Q1,89"
    )
    seen = answer_preview(qtbot, "Import")
    assert import_file_interactively(window, store, path) is True
    assert seen["tables"]["measures"][0][:3] == [
        "A2",
        "Changed: title",
        "Timeliness of single assessments → Timeliness of assessments",
    ]
    assert seen["tables"]["targets"] == [["A2", "2016/17", "Changed", "92 → 93", "90"]]
    assert seen["tables"]["values"] == [["A2", "2016/17 Q1", "Changed", "88", "89", "2"]]
    assert store.measures.targets_for("A2")[0].target == 93


def test_problems_are_listed_with_row_and_column_and_nothing_can_be_imported(
    qtbot, window, store, tmp_path
):
    path = write_csv(
        tmp_path,
        HEADER,
        "A1,Re-referrals,SCP,contract,lower,%,2016/17,24,28,2016/17 Q1,24",
        "A1,Re-referrals,SCP,contract,lower,%,2016/17,24,28,2016/17 Q5,n/a",
    )
    seen = answer_preview(qtbot, "Copy")
    assert import_file_interactively(window, store, path) is False
    assert seen["import_button"] is False
    assert "has 2 problems" in seen["headline"]
    problems = seen["tables"]["problems"]
    assert [row[:2] for row in problems] == [["3", "period"], ["3", "value"]]
    assert "quarters run Q1 to Q4" in seen["tables"]["problems"][0][2]
    assert "'n/a' is not a number" in seen["tables"]["problems"][1][2]
    clipboard = QGuiApplication.clipboard().text()
    assert "data.csv, row 3, column 'value': 'n/a' is not a number" in clipboard
    assert store.measures.all() == []


def test_a_file_that_cannot_be_read_says_why(qtbot, window, store, tmp_path):
    seen = answer_preview(qtbot, "Close")
    assert import_file_interactively(window, store, tmp_path / "gone.csv") is False
    assert seen["tables"]["problems"] == [["", "", "there is no such file"]]


def test_reimport_shows_no_changes_and_writes_nothing(qtbot, window, store):
    import_dataset(store, Q1_CSV)
    seen = answer_preview(qtbot, "Close")
    assert import_file_interactively(window, store, Q1_CSV) is False
    assert seen["headline"].startswith("No changes")
    assert seen["import_button"] is False


def test_asks_for_the_file_and_remembers_its_folder(qtbot, window, store, monkeypatch):
    asked_in = []

    def choose(parent, caption, folder, filters):
        asked_in.append(folder)
        return str(Q1_CSV), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    answer_preview(qtbot, "Import")
    assert import_file_interactively(window, store) is True
    answer_preview(qtbot, "Close")
    assert import_file_interactively(window, store) is False  # second time: no changes
    assert asked_in[1] == str(Q1_CSV.parent)
    assert len(store.measures.all()) == 13


def test_choosing_no_file_does_nothing(qtbot, window, store, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: ("", "")))
    assert import_file_interactively(window, store) is False


def test_cancel_in_the_progress_dialog_stops_the_read(qtbot, window, store, tmp_path, monkeypatch):
    rows = [f"M{i},Measure {i},Area,contract,higher,%,2016/17,90,80,2016/17 Q1,{i % 100}"
            for i in range(3000)]  # fmt: skip
    path = write_csv(tmp_path, HEADER, *rows)
    monkeypatch.setattr(ui.flows.progress_dialog, "PROGRESS_DELAY_MS", 0)
    clicked = threading.Event()
    real_read = import_flow.read_dataset

    def read_held_after_first_progress(file, progress):
        def held(done, total, what=""):
            progress(done, total, what)
            clicked.wait(10)  # the officer is looking at the progress dialog

        return real_read(file, held)

    monkeypatch.setattr(import_flow, "read_dataset", read_held_after_first_progress)
    shown = {}

    def press_cancel():
        dialog = next(
            (w for w in QApplication.topLevelWidgets()
             if isinstance(w, QProgressDialog) and w.isVisible() and w.maximum()),
            None,
        )  # fmt: skip
        if dialog is None:
            QTimer.singleShot(20, press_cancel)
            return
        shown["label"] = dialog.labelText()
        shown["maximum"] = dialog.maximum()
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        clicked.set()

    QTimer.singleShot(0, press_cancel)
    preview = answer_preview(qtbot, "Cancel")  # only if the read was not stopped
    assert import_file_interactively(window, store, path) is False
    assert preview == {}, "the preview appeared: Cancel did not stop the read"
    assert shown["label"] == "Checking rows…"
    assert shown["maximum"] == 3002
    assert store.measures.all() == []


def test_save_blank_template_adds_the_extension_and_writes_the_workbook(
    qtbot, window, tmp_path, monkeypatch
):
    target = tmp_path / "for-the-trust"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "xlsx"))
    )
    saved = save_template_interactively(window)
    assert saved == tmp_path / "for-the-trust.xlsx"
    assert openpyxl.load_workbook(saved).sheetnames == ["Dataset", "Instructions"]
    assert QSettings().value(LAST_FOLDER_KEY) == str(tmp_path)


def test_save_blank_template_cancelled_saves_nothing(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert save_template_interactively(window) is None
