"""A database the size a council reaches after ten years.

300 measures, ten financial years of quarterly and monthly readings, yearly
targets, and 40 quarterly meetings each with full challenge records and a few
follow-up actions. Deterministic for a given seed, so benchmark runs compare
like with like. Used by ``make bench`` and by one ordinary correctness test.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from challenge_app.models import (
    CONTRACT,
    VOLUMETRIC,
    Action,
    Challenge,
    Measure,
    Meeting,
    Parties,
    Placement,
    Reading,
    Target,
)
from challenge_app.periods import FinancialYear, Quarter
from challenge_app.store import Store

AREAS = (
    "Social Care Pathway",
    "Children in Care",
    "Workforce",
    "Youth Offending Services",
    "Finance",
    "Early Help and Prevention",
)
UNITS = ("%", "%", "%", "count", "per 100,000", "weeks", "£000s")
FIRST_YEAR = 2016
SENTENCE = (
    "The Council notes the position reported by the provider and asks for assurance that the "
    "actions agreed at the last meeting are being followed through in every locality team. "
)


def _measures(rng: random.Random, n: int) -> list[Measure]:
    measures = []
    for i in range(n):
        area_index = i * len(AREAS) // n
        letter = "ABCDEF"[area_index]
        kind = VOLUMETRIC if i % 10 == 9 else CONTRACT
        measures.append(
            Measure(
                code=f"{letter}{i + 1:02d}" if i % 7 else f"{letter}{i + 1}",
                title=f"Measure {i + 1}: proportion of children and young people whose plan was "
                f"reviewed within statutory timescales (indicator {rng.randint(100, 999)})",
                area=AREAS[area_index],
                kind=kind,
                polarity=None if kind == VOLUMETRIC else rng.choice(("higher", "lower")),
                unit=rng.choice(UNITS),
            )
        )
    return measures


def _figures(rng, measures, years):
    targets, readings = [], []
    for m in measures:
        base = rng.uniform(20, 90)
        for y in range(years):
            fy = FinancialYear(FIRST_YEAR + y)
            if m.kind == CONTRACT:
                step = 5 if m.polarity == "higher" else -5
                targets.append((m.code, Target(str(fy), round(base, 1), round(base - step, 1))))
            for q in fy.quarters():
                readings.append(Reading(m.code, str(q), round(base + rng.uniform(-8, 8), 1)))
                for month in q.months():
                    value = round(base + rng.uniform(-10, 10), 1)
                    readings.append(Reading(m.code, str(month), value))
    return targets, readings


def _long_text(rng: random.Random, paragraphs: int) -> str:
    return "\n\n".join(SENTENCE * rng.randint(2, 4) for _ in range(paragraphs))


def _meetings(store: Store, rng: random.Random, measures, count: int) -> None:
    for i in range(count):
        quarter = Quarter.from_index(Quarter(FIRST_YEAR, 1).index + i)
        last = quarter.last_month
        day = date(last.year, last.month, 28) + timedelta(days=35)
        meeting = store.meetings.save(
            Meeting(
                None,
                "Quarterly challenge meeting",
                day,
                str(quarter),
                "quarterly",
                ("Contract Manager", "Head of Performance"),
                (),
            )
        )
        for m in measures:
            if m.kind != CONTRACT:
                continue
            store.meetings.save_challenge(
                Challenge(
                    meeting.id,
                    m.code,
                    council_comment=_long_text(rng, 3),
                    questions=tuple(f"Question {k + 1} about {m.code}?" for k in range(3)),
                    provider_response=_long_text(rng, 2),
                    meeting_notes=_long_text(rng, 1),
                    headline=f"{m.code}: the position is as reported.",
                    placement=rng.choice((None, Placement.APPENDIX1, Placement.APPENDIX2)),
                )
            )
        for k in range(5):
            store.meetings.save_action(
                Action(
                    None,
                    meeting.id,
                    f"Action {k + 1} from {quarter}",
                    rng.choice(measures).code,
                    "Contract Manager",
                    day + timedelta(days=30),
                    "open" if k < 2 else "done",
                ),
                closed_on=day,
            )


def build_scale_database(
    path: Path, *, measures: int = 300, years: int = 10, meetings: int = 40, seed: int = 1
) -> Path:
    """Write the large database to ``path`` (replacing it) and return the path."""
    path = Path(path)
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    rng = random.Random(seed)
    store = Store.open(path)
    try:
        ms = _measures(rng, measures)
        targets, readings = _figures(rng, ms, years)
        with store.transaction():
            store.settings.set_parties(Parties("DMBC", "Trust"))
            store.measures.upsert(ms)
            store.measures.upsert_targets(targets)
            store.measures.upsert_readings(readings)
            _meetings(store, rng, ms, meetings)
    finally:
        store.close()
    return path
