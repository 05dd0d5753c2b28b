"""Subcommand ``responses-out``: write the response workbook to send to the provider.

``challenge-app responses-out --db PATH --period "2016/17 Q1" --out FILE.xlsx``
writes, for the latest meeting reviewing the period, one row per measure the
council commented on or asked about, for the provider to fill in and send
back (INTERFACES.md, "Response workbook"). Bad input exits 2 and writes
nothing (``period_export``). The first workbook sent from a database records
the database's identity in it, so this command takes the database lock like
the commands that import.
"""

from __future__ import annotations

import argparse

from challenge_app.commands import period_export
from challenge_app.progress import TerminalProgress
from challenge_app.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    period_export.add_arguments(parser, "workbook (.xlsx)")


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: the GUI builds this parser at every start-up.
    from challenge_app.export.appendices import check_out_path
    from challenge_app.responses import write_request

    db, period, out = period_export.checked_arguments(args, check_out_path)
    store = Store.open(db)
    try:
        meeting = period_export.meeting_for(store, period, db)
        result = write_request(store, meeting, out, TerminalProgress())
        provider = store.settings.parties().provider
    finally:
        store.close()
    print(
        f"Wrote {result.path} ({meeting.label}): {result.measures} measures for "
        f"{provider} to respond to"
    )
    return 0
