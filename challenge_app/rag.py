"""RAG status: how a value stands against its target and tolerance.

The rules are DOMAIN.md's table, kept here once; the UI, the exports and the
summary all call ``rag_status``. A value exactly on target is Green, exactly
on tolerance is Amber; with a target but no tolerance, anything worse than
target is Red. Volumetric measures, missing targets and missing values are
never rated.
"""

from __future__ import annotations

from enum import StrEnum

from challenge_app.models import HIGHER, LOWER, VOLUMETRIC


class Status(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    NONE = "none"

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
        return _SHORT[self]

    @property
    def colour(self) -> str:
        """Fill colour (RGB hex) for badges and the status cell in exports."""
        return _COLOUR[self]


_WORDING = {
    Status.RED: "Outside tolerance",
    Status.AMBER: "Inside tolerance",
    Status.GREEN: "On or better than target",
    Status.NONE: "No target specified",
}
_LETTER = {Status.RED: "R", Status.AMBER: "A", Status.GREEN: "G", Status.NONE: "–"}
_SHORT = {Status.RED: "Red", Status.AMBER: "Amber", Status.GREEN: "Green", Status.NONE: "No target"}
_COLOUR = {
    Status.RED: "F4B6B0",
    Status.AMBER: "FFD98E",
    Status.GREEN: "B7DFB0",
    Status.NONE: "D9D9D9",
}

#: Order the report and the summary table use, worst first.
REPORT_ORDER = (Status.RED, Status.AMBER, Status.GREEN, Status.NONE)


def rag_status(
    value: float | None,
    target: float | None,
    tolerance: float | None,
    polarity: str | None,
    kind: str = "contract",
) -> Status:
    """Rate ``value`` against ``target`` and ``tolerance`` for the measure's polarity."""
    if kind == VOLUMETRIC or value is None or target is None or polarity not in (HIGHER, LOWER):
        return Status.NONE
    sign = 1 if polarity == HIGHER else -1  # flip "lower is better" into "higher is better"
    v, t = sign * value, sign * target
    if v >= t:
        return Status.GREEN
    if tolerance is not None and v >= sign * tolerance:
        return Status.AMBER
    return Status.RED
