"""The appendices workbook: what the officer hands in with the scrutiny report.

``export_appendices`` reads everything it needs from the store once
(``report.gather``), writes the sheets in the report's order and saves the
workbook atomically. Sheets, in order:

* ``Summary``: service areas by status (contract measures only), and the
  hard-to-shift list;
* ``Appendix 1`` and ``Appendix 2``: one measure a row, as the report prints;
* ``Headlines``: the headline conclusions for both appendices;
* ``Overview``: one tile per reported measure, at a glance;
* ``Actions``: the follow-up actions log;
* ``Data``: every measure's recent figures, for officers' own charts.

Typed text stays exactly as typed (see ``safe_text``): never a formula, never
cut. Text too long to print in one row carries on over "(continued)" rows.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.export.actions_sheet import write_actions
from challenge_app.export.appendix_sheet import write_appendix
from challenge_app.export.atomic import WORKBOOK, check_suffix, kind_of, write_atomically
from challenge_app.export.blank_workbook import report_workbook
from challenge_app.export.cells import Styles
from challenge_app.export.data_sheet import write_data
from challenge_app.export.headlines_sheet import write_headlines
from challenge_app.export.layout import PageText
from challenge_app.export.overview import write_overview
from challenge_app.export.report import Report, gather
from challenge_app.export.summary_sheet import write_summary
from challenge_app.models import Meeting, Placement
from challenge_app.progress import Progress, no_progress
from challenge_app.store import Store

SUMMARY, APPENDIX_1, APPENDIX_2, HEADLINES = "Summary", "Appendix 1", "Appendix 2", "Headlines"
OVERVIEW, ACTIONS, DATA = "Overview", "Actions", "Data"


class ExportCancelled(Exception):
    """Raised by a progress callback to stop an export; nothing is written."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote (the workbook or the Word report), for the closing message."""

    path: Path
    appendix1: int
    appendix2: int

    @classmethod
    def of(cls, path: Path, report: Report) -> ExportResult:
        return cls(
            path, len(report.placed(Placement.APPENDIX1)), len(report.placed(Placement.APPENDIX2))
        )


def _sheets(
    report: Report, page: PageText, styles: Styles
) -> list[tuple[str, Callable[[Worksheet], object]]]:
    return [
        (SUMMARY, lambda ws: write_summary(ws, report, page, styles)),
        (APPENDIX_1, lambda ws: write_appendix(ws, report, Placement.APPENDIX1, page, styles)),
        (APPENDIX_2, lambda ws: write_appendix(ws, report, Placement.APPENDIX2, page, styles)),
        (HEADLINES, lambda ws: write_headlines(ws, report, page, styles)),
        (OVERVIEW, lambda ws: write_overview(ws, report, page, styles)),
        (ACTIONS, lambda ws: write_actions(ws, report, page, styles)),
        (DATA, lambda ws: write_data(ws, report, page, styles)),
    ]


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while the workbook is built and saved.

    A year's workbook is tens of thousands of cells, styles and text runs,
    all kept until saved and none of them garbage; the collector would walk
    them (and everything else in memory) again and again as they pile up:
    about a sixth of an export's time. It runs again afterwards.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def build_workbook(report: Report, progress: Progress = no_progress) -> Workbook:
    """The whole workbook in memory; ``progress`` hears of each sheet."""
    page = report.page
    wb = report_workbook()
    sheets = _sheets(report, page, Styles(wb))
    total = len(sheets) + 1  # the last step is saving
    for done, (name, write) in enumerate(sheets):
        progress(done, total, f"Writing {name}")
        write(wb.create_sheet(name))
    wb.active = 0
    wb.properties.title = f"Appendices - {report.period}"
    wb.properties.creator = "Challenge"
    return wb


def check_out_path(out: Path) -> Path:
    return check_suffix(out, WORKBOOK)


def export_appendices(
    store: Store, meeting: Meeting, out: Path, progress: Progress = no_progress
) -> ExportResult:
    """Write the appendices workbook for ``meeting`` to ``out``; nothing is written on failure."""
    out = check_out_path(out)
    with _no_cycle_collection():
        report = gather(store, meeting)
        wb = build_workbook(report, progress)
        return save_export(out, report, wb.save, len(wb.sheetnames) + 1, progress)


def save_export(
    out: Path, report: Report, save: Callable[[Path], object], steps: int, progress: Progress
) -> ExportResult:
    """The last step of every export: ``save`` to a temporary file, renamed to ``out``.

    ``steps`` is how many steps ``progress`` has heard of, saving included.
    """
    kind = kind_of(out)
    progress(steps - 1, steps, f"Saving the {kind.noun if kind else 'file'}")
    write_atomically(out, save)
    progress(steps, steps, "Saved")
    return ExportResult.of(out, report)
