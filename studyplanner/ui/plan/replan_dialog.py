"""Catch up when behind: three ways to re-plan, each previewed with its new finish date before
anything is saved. Accepting saves a new baseline; done work never moves."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.model import Blackout
from studyplanner.core.validation import InvalidInput
from studyplanner.services.database import Database
from studyplanner.services.plan_fixes import weekly_time
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.plans import apply_plan_change, preview_plan_change
from studyplanner.services.progress import catch_up_changes
from studyplanner.services.snapshots import PlanChange, PlanPreview, PlanSnapshot
from studyplanner.ui.shared.formatting import (
    QT_TRANSLATE_NOOP,
    date_edit,
    format_date,
    format_hours,
    pydate,
    tr,
    verdict_sentences,
)
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import heading_font
from studyplanner.ui.shared.on_worker import on_worker
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.shared.problem_words import problems_words

RAISE, MOVE, DAYS_OFF = "raise_minutes", "move_target", "days_off"
CHOICES = (RAISE, MOVE, DAYS_OFF)


def finish_shift(finish: date | None, current: date | None) -> str:
    """How a new finish date compares with the current plan's, in words."""
    if finish is None or current is None:
        return ""
    days = (finish - current).days
    if days == 0:
        return tr("the same day as now")
    if days > 0:
        return tr("{n} days later").format(n=days) if days != 1 else tr("1 day later")
    return tr("{n} days earlier").format(n=-days) if days != -1 else tr("1 day earlier")


