"""The ``challenge-app`` command: the core's command line, able to open the window.

Subcommands (import, export, packs...) run in the core and never load Qt; only
when no subcommand is given does ``open_window`` import the GUI.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from challenge_app import cli


def open_window(db_path: Path, *, exit_when_ready: bool = False, demo: bool = False) -> int:
    """Start the Qt application on ``db_path`` (imported here: Qt is heavy)."""
    from ui.app import run

    return run(db_path, exit_when_ready=exit_when_ready, demo=demo)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, open_window=open_window)


if __name__ == "__main__":
    sys.exit(main())
