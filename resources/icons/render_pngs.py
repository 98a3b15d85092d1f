"""Render hangar.svg to the PNG sizes desktops ask for (hicolor theme, Windows .ico, macOS .icns).

Run it again after editing hangar.svg; its output is committed next to it:

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/icons/render_pngs.py

The files land in ``hicolor/<N>x<N>/apps/io.github.hangar.Hangar.png``, the layout of the
freedesktop icon theme, so ``installers/linux/install.sh`` copies the tree as it is, and in
``hangar.ico`` (the same PNGs up to 256 px, for the Windows executables and installer).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.hangar.Hangar"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HERE = Path(__file__).resolve().parent


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def write_ico(pngs: dict[int, bytes], target: Path) -> None:
    """A Windows .ico holding PNG images (Vista and later read those); no extra library needed."""
    sizes = sorted(size for size in pngs if size <= 256)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        # width/height 0 means 256; no palette; 1 plane; 32 bits per pixel
        directory += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    target.write_bytes(header + directory + blobs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # kept alive while painting
    svg = HERE / "hangar.svg"
    pngs = {}
    for size in SIZES:
        target = HERE / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
        pngs[size] = target.read_bytes()
        print(target.relative_to(HERE))
    write_ico(pngs, HERE / "hangar.ico")
    print("hangar.ico")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
