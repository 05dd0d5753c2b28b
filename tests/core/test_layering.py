"""The core must never import Qt or the Qt layer: the command line has to work with no
display, and the GUI depends on the core, never the reverse."""

import re
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "challenge_app"

#: An import of the Qt layer or of Qt itself, written as a statement or by name in a string.
UPWARD = re.compile(
    r"^\s*(from|import)\s+(ui|PySide6|shiboken6)\b"
    r"|(import_module|__import__|find_spec)\(\s*f?['\"](ui|PySide6|shiboken6)\b",
    re.MULTILINE,
)


def upward_imports(text: str) -> list[str]:
    return [m.group(0).strip() for m in UPWARD.finditer(text)]


def test_the_check_sees_every_way_of_reaching_up():
    assert upward_imports("from ui.app import run") != []
    assert upward_imports("    import PySide6.QtCore") != []
    assert upward_imports('gui = importlib.import_module("ui.app")') != []
    assert upward_imports("m = __import__('PySide6')") != []
    assert upward_imports('importlib.util.find_spec(f"ui.{name}")') != []
    assert upward_imports('import_module(f"challenge_app.commands.{m}")') == []
    assert upward_imports("from uikit import x") == []


def test_no_upward_import_in_the_core():
    offenders = {
        str(p.relative_to(CORE.parent)): upward_imports(p.read_text(encoding="utf-8"))
        for p in CORE.rglob("*.py")
    }
    assert {path: found for path, found in offenders.items() if found} == {}


def test_importing_the_core_and_cli_loads_no_qt():
    code = (
        "import sys, pkgutil, importlib, challenge_app\n"
        "for m in pkgutil.walk_packages(challenge_app.__path__, 'challenge_app.'):\n"
        "    if m.name != 'challenge_app.__main__': importlib.import_module(m.name)\n"
        "import challenge_app.cli; challenge_app.cli.build_parser()\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken', 'ui'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_subcommand_through_the_window_entry_point_loads_no_qt(tmp_path):
    code = (
        "import sys\n"
        "from challenge_app.store import Store\n"
        f"Store.open({str(tmp_path / 'x.db')!r}).close()\n"
        "from ui.main import main\n"
        f"code = main(['pack-export', '--db', {str(tmp_path / 'x.db')!r}, '--out', "
        f"{str(tmp_path / 'x.json')!r}])\n"
        "print(code, sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "0 []"
