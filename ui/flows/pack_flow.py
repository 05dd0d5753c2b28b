"""Exporting and importing challenge packs from the GUI (File > Export / Import challenge pack).

Export: choose where (the dialog opens in the folder used last time, with a
name that says which database and when), then the pack is written behind a
progress dialog. Import: choose a pack, read what it holds and what it would
change, and only when the officer confirms is it merged, in one transaction
that Cancel rolls back. Text written here that the pack would change is shown
side by side (``pack_conflicts``) and kept unless the officer ticks the pack's,
record by record; a backup is taken before any is replaced. Every problem is
shown in words with where it is in the pack, and "nothing has been changed" is
said only when it is true.

The rules (reading, checking, merging) all live in ``challenge_app.packs``;
this module is dialogs and wiring.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListView,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from challenge_app.errors import InputError
from challenge_app.packs import (
    ConflictKey,
    MergePlan,
    PackFile,
    export_pack,
    merge_pack,
    plan_merge,
    read_pack,
    take_only,
)
from challenge_app.store import Store
from ui.flows.folders import choose_file_to_open, last_folder, remember_folder
from ui.flows.pack_conflicts import ConflictPanel
from ui.flows.progress_dialog import DialogProgress
from ui.text import confirm_replace, message_box, plain_label

LAST_FOLDER_KEY = "packs/last_folder"
FILE_FILTER = "Challenge packs (*.json);;All files (*)"
#: Longer lists of codes or unknown keys are cut short in the confirmation.
NAMES_SHOWN = 12
#: The list of new and updated meetings scrolls beyond this many rows.
MEETING_ROWS_SHOWN = 8
#: Problems shown in a message before the rest go under "Show Details".
PROBLEMS_SHOWN = 5


class PackCancelled(Exception):
    """The officer pressed Cancel on the progress dialog."""


T = TypeVar("T")


def _message(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, problems: str = ""
) -> None:
    """A message that may quote pack contents; long problem lists go under Show Details
    so the box fits the screen."""
    lines = problems.splitlines()
    message_box(
        parent,
        icon,
        title,
        text,
        informative="\n".join(lines[:PROBLEMS_SHOWN]),
        details=problems if len(lines) > PROBLEMS_SHOWN else "",
    ).exec()


def _with_progress(
    parent: QWidget | None,
    title: str,
    label: str,
    job: Callable[[DialogProgress], T],
    *,
    failed: str,
    cancelled: str = "",
) -> T | None:
    """``job``'s result, run under a progress dialog with Cancel; None if it did not finish.

    A failure is shown as ``failed`` with its reason; a cancel is said as
    ``cancelled`` when given (an export cancelled needs no word: nothing was asked for).
    """
    progress = DialogProgress(parent, title, label, PackCancelled)
    try:
        result = job(progress)
    except PackCancelled:
        progress.close()
        if cancelled:
            _message(parent, QMessageBox.Icon.Information, title, cancelled)
        return None
    except (InputError, OSError, sqlite3.Error) as exc:
        progress.close()
        _message(parent, QMessageBox.Icon.Warning, title, failed, str(exc))
        return None
    progress.close()
    return result


def _cut(names: list[str] | tuple[str, ...]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    return shown + (f" and {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else "")


# -- export ---------------------------------------------------------------------------------
def _default_export_name(store: Store) -> str:
    stem = store.path.stem if store.path else "challenge"
    return f"{stem}-pack-{date.today().isoformat()}.json"


def export_pack_interactively(parent: QWidget, store: Store) -> Path | None:
    """Ask where, write the whole database there as a pack; the path written, or None.

    The caller announces success (the main window's status line), so a routine
    backup costs the officer no extra click.
    """
    name, _ = QFileDialog.getSaveFileName(
        parent,
        "Export challenge pack",
        str(Path(last_folder(LAST_FOLDER_KEY)) / _default_export_name(store)),
        FILE_FILTER,
    )
    if not name:
        return None
    out = Path(name)
    if not out.suffix:
        # The file dialog asked about replacing the name as typed, not this one.
        out = out.with_suffix(".json")
        if out.exists() and not confirm_replace(parent, "Export challenge pack", out):
            return None
    remember_folder(LAST_FOLDER_KEY, out)
    written = _with_progress(
        parent,
        "Export challenge pack",
        f"Writing {out.name}…",
        lambda progress: export_pack(store, out, progress),
        failed=f"The challenge pack could not be written to {out}.",
    )
    return None if written is None else out


# -- import ---------------------------------------------------------------------------------
class ImportConfirmation(QDialog):
    """Says what a pack holds and what importing it would change; Import or Cancel.

    When the pack would replace records already here, Cancel is the default
    button, so Enter never overwrites anything by accident.
    """

    def __init__(self, loaded: PackFile, plan: MergePlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Import challenge pack")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.summary = self._label(self._summary_text(loaded, plan))
        layout.addWidget(self.summary)
        lines = self._meeting_lines(plan)
        heading = self._label("Meetings that are new or would be updated:")
        self.meetings = QListView(self)
        self.meetings.setModel(QStringListModel(lines, self.meetings))
        self.meetings.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        rows = min(max(len(lines), 1), MEETING_ROWS_SHOWN)
        frame = 2 * self.meetings.frameWidth()
        self.meetings.setMaximumHeight(rows * self.meetings.sizeHintForRow(0) + frame + 4)
        heading.setVisible(bool(lines))
        self.meetings.setVisible(bool(lines))
        layout.addWidget(heading)
        layout.addWidget(self.meetings)
        self.conflicts: ConflictPanel | None = None
        if plan.conflicts:
            layout.addWidget(
                self._label(
                    "Text recorded here that differs in the pack. It is kept as recorded "
                    "unless you tick “Take the pack's” for the record:"
                )
            )
            self.conflicts = ConflictPanel(plan.conflicts, self)
            layout.addWidget(self.conflicts)
            self.setMinimumWidth(720)  # room for the two texts side by side
        self.note = self._label(self._note_text(loaded, plan))
        layout.addWidget(self.note)

        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        replaces = (
            plan.measures.changed or plan.readings.changed or plan.meetings.changed
        ) or plan.conflicts
        (self.cancel_button if replaces else self.import_button).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _label(self, text: str) -> QLabel:
        return plain_label(text, self, wrap=True)

    @staticmethod
    def _summary_text(loaded: PackFile, plan: MergePlan) -> str:
        lines = [f"Import {loaded.path.name} into this database?", "", "The pack holds:"]
        lines += [f"  • {line}" for line in plan.summary_lines()]
        if plan.new_codes:
            lines.append(f"New measures: {_cut(plan.new_codes)}")
        return "\n".join(lines)

    @staticmethod
    def _meeting_lines(plan: MergePlan) -> list[str]:
        return [f"New: {label}" for label in plan.new_meetings] + [
            f"Updated: {label}" for label in plan.updated_meetings
        ]

    def taken_keys(self) -> list[ConflictKey]:
        """The records whose recorded text the officer chose to replace with the pack's."""
        return self.conflicts.taken_keys() if self.conflicts else []

    @staticmethod
    def _note_text(loaded: PackFile, plan: MergePlan) -> str:
        notes = []
        if not plan.changes_anything and not plan.conflicts:
            notes.append("Everything in this pack is already in this database.")
        elif plan.changes_anything:
            notes.append(
                "Figures and records in the pack replace the same ones here (same measure "
                "code, period, or meeting date and title); text written here is never emptied. "
                "Nothing else is changed or deleted."
            )
        if plan.conflicts:
            notes.append(
                "Before any text recorded here is replaced, a backup of this database is taken."
            )
        if loaded.ignored_keys:
            notes.append(
                "Left out, because this version of Challenge does not know them: "
                + _cut(loaded.ignored_keys)
            )
        return "\n\n".join(notes)


def _read_and_plan(
    parent: QWidget | None, store: Store, path: Path
) -> tuple[PackFile, MergePlan] | None:
    """Read the pack and work out the merge, or tell the officer why it cannot be imported."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        loaded = read_pack(path)
        plan = plan_merge(store, loaded.pack, file=str(path))
    except InputError as exc:
        QGuiApplication.restoreOverrideCursor()
        _message(
            parent,
            QMessageBox.Icon.Warning,
            "Import challenge pack",
            f"{path.name} cannot be imported. Nothing has been changed.",
            str(exc),
        )
        return None
    QGuiApplication.restoreOverrideCursor()
    return loaded, plan


def _merge(
    parent: QWidget | None, store: Store, loaded: PackFile, taken: list[ConflictKey]
) -> MergePlan | None:
    """Merge, taking the pack's text for the ``taken`` records; the plan carried out, or None."""
    return _with_progress(
        parent,
        "Import challenge pack",
        f"Importing {loaded.path.name}…",
        lambda progress: merge_pack(
            store, loaded.pack, progress, file=str(loaded.path), take=take_only(taken)
        ),
        failed=f"{loaded.path.name} could not be imported. Nothing has been changed.",
        cancelled="The import was cancelled. Nothing has been changed.",
    )


def import_pack_interactively(parent: QWidget, store: Store) -> bool:
    """Choose a pack, confirm what it would change, merge it; True when data was written."""
    path = choose_file_to_open(parent, "Import challenge pack", LAST_FOLDER_KEY, FILE_FILTER)
    if path is None:
        return False
    read = _read_and_plan(parent, store, path)
    if read is None:
        return False
    loaded, plan = read
    confirmation = ImportConfirmation(loaded, plan, parent)
    try:
        if confirmation.exec() != QDialog.DialogCode.Accepted:
            return False
        taken = confirmation.taken_keys()
    finally:
        confirmation.deleteLater()
    done = _merge(parent, store, loaded, taken)
    return done is not None and (done.changes_anything or bool(done.taken))
