"""Icons from the bundled Lucide SVGs, recoloured with the palette so they follow light/dark."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QWidget

from studyplanner import bundled

SIZES = (16, 20, 24, 32, 48)


def _text_colour(palette: QPalette | None = None) -> QColor:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.WindowText)


def icon(name: str, colour: QColor | None = None) -> QIcon:
    """The named icon drawn in `colour` (default: the palette's text colour)."""
    return _icon(name, (colour or _text_colour()).name())


@cache
def _icon(name: str, colour: str) -> QIcon:
    try:
        svg = bundled.icon_svg(name)
    except KeyError:
        return QIcon()
    data = QByteArray(svg.replace(b"currentColor", colour.encode()))
    renderer = QSvgRenderer(data)
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


def clear_cache() -> None:
    """Forget rendered icons (after the palette changed)."""
    _icon.cache_clear()


def status_line(icon_name: str, word: str, parent: QWidget | None = None) -> QWidget:
    """An icon beside a word (status never relies on colour alone)."""
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    picture = QLabel()
    picture.setPixmap(icon(icon_name).pixmap(20, 20))
    text = QLabel(f"<b>{word}</b>")
    text.setObjectName("status_word")
    layout.addWidget(picture)
    layout.addWidget(text)
    layout.addStretch(1)
    box.setAccessibleName(word)
    return box
