"""The Language row of the Settings screen: System / English / Español, saved at once in the
app's preferences and applied at the next start (ui/language.py installs it then)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from studyplanner.ui.shared.labels import hint_label
from studyplanner.ui.window.language import (
    CHOICES,
    ENDONYMS,
    SYSTEM,
    choose_language,
    chosen_language,
    effective_language,
)


class LanguageField(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        system_word = ENDONYMS[effective_language(SYSTEM)]
        for choice in CHOICES:
            if choice == SYSTEM:
                text = self.tr("System ({language})").format(language=system_word)
            else:
                text = ENDONYMS[choice]
            self.combo.addItem(text, choice)
        self.combo.setCurrentIndex(CHOICES.index(chosen_language()))
        self._started_with = chosen_language()
        self.combo.setAccessibleName(self.tr("Language"))
        label = QLabel(self.tr("&Language:"))
        label.setBuddy(self.combo)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.combo)
        row.addStretch(1)
        self.note = hint_label()
        self.note.setAccessibleName(self.tr("Language message"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.combo.currentIndexChanged.connect(self._chosen)
        self._show_note()

    def _chosen(self, index: int) -> None:
        choose_language(CHOICES[index])
        self._show_note()

    def _show_note(self) -> None:
        changed = CHOICES[self.combo.currentIndex()] != self._started_with
        self.note.setText(
            self.tr("The new language shows the next time Study Planner starts.")
            if changed
            else self.tr("System follows your computer's language: Spanish or else English.")
        )
