"""Mark a module complete: the date, and for exams and practice exams the score in percent, or,
when the track's exam has sections, the questions missed in each (the score derived)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.exam_sections import ExamOutline, SectionScore
from studyplanner.core.validation import EARLIEST_DATE, Problem
from studyplanner.services.snapshots import ModuleStatus
from studyplanner.ui.shared.formatting import date_edit, kind_name, pydate, qdate
from studyplanner.ui.shared.labels import problem_label
from studyplanner.ui.shared.plain_text import escaped
from studyplanner.ui.shared.validated_dialog import ValidatedDialog
from studyplanner.ui.study.section_grid import SectionGrid
from studyplanner.ui.study.study_log_view import with_problem

Answer = tuple[date, float | None] | tuple[date, float | None, tuple[SectionScore, ...]]
"""(completion date, score or None), with the section scores when entered by section."""


class CompletionDialog(ValidatedDialog):
    def __init__(
        self,
        module: ModuleStatus,
        today: date,
        parent: QWidget | None = None,
        *,
        outline: ExamOutline | None = None,
        sections: Sequence[SectionScore] = (),
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._has_score = module.kind.is_exam
        self.setWindowTitle(self.tr("Mark module complete"))
        self.setAccessibleName(self.tr("Mark module complete"))
        heading = QLabel(
            self.tr("<b>{title}</b> ({kind})").format(
                title=escaped(module.title), kind=kind_name(module.kind)
            )
        )
        heading.setWordWrap(True)
        self.day = date_edit(module.done_on or today, self.tr("Completion date"))
        self.day.setMinimumDate(qdate(EARLIEST_DATE))
        self.day_problem = problem_label()
        self.day_problem.setAccessibleName(self.tr("Problem with the completion date"))
        self.score = QLineEdit()
        self.score.setAccessibleName(self.tr("Score in percent"))
        self.score.setPlaceholderText(self.tr("for example 74"))
        if module.score is not None:
            self.score.setText(QLocale().toString(float(module.score), "g", 4))
        self.score_problem = problem_label()
        self.score_problem.setAccessibleName(self.tr("Problem with the score"))
        form = QFormLayout()
        form.addRow(self.tr("&Completed on:"), with_problem(self.day, self.day_problem))
        self.grid: SectionGrid | None = None
        self.by_section = QCheckBox(self.tr("Enter the &missed questions by section"))
        self.by_section.setAccessibleName(self.tr("Enter the missed questions by section"))
        if self._has_score and outline is not None:
            self.grid = SectionGrid(outline, sections)
            self.by_section.setChecked(bool(sections) or module.score is None)
            form.addRow(self.by_section)
            form.addRow(self.grid)
            self.grid.changed.connect(self._on_grid)
            self.by_section.toggled.connect(self._on_by_section)
        else:
            self.by_section.hide()
        if self._has_score:
            form.addRow(self.tr("&Score (%):"), with_problem(self.score, self.score_problem))
        else:
            self.score.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Mark complete"))
        self.ok_button.setAccessibleName(self.tr("Mark complete"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380 if self.grid is None else 480)
        self.day.dateChanged.connect(self._on_changed)
        self.score.textChanged.connect(self._on_changed)
        self._on_by_section()
        self._on_changed()

    def _sections_on(self) -> bool:
        return self.grid is not None and self.by_section.isChecked()

    def _on_by_section(self, *_args: object) -> None:
        if self.grid is None:
            return
        on = self.by_section.isChecked()
        self.grid.setVisible(on)
        self.score.setReadOnly(on)
        self._on_grid()

    def _on_grid(self) -> None:
        if self.grid is None or not self.by_section.isChecked():
            return
        total = self.grid.total()
        self.score.setText("" if total is None else QLocale().toString(total, "g", 4))

    @classmethod
    def ask(
        cls,
        module: ModuleStatus,
        today: date,
        parent: QWidget | None = None,
        *,
        outline: ExamOutline | None = None,
        sections: Sequence[SectionScore] = (),
    ) -> Answer | None:
        """The Answer, or None when cancelled."""
        dialog = cls(module, today, parent, outline=outline, sections=sections)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()

    def _score(self) -> tuple[float | None, bool]:
        """(the score or None when left empty, whether the text is a number)."""
        text = self.score.text().strip().rstrip("%").strip()
        if not self._has_score or not text:
            return None, True
        value, ok = QLocale().toDouble(text)
        if not ok:
            try:
                value, ok = float(text), True
            except ValueError:
                return None, False
        return value, ok

    def value(self) -> Answer:
        day = pydate(self.day.date())
        if self.grid is not None and self._sections_on():
            return day, self.grid.total(), self.grid.scores()
        return day, self._score()[0]

    def problems(self) -> list[Problem]:
        problems = []
        if pydate(self.day.date()) > self._today:
            problems.append(Problem("day", self.tr("A module cannot be completed in the future.")))
        score, ok = self._score()
        if not ok:
            problems.append(Problem("score", self.tr("Enter the score as a number, like 74.")))
        elif score is not None and not 0 <= score <= 100:
            problems.append(Problem("score", self.tr("A score is a percentage from 0 to 100.")))
        return problems

    def problem_labels(self) -> dict[str, QLabel]:
        return {"day": self.day_problem, "score": self.score_problem}
