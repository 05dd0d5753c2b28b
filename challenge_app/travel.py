"""Direction of travel, "hard to shift" and the default report placement.

Direction compares a period's value with the previous period's, taking the
measure's polarity into account: a fall in re-referrals is an improvement.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum

from challenge_app.models import HIGHER, LOWER, VOLUMETRIC, Placement
from challenge_app.rag import Status

#: Differences smaller than this are rounding noise in provider figures, not movement.
_STABLE_EPSILON = 1e-9


class Direction(StrEnum):
    IMPROVING = "improving"
    STABLE = "stable"
    DECLINING = "declining"
    UNKNOWN = "unknown"
    NO_FIGURE = "no_figure"

    @property
    def arrow(self) -> str:
        return _ARROWS[self]

    @property
    def label(self) -> str:
        return _LABELS[self]


_ARROWS = {
    Direction.IMPROVING: "▲",
    Direction.STABLE: "▶",
    Direction.DECLINING: "▼",
    Direction.UNKNOWN: "",
    Direction.NO_FIGURE: "",
}
_LABELS = {
    Direction.IMPROVING: "Improving",
    Direction.STABLE: "Stable",
    Direction.DECLINING: "Declining",
    Direction.UNKNOWN: "No previous figure",
    Direction.NO_FIGURE: "No figure for this period yet",
}


def direction_of_travel(
    current: float | None,
    previous: float | None,
    polarity: str | None,
    kind: str = "contract",
) -> Direction:
    """Improving, stable or declining against the previous period.

    Volumetric measures and measures without a polarity have no "better", so
    their direction is unknown even when the number moved. With no figure
    for the period itself there is nothing to compare yet, and the officer is
    told so rather than "no previous figure".
    """
    if current is None:
        return Direction.NO_FIGURE
    if previous is None:
        return Direction.UNKNOWN
    if kind == VOLUMETRIC or polarity not in (HIGHER, LOWER):
        return Direction.UNKNOWN
    change = current - previous
    if abs(change) <= _STABLE_EPSILON * max(1.0, abs(previous)):
        return Direction.STABLE
    better = change > 0 if polarity == HIGHER else change < 0
    return Direction.IMPROVING if better else Direction.DECLINING


def red_streak(statuses: Sequence[Status]) -> int:
    """How many quarters in a row, ending with the last, were Red."""
    return red_streak_from_latest(reversed(statuses))


def red_streak_from_latest(statuses: Iterable[Status]) -> int:
    """The same count, from statuses given newest first.

    Takes an iterable so a caller can judge quarters lazily: most measures
    are not Red, and then only the latest quarter is ever looked at.
    """
    count = 0
    for status in statuses:
        if status is not Status.RED:
            break
        count += 1
    return count


def is_hard_to_shift(streak: int) -> bool:
    """Red for two or more consecutive quarters up to and including the latest.

    ``streak`` is that run of Red quarters (``red_streak``), each quarter
    judged against its own year's target, a missing quarter breaking it.
    """
    return streak >= 2


def default_placement(status: Status, direction: Direction) -> Placement:
    """Where the report would normally put a measure; the officer decides.

    Appendix 1 is "good and improving performance", Appendix 2 "concern or
    potential concern": so Red is always a concern, Amber is a concern unless
    it is improving, and Green is good unless it is slipping. Unrated
    measures, and measures yet to report, are not reported unless the
    officer chooses to.
    """
    if status is Status.RED:
        return Placement.APPENDIX2
    if status is Status.AMBER:
        return Placement.APPENDIX1 if direction is Direction.IMPROVING else Placement.APPENDIX2
    if status is Status.GREEN:
        return Placement.APPENDIX2 if direction is Direction.DECLINING else Placement.APPENDIX1
    return Placement.NONE
