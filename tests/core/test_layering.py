"""The core must never import Qt: the command line has to work with no display."""

import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "challenge_app"


def test_no_qt_mentioned_in_the_core():
    offenders = [
        str(p.relative_to(CORE.parent))
        for p in CORE.rglob("*.py")
        if "PySide6" in p.read_text(encoding="utf-8") or "from ui" in p.read_text("utf-8")
    ]
    assert offenders == []


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
