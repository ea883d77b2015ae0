"""Labels every screen uses: headings, key figures, hints under a form, problems under a field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from studyplanner.ui.shared.plain_text import PlainLabel


def heading_font(base: QFont, scale: float = 1.5) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * scale)
    font.setBold(True)
    return font


class Figure(QWidget):
    """A key figure: a small caption over a larger value."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 24, 0)
        layout.setSpacing(2)
        self.caption = QLabel(caption)
        self.value = PlainLabel()
        self.value.setFont(heading_font(self.font(), 1.2))
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set_value(self, text: str) -> None:
        self.value.setText(text)
        self.setAccessibleName(f"{self.caption.text()} {text}")


def wrapped_label(text: str = "") -> QLabel:
    label = PlainLabel(text)
    label.setWordWrap(True)
    return label


def hint_label(text: str = "") -> QLabel:
    label = wrapped_label(text)
    label.setObjectName("hint")
    return label


def problem_label() -> QLabel:
    label = PlainLabel()
    label.setWordWrap(True)
    label.setObjectName("problem")
    label.hide()
    return label
