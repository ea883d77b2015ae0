"""The Settings screen: which reminders come and how early, how the app behaves when its window is
closed, the study time used in the exported calendar, and the calendar export (its own panel).

Every change is saved at once, one transaction per change; a bad value is named next to its field
and nothing of it is saved. Later sections (backups...) are added with `add_section`."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QSystemTrayIcon,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.reminders import ReminderKind, ReminderSettings
from studyplanner.core.validation import InvalidInput
from studyplanner.services.autostart import (
    Autostart,
    UnrepresentablePath,
    autostart_for,
    set_remind_when_closed,
)
from studyplanner.services.changes import SETTINGS_CHANGES, Changes
from studyplanner.services.database import Database
from studyplanner.services.errors import StoreProblem
from studyplanner.services.settings import (
    MAX_LEAD_DAYS,
    AppSettings,
    app_settings,
    reminder_settings,
    save_app_settings,
    save_reminder_settings,
)
from studyplanner.ui.settings.appearance_panel import AppearancePanel
from studyplanner.ui.settings.calendar_export_panel import CalendarExportPanel
from studyplanner.ui.settings.language_field import LanguageField
from studyplanner.ui.settings.reminder_fields import LeadDaysField, kind_groups, kind_words
from studyplanner.ui.shared.formatting import tr
from studyplanner.ui.shared.labels import heading_font, hint_label, problem_label
from studyplanner.ui.shared.problem_words import field_words, problems_words, store_words

CONTENT_WIDTH = 880
"""The settings read as one column; wider screens leave the rest empty."""


def _t(text: str) -> str:
    return tr(text)


class SettingsScreen(QWidget):
    shows = Changes.SETTINGS | Changes.BACKUPS
    data_changed = Signal(object)
    """Carries the Changes of the action just saved (services/changes.py)."""
    """A setting was saved (reminders may have changed: refresh what shows them)."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], date],
        parent: QWidget | None = None,
        *,
        tray_available: bool | None = None,
        autostart: Callable[[], Autostart] = autostart_for,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self._autostart = autostart
        self._tray_available = (
            QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        )
        self._loading = False
        self._section_widgets: list[QWidget] = []
        self._reminders = ReminderSettings()
        self._app = AppSettings()
        self.setAccessibleName(self.tr("Settings"))
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("Settings sections"))
        page = QWidget()
        outer = QHBoxLayout(page)
        outer.setContentsMargins(20, 16, 20, 20)
        column = QWidget()
        column.setMaximumWidth(CONTENT_WIDTH)
        outer.addWidget(column, 1)
        outer.addStretch(0)
        self.sections = QVBoxLayout(column)
        self.sections.setContentsMargins(0, 0, 0, 0)
        self.sections.setSpacing(16)
        heading = QLabel(self.tr("Settings"))
        heading.setFont(heading_font(self.font()))
        self.status = hint_label(_t("Changes are saved as soon as you make them."))
        self.status.setAccessibleName(_t("Settings message"))
        self.sections.addWidget(heading)
        self.sections.addWidget(self.status)
        self.reminders_box = self.add_section(_t("Reminders"), self._build_reminders())
        self.app_box = self.add_section(_t("App"), self._build_app())
        self.appearance = AppearancePanel()
        self.appearance.theme_changed.connect(lambda words: self.status.setText(
            _t("Saved: appearance ({theme}).").format(theme=words)))  # fmt: skip
        self.appearance_box = self.add_section(_t("Appearance"), self.appearance)
        self.language_box = self.add_section(_t("Language"), LanguageField())
        self.calendar_panel = CalendarExportPanel(db, clock)
        self.calendar_box = self.add_section(_t("Calendar"), self.calendar_panel)
        self.sections.addStretch(1)
        self.scroll_area.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.refresh()

    # -- sections -------------------------------------------------------------------------------
    def add_section(self, title: str, widget: QWidget) -> QGroupBox:
        """Add a titled section below the others (e.g. a later "Backups" section)."""
        box = QGroupBox(title)
        box.setAccessibleName(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(14, 10, 14, 14)
        layout.addWidget(widget)
        self._section_widgets.append(widget)
        stretch = self.sections.count() - 1
        last = self.sections.itemAt(stretch) if stretch >= 0 else None
        if last is not None and last.spacerItem() is not None:
            self.sections.insertWidget(stretch, box)
        else:
            self.sections.addWidget(box)
        return box

    def _build_reminders(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(2, 1)
        intro = hint_label(
            _t("Choose what Study Planner reminds you of, and how many days ahead. ")
            + _t("Reminders show on the Dashboard and, where the desktop allows, as notifications.")
        )
        grid.addWidget(intro, 0, 0, 1, 3)
        self.kind_boxes: dict[ReminderKind, QCheckBox] = {}
        self.exam_leads = LeadDaysField("exam_leads", _t("Days before an exam"))
        self.cycle_leads = LeadDaysField("cycle_leads", _t("Days before a CEU cycle ends"))
        self.no_study_days = self._days_box(_t("Days without study before a reminder"))
        self.membership_days = self._days_box(_t("Days before a membership renewal"))
        self.backup_days = self._days_box(_t("Days without a backup before a reminder"))
        self.rules_age_days = self._days_box(_t("Age of the credential rules before a reminder"))
        fields: dict[ReminderKind, tuple[str, QWidget]] = {
            ReminderKind.EXAM: (_t("Days before the exam:"), self.exam_leads),
            ReminderKind.CEU_SHORTFALL: (_t("Days before the cycle ends:"), self.cycle_leads),
            ReminderKind.NO_STUDY: (_t("After this many days:"), self.no_study_days),
            ReminderKind.MEMBERSHIP: (_t("Days before renewal:"), self.membership_days),
            ReminderKind.BACKUP: (_t("After this many days:"), self.backup_days),
            ReminderKind.RULES_OLD: (_t("After this many days:"), self.rules_age_days),
        }
        self._field_kinds: dict[QWidget, tuple[ReminderKind, ...]] = {
            self.exam_leads: (ReminderKind.EXAM,),
            self.cycle_leads: (
                ReminderKind.CEU_SHORTFALL,
                ReminderKind.CEU_RULE,
                ReminderKind.CYCLE_END,
            ),
            self.no_study_days: (ReminderKind.NO_STUDY,),
            self.membership_days: (ReminderKind.MEMBERSHIP,),
            self.backup_days: (ReminderKind.BACKUP,),
            self.rules_age_days: (ReminderKind.RULES_OLD,),
        }
        line_height = max(self.exam_leads.edit.sizeHint().height(),
                          self.no_study_days.sizeHint().height())  # fmt: skip
        top_left = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        row = 1
        for group, kinds in kind_groups():
            title = QLabel(f"<b>{group}</b>")
            grid.addWidget(title, row, 0, 1, 3)
            row += 1
            for kind in kinds:
                box = QCheckBox(kind_words(kind))
                box.setAccessibleName(kind_words(kind))
                box.toggled.connect(self._on_kinds)
                self.kind_boxes[kind] = box
                box.setMinimumHeight(line_height)
                grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
                if kind in fields:
                    text, field = fields[kind]
                    label = QLabel(text)
                    label.setMinimumHeight(line_height)
                    label.setBuddy(field.edit if isinstance(field, LeadDaysField) else field)
                    grid.addWidget(label, row, 1, Qt.AlignmentFlag.AlignTop)
                    grid.addWidget(field, row, 2, top_left)
                    if isinstance(field, LeadDaysField):
                        row += 1
                        grid.addWidget(field.problem, row, 1, 1, 2)
                row += 1
        self.exam_leads.committed.connect(
            lambda leads: self._save_reminders(replace(self._reminders, exam_leads=leads))
        )
        self.cycle_leads.committed.connect(
            lambda leads: self._save_reminders(replace(self._reminders, cycle_leads=leads))
        )
        for spin, name in (
            (self.no_study_days, "no_study_days"),
            (self.membership_days, "membership_lead_days"),
            (self.backup_days, "backup_days"),
            (self.rules_age_days, "rules_age_days"),
        ):
            spin.valueChanged.connect(
                lambda value, n=name: self._save_reminders(replace(self._reminders, **{n: value}))
            )
        return page

    def _days_box(self, accessible_name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, MAX_LEAD_DAYS)
        box.setSuffix(_t(" days"))
        box.setKeyboardTracking(False)  # saved when typing is done, not on every digit
        box.setAccessibleName(accessible_name)
        box.setMinimumWidth(110)
        box.setMaximumWidth(180)
        return box

    def _build_app(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.keep_in_tray = QCheckBox(
            _t("Keep Study Planner in the tray when the window is closed")
        )
        self.keep_in_tray.setAccessibleName(self.keep_in_tray.text())
        self.keep_in_tray.toggled.connect(self._on_keep_in_tray)
        self.tray_hint = hint_label(
            _t("This desktop has no system tray: closing the window quits Study Planner.")
        )
        self.tray_hint.setVisible(not self._tray_available)
        self.remind_when_closed = QCheckBox(_t("Remind me even when Study Planner is closed"))
        self.remind_when_closed.setAccessibleName(self.remind_when_closed.text())
        self.remind_when_closed.toggled.connect(self._on_remind_when_closed)
        self.autostart_hint = hint_label()
        self.autostart_hint.setAccessibleName(_t("Login entry"))
        self.autostart_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.autostart_problem = problem_label()
        self.autostart_problem.setAccessibleName(_t("Problem with the login entry"))
        time_row = QHBoxLayout()
        time_label = QLabel(_t("Study time in the calendar:"))
        self.study_time = QTimeEdit()
        self.study_time.setDisplayFormat("HH:mm")
        self.study_time.setKeyboardTracking(False)
        self.study_time.setAccessibleName(_t("Study time in the calendar"))
        self.study_time.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.study_time.timeChanged.connect(self._on_study_time)
        time_label.setBuddy(self.study_time)
        time_row.addWidget(time_label)
        time_row.addWidget(self.study_time)
        time_row.addStretch(1)
        time_hint = hint_label(_t("Exported study blocks start at this time each day."))
        self.study_time_problem = problem_label()
        for widget in (self.keep_in_tray, self.tray_hint, self.remind_when_closed,
                       self.autostart_hint, self.autostart_problem):  # fmt: skip
            layout.addWidget(widget)
        layout.addSpacing(6)
        layout.addLayout(time_row)
        layout.addWidget(time_hint)
        layout.addWidget(self.study_time_problem)
        return page

    # -- reading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the stored settings (without saving anything)."""
        self._loading = True
        try:
            self._reminders = reminder_settings(self._db)
            self._app = app_settings(self._db)
            for kind, box in self.kind_boxes.items():
                box.setChecked(kind in self._reminders.enabled)
            self.exam_leads.set_value(self._reminders.exam_leads)
            self.cycle_leads.set_value(self._reminders.cycle_leads)
            self.no_study_days.setValue(self._reminders.no_study_days)
            self.membership_days.setValue(self._reminders.membership_lead_days)
            self.backup_days.setValue(self._reminders.backup_days)
            self.rules_age_days.setValue(self._reminders.rules_age_days)
            self.keep_in_tray.setChecked(self._app.keep_in_tray)
            self.keep_in_tray.setEnabled(self._tray_available)
            self.remind_when_closed.setChecked(self._app.remind_when_closed)
            self.study_time.setTime(QTime.fromString(self._app.study_time, "HH:mm"))
        finally:
            self._loading = False
        self._enable_fields()
        for section in self._section_widgets:
            refresh = getattr(section, "refresh", None)
            if refresh is not None:
                refresh()  # the backups: closing a cycle or deleting a credential backs up
        self._show_autostart()

    def _enable_fields(self) -> None:
        for field, kinds in self._field_kinds.items():
            field.setEnabled(any(self.kind_boxes[k].isChecked() for k in kinds))

    def _show_autostart(self, note: str = "") -> None:
        try:
            entry = self._autostart()
        except OSError:
            self.autostart_hint.setText(note)
            return
        if self._app.remind_when_closed:
            text = note or _t("Starts at login from {path}.").format(path=entry.path)
            if not entry.is_installed():
                text = _t(
                    "The login entry {path} is missing: turn this off and on to write it again."
                ).format(path=entry.path)
        else:
            text = note or _t(
                "Off: reminders come only while Study Planner runs (in its window or the tray)."
            )
        self.autostart_hint.setText(text)

    # -- saving ---------------------------------------------------------------------------------
    def _saved(self, what: str) -> None:
        self.status.setText(_t("Saved: {what}.").format(what=what))
        self.data_changed.emit(SETTINGS_CHANGES)

    def _on_kinds(self, *_args: object) -> None:
        if self._loading:
            return
        enabled = frozenset(k for k, box in self.kind_boxes.items() if box.isChecked())
        self._enable_fields()
        self._save_reminders(replace(self._reminders, enabled=enabled))

    def _save_reminders(self, settings: ReminderSettings) -> bool:
        if self._loading:
            return False
        try:
            save_reminder_settings(self._db, settings)
        except InvalidInput as exc:
            for field in (self.exam_leads, self.cycle_leads):
                field.show_problem(field_words(exc, field.field))
            self.status.setText(_t("Not saved: see the message next to the field."))
            return False
        except StoreProblem as exc:
            self.status.setText(store_words(exc))
            return False
        self._reminders = settings
        self.exam_leads.mark_saved(settings.exam_leads)
        self.cycle_leads.mark_saved(settings.cycle_leads)
        self._saved(_t("reminders"))
        return True

    def _save_app(self, settings: AppSettings, what: str) -> bool:
        try:
            save_app_settings(self._db, settings)
        except InvalidInput as exc:
            message = problems_words(exc.problems)
            self.study_time_problem.setText(message)
            self.study_time_problem.show()
            return False
        except StoreProblem as exc:
            self.status.setText(store_words(exc))
            return False
        self.study_time_problem.hide()
        self._app = settings
        self._saved(what)
        return True

    def _on_keep_in_tray(self, checked: bool) -> None:
        if self._loading:
            return
        if not self._save_app(replace(self._app, keep_in_tray=checked), _t("tray")):
            self._set_checked(self.keep_in_tray, self._app.keep_in_tray)

    def _on_study_time(self, value: QTime) -> None:
        if self._loading:
            return
        self._save_app(replace(self._app, study_time=value.toString("HH:mm")), _t("study time"))

    def _on_remind_when_closed(self, checked: bool) -> None:
        if self._loading:
            return
        self.autostart_problem.hide()
        try:
            entry = set_remind_when_closed(checked, self._db.data_dir, self._autostart())
        except UnrepresentablePath as exc:
            self._set_checked(self.remind_when_closed, not checked)
            self.autostart_problem.setText(
                _t("Could not write the login entry: {reason}. The setting is unchanged.").format(
                    reason=exc
                )
            )
            self.autostart_problem.show()
            return
        except OSError as exc:
            self._set_checked(self.remind_when_closed, not checked)
            where = exc.filename or _t("the login folder")
            self.autostart_problem.setText(
                _t("Could not {action} the login entry in {where}: {reason}. "
                   "The setting is unchanged.").format(
                    action=_t("write") if checked else _t("remove"), where=where,
                    reason=exc.strerror or exc,
                )
            )  # fmt: skip
            self.autostart_problem.show()
            return
        if not self._save_app(replace(self._app, remind_when_closed=checked), _t("reminders")):
            with suppress(OSError):  # put the login entry back as it was
                set_remind_when_closed(not checked, self._db.data_dir, entry)
            self._set_checked(self.remind_when_closed, not checked)
            return
        if checked:
            note = _t(
                "Written to {path}. From your next login, reminders come even when Study "
                "Planner is closed."
            ).format(path=entry.path)
        else:
            note = _t("Removed the login entry {path}.").format(path=entry.path)
        self._show_autostart(note)

    def _set_checked(self, box: QCheckBox, checked: bool) -> None:
        self._loading = True
        try:
            box.setChecked(checked)
        finally:
            self._loading = False

    # -- calendar -------------------------------------------------------------------------------
