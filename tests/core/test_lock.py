"""One writer at a time: the lock between real processes, and recovery after a crash."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from challenge_app.cli import main
from challenge_app.store import Store
from challenge_app.store.lock import (
    DatabaseLock,
    DatabaseLockedError,
    LockHolder,
    database_lock,
    lock_path,
    read_holder,
)

REPO = Path(__file__).resolve().parents[2]

HOLD = textwrap.dedent(
    """
    import os, sys
    from challenge_app.store.lock import DatabaseLock
    lock = DatabaseLock(sys.argv[1]).acquire()
    print("locked", flush=True)
    if sys.argv[2] == "crash":
        os._exit(3)  # no release, no clean-up: as if the laptop lost power
    sys.stdin.readline()
    lock.release()
    """
)


def hold_lock_in_another_process(db: Path) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), "hold"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "locked"
    return child


def release(child: subprocess.Popen) -> None:
    child.communicate("\n", timeout=30)


def test_a_second_process_is_refused_and_told_who_holds_it(db_path):
    child = hold_lock_in_another_process(db_path)
    try:
        with pytest.raises(DatabaseLockedError) as caught:
            DatabaseLock(db_path).acquire()
        holder = caught.value.holder
        assert holder.pid == child.pid
        assert holder.host == socket.gethostname()
        assert holder.started  # a start time the officer can be told
        message = str(caught.value)
        assert f"process {child.pid}" in message and "already open" in message
    finally:
        release(child)
    # Once the other copy has closed, this one gets the lock.
    with DatabaseLock(db_path) as lock:
        assert lock.held and lock.stale is None
        assert read_holder(db_path).pid == os.getpid()


def test_a_crashed_holder_leaves_a_stale_lock_that_is_recovered(db_path):
    crashed = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db_path), "crash"], cwd=REPO, stdout=subprocess.PIPE
    )
    crashed.communicate(timeout=60)
    assert crashed.returncode == 3
    assert lock_path(db_path).exists()  # left behind, still naming the dead process
    assert read_holder(db_path).pid == crashed.pid
    lock = DatabaseLock(db_path).acquire()
    try:
        assert lock.stale is not None
        assert lock.stale.pid == crashed.pid
        assert lock.stale.host == socket.gethostname()
        assert read_holder(db_path).pid == os.getpid()
    finally:
        lock.release()


def test_release_removes_the_lock_file_and_it_is_owner_only(db_path):
    lock = DatabaseLock(db_path).acquire()
    mode = stat.S_IMODE(lock_path(db_path).stat().st_mode)
    lock.release()
    assert mode == 0o600
    assert not lock_path(db_path).exists()
    lock.release()  # a second release is harmless


def test_the_same_process_cannot_take_it_twice_through_two_locks(db_path):
    """flock is per open file, so two DatabaseLocks in one process also exclude."""
    with DatabaseLock(db_path), pytest.raises(DatabaseLockedError):
        DatabaseLock(db_path).acquire()


def test_lock_for_a_database_in_a_new_folder(tmp_path):
    db = tmp_path / "new" / "folder" / "challenge.db"
    with database_lock(db) as lock:
        assert lock.path == db.with_name("challenge.db.lock")
        assert lock.path.exists()


def test_holder_wording():
    holder = LockHolder(1234, "LAPTOP-42", "jsmith", "2026-11-26T09:51:07")
    assert holder.describe() == "by jsmith on LAPTOP-42 (process 1234), since 26 Nov 2026 at 09:51"
    assert LockHolder.parse(holder.to_json()) == holder
    assert LockHolder.parse("not json") is None
    assert LockHolder.parse("") is None


@pytest.mark.slow
def test_writing_commands_refuse_with_exit_2_while_the_program_holds_the_lock(
    db_path, tmp_path, capsys
):
    Store.open(db_path).close()
    before = db_path.read_bytes()
    pack = tmp_path / "pack.json"
    pack.write_text("{}", encoding="utf-8")
    dataset = tmp_path / "data.csv"
    dataset.write_text("code,title\n", encoding="utf-8")
    child = hold_lock_in_another_process(db_path)
    try:
        for argv in (
            ["import", str(dataset)],
            ["pack-import", str(pack)],
            ["responses-in", str(tmp_path / "responses.xlsx")],
            ["responses-out", "--period", "2016/17 Q1", "--out", str(tmp_path / "r.xlsx")],
        ):
            assert main([*argv, "--db", str(db_path)]) == 2
            err = capsys.readouterr().err
            assert "already open" in err and f"process {child.pid}" in err
            assert "Traceback" not in err
    finally:
        release(child)
    assert db_path.read_bytes() == before
