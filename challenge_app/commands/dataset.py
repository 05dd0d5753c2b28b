"""Subcommand ``import FILE --db PATH``: import a provider dataset (see INTERFACES.md).

The file is read and checked completely before the database is even opened,
so a bad file never creates or touches a database; a good one is written in
one transaction, and the summary line says what changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from challenge_app.commands import add_db_argument, require_db
from challenge_app.errors import InputError, Problem
from challenge_app.progress import TerminalProgress
from challenge_app.store import Store

#: A wholly wrong file could list a problem on every one of 18,000 rows; a terminal
#: shows the first ones and a count, which is enough to see what to fix.
MAX_PROBLEMS_SHOWN = 50


def _shortened(error: InputError) -> InputError:
    problems = error.problems
    if len(problems) <= MAX_PROBLEMS_SHOWN:
        return error
    rest = len(problems) - MAX_PROBLEMS_SHOWN
    return InputError(
        [
            *problems[:MAX_PROBLEMS_SHOWN],
            Problem(f"... and {rest} more problems; nothing was imported"),
        ]
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="provider dataset, .csv or .xlsx")
    add_db_argument(parser)


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: the GUI builds this parser at every start-up
    # and must not pay for openpyxl or the pack reader until a command runs.
    from challenge_app.imports import apply_plan, make_plan, read_dataset

    db_path = require_db(args)
    try:
        dataset = read_dataset(args.file, TerminalProgress())
        store = Store.open(db_path)
        try:
            plan = make_plan(store, dataset)
            apply_plan(store, plan)
        finally:
            store.close()
    except InputError as exc:
        raise _shortened(exc) from exc
    print(plan.summary())
    return 0