class ReplanDialog(QDialog):
    def __init__(self, db: Database, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        self._plan: PlanSnapshot | None = active_plan(db, today)
        self.changes: dict[str, PlanChange] = dict(catch_up_changes(db, today))
        self.previews: dict[str, PlanPreview | None] = {}
        self.setWindowTitle(self.tr("Catch up"))
        self.setAccessibleName(self.tr("Catch up"))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        heading = QLabel(self.tr("How do you want to catch up?"))
        heading.setFont(heading_font(self.font(), 1.25))
        current = self._current_finish()
        intro = QLabel(
            self.tr(
                "Your plan now finishes on {date}. Each choice shows its new finish date; "
                "nothing is saved until you accept. Work already done never moves."
            ).format(date=format_date(current, True))
        )
        intro.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.details: dict[str, QLabel] = {}
        choices = QGridLayout()
        choices.setVerticalSpacing(6)
        choices.setColumnMinimumWidth(0, 24)
        titles = {
            RAISE: self.tr("&Keep the finish date and study more each week"),
            MOVE: self.tr("Keep your weekly time and &move the finish date"),
            DAYS_OFF: self.tr("Add &days off (a vacation) and see the effect"),
        }
        row = 0
        for key in CHOICES:
            button = QRadioButton(titles[key])
            button.setAccessibleName(titles[key].replace("&", ""))
            self.group.addButton(button)
            self.buttons[key] = button
            detail = PlainLabel()
            detail.setWordWrap(True)
            detail.setAccessibleName(self.tr("New finish date"))
            self.details[key] = detail
            choices.addWidget(button, row, 0, 1, 2)
            choices.addWidget(detail, row + 1, 1)
            row += 2
            if key == DAYS_OFF:
                choices.addLayout(self._days_off_row(), row, 1)
                row += 1
        layout.addLayout(choices)
        self.verdict = PlainLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Verdict for the chosen way"))
        layout.addWidget(self.verdict)
        box = QDialogButtonBox()
        self.accept_button = box.addButton(
            self.tr("&Accept and save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.accept_button.setIcon(icon("check"))
        self.accept_button.setAccessibleName(self.tr("Accept and save the new plan"))
        cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel: keep the plan as it is"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        for key in (RAISE, MOVE):
            self._preview(key)
        self._on_days_off_changed()
        self.group.buttonToggled.connect(self._on_choice)
        self.buttons[RAISE].setChecked(True)
        self.resize(max(640, self.sizeHint().width()), self.sizeHint().height())

    def _days_off_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        first = self._today + timedelta(days=7)
        self.first_day = date_edit(first, self.tr("First day off"))
        self.last_day = date_edit(first + timedelta(days=6), self.tr("Last day off"))
        self.first_day.setMinimumDate(self.first_day.date().addDays(-7))
        self.last_day.setMinimumDate(self.first_day.date())
        from_label = QLabel(self.tr("&From"))
        from_label.setBuddy(self.first_day)
        to_label = QLabel(self.tr("&to"))
        to_label.setBuddy(self.last_day)
        for w in (from_label, self.first_day, to_label, self.last_day):
            row.addWidget(w)
        row.addStretch(1)
        self.first_day.dateChanged.connect(self._on_days_off_changed)
        self.last_day.dateChanged.connect(self._on_days_off_changed)
        return row

    # -- previews -------------------------------------------------------------------------------
    def _current_finish(self) -> date | None:
        return self._plan.schedule.finish if self._plan else None

    def _current_weekly(self) -> int:
        """The week's study the plan asks for now (its verdict's load)."""
        if self._plan is None:
            return 0
        used = self._plan.schedule.verdict.weekly_minutes_used
        return used or weekly_time(self._plan.settings)

    def _preview(self, key: str) -> None:
        change = self.changes.get(key)
        detail = self.details[key]
        preview: PlanPreview | None = None
        if change is None and self._plan is not None:
            detail.setText(self.tr("No amount of weekly study keeps the finish date."))
        elif change is None:
            detail.setText(self.tr("Not available without a plan."))
        else:
            try:
                preview = preview_plan_change(self._db, change, self._today)
            except InvalidInput as exc:
                detail.setText(problems_words(exc.problems))
        self.previews[key] = preview
        self.buttons[key].setEnabled(preview is not None)
        if preview is None or change is None:
            return
        finish = preview.schedule.finish
        words = self.tr("finishes on {date} ({shift})").format(
            date=format_date(finish, True), shift=finish_shift(finish, self._current_finish())
        )
        if finish is None:
            words = self.tr("cannot be scheduled")
        # one weekly figure per choice, the load its schedule asks for: the same one its
        # verdict below gives (and, for "keep the finish date", the Dashboard's headline)
        weekly = format_hours(preview.schedule.verdict.weekly_minutes_used)
        if key == RAISE and self._plan is not None:
            text = self.tr("Study {new} a week instead of {old}: {finish}.").format(
                new=weekly, old=format_hours(self._current_weekly()), finish=words
            )
        elif key == MOVE:
            text = self.tr("Study {weekly} a week: {finish}.").format(weekly=weekly, finish=words)
        else:
            text = self.tr("With these days off: {finish}.").format(finish=words)
        detail.setText(text)
        if self.chosen() == key:
            self._show_verdict()

    def _on_days_off_changed(self) -> None:
        self.last_day.setMinimumDate(self.first_day.date())
        if self._plan is None:
            return
        settings = self._plan.settings
        days_off = Blackout(
            pydate(self.first_day.date()), pydate(self.last_day.date()), tr("Vacation")
        )
        self.changes[DAYS_OFF] = PlanChange(
            settings=replace(settings, blackouts=(*settings.blackouts, days_off))
        )
        self._preview(DAYS_OFF)

    def chosen(self) -> str | None:
        for key, button in self.buttons.items():
            if button.isChecked():
                return key
        return None

    def choose(self, key: str) -> None:
        self.buttons[key].setChecked(True)

    def _on_choice(self) -> None:
        self._show_verdict()

    def _show_verdict(self) -> None:
        key = self.chosen()
        preview = self.previews.get(key) if key else None
        self.accept_button.setEnabled(preview is not None)
        self.verdict.setText(
            " ".join(verdict_sentences(preview.schedule.verdict)) if preview else ""
        )

    # -- saving ---------------------------------------------------------------------------------
    def accept(self) -> None:
        key = self.chosen()
        if key is None or self.previews.get(key) is None:
            return
        notes = {
            RAISE: QT_TRANSLATE_NOOP("", "Catch up: more study each week"),
            MOVE: QT_TRANSLATE_NOOP("", "Catch up: later finish"),
            DAYS_OFF: QT_TRANSLATE_NOOP("", "Catch up: days off"),
        }
        change, note = self.changes[key], notes[key]
        try:
            on_worker(
                self,
                self.tr("Saving the plan…"),
                lambda: apply_plan_change(self._db, change, self._today, note=note),
            )
        except InvalidInput as exc:
            self.verdict.setText(problems_words(exc.problems))
            return
        super().accept()

    @classmethod
    def ask(cls, db: Database, today: date, parent: QWidget | None = None) -> bool:
        """The one seam tests replace: True when a catch-up plan was accepted and saved."""
        return cls(db, today, parent).exec() == QDialog.DialogCode.Accepted
