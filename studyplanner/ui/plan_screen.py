"""The Plan screen: the verdict and key dates, then tabs for the timeline, the calendar of study
blocks, the modules, the schedule settings and the plan's history of accepted baselines.

Every change goes through a preview (what moves, the new verdict) before it is saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.validation import InvalidInput
from studyplanner.services.database import Database
from studyplanner.services.plans import active_plan, apply_plan_change, preview_plan_change
from studyplanner.services.snapshots import PlanChange, PlanSnapshot
from studyplanner.ui.calendar_view import CalendarPanel
from studyplanner.ui.formatting import format_date, format_hours, verdict_sentences, verdict_status
from studyplanner.ui.history_view import HistoryView
from studyplanner.ui.icons import icon
from studyplanner.ui.module_editor import ModuleEditor
from studyplanner.ui.preview_dialog import PreviewDialog
from studyplanner.ui.schedule_settings import ScheduleSettings
from studyplanner.ui.timeline_view import KindLegend, TimelineRow, TimelineView


def heading_font(base: QFont, scale: float = 1.5) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * scale)
    font.setBold(True)
    return font


class Figure(QWidget):
    """A key figure: a small caption over a larger value."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 24, 0)
        layout.setSpacing(2)
        self.caption = QLabel(caption)
        self.value = QLabel()
        self.value.setFont(heading_font(self.font(), 1.2))
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set_value(self, text: str) -> None:
        self.value.setText(text)
        self.setAccessibleName(f"{self.caption.text()} {text}")


class PlanHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setFont(heading_font(self.font()))
        self.title.setWordWrap(True)
        status_row = QHBoxLayout()
        self.status_icon = QLabel()
        self.status_word = QLabel()
        self.status_word.setFont(heading_font(self.font(), 1.0))
        status_row.addWidget(self.status_icon)
        status_row.addWidget(self.status_word)
        status_row.addStretch(1)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Verdict"))
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        figures = QHBoxLayout()
        self.start = Figure(self.tr("Start"))
        self.finish = Figure(self.tr("Finish"))
        self.goal = Figure(self.tr("Target"))
        self.load = Figure(self.tr("Study a week"))
        self.modules = Figure(self.tr("Modules"))
        for f in (self.start, self.finish, self.goal, self.load, self.modules):
            figures.addWidget(f)
        figures.addStretch(1)
        layout.addWidget(self.title)
        layout.addLayout(status_row)
        layout.addWidget(self.verdict)
        layout.addLayout(figures)

    def show_plan(self, plan: PlanSnapshot) -> None:
        verdict = plan.schedule.verdict
        self.title.setText(plan.track.name)
        name, word = verdict_status(verdict)
        self.status_icon.setPixmap(icon(name).pixmap(22, 22))
        self.status_word.setText(word)
        self.status_word.setAccessibleName(self.tr("Status: {word}").format(word=word))
        self.verdict.setText(" ".join(verdict_sentences(verdict)))
        settings = plan.settings
        self.start.set_value(format_date(settings.start))
        self.finish.set_value(format_date(plan.schedule.finish))
        if settings.target is not None:
            self.goal.caption.setText(self.tr("Target"))
            self.goal.set_value(format_date(settings.target))
        else:
            self.goal.caption.setText(self.tr("Weekly budget"))
            self.goal.set_value(format_hours(settings.weekly_minutes or 0))
        self.load.set_value(format_hours(verdict.weekly_minutes_used))
        done = sum(1 for m in plan.track.modules if m.done)
        self.modules.set_value(
            self.tr("{done} of {total} done").format(done=done, total=len(plan.track.modules))
        )


