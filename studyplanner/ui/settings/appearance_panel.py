"""Settings ▸ Appearance: System, Light or Dark, applied at once and remembered."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from studyplanner.ui.shared.labels import hint_label
from studyplanner.ui.shared.theme import Theme, apply_theme, save_theme, saved_theme


class AppearancePanel(QWidget):
    theme_changed = Signal(str)
    """The user chose another appearance (its words, for a status message)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Appearance:"))
        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Appearance"))
        for theme, words in (
            (Theme.SYSTEM, self.tr("System")),
            (Theme.LIGHT, self.tr("Light")),
            (Theme.DARK, self.tr("Dark")),
        ):
            self.theme.addItem(words, theme.value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(saved_theme().value)))
        label.setBuddy(self.theme)
        row.addWidget(label)
        row.addWidget(self.theme)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(
            hint_label(
                self.tr(
                    "System follows your desktop's look. Light and Dark look the same on "
                    "every computer."
                )
            )
        )
        self.theme.currentIndexChanged.connect(self._on_theme)

    def _on_theme(self, index: int) -> None:
        theme = Theme(self.theme.itemData(index))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        save_theme(theme)
        self.theme_changed.emit(self.theme.itemText(index))
