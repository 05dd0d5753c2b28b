"""The performance section of the scrutiny report, as a Word document.

The officer's real deliverable: the part of the report to the scrutiny panel
they paste into the council's template. In order:

1. the period as a heading, the summary table (areas by status) and the
   hard-to-shift measures (``summary``);
2. the headline conclusions, one bullet list per appendix (``headlines``);
3. Appendix 1 and Appendix 2, each in a landscape section: title, overview
   tiles, then the three-column table (``appendix``, ``tiles``).

It reads the same snapshot as the appendices workbook (``export.report.gather``)
and builds its cells with the workbook's own functions, so the two never
disagree. It is written with python-docx alone: nothing at run time needs Word
or LibreOffice. Like every export it is saved to a temporary file and renamed
into place (``export.atomic``).
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document

from challenge_app.export.appendices import ExportResult, save_export
from challenge_app.export.atomic import DOCUMENT, check_suffix
from challenge_app.export.report import Report, gather
from challenge_app.models import Meeting, Placement
from challenge_app.progress import Progress, no_progress
from challenge_app.store import Store
from challenge_app.word.appendix import add_appendix
from challenge_app.word.headlines import add_headlines
from challenge_app.word.page import set_up_first_section, text_width, use_report_font
from challenge_app.word.summary import add_summary

#: The steps progress hears of; the last is saving.
STEPS = ("Writing the summary", "Writing the headlines", "Writing Appendix 1",
         "Writing Appendix 2", "Saving the document")  # fmt: skip


def build_document(report: Report, progress: Progress = no_progress) -> Document:
    """The whole report in memory; ``progress`` hears of each part."""
    total = len(STEPS)
    document = docx.Document()
    use_report_font(document)
    first = set_up_first_section(document, report.marking)
    progress(0, total, STEPS[0])
    add_summary(document, report, text_width(first))
    progress(1, total, STEPS[1])
    add_headlines(document, report)
    progress(2, total, STEPS[2])
    add_appendix(document, report, Placement.APPENDIX1)
    progress(3, total, STEPS[3])
    add_appendix(document, report, Placement.APPENDIX2)
    properties = document.core_properties
    properties.title = f"Performance report - {report.period}"
    properties.author = "Challenge"
    return document


def check_out_path(out: Path) -> Path:
    """``out``, refused unless it ends in .docx (Word opens it by that)."""
    return check_suffix(out, DOCUMENT)


def export_report(
    store: Store, meeting: Meeting, out: Path, progress: Progress = no_progress
) -> ExportResult:
    """Write the report for ``meeting`` to ``out``; nothing is written on failure."""
    out = check_out_path(out)
    report = gather(store, meeting)
    document = build_document(report, progress)

    def save(temporary: Path) -> None:
        document.save(str(temporary))

    return save_export(out, report, save, len(STEPS), progress)
