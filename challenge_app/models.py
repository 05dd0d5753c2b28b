"""The records the program keeps, as small immutable values.

These carry no behaviour beyond what belongs to the value itself; the rules
(RAG, direction of travel, placement) are pure functions in their own modules.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from functools import cached_property

CONTRACT = "contract"
VOLUMETRIC = "volumetric"
HIGHER = "higher"
LOWER = "lower"


class Placement(StrEnum):
    """Where a measure's challenge record goes in the report."""

    APPENDIX1 = "appendix1"
    APPENDIX2 = "appendix2"
    NONE = "none"

    @property
    def label(self) -> str:
        return {
            Placement.APPENDIX1: "Appendix 1",
            Placement.APPENDIX2: "Appendix 2",
            Placement.NONE: "Not reported",
        }[self]


@dataclass(frozen=True)
class Target:
    """A measure's target and tolerance for one financial year (either may be absent)."""

    year: str
    target: float | None
    tolerance: float | None


@dataclass(frozen=True)
class Measure:
    code: str
    title: str
    area: str
    kind: str = CONTRACT
    polarity: str | None = HIGHER
    unit: str = "%"

    @property
    def is_volumetric(self) -> bool:
        return self.kind == VOLUMETRIC


@dataclass(frozen=True)
class Reading:
    code: str
    period: str
    value: float


@dataclass(frozen=True)
class Parties:
    """The names the officer uses for the two sides, e.g. "DMBC" and "Trust"."""

    council: str = "Council"
    provider: str = "Provider"

    @property
    def comment_heading(self) -> str:
        return f"{self.council} Comment"

    @property
    def response_heading(self) -> str:
        return f"{self.provider} Response"


@dataclass(frozen=True)
class Meeting:
    id: int | None
    title: str
    date: date
    period: str
    kind: str = "quarterly"
    attendees: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.period} - {self.date:%d %b %Y} - {self.title}"


def _written(default: str | tuple[str, ...]):
    """A field the officer writes: marked so ``TEXT_FIELDS`` finds it."""
    return field(default=default, metadata={"written": True})


@dataclass(frozen=True)
class Challenge:
    """What was said about one measure at one meeting."""

    meeting_id: int
    code: str
    council_comment: str = _written("")
    questions: tuple[str, ...] = _written(())
    provider_response: str = _written("")
    meeting_notes: str = _written("")
    headline: str = _written("")
    placement: Placement | None = None  # None: not decided, the default applies
    updated_at: str | None = None

    def texts(self) -> dict[str, str | tuple[str, ...]]:
        """The officer's writing, by field name (``TEXT_FIELDS``, in form order)."""
        return {name: getattr(self, name) for name in TEXT_FIELDS}

    def pieces(self) -> Iterator[str]:
        """Every piece of the officer's writing, each question on its own."""
        for value in self.texts().values():
            yield from (value,) if isinstance(value, str) else value

    @cached_property
    def is_empty(self) -> bool:
        """Nothing written (blank text counts as nothing). Worked out once per record:
        the list, the status bar and the placement rule ask it of every row often."""
        return not any(piece.strip() for piece in self.pieces())


TEXT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Challenge) if f.metadata.get("written"))
"""The challenge fields an officer writes, in form order. Storage, packs, the
emptiness test and text search all go by this one list."""

LIST_FIELDS: frozenset[str] = frozenset(
    f.name for f in fields(Challenge) if f.metadata.get("written") and isinstance(f.default, tuple)
)
"""Those of ``TEXT_FIELDS`` holding a list of texts (the questions) rather than one."""


ACTION_STATUSES = ("open", "done", "dropped")


@dataclass(frozen=True)
class Action:
    """A follow-up action; open ones carry forward to later meetings until closed."""

    id: int | None
    meeting_id: int
    text: str
    code: str | None = None
    owner: str = ""
    due: date | None = None
    status: str = "open"

    @property
    def is_open(self) -> bool:
        return self.status == "open"
