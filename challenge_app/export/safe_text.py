"""Making typed text safe to put in a workbook without changing what it says.

Officers paste text from Word, e-mail and the provider's own documents, and the
workbook is printed and published, so every character they typed must come out
as they typed it. Three things stand in the way, and this module handles each
once, for every sheet:

* **Characters the file format forbids.** XML 1.0 (and so .xlsx) cannot hold
  control characters other than tab, line feed and carriage return, nor lone
  surrogates or U+FFFE/U+FFFF; openpyxl refuses them outright. We keep the text
  and replace only the offending character: a vertical tab or form feed (what
  Word puts on the clipboard for a manual line break and a page break) becomes
  a line break, and anything else becomes U+FFFD "�", a visible marker the
  officer can find and correct. Carriage-return line endings become plain line
  breaks, which is what Excel shows for them anyway.
* **Excel's own escapes.** Excel reads ``_x0041_`` inside a string as the
  character U+0041, so a typed ``_x0041_`` would print as "A". Such sequences
  are escaped the way Excel itself writes them (``_x005F_x0041_``), which Excel
  and LibreOffice show as the original ``_x0041_``. This is done last, on each
  cell's final text (``escape``), so that splitting never cuts an escape.
* **Formulas.** Text that begins with ``=``, ``+``, ``-`` or ``@`` must stay
  text. That is done where the cell is written (``cells.SheetWriter.text`` always marks
  the cell as a string), not here, because no character needs changing.

Length (Excel's 32,767-character cell limit) is handled by splitting a record
over continuation rows (``runs.split_runs``), never by cutting.
"""

from __future__ import annotations

import re

#: Excel's limit on the characters in one cell, counted in UTF-16 code units.
CELL_LIMIT = 32_767

#: The visible marker that replaces a character a workbook cannot hold.
MARKER = "\N{REPLACEMENT CHARACTER}"

_LINE_BREAKING = {"\x0b": "\n", "\x0c": "\n"}
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EXCEL_ESCAPE = re.compile("_(x[0-9A-Fa-f]{4}_)")


def _replace(match: re.Match[str]) -> str:
    return _LINE_BREAKING.get(match.group(0), MARKER)


def clean(text: str | None) -> str:
    """``text`` with line endings normalised and forbidden characters replaced.

    Everything else is kept exactly, including leading and trailing spaces
    and a leading ``=``.
    """
    if not text:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub(_replace, text) if _FORBIDDEN.search(text) else text


def escape(text: str) -> str:
    """``text`` as stored in the file so that Excel shows it unchanged."""
    return _EXCEL_ESCAPE.sub(r"_x005F_\1", text) if "_x" in text else text


def shown(stored: str) -> str:
    """What Excel shows for a string as stored in the file: undoes ``escape``.

    Tests and the benchmark use it to compare a written cell with what was typed.
    """
    return re.sub("_x005F_(x[0-9A-Fa-f]{4}_)", r"_\1", stored)


def excel_length(text: str) -> int:
    """Length as Excel counts it: UTF-16 code units, so an emoji counts two."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2
