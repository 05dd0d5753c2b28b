"""What the trend chart plots, worked out without Qt.

The chart is drawn on a month scale: a month sits in the middle of its own
slot and a quarter in the middle of its three months, so the quarter figure
and the monthly figures line up under the same stretch of time. Target and
tolerance lines are drawn per financial year, because targets change at the
annual contract review and an officer must see the line the figure was
judged against at the time, not this year's line drawn backwards.

Kept apart from the chart widget so the choice of periods and lines can be
tested headless and the widget only has to draw.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from challenge_app.formatting import format_value
from challenge_app.models import Measure, Reading, Target
from challenge_app.periods import FinancialYear, Month, Quarter, parse_period

#: The chart shows at most this many quarters, ending with the meeting's quarter.
MAX_QUARTERS = 8
#: ...and at least this many, so a new measure's single point is not a lone dot.
MIN_QUARTERS = 4
#: Ticks the value axis aims for before rounding to nice numbers.
VALUE_TICKS = 5


@dataclass(frozen=True)
class TrendPoint:
    """One figure on the chart: ``x`` is in months (see module docstring)."""

    period: str
    label: str
    x: float
    value: float


@dataclass(frozen=True)
class YearLine:
    """Target and tolerance for one financial year, clipped to the chart's span."""

    year: str
    start_x: float
    end_x: float
    target: float | None
    tolerance: float | None


@dataclass(frozen=True)
class Trend:
    measure: Measure
    quarters: tuple[TrendPoint, ...]
    months: tuple[TrendPoint, ...]
    years: tuple[YearLine, ...]
    first_x: float
    last_x: float
    axis_quarters: tuple[Quarter, ...]

    @property
    def has_targets(self) -> bool:
        return any(y.target is not None or y.tolerance is not None for y in self.years)

    @property
    def is_empty(self) -> bool:
        return not self.quarters and not self.months

    def y_range(self) -> tuple[float, float]:
        """A vertical range holding every figure and line, with a little air."""
        values = [p.value for p in (*self.quarters, *self.months)]
        for y in self.years:
            values += [v for v in (y.target, y.tolerance) if v is not None]
        if not values:
            return 0.0, 1.0
        low, high = min(values), max(values)
        pad = (high - low) * 0.15 or abs(high) * 0.1 or 1.0
        bottom = low - pad
        if low >= 0 > bottom:
            bottom = 0.0  # counts and percentages never go below zero
        return bottom, high + pad

    def value_scale(self) -> tuple[float, float, int]:
        """The value axis: ``y_range`` widened to round numbers, and its tick count."""
        return nice_scale(*self.y_range())

    def describe(self) -> str:
        """The chart in words, for the tooltip and screen readers."""
        unit = self.measure.unit
        lines = [f"{p.label}: {format_value(p.value, unit)}" for p in self.quarters]
        if self.months:
            lines.append(
                "Months: "
                + ", ".join(f"{p.label} {format_value(p.value, unit)}" for p in self.months)
            )
        for y in self.years:
            if y.target is not None:
                text = f"{y.year} target {format_value(y.target, unit)}"
                if y.tolerance is not None:
                    text += f", tolerance {format_value(y.tolerance, unit)}"
                lines.append(text)
        return "\n".join(lines) if lines else "No figures recorded"


def quarter_x(quarter: Quarter) -> float:
    return quarter.first_month.index + 1.5


def month_x(month: Month) -> float:
    return month.index + 0.5


def quarter_label(quarter: Quarter) -> str:
    """``Q1 16/17``: short enough for eight of them under a small chart."""
    fy = quarter.financial_year
    return f"Q{quarter.number} {fy.start % 100:02d}/{(fy.start + 1) % 100:02d}"


@lru_cache(maxsize=4096)
def _parse(text: str) -> Quarter | Month:
    """Periods repeat across measures (every measure has "2016-07"): parse each once."""
    return parse_period(text)


