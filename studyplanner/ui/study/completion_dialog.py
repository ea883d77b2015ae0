"""Mark a module complete: the date, and for exams and practice exams the score in percent."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.validation import EARLIEST_DATE, Problem
from studyplanner.services.snapshots import ModuleStatus
from studyplanner.ui.shared.formatting import date_edit, kind_name, pydate, qdate
from studyplanner.ui.shared.labels import problem_label
from studyplanner.ui.shared.plain_text import escaped
from studyplanner.ui.shared.validated_dialog import ValidatedDialog
from studyplanner.ui.study.study_log_view import with_problem


class CompletionDialog(ValidatedDialog):
    def __init__(self, module: ModuleStatus, today: date, parent: QWidget | None = None) -> None:
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
        self.setMinimumWidth(380)
        self.day.dateChanged.connect(self._on_changed)
        self.score.textChanged.connect(self._on_changed)
        self._on_changed()

    @classmethod
    def ask(
        cls, module: ModuleStatus, today: date, parent: QWidget | None = None
    ) -> tuple[date, float | None] | None:
        """(completion date, score or None), or None when cancelled."""
        dialog = cls(module, today, parent)
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

    def value(self) -> tuple[date, float | None]:
        return pydate(self.day.date()), self._score()[0]

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
