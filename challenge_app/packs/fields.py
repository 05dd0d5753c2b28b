"""Reading single values out of decoded JSON, each problem noted with its JSON path.

The pack reader (``packs.schema``) is built on this: it knows the shape of a
pack, this knows what "expected text", "a date" or "a measure code" means and
how to say where a value went wrong (``meetings[1].challenges[0].code``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from challenge_app.errors import InputError, Problem
from challenge_app.limits import QUOTE_LIMIT, check_figure, check_period_year, check_year

MISSING = object()
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def shown(value: Any) -> str:
    """A value as JSON for a message, cut short: never the whole of an officer's text."""
    if isinstance(value, str) and len(value) > QUOTE_LIMIT:
        return json.dumps(value[: QUOTE_LIMIT - 1] + "…", ensure_ascii=False)
    if isinstance(value, dict | list):
        return kind_of(value)
    return json.dumps(value, ensure_ascii=False)


def kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class FieldReader:
    """Reads values out of decoded JSON objects, noting each problem with its path.

    Every method returns None (after noting a problem) rather than raising, so
    one pass over a pack finds every problem in it.
    """

    def __init__(self, file: str | None):
        self.file = file
        self.problems: list[Problem] = []
        self.ignored: list[str] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(f"{path}: {message}", file=self.file))

    # -- shapes -----------------------------------------------------------
    def known(self, obj: dict, path: str, keys: set[str]) -> None:
        self.ignored.extend(join(path, k) for k in obj if k not in keys)

    def objects(self, obj: dict, key: str, path: str) -> list[tuple[str, dict]]:
        """The objects in list ``key`` (absent means empty), each with its path."""
        value = obj.get(key, [])
        here = join(path, key)
        if not isinstance(value, list):
            self.problem(here, f"expected a list, found {kind_of(value)}")
            return []
        items = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                items.append((join(here, i), item))
            else:
                self.problem(join(here, i), f"expected an object, found {kind_of(item)}")
        return items

    def value(self, obj: dict, key: str, path: str, default: Any = MISSING) -> Any:
        value = obj.get(key, default)
        if value is MISSING:
            self.problem(join(path, key), "missing")
        return value

    # -- values -----------------------------------------------------------
    def text(self, obj: dict, key: str, path: str, default: Any = MISSING) -> str | None:
        value = self.value(obj, key, path, default)
        if value is MISSING:
            return None
        if not isinstance(value, str):
            self.problem(join(path, key), f"expected text, found {kind_of(value)}")
            return None
        return value

    def name(self, obj: dict, key: str, path: str) -> str | None:
        """Text that must say something (a title, a party's name); kept as written."""
        value = self.text(obj, key, path)
        if value is not None and not value.strip():
            self.problem(join(path, key), "must not be blank")
            return None
        return value

    def texts(self, obj: dict, key: str, path: str) -> tuple[str, ...]:
        value = obj.get(key, [])
        here = join(path, key)
        if not isinstance(value, list):
            self.problem(here, f"expected a list of text, found {kind_of(value)}")
            return ()
        for i, item in enumerate(value):
            if not isinstance(item, str):
                self.problem(join(here, i), f"expected text, found {kind_of(item)}")
        return tuple(item for item in value if isinstance(item, str))

    def code(self, obj: dict, key: str, path: str, default: Any = MISSING) -> str | None:
        value = self.text(obj, key, path, default)
        if value is None:
            return None
        code = value.strip()
        if not code:
            self.problem(join(path, key), "a measure code must not be blank")
            return None
        return code

    def number(self, obj: dict, key: str, path: str, default: Any = MISSING) -> float | None:
        value = self.value(obj, key, path, default)
        if value is MISSING or value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(join(path, key), f"expected a number, found {kind_of(value)}")
            return None
        try:
            number = float(value)
        except OverflowError:  # an integer of hundreds of digits
            number = math.inf
        problem = check_figure(number)
        if problem:
            self.problem(join(path, key), f"the number {problem}")
            return None
        return number

    def position(self, obj: dict, key: str, path: str) -> int | None:
        """An optional place in a list, counted from 1 (absent or null: none)."""
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value < 2**31:
            self.problem(join(path, key), f"expected a whole number from 1, found {value!r}")
            return None
        return value

    def choice(self, obj: dict, key: str, path: str, choices: tuple, default: Any = MISSING):
        value = self.value(obj, key, path, default)
        if value is MISSING:
            return None
        if value not in choices:
            allowed = ", ".join(json.dumps(c) for c in choices)
            self.problem(join(path, key), f"{shown(value)} is not one of {allowed}")
            return None
        return value

    def parsed(self, obj: dict, key: str, path: str, parse: Callable[[str], Any]) -> Any:
        """Text read by one of the core's parsers; its message says what is wrong."""
        value = self.text(obj, key, path)
        if value is None:
            return None
        if len(value) > QUOTE_LIMIT:
            self.problem(join(path, key), f"{shown(value)} is too long for a period or a year")
            return None
        try:
            parsed = parse(value)
        except InputError as exc:
            self.problem(join(path, key), str(exc))
            return None
        if problem := check_period_year(parsed):
            self.problem(join(path, key), problem)
            return None
        return parsed

    def day(self, obj: dict, key: str, path: str, default: Any = MISSING) -> date | None:
        value = self.text(obj, key, path, default)
        if value is None:
            return None
        try:
            if not _DATE_RE.match(value):
                raise ValueError
            day = date.fromisoformat(value)
        except ValueError:
            self.problem(
                join(path, key), f"{shown(value)} is not a date; expected the form 2016-08-02"
            )
            return None
        if problem := check_year(day.year):
            self.problem(join(path, key), problem)
            return None
        return day
