"""Render the hand-drawn SVG icon to the PNG and ICO files the installers need.

Run from the repository root: ``.venv/bin/python packaging/make_icon.py``.
The results are committed, so a build needs no Qt SVG step; run this again
only after changing ``resources/icons/challenge.svg``.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: list[QImage]) -> bytes:
    """A Windows .ico holding several sizes as PNG entries (Windows Vista and later).

    Qt's own ico writer stores a single uncompressed size, which looks blurred
    in Explorer's small views, so the file is assembled here instead.
    """
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = [], []
    for image in images:
        blob = png_bytes(image)
        side = image.width() if image.width() < 256 else 0  # 0 means 256 in an ico
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "challenge.svg"))
    if not renderer.isValid():
        print("make_icon: challenge.svg could not be read", file=sys.stderr)
        return 1
    for size in PNG_SIZES:
        render(renderer, size).save(str(ICONS / f"challenge-{size}.png"))
    ico = ico_bytes([render(renderer, size) for size in ICO_SIZES])
    (ICONS / "challenge.ico").write_bytes(ico)
    return 0


if __name__ == "__main__":
    sys.exit(main())
