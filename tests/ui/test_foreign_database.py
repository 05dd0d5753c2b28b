"""The GUI's open path refuses another program's SQLite file and leaves it exactly as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from challenge_app.errors import InputError
from challenge_app.store.backup import backups_folder
from tests.core.test_hostile_input import make_foreign_sqlite
from ui import app as startup


@pytest.fixture
def foreign(tmp_path):
    return make_foreign_sqlite(tmp_path / "address-book.sqlite", "contacts")


def _untouched(path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()
    assert not backups_folder(path).exists()


def test_opening_another_programs_sqlite_file_is_refused_untouched(qtbot, foreign):
    before = foreign.read_bytes()
    with pytest.raises(InputError, match="is not a Challenge database"):
        startup.open_session(foreign, interactive=False)
    _untouched(foreign, before)


def test_the_officer_is_told_in_plain_words(qtbot, foreign, when_modal):
    before = foreign.read_bytes()
    shown: dict = {}

    def read_and_close(box):
        assert isinstance(box, QMessageBox)
        shown["text"] = box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    result = []
    when_modal(read_and_close, lambda: result.append(startup.run(foreign)))
    assert result == [2]
    assert "address-book.sqlite is not a Challenge database" in shown["text"]
    assert "holds contacts" in shown["text"] and "has not been changed" in shown["text"]
    _untouched(foreign, before)
