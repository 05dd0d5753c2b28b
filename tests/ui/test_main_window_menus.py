"""The menus reach the other flows with the window's store and meeting, and the
window rebuilds what those flows changed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from challenge_app.models import Meeting


def menu_items(window) -> dict[str, dict[str, str]]:
    return {
        menu.text(): {a.text(): a.shortcut().toString() for a in menu.menu().actions()}
        for menu in window.menuBar().actions()
    }


def trigger(window, menu_title: str, item: str) -> None:
    for menu in window.menuBar().actions():
        if menu.text() == menu_title:
            for action in menu.menu().actions():
                if action.text() == item:
                    action.trigger()
                    return
    raise AssertionError(f"no {menu_title} > {item}")


def test_menus_offer_what_exists(open_window, demo_store):
    items = menu_items(open_window(demo_store))
    assert items["&File"]["&New meeting…"] == "Ctrl+N"
    assert items["&File"]["&Import provider dataset…"] == "Ctrl+I"
    assert items["&File"]["E&xport appendices…"] == "Ctrl+E"
    assert "Export challenge &pack…" in items["&File"]
    assert "Import challenge pac&k…" in items["&File"]
    assert items["&Edit"]["&Filter measures"] == "Ctrl+F"
    assert items["&View"]["&Next measure"] == "Ctrl+PgDown"
    assert items["&View"]["&Previous measure"] == "Ctrl+PgUp"
    assert items["&Help"]["&Help"] == "F1"
    assert "Save blank import &template…" in items["&Help"]


def test_ctrl_i_imports_then_rebuilds(open_window, demo_store, monkeypatch, qtbot):
    import ui.flows.import_flow

    calls = []

    def fake(parent, store, path=None):
        calls.append((parent, store, path))
        with store.transaction():
            store.meetings.save(Meeting(None, "Imported", date(2016, 12, 1), "2016/17 Q2"))
        return True

    monkeypatch.setattr(ui.flows.import_flow, "import_file_interactively", fake)
    window = open_window(demo_store)
    chosen = window.meeting
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert calls == [(window, demo_store, None)]
    # The meeting list was refreshed but the officer stays on the meeting they had.
    assert window.meeting_bar.combo.count() == 3
    assert window.meeting == chosen


def test_importing_a_pack_relabels_and_rebuilds(open_window, demo_store, monkeypatch):
    import ui.flows.pack_flow
    from challenge_app.models import Parties

    def fake(parent, store):
        with store.transaction():
            store.settings.set_parties(Parties("Council B", "Provider B"))
        return True

    monkeypatch.setattr(ui.flows.pack_flow, "import_pack_interactively", fake)
    window = open_window(demo_store)
    trigger(window, "&File", "Import challenge pac&k…")
    assert window.meeting_bar.parties_label.text() == "Council B and Provider B"
    assert window.form.comment_label.text() == "Council B Comment"


@pytest.mark.parametrize(
    ("menu", "item", "module", "function", "message"),
    [
        ("&File", "Export challenge &pack…", "pack_flow", "export_pack_interactively",
         "Challenge pack written to"),
        ("&Help", "Save blank import &template…", "import_flow", "save_template_interactively",
         "Blank import template saved to"),
    ],
)  # fmt: skip
def test_exports_say_where_they_wrote(
    open_window, demo_store, monkeypatch, tmp_path, menu, item, module, function, message
):
    import importlib

    written = tmp_path / "out.file"
    monkeypatch.setattr(
        importlib.import_module(f"ui.flows.{module}"), function, lambda *args: written
    )
    window = open_window(demo_store)
    trigger(window, menu, item)
    assert window.statusBar().currentMessage() == f"{message} {written}"


def test_ctrl_e_saves_pending_typing_then_exports_the_chosen_meeting(
    open_window, demo_store, monkeypatch, tmp_path, qtbot, when_modal
):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    out = tmp_path / "appendices.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kw: (str(out), ""))
    )
    window = open_window(demo_store)
    typed = "Typed a moment before exporting <b>not bold</b>"
    qtbot.keyClicks(window.form.comment, typed)  # A1, not yet saved by the form

    def close_report(box: QMessageBox) -> None:
        assert "have been written" in box.text()
        box.button(QMessageBox.StandardButton.Close).click()

    when_modal(
        close_report,
        lambda: qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),
    )
    assert window.statusBar().currentMessage() == f"Appendices written to {out}"
    sheet = load_workbook(out)["Appendix 1"]  # A1 is Green and improving
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any(typed in text for text in cells)
