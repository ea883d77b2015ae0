"""The Plan screen's settings tab: goal, availability and days off, with a preview button."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.validation import check_availability
from studyplanner.services.snapshots import PlanChange, PlanSettings
from studyplanner.ui.plan.availability_editor import AvailabilityEditor
from studyplanner.ui.plan.blackout_editor import BlackoutEditor
from studyplanner.ui.plan.goal_editor import GoalEditor
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import problem_label
from studyplanner.ui.shared.problem_words import problems_words


class ScheduleSettings(QScrollArea):
    preview_requested = Signal(object)
    busy_requested = Signal()
    """"Busy time from calendars…" was chosen (the Plan screen opens its dialog)."""

    def __init__(self, today: date | Callable[[], date], parent: QWidget | None = None) -> None:
        """`today` may be the clock: the tab lives as long as the window, over many days."""
        super().__init__(parent)
        if isinstance(today, date):
            fixed = today
            self._clock: Callable[[], date] = lambda: fixed
        else:
            self._clock = today
        today = self._clock()
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Availability and dates"))
        self._settings: PlanSettings | None = None
        inner = QWidget()
        inner.setMaximumWidth(860)  # forms stretched across a wide screen are hard to read
        layout = QVBoxLayout(inner)
        goal_box = QGroupBox(self.tr("Start and goal"))
        self.goal = GoalEditor(today)
        self.goal.replanning = True
        QVBoxLayout(goal_box).addWidget(self.goal)
        week_box = QGroupBox(self.tr("Time available each week"))
        self.availability = AvailabilityEditor()
        self.availability_problem = problem_label()
        self.long_sittings = QCheckBox(
            self.tr("&Allow an exam day longer than that day's study time")
        )
        self.long_sittings.setAccessibleName(self.tr("Allow long exam sittings"))
        self.long_sittings.setToolTip(
            self.tr(
                "An exam is sat in one go and is never split across days. Without this, it "
                "goes only on a day whose study time holds it; with it, it may take any study "
                "day, alone."
            )
        )
        week_layout = QVBoxLayout(week_box)
        week_layout.addWidget(self.availability)
        week_layout.addWidget(self.availability_problem)
        week_layout.addWidget(self.long_sittings)
        week_layout.addLayout(self._busy_row())
        off_box = QGroupBox(self.tr("Days off"))
        self.blackouts = BlackoutEditor(today)
        QVBoxLayout(off_box).addWidget(self.blackouts)
        self.problems_label = problem_label()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.discard_button = QPushButton(self.tr("&Discard changes"))
        self.discard_button.setAccessibleName(self.tr("Discard changes"))
        self.discard_button.clicked.connect(self._on_discard)
        self.preview_button = QPushButton(icon("refresh"), self.tr("&Preview changes…"))
        self.preview_button.setAccessibleName(self.tr("Preview changes"))
        self.preview_button.clicked.connect(self._on_preview)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.preview_button)
        for w in (goal_box, week_box, off_box):
            layout.addWidget(w)
        layout.addWidget(self.problems_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setWidget(inner)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        for signal in (self.goal.changed, self.availability.changed, self.blackouts.changed):
            signal.connect(self._on_edited)
        self.long_sittings.toggled.connect(self._on_edited)

    def _busy_row(self) -> QHBoxLayout:
        from studyplanner.ui.shared.plain_text import PlainLabel

        row = QHBoxLayout()
        self.busy_summary = PlainLabel()
        self.busy_summary.setWordWrap(True)
        self.busy_button = QPushButton(icon("calendar"), self.tr("&Busy time from calendars…"))
        self.busy_button.setAccessibleName(self.tr("Busy time from calendars"))
        self.busy_button.clicked.connect(self.busy_requested)
        row.addWidget(self.busy_summary, 1)
        row.addWidget(self.busy_button)
        return row

    def _show_busy(self, settings: PlanSettings) -> None:
        from studyplanner.ui.shared.formatting import format_hours, how_many

        days = settings.busy or ()
        if not days:
            text = self.tr("No busy time from calendars.")
        else:
            text = self.tr("Busy time from calendars: {time} on {days}.").format(
                time=format_hours(sum(d.minutes for d in days)),
                days=how_many(len(days), self.tr("day"), self.tr("days")),
            )
        self.busy_summary.setText(text)
        self.busy_summary.setAccessibleName(text)

    def show_settings(self, settings: PlanSettings) -> None:
        self._settings = settings
        self._show_busy(settings)
        self.goal.set_values(settings.start, settings.target, settings.weekly_minutes)
        self.availability.set_availability(settings.availability)
        self.blackouts.set_blackouts(settings.blackouts)
        self.long_sittings.blockSignals(True)
        self.long_sittings.setChecked(settings.allow_long_sittings)
        self.long_sittings.blockSignals(False)
        self.problems_label.hide()
        self._on_edited()
        self.discard_button.setEnabled(False)
        self.preview_button.setEnabled(False)

    def edited_settings(self) -> PlanSettings:
        assert self._settings is not None
        return PlanSettings(
            start=self.goal.start_date(),
            availability=self.availability.availability(),
            target=self.goal.target_date(),
            weekly_minutes=self.goal.weekly_minutes(),
            blackouts=self.blackouts.blackouts(),
            terms=self._settings.terms,
            allow_long_sittings=self.long_sittings.isChecked(),
            busy=self._settings.busy,
        )

    def is_valid(self) -> bool:
        self.goal.set_today(self._clock())  # a target passed since is in the past now
        problems = self.goal.problems()
        week = check_availability(self.availability.availability(), self.goal.weekly_minutes())
        message = problems_words(week, " ")
        self.availability_problem.setText(message)
        self.availability_problem.setVisible(bool(message))
        return not problems and not week

    def _on_edited(self) -> None:
        valid = self.is_valid()
        changed = self._settings is not None and self.edited_settings() != self._settings
        self.preview_button.setEnabled(valid and changed)
        self.discard_button.setEnabled(changed)

    def _on_discard(self) -> None:
        if self._settings is not None:
            self.show_settings(self._settings)

    def _on_preview(self) -> None:
        if self.is_valid():
            self.preview_requested.emit(PlanChange(settings=self.edited_settings()))
