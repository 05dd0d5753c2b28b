"""File > Export report (Word), Ctrl+Shift+E: the same flow as the appendices, writing
the .docx: save dialog, progress, "Open the file" / "Show in folder", a locked file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from tests.core.word_support import heading_texts, open_document
from tests.ui.export_support import click, drive_messages
from tests.ui.test_main_window_menus import menu_items
from ui.flows.export_flow import RETRY_BUTTON, export_report_interactively
from ui.flows.open_file import OPEN_BUTTON, SHOW_FOLDER_BUTTON


def test_the_file_menu_offers_the_report_with_its_shortcut(open_window, demo_store):
    items = menu_items(open_window(demo_store))
    assert items["&File"]["Export &report (Word)…"] == "Ctrl+Shift+E"


def test_ctrl_shift_e_writes_the_report_of_the_current_meeting(
    qtbot, open_window, demo_store, tmp_path, save_as
):
    window = open_window(demo_store)
    out = tmp_path / "from the window.docx"
    proposed = save_as(out)
    seen = drive_messages(qtbot, [lambda box: click(qtbot, box, QMessageBox.StandardButton.Close)])
    qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert proposed[0].endswith("Report 2016-17 Q1 (2016-08-02).docx")
    assert seen[0]["text"] == f"The report for 2016/17 Q1 has been written to {out}."
    assert window.statusBar().currentMessage() == f"Report written to {out}"
    assert heading_texts(open_document(out), "Heading 1")[0] == "Quarter 1 2016/17"


def test_open_the_file_and_show_in_folder(
    qtbot, parent, demo_store, q1, tmp_path, save_as, opened_urls
):
    out = tmp_path / "report.docx"
    save_as(out, out)
    drive_messages(
        qtbot,
        [
            lambda box: click(qtbot, box, OPEN_BUTTON),
            lambda box: click(qtbot, box, SHOW_FOLDER_BUTTON),
        ],
    )
    assert export_report_interactively(parent, demo_store, q1) == out
    assert export_report_interactively(parent, demo_store, q1) == out
    assert opened_urls == [QUrl.fromLocalFile(str(out)), QUrl.fromLocalFile(str(tmp_path))]


def test_a_name_typed_without_docx_gets_it(qtbot, parent, demo_store, q1, tmp_path, save_as):
    save_as(tmp_path / "report")
    drive_messages(qtbot, [lambda box: click(qtbot, box, QMessageBox.StandardButton.Close)])
    assert export_report_interactively(parent, demo_store, q1) == tmp_path / "report.docx"
    assert open_document(tmp_path / "report.docx").tables


def test_a_report_open_in_word_is_explained_then_retried(
    qtbot, parent, demo_store, q1, tmp_path, save_as, locked_once
):
    out = tmp_path / "report.docx"
    out.write_bytes(b"last quarter's report, open in Word")
    save_as(out)
    seen = drive_messages(
        qtbot,
        [
            lambda box: click(qtbot, box, RETRY_BUTTON),
            lambda box: click(qtbot, box, QMessageBox.StandardButton.Close),
        ],
    )
    assert export_report_interactively(parent, demo_store, q1) == out
    assert seen[0]["text"] == f"The report could not be written to {out}."
    assert "open in another program (perhaps Word)" in seen[0]["info"]
    assert seen[0]["info"].endswith("Nothing has been written.")
    assert len(locked_once) == 2
    assert heading_texts(open_document(out), "Heading 1")[0] == "Quarter 1 2016/17"
    assert [p.name for p in Path(tmp_path).iterdir() if p.suffix == ".tmp"] == []


def test_no_meeting_chosen_says_so(qtbot, parent, demo_store, save_as):
    proposed = save_as()
    seen = drive_messages(qtbot, [lambda box: click(qtbot, box, QMessageBox.StandardButton.Ok)])
    assert export_report_interactively(parent, demo_store, None) is None
    assert seen[0]["text"] == "Choose a meeting first: the report is the record of one meeting."
    assert proposed == []
