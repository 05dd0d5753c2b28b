"""Local storage: one SQLite file per contract, opened through ``Store``.

``Store`` is deliberately thin: the connection, a transaction helper and one
repository per kind of record. Pass it in to whatever needs it; there is no
global instance.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from challenge_app.store.connection import open_database
from challenge_app.store.measures import MeasureRepo
from challenge_app.store.meetings import MeetingRepo
from challenge_app.store.settings import SettingsRepo


class Store:
    def __init__(self, db: Database, path: Path | None = None, readonly: bool = False):
        self.db = db
        self.path = path
        self.readonly = readonly
        self.measures = MeasureRepo(db)
        self.meetings = MeetingRepo(db)
        self.settings = SettingsRepo(db)

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> Store:
        path = Path(path)
        return cls(open_database(path, readonly=readonly), path, readonly)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """Everything inside commits together or not at all."""
        with self.db.atomic():
            yield self

    def close(self) -> None:
        self.db.close()


__all__ = ["Store", "open_database"]
