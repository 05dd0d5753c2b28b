"""Subcommand ``pack-export``: write the whole database as a challenge pack (INTERFACES.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from challenge_app.commands import add_db_argument, require_db
from challenge_app.errors import InputError, Problem
from challenge_app.progress import TerminalProgress
from challenge_app.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--out", type=Path, required=True, help="pack file to write (.json)")


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: the GUI builds this parser at every start-up
    # and must not pay for openpyxl or the pack reader until a command runs.
    from challenge_app.packs import export_pack

    db_path = require_db(args)
    if not db_path.exists():
        # Opening would create an empty database: exporting nothing is never what was meant.
        raise InputError(Problem("no such database", str(db_path)))
    store = Store.open(db_path)
    try:
        pack = export_pack(store, args.out, TerminalProgress())
    finally:
        store.close()
    print(
        f"Wrote {args.out}: {len(pack.measures)} measures, {len(pack.readings)} readings, "
        f"{len(pack.meetings)} meetings.",
        file=sys.stdout,
    )
    return 0
