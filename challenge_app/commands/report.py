"""Subcommand ``report``: write the performance section of the scrutiny report (Word).

``challenge-app report --db PATH --period "2016/17 Q1" --out FILE.docx`` writes
the report for the latest meeting that reviewed the period (see
``period_export``): the summary, the headline conclusions and both appendices.
"""

from __future__ import annotations

import argparse

from challenge_app.commands import period_export


def add_arguments(parser: argparse.ArgumentParser) -> None:
    period_export.add_arguments(parser, "Word document (.docx)")


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: the GUI builds this parser at every start-up
    # and must not pay for python-docx until a command runs.
    from challenge_app.word.document import check_out_path, export_report

    return period_export.run_export(args, check_out_path, export_report)
