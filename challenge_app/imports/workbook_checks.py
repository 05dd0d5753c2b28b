"""Checks on an .xlsx file made before openpyxl reads it, so nothing is lost or run away with.

* **Size once unpacked.** An .xlsx is a zip: a 3 MB file can hold a 1 GB sheet,
  which would take minutes and gigabytes to read. The zip's directory says how
  large every part is once unpacked (and ``zipfile`` never unpacks more than
  that), so the total is checked against ``MAX_UNPACKED_BYTES`` first.
* **Formulas without a saved result.** Excel saves each formula's last result
  beside it, and that result is what we import. A file written by a program
  that does not calculate (a script, some web exports) has formulas with no
  result; openpyxl then gives an empty cell, and the figure would be dropped
  without a word. So the first sheet is scanned for such cells and the file is
  refused naming them.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from xml.etree import ElementTree

from openpyxl.utils import column_index_from_string, get_column_letter

from challenge_app.errors import InputError, Problem
from challenge_app.limits import MAX_UNPACKED_BYTES, describe_size

#: Formula cells named in one refusal; past this, a count says the rest.
FORMULAS_NAMED = 10
_CHUNK = 1 << 20
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def check_unpacked_size(zf: zipfile.ZipFile, file: str) -> None:
    total = sum(info.file_size for info in zf.infolist())
    if total > MAX_UNPACKED_BYTES:
        raise InputError(
            Problem(
                f"this workbook would unpack to {describe_size(total)}, more than the "
                f"{describe_size(MAX_UNPACKED_BYTES)} this program reads; "
                "save the dataset on its own in a new workbook",
                file,
            )
        )


def _targets(zf: zipfile.ZipFile, rels_part: str, base: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, part name) from a ``.rels`` part."""
    try:
        root = ElementTree.fromstring(zf.read(rels_part))
    except (KeyError, ElementTree.ParseError):
        return {}
    found = {}
    for rel in root.iter(_REL):
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        found[rel.get("Id", "")] = (rel.get("Type", ""), posixpath.normpath(part))
    return found


def first_sheet_part(zf: zipfile.ZipFile) -> str | None:
    """The zip part holding the workbook's first worksheet (the one that is imported)."""
    package = _targets(zf, "_rels/.rels", "").values()
    workbook = next(
        (part for kind, part in package if kind.endswith("/officeDocument")), "xl/workbook.xml"
    )
    folder, name = posixpath.split(workbook)
    rels = _targets(zf, posixpath.join(folder, "_rels", name + ".rels"), folder)
    try:
        root = ElementTree.fromstring(zf.read(workbook))
    except (KeyError, ElementTree.ParseError):
        return None
    for element in root.iter():
        if _local(element.tag) != "sheet":
            continue
        rel_id = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
        kind, part = rels.get(rel_id, ("", ""))
        if kind.endswith("/worksheet"):
            return part
    return None


def _mentions_a_formula(zf: zipfile.ZipFile, part: str) -> bool:
    """A fast look for any ``<f>`` element, so a sheet of plain values is not parsed twice."""
    tail = b""
    with zf.open(part) as f:
        while chunk := f.read(_CHUNK):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-64:]
    return False


def formulas_without_result(zf: zipfile.ZipFile, part: str) -> list[tuple[int, str]]:
    """(row, column letter) of every cell in ``part`` holding a formula but no saved result."""
    if not _mentions_a_formula(zf, part):
        return []
    found: list[tuple[int, str]] = []
    row = column = 0
    has_formula = has_value = is_text = False
    with zf.open(part) as f:
        for event, element in ElementTree.iterparse(f, events=("start", "end")):
            name = _local(element.tag)
            if event == "start":
                if name == "row":
                    row = int(element.get("r") or row + 1)
                    column = 0
                elif name == "c":
                    match = _CELL_REF.match(element.get("r") or "")
                    column = column_index_from_string(match.group(1)) if match else column + 1
                    has_formula = has_value = False
                    is_text = element.get("t") == "str"
                continue
            if name == "f":
                has_formula = True
            elif name == "v":
                # An empty <v/> is a saved result only for a formula giving text ("").
                has_value = bool(element.text) or is_text
            elif name == "c":
                if has_formula and not has_value:
                    found.append((row, get_column_letter(column)))
                element.clear()
            elif name == "row":
                element.clear()
    return found


def check_workbook(path: str, *, formulas: bool = True) -> None:
    """Refuse a workbook too large once unpacked, or with formulas whose results were not saved.

    ``formulas=False`` for a workbook read with its formulas as typed (the
    response workbook), where a formula's result is never wanted.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            check_unpacked_size(zf, path)
            part = first_sheet_part(zf) if formulas else None
            missing = formulas_without_result(zf, part) if part in zf.namelist() else []
    except (zipfile.BadZipFile, ElementTree.ParseError, OSError, ValueError):
        return  # damaged: openpyxl says so in its own words
    if missing:
        shown = ", ".join(f"{letter}{row}" for row, letter in missing[:FORMULAS_NAMED])
        more = len(missing) - FORMULAS_NAMED
        row, letter = missing[0]
        raise InputError(
            Problem(
                f"cell {letter}{row} holds a formula whose result was never saved, so its "
                "figure cannot be read (cells: "
                + shown
                + (f" and {more} more" if more > 0 else "")
                + "); open the file in Excel, let it calculate, and save it again",
                path,
                row,
                letter,
            )
        )
