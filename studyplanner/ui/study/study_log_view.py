"""Layout pieces shared by the Study log and Modules screens and their dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def empty_page(
    title: str, text: str, action: tuple[str, Callable[[], None]] | None = None
) -> QWidget:
    """What an empty screen says to do next, instead of a blank table, with a button that does
    it when there is one (`action`: its text and what it does)."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    heading = QLabel(title)
    font = QFont(heading.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    heading.setFont(font)
    body = QLabel(text)
    body.setWordWrap(True)
    for label in (heading, body):
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
    if action is not None:
        words, do = action
        button = QPushButton(words)
        button.setAccessibleName(words.replace("&", ""))
        button.clicked.connect(do)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        page.action_button = button  # type: ignore[attr-defined]
    page.setAccessibleName(title)
    layout.addStretch(2)
    return page


def with_problem(field: QWidget, problem: QLabel) -> QWidget:
    """A form field with its problem message right below it (no gap while there is none).
    Focus and a label's buddy go to the field itself."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(problem)
    box.setFocusProxy(field)
    return box
