"""Reporting periods: UK local-government financial years, quarters and months.

A financial year runs April to March and is written ``2016/17``. Quarter 1 is
April to June, so ``2016/17 Q4`` is January to March 2017. Months are written
``2016-07``. Every period knows its own text form, so the database, the packs
and the exports all store and show the same string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from challenge_app.errors import InputError

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_YEAR_RE = re.compile(r"^\s*(\d{4})\s*/\s*(\d{2}|\d{4})\s*$")
_QUARTER_RE = re.compile(r"^\s*(\d{4}\s*/\s*\d{2,4})\s+Q\s*(\d+)\s*$", re.IGNORECASE)
_MONTH_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


@dataclass(frozen=True, order=True)
class FinancialYear:
    """The April-to-March year that starts in ``start``."""

    start: int

    @classmethod
    def parse(cls, text: str) -> FinancialYear:
        """Read ``2016/17`` (or ``2016/2017``); refuse ``2016/18``."""
        match = _YEAR_RE.match(str(text))
        if not match:
            raise InputError(f"'{text}' is not a financial year; expected the form 2016/17")
        start, end = int(match.group(1)), match.group(2)
        expected = str(start + 1)
        if end != expected[-len(end) :]:
            raise InputError(
                f"'{text}' is not a financial year: {start} must be followed by "
                f"{expected[-2:]} (as in {start}/{expected[-2:]})"
            )
        return cls(start)

    @classmethod
    def containing(cls, day: date) -> FinancialYear:
        return cls(day.year if day.month >= 4 else day.year - 1)

    def __str__(self) -> str:
        return f"{self.start}/{(self.start + 1) % 100:02d}"

    def quarters(self) -> list[Quarter]:
        return [Quarter(self.start, q) for q in range(1, 5)]


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, as providers report monthly figures."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise InputError(f"'{self.year}-{self.month:02d}' is not a month: months run 01 to 12")

    @property
    def kind(self) -> str:
        return "month"

    @property
    def index(self) -> int:
        """Months since year 0: makes ranges and comparisons simple arithmetic."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> Month:
        return cls(index // 12, index % 12 + 1)

    @property
    def financial_year(self) -> FinancialYear:
        return FinancialYear(self.year if self.month >= 4 else self.year - 1)

    @property
    def quarter(self) -> Quarter:
        """The financial quarter this month falls in (July 2016 is 2016/17 Q2)."""
        fy = self.financial_year
        return Quarter(fy.start, (self.month - 4) % 12 // 3 + 1)

    @property
    def name(self) -> str:
        """``July`` -- what the report prints beside the quarter figure."""
        return MONTH_NAMES[self.month - 1]

    def previous(self) -> Month:
        return Month.from_index(self.index - 1)

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}"

    def long(self) -> str:
        return f"{self.name} {self.year}"


@dataclass(frozen=True, order=True)
class Quarter:
    """A financial quarter: ``Quarter(2016, 1)`` is 2016/17 Q1, April to June 2016."""

    year_start: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise InputError(
                f"'{FinancialYear(self.year_start)} Q{self.number}' is not a quarter: "
                "quarters run Q1 to Q4"
            )

    @property
    def kind(self) -> str:
        return "quarter"

    @property
    def financial_year(self) -> FinancialYear:
        return FinancialYear(self.year_start)

    @property
    def index(self) -> int:
        return self.year_start * 4 + self.number - 1

    @classmethod
    def from_index(cls, index: int) -> Quarter:
        return cls(index // 4, index % 4 + 1)

    def months(self) -> list[Month]:
        first = Month(self.year_start, 4).index + (self.number - 1) * 3
        return [Month.from_index(first + i) for i in range(3)]

    @property
    def first_month(self) -> Month:
        return self.months()[0]

    @property
    def last_month(self) -> Month:
        return self.months()[-1]

    def previous(self) -> Quarter:
        return Quarter.from_index(self.index - 1)

    def next(self) -> Quarter:
        return Quarter.from_index(self.index + 1)

    def __str__(self) -> str:
        return f"{self.financial_year} Q{self.number}"

    def long(self) -> str:
        """``Quarter 1 2016/17 (April to June 2016)``."""
        first, last = self.first_month, self.last_month
        span = (
            f"{first.name} to {last.long()}"
            if first.year == last.year
            else f"{first.long()} to {last.long()}"
        )
        return f"Quarter {self.number} {self.financial_year} ({span})"


Period = Quarter | Month


def parse_quarter(text: str) -> Quarter:
    """Read ``2016/17 Q1``; name what is wrong with anything else."""
    match = _QUARTER_RE.match(str(text))
    if not match:
        raise InputError(f"'{text}' is not a quarter; expected the form 2016/17 Q1")
    year = FinancialYear.parse(match.group(1))
    return Quarter(year.start, int(match.group(2)))


def parse_month(text: str) -> Month:
    """Read ``2016-07``."""
    match = _MONTH_RE.match(str(text))
    if not match:
        raise InputError(f"'{text}' is not a month; expected the form 2016-07")
    return Month(int(match.group(1)), int(match.group(2)))


def parse_period(text: str) -> Period:
    """Read a quarter (``2016/17 Q1``) or a month (``2016-07``)."""
    text = str(text).strip()
    if _MONTH_RE.match(text):
        return parse_month(text)
    if "q" in text.lower():
        return parse_quarter(text)
    raise InputError(
        f"'{text}' is not a period; expected a quarter (2016/17 Q1) or a month (2016-07)"
    )


def latest_month_window(quarter: Quarter, meeting_date: date | None = None) -> tuple[Month, Month]:
    """The months whose figure may be shown as "latest month" beside a quarter.

    The report shows the quarter figure beside the most recent month known at
    the meeting ("Q1 = 24%  July = 24%", for a meeting in August). So the
    window runs from the quarter's first month to three months after its end,
    and never past the month before the meeting, if we know its date.
    """
    first = quarter.first_month
    last = Month.from_index(quarter.last_month.index + 3)
    if meeting_date is not None:
        before_meeting = Month(meeting_date.year, meeting_date.month).previous()
        if before_meeting.index >= quarter.last_month.index:
            last = min(last, before_meeting)
    return first, last


def usual_meeting_date(period: Quarter | Month) -> date:
    """When a meeting on ``period`` is usually held: the first working day of the
    second month after the period ends, once the provider's figures are in
    (2016/17 Q1, April to June, is discussed early in August).

    The New meeting dialog proposes it, so the date follows the period the
    officer picks until they type a date of their own.
    """
    last = period.last_month if isinstance(period, Quarter) else period
    month = Month.from_index(last.index + 2)
    day = date(month.year, month.month, 1)
    while day.weekday() >= 5:  # Saturday, Sunday
        day += timedelta(days=1)
    return day


def offered_quarters(with_figures: Iterable[Quarter], today: date) -> list[Quarter]:
    """The quarters a new meeting may review, newest first.

    The quarters the database has figures for, and the one after the newest
    of them (its figures may not have arrived yet: its measures are then
    shown as yet to report). With no figures at all, the quarter just ended
    and the one now running.
    """
    quarters = sorted(set(with_figures), reverse=True)
    if not quarters:
        quarters = [Month(today.year, today.month).quarter.previous()]
    return [quarters[0].next(), *quarters]