def _window(end: Quarter, quarter_indexes: Iterable[int]) -> Quarter:
    """The first quarter shown: back to the oldest figure, within MIN..MAX quarters."""
    earliest = min(quarter_indexes, default=end.index)
    first = max(end.index - MAX_QUARTERS + 1, min(earliest, end.index - MIN_QUARTERS + 1))
    return Quarter.from_index(first)


def build_trend(
    measure: Measure,
    readings: Iterable[Reading],
    targets: Iterable[Target],
    quarter: Quarter,
    latest_month: Month | None = None,
) -> Trend:
    """The figures and lines for ``measure``'s chart at ``quarter``.

    Monthly figures run up to ``latest_month`` (what the meeting knew), or
    to the quarter's end if there is none; nothing later is shown, so an
    old meeting's chart does not leak figures from after it.
    """
    quarterly: dict[int, float] = {}
    monthly: dict[int, float] = {}
    for r in readings:
        period = _parse(r.period)
        (quarterly if isinstance(period, Quarter) else monthly)[period.index] = r.value
    past_quarters = [i for i in quarterly if i <= quarter.index]
    first = _window(quarter, past_quarters)
    last_month = latest_month if latest_month is not None else quarter.last_month
    last_month = max(last_month, quarter.last_month)
    first_x = float(first.first_month.index)
    last_x = float(last_month.index + 1)

    quarters = tuple(
        TrendPoint(str(q), quarter_label(q), quarter_x(q), quarterly[q.index])
        for q in (Quarter.from_index(i) for i in range(first.index, quarter.index + 1))
        if q.index in quarterly
    )
    months = tuple(
        TrendPoint(str(m), f"{m.name[:3]} {m.year % 100:02d}", month_x(m), monthly[m.index])
        for m in (Month.from_index(i) for i in range(int(first_x), int(last_x)))
        if m.index in monthly
    )
    years = [] if measure.is_volumetric else _year_lines(targets, first_x, last_x)
    axis = tuple(
        q
        for q in (Quarter.from_index(i) for i in range(first.index, quarter.index + 2))
        if quarter_x(q) <= last_x
    )
    return Trend(measure, quarters, months, tuple(years), first_x, last_x, axis)


def _year_lines(targets: Iterable[Target], first_x: float, last_x: float) -> list[YearLine]:
    lines = []
    for t in targets:
        if t.target is None and t.tolerance is None:
            continue
        start = Month(FinancialYear.parse(t.year).start, 4).index
        begin, end = max(float(start), first_x), min(float(start + 12), last_x)
        if begin < end:
            lines.append(YearLine(t.year, begin, end, t.target, t.tolerance))
    return sorted(lines, key=lambda y: y.start_x)


def _nice_number(x: float, ceiling: bool) -> float:
    """1, 2 or 5 times a power of ten, near ``x`` (above it when ``ceiling``)."""
    power = 10 ** math.floor(math.log10(x))
    q = x / power
    limits = ((1.0, 1), (2.0, 2), (5.0, 5)) if ceiling else ((1.5, 1), (3.0, 2), (7.0, 5))
    for limit, nice in limits:
        if (q <= limit) if ceiling else (q < limit):
            return nice * power
    return 10 * power


def nice_scale(low: float, high: float, ticks: int = VALUE_TICKS) -> tuple[float, float, int]:
    """(min, max, tick count) of a value axis with round steps holding ``low``..``high``.

    The same rule as QtCharts' ``QValueAxis.applyNiceNumbers``, worked out here
    so the chart sets its axis once per measure (each change of a QtCharts
    axis lays the chart out again), and only when it differs.
    """
    if not high > low:
        high = low + 1.0
    step = _nice_number(_nice_number(high - low, True) / (ticks - 1), False)
    first, last = math.floor(low / step), math.ceil(high / step)
    return first * step, last * step, int(last - first) + 1
