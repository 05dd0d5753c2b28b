"""How big and how far out an input may be before it is refused, and the checks that say so.

Files come from providers by email and from colleagues' packs, so nothing in
them is trusted: a link to ``/dev/zero`` never ends, a 3 MB workbook can
inflate to gigabytes, and a number of 400 digits is "infinity" to a float. Each
limit here is far beyond anything real (README.md, "Limits", lists them) and
every refusal names the limit, so an officer with a genuinely huge file knows
what happened rather than watching the program run out of memory.

* Files: a dataset or pack larger than ``MAX_INPUT_BYTES`` (200 MB) is refused
  before reading, as is a workbook whose parts would inflate past
  ``MAX_UNPACKED_BYTES`` (200 MB) and anything that is not a regular file
  (a folder, a device, a pipe). A ten-year pack of 300 measures is about 5 MB
  and a million-row dataset about 80 MB, so both limits leave ample room.
* Figures (a value, a target, a tolerance): finite and no larger than
  ``MAX_FIGURE`` (a million million) either way; council figures are
  percentages, counts and budgets, the largest of which are billions.
* Years (periods, financial years, meeting and due dates): ``EARLIEST_YEAR``
  to ``LATEST_YEAR``. A year outside them is a typing slip or Excel's
  "day zero", never a reporting period.
"""

from __future__ import annotations

import math
import os
import stat
from pathlib import Path

from challenge_app.errors import InputError, Problem
from challenge_app.periods import FinancialYear, Month, Quarter

MB = 1024 * 1024
#: A dataset (.csv/.xlsx) or a challenge pack larger than this is refused before reading.
MAX_INPUT_BYTES = 200 * MB
#: An .xlsx whose parts add up to more than this once uncompressed is refused before reading.
MAX_UNPACKED_BYTES = 200 * MB
#: Largest magnitude of a value, target or tolerance.
MAX_FIGURE = 1e12
EARLIEST_YEAR = 1950
LATEST_YEAR = 2150
#: Text quoted back in a message is cut to this many characters.
QUOTE_LIMIT = 40


def describe_size(size: int) -> str:
    """``200 MB``; sizes in messages are whole megabytes."""
    return f"{size // MB} MB" if size >= MB else f"{size:,} bytes"


def check_figure(number: float) -> str | None:
    """Why ``number`` cannot be a value, target or tolerance; None when it can."""
    if math.isnan(number):
        return "is not a number"
    if not math.isfinite(number) or abs(number) > MAX_FIGURE:
        return "is too large: figures are limited to a million million (1,000,000,000,000)"
    return None


def check_year(year: int) -> str | None:
    """Why ``year`` cannot be a reporting year; None when it can."""
    if EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    return f"the year {year} is outside {EARLIEST_YEAR} to {LATEST_YEAR}; is it mistyped?"


def check_period_year(period: FinancialYear | Quarter | Month) -> str | None:
    """``check_year`` for a financial year, a quarter (its year's start) or a month."""
    if isinstance(period, Month):
        return check_year(period.year)
    return check_year(period.year_start if isinstance(period, Quarter) else period.start)


def quoted(value: object) -> str:
    """A value for a message, in quotes, cut short: never the whole of an officer's text."""
    text = str(value)
    if len(text) > QUOTE_LIMIT:
        text = text[: QUOTE_LIMIT - 1] + "…"
    return f"'{text}'"


def unreadable(exc: OSError, path: Path | str) -> InputError:
    """A plain-words refusal for a file that cannot be opened or read.

    Only a Windows sharing or lock violation means "another program has it
    open"; anything else says what the operating system said.
    """
    if isinstance(exc, FileNotFoundError):
        return InputError(Problem("there is no such file", str(path)))
    if getattr(exc, "winerror", None) in (32, 33):
        reason = "it is open in another program; close it there and try again"
    elif isinstance(exc, PermissionError):
        reason = "you do not have permission to read it"
    else:
        reason = exc.strerror or str(exc)
    return InputError(Problem(f"the file cannot be read: {reason}", str(path)))


def check_input_file(path: Path, limit: int = MAX_INPUT_BYTES) -> int:
    """Refuse anything but a regular file of at most ``limit`` bytes; return its size.

    ``os.stat`` follows links, so a link to ``/dev/zero`` is seen for what it
    points to. Nothing is opened: a pipe would block on open.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise unreadable(exc, path) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(Problem("this is a folder, not a file", str(path)))
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            Problem(
                "this is not an ordinary file (it is a device, a pipe or a socket); "
                "only files saved on disk can be read",
                str(path),
            )
        )
    if info.st_size > limit:
        raise InputError(
            Problem(
                f"the file is {describe_size(info.st_size)}, more than the "
                f"{describe_size(limit)} this program reads; is it the right file?",
                str(path),
            )
        )
    return info.st_size


def read_input_file(path: Path | str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or an ``InputError`` saying why not.

    At most ``limit + 1`` bytes are read, so a file that grows while it is read
    is refused too rather than read without end.
    """
    path = Path(path)
    check_input_file(path, limit)
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise unreadable(exc, path) from None
    if len(data) > limit:  # it grew while being read
        raise InputError(
            Problem(
                f"the file is more than the {describe_size(limit)} this program reads", str(path)
            )
        )
    return data
