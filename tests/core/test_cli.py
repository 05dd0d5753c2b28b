import os
import subprocess
import sys
from pathlib import Path

import pytest

from challenge_app import __version__
from challenge_app.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [["--no-such-option"], ["export", "--db", "x.db"], ["frobnicate"]],
)
def test_bad_arguments_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "challenge-app" in capsys.readouterr().err


def test_demo_and_db_together_is_bad_input(tmp_path, capsys):
    assert main(["--demo", "--db", str(tmp_path / "x.db")]) == 2
    assert "--demo" in capsys.readouterr().err


def run_app(*args, timeout=120):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "challenge_app", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.slow
def test_demo_window_opens_and_exits_when_ready():
    result = run_app("--demo", "--exit-when-ready")
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_window_on_a_new_database_creates_it(tmp_path):
    db = tmp_path / "new" / "challenge.db"
    result = run_app("--db", str(db), "--exit-when-ready")
    assert result.returncode == 0, result.stderr
    assert db.exists()


@pytest.mark.slow
def test_newer_database_is_refused_with_exit_2(tmp_path):
    from sqlite_utils import Database

    from challenge_app.store import Store

    db = tmp_path / "future.db"
    Store.open(db).close()
    Database(db)["_sqlite_migrations"].insert(
        {"migration_set": "challenge", "name": "0099_future", "applied_at": "2030"}
    )
    result = run_app("--db", str(db), "--exit-when-ready")
    assert result.returncode == 2
    assert "newer version" in result.stderr
