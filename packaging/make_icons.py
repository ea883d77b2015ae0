"""Render the app's icon for the standalone build: PNGs (hicolor sizes and the ones Windows and
macOS icons hold) with Qt's QSvgRenderer, a Windows .ico and a macOS .icns with Pillow.

    python packaging/make_icons.py OUT_DIR

Run by packaging/studyplanner.spec with the build's Python (PySide6 and Pillow installed)."""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

APP_ID = "org.studyplanner.StudyPlanner"
HICOLOR_SIZES = (48, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def main(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    svg = (resources.files("studyplanner.resources") / "desktop" / f"{APP_ID}.svg").read_bytes()
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        sys.exit(f"the app icon {APP_ID}.svg cannot be read")
    out.mkdir(parents=True, exist_ok=True)
    pngs: dict[int, Path] = {}
    for size in sorted({*HICOLOR_SIZES, *ICO_SIZES, *ICNS_SIZES}):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"{APP_ID}-{size}.png"
        if not image.save(str(path), "PNG"):
            sys.exit(f"could not write {path}")
        pngs[size] = path
    biggest = Image.open(pngs[max(ICNS_SIZES)])
    biggest.save(out / "studyplanner.ico", sizes=[(s, s) for s in ICO_SIZES])
    biggest.save(out / "studyplanner.icns")
    print(f"icons: {len(pngs)} PNG sizes, studyplanner.ico, studyplanner.icns in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
