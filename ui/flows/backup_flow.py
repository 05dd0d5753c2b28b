"""File > Restore from backup... and Help > Open data folder.

Restoring is the one action that throws away work on purpose, so the officer
first sees what each backup holds (when it was taken, how many measures,
meetings and challenge records, the latest meeting) and the database as it
is now is copied aside before anything is replaced, so a wrong choice can be
undone by restoring that copy.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from challenge_app.errors import InputError
from challenge_app.logs import current_log_file, explain_storage_error
from challenge_app.paths import data_dir
from challenge_app.store import Store
from challenge_app.store.backup import (
    BackupSummary,
    backups_folder,
    list_backups,
    restore_into,
    summarise,
)
from ui.flows.open_file import show_in_folder
from ui.rows_model import Index, RowsModel
from ui.text import message_box

log = logging.getLogger(__name__)

TITLE = "Challenge"
RESTORE = "Restore this backup"


def taken_text(summary: BackupSummary) -> str:
    taken = summary.backup.taken
    return f"{taken.day} {taken:%b %Y}, {taken:%H:%M:%S}"


class BackupTableModel(RowsModel):
    """One row per backup, newest first: when, and what it holds."""

    HEADERS = ("Taken", "Measures", "Meetings", "Challenge records", "Latest meeting")

    def __init__(self, summaries: list[BackupSummary], parent: QWidget | None = None):
        super().__init__(self.HEADERS, summaries, parent)

    def data(self, index: Index, role: int = 0) -> object:
        if not index.isValid():
            return None
        summary = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return taken_text(summary)
            if not summary.usable:
                return "damaged: cannot be restored" if index.column() == 4 else ""
            return (
                None,
                str(summary.measures),
                str(summary.meetings),
                str(summary.challenges),
                summary.latest_meeting or "none",
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RestoreDialog(QDialog):
    """Pick a backup; the Restore button is enabled only for a sound one."""

    def __init__(self, store: Store, summaries: list[BackupSummary], parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.resize(760, 420)
        self.model = BackupTableModel(summaries, self)

        intro = QLabel(
            f"Backups of {store.path}, newest first. Restoring replaces everything in the "
            "database with the backup you choose. The database as it is now is backed up "
            "first, so you can undo this by restoring that copy."
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column in range(len(BackupTableModel.HEADERS) - 1):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.table.doubleClicked.connect(self._accept_if_usable)

        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            RESTORE, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)

        self.table.selectionModel().selectionChanged.connect(self._show_preview)
        if summaries:
            self.table.selectRow(0)
        self._show_preview()
        self.table.setFocus()

    def selected(self) -> BackupSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.items[rows[0].row()] if rows else None

    def _show_preview(self, *_: object) -> None:
        summary = self.selected()
        self.restore_button.setEnabled(summary is not None and summary.usable)
        if summary is None:
            self.preview.setText("Choose a backup to see what it holds.")
        elif not summary.usable:
            self.preview.setText(
                f"The backup of {taken_text(summary)} is damaged and cannot be restored "
                f"({summary.integrity.summary()})."
            )
        else:
            latest = summary.latest_meeting or "no meetings yet"
            self.preview.setText(
                f"Backup of {taken_text(summary)}: {summary.measures} measures, "
                f"{summary.meetings} meetings (latest: {latest}), "
                f"{summary.challenges} challenge records.\n{summary.backup.path}"
            )

    def _accept_if_usable(self, *_: object) -> None:
        if self.restore_button.isEnabled():
            self.accept()


def _message(parent: QWidget | None, icon: QMessageBox.Icon, text: str) -> None:
    message_box(parent, icon, TITLE, text).exec()


def restore_from_backup_interactively(parent: QWidget | None, store: Store) -> Path | None:
    """Let the officer pick a backup and restore it; return the backup restored, or None.

    On success the store's database holds the backup's content (same Store,
    same connection), so the caller only needs to reload what it shows.
    """
    if store.readonly or store.path is None:
        _message(
            parent,
            QMessageBox.Icon.Information,
            "This database is open read-only, so a backup cannot be restored into it. "
            "Close the other copy of Challenge that has it open, then try again.",
        )
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # each backup is checked
    try:
        summaries = [summarise(backup) for backup in list_backups(store.path)]
    finally:
        QApplication.restoreOverrideCursor()
    if not summaries:
        _message(
            parent,
            QMessageBox.Icon.Information,
            f"There are no backups of {store.path} yet. Challenge makes one each time it "
            f"starts, in {backups_folder(store.path)}.",
        )
        return None
    dialog = RestoreDialog(store, summaries, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.selected() is None:
        return None
    chosen = dialog.selected()
    try:
        safety = restore_into(store.db, store.path, chosen.backup.path)
    except InputError as exc:
        _message(parent, QMessageBox.Icon.Warning, str(exc))
        return None
    except Exception as exc:
        explained = explain_storage_error(exc, store.path)
        if not explained:
            raise
        log.warning("restore failed: %s (%r)", explained, exc)
        _message(parent, QMessageBox.Icon.Warning, f"Nothing was restored. {explained}")
        return None
    log.info(
        "restored %s into %s; previous state kept as %s", chosen.backup.path, store.path, safety
    )
    _message(
        parent,
        QMessageBox.Icon.Information,
        f"Restored the backup of {taken_text(chosen)}.\n\nThe database as it was just before "
        f"is kept as {safety.name}, at the top of the list of backups, in case you need it.",
    )
    return chosen.backup.path


def data_folder(store: Store) -> Path:
    """The folder holding this database and its backups (the data folder by default)."""
    return store.path.parent if store.path is not None else data_dir()


def open_data_folder(parent: QWidget | None, store: Store) -> None:
    """Show the database's folder (with its backups) in the file manager.

    If the desktop cannot open folders (a locked-down laptop), say where it is
    instead, as text the officer can select and copy.
    """
    log_file = current_log_file()
    logs = f"\n\nLog files are in:\n{log_file.parent}" if log_file else ""
    show_in_folder(parent, data_folder(store), TITLE, logs)
