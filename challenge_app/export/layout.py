"""How every sheet looks on screen and on paper.

The workbook is printed and handed in, so each sheet is set up the way the
scrutiny report prints: landscape A4, one page wide however many pages long,
the header row repeated on every page, wrapped text, and a footer with the
period, "page x of y" and the protective marking. The styles are shared
objects so that openpyxl stores each once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from challenge_app.export.safe_text import clean
from challenge_app.rag import Status

#: Arial: what councils' documents use, and metric-compatible fonts exist
#: everywhere (Liberation Sans), so the printed layout is the same in Excel
#: and LibreOffice and the row heights we estimate hold in both.
FONT_NAME = "Arial"
FONT_SIZE = 11
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
BODY = Font(name=FONT_NAME, size=FONT_SIZE)
BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
HEADER_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True, color="FFFFFF")
SECTION_FONT = Font(name=FONT_NAME, size=12, bold=True)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
#: For rows that mix text and bare numbers (which sit at the bottom by default).
WRAP_BOTTOM = Alignment(wrap_text=True, vertical="bottom")
#: Titles run on across the empty cells to their right instead of wrapping.
RUN_ON = Alignment(vertical="bottom")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_THIN = Side(style="thin", color="808080")
GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

#: Header and footer text is limited by Excel to 255 characters in all.
_HEADER_FOOTER_PART = 80


def status_fill(status: Status) -> PatternFill:
    """The status colour; always beside the status in words, never instead of it."""
    return _STATUS_FILLS[status]


_STATUS_FILLS = {s: PatternFill("solid", fgColor=s.colour) for s in Status}


@dataclass(frozen=True)
class PageText:
    """What the page header and footer of every sheet say."""

    period: str
    meeting: str
    marking: str = ""


def _header_footer_text(text: str) -> str:
    """Plain text for a header or footer: ``&`` starts a code there, so double it."""
    text = " ".join(clean(text).split())
    if len(text) > _HEADER_FOOTER_PART:
        text = text[: _HEADER_FOOTER_PART - 1].rstrip() + "…"
    return text.replace("&", "&&")


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def print_setup(
    ws: Worksheet,
    title: str,
    page: PageText,
    *,
    title_rows: str | None = "1:1",
    title_columns: str | None = None,
) -> None:
    """Landscape A4, one page wide, header row repeated, header and footer.

    The header names the sheet and the marking; the footer the period,
    "Page x of y" and the marking again, as protective markings are shown at
    the top and bottom of every page. A sheet too wide to shrink onto one
    page legibly (the Data sheet) passes ``title_columns`` instead: it prints
    across pages at full size with those columns repeated on each.
    """
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if title_columns:
        ws.print_title_cols = title_columns
    else:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    marking = _header_footer_text(page.marking)
    for header, footer in ((ws.oddHeader, ws.oddFooter), (ws.evenHeader, ws.evenFooter)):
        header.left.text = _header_footer_text(title)
        header.right.text = marking
        footer.left.text = _header_footer_text(f"{page.period} - {page.meeting}")
        footer.center.text = "Page &P of &N"
        footer.right.text = marking
    if title_rows == "1:1":
        ws.freeze_panes = "C2" if title_columns == "A:B" else "A2"
