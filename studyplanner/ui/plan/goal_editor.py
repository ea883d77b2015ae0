"""Start date and goal: either a target finish date or a number of hours a week."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from studyplanner.core.validation import Problem, check_plan_dates, hours_to_minutes
from studyplanner.ui.shared.formatting import date_edit, pydate, qdate
from studyplanner.ui.shared.labels import problem_label
from studyplanner.ui.shared.problem_words import problem_words


class GoalEditor(QWidget):
    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.replanning = False
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.start = date_edit(today, self.tr("Start date"))
        self.start_problem = problem_label()
        form.addRow(self.tr("&Start studying on:"), self.start)
        form.addRow("", self.start_problem)
        self.by_target = QRadioButton(self.tr("Finish by a &target date"))
        self.by_hours = QRadioButton(self.tr("Study a number of &hours a week"))
        group = QButtonGroup(self)
        group.addButton(self.by_target)
        group.addButton(self.by_hours)
        self.by_target.setChecked(True)
        self.target = date_edit(today + timedelta(days=365), self.tr("Target date"))
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.0, 112.0)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(8.0)
        self.hours.setSuffix(self.tr(" h a week"))
        self.hours.setAccessibleName(self.tr("Hours a week"))
        row1 = QHBoxLayout()
        row1.addWidget(self.by_target)
        row1.addWidget(self.target, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.by_hours)
        row2.addWidget(self.hours, 1)
        form.addRow(self.tr("Goal:"), row1)
        form.addRow("", row2)
        self.goal_problem = problem_label()
        form.addRow("", self.goal_problem)
        for signal in (
            self.start.dateChanged,
            self.target.dateChanged,
            self.hours.valueChanged,
            self.by_target.toggled,
        ):
            signal.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self, *_args: object) -> None:
        self.target.setEnabled(self.by_target.isChecked())
        self.hours.setEnabled(self.by_hours.isChecked())
        self.changed.emit()

    def set_today(self, today: date) -> None:
        """Check the dates against this day (a form kept open while the days pass)."""
        self._today = today

    def start_date(self) -> date:
        return pydate(self.start.date())

    def target_date(self) -> date | None:
        return pydate(self.target.date()) if self.by_target.isChecked() else None

    def weekly_minutes(self) -> int | None:
        if self.by_target.isChecked():
            return None
        return hours_to_minutes(self.hours.value())

    def set_values(self, start: date, target: date | None, weekly_minutes: int | None) -> None:
        for w in (self.start, self.target, self.hours, self.by_target, self.by_hours):
            w.blockSignals(True)
        self.start.setDate(qdate(start))
        if target is not None:
            self.by_target.setChecked(True)
            self.target.setDate(qdate(target))
        else:
            self.by_hours.setChecked(True)
            self.hours.setValue((weekly_minutes or 0) / 60)
        for w in (self.start, self.target, self.hours, self.by_target, self.by_hours):
            w.blockSignals(False)
        self._on_changed()

    def problems(self) -> list[Problem]:
        """Check the fields and show each message next to its field."""
        problems = check_plan_dates(
            self.start_date(),
            self.target_date(),
            self.weekly_minutes(),
            self._today,
            replanning=self.replanning,
        )
        by_field = {p.field: problem_words(p) for p in problems}
        self._show(self.start_problem, by_field.get("start"))
        self._show(self.goal_problem, by_field.get("target") or by_field.get("weekly_hours"))
        return problems

    @staticmethod
    def _show(label: QLabel, message: str | None) -> None:
        label.setText(message or "")
        label.setVisible(bool(message))
