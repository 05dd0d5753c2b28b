"""Fixtures for driving the main window: its own settings file, and a way to
answer the modal dialogs it opens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from challenge_app.store import Store
from tests.ui.export_support import (  # noqa: F401 (fixtures for the export flows' tests)
    locked_once,
    opened_urls,
    parent,
    save_as,
)


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    """A QSettings file of the test's own, so window state never leaks between tests."""
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_window(qtbot, ui_settings):
    """Open the real main window (with the real challenge form) on a store."""
    from ui.window.main_window import MainWindow

    opened: list[MainWindow] = []

    def _open(store: Store, *, settings: QSettings | None = None, demo: bool = False):
        # Free dialogs an earlier test left for deleteLater, so none of them is active.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        window = MainWindow(store, demo=demo, settings=settings or ui_settings)
        qtbot.addWidget(window)
        # Window-wide shortcuts (Ctrl+F, Ctrl+PgDn, F1) only fire in the active window.
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        opened.append(window)
        return window

    yield _open
    for window in opened:
        window.close()


def _active_modal() -> QWidget | None:
    widget = QApplication.activeModalWidget()
    return widget if isinstance(widget, (QDialog, QMessageBox)) else None


@pytest.fixture
def when_modal(qtbot):
    """Run ``handler(dialog)`` on the next modal dialog, then trigger what opens it.

    ``when_modal(handler, opener)`` calls ``opener()`` (which blocks in
    ``exec()``) and has ``handler`` drive the dialog from the event loop,
    exactly as the officer would. Fails if no dialog appeared.
    """

    def _run(handler: Callable[[QWidget], None], opener: Callable[[], object]) -> QWidget:
        seen: list[QWidget] = []

        def poll() -> None:
            dialog = _active_modal()
            if dialog is None:
                QTimer.singleShot(20, poll)
                return
            seen.append(dialog)
            try:
                handler(dialog)
            finally:
                if dialog.isVisible():
                    dialog.reject()

        QTimer.singleShot(0, poll)
        opener()
        assert seen, "no dialog appeared"
        return seen[0]

    return _run
