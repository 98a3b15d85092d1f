"""Render hangar.svg to the PNG sizes desktops ask for (hicolor theme, Windows .ico, macOS .icns).

Run it again after editing hangar.svg; its output is committed next to it:

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/icons/render_pngs.py

The files land in ``hicolor/<N>x<N>/apps/io.github.hangar.Hangar.png``, the layout of the
freedesktop icon theme, so ``installers/linux/install.sh`` copies the tree as it is.
"""

from __future__ import annotations

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


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # kept alive while painting
    svg = HERE / "hangar.svg"
    for size in SIZES:
        target = HERE / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
        print(target.relative_to(HERE))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
