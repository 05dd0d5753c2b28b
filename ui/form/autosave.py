"""Saving as the officer types, with no save button.

The promise is: anything typed more than a second ago is on disk, even if
the program is killed. A classic debounce (save when typing pauses) breaks
that promise for someone who types without pausing, so instead the first
edit after a save starts a timer that is *not* restarted by further edits:
at most ``interval`` later everything typed so far is written, in one small
transaction. The timer lives on the UI thread because each write is one row;
there is nothing to gain from a worker thread and a lot to lose (two
connections racing on the same record).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

log = logging.getLogger(__name__)

#: Milliseconds from the first unsaved edit to its save: well inside one second.
SAVE_INTERVAL_MS = 400

#: Errors a save can meet that are worth retrying (a colleague's program or a
#: backup tool holding the file, a full disk that gets emptied).
RETRYABLE = (sqlite3.OperationalError,)


class Autosaver(QObject):
    """Calls ``save`` at most ``interval_ms`` after the first unsaved edit.

    ``save`` writes the current state and returns nothing; if it raises one
    of ``RETRYABLE`` the edit stays pending, ``failed`` says why, and the
    next tick tries again, so nothing typed is dropped.
    """

    saved = Signal()
    failed = Signal(str)
    pending = Signal()

    def __init__(
        self,
        save: Callable[[], None],
        interval_ms: int = SAVE_INTERVAL_MS,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._save = save
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def mark_dirty(self) -> None:
        """Note an edit; the timer is started once and never pushed back."""
        if not self._dirty:
            self._dirty = True
            self.pending.emit()
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> bool:
        """Save now if anything is pending; True when nothing is left unsaved."""
        self._timer.stop()
        if not self._dirty:
            return True
        # Clear first: whatever reacts to the save may ask for another flush.
        self._dirty = False
        try:
            self._save()
        except RETRYABLE as exc:
            log.warning("autosave failed, will retry: %s", exc)
            self._dirty = True
            self.failed.emit(str(exc))
            self._timer.start()
            return False
        self.saved.emit()
        return True

    def discard(self) -> None:
        """Forget pending edits (used when the form is cleared after a failed save)."""
        self._timer.stop()
        self._dirty = False


class SaveIndicator(QLabel):
    """A small line under the form: "Saved 10:42:07", "Saving…", or why not.

    Written in the palette's ordinary text colour, not greyed out: a greyed
    label fell below a 4.5:1 contrast and the officer could not read whether
    their work was saved. A failure is in bold. The right margin keeps the
    last digit clear of the window's edge.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName("Save status")
        self.setContentsMargins(6, 2, 12, 2)
        self.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("Saved 88:88:88") + 18 + 2 * self.margin()
        )

    def connect_to(self, saver: Autosaver) -> None:
        saver.pending.connect(self.show_pending)
        saver.saved.connect(self.show_saved)
        saver.failed.connect(self.show_failed)

    def _say(self, text: str, *, urgent: bool = False) -> None:
        font = self.font()
        if font.bold() != urgent:
            font.setBold(urgent)
            self.setFont(font)
        self.setText(text)

    def show_pending(self) -> None:
        self._say("Saving…")

    def show_saved(self) -> None:
        self._say(f"Saved {datetime.now():%H:%M:%S}")

    def show_failed(self, reason: str) -> None:
        self._say(f"Not saved yet ({reason}); retrying", urgent=True)

    def show_readonly(self) -> None:
        self._say("Opened read-only: changes cannot be saved", urgent=True)

    def show_idle(self) -> None:
        self._say("")
