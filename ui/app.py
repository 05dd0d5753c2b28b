"""Starting the GUI: the QApplication, the store, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from challenge_app import __version__
from challenge_app.errors import InputError
from challenge_app.store import Store

ORGANISATION = "Challenge"
APPLICATION = "Challenge"


class _QuitOnFirstPaint(QObject):
    """For ``--exit-when-ready``: quit once the window has really been painted."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    return app


def run(db_path: Path, *, exit_when_ready: bool = False, demo: bool = False) -> int:
    """Open the main window on ``db_path``; return the process exit status."""
    from ui.main_window import MainWindow

    app = make_application()
    try:
        store = Store.open(db_path)
    except InputError as exc:
        if exit_when_ready:
            raise
        QMessageBox.critical(None, "Challenge", str(exc))
        return 2
    window = MainWindow(store, demo=demo)
    if exit_when_ready:
        quitter = _QuitOnFirstPaint(window)
        window.installEventFilter(quitter)
    window.show()
    code = app.exec()
    store.close()
    return code
