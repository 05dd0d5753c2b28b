"""Remembering how the officer left the window: size, splitters, columns.

Stored with ``QSettings`` (per machine, not in the database: it is about this
screen, not the contract). The settings object is passed in so tests use
their own file and never the officer's.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QWidget

#: Bump when the measure table's columns change, so old column layouts are ignored.
LAYOUT_VERSION = 2  # 2: the title column stretches; three columns hidden by default


CHART_FOLDED = "form/chart_folded"
#: Room left on the screen for the window's title bar and borders.
_FRAME_ALLOWANCE = QSize(16, 48)


def fit_to_screen(window: QWidget, wanted: QSize) -> None:
    """Open at ``wanted`` size, or smaller on a small screen (1366x768 laptops):
    a window taller than the screen hides its status bar and the save note."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(wanted)
        return
    room = screen.availableGeometry().size() - _FRAME_ALLOWANCE
    window.resize(wanted.boundedTo(room))


def default_settings() -> QSettings:
    """The application's own settings (organisation and name set in ``ui.app``)."""
    return QSettings()


class WindowState:
    def __init__(self, settings: QSettings):
        self.settings = settings

    def chart_folded(self) -> bool:
        """Whether the officer folded the form's trend chart away."""
        return str(self.settings.value(CHART_FOLDED, "false")).lower() == "true"

    def set_chart_folded(self, folded: bool) -> None:
        self.settings.setValue(CHART_FOLDED, "true" if folded else "false")
        self.settings.sync()

    def save(
        self, window: QMainWindow, splitters: dict[str, QSplitter], headers: dict[str, QHeaderView]
    ) -> None:
        s = self.settings
        s.setValue("layout_version", LAYOUT_VERSION)
        s.setValue("window/geometry", window.saveGeometry())
        for name, splitter in splitters.items():
            s.setValue(f"splitters/{name}", splitter.saveState())
        for name, header in headers.items():
            s.setValue(f"headers/{name}", header.saveState())
        s.sync()

    def restore(
        self, window: QMainWindow, splitters: dict[str, QSplitter], headers: dict[str, QHeaderView]
    ) -> bool:
        """Put things back as saved; False (and nothing changed) if nothing usable was saved."""
        s = self.settings
        if _int(s.value("layout_version")) != LAYOUT_VERSION:
            return False
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
        for name, splitter in splitters.items():
            state = s.value(f"splitters/{name}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        for name, header in headers.items():
            state = s.value(f"headers/{name}")
            if isinstance(state, QByteArray):
                header.restoreState(state)
        return True


def _int(value: object) -> int | None:
    try:
        return int(value)  # QSettings gives strings back from INI files
    except (TypeError, ValueError):
        return None
