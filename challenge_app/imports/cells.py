"""Turning one cell of a provider dataset into the value it means, or saying why not.

Provider files pass through Excel, which rewrites what people type: a month
``2016-07`` becomes the date 1 July 2016, a code ``101`` becomes a number, a
value ``24%`` becomes 0.24 shown as a percentage. Where the intent is clear we
accept the tolerant form and store the canonical one; where it is a guess we
refuse and say how to write it. The choices, one place to read them:

* code: text; a number is read as its digits (``101`` or ``101.0`` -> ``"101"``).
* period: ``2016/17 Q1`` is canonical. Also accepted and normalised: ``Q1 2016/17``,
  ``2016/2017 Q1``, ``2016/17Q1`` (any case); months ``2016-07``, ``2016-7``,
  ``July 2016``, ``Jul 2016``, ``Jul-16`` (how Excel writes a month into a CSV), and
  a date cell, meaning the month it falls in. Refused with the reason:
  ``2016/17 Q5`` (quarters run Q1 to Q4), ``2016/18 Q1``, plain numbers.
* year: ``2016/17`` or ``2016/2017``. A date cell is refused, because Excel has
  already changed what was typed and any reading of it would be a guess; a plain
  ``2016`` is refused because it could be the calendar or the financial year.
* numbers (value, target, tolerance): ``24``, ``24%``, ``1,843``, ``£1,234``, with
  spaces. Refused: ``n/a``, ``-``, Excel errors (``#DIV/0!``), dates, TRUE/FALSE.
  An empty cell means "no figure" (no target, or no value for that period).
* kind: ``contract`` or ``volumetric``; polarity: ``higher`` or ``lower`` (also
  ``higher is better``, ``high``...), any case. Empty means "not given on this row".
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache

from challenge_app.errors import InputError
from challenge_app.imports.reader import is_blank
from challenge_app.limits import QUOTE_LIMIT, check_figure, check_period_year, quoted
from challenge_app.models import CONTRACT, HIGHER, LOWER, VOLUMETRIC
from challenge_app.periods import MONTH_NAMES, FinancialYear, Month, Period, parse_period


class CellError(ValueError):
    """What is wrong with one cell, in words for the officer."""


_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_THOUSANDS_RE = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_QUARTER_FIRST_RE = re.compile(r"^Q\s*(\d+)\s*[,-]?\s*(\d{4}\s*/\s*\d{2,4})$", re.IGNORECASE)
_QUARTER_GLUED_RE = re.compile(r"^(\d{4}\s*/\s*\d{2,4})\s*Q\s*(\d+)$", re.IGNORECASE)
_NAMED_MONTH_RE = re.compile(r"^([A-Za-z]{3,9})\.?[\s\-/]+(\d{4}|\d{2})$")


def _describe_date(value: date | datetime | time) -> str:
    if isinstance(value, datetime | date):
        return f"{value:%d %b %Y}"
    return f"{value:%H:%M}"


def _integral_text(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def parse_text(value: object) -> str | None:
    """A free-text cell (title, area, unit); None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _integral_text(value)
    return " ".join(str(value).split())


def parse_code(value: object) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, datetime | date | time):
        raise CellError(
            f"Excel has turned this code into a date ({_describe_date(value)}); "
            "format the column as Text and type the code again"
        )
    if isinstance(value, bool):
        raise CellError("expected a measure code, found TRUE/FALSE")
    if isinstance(value, int | float):
        return _integral_text(value)
    return str(value).strip()


def parse_number(value: object) -> float | None:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellError("expected a number, found TRUE/FALSE")
    if isinstance(value, int | float):
        return _sane_figure(float(value), value)
    if isinstance(value, datetime | date | time):
        raise CellError(
            f"expected a number, but Excel holds a date here ({_describe_date(value)}); "
            "format the cell as a number and type the figure again"
        )
    text = str(value).strip()
    if text.startswith("#"):
        raise CellError(f"the cell holds an Excel error ({text}); expected a number")
    compact = text.replace("\u00a0", "").replace(" ", "").removeprefix("£").removesuffix("%")
    if _THOUSANDS_RE.match(compact):
        compact = compact.replace(",", "")
    if not _NUMBER_RE.match(compact):
        raise CellError(
            f"{quoted(text)} is not a number; expected e.g. 24, 87.7, 24% or 1,843 "
            "(leave the cell empty for no figure)"
        )
    return _sane_figure(float(compact), text)


