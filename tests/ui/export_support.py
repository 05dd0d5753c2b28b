"""Driving the export flows as the officer would: the (native) save dialog answered
in turn, message boxes handled as they appear, and the desktop's "open this file"
caught. The fixtures are registered for every UI test in ``conftest.py``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget


class UrlCatcher(QObject):
    """Stands in for the desktop's "open this file" through Qt's own URL-handler hook."""

    def __init__(self):
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def opened_urls():
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    yield catcher.opened
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def save_as(monkeypatch):
    """Answer the (native) save dialog with the given names in turn; record what it proposed."""
    proposed: list[str] = []
    answers: list[str] = []

    def fake(parent, caption, start, filters):
        proposed.append(start)
        return (answers.pop(0) if answers else "", filters)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))

    def _answer(*names: Path | str) -> list[str]:
        answers.extend(str(n) for n in names)
        return proposed

    return _answer


@pytest.fixture
def locked_once(monkeypatch):
    """The destination is open in Excel or Word the first time, closed after."""
    real_replace = os.replace
    calls = []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 1:
            raise PermissionError(13, "Permission denied", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def drive_messages(qtbot, handlers):
    """Hand each message box that appears, in turn, to the next handler."""
    seen: list[dict] = []
    ticks = [0]  # this call's polls, counted so an unanswered test gives up (not the session's)

    def poll():
        ticks[0] += 1
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox) and handlers and modal.property("handled") is None:
            modal.setProperty("handled", True)
            seen.append({"text": modal.text(), "info": modal.informativeText()})
            handlers.pop(0)(modal)
        if handlers and ticks[0] < 2000:
            QTimer.singleShot(5, poll)

    QTimer.singleShot(0, poll)
    return seen


def click(qtbot, box: QMessageBox, label: str | QMessageBox.StandardButton) -> None:
    if isinstance(label, str):
        button = next(b for b in box.buttons() if b.text() == label)
    else:
        button = box.button(label)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
