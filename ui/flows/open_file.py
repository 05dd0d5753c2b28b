"""Opening a file we wrote, or at least showing where it is.

``QDesktopServices.openUrl`` returns False when no program on the computer
will open the file (a laptop without Excel, Word or LibreOffice, a
locked-down desktop). Doing nothing then leaves the officer wondering whether
anything was written, so we say so and offer to show the file in its folder;
and if the desktop cannot open folders either, the path is shown as text they
can select and copy.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.text import message_box

OPEN_BUTTON = "Open the file"
SHOW_FOLDER_BUTTON = "Show in folder"


def offer_file(
    box: QMessageBox,
    parent: QWidget | None,
    path: Path,
    title: str,
    *,
    program: str = "",
    can_open: bool = True,
) -> None:
    """Finish ``box`` (which says ``path`` was written) with Open the file / Show in
    folder / Close, and do what the officer chose."""
    open_button = None
    if can_open:
        open_button = box.addButton(OPEN_BUTTON, QMessageBox.ButtonRole.AcceptRole)
    folder_button = box.addButton(SHOW_FOLDER_BUTTON, QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_button or folder_button)
    box.exec()
    clicked = box.clickedButton()
    if open_button is not None and clicked is open_button:
        open_file(parent, path, title, program=program)
    elif clicked is folder_button:
        show_in_folder(parent, path.parent, title)


def open_file(parent: QWidget | None, path: Path, title: str, *, program: str = "") -> bool:
    """Open ``path`` in its program; if none will, say so and offer its folder."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    from_where = f"{program} or LibreOffice" if program else "the program you use for it"
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        title,
        f"No program on this computer would open {path.name}.",
        QMessageBox.StandardButton.NoButton,
        informative=(
            f"The file has been saved in {path.parent}. Open it from {from_where}, "
            "or show it in its folder."
        ),
    )
    offer_file(box, parent, path, title, can_open=False)
    return False


def show_in_folder(parent: QWidget | None, folder: Path, title: str, extra: str = "") -> bool:
    """Open ``folder`` in the file manager; if that fails, show its path as selectable text."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    box = QMessageBox(
        QMessageBox.Icon.Information,
        title,
        f"The folder is:\n{folder}{extra}",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()
    return False
