"""Every export (the appendices workbook, the Word report) is written whole or not at all:
a file open in another program or a folder the officer may not write in gives a message
naming the file, and what was there before is left exactly as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from challenge_app.errors import InputError
from challenge_app.export import export_appendices
from challenge_app.word import export_report

#: (export function, file name, the program the message suggests has it open)
EXPORTS = [
    pytest.param(export_appendices, "appendices.xlsx", "Excel", id="workbook"),
    pytest.param(export_report, "report.docx", "Word", id="report"),
]


def leftovers(folder: Path) -> list[str]:
    """Temporary files an export left behind (there should be none)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize(("export", "name", "program"), EXPORTS)
def test_locked_target_gives_a_clear_message_and_keeps_the_old_file(
    demo_store, tmp_path, monkeypatch, export, name, program
):
    meeting = demo_store.meetings.latest_for_period("2016/17 Q1")
    out = tmp_path / name
    out.write_bytes(b"last quarter's export")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(InputError) as exc:
        export(demo_store, meeting, out)
    message = str(exc.value)
    assert name in message and "cannot write the" in message
    assert f"open in another program (perhaps {program})" in message
    assert out.read_bytes() == b"last quarter's export"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(("export", "name", "program"), EXPORTS)
def test_unwritable_folder_gives_a_clear_message(
    demo_store, tmp_path, monkeypatch, export, name, program
):
    meeting = demo_store.meetings.latest_for_period("2016/17 Q1")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(InputError, match="permission to write in that folder"):
        export(demo_store, meeting, tmp_path / name)
    assert list(tmp_path.glob(f"*{Path(name).suffix}")) == []
