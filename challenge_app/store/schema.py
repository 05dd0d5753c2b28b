"""The database schema, as an ordered list of sqlite-utils migrations.

Never edit a migration that has shipped: add a new one at the end of this file,
in the same form::

    @migrations(name="0003_what_it_does")
    def what_it_does(db: Database) -> None:
        # why the schema changes
        run_script(db, "ALTER TABLE ...; CREATE INDEX ...;")

``known_migrations()`` is how we recognise a database written by a newer
version of the program (it has applied migrations we have never heard of) and
refuse to touch it.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "challenge"
migrations = Migrations(MIGRATION_SET)


def statements(script: str) -> list[str]:
    """The SQL statements of ``script``, split where SQLite itself would end one
    (a ``;`` inside a string, a comment or a trigger's body does not). Text after
    the last complete statement is kept as one more, so SQLite reports it if it
    is not valid SQL rather than it being dropped."""
    *pieces, last = script.split(";")
    found, pending = [], ""
    for piece in pieces:
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    rest = (pending + last).strip()
    return [*found, rest] if rest else found


def run_script(db: Database, script: str) -> None:
    """Run a migration's SQL inside the transaction ``Migrations.apply`` holds
    for it, one statement at a time: ``executescript`` would COMMIT first, so a
    failure half-way would leave a half-built schema, recorded as not applied."""
    for statement in statements(script):
        db.execute(statement)


def known_migrations() -> tuple[str, ...]:
    """Every migration this version has, in order: those still pending on an
    empty database (sqlite-utils' public API; nothing is written)."""
    empty = Database(memory=True, execute_plugins=False)
    try:
        return tuple(m.name for m in migrations.pending(empty))
    finally:
        empty.close()


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    """Measures, targets, readings, meetings, challenge records and actions."""
    run_script(
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
    run_script(
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
    run_script(
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


@migrations(name="0004_search_index")
def search_index(db: Database) -> None:
    """Find across every meeting: an FTS5 index over the comments, questions,
    responses, notes, headlines and actions, built from what is already recorded
    and kept in step by triggers, so no writer has to remember it (the form,
    dataset imports, pack merges and deletes all go through them).

    ``search_rows`` holds each text (each question on its own; ``item`` is its
    position) with where it came from; ``search_index`` indexes it as external
    content, so the text is stored once. Also the indexes the Previous meetings
    panel reads one measure across meetings by. An update that leaves the texts
    as they were (a placement chosen, a pack merged again) does not touch the index.
    """
    run_script(
        db,
        """
        CREATE TABLE search_rows (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL CHECK (source IN ('challenge', 'action')),
            source_id INTEGER NOT NULL,
            meeting_id INTEGER NOT NULL,
            code TEXT,
            field TEXT NOT NULL,
            item INTEGER NOT NULL DEFAULT 0,
            body TEXT NOT NULL
        );
        CREATE INDEX search_rows_by_source ON search_rows (source, source_id);
        CREATE VIRTUAL TABLE search_index USING fts5(
            body, content = 'search_rows', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
        );

        CREATE TRIGGER search_rows_added AFTER INSERT ON search_rows BEGIN
            INSERT INTO search_index (rowid, body) VALUES (new.id, new.body);
        END;
        CREATE TRIGGER search_rows_removed AFTER DELETE ON search_rows BEGIN
            INSERT INTO search_index (search_index, rowid, body)
            VALUES ('delete', old.id, old.body);
        END;

        CREATE VIEW search_challenge_texts AS
            SELECT id AS source_id, meeting_id, code, 'council_comment' AS field, 0 AS item,
                   council_comment AS body FROM challenges
            UNION ALL SELECT id, meeting_id, code, 'provider_response', 0, provider_response
                FROM challenges
            UNION ALL SELECT id, meeting_id, code, 'meeting_notes', 0, meeting_notes
                FROM challenges
            UNION ALL SELECT id, meeting_id, code, 'headline', 0, headline FROM challenges
            UNION ALL SELECT c.id, c.meeting_id, c.code, 'questions', CAST(q.key AS INTEGER),
                   q.value
                FROM challenges c, json_each(
                    CASE WHEN json_valid(c.questions) THEN c.questions ELSE '[]' END) q
                WHERE q.type = 'text';

        CREATE TRIGGER challenges_search_added AFTER INSERT ON challenges BEGIN
            INSERT INTO search_rows (source, source_id, meeting_id, code, field, item, body)
            SELECT 'challenge', source_id, meeting_id, code, field, item, body
            FROM search_challenge_texts WHERE source_id = new.id AND trim(body) <> '';
        END;
        CREATE TRIGGER challenges_search_changed AFTER UPDATE OF meeting_id, code,
                council_comment, questions, provider_response, meeting_notes, headline
            ON challenges
            WHEN old.meeting_id IS NOT new.meeting_id OR old.code IS NOT new.code
              OR old.council_comment IS NOT new.council_comment
              OR old.questions IS NOT new.questions
              OR old.provider_response IS NOT new.provider_response
              OR old.meeting_notes IS NOT new.meeting_notes OR old.headline IS NOT new.headline
            BEGIN
            DELETE FROM search_rows WHERE source = 'challenge' AND source_id = old.id;
            INSERT INTO search_rows (source, source_id, meeting_id, code, field, item, body)
            SELECT 'challenge', source_id, meeting_id, code, field, item, body
            FROM search_challenge_texts WHERE source_id = new.id AND trim(body) <> '';
        END;
        CREATE TRIGGER challenges_search_removed AFTER DELETE ON challenges BEGIN
            DELETE FROM search_rows WHERE source = 'challenge' AND source_id = old.id;
        END;

        CREATE TRIGGER actions_search_added AFTER INSERT ON actions BEGIN
            INSERT INTO search_rows (source, source_id, meeting_id, code, field, item, body)
            SELECT 'action', new.id, new.meeting_id, new.code, 'action', 0, new.text
            WHERE trim(new.text) <> '';
        END;
        CREATE TRIGGER actions_search_changed AFTER UPDATE OF meeting_id, code, text
            ON actions
            WHEN old.meeting_id IS NOT new.meeting_id OR old.code IS NOT new.code
              OR old.text IS NOT new.text
            BEGIN
            DELETE FROM search_rows WHERE source = 'action' AND source_id = old.id;
            INSERT INTO search_rows (source, source_id, meeting_id, code, field, item, body)
            SELECT 'action', new.id, new.meeting_id, new.code, 'action', 0, new.text
            WHERE trim(new.text) <> '';
        END;
        CREATE TRIGGER actions_search_removed AFTER DELETE ON actions BEGIN
            DELETE FROM search_rows WHERE source = 'action' AND source_id = old.id;
        END;

        INSERT INTO search_rows (source, source_id, meeting_id, code, field, item, body)
            SELECT 'challenge', source_id, meeting_id, code, field, item, body
            FROM search_challenge_texts WHERE trim(body) <> '';
        INSERT INTO search_rows (source, source_id, meeting_id, code, field, item, body)
            SELECT 'action', id, meeting_id, code, 'action', 0, text FROM actions
            WHERE trim(text) <> '';

        CREATE INDEX challenges_by_code ON challenges (code);
        CREATE INDEX actions_by_code ON actions (code);
        """,
    )


#: The texts of a challenge record the search index holds, as ``search_rows.field`` names them.
_SEARCHED_FIELDS = (
    "council_comment",
    "questions",
    "provider_response",
    "meeting_notes",
    "headline",
)


def _field_trigger(field: str) -> str:
    """Re-index one text of a record when it changes, straight from the new row.

    Read from ``new`` rather than through the ``search_challenge_texts`` view,
    whose four other branches cost half as much again as the change itself;
    what is indexed is what the view gives (the migration's test compares).
    """
    if field == "questions":
        texts = """SELECT 'challenge', new.id, new.meeting_id, new.code, 'questions',
                   CAST(q.key AS INTEGER), q.value
            FROM json_each(
                CASE WHEN json_valid(new.questions) THEN new.questions ELSE '[]' END) q
            WHERE q.type = 'text' AND trim(q.value) <> ''"""
    else:
        texts = f"""SELECT 'challenge', new.id, new.meeting_id, new.code, '{field}', 0,
                   new.{field}
            WHERE trim(new.{field}) <> ''"""
    return f"""
        CREATE TRIGGER challenges_search_{field}_changed AFTER UPDATE OF {field} ON challenges
            WHEN old.{field} IS NOT new.{field}
              AND old.meeting_id IS new.meeting_id AND old.code IS new.code
            BEGIN
            DELETE FROM search_rows
                WHERE source = 'challenge' AND source_id = old.id AND field = '{field}';
            INSERT INTO search_rows (source, source_id, meeting_id, code, field, item, body)
            {texts};
        END;"""


@migrations(name="0005_search_index_by_field")
def search_index_by_field(db: Database) -> None:
    """Re-index only the text that changed, not the whole record.

    0004's trigger took every text of a record out of the full-text index and
    put it back whenever any one changed: recording 300 returned responses
    re-indexed 300 comments, question lists, notes and headlines too (about
    three quarters of ``responses-in``), and every autosave of one field its
    four neighbours. Now each text has its own trigger; a record moved to
    another meeting or code is re-indexed whole, as before. What the index
    holds is unchanged (``tests/core/search_index_check.py``).
    """
    run_script(
        db,
        """
        DROP TRIGGER challenges_search_changed;
        CREATE TRIGGER challenges_search_moved AFTER UPDATE OF meeting_id, code ON challenges
            WHEN old.meeting_id IS NOT new.meeting_id OR old.code IS NOT new.code
            BEGIN
            DELETE FROM search_rows WHERE source = 'challenge' AND source_id = old.id;
            INSERT INTO search_rows (source, source_id, meeting_id, code, field, item, body)
            SELECT 'challenge', source_id, meeting_id, code, field, item, body
            FROM search_challenge_texts WHERE source_id = new.id AND trim(body) <> '';
        END;"""
        + "".join(_field_trigger(field) for field in _SEARCHED_FIELDS),
    )
