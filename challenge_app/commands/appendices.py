"""Subcommand ``export``: write the appendices workbook for a period.

``challenge-app export --db PATH --period "2016/17 Q1" --out FILE.xlsx`` exports
the latest meeting that reviewed the period (see ``period_export``: bad input
exits 2 and writes nothing; measures placed in an appendix with nothing written
for them are named on stderr).
"""

from __future__ import annotations

import argparse

from challenge_app.commands import period_export


def add_arguments(parser: argparse.ArgumentParser) -> None:
    period_export.add_arguments(parser, "workbook (.xlsx)")


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: the GUI builds this parser at every start-up
    # and must not pay for openpyxl or the pack reader until a command runs.
    from challenge_app.export import export_appendices
    from challenge_app.export.appendices import check_out_path

    return period_export.run_export(args, check_out_path, export_appendices)
