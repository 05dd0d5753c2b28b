"""The preview of a returned response workbook: what would be recorded, and each conflict.

Nothing is written until the officer has seen this and pressed Record. New
responses are listed as they will be recorded. Where a different response is
already recorded, the recorded and returned words stand side by side, and a
tick in "Take returned" (Space, a click, or "Take all") chooses the returned
one; every conflict starts unticked, so the officer's own words are kept
unless they choose otherwise.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from challenge_app.responses import Conflict, ResponsePlan
from ui.flows.preview_tables import TakeKeepModel, TextTableModel, read_only_table
from ui.text import plain_label

CODE, MEASURE, RECORDED, RETURNED, TAKE = range(5)
CONFLICT_HEADERS = ["Code", "Measure", "Recorded now", "Returned in the workbook", "Take returned"]
NEW_HEADERS = ["Code", "Measure", "Response to record"]


def conflict_model(conflicts: list[Conflict], parent=None) -> TakeKeepModel:
    """Each conflict as a row, with a tick choosing the returned response."""
    return TakeKeepModel(
        conflicts,
        CONFLICT_HEADERS,
        lambda c: (c.code, c.title, c.recorded, c.returned),
        name=lambda c: c.code,
        take_says="take the returned response",
        parent=parent,
    )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class ResponsesPreviewDialog(QDialog):
    """New responses and conflicts of one returned workbook; Record or Cancel."""

    def __init__(self, plan: ResponsePlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        name = plan.returned.path.name
        self.setWindowTitle(f"Import responses from {name}")
        self.resize(1000, 600)
        layout = QVBoxLayout(self)
        self.headline = plain_label(self._headline(), self, wrap=True)
        layout.addWidget(self.headline)

        self.tabs = QTabWidget(self)
        self.new_model = TextTableModel(
            NEW_HEADERS, [[n.code, n.title, n.text] for n in plan.new], self
        )
        self.new_table = read_only_table(self.new_model, self.tabs, stretch={RECORDED}, wrap=True)
        self.new_table.setObjectName("new_table")
        self.tabs.addTab(self.new_table, f"New responses ({len(plan.new)})")
        self.conflicts = conflict_model(plan.conflicts, self)
        self.conflict_table = read_only_table(
            self.conflicts, self.tabs, stretch={RECORDED, RETURNED}, wrap=True
        )
        self.conflict_table.setObjectName("conflict_table")
        self.tabs.addTab(self.conflict_table, f"Different from recorded ({len(plan.conflicts)})")
        if plan.conflicts:
            self.tabs.setCurrentWidget(self.conflict_table)
        layout.addWidget(self.tabs, 1)

        self.buttons = QDialogButtonBox(self)
        self.take_all: QPushButton | None = None
        self.keep_all: QPushButton | None = None
        if plan.conflicts:
            self.take_all = self.buttons.addButton(
                "&Take all returned", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.take_all.clicked.connect(lambda: self.conflicts.set_all(True))
            self.keep_all = self.buttons.addButton(
                "&Keep all recorded", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.keep_all.clicked.connect(lambda: self.conflicts.set_all(False))
        self.record_button = self.buttons.addButton(
            "&Record", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.record_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @property
    def take(self) -> set[str]:
        """Codes whose returned response the officer chose over the recorded one."""
        return {conflict.code for conflict in self.conflicts.taken()}

    def _headline(self) -> str:
        plan = self.plan
        parts = [_count(len(plan.new), "new response", "new responses")]
        if plan.conflicts:
            parts.append(
                _count(
                    len(plan.conflicts),
                    "differs from the one recorded",
                    "differ from those recorded",
                )
            )
        if plan.unchanged:
            parts.append(f"{len(plan.unchanged)} the same as recorded")
        if plan.blank:
            parts.append(f"{len(plan.blank)} left blank")
        choice = (
            " For each difference, tick 'Take returned' to record the returned words; "
            "unticked, the recorded words are kept."
            if plan.conflicts
            else ""
        )
        return (
            f"{plan.returned.path.name}, for the meeting {plan.meeting.label}: "
            f"{', '.join(parts)}.{choice} Press Record to write them, or Cancel to leave the "
            "database as it is."
        )
