"""The trend chart: which periods and lines it shows, and that it draws them."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from challenge_app.board import board_for_meeting
from challenge_app.models import Measure, Reading, Target
from challenge_app.periods import Month, Quarter
from tests.conftest import REPO
from ui.form.trend_chart import MONTHS_NAME, QUARTERS_NAME, TARGET_NAME, TOLERANCE_NAME, TrendChart
from ui.form.trend_data import (
    MAX_QUARTERS,
    MIN_QUARTERS,
    VALUE_TICKS,
    build_trend,
    month_x,
    nice_scale,
    quarter_label,
    quarter_x,
)

Q1 = Quarter(2016, 1)


@pytest.fixture
def rows(demo_store):
    meeting = demo_store.meetings.latest_for_period("2016/17 Q1")
    return {r.code: r for r in board_for_meeting(demo_store, meeting)}


def trend_for(store, row):
    code = row.code
    return build_trend(
        row.measure,
        store.measures.readings_for(code),
        store.measures.targets_for(code),
        row.quarter,
        row.latest_month,
    )


def test_each_year_has_its_own_target_and_tolerance_line(demo_store, rows):
    trend = trend_for(demo_store, rows["C14"])
    assert [(q.label, q.value) for q in trend.quarters] == [
        ("Q3 15/16", 16),
        ("Q4 15/16", 15),
        ("Q1 16/17", 15),
    ]
    assert [(y.year, y.target, y.tolerance) for y in trend.years] == [
        ("2015/16", 10, 14),
        ("2016/17", 8, 12),
    ]
    april_2016 = Month(2016, 4).index
    assert trend.years[0].end_x == trend.years[1].start_x == april_2016
    assert trend.months[-1].period == "2016-07"  # the latest month the meeting knew


def test_at_least_four_quarters_are_spanned(demo_store, rows):
    trend = trend_for(demo_store, rows["C14"])  # only three quarters of figures
    assert len(trend.axis_quarters) >= MIN_QUARTERS
    assert trend.first_x == Quarter(2015, 2).first_month.index


def test_at_most_eight_quarters_and_nothing_after_the_meeting():
    measure = Measure("Z1", "Long history", "Area", polarity="higher")
    readings = [Reading("Z1", str(Quarter.from_index(Q1.index - i)), 50 + i) for i in range(12)]
    readings.append(Reading("Z1", str(Q1.next()), 99))  # a later quarter: not shown
    readings += [Reading("Z1", str(Month(2016, m)), 60) for m in (5, 6, 7, 8, 9, 10)]
    trend = build_trend(measure, readings, [], Q1, Month(2016, 8))
    assert len(trend.quarters) == MAX_QUARTERS
    assert trend.quarters[-1].period == "2016/17 Q1"
    assert 99 not in [q.value for q in trend.quarters]
    assert [m.period for m in trend.months] == ["2016-05", "2016-06", "2016-07", "2016-08"]
    assert trend.years == ()


def test_volumetric_measures_have_no_target_lines(demo_store, rows):
    trend = trend_for(demo_store, rows["E1"])
    assert trend.years == () and not trend.has_targets
    assert len(trend.quarters) == 3


def test_the_chart_draws_the_figures_and_lines(qtbot, demo_store, rows):
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.show()
    trend = trend_for(demo_store, rows["A2"])
    chart.show_trend(trend)
    points = chart.series_points()
    assert points[QUARTERS_NAME] == [(p.x, p.value) for p in trend.quarters]
    assert points[QUARTERS_NAME][-1] == (quarter_x(Q1), 88)
    assert (month_x(Month(2016, 7)), 88) in points[MONTHS_NAME]
    assert (trend.last_x, 92) in points[TARGET_NAME]  # this year's target runs to the end
    assert (trend.last_x, 90) in points[TOLERANCE_NAME]
    assert "Q1 16/17: 88%" in chart.toolTip()
    legend = [m.label() for m in chart.chart().legend().markers() if m.isVisible()]
    assert sorted(legend) == sorted([TARGET_NAME, TOLERANCE_NAME, MONTHS_NAME, QUARTERS_NAME])


def test_a_volumetric_chart_has_no_target_lines(qtbot, demo_store, rows):
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.show_trend(trend_for(demo_store, rows["A2"]))
    chart.show_trend(trend_for(demo_store, rows["E1"]))
    points = chart.series_points()
    assert set(points) == {QUARTERS_NAME, MONTHS_NAME}
    assert len(chart.chart().axes()) == 2  # the previous measure's axes are gone


def test_no_figures_shows_a_note_instead_of_an_empty_chart(qtbot):
    chart = TrendChart()
    qtbot.addWidget(chart)
    measure = Measure("N1", "New", "Area")
    chart.show_trend(build_trend(measure, [], [Target("2016/17", 1, 2)], Q1))
    assert chart.series_points() == {}
    assert chart._empty.isVisibleTo(chart)


def test_qtcharts_is_not_loaded_until_a_chart_is_drawn():
    code = (
        "import sys\n"
        "import ui.form.challenge_form, ui.form.trend_chart\n"
        "print('PySide6.QtCharts' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("low", "high"),
    [(0, 1), (0, 100), (12.5, 97.3), (-3, 4), (0.001, 0.0042), (850, 1234), (0, 37.4), (88, 92)],
)
def test_the_value_scale_is_the_one_qtcharts_would_choose(qtbot, low, high):
    from PySide6.QtCharts import QValueAxis

    axis = QValueAxis()
    axis.setTickCount(VALUE_TICKS)
    axis.setRange(low, high)
    axis.applyNiceNumbers()
    first, last, ticks = nice_scale(low, high)
    assert (first, last, ticks) == pytest.approx((axis.min(), axis.max(), axis.tickCount()))
    assert first <= low and last >= high


def test_the_axes_follow_each_measure_shown(qtbot, demo_store, rows):
    chart = TrendChart()
    qtbot.addWidget(chart)
    for code in ("C14", "A1", "C14"):
        trend = trend_for(demo_store, rows[code])
        chart.show_trend(trend)
        axes = chart.chart().axes()
        y_axis = next(a for a in axes if a.orientation() == Qt.Orientation.Vertical)
        x_axis = next(a for a in axes if a.orientation() == Qt.Orientation.Horizontal)
        assert (y_axis.min(), y_axis.max(), y_axis.tickCount()) == trend.value_scale()
        assert x_axis.categoriesLabels() == [quarter_label(q) for q in trend.axis_quarters]
