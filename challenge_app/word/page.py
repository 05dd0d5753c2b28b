"""Paper, sections, header and footer, and the styles the report leans on.

The report is pasted into the council's own Word template, so it uses Word's
built-in styles (``Heading 1``/``Heading 2``, ``List Bullet``, ``Table Grid``)
rather than direct formatting wherever it can: pasted into the template, it
takes the template's look. On its own it prints on A4, the body in portrait,
each appendix in a landscape section of its own, with the protective marking
(when one is set) at the top and bottom of every page and "Page x of y" in the
footer.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.section import Section
from docx.shared import Mm, Pt

from challenge_app.export.layout import FONT_NAME, FONT_SIZE
from challenge_app.export.safe_text import clean
from challenge_app.word import markup

A4_SHORT, A4_LONG = Mm(210), Mm(297)
MARGIN = Mm(20)
HEADING_1, HEADING_2 = "Heading 1", "Heading 2"
BULLET = "List Bullet"
TABLE_STYLE = "Table Grid"


def use_report_font(document: Document) -> None:
    """Arial 11 in the Normal style, as the workbook; a template's Normal replaces it."""
    normal = document.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(FONT_SIZE)
    normal.paragraph_format.space_after = Pt(4)


def set_up_first_section(document: Document, marking: str) -> Section:
    """A4 portrait with the header (marking) and footer (marking, page x of y).

    The appendices' sections are added later without header or footer of
    their own, so Word carries these on to every page.
    """
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = A4_SHORT, A4_LONG
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, MARGIN)
    marking = " ".join(clean(marking).split())
    if marking:
        header = section.header.paragraphs[0]
        header.text = marking
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if marking:
        footer.add_run(f"{marking}    ")
    markup.page_numbers(section)
    return section


def start_landscape_section(document: Document) -> Section:
    """A new A4 landscape section on a new page (the margins carry on)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = A4_LONG, A4_SHORT
    return section


def text_width(section: Section) -> int:
    """The width between the margins of ``section``, in EMU."""
    return section.page_width - section.left_margin - section.right_margin
