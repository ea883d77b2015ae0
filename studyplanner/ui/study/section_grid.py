"""Quick entry of a sitting's score by exam section: one row per section (its title, the missed
questions in a spin box, "of N"), the total derived as the user types, never typed twice."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.exam_sections import ExamOutline, SectionScore, total_percent
from studyplanner.ui.shared.plain_text import PlainLabel

VISIBLE_ROWS = 8
"""Rows shown before the grid scrolls (17 CPC sections fit a 768-pixel-high screen this way)."""


class SectionGrid(QWidget):
    changed = Signal()

    def __init__(
        self,
        outline: ExamOutline,
        earlier: Sequence[SectionScore] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.outline = outline
        self.setAccessibleName(self.tr("Missed questions by section"))
        before = {s.key: s.missed for s in earlier}
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        self.spins: list[QSpinBox] = []
        for row, section in enumerate(outline.sections):
            name = PlainLabel(section.title + (" *" if section.estimate else ""))
            name.setWordWrap(True)
            spin = QSpinBox()
            spin.setRange(0, section.questions)
            spin.setValue(min(before.get(section.key, 0), section.questions))
            spin.setAccessibleName(
                self.tr("Missed questions: {section}").format(section=section.title)
            )
            spin.setAccessibleDescription(
                self.tr("of {count} questions").format(count=section.questions)
            )
            name.setBuddy(spin)
            of = QLabel(self.tr("of {count}").format(count=section.questions))
            grid.addWidget(name, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(of, row, 2)
            spin.valueChanged.connect(self._on_changed)
            self.spins.append(spin)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(inner)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row_height = self.spins[0].sizeHint().height() + grid.verticalSpacing() if self.spins else 0
        self.scroll_area.setMinimumHeight(
            min(len(self.spins), VISIBLE_ROWS) * max(row_height, 1) + 8
        )
        heading = QLabel(self.tr("Questions missed in each section:"))
        heading.setWordWrap(True)
        self.total_label = PlainLabel()
        self.total_label.setAccessibleName(self.tr("Derived score"))
        self.note = PlainLabel()
        self.note.setWordWrap(True)
        if outline.estimated:
            self.note.setText(
                self.tr("* Section sizes marked so are estimates, not published figures.")
            )
        self.note.setVisible(outline.estimated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.note)
        if self.spins:
            self.setFocusProxy(self.spins[0])
        self._on_changed()

    def scores(self) -> tuple[SectionScore, ...]:
        return tuple(
            SectionScore(s.key, s.title, s.questions, spin.value())
            for s, spin in zip(self.outline.sections, self.spins, strict=True)
        )

    def total(self) -> float | None:
        return total_percent(self.scores())

    def _on_changed(self, *_args: object) -> None:
        scores = self.scores()
        missed = sum(s.missed for s in scores)
        asked = sum(s.questions for s in scores)
        total = total_percent(scores)
        self.total_label.setText(
            self.tr("Score: {score} % ({missed} of {asked} questions missed)").format(
                score=f"{total:g}" if total is not None else "–", missed=missed, asked=asked
            )
        )
        self.changed.emit()
