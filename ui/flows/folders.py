"""Where a file dialog opens: the folder the officer last used for that kind of file.

Each flow keeps its own key (exports, imports and packs often live in different
folders); a remembered folder that has since gone falls back to Documents, then home.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def last_folder(key: str) -> str:
    """The folder remembered under ``key`` if it still exists, else Documents (or home)."""
    folder = QSettings().value(key, "", str)
    if folder and Path(folder).is_dir():
        return folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember_folder(key: str, path: Path) -> None:
    """Remember the folder holding ``path`` for the next dialog of this kind."""
    QSettings().setValue(key, str(path.parent))


def choose_file_to_open(
    parent: QWidget | None, title: str, key: str, file_filter: str
) -> Path | None:
    """The file the officer picks in an Open dialog starting in the folder kept under ``key``.

    None if they cancel; otherwise its folder is remembered for next time.
    """
    name, _ = QFileDialog.getOpenFileName(parent, title, last_folder(key), file_filter)
    if not name:
        return None
    path = Path(name)
    remember_folder(key, path)
    return path
