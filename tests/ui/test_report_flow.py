"""File > Export report (Word), Ctrl+Shift+E: the same flow as the appendices, writing
the .docx: save dialog, progress, "Open the file" / "Show in folder". What both exports
share (a name typed without its suffix, a locked file, no meeting chosen) is tested for
both in test_export_flow."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from tests.core.word_support import heading_texts, open_document
from tests.ui.export_support import click, drive_messages
from tests.ui.test_main_window_menus import menu_items
from ui.flows.export_flow import export_report_interactively
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
