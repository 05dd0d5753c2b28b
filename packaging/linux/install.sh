#!/usr/bin/env bash
# Install Challenge for the current user (no administrator rights needed).
# Run it from inside the unpacked program folder:   bash install.sh
# Remove it again with:                              bash install.sh --uninstall
# Your database, backups and logs are never touched by either.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
DEST="${XDG_DATA_HOME:-$HOME/.local/share}"
TARGET="$HOME/.local/opt/challenge-app"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$TARGET"
    rm -f "$HOME/.local/bin/challenge-app" "$DEST/applications/challenge-app.desktop" \
          "$DEST/icons/hicolor/256x256/apps/challenge-app.png"
    echo "Challenge removed. Your data folder was left as it was."
    exit 0
fi

if [ "$HERE" != "$TARGET" ]; then
    rm -rf "$TARGET"
    mkdir -p "$(dirname "$TARGET")"
    cp -r "$HERE" "$TARGET"
fi
mkdir -p "$HOME/.local/bin" "$DEST/applications"
ln -sf "$TARGET/challenge-app" "$HOME/.local/bin/challenge-app"
install -Dm644 "$TARGET/challenge-app.png" "$DEST/icons/hicolor/256x256/apps/challenge-app.png"
sed "s|^Exec=.*|Exec=$TARGET/challenge-app|" "$TARGET/challenge-app.desktop" \
    > "$DEST/applications/challenge-app.desktop.tmp"
mv "$DEST/applications/challenge-app.desktop.tmp" "$DEST/applications/challenge-app.desktop"
echo "Challenge installed in $TARGET; it is in your applications menu."
