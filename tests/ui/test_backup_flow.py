"""File > Restore from backup... and Help > Open data folder, driven through the real dialogs."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from challenge_app.store import Store
from challenge_app.store.backup import list_backups, make_backup
from challenge_app.store.backup import summarise as summarise_for_dialog
from tests.core.test_integrity import damage
from tests.ui.test_startup import DialogAnswerer, _every_expected_dialog_appeared  # noqa: F401
from ui.flows.backup_flow import RestoreDialog, open_data_folder, restore_from_backup_interactively


def challenges(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM challenges").fetchone()[0]


@pytest.fixture
def with_backups(demo_store):
    """The demo with two backups: an older full one, and a newer one after a deletion."""
    make_backup(demo_store.db.conn, demo_store.path, now=datetime(2026, 11, 20, 9, 15))
    with demo_store.transaction():
        demo_store.db.execute("DELETE FROM challenges WHERE id = (SELECT min(id) FROM challenges)")
    make_backup(demo_store.db.conn, demo_store.path, now=datetime(2026, 11, 25, 16, 40))
    with demo_store.transaction():
        demo_store.db.execute("DELETE FROM challenges")  # the mistake to undo
    return demo_store


def dialog_rows(dialog: RestoreDialog) -> list[list[str]]:
    model = dialog.table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_dialog_previews_each_backup(qtbot, with_backups):
    summaries = [summarise_for_dialog(b) for b in list_backups(with_backups.path)]
    dialog = RestoreDialog(with_backups, summaries, None)
    qtbot.addWidget(dialog)
    rows = dialog_rows(dialog)
    assert rows[0][:4] == ["25 Nov 2026, 16:40:00", "22", "2", str(summaries[0].challenges)]
    assert rows[1][:4] == ["20 Nov 2026, 09:15:00", "22", "2", str(summaries[1].challenges)]
    assert summaries[1].challenges == summaries[0].challenges + 1
    assert rows[0][4].startswith("Quarterly challenge meeting, 2 Aug 2016")
    # The newest is chosen to start with, and the preview says what it holds.
    assert "25 Nov 2026" in dialog.preview.text() and "challenge records" in dialog.preview.text()
    assert dialog.preview.textFormat() == Qt.TextFormat.PlainText
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(
        dialog.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.table.visualRect(dialog.table.model().index(1, 0)).center(),
    )
    assert "20 Nov 2026" in dialog.preview.text()


def test_a_damaged_backup_cannot_be_chosen(qtbot, with_backups):
    damage(list_backups(with_backups.path)[0].path, "settings")
    summaries = [summarise_for_dialog(b) for b in list_backups(with_backups.path)]
    dialog = RestoreDialog(with_backups, summaries, None)
    qtbot.addWidget(dialog)
    assert dialog_rows(dialog)[0][4] == "damaged: cannot be restored"
    assert not dialog.restore_button.isEnabled()
    assert "damaged" in dialog.preview.text()
    dialog.table.selectRow(1)
    assert dialog.restore_button.isEnabled()


def choose_row_and_restore(row: int):
    def answer(dialog):
        assert isinstance(dialog, RestoreDialog)
        dialog.table.selectRow(row)
        dialog.restore_button.click()

    return answer


def test_restoring_a_backup_brings_back_what_it_held(qtbot, with_backups):
    assert challenges(with_backups) == 0
    older = list_backups(with_backups.path)[1]
    expected = summarise_for_dialog(older).challenges

    DialogAnswerer(choose_row_and_restore(1))
    done = DialogAnswerer(lambda box: box.button(QMessageBox.StandardButton.Ok).click())
    restored = restore_from_backup_interactively(None, with_backups)

    assert restored == older.path
    assert challenges(with_backups) == expected  # the same open store sees it
    # The state just before (no challenges) was kept first, as the newest backup.
    newest = list_backups(with_backups.path)[0]
    assert summarise_for_dialog(newest).challenges == 0
    assert "Restored the backup of 20 Nov 2026" in done.text and newest.path.name in done.text


def test_cancelling_changes_nothing(qtbot, with_backups):
    before = [b.path for b in list_backups(with_backups.path)]
    DialogAnswerer(lambda dialog: dialog.reject())
    assert restore_from_backup_interactively(None, with_backups) is None
    assert challenges(with_backups) == 0
    assert [b.path for b in list_backups(with_backups.path)] == before


def test_with_no_backups_the_officer_is_told_where_they_will_be(qtbot, demo_store):
    told = DialogAnswerer(lambda box: box.accept())
    assert restore_from_backup_interactively(None, demo_store) is None
    assert "no backups" in told.text and str(demo_store.path.parent / "backups") in told.text


def test_a_read_only_copy_cannot_restore(qtbot, with_backups):
    viewer = Store.open(with_backups.path, readonly=True)
    try:
        told = DialogAnswerer(lambda box: box.accept())
        assert restore_from_backup_interactively(None, viewer) is None
        assert "read-only" in told.text
    finally:
        viewer.close()
    assert challenges(with_backups) == 0


def test_open_data_folder_shows_the_databases_folder(qtbot, demo_store, opened_urls):
    open_data_folder(None, demo_store)
    assert [url.toLocalFile() for url in opened_urls] == [str(demo_store.path.parent)]
    assert QApplication.activeModalWidget() is None  # opened, so nothing to explain


def test_file_menu_restores_and_the_window_shows_the_restored_records(
    qtbot, with_backups, open_window
):
    from tests.ui.test_main_window_menus import menu_items, trigger

    window = open_window(with_backups)
    assert "&Restore from backup…" in menu_items(window)["&File"]
    assert "Open &data folder" in menu_items(window)["&Help"]
    assert not any(row.has_challenge for row in window.measures.rows())

    DialogAnswerer(choose_row_and_restore(1))
    DialogAnswerer(lambda box: box.button(QMessageBox.StandardButton.Ok).click())
    trigger(window, "&File", "&Restore from backup…")

    written = [row.code for row in window.measures.rows() if row.has_challenge]
    shown_meeting = with_backups.meetings.challenges(window.meeting.id)
    assert sorted(written) == sorted(shown_meeting) and len(written) == 7
