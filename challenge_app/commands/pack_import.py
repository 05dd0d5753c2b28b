"""Subcommand: see INTERFACES.md. (Filled in by the issue that builds import_pack.)"""

from __future__ import annotations

import argparse
from pathlib import Path

from challenge_app.commands import add_db_argument, require_db
from challenge_app.errors import InputError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="challenge pack (.json)")
    add_db_argument(parser)


def run(args: argparse.Namespace) -> int:
    require_db(args)
    raise InputError("this command is not available in this build yet")
