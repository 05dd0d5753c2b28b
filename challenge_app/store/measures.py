"""Measures, their yearly targets and their readings."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from challenge_app.codes import natural_key
from challenge_app.models import Measure, Reading, Target
from challenge_app.periods import FinancialYear, Quarter, parse_period


class MeasureRepo:
    def __init__(self, db: Database):
        self.db = db

    # -- measures ---------------------------------------------------------
    def all(self) -> list[Measure]:
        """Every measure, in natural code order (A2 before A10)."""
        rows = self.db.query("SELECT code, title, area, kind, polarity, unit FROM measures")
        return sorted((Measure(**row) for row in rows), key=lambda m: natural_key(m.code))

    def titles(self) -> dict[str, str]:
        """Every measure's title by code: enough to name a measure, quicker than ``all``."""
        return dict(self.db.execute("SELECT code, title FROM measures").fetchall())

    def get(self, code: str) -> Measure | None:
        rows = list(
            self.db.query(
                "SELECT code, title, area, kind, polarity, unit FROM measures WHERE code = ?",
                [code],
            )
        )
        return Measure(**rows[0]) if rows else None

    def areas(self) -> list[str]:
        """Service areas in the order of their first measure's code."""
        seen: dict[str, None] = {}
        for m in self.all():
            seen.setdefault(m.area, None)
        return list(seen)

    def upsert(self, measures: Iterable[Measure]) -> None:
        with self.db.atomic():
            self.db.conn.executemany(
                """INSERT INTO measures (code, title, area, kind, polarity, unit)
               VALUES (:code, :title, :area, :kind, :polarity, :unit)
               ON CONFLICT (code) DO UPDATE SET title = excluded.title, area = excluded.area,
                 kind = excluded.kind, polarity = excluded.polarity, unit = excluded.unit""",
                [m.__dict__ for m in measures],
            )

    # -- targets ----------------------------------------------------------
    def targets(self) -> dict[tuple[str, str], Target]:
        """Every target keyed by (code, year)."""
        return {
            (row["code"], row["year"]): Target(row["year"], row["target"], row["tolerance"])
            for row in self.db.query("SELECT code, year, target, tolerance FROM targets")
        }

    def targets_for(self, code: str) -> list[Target]:
        return [
            Target(row["year"], row["target"], row["tolerance"])
            for row in self.db.query(
                "SELECT year, target, tolerance FROM targets WHERE code = ? ORDER BY year_start",
                [code],
            )
        ]

    def upsert_targets(self, targets: Iterable[tuple[str, Target]]) -> None:
        with self.db.atomic():
            self.db.conn.executemany(
                """INSERT INTO targets (code, year, year_start, target, tolerance)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (code, year) DO UPDATE SET target = excluded.target,
                 tolerance = excluded.tolerance""",
                [
                    (code, t.year, FinancialYear.parse(t.year).start, t.target, t.tolerance)
                    for code, t in targets
                ],
            )

    # -- readings ---------------------------------------------------------
    def upsert_readings(self, readings: Iterable[Reading]) -> None:
        rows = []
        for r in readings:
            period = parse_period(r.period)
            rows.append((r.code, str(period), period.kind, period.index, r.value))
        with self.db.atomic():
            self.db.conn.executemany(
                """INSERT INTO readings (code, period, period_kind, ordinal, value)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (code, period) DO UPDATE SET value = excluded.value""",
                rows,
            )

    def readings(self) -> list[Reading]:
        return [
            Reading(row["code"], row["period"], row["value"])
            for row in self.db.query(
                "SELECT code, period, value FROM readings ORDER BY code, period_kind DESC, ordinal"
            )
        ]

    def readings_for(self, code: str) -> list[Reading]:
        """One measure's readings, quarters first then months, each oldest first."""
        return [
            Reading(code, row["period"], row["value"])
            for row in self.db.query(
                """SELECT period, value FROM readings WHERE code = ?
                   ORDER BY period_kind DESC, ordinal""",
                [code],
            )
        ]

    def values_between(self, kind: str, first: int, last: int) -> dict[tuple[str, int], float]:
        """Values of every measure for periods of ``kind`` with ordinals in [first, last].

        One query for the whole measure list rather than one per row, read as
        plain tuples: the board asks for thousands of rows at every refresh.
        """
        cursor = self.db.execute(
            """SELECT code, ordinal, value FROM readings
               WHERE period_kind = ? AND ordinal BETWEEN ? AND ?""",
            [kind, first, last],
        )
        return {(code, ordinal): value for code, ordinal, value in cursor}

    def values_of(self, code: str) -> dict[str, dict[tuple[str, int], float]]:
        """One measure's values of every period, by kind ("quarter", "month"), keyed as
        ``values_between`` keys them: the board's rules can then judge it at any quarter.
        One query by code alone (with the kind too SQLite picks the period index and
        reads half the table)."""
        values: dict[str, dict[tuple[str, int], float]] = {"quarter": {}, "month": {}}
        cursor = self.db.execute(
            "SELECT period_kind, ordinal, value FROM readings WHERE code = ?", [code]
        )
        for kind, ordinal, value in cursor:
            values[kind][(code, ordinal)] = value
        return values

    def latest_quarter(self) -> Quarter | None:
        """The most recent quarter any measure has a figure for.

        With no meetings yet the main window still shows the measures as they
        stand now, which means the latest quarter that has data.
        """
        rows = list(
            self.db.query("SELECT MAX(ordinal) AS last FROM readings WHERE period_kind = 'quarter'")
        )
        last = rows[0]["last"] if rows else None
        return Quarter.from_index(last) if last is not None else None

    def quarters_with_figures(self) -> list[Quarter]:
        """Every quarter any measure has a figure for, newest first."""
        return [
            Quarter.from_index(row["ordinal"])
            for row in self.db.query(
                """SELECT DISTINCT ordinal FROM readings WHERE period_kind = 'quarter'
                   ORDER BY ordinal DESC"""
            )
        ]
