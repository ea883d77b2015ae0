"""A screen's heading with its buttons beside it, or under it when the screen is too narrow for
both on one line: the heading is never cut ("Credentials & CE") and nothing scrolls sideways."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget


class HeadingBar(QWidget):
    def __init__(
        self, heading: QLabel, buttons: Sequence[QWidget], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.heading = heading
        heading.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.buttons = QWidget()
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        for button in buttons:
            row.addWidget(button)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._one_line: bool | None = None
        self._arrange(one_line=True)

    def _arrange(self, one_line: bool) -> None:
        if one_line == self._one_line:
            return
        self._one_line = one_line
        self._grid.removeWidget(self.heading)
        self._grid.removeWidget(self.buttons)
        if one_line:
            self._grid.addWidget(self.heading, 0, 0)
            self._grid.addWidget(self.buttons, 0, 1, Qt.AlignmentFlag.AlignRight)
            self._grid.setColumnStretch(0, 1)
        else:
            self._grid.addWidget(self.heading, 0, 0, 1, 2)
            self._grid.addWidget(self.buttons, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)

    def is_one_line(self) -> bool:
        return bool(self._one_line)

    def _one_line_width(self) -> int:
        spacing = max(0, self._grid.horizontalSpacing())
        return self.heading.sizeHint().width() + spacing + self.buttons.sizeHint().width()

    def minimumSizeHint(self) -> QSize:
        width = max(self.heading.sizeHint().width(), self.buttons.minimumSizeHint().width())
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(one_line=event.size().width() >= self._one_line_width())
        super().resizeEvent(event)
