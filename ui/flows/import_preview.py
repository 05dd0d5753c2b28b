"""The import preview: what a provider file would change, or every problem in it.

Nothing is written until the officer has seen this and pressed Import. A file
with problems gets the same dialog with the problems listed (row, column, what
was expected) and no Import button, plus "Copy problems" so the list can be
pasted into an email back to the provider.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from challenge_app.errors import Problem
from challenge_app.formatting import format_number
from challenge_app.imports.plan import MeasureChange, Plan, TargetChange, ValueChange
from ui.flows.preview_tables import TextTableModel, read_only_table
from ui.text import plain_label


def _number(value: float | None) -> str:
    return "" if value is None else format_number(value)


def _was_now(old: str, new: str) -> str:
    return new if old == new else f"{old or '(none)'} → {new or '(none)'}"


def problem_rows(problems: list[Problem]) -> list[list[str]]:
    return [["" if p.row is None else str(p.row), p.column or "", p.message] for p in problems]


def measure_rows(changes: list[MeasureChange]) -> list[list[str]]:
    rows = []
    for change in changes:
        what = "New" if change.old is None else "Changed: " + ", ".join(change.changed_fields)
        cells = [change.new.code, what]
        for name in ("title", "area", "kind", "polarity", "unit"):
            now = getattr(change.new, name) or ""
            was = getattr(change.old, name) or "" if change.old is not None else now
            cells.append(_was_now(was, now))
        rows.append(cells)
    return rows


def target_rows(changes: list[TargetChange]) -> list[list[str]]:
    rows = []
    for change in changes:
        old = change.old or change.new
        rows.append(
            [
                change.code,
                change.new.year,
                "New" if change.old is None else "Changed",
                _was_now(_number(old.target), _number(change.new.target)),
                _was_now(_number(old.tolerance), _number(change.new.tolerance)),
            ]
        )
    return rows


def value_rows(changes: list[ValueChange]) -> list[list[str]]:
    return [
        [
            c.code,
            str(c.period),
            "New" if c.old is None else "Changed",
            _number(c.old),
            _number(c.new),
            str(c.row),
        ]
        for c in changes
    ]


class ImportPreviewDialog(QDialog):
    """Shows a plan (Import / Cancel) or the problems that stop it (Close)."""

    def __init__(
        self,
        file: Path,
        plan: Plan | None,
        problems: list[Problem] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.file = Path(file)
        self.plan = plan
        self.problems = list(problems or [])
        self.setWindowTitle(f"Import {self.file.name}")
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.headline = plain_label(self._headline(), self, wrap=True)
        layout.addWidget(self.headline)
        if plan is not None and plan.ignored_columns:
            note = plain_label(
                "Columns not in the template, ignored: " + ", ".join(plan.ignored_columns),
                self,
                wrap=True,
            )
            layout.addWidget(note)
        self.tabs = QTabWidget(self)
        self.models: dict[str, TextTableModel] = {}
        self._add_tabs()
        layout.addWidget(self.tabs, 1)
        self.buttons = QDialogButtonBox(self)
        self.import_button: QPushButton | None = None
        if self.importable:
            self.import_button = self.buttons.addButton(
                "&Import", QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.import_button.setDefault(True)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        if self.problems:
            copy = self.buttons.addButton("&Copy problems", QDialogButtonBox.ButtonRole.ActionRole)
            copy.clicked.connect(self.copy_problems)
            QShortcut(QKeySequence.StandardKey.Copy, self, activated=self.copy_problems)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @property
    def importable(self) -> bool:
        return not self.problems and self.plan is not None and not self.plan.is_empty

    def _headline(self) -> str:
        name = self.file.name
        if self.problems:
            count = len(self.problems)
            noun = "problem" if count == 1 else "problems"
            return (
                f"{name} has {count} {noun}. Nothing will be imported until the file is "
                "corrected; the database has not been changed."
            )
        assert self.plan is not None
        if self.plan.is_empty:
            return f"No changes: the database already holds everything in {name}."
        return (
            f"{name}: {self.plan.describe()}. Check the changes below, then press Import "
            "to write them, or Cancel to leave the database as it is."
        )

    def _add_tab(self, key: str, title: str, headers: list[str], rows: list[list[str]]) -> None:
        model = TextTableModel(headers, rows, self)
        self.models[key] = model
        view = read_only_table(model, self.tabs, stretch={len(headers) - 1})
        view.setObjectName(f"{key}_table")
        self.tabs.addTab(view, f"{title} ({len(rows)})")

    def _add_tabs(self) -> None:
        if self.problems:
            self._add_tab(
                "problems", "Problems", ["Row", "Column", "Problem"], problem_rows(self.problems)
            )
            return
        plan = self.plan
        assert plan is not None
        self._add_tab(
            "measures",
            "Measures",
            ["Code", "Change", "Title", "Area", "Kind", "Polarity", "Unit"],
            measure_rows(plan.measures),
        )
        self._add_tab(
            "targets",
            "Targets",
            ["Code", "Year", "Change", "Target", "Tolerance"],
            target_rows(plan.targets),
        )
        self._add_tab(
            "values",
            "Values",
            ["Code", "Period", "Change", "Was", "Now", "Row"],
            value_rows(plan.values),
        )
        for index in range(self.tabs.count()):
            if self.models[list(self.models)[index]].rowCount():
                self.tabs.setCurrentIndex(index)
                break

    def problems_text(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def copy_problems(self) -> None:
        QGuiApplication.clipboard().setText(self.problems_text())
