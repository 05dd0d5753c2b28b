"""The database schema, as an ordered list of sqlite-utils migrations.

Never edit a migration that has shipped: add a new one. ``KNOWN`` is how we
recognise a database written by a newer version of the program (it has
applied migrations we have never heard of) and refuse to touch it.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "challenge"
migrations = Migrations(MIGRATION_SET)


def _run(db: Database, script: str) -> None:
    """Run statements one by one: ``executescript`` would COMMIT the migration's
    transaction half-way, so a failure could leave a half-built schema."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    """Measures, targets, readings, meetings, challenge records and actions."""
    _run(
        db,
        """
        CREATE TABLE measures (
            code TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            area TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'contract' CHECK (kind IN ('contract', 'volumetric')),
            polarity TEXT CHECK (polarity IN ('higher', 'lower')),
            unit TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE targets (
            code TEXT NOT NULL REFERENCES measures(code) ON DELETE CASCADE,
            year TEXT NOT NULL,
            year_start INTEGER NOT NULL,
            target REAL,
            tolerance REAL,
            PRIMARY KEY (code, year)
        );
        CREATE TABLE readings (
            code TEXT NOT NULL REFERENCES measures(code) ON DELETE CASCADE,
            period TEXT NOT NULL,
            period_kind TEXT NOT NULL CHECK (period_kind IN ('quarter', 'month')),
            ordinal INTEGER NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (code, period)
        );
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            date TEXT NOT NULL,
            period TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'quarterly',
            attendees TEXT NOT NULL DEFAULT '[]',
            apologies TEXT NOT NULL DEFAULT '[]',
            UNIQUE (period, date, title)
        );
        CREATE TABLE challenges (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            code TEXT NOT NULL REFERENCES measures(code) ON DELETE CASCADE,
            council_comment TEXT NOT NULL DEFAULT '',
            questions TEXT NOT NULL DEFAULT '[]',
            provider_response TEXT NOT NULL DEFAULT '',
            meeting_notes TEXT NOT NULL DEFAULT '',
            headline TEXT NOT NULL DEFAULT '',
            placement TEXT CHECK (placement IN ('appendix1', 'appendix2', 'none')),
            updated_at TEXT,
            UNIQUE (meeting_id, code)
        );
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            code TEXT REFERENCES measures(code) ON DELETE SET NULL,
            text TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '',
            due TEXT,
            status TEXT NOT NULL DEFAULT 'open',
            closed_date TEXT
        );
        """,
    )


@migrations(name="0002_settings_and_indexes")
def settings_and_indexes(db: Database) -> None:
    """Per-database settings (the parties' names, protective marking) and the
    indexes the measure list and exports query by."""
    _run(
        db,
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO settings (key, value) VALUES ('council_name', 'Council'),
                                                 ('provider_name', 'Provider');
        CREATE INDEX readings_by_period ON readings (period_kind, ordinal);
        CREATE INDEX meetings_by_period ON meetings (period, date);
        CREATE INDEX actions_by_meeting ON actions (meeting_id);
        """,
    )


@migrations(name="0003_appendix_order")
def appendix_order(db: Database) -> None:
    """The officer's order of measures within an appendix, per meeting: one
    position per challenge record, kept with the appendix it was set in."""
    _run(
        db,
        """
        CREATE TABLE appendix_order (
            meeting_id INTEGER NOT NULL,
            code TEXT NOT NULL,
            placement TEXT NOT NULL CHECK (placement IN ('appendix1', 'appendix2', 'none')),
            position INTEGER NOT NULL,
            PRIMARY KEY (meeting_id, code),
            FOREIGN KEY (meeting_id, code) REFERENCES challenges (meeting_id, code)
                ON DELETE CASCADE
        );
        """,
    )


KNOWN: tuple[str, ...] = tuple(m.name for m in migrations._migrations)
