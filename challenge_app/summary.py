"""The report's summary table: service areas by RAG status, contract measures only.

One pure function, ``summarise``, gives everything the Summary sheet and the
Word report print, so the two documents cannot disagree: the four counts per
area (a zero is printed as an empty cell, ``count_text``), the area's label
with a note of its measures yet to report ("Workforce (one additional
measure yet to report)", as the reference report writes it), and the list of
those measures, by code and title, for under the table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from challenge_app.codes import natural_key
from challenge_app.models import CONTRACT
from challenge_app.rag import REPORT_ORDER, Status

#: The words printed before the list of measures yet to report, under the table.
YET_TO_REPORT_HEADING = "Yet to report:"

_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@dataclass(frozen=True)
class Rated:
    """The little the summary needs to know about one measure."""

    code: str
    area: str
    kind: str
    status: Status
    title: str = ""

    @property
    def listing(self) -> str:
        """``C15 Social workers with a current registration``: code and title."""
        return f"{self.code} {self.title}".strip()


@dataclass
class SummaryRow:
    area: str
    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(REPORT_ORDER, 0))
    yet_to_report: list[Rated] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Measures counted in the four columns (yet to report is in none of them)."""
        return sum(self.counts.values())

    @property
    def label(self) -> str:
        """The area's name with its measures yet to report noted beside it."""
        return area_label(self.area, len(self.yet_to_report), counted=self.total)


@dataclass
class Summary:
    """The summary table: rows in schedule order, their totals, and the
    measures yet to report in natural code order."""

    rows: list[SummaryRow]
    totals: SummaryRow
    yet_to_report: list[Rated]


def area_label(area: str, yet_to_report: int, *, counted: int = 1) -> str:
    """``Workforce (one additional measure yet to report)``.

    "Additional" only when the area has measures in the four columns: an
    area whose every measure is yet to report has nothing to add to.
    """
    if yet_to_report <= 0:
        return area
    number = _NUMBER_WORDS[yet_to_report] if yet_to_report < len(_NUMBER_WORDS) else yet_to_report
    additional = "additional " if counted else ""
    noun = "measure" if yet_to_report == 1 else "measures"
    return f"{area} ({number} {additional}{noun} yet to report)"


def count_text(count: int) -> str:
    """A count as the summary table prints it: zero is an empty cell."""
    return str(count) if count else ""


def summarise(measures: Iterable[Rated]) -> Summary:
    """Count contract measures per area and status; note those yet to report.

    Areas come in the order of their first measure in natural code order, so
    the table follows the contract schedule (A codes' area first), not the
    alphabet. Volumetric measures are context only and are left out. A
    measure yet to report (a target, no figure) is counted in none of the
    four columns; its area still has a row, so the note has a place.
    """
    rows: dict[str, SummaryRow] = {}
    waiting: list[Rated] = []
    for m in sorted(measures, key=lambda m: natural_key(m.code)):
        if m.kind != CONTRACT:
            continue
        row = rows.setdefault(m.area, SummaryRow(m.area))
        if m.status is Status.YET_TO_REPORT:
            row.yet_to_report.append(m)
            waiting.append(m)
        else:
            row.counts[m.status] += 1
    table = list(rows.values())
    return Summary(table, summary_totals(table), waiting)


def summary_table(measures: Iterable[Rated]) -> list[SummaryRow]:
    """The table's rows alone (``summarise`` gives the totals and the list too)."""
    return summarise(measures).rows


def summary_totals(rows: Iterable[SummaryRow]) -> SummaryRow:
    total = SummaryRow("Total")
    for row in rows:
        for status, n in row.counts.items():
            total.counts[status] += n
    return total
