"""File > Export appendices, driven as the officer would: save dialog, progress,
"Open the file", and a workbook still open in Excel. What the Word report's export
shares with it (a name typed without its suffix, a locked file, no meeting chosen) is
tested here for both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

import ui.flows.progress_dialog
from challenge_app.models import Challenge, Placement
from tests.core.test_export_support import codes, open_workbook
from tests.core.word_support import heading_texts, open_document
from tests.ui.export_support import UrlCatcher, click, drive_messages
from ui.flows.export_flow import (
    LAST_FOLDER_KEY,
    OTHER_NAME_BUTTON,
    RETRY_BUTTON,
    export_appendices_interactively,
    export_report_interactively,
)
from ui.flows.open_file import OPEN_BUTTON, SHOW_FOLDER_BUTTON
from ui.flows.placed_check import CONTINUE_BUTTON


def test_export_writes_the_workbook_and_opens_it(
    qtbot, parent, demo_store, q1, tmp_path, save_as, opened_urls
):
    out = tmp_path / "Q1 appendices.xlsx"
    proposed = save_as(out)
    seen = drive_messages(qtbot, [lambda box: click(qtbot, box, OPEN_BUTTON)])
    assert export_appendices_interactively(parent, demo_store, q1) == out
    assert proposed[0].endswith("Appendices 2016-17 Q1 (2016-08-02).xlsx")
    assert seen[0]["text"] == f"The appendices for 2016/17 Q1 have been written to {out}."
    assert seen[0]["info"] == "Appendix 1: 3 measures. Appendix 2: 4 measures."
    assert opened_urls == [QUrl.fromLocalFile(str(out))]
    assert codes(open_workbook(out)["Appendix 2"]) == ["A2", "A3", "B14", "C14"]


def test_the_dialog_opens_in_the_folder_used_last(qtbot, parent, demo_store, q1, tmp_path, save_as):
    folder = tmp_path / "reports"
    folder.mkdir()
    proposed = save_as(folder / "first.xlsx")
    drive_messages(qtbot, [lambda box: click(qtbot, box, QMessageBox.StandardButton.Close)])
    export_appendices_interactively(parent, demo_store, q1)
    assert QSettings().value(LAST_FOLDER_KEY) == str(folder)
    export_appendices_interactively(parent, demo_store, q1)  # cancelled at the save dialog
    assert Path(proposed[1]).parent == folder


@dataclass(frozen=True)
class Kind:
    """One export as the flow tests see it: both run the same flow (``export_flow``)."""

    export: Callable
    name: str  # the file the officer saves as
    the: str  # what the messages call it
    are: str
    program: str  # the program a locked file is probably open in
    reopened: Callable[[Path], str]  # what the written file shows first
    first: str


KINDS = [
    pytest.param(
        Kind(export_appendices_interactively, "appendices.xlsx", "The appendices", "are",
             "Excel", lambda path: open_workbook(path).sheetnames[0], "Summary"),
        id="appendices",
    ),
    pytest.param(
        Kind(export_report_interactively, "report.docx", "The report", "is", "Word",
             lambda path: heading_texts(open_document(path), "Heading 1")[0],
             "Quarter 1 2016/17"),
        id="report",
    ),
]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_a_name_typed_without_its_suffix_gets_it(
    qtbot, parent, demo_store, q1, tmp_path, save_as, kind
):
    out = tmp_path / kind.name
    save_as(out.with_suffix(""))
    drive_messages(qtbot, [lambda box: click(qtbot, box, QMessageBox.StandardButton.Close)])
    assert kind.export(parent, demo_store, q1) == out
    assert kind.reopened(out) == kind.first


def test_cancelling_the_save_dialog_writes_nothing(parent, demo_store, q1, tmp_path, save_as):
    save_as()  # the officer presses Cancel
    assert export_appendices_interactively(parent, demo_store, q1) is None
    assert list(tmp_path.glob("*.xlsx")) == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_file_open_in_its_program_is_explained_then_retried(
    qtbot, parent, demo_store, q1, tmp_path, save_as, locked_once, kind
):
    out = tmp_path / kind.name
    out.write_bytes(f"last quarter's export, open in {kind.program}".encode())
    save_as(out)
    seen = drive_messages(
        qtbot,
        [
            lambda box: click(qtbot, box, RETRY_BUTTON),
            lambda box: click(qtbot, box, QMessageBox.StandardButton.Close),
        ],
    )
    assert kind.export(parent, demo_store, q1) == out
    assert seen[0]["text"] == f"{kind.the} could not be written to {out}."
    assert f"open in another program (perhaps {kind.program})" in seen[0]["info"]
    assert seen[0]["info"].endswith("Nothing has been written.")
    assert len(locked_once) == 2
    assert kind.reopened(out) == kind.first
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_a_locked_file_can_be_saved_under_another_name(
    qtbot, parent, demo_store, q1, tmp_path, save_as, locked_once
):
    out, other = tmp_path / "appendices.xlsx", tmp_path / "appendices v2.xlsx"
    out.write_bytes(b"open in Excel")
    proposed = save_as(out, other)
    drive_messages(
        qtbot,
        [
            lambda box: click(qtbot, box, OTHER_NAME_BUTTON),
            lambda box: click(qtbot, box, QMessageBox.StandardButton.Close),
        ],
    )
    assert export_appendices_interactively(parent, demo_store, q1) == other
    assert proposed[1] == str(out)  # the dialog reopened on the name that failed
    assert out.read_bytes() == b"open in Excel"
    assert open_workbook(other).sheetnames[1] == "Appendix 1"


def test_giving_up_on_a_locked_file_leaves_it_alone(
    qtbot, parent, demo_store, q1, tmp_path, save_as, locked_once
):
    out = tmp_path / "appendices.xlsx"
    out.write_bytes(b"open in Excel")
    save_as(out)
    drive_messages(qtbot, [lambda box: click(qtbot, box, QMessageBox.StandardButton.Cancel)])
    assert export_appendices_interactively(parent, demo_store, q1) is None
    assert out.read_bytes() == b"open in Excel"


def test_cancel_on_the_progress_dialog_writes_nothing(
    qtbot, parent, demo_store, q1, tmp_path, save_as, monkeypatch
):
    monkeypatch.setattr(ui.flows.progress_dialog, "PROGRESS_DELAY_MS", 0)
    out = tmp_path / "appendices.xlsx"
    save_as(out)
    shown = {}

    def drive(ticks=[0]):  # noqa: B006 (a counter shared by the polls)
        ticks[0] += 1
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QProgressDialog):
            shown["label"] = modal.labelText()
            qtbot.mouseClick(modal.findChild(QPushButton), Qt.MouseButton.LeftButton)
            return
        if ticks[0] < 2000:
            QTimer.singleShot(0, drive)

    QTimer.singleShot(0, drive)
    assert export_appendices_interactively(parent, demo_store, q1) is None
    assert shown["label"].startswith("Writing")
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".tmp", ".xlsx")] == []


@pytest.mark.parametrize("kind", KINDS)
def test_no_meeting_chosen_says_so(qtbot, parent, demo_store, save_as, kind):
    proposed = save_as()
    seen = drive_messages(qtbot, [lambda box: click(qtbot, box, QMessageBox.StandardButton.Ok)])
    assert kind.export(parent, demo_store, None) is None
    assert seen[0]["text"] == (
        f"Choose a meeting first: {kind.the.lower()} {kind.are} the record of one meeting."
    )
    assert proposed == []


def test_ctrl_e_in_the_main_window_exports_the_current_meeting(
    qtbot, open_window, demo_store, tmp_path, save_as
):
    window = open_window(demo_store)
    out = tmp_path / "from the window.xlsx"
    save_as(out)
    seen = drive_messages(qtbot, [lambda box: click(qtbot, box, QMessageBox.StandardButton.Close)])
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "2016/17 Q1" in seen[0]["text"]
    assert out.exists()


def test_placed_measures_with_nothing_written_are_named_before_export(
    qtbot, parent, demo_store, q1, tmp_path, save_as
):
    demo_store.meetings.save_challenge(Challenge(q1.id, "A1", placement=Placement.APPENDIX1))
    out = tmp_path / "Q1.xlsx"
    save_as(out)
    seen = drive_messages(qtbot, [lambda box: box.reject()])
    assert export_appendices_interactively(parent, demo_store, q1) is None
    assert "placed in an appendix but nothing is written" in seen[0]["text"]
    assert seen[0]["info"].splitlines()[0] == "A1 Re-referrals in the last 12 months (Appendix 1)"
    assert not out.exists()

    def go_on(box):
        next(b for b in box.buttons() if b.text() == CONTINUE_BUTTON).click()

    seen = drive_messages(
        qtbot, [go_on, lambda box: click(qtbot, box, QMessageBox.StandardButton.Close)]
    )
    assert export_appendices_interactively(parent, demo_store, q1) == out
    assert codes(open_workbook(out)["Appendix 1"]) == ["A1", "A4", "B9", "F03"]


@pytest.fixture
def nothing_opens_files():
    """A desktop where no program opens the file: Qt's handler hook names a method the
    handler does not have, so ``QDesktopServices.openUrl`` returns False, as it does
    when the desktop has no program for the file."""
    refuser = QObject()
    QDesktopServices.setUrlHandler("file", refuser, "no_program_for_this")
    yield refuser
    QDesktopServices.unsetUrlHandler("file")


def test_when_no_program_opens_the_workbook_it_says_so_and_shows_the_folder(
    qtbot, parent, demo_store, q1, tmp_path, save_as, nothing_opens_files
):
    out = tmp_path / "Q1 appendices.xlsx"
    save_as(out)
    folder_opener = UrlCatcher()

    def show_folder(box):
        QDesktopServices.setUrlHandler("file", folder_opener, "open")  # folders do open
        click(qtbot, box, SHOW_FOLDER_BUTTON)

    seen = drive_messages(qtbot, [lambda box: click(qtbot, box, OPEN_BUTTON), show_folder])
    assert export_appendices_interactively(parent, demo_store, q1) == out
    assert seen[1]["text"] == "No program on this computer would open Q1 appendices.xlsx."
    assert str(tmp_path) in seen[1]["info"]
    assert folder_opener.opened == [QUrl.fromLocalFile(str(tmp_path))]
    assert out.exists()


def test_when_the_folder_cannot_be_opened_either_its_path_is_shown(
    qtbot, parent, demo_store, q1, tmp_path, save_as, nothing_opens_files
):
    out = tmp_path / "Q1 appendices.xlsx"
    save_as(out)
    seen = drive_messages(
        qtbot,
        [
            lambda box: click(qtbot, box, OPEN_BUTTON),
            lambda box: click(qtbot, box, SHOW_FOLDER_BUTTON),
            lambda box: click(qtbot, box, QMessageBox.StandardButton.Ok),
        ],
    )
    export_appendices_interactively(parent, demo_store, q1)
    assert seen[2]["text"] == f"The folder is:\n{tmp_path}"
