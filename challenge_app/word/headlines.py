"""The two bullet lists of headline conclusions in the body of the report.

One list for Appendix 1 (good and improving performance), then one for
Appendix 2 (concerns), each in the appendix order. A bullet is the bold run
``A1: Re-referrals in the last 12 months``, then `` - `` and the headline as
the officer wrote it, in Word's "List Bullet" style. A measure with no
headline written has no bullet (as on the workbook's Headlines sheet): an
empty conclusion is not one, and the appendix still lists the measure.
"""

from __future__ import annotations

from docx.document import Document

from challenge_app.board import BoardRow
from challenge_app.export.report import Report
from challenge_app.export.runs import Run, runs_of
from challenge_app.models import Placement
from challenge_app.word.page import BULLET, HEADING_2
from challenge_app.word.runs import body_paragraph

HEADINGS = {
    Placement.APPENDIX1: (
        "Areas of good and improving performance – headline conclusions drawn by the Council"
    ),
    Placement.APPENDIX2: (
        "Areas of concern / potential concern – headline conclusions drawn by the Council"
    ),
}
SEPARATOR = " - "


def bullet_runs(row: BoardRow) -> list[Run]:
    """``A1: Re-referrals in the last 12 months`` in bold, then `` - `` and the headline."""
    return runs_of(
        Run(f"{row.code}: {row.measure.title}", bold=True),
        Run(SEPARATOR + row.challenge.headline),
        sep="",
    )


def with_headline(rows: list[BoardRow]) -> list[BoardRow]:
    return [r for r in rows if r.challenge is not None and r.challenge.headline.strip()]


def add_headlines(document: Document, report: Report) -> None:
    """Both lists, each under its heading, in appendix order."""
    bullet = document.styles[BULLET].style_id  # looked up once: each lookup scans every style
    for placement, heading in HEADINGS.items():
        document.add_paragraph(heading, style=HEADING_2)
        rows = with_headline(report.placed(placement))
        if not rows:
            body_paragraph(
                document,
                [Run(f"No headline conclusions recorded for {placement.label}.", italic=True)],
            )
        for row in rows:
            body_paragraph(document, bullet_runs(row), style_id=bullet)
