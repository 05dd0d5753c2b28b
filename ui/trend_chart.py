"""The small trend chart on the challenge form.

QtCharts is a large library, so it is imported the first time a chart is
actually drawn, not when this module is imported: the main window opens
without paying for it. What to plot comes from ``ui.trend_data``; this
module only draws it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from challenge_app.formatting import format_value
from ui.trend_data import Trend, quarter_label, quarter_x

if TYPE_CHECKING:
    from PySide6 import QtCharts

CHART_HEIGHT = 210
QUARTERS_NAME = "Quarter"
MONTHS_NAME = "Month"
TARGET_NAME = "Target"
TOLERANCE_NAME = "Tolerance"

#: (light palette, dark palette) colours, chosen to read on either background.
_COLOURS = {
    QUARTERS_NAME: ("#1f5fa8", "#8ab8ff"),
    MONTHS_NAME: ("#7a7a7a", "#b0b0b0"),
    TARGET_NAME: ("#2e7d32", "#81c784"),
    TOLERANCE_NAME: ("#b36200", "#ffb74d"),
}


def _charts():
    """Import QtCharts on first use (see the module docstring)."""
    from PySide6 import QtCharts

    return QtCharts


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class TrendChart(QWidget):
    """Quarters and recent months against each year's target and tolerance lines."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._trend: Trend | None = None
        self._view: QtCharts.QChartView | None = None
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
        old = view.chart()
        chart = self._new_chart()
        self._draw(chart, trend)
        view.setChart(chart)
        if old is not None:
            old.deleteLater()
        self._stack.setCurrentWidget(view)
        self.setToolTip(trend.describe())
        self.setAccessibleDescription(trend.describe())

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
            result.setdefault(series.name(), []).extend(points)
        return result

    # -- drawing ----------------------------------------------------------
    def _ensure_view(self) -> QtCharts.QChartView:
        if self._view is None:
            charts = _charts()
            self._view = charts.QChartView()
            self._view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._stack.addWidget(self._view)
        return self._view

    @staticmethod
    def _new_chart() -> QtCharts.QChart:
        """A fresh chart per measure: reusing one leaves stale axes behind."""
        chart = _charts().QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def changeEvent(self, event: QEvent) -> None:
        """Redraw in the new colours when the desktop switches light/dark."""
        if event.type() == QEvent.Type.PaletteChange and self._trend is not None:
            self.show_trend(self._trend)
        super().changeEvent(event)

    def _colour(self, name: str) -> QColor:
        light, dark = _COLOURS[name]
        return QColor(dark if _is_dark(self.palette()) else light)

    def _draw(self, chart: QtCharts.QChart, trend: Trend) -> None:
        charts = _charts()
        self._apply_palette(chart)

        x_axis = charts.QCategoryAxis()
        x_axis.setLabelsPosition(charts.QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for q in trend.axis_quarters:
            x_axis.append(quarter_label(q), quarter_x(q))
        x_axis.setRange(trend.first_x, trend.last_x)
        y_axis = charts.QValueAxis()
        low, high = trend.y_range()
        y_axis.setRange(low, high)
        y_axis.setTickCount(5)
        y_axis.applyNiceNumbers()
        step = (y_axis.max() - y_axis.min()) / max(1, y_axis.tickCount() - 1)
        y_axis.setLabelFormat(_label_format(step, trend.measure.unit))
        for axis in (x_axis, y_axis):
            axis.setLabelsColor(self.palette().color(QPalette.ColorRole.WindowText))
            axis.setGridLineColor(self.palette().color(QPalette.ColorRole.Mid))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)

        first_line = {TARGET_NAME: True, TOLERANCE_NAME: True}
        for year in trend.years:
            for name, level, style in (
                (TARGET_NAME, year.target, Qt.PenStyle.SolidLine),
                (TOLERANCE_NAME, year.tolerance, Qt.PenStyle.DashLine),
            ):
                if level is None:
                    continue
                series = self._line(
                    name, [(year.start_x, level), (year.end_x, level)], 2, style, False
                )
                self._attach(chart, series, x_axis, y_axis, in_legend=first_line[name])
                first_line[name] = False
        if trend.months:
            months = self._line(MONTHS_NAME, [(p.x, p.value) for p in trend.months], 1.5)
            months.setMarkerSize(5)
            self._attach(chart, months, x_axis, y_axis)
        if trend.quarters:
            quarters = self._line(QUARTERS_NAME, [(p.x, p.value) for p in trend.quarters], 3)
            quarters.setMarkerSize(9)
            self._attach(chart, quarters, x_axis, y_axis)

    def _line(
        self,
        name: str,
        points: list[tuple[float, float]],
        width: float,
        style: Qt.PenStyle = Qt.PenStyle.SolidLine,
        markers: bool = True,
    ) -> QtCharts.QLineSeries:
        series = _charts().QLineSeries()
        series.setName(name)
        series.append([QPointF(x, y) for x, y in points])
        pen = QPen(self._colour(name), width, style)
        series.setPen(pen)
        series.setColor(self._colour(name))
        series.setPointsVisible(markers)
        return series

    @staticmethod
    def _attach(chart, series, x_axis, y_axis, in_legend: bool = True) -> None:
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        for marker in chart.legend().markers(series):
            marker.setVisible(in_legend)

    def _apply_palette(self, chart: QtCharts.QChart) -> None:
        palette = self.palette()
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        chart.setBackgroundPen(QPen(palette.color(QPalette.ColorRole.Mid)))
        chart.legend().setLabelColor(palette.color(QPalette.ColorRole.WindowText))


def _label_format(step: float, unit: str) -> str:
    """printf format for the value axis: as many decimals as the tick step needs."""
    decimals = next((d for d in range(4) if abs(round(step * 10**d) - step * 10**d) < 1e-6), 3)
    suffix = "%%" if format_value(1.0, unit).endswith("%") else ""
    return f"%.{decimals}f{suffix}"
