"""The report's summary table: service areas by RAG status, contract measures only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from challenge_app.codes import natural_key
from challenge_app.models import CONTRACT
from challenge_app.rag import REPORT_ORDER, Status


@dataclass
class SummaryRow:
    area: str
    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(REPORT_ORDER, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Rated:
    """The little the summary needs to know about one measure."""

    code: str
    area: str
    kind: str
    status: Status


def summary_table(measures: Iterable[Rated]) -> list[SummaryRow]:
    """Count contract measures per area and status.

    Areas come in the order of their first measure in natural code order, so
    the table follows the contract schedule (A codes' area first), not the
    alphabet. Volumetric measures are context only and are left out.
    """
    rows: dict[str, SummaryRow] = {}
    for m in sorted(measures, key=lambda m: natural_key(m.code)):
        if m.kind != CONTRACT:
            continue
        row = rows.setdefault(m.area, SummaryRow(m.area))
        row.counts[m.status] += 1
    return list(rows.values())


def summary_totals(rows: Iterable[SummaryRow]) -> SummaryRow:
    total = SummaryRow("Total")
    for row in rows:
        for status, n in row.counts.items():
            total.counts[status] += n
    return total
