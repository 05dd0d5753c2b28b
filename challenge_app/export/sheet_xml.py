"""Writing the report's cells as XML text, which is most of what saving costs.

openpyxl serialises every cell by building ElementTree elements (three for a
plain string, eight for a bold run of rich text) and walking them through
et_xmlfile's namespace-aware writer, one call per element. For a year of 300
measures (11,000 cells, a million characters) that took longer than
building the whole workbook, and more than bare openpyxl takes for
everything. The report's cells come in only three kinds (inline strings,
rich text in a handful of fonts, and numbers), so ``ReportWorksheetWriter``
writes those as text, element for element and attribute for attribute what
openpyxl would write (a test compares the two), and hands any other cell
(a date, a formula, a cell with a comment or a link) to openpyxl's own cell
writer in its place. Everything else in the sheet (widths, panes, print
settings, header and footer) is openpyxl's own code, unchanged.

openpyxl offers no hook for this, so ``report_cells`` swaps its worksheet
writer for ours while one workbook is saved (``Workbook.save`` itself is
still what saves it). Only sheets marked with ``mark`` are written our way;
any other workbook saved meanwhile is written exactly as before. If the XML
writer is not the standard-library one (``lxml`` installed), which has no
raw-text output, openpyxl's writer is used throughout.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from openpyxl.cell._writer import write_cell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer import excel
from openpyxl.xml.functions import tostring

_MARK = "_challenge_report_cells"


def mark(ws: Worksheet) -> None:
    """Have ``ws`` written by ``ReportWorksheetWriter`` when saved inside ``report_cells``."""
    setattr(ws, _MARK, True)


def _text(text: str) -> str:
    """Character data as ElementTree escapes it."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


_ATTRIBUTE_ESCAPES = (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;"))


def _attribute(value: str) -> str:
    value = _text(value)
    for character, reference in _ATTRIBUTE_ESCAPES:
        if character in value:
            value = value.replace(character, reference)
    return value


def _t(text: str) -> str:
    """A ``<t>`` element, with ``xml:space`` set exactly when openpyxl sets it."""
    if not text:
        return "<t />"
    stripped = text.strip()
    if stripped and stripped != text:
        return f'<t xml:space="preserve">{_text(text)}</t>'
    return f"<t>{_text(text)}</t>"


class ReportWorksheetWriter(WorksheetWriter):
    """openpyxl's worksheet writer, with the common cells written as text."""

    def __init__(self, ws, out=None):
        super().__init__(ws, out)
        self._run_properties: dict[int, tuple[object, str]] = {}
        self._styles = ws.parent._cell_styles
        self._style_attributes: dict[bytes, str] = {}

    def write_rows(self):
        xf = self.xf.send(True)
        raw = getattr(xf, "_file", None)
        ours = raw is not None and getattr(self.ws, _MARK, False)
        with xf.element("sheetData"):
            for row_idx, row in self._rows() if ours else self.rows():
                if ours:
                    self._write_row(xf, raw, row, row_idx)
                else:
                    self.write_row(xf, row, row_idx)
        self.xf.send(None)

    def _rows(self) -> Iterator[tuple[int, list]]:
        """What ``rows()`` gives (each row's cells in order, and rows with only a height).

        openpyxl sorts a new (coordinate, cell) pair for every cell; sorting
        the coordinates the sheet already holds makes no new objects, and so
        gives Python's cycle collector nothing to walk.
        """
        cells = self.ws._cells
        coordinates = sorted(cells)
        bare_rows = sorted(self.ws.row_dimensions.keys() - {row for row, _ in coordinates})
        b = 0
        i, n = 0, len(coordinates)
        while i < n:
            row_idx = coordinates[i][0]
            while b < len(bare_rows) and bare_rows[b] < row_idx:
                yield bare_rows[b], []
                b += 1
            row = []
            while i < n and coordinates[i][0] == row_idx:
                row.append(cells[coordinates[i]])
                i += 1
            yield row_idx, row
        for row_idx in bare_rows[b:]:
            yield row_idx, []

    def _write_row(self, xf, raw, row, row_idx: int) -> None:
        attrs = "".join(
            f' {key}="{_attribute(value)}"'
            for key, value in (self.ws.row_dimensions.get(row_idx) or ())
        )
        parts = [f'<row r="{row_idx}"{attrs}>']
        for cell in row:
            xml = self._cell(cell)
            if xml is None:  # not one of ours: openpyxl writes it, in its place
                raw("".join(parts))
                parts = []
                self._stock_cell(xf, cell)
            else:
                parts.append(xml)
        parts.append("</row>")
        raw("".join(parts))

    def _stock_cell(self, xf, cell) -> None:
        """What openpyxl's ``write_row`` does with one cell."""
        if cell._comment is not None:
            self.ws._comments.append(CommentRecord.from_cell(cell))
        if cell._value is None and not cell.has_style and not cell._comment:
            return
        write_cell(xf, self.ws, cell, cell.has_style)

    def _cell(self, cell) -> str | None:
        """The cell's XML, or ``None`` when openpyxl should write it."""
        if cell._comment is not None or cell._hyperlink is not None:
            return None
        kind = cell.data_type
        value = cell._value
        s = self._style_attribute(cell._style)
        if value is None and not s:
            return ""
        if kind == "s":
            t = ' t="inlineStr"'
        elif kind == "n" and (value is None or type(value) in (int, float)):
            t = ' t="n"'
        else:
            return None
        head = f'<c r="{get_column_letter(cell.column)}{cell.row}"{s}{t}'
        if value is None or value == "":
            return f"{head} />"
        if kind == "n":
            if value - value != 0:  # NaN or infinity, which openpyxl writes as nothing
                return f"{head}><v /></c>"
            return f"{head}><v>{value:.16g}</v></c>"  # openpyxl's safe_string
        if type(value) is str:
            return f"{head}><is>{_t(value)}</is></c>"
        if isinstance(value, CellRichText):
            return f"{head}><is>{''.join(self._run(part) for part in value)}</is></c>"
        return None

    def _style_attribute(self, style) -> str:
        """`` s="n"`` for a styled cell, else nothing; each distinct style looked up once.

        openpyxl hashes every cell's style array to find its index; the
        arrays of a sheet are a few dozen distinct ones among thousands.
        """
        if style is None:
            return ""
        key = style.tobytes()
        known = self._style_attributes.get(key)
        if known is None:
            known = f' s="{self._styles.add(style)}"' if any(style) else ""
            self._style_attributes[key] = known
        return known

    def _run(self, part: str | TextBlock) -> str:
        if isinstance(part, TextBlock):
            return f"<r>{self._properties(part.font)}{_t(part.text)}</r>"
        return f"<r>{_t(part)}</r>"

    def _properties(self, font) -> str:
        """A run's ``<rPr>``, serialised by openpyxl once per font."""
        known = self._run_properties.get(id(font))
        if known is None:
            xml = tostring(font.to_tree(tagname="rPr")).decode("utf-8")
            known = self._run_properties[id(font)] = (font, xml)  # the font keeps its id
        return known[1]


_swap = threading.Lock()
_saving = 0
_STOCK = excel.WorksheetWriter


@contextmanager
def report_cells() -> Iterator[None]:
    """While inside, ``Workbook.save`` writes marked sheets with ``ReportWorksheetWriter``."""
    global _saving
    with _swap:
        _saving += 1
        excel.WorksheetWriter = ReportWorksheetWriter
    try:
        yield
    finally:
        with _swap:
            _saving -= 1
            if not _saving:
                excel.WorksheetWriter = _STOCK
