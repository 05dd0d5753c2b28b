"""The log file, and full-disk / read-only problems told in plain words."""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from challenge_app import cli
from challenge_app.logs import (
    LOG_FILENAME,
    OwnerOnlyRotatingFileHandler,
    current_log_file,
    explain_storage_error,
    setup_logging,
)
from challenge_app.paths import log_dir

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _restore_root_handlers():
    """setup_logging changes the root logger; give the next test the one it had."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_log_goes_to_an_owner_only_file_in_the_users_log_folder():
    path = setup_logging()
    assert path == log_dir() / LOG_FILENAME
    logging.getLogger("challenge_app.test").warning("a line for the log")
    assert "a line for the log" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert current_log_file() == path
    # A second call (the command line and the GUI both make one) adds no second handler.
    assert setup_logging() == path
    ours = [h for h in logging.getLogger().handlers if isinstance(h, OwnerOnlyRotatingFileHandler)]
    assert len(ours) == 1


def test_rotated_log_files_are_owner_only_too(tmp_path):
    handler = OwnerOnlyRotatingFileHandler(tmp_path / "x.log", maxBytes=200, backupCount=2)
    log = logging.getLogger("rotation-test")
    log.addHandler(handler)
    log.propagate = False
    try:
        for n in range(40):
            log.warning("line %d of the rotation test", n)
    finally:
        log.removeHandler(handler)
        handler.close()
    files = sorted(tmp_path.iterdir())
    assert [p.name for p in files] == ["x.log", "x.log.1", "x.log.2"]
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}


def test_no_log_folder_is_not_fatal(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert setup_logging(blocker / "logs") is None


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "read-only drive"),
        (errno.EACCES, "do not have permission"),
    ],
)
def test_os_errors_become_one_plain_sentence(code, words):
    exc = OSError(code, os.strerror(code), "/data/appendices.xlsx")
    text = explain_storage_error(exc)
    assert text.startswith("/data/appendices.xlsx could not be written: ")
    assert words in text and "Traceback" not in text


def test_other_errors_are_not_dressed_up():
    assert explain_storage_error(ValueError("bug")) is None
    assert explain_storage_error(OSError(errno.EINVAL, "Invalid argument")) is None


def test_a_real_full_database_is_explained(store):
    """SQLite's own SQLITE_FULL, produced by capping the file's size."""
    store.db.execute("PRAGMA max_page_count = 20")
    with pytest.raises(sqlite3.OperationalError) as caught, store.transaction():
        for n in range(2000):
            store.settings.set(f"filler-{n}", "x" * 500)
    text = explain_storage_error(caught.value, store.path)
    assert text.startswith(f"{store.path} could not be written: the disk is full")
    assert store.settings.get("filler-0") == ""  # the whole transaction was undone


def test_command_line_reports_a_full_disk_cleanly(monkeypatch, capsys, db_path):
    def full(args):
        raise OSError(errno.ENOSPC, "No space left on device", "/media/usb/pack.json")

    monkeypatch.setattr("challenge_app.commands.pack_export.run", full)
    code = cli.main(["pack-export", "--db", str(db_path), "--out", "/media/usb/pack.json"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == (
        "challenge-app: /media/usb/pack.json could not be written: the disk is full. "
        "Free some space (or choose another drive) and try again. Nothing else was changed."
    )
    assert "the disk is full" in current_log_file().read_text(encoding="utf-8")


def test_command_line_reports_an_unexpected_error_with_the_log_location(monkeypatch, capsys):
    def broken(args):
        raise RuntimeError("a bug")

    monkeypatch.setattr("challenge_app.commands.pack_export.run", broken)
    assert cli.main(["pack-export", "--db", "x.db", "--out", "x.json"]) == 1
    err = capsys.readouterr().err
    assert f"Details are in {current_log_file()}" in err
    assert "Traceback (most recent call last)" in current_log_file().read_text(encoding="utf-8")


READ_ONLY_MOUNT = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec "$@"'


def read_only_folder_command(folder: Path, command: list[str]) -> list[str]:
    """Run ``command`` with ``folder`` read-only.

    Root ignores folder permissions, so as root (CI) the folder is made a
    read-only mount in a private mount namespace; otherwise chmod does it.
    """
    if os.geteuid() != 0:
        os.chmod(folder, 0o555)
        return command
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", READ_ONLY_MOUNT, str(folder), "true"],
        capture_output=True,
    )
    if probe.returncode != 0:
        pytest.skip("cannot make a read-only folder as root on this machine")
    return ["unshare", "-m", "sh", "-c", READ_ONLY_MOUNT, str(folder), *command]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="read-only mounts and modes as on Linux")
def test_a_read_only_folder_is_reported_cleanly_by_the_program(tmp_path):
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    command = read_only_folder_command(
        read_only,
        [
            sys.executable,
            "-m",
            "challenge_app",
            "--db",
            str(read_only / "challenge.db"),
            "--exit-when-ready",
        ],
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    os.chmod(read_only, 0o755)
    assert result.returncode == 2, result.stderr
    assert str(read_only) in result.stderr
    assert "read-only drive" in result.stderr or "do not have permission" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(read_only.iterdir()) == []
