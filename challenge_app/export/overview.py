"""The Overview sheet: the report's at-a-glance picture.

One tile per reported measure: code and short title, the quarter's figure in
large type, the target, the status in words on its colour and the direction
of travel. Good and improving performance (Appendix 1) is one block, concerns
(Appendix 2) the other. Page breaks fall between rows of tiles, never
through one.
"""

from __future__ import annotations

from openpyxl.styles import Border, Font, Side
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.board import BoardRow
from challenge_app.export.cells import SheetWriter, Styles
from challenge_app.export.layout import (
    BODY,
    BOLD,
    CENTRE,
    FONT_NAME,
    RUN_ON,
    SECTION_FONT,
    PageText,
    print_setup,
    status_fill,
)
from challenge_app.export.report import Report
from challenge_app.export.runs import Run
from challenge_app.formatting import format_value, target_line
from challenge_app.models import Placement

TITLE = "At a glance"
SECTIONS = {
    Placement.APPENDIX1: "Good and improving performance (Appendix 1)",
    Placement.APPENDIX2: "Areas of concern or potential concern (Appendix 2)",
}
TILES_PER_ROW = 4
TILE_WIDTH = 30
GAP_WIDTH = 2
SHORT_TITLE = 48
TILE_ROWS = 5  # title, figure, target, status, direction
FIGURE_FONT = Font(name=FONT_NAME, bold=True, size=20)
#: The title line and the figure stand out; the rest is plain.
_TILE_FONTS = {0: BOLD, 1: FIGURE_FONT}
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=16)
#: Rough printed height of the parts, in points, to keep page breaks between tiles.
_TILE_POINTS, _SECTION_POINTS, _PAGE_POINTS = 110, 35, 440

_EDGE = Side(style="medium", color="404040")
_TOP = Border(left=_EDGE, right=_EDGE, top=_EDGE)
_MIDDLE = Border(left=_EDGE, right=_EDGE)
_BOTTOM = Border(left=_EDGE, right=_EDGE, bottom=_EDGE)


def short_title(title: str, limit: int = SHORT_TITLE) -> str:
    """The title, shortened at a word to fit a tile (the full title is on the other sheets)."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title.rfind(" ", 0, limit)
    return (title[: cut if cut > limit // 2 else limit - 1]).rstrip(" ,;:-") + "…"


def _tile(sheet: SheetWriter, top: int, column: int, r: BoardRow) -> None:
    m = r.measure
    borders = [_TOP] + [_MIDDLE] * (TILE_ROWS - 2) + [_BOTTOM]
    target = r.target.target if r.target else None
    tolerance = r.target.tolerance if r.target else None
    lines = [
        f"{m.code} {short_title(m.title)}",
        format_value(r.value, m.unit) or "No figure",
        target_line(target, tolerance, m.unit),
        r.status.report_wording,
        f"{r.direction.arrow} {r.direction.label}".strip(),
    ]
    for offset, (text, border) in enumerate(zip(lines, borders, strict=True)):
        sheet.text(
            top + offset,
            column,
            text,
            alignment=CENTRE,
            border=border,
            font=_TILE_FONTS.get(offset, BODY),
            fill=status_fill(r.status) if offset == 3 else None,
        )


def _section(
    sheet: SheetWriter, row: int, used: float, title: str, rows: list[BoardRow]
) -> tuple[int, float]:
    """One block of tiles from ``row``; return (next free row, points used on the page)."""
    if used + _SECTION_POINTS + _TILE_POINTS > _PAGE_POINTS:
        sheet.ws.row_breaks.append(Break(id=row - 1))
        used = 0
    sheet.text(row, 1, title, font=SECTION_FONT, border=None, alignment=RUN_ON)
    row, used = row + 1, used + _SECTION_POINTS
    if not rows:
        sheet.text(row, 1, [Run("No measures.", italic=True)], border=None)
        return row + 2, used + _SECTION_POINTS
    for start in range(0, len(rows), TILES_PER_ROW):
        if used + _TILE_POINTS > _PAGE_POINTS:
            sheet.ws.row_breaks.append(Break(id=row - 1))
            used = 0
        for i, r in enumerate(rows[start : start + TILES_PER_ROW]):
            _tile(sheet, row, 1 + i * 2, r)
        row, used = row + TILE_ROWS + 1, used + _TILE_POINTS
    return row, used


def write_overview(ws: Worksheet, report: Report, page: PageText, styles: Styles) -> None:
    sheet = SheetWriter(ws, [TILE_WIDTH, GAP_WIDTH] * (TILES_PER_ROW - 1) + [TILE_WIDTH], styles)
    sheet.text(1, 1, f"{TITLE} - {report.period}", font=TITLE_FONT, border=None, alignment=RUN_ON)
    row, used = 3, _SECTION_POINTS
    for placement, title in SECTIONS.items():
        row, used = _section(sheet, row, used, title, report.placed(placement))
    sheet.finish()
    print_setup(ws, f"{TITLE} - {report.period}", page, title_rows=None)
    ws.sheet_view.showGridLines = False
