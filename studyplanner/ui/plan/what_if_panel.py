"""The Plan screen's live what-if: sliders (and spin boxes for exact entry) for the hours a week
and the target date, a toggle per weekday. Each change re-plans the plan already read, in memory
(services/what_if.py), and the screen shows the result as a what-if; nothing is saved until
"Keep this". Slider drags are coalesced: at most one re-plan per turn of the event loop."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QWidget,
)

from studyplanner.core.calendar_steps import years_later
from studyplanner.core.model import Schedule
from studyplanner.core.validation import LATEST_YEARS_AHEAD
from studyplanner.core.what_if import WhatIf, most_minutes
from studyplanner.services.snapshots import PlanSettings, PlanSnapshot
from studyplanner.services.what_if import (
    saved_what_if,
    what_if_problems,
    what_if_request,
    what_if_schedule,
    what_if_settings,
)
from studyplanner.ui.shared.formatting import (
    date_edit,
    format_date,
    format_hours,
    pydate,
    qdate,
    tr,
)
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import problem_label
from studyplanner.ui.shared.plain_text import PlainLabel

QUARTER = 15
"""The hours slider moves in quarters of an hour."""


def what_if_button() -> QPushButton:
    """The Plan screen's button that opens (and closes) the what-if."""
    button = QPushButton(icon("refresh"), tr("&What if…"))
    button.setAccessibleName(tr("Try a what-if"))
    button.setCheckable(True)
    return button


class HoursBox(QDoubleSpinBox):
    """Hours in quarter steps, written without trailing zeros ("30 h", "7.5 h", "7.25 h")."""

    def textFromValue(self, value: float) -> str:
        text = self.locale().toString(value, "f", self.decimals())
        point = self.locale().decimalPoint()
        return text.rstrip("0").rstrip(point) if point in text else text


