"""Keyboard shortcuts with an explicit reach.

A shortcut bound to one widget (Escape in the filter box, Delete in the
actions table) must not fire while the officer is typing elsewhere, so the
context is set with ``setContext`` rather than passed as a constructor
keyword, which PySide does not apply reliably.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def bind(
    keys: QKeySequence | QKeySequence.StandardKey | str | Qt.Key,
    widget: QWidget,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut,
) -> QShortcut:
    """``keys`` run ``slot`` when ``widget`` (by default only it) has the focus."""
    shortcut = QShortcut(QKeySequence(keys), widget)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    return shortcut
