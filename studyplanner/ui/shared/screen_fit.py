"""Windows that fit the screen they open on, down to a 1024x600 laptop: a dialog's size is what
it would like, but never more than the screen's free area minus its title bar, and what does not
fit scrolls inside the window (never its buttons)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

TITLE_BAR = 40
"""Room a window manager's title bar takes above a window (the frame is not known before the
window is shown)."""


def room_for(window: QWidget) -> QSize:
    """The largest size `window` can take on its screen, title bar and taskbar left out."""
    screen = window.screen()
    free = screen.availableGeometry().size()
    return QSize(free.width(), max(0, free.height() - TITLE_BAR))


def fit_to_screen(window: QWidget, wanted: QSize) -> None:
    """Resize `window` to `wanted`, or to what its screen leaves free when that is less."""
    room = room_for(window)
    minimum = window.minimumSize()
    window.resize(
        max(minimum.width(), min(wanted.width(), room.width())),
        max(minimum.height(), min(wanted.height(), room.height())),
    )


def scrolled_layout(page: QWidget, name: str) -> QVBoxLayout:
    """A vertical layout for `page`'s content inside a frameless scroll area that fills the page:
    a short screen scrolls the content, the page itself can be as low as the screen allows.
    `name` is the scroll area's accessible name (the page's title)."""
    content = QWidget()
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroll.setWidget(content)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setAccessibleName(name)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    layout = QVBoxLayout(content)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout
