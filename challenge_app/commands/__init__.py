"""One module per subcommand, each with ``add_arguments(parser)`` and ``run(args) -> int``.

Kept apart from ``cli.py`` so each command reads on its own and ``cli.py``
stays a table of contents.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from challenge_app.errors import InputError


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """``--db PATH`` for a subcommand; it may also come before the subcommand."""
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")


def add_replace_argument(parser: argparse.ArgumentParser, differs: str, theirs: str) -> None:
    """``--replace`` for an import that meets text already recorded here.

    Recorded text is never replaced without it; with it, the import takes
    ``theirs`` wherever ``differs``, after a backup of the database.
    """
    parser.add_argument(
        "--replace",
        action="store_true",
        help=f"where {differs}, take {theirs} (a backup of the database is taken first); "
        "without it, recorded text is kept",
    )


def require_db(args: argparse.Namespace) -> Path:
    if getattr(args, "db", None) is None:
        raise InputError("this command needs --db PATH (the database file to work on)")
    return args.db
