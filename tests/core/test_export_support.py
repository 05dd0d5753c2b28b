"""Reading a written workbook back the way an officer would see it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock

from challenge_app.export.safe_text import shown


def open_workbook(path: Path):
    return load_workbook(path, rich_text=True)


def runs(cell) -> list[tuple[str, bool, bool]]:
    """(text, italic, bold) for each run of a cell, as read with ``rich_text=True``.

    openpyxl's rich-text reader already undoes Excel's ``_x005F_`` escape in
    its own way; ``shown_raw`` is the exact view for the escaping tests.
    """
    value = cell.value
    if value is None:
        return []
    if isinstance(value, CellRichText):
        out = []
        for block in value:
            if isinstance(block, TextBlock):
                out.append((block.text, bool(block.font.i), bool(block.font.b)))
            else:
                out.append((block, False, False))
        return out
    return [(str(value), False, bool(cell.font and cell.font.b))]


def shown_raw(path: Path, sheet: str, coordinate: str) -> str:
    """What Excel shows for a plain-text cell: the stored string, Excel's escapes undone."""
    return shown(load_workbook(path)[sheet][coordinate].value)


def text(cell) -> str:
    return "".join(t for t, _, _ in runs(cell))


def italic_text(cell) -> str:
    return "".join(t for t, italic, _ in runs(cell) if italic)


def plain_text(cell) -> str:
    return "".join(t for t, italic, _ in runs(cell) if not italic)


def column(ws, col: int = 1) -> list[str]:
    return [text(ws.cell(row=r, column=col)) for r in range(2, ws.max_row + 1)]


def codes(ws) -> list[str]:
    """The measure code at the start of each first-column cell, from row 2."""
    return [t.split(" ", 1)[0] for t in column(ws)]


def sheet_xml(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {
            n: z.read(n).decode("utf-8")
            for n in z.namelist()
            if n.startswith("xl/worksheets/sheet")
        }
