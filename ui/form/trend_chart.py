"""The small trend chart on the challenge form.

QtCharts is a large library, so it is imported the first time a chart is
actually drawn, not when this module is imported: the main window opens
without paying for it. What to plot comes from ``ui.form.trend_data``; this
module only draws it.

The chart, its axes and its lines are built once and then given new points
for each measure: officers flick through measures with the arrow keys, and
building a chart from scratch each time costs more than a frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from challenge_app.formatting import format_value
from ui.form.trend_data import Trend, quarter_label, quarter_x

if TYPE_CHECKING:
    from PySide6 import QtCharts

CHART_HEIGHT = 210
QUARTERS_NAME = "Quarter"
MONTHS_NAME = "Month"
TARGET_NAME = "Target"
TOLERANCE_NAME = "Tolerance"
#: Financial years one chart can touch: 8 quarters and 3 months run over at most 4.
MAX_YEARS = 4

#: (light palette, dark palette) colours, chosen to read on either background.
_COLOURS = {
    QUARTERS_NAME: ("#1f5fa8", "#8ab8ff"),
    MONTHS_NAME: ("#7a7a7a", "#b0b0b0"),
    TARGET_NAME: ("#2e7d32", "#81c784"),
    TOLERANCE_NAME: ("#b36200", "#ffb74d"),
}
#: (pen width, pen style, marker size or 0 for none) of each kind of line.
_LOOK = {
    QUARTERS_NAME: (3.0, Qt.PenStyle.SolidLine, 9),
    MONTHS_NAME: (1.5, Qt.PenStyle.SolidLine, 5),
    TARGET_NAME: (2.0, Qt.PenStyle.SolidLine, 0),
    TOLERANCE_NAME: (2.0, Qt.PenStyle.DashLine, 0),
}


def _charts():
    """Import QtCharts on first use (see the module docstring)."""
    from PySide6 import QtCharts

    return QtCharts


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _label_format(step: float, unit: str) -> str:
    """printf format for the value axis: as many decimals as the tick step needs."""
    decimals = next((d for d in range(4) if abs(round(step * 10**d) - step * 10**d) < 1e-6), 3)
    suffix = "%%" if format_value(1.0, unit).endswith("%") else ""
    return f"%.{decimals}f{suffix}"


class TrendChart(QWidget):
    """Quarters and recent months against each year's target and tolerance lines."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._trend: Trend | None = None
        self._view: QtCharts.QChartView | None = None
        self._lines: dict[str, list[QtCharts.QLineSeries]] = {}
        self._x_shown: tuple = ()  # (category labels, range) now on the x axis
        self._y_shown: tuple = ()  # (min, max, ticks, label format) now on the y axis
        self._points: dict[str, tuple] = {}  # each line's points, by its object name
        self._empty = QLabel("No figures recorded for this measure")
        self._empty.setTextFormat(Qt.TextFormat.PlainText)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setEnabled(False)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self._empty)
        self.setFixedHeight(CHART_HEIGHT)
        self.setAccessibleName("Trend chart")

    # -- public -----------------------------------------------------------
    def show_trend(self, trend: Trend | None) -> None:
        """Draw ``trend`` (None or a trend with no figures shows a short note)."""
        self._trend = trend
        if trend is None or trend.is_empty:
            self._stack.setCurrentWidget(self._empty)
            self.setToolTip("")
            self.setAccessibleDescription("No figures recorded")
            return
        view = self._ensure_view()
        self._plot(view.chart(), trend)
        self._stack.setCurrentWidget(view)
        words = trend.describe()
        self.setToolTip(words)
        self.setAccessibleDescription(words)

    def chart(self) -> QtCharts.QChart | None:
        """The chart being shown (None before the first trend with figures)."""
        return self._view.chart() if self._view is not None else None

    def series_points(self) -> dict[str, list[tuple[float, float]]]:
        """Every drawn line's points by name; how tests see what an officer sees."""
        chart = self.chart()
        if chart is None or self._stack.currentWidget() is not self._view:
            return {}
        result: dict[str, list[tuple[float, float]]] = {}
        for series in chart.series():
            points = [(p.x(), p.y()) for p in series.points()]
            if points:
                result.setdefault(series.name(), []).extend(points)
        return result

    # -- building (once) --------------------------------------------------
    def _ensure_view(self) -> QtCharts.QChartView:
        if self._view is None:
            charts = _charts()
            chart = charts.QChart()
            chart.setMargins(QMargins(4, 4, 4, 4))
            chart.layout().setContentsMargins(0, 0, 0, 0)
            chart.setBackgroundRoundness(0)
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            x_axis = charts.QCategoryAxis()
            x_axis.setLabelsPosition(
                charts.QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue
            )
            y_axis = charts.QValueAxis()
            chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
            # Drawn in this order, so the figures sit on top of the lines.
            for name, count in (
                (TARGET_NAME, MAX_YEARS),
                (TOLERANCE_NAME, MAX_YEARS),
                (MONTHS_NAME, 1),
                (QUARTERS_NAME, 1),
            ):
                self._lines[name] = []
                for n in range(count):
                    series = charts.QLineSeries()
                    series.setName(name)
                    series.setObjectName(f"{name} {n}")
                    chart.addSeries(series)
                    series.attachAxis(x_axis)
                    series.attachAxis(y_axis)
                    self._lines[name].append(series)
            self._x_axis, self._y_axis = x_axis, y_axis
            self._view = charts.QChartView(chart)
            self._view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._stack.addWidget(self._view)
            self._apply_palette()
        return self._view

    def changeEvent(self, event: QEvent) -> None:
        """Recolour when the desktop switches between light and dark."""
        if event.type() == QEvent.Type.PaletteChange and self._view is not None:
            self._apply_palette()
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        palette = self.palette()
        dark = _is_dark(palette)
        chart = self._view.chart()
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        chart.setBackgroundPen(QPen(palette.color(QPalette.ColorRole.Mid)))
        chart.legend().setLabelColor(palette.color(QPalette.ColorRole.WindowText))
        for axis in (self._x_axis, self._y_axis):
            axis.setLabelsColor(palette.color(QPalette.ColorRole.WindowText))
            axis.setGridLineColor(palette.color(QPalette.ColorRole.Mid))
        for name, lines in self._lines.items():
            colour = QColor(_COLOURS[name][1 if dark else 0])
            width, style, marker = _LOOK[name]
            for series in lines:
                series.setPen(QPen(colour, width, style))
                series.setColor(colour)
                series.setPointsVisible(marker > 0)
                if marker:
                    series.setMarkerSize(marker)

    # -- plotting (every measure) -----------------------------------------
    def _plot(self, chart: QtCharts.QChart, trend: Trend) -> None:
        # Each change to a QtCharts axis lays the whole chart out again: touch the
        # axes only when the new measure needs other ones (neighbours mostly share).
        x_axis, y_axis = self._x_axis, self._y_axis
        categories = tuple(quarter_label(q) for q in trend.axis_quarters)
        x_range = (trend.first_x, trend.last_x)
        if (categories, x_range) != self._x_shown:
            for label in x_axis.categoriesLabels():
                x_axis.remove(label)
            for label, q in zip(categories, trend.axis_quarters, strict=True):
                x_axis.append(label, quarter_x(q))
            x_axis.setRange(*x_range)
            self._x_shown = (categories, x_range)
        low, high, ticks = trend.value_scale()
        label_format = _label_format((high - low) / max(1, ticks - 1), trend.measure.unit)
        if (low, high, ticks, label_format) != self._y_shown:
            y_axis.setTickCount(ticks)
            y_axis.setRange(low, high)
            y_axis.setLabelFormat(label_format)
            self._y_shown = (low, high, ticks, label_format)

        targets = [y for y in trend.years if y.target is not None][:MAX_YEARS]
        tolerances = [y for y in trend.years if y.tolerance is not None][:MAX_YEARS]
        for name, years, level in (
            (TARGET_NAME, targets, lambda y: y.target),
            (TOLERANCE_NAME, tolerances, lambda y: y.tolerance),
        ):
            for i, series in enumerate(self._lines[name]):
                points = ()
                if i < len(years):
                    y = years[i]
                    points = ((y.start_x, level(y)), (y.end_x, level(y)))
                self._replace(series, points)
        self._replace(self._lines[MONTHS_NAME][0], tuple((p.x, p.value) for p in trend.months))
        self._replace(self._lines[QUARTERS_NAME][0], tuple((p.x, p.value) for p in trend.quarters))
        # One legend entry per kind of line, and none for a kind not drawn.
        for lines in self._lines.values():
            for i, series in enumerate(lines):
                for marker in chart.legend().markers(series):
                    marker.setVisible(i == 0 and series.count() > 0)

    def _replace(self, series: QtCharts.QLineSeries, points: tuple[tuple[float, float], ...]):
        """New points for a line, unless it already has them (a repaint saved)."""
        if self._points.get(series.objectName()) == points:
            return
        series.replace([QPointF(x, y) for x, y in points])
        self._points[series.objectName()] = points
