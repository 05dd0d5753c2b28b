"""Showing text the officer typed exactly as typed.

Qt guesses whether a string is rich text (``Qt::mightBeRichText``) in tool
tips, message boxes and labels, so a measure title or comment containing
``<b>`` or ``<img src=...>`` could be rendered as markup. Labels get
``Qt.PlainText``; tool tips cannot be told, so we hand them escaped HTML,
which Qt shows as the original characters (and wraps, for long comments).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def tooltip(*paragraphs: str) -> str:
    """A tool tip that shows each paragraph literally, wrapped."""
    body = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs if p)
    return f"<qt>{body}</qt>" if body else ""


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A label that shows ``text`` as typed (never as rich text); ``wrap`` for long text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
    *,
    informative: str = "",
    details: str = "",
) -> QMessageBox:
    """A message box whose texts are never read as HTML (they may quote the officer).

    This is the one way the program shows a message: every flow and dialog calls it.
    """
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
        plain_informative(box)
    if details:
        box.setDetailedText(details)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return box


def plain_informative(box: QMessageBox) -> None:
    """Informative text is auto-detected rich text in Qt; officers' file names must not be."""
    for label in box.findChildren(QLabel):
        if label.text() == box.informativeText():
            label.setTextFormat(Qt.TextFormat.PlainText)


def confirm_replace(parent: QWidget | None, title: str, path: Path) -> bool:
    """Ask before writing over an existing file; "No" is the default."""
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        title,
        f"{path.name} already exists in {path.parent}. Replace it?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return box.exec() == QMessageBox.StandardButton.Yes


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; "No" is the default so Enter never destroys anything."""
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return box.exec() == QMessageBox.StandardButton.Yes


def warn(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Warning, title, text).exec()
