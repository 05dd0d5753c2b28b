"""The core uses its libraries through their public API only.

A private module (``openpyxl.cell._writer``) or attribute (``ws._cells``,
``wb._fonts``, ``Migrations._migrations``) can move or change meaning in any
release without a word, and then an export or a migration breaks for every
officer at once. So no module of ``challenge_app/`` imports a library's
private module or name, and no module that uses one of these libraries reads
or sets an underscore attribute of anything but its own ``self``/``cls``
(there, every other object in reach is likely the library's).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "challenge_app"

#: Libraries whose internals the core must not touch.
LIBRARIES = frozenset({"openpyxl", "et_xmlfile", "sqlite_utils", "docx", "lxml"})

_ATTRIBUTE_FUNCTIONS = frozenset({"getattr", "setattr", "hasattr", "delattr"})


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _library(module: str | None) -> bool:
    return module is not None and module.split(".")[0] in LIBRARIES


def private_uses(source: str) -> list[str]:
    """Each use of a library's private module, name or attribute, with its line."""
    tree = ast.parse(source)
    found: list[str] = []
    uses_a_library = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _library(alias.name):
                    uses_a_library = True
                    if any(_private(part) for part in alias.name.split(".")):
                        found.append(f"line {node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and _library(node.module):
            uses_a_library = True
            for alias in node.names:
                if any(_private(part) for part in node.module.split(".")) or _private(alias.name):
                    found.append(f"line {node.lineno}: from {node.module} import {alias.name}")
    if not uses_a_library:
        return found
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id in {"self", "cls"}):
                found.append(f"line {node.lineno}: {ast.unparse(node)}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in _ATTRIBUTE_FUNCTIONS
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and _private(node.args[1].value)
        ):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize(
    "source",
    [
        "from openpyxl.cell._writer import write_cell",
        "import openpyxl.worksheet._writer",
        "from openpyxl.writer import excel\nexcel._private = 1",
        "from et_xmlfile import _xmlfile",
        "from openpyxl import Workbook\nwb = Workbook()\nwb._fonts = []",
        "from openpyxl import Workbook\ndef f(ws):\n    return ws._cells",
        "from openpyxl import Workbook\ndef f(cell):\n    cell._value = 'x'",
        "from openpyxl import Workbook\ndef f(ws):\n    setattr(ws, '_current_row', 3)",
        "from sqlite_utils.migrations import Migrations\nm = Migrations('x')\nm._migrations",
        "from docx.table import Table\ndef f(row):\n    return row._tr",
        "from docx.table import _Cell",
    ],
)
def test_the_check_finds_private_uses(source):
    assert private_uses(source)


@pytest.mark.parametrize(
    "source",
    [
        "from openpyxl import Workbook\nclass A:\n    def f(self):\n        return self._known",
        "from openpyxl.cell.rich_text import CellRichText\nx = CellRichText().__class__",
        "import json\ndef f(thing):\n    return thing._private",  # no library here
    ],
)
def test_the_check_allows_public_uses(source):
    assert private_uses(source) == []


@pytest.mark.parametrize(
    "path", sorted(CORE.rglob("*.py")), ids=lambda p: str(p.relative_to(CORE.parent))
)
def test_the_core_uses_libraries_through_their_public_api(path):
    assert private_uses(path.read_text(encoding="utf-8")) == []
