"""What an import would change, worked out before anything is written.

The officer sees this in the preview, and the command line prints its summary,
so the file is compared with the database item by item: new measures and changed
attributes, new and changed targets, new and changed values. Anything the
database already holds exactly is counted but not written, which is why
re-importing the same file changes nothing, and why a corrected value replaces
only the old one.

A measure the database does not know yet must get its title, area and kind from
some row of the file; a contract measure must end up with a polarity (RAG needs
it). Those checks need the database, so they are made here, and reported like
every other problem: file, row, column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from challenge_app.codes import natural_key
from challenge_app.errors import InputError, Problem
from challenge_app.imports.validate import Dataset, MeasureFacts
from challenge_app.models import CONTRACT, Measure, Target
from challenge_app.periods import Period
from challenge_app.store import Store

_REQUIRED_FOR_NEW = ("title", "area", "kind")


@dataclass(frozen=True)
class MeasureChange:
    old: Measure | None
    new: Measure
    row: int

    @property
    def changed_fields(self) -> list[str]:
        if self.old is None:
            return []
        return [
            name
            for name in ("title", "area", "kind", "polarity", "unit")
            if getattr(self.old, name) != getattr(self.new, name)
        ]


@dataclass(frozen=True)
class TargetChange:
    code: str
    old: Target | None
    new: Target
    row: int


@dataclass(frozen=True)
class ValueChange:
    code: str
    period: Period
    old: float | None
    new: float
    row: int


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _counted(total: int, noun: str, changes: list) -> str:
    new = sum(1 for c in changes if c.old is None)
    parts = [
        f"{n:,} {word}"
        for n, word in (
            (new, "new"),
            (len(changes) - new, "changed"),
            (total - len(changes), "unchanged"),
        )
        if n
    ]
    counted = _plural(total, noun)
    return f"{counted} ({', '.join(parts)})" if parts else counted


@dataclass
class Plan:
    """The differences between a valid dataset and the database, in natural code order."""

    file: str
    rows: int
    measure_count: int
    value_count: int
    target_count: int
    measures: list[MeasureChange] = field(default_factory=list)
    targets: list[TargetChange] = field(default_factory=list)
    values: list[ValueChange] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.measures or self.targets or self.values)

    def describe(self) -> str:
        """``13 measures (13 new), 26 values (26 new), 13 targets (13 new)``."""
        return ", ".join(
            (
                _counted(self.measure_count, "measure", self.measures),
                _counted(self.value_count, "value", self.values),
                _counted(self.target_count, "target", self.targets),
            )
        )

    def summary(self) -> str:
        """The line the command line prints once the plan has been applied."""
        name = Path(self.file).name
        if self.is_empty:
            return (
                f"No changes: the database already holds everything in {name} "
                f"({_plural(self.measure_count, 'measure')}, "
                f"{_plural(self.value_count, 'value')}, {_plural(self.target_count, 'target')})"
            )
        return f"Imported {name}: {self.describe()}"


def _merged_measure(
    dataset: Dataset, facts: MeasureFacts, old: Measure | None, problems: list[Problem]
) -> Measure | None:
    """The measure as it will be: the file's attributes over the database's."""

    def pick(name: str, default: str | None) -> str | None:
        given = getattr(facts, name)
        return given if given is not None else (getattr(old, name) if old else default)

    if old is None:
        missing = [name for name in _REQUIRED_FOR_NEW if getattr(facts, name) is None]
        for name in missing:
            problems.append(
                dataset.problem(
                    f"{facts.code} is a new measure: give its {name} on at least one of its rows",
                    facts.first_row,
                    name,
                )
            )
        if missing:
            return None
    measure = Measure(
        code=facts.code,
        title=pick("title", ""),
        area=pick("area", ""),
        kind=pick("kind", CONTRACT),
        polarity=pick("polarity", None),
        unit=pick("unit", ""),
    )
    if measure.kind == CONTRACT and measure.polarity is None:
        problems.append(
            dataset.problem(
                f"{facts.code} is a contract measure, so it needs a polarity: higher or lower",
                facts.last_row,
                "polarity",
            )
        )
        return None
    return measure


def make_plan(store: Store, dataset: Dataset) -> Plan:
    """Compare ``dataset`` with the database; raise ``InputError`` for what only now shows."""
    problems: list[Problem] = []
    plan = Plan(
        dataset.file,
        dataset.rows,
        len(dataset.measures),
        len(dataset.figures),
        len(dataset.targets),
        ignored_columns=list(dataset.ignored_columns),
    )
    existing = {m.code: m for m in store.measures.all()}
    order = {code: natural_key(code) for code in dataset.measures}
    for code in sorted(dataset.measures, key=order.__getitem__):
        facts = dataset.measures[code]
        old = existing.get(code)
        new = _merged_measure(dataset, facts, old, problems)
        if new is not None and new != old:
            plan.measures.append(MeasureChange(old, new, facts.last_row))
    if problems:
        raise InputError(problems)

    targets = store.measures.targets()
    for (code, year), item in sorted(
        dataset.targets.items(), key=lambda kv: (order[kv[0][0]], kv[0][1])
    ):
        old_target = targets.get((code, year))
        if old_target != item.target:
            plan.targets.append(TargetChange(code, old_target, item.target, item.row))

    values = {(r.code, r.period): r.value for r in store.measures.readings()}
    for figure in sorted(
        dataset.figures.values(),
        key=lambda f: (order[f.code], f.period.kind != "quarter", f.period.index),
    ):
        old_value = values.get((figure.code, str(figure.period)))
        if old_value != figure.value:
            plan.values.append(
                ValueChange(figure.code, figure.period, old_value, figure.value, figure.row)
            )
    return plan
