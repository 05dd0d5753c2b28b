"""Start-up, driven through the real dialogs: a second copy, a damaged file, a failed backup."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from challenge_app.logs import setup_logging
from challenge_app.store import Store
from challenge_app.store.backup import list_backups, make_backup
from challenge_app.store.lock import DatabaseLock
from tests.core.test_integrity import damage
from tests.core.test_lock import hold_lock_in_another_process, release
from ui import app as startup
from ui.dialogs.error_dialog import ErrorReporter, build_error_box, install_excepthook
from ui.dialogs.startup_dialogs import button

REPO = Path(__file__).resolve().parents[2]


class DialogAnswerer:
    """Answers the next modal dialog as an officer would, and remembers what it said."""

    pending: ClassVar[list[DialogAnswerer]] = []

    def __init__(self, answer: Callable[[QWidget], None]):
        self.answer = answer
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._look)
        self.timer.start()
        DialogAnswerer.pending.append(self)

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        self.timer.stop()
        DialogAnswerer.pending.remove(self)
        labels = [label for label in dialog.findChildren(QLabel) if label.text()]
        self.seen.append("\n".join(label.text() for label in labels))
        formats = {label.textFormat().name for label in labels}
        self.seen.append(f"formats={sorted(formats)}")
        self.answer(dialog)

    @property
    def text(self) -> str:
        return "\n".join(self.seen)


@pytest.fixture(autouse=True)
def _every_expected_dialog_appeared():
    yield
    unanswered = list(DialogAnswerer.pending)
    for answerer in unanswered:
        answerer.timer.stop()
    DialogAnswerer.pending.clear()
    assert not unanswered, "a dialog the officer should have seen never appeared"


def click(name: str) -> Callable[[QWidget], None]:
    return lambda dialog: button(dialog, name).click()


@pytest.fixture
def saved_db(tmp_path: Path) -> Path:
    db = tmp_path / "challenge.db"
    store = Store.open(db)
    store.settings.set("council_name", "DMBC")
    store.close()
    return db


def test_first_start_locks_checks_and_backs_up(qtbot, saved_db):
    session = startup.open_session(saved_db)
    try:
        assert not session.store.readonly
        assert session.lock.held
        assert session.backup == list_backups(saved_db)[0].path
    finally:
        session.close()
    assert not session.lock.held


def test_starting_again_the_same_day_takes_no_second_backup(qtbot, saved_db):
    for _ in range(3):
        session = startup.open_session(saved_db)
        session.close()
    assert len(list_backups(saved_db)) == 1
    assert session.backup is None  # the later starts found today's copy


def test_a_second_copy_is_told_and_can_open_read_only(qtbot, saved_db):
    child = hold_lock_in_another_process(saved_db)
    try:
        answerer = DialogAnswerer(click("Open read-only"))
        session = startup.open_session(saved_db)
        try:
            assert session.store.readonly
            assert session.lock is None
            assert session.store.settings.parties().council == "DMBC"
        finally:
            session.close()
    finally:
        release(child)
    assert "already open" in answerer.text
    assert f"process {child.pid}" in answerer.text
    assert str(saved_db) in answerer.text
    assert "formats=['PlainText']" in answerer.text  # file names never read as rich text
    assert list_backups(saved_db) == []  # the read-only viewer takes no backup


def test_a_second_copy_can_quit_instead(qtbot, saved_db):
    before = saved_db.read_bytes()
    child = hold_lock_in_another_process(saved_db)
    try:
        DialogAnswerer(click("Quit"))
        assert startup.open_session(saved_db) is None
    finally:
        release(child)
    assert saved_db.read_bytes() == before


def test_a_damaged_database_is_offered_its_latest_good_backup(qtbot, saved_db):
    store = Store.open(saved_db)
    make_backup(store.db.conn, saved_db, now=datetime(2026, 11, 25, 17, 30))
    store.close()
    damage(saved_db, "settings")
    damaged_bytes = saved_db.read_bytes()

    answerer = DialogAnswerer(click("Restore this backup"))
    session = startup.open_session(saved_db)
    try:
        assert session.store.settings.parties().council == "DMBC"
        assert not session.store.readonly
    finally:
        session.close()
    assert "damaged" in answerer.text and "25 November 2026 at 17:30" in answerer.text
    kept = list(saved_db.parent.glob("challenge.damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes


def test_a_damaged_database_with_no_backup_is_left_alone(qtbot, saved_db):
    damage(saved_db, "settings")
    before = saved_db.read_bytes()
    answerer = DialogAnswerer(click("Quit"))
    assert startup.open_session(saved_db) is None
    assert "no backup" in answerer.text
    assert saved_db.read_bytes() == before
    assert not DatabaseLock(saved_db).path.exists()  # the lock was let go


def test_a_failed_backup_warns_but_the_officer_carries_on(qtbot, saved_db):
    (saved_db.parent / "backups").write_text("a file where the folder should be")
    answerer = DialogAnswerer(click("OK"))
    session = startup.open_session(saved_db)
    try:
        assert session.backup is None
        assert not session.store.readonly
    finally:
        session.close()
    assert "backup of your database could not be made" in answerer.text
    assert "carry on working" in answerer.text


def test_the_demo_takes_no_backup(qtbot, tmp_path):
    from challenge_app.demo import build_demo_database

    demo = build_demo_database(tmp_path / "demo.db")
    session = startup.open_session(demo, demo=True)
    session.close()
    assert list_backups(demo) == []


def run_program(*args: str) -> subprocess.CompletedProcess:
    """The real program in its own process (an in-process run would end the test's
    Qt event loop for good: QApplication.exec() can only be left once)."""
    return subprocess.run(
        [sys.executable, "-m", "challenge_app", *args],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_the_self_check_run_backs_up_and_releases(saved_db):
    result = run_program("--db", str(saved_db), "--exit-when-ready")
    assert result.returncode == 0, result.stderr
    assert len(list_backups(saved_db)) == 1
    assert not DatabaseLock(saved_db).path.exists()


@pytest.mark.slow
def test_the_self_check_refuses_a_database_another_copy_has_open(saved_db):
    with DatabaseLock(saved_db):
        result = run_program("--db", str(saved_db), "--exit-when-ready")
    assert result.returncode == 2
    assert "already open" in result.stderr and f"process {os.getpid()}" in result.stderr
    assert "Traceback" not in result.stderr
    assert list_backups(saved_db) == []


def test_an_unexpected_error_shows_what_to_do_and_where_the_log_is(qtbot, tmp_path):
    log_file = setup_logging(tmp_path / "logs")
    try:
        raise RuntimeError("something nobody planned for")
    except RuntimeError as exc:
        box = build_error_box(None, exc, exc.__traceback__, log_file)
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "did not expect" in box.text()
    assert str(log_file) in box.text()
    assert "something nobody planned for" in box.detailedText()


def test_a_full_disk_gets_a_plain_sentence_not_a_bug_report(qtbot):
    exc = OSError(errno.ENOSPC, "No space left on device", "/media/usb/appendices.xlsx")
    box = build_error_box(None, exc, None, Path("/logs/challenge.log"))
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text().startswith("/media/usb/appendices.xlsx could not be written: the disk")
    assert "log" not in box.text()


def test_the_excepthook_logs_and_shows_the_dialog(qtbot, tmp_path):
    log_file = setup_logging(tmp_path / "logs")
    previous = sys.excepthook
    reporter = install_excepthook(log_file)
    try:
        assert isinstance(sys.excepthook, ErrorReporter)
        answerer = DialogAnswerer(click("OK"))
        try:
            raise ValueError("raised in a slot")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert reporter.showing is None
    assert "did not expect" in answerer.text and str(log_file) in answerer.text
    logged = log_file.read_text(encoding="utf-8")
    assert "ValueError: raised in a slot" in logged


READ_ONLY_VIEWER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.app import make_application, open_session
from ui.dialogs.startup_dialogs import button

app = make_application()
seen = []

def answer():
    box = QApplication.activeModalWidget()
    if box is None:
        QTimer.singleShot(10, answer)
        return
    seen.append(box.text())
    button(box, "Open read-only").click()

QTimer.singleShot(0, answer)
session = open_session(sys.argv[1])
print(seen[0])
print("readonly", session.store.readonly, len(session.store.measures.all()))
session.close()
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="read-only mounts and modes as on Linux")
def test_a_database_in_a_read_only_folder_can_still_be_viewed(tmp_path):
    from challenge_app.demo import build_demo_database
    from tests.core.test_logs import read_only_folder_command

    folder = tmp_path / "share"
    folder.mkdir()
    db = build_demo_database(folder / "challenge.db")
    before = db.read_bytes()
    command = read_only_folder_command(folder, [sys.executable, "-c", READ_ONLY_VIEWER, str(db)])
    result = subprocess.run(
        command,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    os.chmod(folder, 0o755)
    assert result.returncode == 0, result.stderr
    assert "cannot be changed from here" in result.stdout
    assert "readonly True 22" in result.stdout
    assert db.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["challenge.db"]


def test_the_error_dialog_opens_the_log_folder_and_stays_up(qtbot, tmp_path, opened_urls):
    log_file = setup_logging(tmp_path / "logs")
    try:
        raise RuntimeError("something nobody planned for")
    except RuntimeError as exc:
        box = build_error_box(None, exc, exc.__traceback__, log_file)
    qtbot.addWidget(box)
    box.show()
    qtbot.mouseClick(button(box, "Open log folder"), Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened_urls] == [str(log_file.parent)]
    assert box.isVisible()  # the officer can still read what to do


def test_opening_the_window_loads_no_document_writer(tmp_path):
    """openpyxl and python-docx cost ~200 ms to import: they load when an export or
    import is asked for, never on the way to the first paint."""
    code = (
        "import sys\n"
        "from ui.main import main\n"
        "code = main(['--demo', '--exit-when-ready'])\n"
        "print(code, sorted({n.split('.')[0] for n in sys.modules} & {'openpyxl', 'docx'}))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.stdout.splitlines()[-1] == "0 []", out.stderr
