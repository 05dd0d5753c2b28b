"""The packaged program: built with PyInstaller, run with no Python in sight.

This is what an officer installs, so the test builds it exactly as
`make package` does (packaging/build.sh, into a temporary folder) and then
runs the bundle's self-check in a bare environment: no venv, no PYTHONPATH,
only PATH=/usr/bin:/bin, a HOME and the offscreen Qt platform.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "packaging" / "challenge-app.spec"


def bare_env(home: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def test_the_spec_reads_the_version_and_leaves_out_unused_qt():
    text = SPEC.read_text(encoding="utf-8")
    assert 'tomllib.load(f)["project"]["version"]' in text
    assert "console=False" in text
    assert '(str(ROOT / "resources"), "resources")' in text
    for unused in ("Qt6Quick", "Qt6Qml", "Qt6Network"):
        assert f'"{unused}"' in text


def test_the_package_group_asks_for_pyinstaller():
    with open(REPO / "pyproject.toml", "rb") as f:
        groups = tomllib.load(f)["project"]["optional-dependencies"]
    assert any(req.startswith("pyinstaller>=6") for req in groups["package"])


def test_the_desktop_entry_is_well_formed():
    entry = (REPO / "packaging" / "linux" / "challenge-app.desktop").read_text(encoding="utf-8")
    lines = entry.splitlines()
    assert lines[0] == "[Desktop Entry]"
    fields = dict(line.split("=", 1) for line in lines[1:] if "=" in line)
    assert fields["Type"] == "Application"
    assert fields["Exec"] == "challenge-app"
    assert fields["Icon"] == "challenge-app"
    assert fields["Terminal"] == "false"
    assert (REPO / "resources" / "icons" / "challenge-256.png").exists()


def test_the_windows_installer_script_installs_per_user_and_keeps_data():
    script = (REPO / "packaging" / "windows" / "challenge.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in script
    assert "challenge-app.exe" in script
    assert "{#AppVersion}" in script
    assert "[UninstallDelete]" not in script  # uninstalling never deletes officers' records


def test_the_readme_reports_the_bundle_size():
    readme = (REPO / "packaging" / "README.md").read_text(encoding="utf-8")
    assert re.search(r"bundle size[^\n]*\d+ MB", readme, re.IGNORECASE)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="builds the Linux bundle")
def test_make_package_builds_a_bundle_that_runs_without_python(tmp_path):
    dist, build = tmp_path / "dist", tmp_path / "build"
    env = {
        **os.environ,
        "CHALLENGE_DIST_DIR": str(dist),
        "CHALLENGE_BUILD_DIR": str(build),
    }
    built = subprocess.run(
        ["bash", "packaging/build.sh"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert "self-check passed" in built.stdout

    program = dist / "challenge-app" / "challenge-app"
    assert program.is_file() and os.access(program, os.X_OK)
    home = tmp_path / "home"
    home.mkdir()
    check = subprocess.run(
        [str(program), "--demo", "--exit-when-ready"],
        env=bare_env(home),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, check.stderr

    version = subprocess.run(
        [str(program), "--version"], env=bare_env(home), capture_output=True, text=True
    )
    with open(REPO / "pyproject.toml", "rb") as f:
        expected = tomllib.load(f)["project"]["version"]
    assert version.stdout.strip() == f"challenge-app {expected}"

    # A real database in the bare environment: created, backed up, lock released.
    db = tmp_path / "records" / "challenge.db"
    first = subprocess.run(
        [str(program), "--db", str(db), "--exit-when-ready"],
        env=bare_env(home),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert first.returncode == 0, first.stderr
    assert db.exists() and list((db.parent / "backups").iterdir())
    assert not db.with_name("challenge.db.lock").exists()

    # What was left out stays out, and the bundle carries the app's resources.
    internal = dist / "challenge-app" / "_internal"
    names = {p.name for p in internal.rglob("*")}
    assert not any(n.startswith(("libQt6WebEngine", "libQt6Quick", "libQt6Qml")) for n in names)
    assert (internal / "resources" / "sample" / "demo-dataset.csv").exists()
    assert (dist / "challenge-app" / "challenge-app.desktop").exists()