def _sane_figure(number: float, shown: object) -> float:
    """A float of 400 digits is infinity: refuse it (and anything absurd) rather than store it."""
    problem = check_figure(number)
    if problem:
        raise CellError(f"{quoted(shown)} {problem}")
    return number


def _sane_year(period: FinancialYear | Period) -> None:
    problem = check_period_year(period)
    if problem:
        raise CellError(problem)


@lru_cache(maxsize=512)
def _year_from_text(text: str) -> str:
    if len(text) > QUOTE_LIMIT:
        raise CellError(f"{quoted(text)} is not a financial year; expected the form 2016/17")
    try:
        return str(FinancialYear.parse(text))
    except InputError as exc:
        raise CellError(exc.problems[0].message) from None


def parse_year(value: object) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, datetime | date | time):
        raise CellError(
            f"Excel has turned this cell into a date ({_describe_date(value)}); "
            "write the financial year as text, e.g. 2016/17, in a cell formatted as Text"
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellError(f"'{_integral_text(value)}' is not a financial year; write it as 2016/17")
    year = _year_from_text(str(value).strip())
    _sane_year(FinancialYear.parse(year))
    return year


def _month_number(name: str) -> int | None:
    lowered = name.lower()
    for number, full in enumerate(MONTH_NAMES, start=1):
        if full.lower().startswith(lowered) and len(lowered) >= 3:
            return number
    return None


def _normalise_period_text(text: str) -> str:
    """Rewrite the tolerant spellings into the form ``parse_period`` reads."""
    compact = " ".join(text.split())
    if match := _QUARTER_FIRST_RE.match(compact):
        return f"{match.group(2)} Q{match.group(1)}"
    if match := _QUARTER_GLUED_RE.match(compact):
        return f"{match.group(1)} Q{match.group(2)}"
    if (match := _NAMED_MONTH_RE.match(compact)) and (month := _month_number(match.group(1))):
        year = int(match.group(2))
        return f"{year + 2000 if year < 100 else year}-{month:02d}"
    return compact


@lru_cache(maxsize=4096)
def _period_from_text(text: str) -> Period:
    if len(text) > QUOTE_LIMIT:
        raise CellError(
            f"{quoted(text)} is not a period; expected a quarter (2016/17 Q1) or a month (2016-07)"
        )
    try:
        return parse_period(_normalise_period_text(text))
    except InputError as exc:
        raise CellError(exc.problems[0].message) from None


def parse_period_cell(value: object) -> Period | None:
    period = _period_cell(value)
    if period is not None:
        _sane_year(period)
    return period


def _period_cell(value: object) -> Period | None:
    if is_blank(value):
        return None
    if isinstance(value, datetime | date):
        return Month(value.year, value.month)
    if isinstance(value, time | int | float):
        shown = _describe_date(value) if isinstance(value, time) else _integral_text(value)
        raise CellError(
            f"'{shown}' is not a period; expected a quarter (2016/17 Q1) or a month (2016-07)"
        )
    return _period_from_text(str(value).strip())


def parse_kind(value: object) -> str | None:
    if is_blank(value):
        return None
    kind = str(value).strip().lower()
    if kind not in (CONTRACT, VOLUMETRIC):
        raise CellError(f"{quoted(value)} is not a kind; expected contract or volumetric")
    return kind


_POLARITIES = {
    "higher": HIGHER,
    "high": HIGHER,
    "higher is better": HIGHER,
    "lower": LOWER,
    "low": LOWER,
    "lower is better": LOWER,
}


def parse_polarity(value: object) -> str | None:
    if is_blank(value):
        return None
    polarity = _POLARITIES.get(" ".join(str(value).split()).lower())
    if polarity is None:
        raise CellError(
            f"{quoted(value)} is not a polarity; expected higher or lower "
            "(or an empty cell for a volumetric measure)"
        )
    return polarity