class PlanScreen(QWidget):
    """Shows the active plan, or an empty state that leads to the assistant."""

    plan_changed = Signal()
    assistant_requested = Signal()

    def __init__(self, db: Database, clock: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self._plan: PlanSnapshot | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_plan())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.stack)

    # -- building -------------------------------------------------------------------------------
    def _build_empty(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        title = QLabel(self.tr("No plan yet"))
        title.setFont(heading_font(self.font()))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "Choose a track, tell Study Planner when you start and how much time you "
                "have, and it builds a dated study plan that fits your week."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = QPushButton(icon("wizard"), self.tr("&Start the plan assistant"))
        self.start_button.setAccessibleName(self.tr("Start the plan assistant"))
        self.start_button.clicked.connect(self.assistant_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        row.addStretch(1)
        for w in (title, text):
            layout.addWidget(w)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _build_plan(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = PlanHeader()
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Plan views"))
        self.timeline = TimelineView()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Timeline"))
        scroll.setWidget(self.timeline)
        timeline_page = QWidget()
        timeline_layout = QVBoxLayout(timeline_page)
        timeline_layout.addWidget(KindLegend())
        timeline_layout.addWidget(scroll, 1)
        self.tabs.addTab(timeline_page, icon("timeline"), self.tr("&Timeline"))
        self.calendar = CalendarPanel()
        self.tabs.addTab(self.calendar, icon("calendar"), self.tr("&Calendar"))
        self.tabs.addTab(self._build_modules_tab(), icon("modules"), self.tr("&Modules"))
        self.settings = ScheduleSettings(self._clock())
        self.settings.preview_requested.connect(self._on_preview_settings)
        self.tabs.addTab(self.settings, icon("clock"), self.tr("&Availability and dates"))
        self.history = HistoryView()
        self.tabs.addTab(self.history, icon("refresh"), self.tr("&History"))
        layout.addWidget(self.tabs, 1)
        return page

    def _build_modules_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel(
            self.tr(
                "Rename, re-estimate, reorder, add or remove modules of your own copy of the "
                "track. Completed modules cannot be changed. Nothing is saved until you accept "
                "the preview."
            )
        )
        hint.setWordWrap(True)
        self.module_editor = ModuleEditor()
        self.module_problems = QLabel()
        self.module_problems.setWordWrap(True)
        self.module_problems.setAccessibleName(self.tr("Problems with the modules"))
        self.module_problems.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.modules_discard = QPushButton(self.tr("&Discard changes"))
        self.modules_discard.clicked.connect(self._show_modules)
        self.modules_preview = QPushButton(icon("refresh"), self.tr("&Preview changes…"))
        self.modules_preview.setDefault(True)
        self.modules_preview.clicked.connect(self._on_preview_modules)
        for b in (self.modules_discard, self.modules_preview):
            b.setAccessibleName(b.text().replace("&", "").replace("…", ""))
            buttons.addWidget(b)
        self.module_editor.model.changed.connect(self._on_modules_edited)
        layout.addWidget(hint)
        layout.addWidget(self.module_editor, 1)
        layout.addWidget(self.module_problems)
        layout.addLayout(buttons)
        return page

    # -- data -----------------------------------------------------------------------------------
    def plan(self) -> PlanSnapshot | None:
        return self._plan

    def refresh(self) -> None:
        self._plan = active_plan(self._db, self._clock())
        self.show_plan(self._plan)

    def show_plan(self, plan: PlanSnapshot | None) -> None:
        self._plan = plan
        if plan is None:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        today = self._clock()
        self.header.show_plan(plan)
        scheduled = {m.module_id: m for m in plan.schedule.modules}
        rows = []
        for m in plan.track.modules:
            s = scheduled.get(m.id)
            rows.append(
                TimelineRow(
                    m.title, m.kind, s.start if s else None, s.due if s else None, m.minutes, m.done
                )
            )
        self.timeline.set_rows(rows, today, plan.settings.target, plan.settings.blackouts)
        titles = {m.id: (m.title, m.kind) for m in plan.track.modules}
        self.calendar.set_plan(plan.schedule.blocks, titles, plan.settings.blackouts, today)
        self._show_modules()
        self.settings.show_settings(plan.settings)
        self.history.set_baselines(plan.baselines)

    def _show_modules(self) -> None:
        if self._plan is None:
            return
        self.module_editor.model.set_modules(self._plan.track.modules, self._plan.track.term_count)
        self.module_editor.set_term_count(self._plan.track.term_count)
        self.module_problems.hide()
        self.modules_preview.setEnabled(False)
        self.modules_discard.setEnabled(False)

    # -- changes --------------------------------------------------------------------------------
    def _on_modules_edited(self) -> None:
        problems = self.module_editor.model.problems()
        self.module_problems.setText("\n".join(problems))
        self.module_problems.setVisible(bool(problems))
        self.modules_preview.setEnabled(not problems)
        self.modules_discard.setEnabled(True)

    def _on_preview_modules(self) -> None:
        change = PlanChange(modules=self.module_editor.model.drafts())
        if self._preview_and_apply(change, self.module_problems, self.tr("Modules changed")):
            self.tabs.setCurrentIndex(0)

    def _on_preview_settings(self, change: PlanChange) -> None:
        self._preview_and_apply(change, self.settings.problems_label, self.tr("Schedule changed"))

    def _preview_and_apply(self, change: PlanChange, problems: QLabel, note: str) -> bool:
        if self._plan is None:
            return False
        today = self._clock()
        try:
            preview = preview_plan_change(self._db, change, today)
        except InvalidInput as exc:
            problems.setText("\n".join(p.message for p in exc.problems))
            problems.show()
            return False
        problems.hide()
        if not PreviewDialog.ask(preview, self._plan.schedule, self):
            return False
        try:
            snapshot = apply_plan_change(self._db, change, today, note=note)
        except InvalidInput as exc:
            problems.setText("\n".join(p.message for p in exc.problems))
            problems.show()
            return False
        self.show_plan(snapshot)
        self.plan_changed.emit()
        return True
