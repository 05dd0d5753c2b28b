"""Subcommand: see INTERFACES.md. (Filled in by the issue that builds export_appendices.)"""

from __future__ import annotations

import argparse
from pathlib import Path

from challenge_app.commands import add_db_argument, require_db
from challenge_app.errors import InputError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--period", required=True, help='quarter to export, e.g. "2016/17 Q1"')
    parser.add_argument("--out", type=Path, required=True, help="workbook to write (.xlsx)")


def run(args: argparse.Namespace) -> int:
    require_db(args)
    raise InputError("this command is not available in this build yet")
