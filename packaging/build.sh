#!/usr/bin/env bash
# Build the self-contained program folder with PyInstaller, then run its self-check.
#
#   bash packaging/build.sh          (what `make package` runs)
#
# Result: dist/challenge-app/ (run dist/challenge-app/challenge-app). Set
# CHALLENGE_DIST_DIR / CHALLENGE_BUILD_DIR to build elsewhere (the packaging test
# does, so it never disturbs a developer's dist/).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
DIST="${CHALLENGE_DIST_DIR:-dist}"
WORK="${CHALLENGE_BUILD_DIR:-build/pyinstaller}"

if [ ! -x "$PY" ]; then
    bash scripts/bootstrap.sh
fi
if ! "$PY" -c "import PyInstaller" >/dev/null 2>&1; then
    # The requirement lives in pyproject.toml's optional group `package`.
    requirement="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["package"][0])')"
    echo "build: installing $requirement into .venv"
    "$PY" -m pip install --quiet "$requirement"
fi
# The bundle takes its version from the installed metadata: keep it current.
if ! "$PY" -c 'import tomllib, importlib.metadata as m, sys; sys.exit(m.version("challenge-app") != tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])' >/dev/null 2>&1; then
    echo "build: refreshing the installed package metadata"
    "$PY" -m pip install --quiet --no-deps -e .
fi

echo "build: PyInstaller -> $DIST/challenge-app"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/challenge-app.spec

BUNDLE="$DIST/challenge-app"
# PyInstaller links every Qt library into _internal/; the links to libraries the
# spec left out point nowhere. Remove them so the folder holds only what runs.
find "$BUNDLE" -xtype l -delete
cp packaging/linux/challenge-app.desktop packaging/linux/install.sh "$BUNDLE/"
cp resources/icons/challenge-256.png "$BUNDLE/challenge-app.png"

# Self-check: the built program, in a bare environment with no Python or venv
# on PATH, opens the demo and exits 0 once its window has painted.
check_home="$(mktemp -d)"
trap 'rm -rf "$check_home"' EXIT
if ! env -i PATH=/usr/bin:/bin HOME="$check_home" QT_QPA_PLATFORM=offscreen \
        "$BUNDLE/challenge-app" --demo --exit-when-ready; then
    echo "build: the self-check of $BUNDLE/challenge-app failed" >&2
    exit 1
fi
echo "build: self-check passed; bundle size $(du -sh "$BUNDLE" | cut -f1) in $BUNDLE"