class WhatIfPanel(QFrame):
    """Emits `tried` with the plan as it would be (settings and schedule, not saved) after each
    change, `keep_requested` with the settings to save, and `closed`."""

    tried = Signal(object)
    keep_requested = Signal(object)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("What-if, not saved"))
        self.hide()  # until the Plan screen's What if… button opens it
        self._plan: PlanSnapshot | None = None
        self._today = date.min
        self._saved = WhatIf(0, None, (False,) * 7)
        self._settings: PlanSettings | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)
        self.replans = 0
        """How many times the plan was re-planned (the tests check the coalescing)."""
        self.schedules: dict[PlanSettings, Schedule] = {}
        """The schedules tried on this plan, by settings: a drag back, or Reset, is instant."""
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setVerticalSpacing(4)
        banner = QHBoxLayout()
        sign = QLabel()
        sign.setPixmap(icon("info").pixmap(18, 18))
        self.banner = PlainLabel(
            self.tr(
                "What-if: nothing here is saved. The verdict, the finish date and the timeline "
                "show the plan as it would be; Keep this saves it as your plan."
            )
        )
        self.banner.setWordWrap(True)
        banner.addWidget(sign)
        banner.addWidget(self.banner, 1)
        grid.addLayout(banner, 0, 0, 1, 3)
        self.hours_slider = QSlider(Qt.Orientation.Horizontal)
        self.hours_slider.setAccessibleName(self.tr("Hours a week slider"))
        self.hours_slider.setPageStep(4)
        self.hours = HoursBox()
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(self.tr(" h a week"))
        self.hours.setAccessibleName(self.tr("Hours a week"))
        hours_label = QLabel(self.tr("Ho&urs a week:"))
        hours_label.setBuddy(self.hours)
        grid.addWidget(hours_label, 1, 0)
        grid.addWidget(self.hours_slider, 1, 1)
        grid.addWidget(self.hours, 1, 2)
        self.aim = QCheckBox(self.tr("Ta&rget date:"))
        self.aim.setAccessibleName(self.tr("Aim for a target date"))
        self.target_slider = QSlider(Qt.Orientation.Horizontal)
        self.target_slider.setAccessibleName(self.tr("Target date slider"))
        self.target_slider.setPageStep(7)
        self.target = date_edit(date(2000, 1, 1), self.tr("Target date"))
        grid.addWidget(self.aim, 2, 0)
        grid.addWidget(self.target_slider, 2, 1)
        grid.addWidget(self.target, 2, 2)
        days = QHBoxLayout()
        days.addWidget(QLabel(self.tr("Study on:")))
        locale = QLocale()
        self.days: list[QCheckBox] = []
        for i in range(7):
            box = QCheckBox(locale.dayName(i + 1, QLocale.FormatType.ShortFormat))
            box.setAccessibleName(self.tr("Study on {day}").format(day=locale.dayName(i + 1)))
            days.addWidget(box)
            self.days.append(box)
        days.addStretch(1)
        self.reset_button = QPushButton(icon("undo"), self.tr("R&eset"))
        self.reset_button.setAccessibleName(self.tr("Reset to the saved plan"))
        self.keep_button = QPushButton(icon("check"), self.tr("&Keep this"))
        self.keep_button.setAccessibleName(self.tr("Keep this as the plan"))
        self.close_button = QPushButton(icon("dismiss"), self.tr("Close what-&if"))
        self.close_button.setAccessibleName(self.tr("Close the what-if"))
        for button in (self.reset_button, self.keep_button, self.close_button):
            days.addWidget(button)
        grid.addLayout(days, 3, 0, 1, 3)
        self.problems = problem_label()
        grid.addWidget(self.problems, 4, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.hours_slider.valueChanged.connect(self._slid_hours)
        self.hours.valueChanged.connect(self._typed_hours)
        self.target_slider.valueChanged.connect(self._slid_target)
        self.target.dateChanged.connect(self._typed_target)
        self.aim.toggled.connect(self._aimed)
        for box in self.days:
            box.toggled.connect(self._toggled_day)
        self.reset_button.clicked.connect(self.reset)
        self.keep_button.clicked.connect(self._keep)
        self.close_button.clicked.connect(self.closed)

    # -- the plan tried on ----------------------------------------------------------------------
    def set_plan(self, plan: PlanSnapshot, today: date, *, keep_tried: bool = False) -> None:
        """Start from `plan` (Reset returns to it); with `keep_tried`, what the sliders say now
        is tried on it instead (the plan was re-read while the what-if was open)."""
        tried = self.what_if() if keep_tried and self._plan is not None else None
        self._plan, self._today = plan, today
        self._request = what_if_request(plan, today)
        self.schedules = {plan.settings: plan.schedule}
        self._saved = saved_what_if(plan.settings)
        first = max(today, plan.settings.start + timedelta(days=1))
        if plan.settings.target is not None:
            first = min(first, plan.settings.target)
        last = years_later(today, LATEST_YEARS_AHEAD)
        self._first = first
        self.target_slider.blockSignals(True)
        self.target_slider.setRange(0, (last - first).days)
        self.target_slider.blockSignals(False)
        self.target.blockSignals(True)
        self.target.setDateRange(qdate(first), qdate(last))
        self.target.blockSignals(False)
        self._show(tried or self._saved)
        self.schedule_replan()

    def reset(self) -> None:
        self._show(self._saved)
        self.schedule_replan()

    def what_if(self) -> WhatIf:
        target = pydate(self.target.date()) if self.aim.isChecked() else None
        days = tuple(box.isChecked() for box in self.days)
        return WhatIf(round(self.hours.value() * 60), target, days)  # type: ignore[arg-type]

    def _show(self, what: WhatIf) -> None:
        """Set every control to `what` without re-planning for each."""
        controls = (self.hours, self.hours_slider, self.target, self.target_slider, self.aim)
        for w in (*controls, *self.days):
            w.blockSignals(True)
        for box, on in zip(self.days, what.days_on, strict=True):
            box.setChecked(on)
        self._set_hours_range(what.days_on)
        self.hours.setValue(what.weekly_minutes / 60)
        self.hours_slider.setValue(round(what.weekly_minutes / QUARTER))
        self.aim.setChecked(what.target is not None)
        target = what.target or self._default_target()
        self.target.setDate(qdate(target))
        self.target_slider.setValue((target - self._first).days)
        for w in (*controls, *self.days):
            w.blockSignals(False)
        self._enable_target()

    def _default_target(self) -> date:
        assert self._plan is not None
        finish = self._plan.schedule.finish
        return max(finish or self._first, self._first)

    def _set_hours_range(self, days_on: tuple[bool, ...]) -> None:
        most = max(most_minutes(days_on), QUARTER)
        self.hours.setRange(0.0, most / 60)
        self.hours_slider.setRange(0, most // QUARTER)

    def _enable_target(self) -> None:
        self.target_slider.setEnabled(self.aim.isChecked())
        self.target.setEnabled(self.aim.isChecked())

    # -- the controls ---------------------------------------------------------------------------
    def _slid_hours(self, quarters: int) -> None:
        self.hours.blockSignals(True)
        self.hours.setValue(quarters * QUARTER / 60)
        self.hours.blockSignals(False)
        self.schedule_replan()

    def _typed_hours(self, hours: float) -> None:
        self.hours_slider.blockSignals(True)
        self.hours_slider.setValue(round(hours * 60 / QUARTER))
        self.hours_slider.blockSignals(False)
        self.schedule_replan()

    def _slid_target(self, days: int) -> None:
        self.target.blockSignals(True)
        self.target.setDate(qdate(self._first + timedelta(days=days)))
        self.target.blockSignals(False)
        self.schedule_replan()

    def _typed_target(self) -> None:
        self.target_slider.blockSignals(True)
        self.target_slider.setValue((pydate(self.target.date()) - self._first).days)
        self.target_slider.blockSignals(False)
        self.schedule_replan()

    def _aimed(self) -> None:
        self._enable_target()
        self.schedule_replan()

    def _toggled_day(self) -> None:
        days = tuple(box.isChecked() for box in self.days)
        for w in (self.hours, self.hours_slider):
            w.blockSignals(True)
        minutes = round(self.hours.value() * 60)
        self._set_hours_range(days)
        if any(days) and minutes == 0:  # a week that had no day back: the saved hours
            minutes = min(self._saved.weekly_minutes, most_minutes(days))
        self.hours.setValue(min(minutes, most_minutes(days)) / 60)
        self.hours_slider.setValue(round(self.hours.value() * 60 / QUARTER))
        for w in (self.hours, self.hours_slider):
            w.blockSignals(False)
        self.schedule_replan()

    # -- re-planning ----------------------------------------------------------------------------
    def schedule_replan(self) -> None:
        """Re-plan on the next turn of the event loop: a drag's many moves make one re-plan."""
        self._timer.start()

    def flush(self) -> None:
        """Re-plan now for what the controls say (if a re-plan is waiting)."""
        self._timer.stop()
        if self._plan is None or self.isHidden():  # closed meanwhile: the saved plan shows
            return
        what = self.what_if()
        settings = what_if_settings(self._plan.settings, what)
        schedule = self.schedules.get(settings)
        if schedule is None:
            if len(self.schedules) > 200:
                self.schedules.clear()
            schedule = what_if_schedule(self._request, settings, self._plan.schedule)
            self.schedules[settings] = schedule
        self.replans += 1
        self._settings = settings
        problems = [] if what.any_day else [self.tr("Choose at least one weekday to study on.")]
        if what.any_day and what != self._saved:
            problems += [p.message for p in what_if_problems(settings, self._today)]
        self.hours_slider.setAccessibleDescription(format_hours(what.weekly_minutes))
        self.target_slider.setAccessibleDescription(format_date(what.target))
        self.problems.setText(" ".join(problems))
        self.problems.setVisible(bool(problems))
        tried = what != self._saved
        self.keep_button.setEnabled(tried and not problems)
        self.reset_button.setEnabled(tried)
        self.tried.emit(replace(self._plan, settings=settings, schedule=schedule))

    def _keep(self) -> None:
        self.flush()
        if self._settings is not None and self.keep_button.isEnabled():
            self.keep_requested.emit(self._settings)
