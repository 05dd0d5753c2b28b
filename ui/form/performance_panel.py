"""The top of the challenge form: how the selected measure stands this quarter.

Every string here comes from the core (``performance_line``, ``target_line``,
``Status.report_wording``, ``Direction.label``) so the officer reads on
screen exactly what the report will print. Status is shown as a letter and
words on a coloured badge, never by colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from challenge_app.board import BoardRow
from challenge_app.formatting import format_value, performance_line, target_line
from challenge_app.models import HIGHER, LOWER
from challenge_app.travel import Direction
from ui.form.status_badge import StatusBadge
from ui.form.wrapped_label import WrappedLabel


def _label(wrap: bool = True) -> QLabel:
    """A label for figures and officer-visible text: plain text, never rich text."""
    label = WrappedLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def polarity_words(row: BoardRow) -> str:
    m = row.measure
    if m.is_volumetric:
        return "Volumetric: context only, not RAG-rated"
    return {HIGHER: "Higher is better", LOWER: "Lower is better"}.get(
        m.polarity or "", "No polarity set"
    )


def direction_words(row: BoardRow) -> str:
    """``▼ Declining (previous quarter 90%)``: the arrow never stands alone."""
    quarter = row.quarter.previous()
    if row.direction is Direction.NO_FIGURE:
        return f"No figure for {row.quarter} yet: no direction of travel until it arrives"
    if row.direction is Direction.UNKNOWN:
        if row.previous_value is None:
            return "No figure for the previous quarter"
        previous = format_value(row.previous_value, row.measure.unit)
        return f"Previous quarter ({quarter}) {previous}; no direction for this measure"
    previous = format_value(row.previous_value, row.measure.unit)
    return f"{row.direction.arrow} {row.direction.label} (previous quarter {previous})"


def hard_to_shift_words(row: BoardRow) -> str:
    if not row.hard_to_shift:
        return ""
    return f"⚠ Hard to shift: outside tolerance for {row.red_streak} consecutive quarters"


class PerformancePanel(QWidget):
    """Code and title, the period's figures, target, status, direction and warnings."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = _label()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.context = _label()
        self.figures = _label()
        self.targets = _label()
        self.badge = StatusBadge()
        self.direction = _label()
        self.warning = _label()
        warning_font = self.warning.font()
        warning_font.setBold(True)
        self.warning.setFont(warning_font)

        status_row = QHBoxLayout()
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.addWidget(self.badge)
        status_row.addWidget(self.direction, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget in (self.title, self.context, self.figures, self.targets):
            layout.addWidget(widget)
        layout.addLayout(status_row)
        layout.addWidget(self.warning)
        self.show_row(None)

    def show_row(self, row: BoardRow | None) -> None:
        if row is None:
            for label in (self.title, self.context, self.figures, self.targets, self.direction):
                label.clear()
            self.badge.hide()
            self.warning.hide()
            return
        m = row.measure
        self.title.setText(f"{m.code}  {m.title}")
        self.context.setText(f"{m.area}  ·  {polarity_words(row)}  ·  {row.quarter.long()}")
        self.figures.setText(
            performance_line(row.quarter, row.value, row.latest_month, row.latest_value, m.unit)
        )
        t = row.target
        has_target = t is not None and t.target is not None and not m.is_volumetric
        # Without a target the status badge already says "No target specified".
        self.targets.setText(target_line(t.target, t.tolerance, m.unit) if has_target else "")
        self.targets.setVisible(has_target)
        self.badge.show()
        self.badge.show_status(row.status)
        self.direction.setText(direction_words(row))
        warning = hard_to_shift_words(row)
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
