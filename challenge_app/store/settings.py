"""Per-database settings: the parties' names, the protective marking, the database's identity.

These belong to the database, not the machine, because they belong to the
contract: a colleague opening the same pack must see the same headings.
"""

from __future__ import annotations

import uuid

from sqlite_utils import Database

from challenge_app.models import Parties


class SettingsRepo:
    def __init__(self, db: Database):
        self.db = db

    def get(self, key: str, default: str = "") -> str:
        rows = list(self.db.query("SELECT value FROM settings WHERE key = ?", [key]))
        return rows[0]["value"] if rows else default

    def set(self, key: str, value: str) -> None:
        self.db.execute(
            """INSERT INTO settings (key, value) VALUES (?, ?)
               ON CONFLICT (key) DO UPDATE SET value = excluded.value""",
            [key, value],
        )

    def parties(self) -> Parties:
        return Parties(
            council=self.get("council_name", "Council") or "Council",
            provider=self.get("provider_name", "Provider") or "Provider",
        )

    def set_parties(self, parties: Parties) -> None:
        with self.db.atomic():
            self.set("council_name", parties.council.strip() or "Council")
            self.set("provider_name", parties.provider.strip() or "Provider")

    @property
    def protective_marking(self) -> str:
        """E.g. "OFFICIAL - SENSITIVE", printed in export footers; empty for none."""
        return self.get("protective_marking", "")

    def set_protective_marking(self, marking: str) -> None:
        with self.db.atomic():
            self.set("protective_marking", marking.strip())

    @property
    def backup_keep_days(self) -> int:
        """Days of start-up backups to keep (store/backup.py); 14 unless set, at least 1."""
        try:
            return max(1, int(self.get("backup_keep_days", "14")))
        except ValueError:
            return 14

    def set_backup_keep_days(self, days: int) -> None:
        with self.db.atomic():
            self.set("backup_keep_days", str(max(1, int(days))))

    @property
    def database_id(self) -> str:
        """This database's identity ("" until first needed); see ``ensure_database_id``."""
        return self.get("database_id", "")

    def ensure_database_id(self) -> str:
        """The database's identity, made (a random UUID) the first time it is asked for.

        Files sent out of the program and returned (the response workbook)
        carry it, so a file meant for one database is never read into another.
        Backups and copies of the file keep it; a pack merged into another
        database does not carry it.
        """
        existing = self.database_id
        if existing:
            return existing
        made = uuid.uuid4().hex
        with self.db.atomic():
            self.set("database_id", made)
        return made
