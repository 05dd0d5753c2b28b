"""What is published, and in what order: the placement rule of DOMAIN.md.

Only what the meeting said is published. A measure appears in an appendix
when the officer placed it there, or when something is written for it and
the suggestion (from status and direction of travel) places it there. A
suggestion on an empty record is a prompt on screen, never an empty row in a
published document.

Within an appendix the officer may set the order; rows the officer has not
ordered follow those that are, in natural code order (so with no order set
at all, an appendix is in natural code order). A position is kept with the
appendix it was set in: a measure moved to the other appendix takes its
natural place there rather than a number meant for another list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from challenge_app.codes import natural_key
from challenge_app.models import Challenge, Placement

APPENDICES = (Placement.APPENDIX1, Placement.APPENDIX2)


@dataclass(frozen=True)
class AppendixPosition:
    """The officer's place for a measure within one appendix (1 is first)."""

    placement: Placement
    position: int


def published_placement(challenge: Challenge | None, suggested: Placement) -> Placement:
    """Where the measure is published: the officer's placement, else the
    suggestion if something is written for it, else nowhere."""
    if challenge is not None and challenge.placement is not None:
        return challenge.placement
    if challenge is not None and not challenge.is_empty:
        return suggested
    return Placement.NONE


def placed_but_empty(challenge: Challenge | None) -> bool:
    """The officer placed the measure in an appendix but nothing is written
    for it: it would print as a row of empty cells, so the officer is told."""
    return challenge is not None and challenge.placement in APPENDICES and challenge.is_empty


def order_key(code: str, placement: Placement, position: AppendixPosition | None) -> tuple:
    """Sort key within ``placement``: the officer's positions first, then natural code order."""
    if position is not None and position.placement is placement:
        return (0, position.position, natural_key(code))
    return (1, 0, natural_key(code))


T = TypeVar("T")


def in_appendix_order(
    items: Iterable[T],
    placement: Placement,
    code: Callable[[T], str],
    position: Callable[[T], AppendixPosition | None],
) -> list[T]:
    """``items`` (all of one appendix) in the appendix's order."""
    return sorted(items, key=lambda item: order_key(code(item), placement, position(item)))


def moved(codes: Sequence[str], code: str, step: int) -> list[str] | None:
    """``codes`` with ``code`` moved ``step`` places (-1 up, +1 down).

    None when there is nowhere to go (already first or last, or not in the
    list), so the caller can leave the database untouched and say so.
    """
    if code not in codes:
        return None
    here = list(codes).index(code)
    there = here + step
    if step == 0 or not 0 <= there < len(codes):
        return None
    order = [c for c in codes if c != code]
    order.insert(there, code)
    return order
