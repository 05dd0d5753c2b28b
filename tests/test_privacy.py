"""Privacy: the program makes no network connection, and keeps its files owner-only.

A whole GUI session runs in its own process with an audit hook that records
every socket call Python makes; where strace works, a second run watches the
system calls too, which also catches anything Qt's C++ might do. The session
goes through the main actions: every menu command (any dialog it opens is
dismissed, as an officer cancelling would), selecting measures, typing into
the form, the backup and restore flows, and the command line's exports.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

SESSION = r'''
import json, sys

NETWORK_EVENTS = {
    "socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo",
    "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo", "socket.sendto",
    "socket.sendmsg", "urllib.Request", "http.client.connect", "ftplib.connect",
    "smtplib.connect", "webbrowser.open",
}
events = []

def audit(event, args):
    if event in NETWORK_EVENTS:
        events.append([event, repr(args)[:300]])

sys.addaudithook(audit)

from pathlib import Path
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QLineEdit, QPlainTextEdit,
                               QTextEdit)

from challenge_app import cli
from challenge_app.demo import build_demo_database
from ui.app import make_application, open_session
from ui.flows.backup_flow import open_data_folder, restore_from_backup_interactively

out, work = Path(sys.argv[1]), Path(sys.argv[2])
db = build_demo_database(work / "challenge.db")
app = make_application()
done = {"actions": 0, "rows": 0, "typed": 0, "urls": []}


class UrlRecorder(QObject):
    """Anything the program asks the desktop to open is recorded, not opened."""

    @Slot(QUrl)
    def open(self, url):
        done["urls"].append(url.toString())


recorder = UrlRecorder()
for scheme in ("file", "http", "https", "mailto", "ftp"):
    QDesktopServices.setUrlHandler(scheme, recorder, "open")

session = open_session(db)
from ui.window.main_window import MainWindow

window = MainWindow(session.store)
window.show()


def dismiss_dialogs():
    modal = QApplication.activeModalWidget()
    if modal is not None:
        if hasattr(modal, "reject"):
            modal.reject()
        else:
            modal.close()


dismisser = QTimer()
dismisser.timeout.connect(dismiss_dialogs)
dismisser.start(50)

SKIP = ("quit", "exit", "close window")


def menu_actions(menu):
    for action in menu.actions():
        if action.menu() is not None:
            yield from menu_actions(action.menu())
        elif not action.isSeparator():
            yield action


def steps():
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisible():
            continue
        for row in range(min(model.rowCount(), 6)):
            view.setCurrentIndex(model.index(row, 0))
            done["rows"] += 1
            yield
    kinds = (QPlainTextEdit, QTextEdit, QLineEdit)
    editors = [e for kind in kinds for e in window.findChildren(kind)]
    for editor in editors:
        if editor.isVisible() and editor.isEnabled() and not editor.isReadOnly():
            editor.setFocus()
            QTest.keyClicks(editor, "Privacy test text ")
            done["typed"] += 1
            yield
    for action in list(menu_actions(window.menuBar())):
        name = action.text().replace("&", "").lower()
        if any(word in name for word in SKIP) or not action.isEnabled():
            continue
        action.trigger()
        done["actions"] += 1
        yield
    restore_from_backup_interactively(window, session.store)
    yield
    open_data_folder(window, session.store)
    yield
    cli.main(["export", "--db", str(db), "--period", "2016/17 Q1",
              "--out", str(work / "appendices.xlsx")])
    cli.main(["pack-export", "--db", str(db), "--out", str(work / "pack.json")])
    yield


plan = steps()


def next_step():
    try:
        next(plan)
    except StopIteration:
        window.close()
        app.quit()
        return
    except BaseException:
        import traceback
        traceback.print_exc()
        app.exit(3)
        return
    QTimer.singleShot(60, next_step)


QTimer.singleShot(200, next_step)
QTimer.singleShot(180_000, lambda: app.exit(4))  # a stuck session fails, never hangs
code = app.exec()
session.close()
out.write_text(json.dumps({"events": events, **done}))
sys.exit(code)
'''


def run_session(tmp_path: Path, prefix: list[str] | None = None) -> dict:
    script = tmp_path / "session.py"
    script.write_text(SESSION, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    result_file = tmp_path / "result.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(REPO),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    command = [*(prefix or []), sys.executable, str(script), str(result_file), str(work)]
    completed = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert completed.returncode == 0, completed.stderr[-4000:]
    result = json.loads(result_file.read_text())
    result["work"] = work
    result["state"] = tmp_path / "state"
    return result


@pytest.mark.slow
def test_a_full_gui_session_opens_no_socket(tmp_path):
    result = run_session(tmp_path)
    # The session really went through the program...
    assert result["rows"] > 0
    assert result["actions"] > 0
    # ...and Python was never asked for a socket, a name lookup or a URL.
    assert result["events"] == []
    assert not [url for url in result["urls"] if not url.startswith("file:")]
    # What it wrote is owner-only: the database, its backups and the log.
    work = result["work"]
    written = [work / "challenge.db", *sorted((work / "backups").iterdir())]
    written += sorted((result["state"] / "Challenge" / "log").iterdir())
    assert len(written) >= 3
    assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o600}
    assert stat.S_IMODE((work / "backups").stat().st_mode) == 0o700


def strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-f", "-o", os.devnull, "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not strace_works(), reason="strace is not available or not permitted here")
def test_no_internet_socket_at_the_system_call_level(tmp_path):
    trace = tmp_path / "trace.txt"
    run_session(tmp_path, ["strace", "-f", "-e", "trace=socket,connect", "-o", str(trace)])
    calls = trace.read_text(errors="replace").splitlines()
    internet = [line for line in calls if "AF_INET" in line]  # AF_INET and AF_INET6
    assert internet == []
    assert any("+++ exited with 0 +++" in line for line in calls)  # it did watch the session
