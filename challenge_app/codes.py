"""Natural ordering of measure codes.

Codes are text (``A06`` must keep its zero) but officers expect A2 before A10
and A06 between A4 and A8, as in the contract's own schedule. The key splits a
code into letter and number runs and compares numbers as numbers; the code
itself breaks ties so that ``A6`` and ``A06`` still have a fixed order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# ASCII digits only: "\d" also matches "²" or Arabic-Indic digits, which int() refuses
# or reads differently; such characters sort as letters.
_RUNS = re.compile(r"([0-9]+)")


@lru_cache(maxsize=8192)
def natural_key(code: str) -> tuple:
    """Sort key for a measure code: ``sorted(codes, key=natural_key)``.

    Cached: a database has a few hundred codes, and the list, the appendices
    and every save sort them again."""
    parts = []
    for run in _RUNS.split(code.strip()):
        if not run:
            continue
        if run.isascii() and run.isdigit():
            parts.append((1, int(run), ""))
        else:
            parts.append((0, 0, run.casefold()))
    return (tuple(parts), code)


def natural_sorted(codes: Iterable[str]) -> list[str]:
    return sorted(codes, key=natural_key)
