"""Moving a measure up or down within its appendix (Ctrl+Shift+Up / Ctrl+Shift+Down).

The officer sets the order the appendices publish their measures in (the
reference report lists A09 before A06). The rule and the storage are the
core's (``board.move_in_appendix``); this module is the two commands, in the
Edit menu and on the measure list's context menu, and what the officer is
told when a move cannot be made.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from challenge_app.board import BoardRow, move_in_appendix
from challenge_app.models import Meeting, Placement
from challenge_app.store import Store

UP_TEXT = "Move &up in appendix"
DOWN_TEXT = "Move &down in appendix"
UP_KEYS = "Ctrl+Shift+Up"
DOWN_KEYS = "Ctrl+Shift+Down"


def refusal(row: BoardRow | None, meeting: Meeting | None, step: int) -> str:
    """Why ``row`` cannot move ``step`` places; called only once the move failed."""
    if meeting is None:
        return "Choose a meeting first: the appendix order belongs to a meeting."
    if row is None:
        return "Choose a measure to move."
    if row.published is Placement.NONE:
        return (
            f"{row.code} is not published in an appendix: write for it, or place it in "
            "an appendix, first."
        )
    end = "first" if step < 0 else "last"
    return f"{row.code} is already {end} in {row.published.label}."


class AppendixMoves:
    """The two commands, wired to a window's list, store and status line."""

    def __init__(
        self,
        parent: QWidget,
        store: Store,
        *,
        meeting: Callable[[], Meeting | None],
        current: Callable[[], BoardRow | None],
        before: Callable[[], None],
        after: Callable[[str], None],
        announce: Callable[[str], None],
    ):
        self.store = store
        self._meeting, self._current = meeting, current
        self._before, self._after, self._announce = before, after, announce
        self.up = self._action(parent, UP_TEXT, UP_KEYS, -1)
        self.down = self._action(parent, DOWN_TEXT, DOWN_KEYS, +1)

    def _action(self, parent: QWidget, text: str, keys: str, step: int) -> QAction:
        action = QAction(text, parent)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip("Change where the selected measure is printed in its appendix")
        action.triggered.connect(lambda _checked=False: self.move(step))
        return action

    @property
    def actions(self) -> list[QAction]:
        return [self.up, self.down]

    def move(self, step: int) -> bool:
        """Move the selected measure; True if it moved (the list is then refreshed)."""
        self._before()  # typing in the form is saved first: it may decide the placement
        meeting, row = self._meeting(), self._current()
        if (
            meeting is None
            or row is None
            or not move_in_appendix(self.store, meeting, row.code, step)
        ):
            self._announce(refusal(row, meeting, step))
            return False
        self._after(row.code)
        return True
