"""Subcommand ``responses-in FILE.xlsx --db PATH [--replace]``: record the provider's responses.

The workbook is read and checked on its own, then against its meeting, and
only then written, in one transaction; any problem refuses the whole file
(exit 2, nothing recorded). A returned response that differs from one
already recorded is kept as recorded and listed, unless ``--replace``, which
takes the returned ones after a backup of the database.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from challenge_app.commands import add_db_argument, add_replace_argument, require_db
from challenge_app.errors import InputError, Problem
from challenge_app.limits import quoted
from challenge_app.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the response workbook the provider sent back")
    add_db_argument(parser)
    add_replace_argument(parser, "a different response is already recorded", "the returned one")


def excerpt(text: str) -> str:
    """One side of a conflict on one line, quoted and cut short."""
    return quoted(" ".join(text.split()))


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: the GUI builds this parser at every start-up.
    from challenge_app.responses import apply_responses, make_plan, read_returned
    from challenge_app.store.backup import backup_before_replacing

    db = require_db(args)
    if not db.is_file():  # reading never creates a database
        raise InputError(Problem("no such database file", str(db)))
    returned = read_returned(args.file)
    store = Store.open(db)
    try:
        plan = make_plan(store, returned)
        backup = None
        take = [c.code for c in plan.conflicts] if args.replace else []
        if take:
            backup = backup_before_replacing(store.db, db)
        recorded = apply_responses(store, plan, take)
    finally:
        store.close()
    name = args.file.name
    print(f"Read {name} ({plan.meeting.label}) into {db}:")
    print(f"  {len(recorded.new)} new responses recorded")
    if recorded.taken:
        print(f"  {len(recorded.taken)} recorded responses replaced: {', '.join(recorded.taken)}")
        print(f"  backup taken first: {backup}")
    if plan.unchanged:
        print(f"  {len(plan.unchanged)} the same as recorded")
    if plan.blank:
        print(f"  {len(plan.blank)} left blank, skipped")
    if recorded.kept:
        print(
            f"  {len(recorded.kept)} kept as recorded, because the returned response differs "
            "(run again with --replace to take the returned ones):"
        )
        for conflict in plan.conflicts:
            if conflict.code in recorded.kept:
                print(
                    f"    {conflict.code} (row {conflict.row}): "
                    f"recorded {excerpt(conflict.recorded)}; returned {excerpt(conflict.returned)}"
                )
    return 0
