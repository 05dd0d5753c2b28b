"""Subcommand ``pack-import``: merge a challenge pack into the database (INTERFACES.md).

Text already recorded is never emptied or replaced without ``--replace``:
records whose text differs are kept and listed by meeting and measure, and the
exit status is still 0 (the pack's other records were merged). With
``--replace`` the pack's text is taken, after a backup of the database.

The pack is read and checked before the database is even opened, so a bad
pack never creates or touches a database file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from challenge_app.commands import add_db_argument, add_replace_argument, require_db
from challenge_app.progress import TerminalProgress
from challenge_app.store import Store

#: Unknown keys are listed up to this many; past that, a count says the rest.
IGNORED_KEYS_LISTED = 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="challenge pack (.json)")
    add_db_argument(parser)
    add_replace_argument(parser, "text recorded here differs from the pack's", "the pack's")


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: the GUI builds this parser at every start-up
    # and must not pay for openpyxl or the pack reader until a command runs.
    from challenge_app.packs import merge_pack, read_pack, take_all, take_none

    db_path = require_db(args)
    loaded = read_pack(args.file)
    store = Store.open(db_path)
    try:
        take = take_all if args.replace else take_none
        plan = merge_pack(store, loaded.pack, TerminalProgress(), file=str(args.file), take=take)
    finally:
        store.close()
    if loaded.ignored_keys:
        shown = ", ".join(loaded.ignored_keys[:IGNORED_KEYS_LISTED])
        more = len(loaded.ignored_keys) - IGNORED_KEYS_LISTED
        print(
            f"challenge-app: note: left out keys this version does not know: {shown}"
            + (f" and {more} more" if more > 0 else ""),
            file=sys.stderr,
        )
    verb = "Merged" if plan.changes_anything else "Nothing to change from"
    print(f"{verb} {args.file.name} into {db_path}:")
    for line in plan.summary_lines():
        print(f"  {line}")
    if plan.kept:
        print("Kept as recorded here (the pack's text differs; --replace takes the pack's):")
        for conflict in plan.kept:
            print(f"  {conflict.describe()}")
    if plan.taken:
        print("Replaced by the pack's text (a backup was taken first):")
        for conflict in plan.taken:
            print(f"  {conflict.describe()}")
    return 0
