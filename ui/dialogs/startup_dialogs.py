"""The questions Challenge may have to ask before its main window opens.

Each is a message box with plain-text wording and buttons named for what
they do ("Open read-only", "Restore this backup", "Quit"), never Yes/No, so
an officer can answer without re-reading the question. ``build_*`` makes the
box (tests click its buttons); ``ask_*`` shows it and returns the answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from challenge_app.store.backup import BackupSummary
from challenge_app.store.integrity import DamagedDatabaseError
from challenge_app.store.lock import DatabaseLockedError
from ui.text import message_box, plain_informative

TITLE = "Challenge"


def _box(parent: QWidget | None, icon: QMessageBox.Icon, text: str, info: str) -> QMessageBox:
    return message_box(
        parent, icon, TITLE, text, QMessageBox.StandardButton.NoButton, informative=info
    )


OPEN_READ_ONLY = "Open read-only"


def _offer_read_only_or_quit(box: QMessageBox) -> None:
    """The two answers when a database cannot be written: look read-only (the default), or quit."""
    read_only = box.addButton(OPEN_READ_ONLY, QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.setEscapeButton(quit_button)
    plain_informative(box)


def _chose_read_only(box: QMessageBox) -> bool:
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and clicked.text() == OPEN_READ_ONLY


def build_locked_box(parent: QWidget | None, error: DatabaseLockedError) -> QMessageBox:
    who = error.holder.describe() if error.holder else "by another copy of Challenge"
    box = _box(
        parent,
        QMessageBox.Icon.Information,
        f"This database is already open {who}.",
        f"{error.db_path}\n\n"
        "Only one copy of Challenge can change a database at a time, so that nobody's "
        "typing is overwritten. You can look at it read-only here (nothing can be changed), "
        "or quit and close the other copy first.",
    )
    _offer_read_only_or_quit(box)
    return box


def ask_open_read_only(parent: QWidget | None, error: DatabaseLockedError) -> bool:
    """True to open read-only, False to quit."""
    box = build_locked_box(parent, error)
    return _chose_read_only(box)


def build_cannot_write_box(parent: QWidget | None, db_path: object, reason: str) -> QMessageBox:
    box = _box(
        parent,
        QMessageBox.Icon.Information,
        "This database cannot be changed from here.",
        f"{reason}\n\nYou can look at it read-only (nothing can be changed), or quit and "
        "copy it to a folder you can write to, such as your Documents.",
    )
    _offer_read_only_or_quit(box)
    return box


def ask_read_only_instead(parent: QWidget | None, db_path: object, reason: str) -> bool:
    """For a database in a folder the officer cannot write: True to view it read-only."""
    box = build_cannot_write_box(parent, db_path, reason)
    return _chose_read_only(box)


def build_damaged_box(
    parent: QWidget | None, error: DamagedDatabaseError, backup: BackupSummary | None
) -> QMessageBox:
    details = error.report.summary()
    if backup is None:
        box = _box(
            parent,
            QMessageBox.Icon.Critical,
            "This database is damaged, and there is no backup of it that can be used.",
            f"{error.path}\n\nThe file has not been changed. Please ask your IT service desk "
            "to recover it (they may be able to restore it from a network copy) before "
            "using Challenge on it again.\n\nSQLite reported: " + details,
        )
        box.setEscapeButton(box.addButton("Quit", QMessageBox.ButtonRole.RejectRole))
        plain_informative(box)
        return box
    taken = backup.backup.taken
    latest = f"; latest meeting: {backup.latest_meeting}" if backup.latest_meeting else ""
    box = _box(
        parent,
        QMessageBox.Icon.Warning,
        "This database is damaged. Challenge has not changed it.",
        f"{error.path}\n\nThe latest good backup was taken on {taken:%d %B %Y} at "
        f"{taken:%H:%M}. It holds {backup.measures} measures, {backup.meetings} meetings and "
        f"{backup.challenges} challenge records{latest}.\n\n"
        "Restoring puts that backup in place of the damaged file. The damaged file is kept "
        "beside it (renamed '.damaged-...') in case IT can recover anything newer.\n\n"
        "SQLite reported: " + details,
    )
    restore = box.addButton("Restore this backup", QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setEscapeButton(quit_button)
    plain_informative(box)
    return box


def ask_restore_damaged(
    parent: QWidget | None, error: DamagedDatabaseError, backup: BackupSummary | None
) -> bool:
    """True to restore ``backup`` in place of the damaged database, False to quit."""
    box = build_damaged_box(parent, error, backup)
    box.exec()
    clicked = box.clickedButton()
    return backup is not None and clicked is not None and clicked.text() == "Restore this backup"


def build_backup_failed_box(parent: QWidget | None, reason: str) -> QMessageBox:
    box = _box(
        parent,
        QMessageBox.Icon.Warning,
        "Today's backup of your database could not be made.",
        f"{reason}\n\nYour database itself is fine and you can carry on working; Challenge "
        "will try again next time it starts.",
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    plain_informative(box)
    return box


def warn_backup_failed(parent: QWidget | None, reason: str) -> None:
    build_backup_failed_box(parent, reason).exec()


def button(box: QMessageBox, text: str) -> QPushButton:
    """The box's button labelled ``text`` (for callers and tests that click by name)."""
    for candidate in box.buttons():
        if candidate.text() == text:
            return candidate
    raise LookupError(f"no button {text!r} in {box.text()!r}")
