"""Errors an officer can act on.

``InputError`` is for anything wrong with what came in (a file, an argument,
a database from a newer version): it carries *where* (file, row, column) so
the message can say it, and the command line turns it into exit status 2.
Anything else is unexpected (exit status 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input, located as precisely as we can."""

    message: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    #: For a workbook with several sheets, the sheet the row is on.
    sheet: str | None = None

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(Path(self.file).name)
        if self.sheet:
            where.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class InputError(Exception):
    """Bad input: a file, an argument or a database we must not touch.

    Holds one or more problems so that every invalid row of a file can be
    reported at once rather than one per attempt.
    """

    def __init__(self, problems: Problem | str | list[Problem]):
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class NewerDatabaseError(InputError):
    """The database was written by a newer version of the program."""
