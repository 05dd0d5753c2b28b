"""Progress reporting that the core can call without knowing who listens.

Long jobs (import, export, pack) take a ``Progress`` callable. The command
line passes a ``TerminalProgress`` (quiet when piped); the GUI passes one that
updates a progress dialog.
"""

from __future__ import annotations

import sys
from typing import Protocol, TextIO


class Progress(Protocol):
    def __call__(self, done: int, total: int, what: str = "") -> None: ...


def no_progress(done: int, total: int, what: str = "") -> None:
    """The default: say nothing."""


class TerminalProgress:
    """A one-line percentage on a terminal; nothing at all when output is piped."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last = -1

    def __call__(self, done: int, total: int, what: str = "") -> None:
        if not self.enabled or total <= 0:
            return
        percent = min(100, done * 100 // total)
        if percent == self._last and done < total:
            return
        self._last = percent
        self.stream.write(f"\r{what or 'Working'}: {percent:3d}% ({done}/{total})")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
