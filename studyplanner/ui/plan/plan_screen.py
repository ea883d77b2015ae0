"""The Plan screen: the verdict and key dates, then tabs for the timeline, the calendar of study
blocks, the modules, the schedule settings and the plan's history of accepted baselines.

Every change goes through a preview (what moves, the new verdict) before it is saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.validation import InvalidInput
from studyplanner.services.changes import PLAN_CHANGES, Changes
from studyplanner.services.database import Database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.snapshots import PlanChange, PlanSettings, PlanSnapshot
from studyplanner.ui.plan.fix_buttons import FixButtons
from studyplanner.ui.shared.formatting import (
    QT_TRANSLATE_NOOP,
    format_date,
    format_hours,
    verdict_sentences,
    verdict_status,
)
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.on_worker import on_worker

if TYPE_CHECKING:
    from studyplanner.services.plan_fixes import PlanFixOffer
    from studyplanner.ui.plan.calendar_view import CalendarPanel
    from studyplanner.ui.plan.history_view import HistoryView
    from studyplanner.ui.plan.modules_tab import ModulesTab
    from studyplanner.ui.plan.schedule_settings import ScheduleSettings

from studyplanner.ui.plan.timeline_panel import TimelinePanel
from studyplanner.ui.plan.timeline_view import TimelineRow
from studyplanner.ui.plan.what_if_panel import WhatIfPanel, what_if_button
from studyplanner.ui.shared.labels import Figure, heading_font
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.shared.problem_words import problems_words


class PlanHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = PlainLabel()
        self.title.setFont(heading_font(self.font()))
        self.title.setWordWrap(True)
        status_row = QHBoxLayout()
        self.status_icon = QLabel()
        self.status_word = QLabel()
        self.status_word.setFont(heading_font(self.font(), 1.0))
        status_row.addWidget(self.status_icon)
        status_row.addWidget(self.status_word)
        status_row.addStretch(1)
        self.verdict = PlainLabel()
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
        self.fixes = FixButtons()
        layout.addWidget(self.title)
        layout.addLayout(status_row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.fixes)
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


class LazyTab(QWidget):
    """A tab whose content is built the first time it is shown or asked for."""

    def __init__(
        self,
        make: Callable[[], QWidget],
        fill: Callable[[Any, PlanSnapshot], None],
        plan: Callable[[], PlanSnapshot | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._plan = plan
        self._make = make
        self._fill = fill
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def content(self, plan: PlanSnapshot | None) -> QWidget:
        if self._content is None:
            self._content = self._make()
            self._layout.addWidget(self._content)
            if plan is not None:
                self._fill(self._content, plan)
        return self._content

    def fill(self, plan: PlanSnapshot) -> None:
        if self._content is not None:
            self._fill(self._content, plan)

    def showEvent(self, event: QShowEvent) -> None:
        self.content(self._plan())
        super().showEvent(event)


class PlanScreen(QWidget):
    """Shows the active plan, or an empty state that leads to the assistant."""

    shows = Changes.PLAN | Changes.MODULES
    """The plan, and its modules' logged time and completions (the header, the timeline)."""
    plan_changed = Signal(object)
    """Carries the Changes of the action just saved (services/changes.py)."""
    assistant_requested = Signal()

    def __init__(self, db: Database, clock: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self._plan: PlanSnapshot | None = None
        self._fixes: tuple[PlanFixOffer, ...] = ()
        self._fixes_for: object = None
        self._fixes_waiting: PlanSnapshot | None = None
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
        self.header.fixes.chosen.connect(self._on_fix)
        layout.addWidget(self.header)
        self.what_if_button = what_if_button()
        self.what_if_button.toggled.connect(self._open_what_if)
        self.what_if = WhatIfPanel()
        self.what_if.tried.connect(self._show_tried)
        self.what_if.keep_requested.connect(self._keep_what_if)
        self.what_if.closed.connect(lambda: self.what_if_button.setChecked(False))
        layout.addWidget(self.what_if)
        self.tabs = QTabWidget()
        self.tabs.setCornerWidget(self.what_if_button)
        self.tabs.setAccessibleName(self.tr("Plan views"))
        self.tabs.tabBar().setAccessibleName(self.tr("Plan views"))
        self.timeline_panel = TimelinePanel()
        self.timeline = self.timeline_panel.view
        self.tabs.addTab(self.timeline_panel, icon("timeline"), self.tr("&Timeline"))
        # The other tabs are built when first shown (or asked for): faster first paint.
        self._lazy = [
            LazyTab(self._make_calendar, self._fill_calendar, self.plan),
            LazyTab(self._make_modules, lambda tab, plan: tab.fill(plan), self.plan),
            LazyTab(
                self._make_settings, lambda tab, plan: tab.show_settings(plan.settings), self.plan
            ),
            LazyTab(
                self._make_history, lambda tab, plan: tab.set_baselines(plan.baselines), self.plan
            ),
        ]
        labels = (
            ("calendar", self.tr("&Calendar")),
            ("modules", self.tr("&Modules")),
            ("clock", self.tr("&Availability and dates")),
            ("refresh", self.tr("&History")),
        )
        for tab, (icon_name, label) in zip(self._lazy, labels, strict=True):
            self.tabs.addTab(tab, icon(icon_name), label)
        layout.addWidget(self.tabs, 1)
        return page

    # -- the lazily built tabs --------------------------------------------------------------
    def _make_calendar(self) -> CalendarPanel:
        from studyplanner.ui.plan.calendar_view import CalendarPanel

        return CalendarPanel()

    def _fill_calendar(self, panel: Any, plan: PlanSnapshot) -> None:
        titles = {m.id: (m.title, m.kind) for m in plan.track.modules}
        panel.set_plan(plan.schedule.blocks, titles, plan.settings.blackouts, self._clock())

    def _make_modules(self) -> ModulesTab:
        from studyplanner.ui.plan.modules_tab import ModulesTab

        tab = ModulesTab()
        tab.preview_requested.connect(self._on_preview_modules)
        return tab

    def _make_settings(self) -> ScheduleSettings:
        from studyplanner.ui.plan.schedule_settings import ScheduleSettings

        settings = ScheduleSettings(self._clock)
        settings.preview_requested.connect(self._on_preview_settings)
        settings.busy_requested.connect(self.open_busy_calendars)
        return settings

    def open_busy_calendars(self) -> QWidget:
        """The calendars whose busy time comes off study time (a window-modal dialog)."""
        from studyplanner.ui.plan.busy_calendars import BusyCalendarsDialog

        dialog = BusyCalendarsDialog(self._db, self._clock, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._on_busy_changed)
        dialog.open()
        return dialog

    def _on_busy_changed(self, changes: Changes) -> None:
        self.refresh()
        self.plan_changed.emit(changes)

    def _make_history(self) -> HistoryView:
        from studyplanner.ui.plan.history_view import HistoryView

        return HistoryView()

    @property
    def calendar(self) -> CalendarPanel:
        return self._lazy[0].content(self._plan)  # type: ignore[return-value]

    @property
    def modules_tab(self) -> ModulesTab:
        return self._lazy[1].content(self._plan)  # type: ignore[return-value]

    @property
    def settings(self) -> ScheduleSettings:
        return self._lazy[2].content(self._plan)  # type: ignore[return-value]

    @property
    def history(self) -> HistoryView:
        return self._lazy[3].content(self._plan)  # type: ignore[return-value]

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
        self._show_fixes(plan)
        self._show_timeline(plan)
        for tab in self._lazy:
            tab.fill(plan)
        if not self.what_if.isHidden():  # re-read while trying: the same what-if, new plan
            self.what_if.set_plan(plan, today, keep_tried=True)

    def _show_timeline(self, plan: PlanSnapshot) -> None:
        scheduled = {m.module_id: m for m in plan.schedule.modules}
        rows = []
        for m in plan.track.modules:
            s = scheduled.get(m.id)
            rows.append(
                TimelineRow(
                    m.title, m.kind, s.start if s else None, s.due if s else None, m.minutes, m.done
                )
            )
        self.timeline.set_rows(
            rows, self._clock(), plan.settings.target, plan.settings.blackouts, plan.settings.terms
        )

    def _show_fixes(self, plan: PlanSnapshot) -> None:
        """When the plan stops fitting, the ways to make it fit (each previewed on click)."""
        self._fixes_waiting = None
        if plan.schedule.verdict.fits:
            self.header.fixes.set_offers(())
            return
        if not self.isVisible():
            # finding them re-plans many times (a second for a degree): a hidden screen finds
            # them when shown, not at every save elsewhere (each session logged, each new day)
            self._fixes_waiting = plan
            return
        from studyplanner.services.plan_fixes import active_plan_fixes

        # finding the fixes re-plans a few times: only again when the plan itself changed
        key = (plan.id, plan.settings, plan.track.modules, plan.schedule.verdict, self._clock())
        if key != self._fixes_for:
            try:
                self._fixes = active_plan_fixes(self._db, self._clock(), plan)
            except InvalidInput:
                self._fixes = ()
            self._fixes_for = key
        self.header.fixes.set_offers(self._fixes)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        waiting = self._fixes_waiting
        if waiting is not None and waiting is self._plan:
            self._show_fixes(waiting)

    # -- the what-if (ui/plan/what_if_panel.py) -------------------------------------------------
    def _open_what_if(self, on: bool) -> None:
        self.what_if.setVisible(on and self._plan is not None)
        if on and self._plan is not None:
            self.what_if.set_plan(self._plan, self._clock())
            self.what_if.hours_slider.setFocus()
        elif self._plan is not None:
            self.show_plan(self._plan)  # back to the saved plan

    def _show_tried(self, tried: PlanSnapshot) -> None:
        self.header.show_plan(tried)
        self.header.fixes.set_offers(())
        self.header.title.setText(
            self.tr("{track}: what-if, not saved").format(track=tried.track.name)
        )
        self._show_timeline(tried)

    def _keep_what_if(self, settings: PlanSettings) -> None:
        from studyplanner.services.what_if import keep_what_if

        note = QT_TRANSLATE_NOOP("", "What-if kept")
        today = self._clock()
        try:
            snapshot = on_worker(
                self,
                self.tr("Saving the plan…"),
                lambda: keep_what_if(self._db, settings, today, note),
            )
        except InvalidInput as exc:
            self.what_if.problems.setText("\n".join(p.message for p in exc.problems))
            self.what_if.problems.show()
            return
        self.show_plan(snapshot)
        self.plan_changed.emit(PLAN_CHANGES)

    # -- changes --------------------------------------------------------------------------------
    def _on_fix(self, offer: PlanFixOffer) -> None:
        if self._plan is None or offer.change is None:
            return
        from studyplanner.services.plan_fixes import apply_plan_fix
        from studyplanner.ui.shared.preview_dialog import PreviewDialog

        if not PreviewDialog.ask(offer.preview, self._plan.schedule, self):
            return
        today = self._clock()
        try:
            snapshot = on_worker(
                self, self.tr("Saving the plan…"), lambda: apply_plan_fix(self._db, offer, today)
            )
        except InvalidInput as exc:
            self.header.verdict.setText(problems_words(exc.problems))
            return
        self.show_plan(snapshot)
        self.plan_changed.emit(PLAN_CHANGES)

    def _on_preview_modules(self, change: PlanChange) -> None:
        tab = self.modules_tab
        if self._preview_and_apply(
            change, tab.problems_label, QT_TRANSLATE_NOOP("", "Modules changed")
        ):
            self.tabs.setCurrentIndex(0)

    def _on_preview_settings(self, change: PlanChange) -> None:
        self._preview_and_apply(
            change, self.settings.problems_label, QT_TRANSLATE_NOOP("", "Schedule changed")
        )

    def _preview_and_apply(self, change: PlanChange, problems: QLabel, note: str) -> bool:
        if self._plan is None:
            return False
        from studyplanner.services.plans import apply_plan_change, preview_plan_change
        from studyplanner.ui.shared.preview_dialog import PreviewDialog

        today = self._clock()
        try:
            preview = on_worker(
                self, self.tr("Planning…"), lambda: preview_plan_change(self._db, change, today)
            )
        except InvalidInput as exc:
            problems.setText(problems_words(exc.problems))
            problems.show()
            return False
        problems.hide()
        if not PreviewDialog.ask(preview, self._plan.schedule, self):
            return False
        try:
            snapshot = on_worker(
                self,
                self.tr("Saving the plan…"),
                lambda: apply_plan_change(self._db, change, today, note=note),
            )
        except InvalidInput as exc:
            problems.setText(problems_words(exc.problems))
            problems.show()
            return False
        self.show_plan(snapshot)
        self.plan_changed.emit(PLAN_CHANGES)
        return True
