"""The Dashboard's building blocks: a card (icon, heading, body, actions), a status line (an
icon beside a word: never colour alone) and the words for study time and days ahead."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studyplanner.ui.shared.formatting import format_hours, tr
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import heading_font
from studyplanner.ui.shared.plain_text import PlainLabel


def hours_words(minutes: int) -> str:
    """The one duration style: 45 min, 6 h, 3 h 30 min."""
    return format_hours(minutes)


def ahead_words(days: int) -> tuple[str, str]:
    """(icon name, words) for days ahead of the baseline: never colour alone."""
    if days < 0:
        if days == -1:
            return "warning", tr("1 day behind")
        return "warning", tr("{n} days behind").format(n=-days)
    if days == 0:
        return "check", tr("On plan")
    if days == 1:
        return "check", tr("1 day ahead")
    return "check", tr("{n} days ahead").format(n=days)


def wrapped_label(text: str = "") -> QLabel:
    label = PlainLabel(text)
    label.setWordWrap(True)
    return label


class StatusLine(QWidget):
    """An icon beside a bold word, updatable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.picture = QLabel()
        self.word = QLabel()
        self.word.setFont(heading_font(self.font(), 1.2))
        layout.addWidget(self.picture)
        layout.addWidget(self.word)
        layout.addStretch(1)

    def set_status(self, icon_name: str, word: str) -> None:
        self.picture.setPixmap(icon(icon_name).pixmap(22, 22))
        self.word.setText(word)
        self.setAccessibleName(word)


class Card(QFrame):
    """A framed panel with an icon and a heading, a body, and its action buttons at the bottom."""

    def __init__(self, icon_name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 14)
        outer.setSpacing(10)
        header = QHBoxLayout()
        picture = QLabel()
        self._icons: list[tuple[QLabel | QPushButton, str]] = [(picture, icon_name)]
        self.title = QLabel(title)
        self.title.setFont(heading_font(self.font(), 1.25))
        header.addWidget(picture)
        header.addWidget(self.title, 1)
        outer.addLayout(header)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        outer.addLayout(self.body)
        outer.addStretch(1)
        self.action_row = QHBoxLayout()
        self.action_row.addStretch(1)
        outer.addLayout(self.action_row)
        self._paint_icons()

    def button(self, icon_name: str, text: str, accessible_name: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setAccessibleName(accessible_name)
        self.action_row.addWidget(button)
        self._icons.append((button, icon_name))
        return button

    def _paint_icons(self) -> None:
        for widget, name in self._icons:
            if isinstance(widget, QPushButton):
                widget.setIcon(icon(name))
            else:
                widget.setPixmap(icon(name).pixmap(24, 24))

    def changeEvent(self, event: QEvent) -> None:
        """Icons are drawn in the palette's text colour: redraw them after a light/dark switch."""
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)
