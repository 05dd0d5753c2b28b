"""Checking every row of a provider dataset and gathering what the file says.

The whole file is checked before anything is written, and every problem is
collected (file, row, column, what was expected) so the officer can fix the
file in one go rather than one error per attempt. How single cells are read is
in ``cells.py``; this module is about rows and how they add up:

* Rows may repeat a measure's attributes. For title, area, kind, polarity and
  unit the last row that gives one wins; a blank cell means "not given on this
  row", so a provider may fill them on one row only.
* A row with a ``year`` carries that year's target and tolerance (blank: none);
  a target without a year is a problem.
* A row with a ``period`` and a ``value`` carries a figure. A blank value means
  the provider has no figure for that period: nothing is written for it.
* The same row twice is harmless. The same measure and period with two different
  values, or the same measure and year with two different targets, is a problem
  naming both rows: we will not guess which one the provider meant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from challenge_app.errors import InputError, Problem
from challenge_app.imports.cells import (
    CellError,
    parse_code,
    parse_kind,
    parse_number,
    parse_period_cell,
    parse_polarity,
    parse_text,
    parse_year,
)
from challenge_app.imports.reader import Cells, Sheet, is_blank
from challenge_app.models import Target
from challenge_app.periods import Period
from challenge_app.progress import Progress, no_progress

_PROGRESS_EVERY = 500
_CACHE_LIMIT = 50_000
_UNREAD = object()


@dataclass
class MeasureFacts:
    """What the file says about one measure; ``None`` where no row says anything."""

    code: str
    first_row: int
    last_row: int
    title: str | None = None
    area: str | None = None
    kind: str | None = None
    polarity: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Figure:
    """One value for one measure and period, and the row it came from."""

    code: str
    period: Period
    value: float
    row: int


@dataclass(frozen=True)
class YearTarget:
    code: str
    target: Target
    row: int


@dataclass
class Dataset:
    """Everything a valid file says, keyed the way the database is."""

    file: str
    labels: dict[str, str]
    rows: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    measures: dict[str, MeasureFacts] = field(default_factory=dict)
    targets: dict[tuple[str, str], YearTarget] = field(default_factory=dict)
    figures: dict[tuple[str, str], Figure] = field(default_factory=dict)

    def problem(self, message: str, row: int | None, column: str | None = None) -> Problem:
        """A problem located in this file; ``column`` is a template name."""
        label = self.labels.get(column, column) if column else None
        return Problem(message, self.file, row, label)


def _number_text(value: float | None) -> str:
    if value is None:
        return "none"
    return str(int(value)) if value.is_integer() else str(value)


class _RowChecker:
    """Reads one row at a time into a ``Dataset``, collecting problems."""

    def __init__(self, sheet: Sheet):
        self.sheet = sheet
        self.data = Dataset(
            str(sheet.file),
            {name: column.label for name, column in sheet.columns.items()},
            ignored_columns=list(sheet.ignored),
        )
        self.problems: list[Problem] = []
        self._cache: dict[str, dict[tuple[type, object], object]] = {}

    def _blank(self, cells: Cells, name: str) -> bool:
        return is_blank(self.sheet.cell(cells, name))

    def _read(self, row: int, cells: Cells, name: str, parse: Callable[[object], object]):
        """The cell's meaning, or None with a problem noted.

        Provider files repeat the same titles, areas, years and targets on every
        row, so each column remembers what it has already read (keyed by type as
        well, since ``True == 1``): a large file is checked in a fraction of the time.
        """
        raw = self.sheet.cell(cells, name)
        key = (type(raw), raw)
        cache = self._cache.setdefault(name, {})
        outcome = cache.get(key, _UNREAD)
        if outcome is _UNREAD:
            try:
                outcome = parse(raw)
            except CellError as exc:
                outcome = exc
            if len(cache) < _CACHE_LIMIT:
                cache[key] = outcome
        if isinstance(outcome, CellError):
            self.problems.append(self.data.problem(str(outcome), row, name))
            return None
        return outcome

    def check(self, row: int, cells: Cells) -> None:
        self.data.rows += 1
        read = self._read
        code = read(row, cells, "code", parse_code)
        attributes = {
            "title": read(row, cells, "title", parse_text),
            "area": read(row, cells, "area", parse_text),
            "kind": read(row, cells, "kind", parse_kind),
            "polarity": read(row, cells, "polarity", parse_polarity),
            "unit": read(row, cells, "unit", parse_text),
        }
        year = read(row, cells, "year", parse_year)
        target = read(row, cells, "target", parse_number)
        tolerance = read(row, cells, "tolerance", parse_number)
        period = read(row, cells, "period", parse_period_cell)
        value = read(row, cells, "value", parse_number)
        if code is None:
            if self._blank(cells, "code"):
                self.problems.append(
                    self.data.problem("every row needs the measure's code", row, "code")
                )
            return
        self._note_measure(code, row, attributes)
        if year is not None:
            self._note_target(code, row, Target(year, target, tolerance))
        elif (target is not None or tolerance is not None) and self._blank(cells, "year"):
            self.problems.append(
                self.data.problem(
                    "a target or tolerance needs the financial year it is for, e.g. 2016/17",
                    row,
                    "year",
                )
            )
        if period is not None and value is not None:
            self._note_figure(Figure(code, period, value, row))
        elif value is not None and self._blank(cells, "period"):
            self.problems.append(
                self.data.problem(
                    "a value needs its period, e.g. 2016/17 Q1 or 2016-07", row, "period"
                )
            )

    def _note_measure(self, code: str, row: int, attributes: dict[str, str | None]) -> None:
        facts = self.data.measures.get(code)
        if facts is None:
            facts = self.data.measures[code] = MeasureFacts(code, row, row)
        facts.last_row = row
        for name, value in attributes.items():
            if value is not None:
                setattr(facts, name, value)

    def _note_target(self, code: str, row: int, target: Target) -> None:
        key = (code, target.year)
        earlier = self.data.targets.get(key)
        if earlier is not None and earlier.target != target:
            self.problems.append(
                self.data.problem(
                    f"{code} {target.year} already has target "
                    f"{_number_text(earlier.target.target)} and tolerance "
                    f"{_number_text(earlier.target.tolerance)} at row {earlier.row}; "
                    "a measure has one target a year",
                    row,
                    "target",
                )
            )
            return
        self.data.targets[key] = YearTarget(code, target, row)

    def _note_figure(self, figure: Figure) -> None:
        key = (figure.code, str(figure.period))
        earlier = self.data.figures.get(key)
        if earlier is not None and earlier.value != figure.value:
            self.problems.append(
                self.data.problem(
                    f"{figure.code} {figure.period} already has the value "
                    f"{_number_text(earlier.value)} at row {earlier.row}; keep one of the two",
                    figure.row,
                    "value",
                )
            )
            return
        self.data.figures[key] = figure


def validate(sheet: Sheet, progress: Progress = no_progress) -> Dataset:
    """Check every row; return the dataset, or raise one ``InputError`` with every problem."""
    checker = _RowChecker(sheet)
    total = sheet.total
    for number, (row, cells) in enumerate(sheet.rows, start=1):
        checker.check(row, cells)
        if number % _PROGRESS_EVERY == 0:
            progress(min(row, total) if total else number, total, "Checking rows")
    progress(total, total, "Checking rows")
    if checker.problems:
        raise InputError(checker.problems)
    return checker.data
