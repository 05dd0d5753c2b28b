"""RAG status: how a value stands against its target and tolerance.

The rules are DOMAIN.md's table, kept here once; the UI, the exports and the
summary all call ``rag_status``. A value exactly on target is Green, exactly
on tolerance is Amber; with a target but no tolerance, anything worse than
target is Red. Volumetric measures and missing targets are never rated; a
contract measure with a target but no figure for the period is *yet to
report*, which the summary counts in none of its four columns.
"""

from __future__ import annotations

from enum import StrEnum

from challenge_app.models import HIGHER, LOWER, VOLUMETRIC


class Status(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    NONE = "none"
    YET_TO_REPORT = "yet_to_report"

    @property
    def report_wording(self) -> str:
        """The words the scrutiny report uses (and the summary table's headers)."""
        return _WORDING[self]

    @property
    def letter(self) -> str:
        """One letter for badges: status is never shown by colour alone."""
        return _LETTER[self]

    @property
    def short(self) -> str:
        """A word or two for narrow places: list badges, filters, the status bar."""
        return _SHORT[self]

    @property
    def outlined(self) -> bool:
        """Drawn as an outline on a pale fill: no figure yet, so nothing to colour."""
        return self is Status.YET_TO_REPORT

    @property
    def colour(self) -> str:
        """Fill colour (RGB hex) for badges and the status cell in exports."""
        return _COLOUR[self]


_WORDING = {
    Status.RED: "Outside tolerance",
    Status.AMBER: "Inside tolerance",
    Status.GREEN: "On or better than target",
    Status.NONE: "No target specified",
    Status.YET_TO_REPORT: "Yet to report",
}
_LETTER = {
    Status.RED: "R",
    Status.AMBER: "A",
    Status.GREEN: "G",
    Status.NONE: "–",
    Status.YET_TO_REPORT: "Y",
}
_SHORT = {
    Status.RED: "Red",
    Status.AMBER: "Amber",
    Status.GREEN: "Green",
    Status.NONE: "No target",
    Status.YET_TO_REPORT: "Awaiting",
}
_COLOUR = {
    Status.RED: "F4B6B0",
    Status.AMBER: "FFD98E",
    Status.GREEN: "B7DFB0",
    Status.NONE: "D9D9D9",
    Status.YET_TO_REPORT: "F2F2F2",
}

#: Outline of an outlined badge (``Status.outlined``): the grey of "No target", darker.
OUTLINE_COLOUR = "7F7F7F"

#: The summary table's four columns, worst first (yet to report is in none of them).
REPORT_ORDER = (Status.RED, Status.AMBER, Status.GREEN, Status.NONE)

#: Every status, in the order screens list them (filters, the status bar, help).
SCREEN_ORDER = (*REPORT_ORDER, Status.YET_TO_REPORT)


def rag_status(
    value: float | None,
    target: float | None,
    tolerance: float | None,
    polarity: str | None,
    kind: str = "contract",
) -> Status:
    """Rate ``value`` against ``target`` and ``tolerance`` for the measure's polarity.

    A measure that would be rated but has no figure yet is ``YET_TO_REPORT``,
    not "No target": the report must not say a measure has no target when
    its figure has simply not arrived.
    """
    if kind == VOLUMETRIC or target is None or polarity not in (HIGHER, LOWER):
        return Status.NONE
    if value is None:
        return Status.YET_TO_REPORT
    sign = 1 if polarity == HIGHER else -1  # flip "lower is better" into "higher is better"
    v, t = sign * value, sign * target
    if v >= t:
        return Status.GREEN
    if tolerance is not None and v >= sign * tolerance:
        return Status.AMBER
    return Status.RED
