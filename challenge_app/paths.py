"""Where the program keeps things: the user's data directory, logs, resources.

platformdirs gives each OS's proper place (``~/.local/share/Challenge`` on
Linux, ``%LOCALAPPDATA%\\Challenge`` on Windows), so officers never have to
choose a folder before they can start.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "Challenge"
DB_FILENAME = "challenge.db"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def resources_dir() -> Path:
    """The ``resources/`` folder, in a source checkout or a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
