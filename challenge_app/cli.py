"""The command line: ``challenge-app`` (also ``python -m challenge_app``).

The subcommands work without a display. With no subcommand the main window
opens: the Qt layer's entry point (``ui.main``) hands this module an
``open_window`` function, so the core never imports the Qt layer, not even by
name. Exit status is 0 done, 2 bad input or arguments (a message on stderr
saying what and where, nothing written), 1 anything unexpected.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from challenge_app import __version__
from challenge_app.errors import InputError

EXIT_UNEXPECTED, EXIT_BAD_INPUT = 1, 2

log = logging.getLogger(__name__)

#: subcommand -> module in challenge_app.commands providing ``add_arguments`` and ``run``
SUBCOMMANDS = {
    "import": ("dataset", "import a provider dataset (.csv or .xlsx) into the database"),
    "export": ("appendices", "write the appendices workbook for a period"),
    "report": ("report", "write the scrutiny report's performance section (Word) for a period"),
    "pack-export": ("pack_export", "write the whole database as a challenge pack (JSON)"),
    "pack-import": ("pack_import", "merge a challenge pack into the database"),
    "responses-out": ("responses_out", "write the workbook asking the provider for responses"),
    "responses-in": ("responses_in", "record the responses from a returned workbook"),
}

#: Subcommands that write to the database (responses-out records the database's identity).
WRITING = ("import", "pack-import", "responses-out", "responses-in")


class _VersionAction(argparse.Action):
    """``--version``, looked up only when asked for (it costs start-up time)."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"challenge-app {__version__}")
        parser.exit(0)


class _Parser(argparse.ArgumentParser):
    """argparse, but bad arguments exit 2 with our own wording."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"challenge-app: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="challenge-app",
        description="Minute performance challenge meetings and export the report's appendices.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="print the version")
    parser.add_argument("--db", type=Path, help="database file (default: in your data folder)")
    parser.add_argument("--demo", action="store_true", help="open a fresh demo database")
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="open the main window, wait for its first paint, then exit 0 (self-check)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module, summary) in SUBCOMMANDS.items():
        command = importlib.import_module(f"challenge_app.commands.{module}")
        sp = sub.add_parser(name, help=summary, description=summary)
        command.add_arguments(sp)
    return parser


#: How the Qt layer opens the main window: ``open_window(db_path, exit_when_ready=..., demo=...)``.
OpenWindow = Callable[..., int]


def run_gui(args: argparse.Namespace, open_window: OpenWindow | None) -> int:
    """Work out which database the window opens (a fresh demo, ``--db``, or the
    default in the data folder), then hand it to the Qt layer."""
    from challenge_app.paths import default_db_path

    if args.demo and args.db:
        raise InputError("--demo opens its own fresh database; leave out --db")
    if open_window is None:
        raise InputError("this installation has no window to open; give a command (see --help)")
    if args.demo:
        from challenge_app.demo import build_demo_database

        db_path = build_demo_database()
    else:
        db_path = args.db or default_db_path()
    return open_window(db_path, exit_when_ready=args.exit_when_ready, demo=args.demo)


def main(argv: Sequence[str] | None = None, open_window: OpenWindow | None = None) -> int:
    """Run one command line; ``open_window`` is given by the Qt layer's entry point."""
    from challenge_app.logs import explain_storage_error, setup_logging
    from challenge_app.store.lock import database_lock

    parser = build_parser()
    args = parser.parse_args(argv)
    log_file = setup_logging()
    try:
        if args.command is None:
            return run_gui(args, open_window)
        module = SUBCOMMANDS[args.command][0]
        command = importlib.import_module(f"challenge_app.commands.{module}")
        # Commands that write take the same lock as the open program, so they
        # refuse (exit 2, saying who has it) rather than write under its feet.
        if args.command in WRITING and getattr(args, "db", None):
            with database_lock(args.db):
                return command.run(args)
        return command.run(args)
    except InputError as exc:
        log.info("refused: %s", exc)
        print(f"challenge-app: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("challenge-app: interrupted; nothing was written.", file=sys.stderr)
        return EXIT_UNEXPECTED
    except Exception as exc:  # the last line of defence: say something useful
        explained = explain_storage_error(exc, getattr(args, "db", None))
        if explained:  # a full disk or read-only folder: the officer's to fix, not a bug
            log.warning("%s (%r)", explained, exc)
            print(f"challenge-app: {explained}", file=sys.stderr)
            return EXIT_BAD_INPUT
        log.exception("unexpected error")
        where = f" Details are in {log_file}." if log_file else ""
        print(f"challenge-app: unexpected error: {exc!r}.{where}", file=sys.stderr)
        return EXIT_UNEXPECTED


if __name__ == "__main__":
    sys.exit(main())
