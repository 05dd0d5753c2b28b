"""The trend chart under a heading that folds it away.

On a 1366x768 laptop the chart pushes the provider's response below the
fold; an officer writing the challenge needs comment, questions and response
together more than the picture. Folding is one click or key (the heading is
a button; View > Trend chart) and the window remembers it. A folded chart
is not drawn at all, nor are its figures read, which also makes stepping
through measures cheaper.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ui.form.trend_chart import TrendChart
from ui.form.trend_data import Trend

TITLE = "Trend chart"


class ChartFold(QWidget):
    """A heading button and, unless folded, the chart below it."""

    folded_changed = Signal(bool)

    def __init__(self, chart: TrendChart, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart = chart
        self._pending: Trend | Callable[[], Trend | None] | None = None
        self._stale = False  # a trend arrived while folded and is not drawn yet
        self.button = QToolButton()
        self.button.setText(TITLE)
        self.button.setCheckable(True)
        self.button.setChecked(True)
        self.button.setAutoRaise(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.button.toggled.connect(self._toggled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(chart)
        self._show_state()

    @property
    def folded(self) -> bool:
        return not self.button.isChecked()

    def set_folded(self, folded: bool) -> None:
        self.button.setChecked(not folded)

    def show_trend(self, trend: Trend | Callable[[], Trend | None] | None) -> None:
        """Draw ``trend`` now, or when unfolded. Given a function that builds the
        trend, it is called only when the chart is drawn (never while folded)."""
        self._pending = trend
        self._stale = self.folded
        if not self.folded:
            self.chart.show_trend(_built(trend))

    def _toggled(self, _shown: bool) -> None:
        if not self.folded and self._stale:
            self._stale = False
            self.chart.show_trend(_built(self._pending))
        self._show_state()
        self.folded_changed.emit(self.folded)

    def _show_state(self) -> None:
        folded = self.folded
        self.chart.setVisible(not folded)
        self.button.setArrowType(Qt.ArrowType.RightArrow if folded else Qt.ArrowType.DownArrow)
        self.button.setToolTip("Show the trend chart" if folded else "Fold the trend chart away")
        self.button.setAccessibleName(f"{TITLE} ({'folded' if folded else 'shown'})")


def _built(trend: Trend | Callable[[], Trend | None] | None) -> Trend | None:
    return trend() if callable(trend) else trend
