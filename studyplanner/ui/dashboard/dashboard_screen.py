"""The Dashboard, the screen the app opens on: today's study blocks, this week, progress against
the accepted baseline (with catch-up choices when behind), practice exams, and the charts.

Without a plan it says what to do next instead."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from studyplanner.core.headline import NextAction
from studyplanner.core.validation import InvalidInput
from studyplanner.services.changes import PLAN_CHANGES, SESSION_CHANGES, Changes
from studyplanner.services.snapshots import ProgressSeries, ProgressSnapshot, StudySessionInfo
from studyplanner.ui.dashboard.dashboard_card import Card, hours_words
from studyplanner.ui.dashboard.dashboard_cards import ExamsCard, ProgressCard, TodayCard, WeekCard
from studyplanner.ui.dashboard.dashboard_headline import HeadlineBanner
from studyplanner.ui.shared.focus_order import tab_in_order
from studyplanner.ui.shared.formatting import format_date
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import heading_font
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.shared.problem_words import problem_words

if TYPE_CHECKING:
    from studyplanner.core.reminders import Reminder
    from studyplanner.services.database import Database
    from studyplanner.ui.dashboard.progress_charts import ProgressCharts
    from studyplanner.ui.dashboard.reminders_panel import RemindersPanel

WIDE = 1400
"""From this width the four cards sit in one row; below it, two by two."""
NARROW = 1000
"""Below this width the cards sit one under another (no sideways scrolling at 1024x600)."""


class DashboardScreen(QWidget):
    shows = (
        Changes.PLAN | Changes.MODULES | Changes.SESSIONS | Changes.PROGRESS
        | Changes.CREDENTIALS | Changes.CEUS | Changes.REMINDERS
    )  # fmt: skip
    """What the Dashboard shows: progress, today's blocks, the deadline and the reminders."""
    data_changed = Signal(object)
    """Carries the Changes of the action just saved (services/changes.py)."""
    reminders_changed = Signal(int)
    """How many reminders are due (for the navigation's badge and the tray)."""
    log_requested = Signal(int)
    timer_requested = Signal(int)
    assistant_requested = Signal()
    ceu_activity_requested = Signal(int)
    """A cycle id: log a CEU activity for it (Credentials opens its dialog)."""
    cycle_requested = Signal(int)
    """A cycle id: open it on the Credentials screen."""
    backup_requested = Signal()
    modules_requested = Signal()
    """Open the Modules screen (to mark the modules whose time is all logged done)."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], date],
        parent: QWidget | None = None,
        *,
        defer_charts: bool = False,
        kept_figures: ProgressSnapshot | None = None,
    ) -> None:
        """`kept_figures`: the figures of the first refresh, kept from the last run and still
        valid (services/first_paint.py); the database is not read for them."""
        super().__init__(parent)
        self.defer_charts = defer_charts
        self._kept_figures = kept_figures
        self._pending_series: ProgressSnapshot | None = None
        """Draw the charts just after the first paint (the app's start-up sets this)."""
        self._db = db
        self._clock = clock
        self._snapshot: ProgressSnapshot | None = None
        self._columns = 0
        self.setAccessibleName(self.tr("Dashboard"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_cards())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.reminders_panel: RemindersPanel | None = None
        """Built just after the first paint (reading every reminder is not needed for it)."""
        self.installEventFilter(self)

    def build_reminders(self) -> RemindersPanel | None:
        """The reminders panel, built on the first call while the screen is shown. A deferred call
        arriving while a closing window is torn down (hidden, or gone) builds nothing."""
        if not isValid(self) or not self.isVisible():
            return self.reminders_panel  # gone or hidden: built at the next paint instead
        if self.reminders_panel is None:
            self.removeEventFilter(self)
            from studyplanner.ui.dashboard.reminders_panel import RemindersPanel

            self.reminders_panel = RemindersPanel(self._db, self._clock, self)
            self.reminders_panel.count_changed.connect(self.reminders_changed)
            self.reminders_panel.action_requested.connect(self._on_reminder_action)
            self._place_reminders()
            self._show_deadline()
            self.reminders_changed.emit(self.reminders_panel.count())
        return self.reminders_panel

    def _place_reminders(self) -> None:
        """On the cards page under the four cards, or on the no-plan page under its text: a
        certified coder without a study plan still needs CEU reminders."""
        panel = self.reminders_panel
        if panel is None:
            return
        target = self._cards_layout if self.stack.currentIndex() == 1 else self._empty_layout
        if target.indexOf(panel) >= 0:
            return
        if self.stack.currentIndex() == 1:
            self._cards_layout.insertWidget(self._cards_layout.indexOf(self.charts_card), panel)
        else:
            self._empty_layout.insertWidget(self._empty_layout.count() - 1, panel)

    # -- building -------------------------------------------------------------------------------
    def _build_empty(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self._empty_layout = layout
        self.empty_deadline = HeadlineBanner()  # a certified coder's CEU deadline, plan or not
        self.empty_deadline.deadline_action.connect(
            lambda d: self.ceu_activity_requested.emit(d.cycle_id)
        )
        layout.addWidget(self.empty_deadline)
        layout.addStretch(1)
        title = QLabel(self.tr("No plan yet: start the assistant"))
        title.setFont(heading_font(self.font()))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "The dashboard shows what to study today and whether you are on plan. "
                "First, let the assistant build your study plan."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.assistant_button = QPushButton(icon("wizard"), self.tr("&Start the plan assistant"))
        self.assistant_button.setAccessibleName(self.tr("Start the plan assistant"))
        self.assistant_button.clicked.connect(self.assistant_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.assistant_button)
        row.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _build_cards(self) -> QWidget:
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("Dashboard cards"))
        page = QWidget()
        layout = QVBoxLayout(page)
        self._cards_layout = layout
        layout.setContentsMargins(20, 16, 20, 20)
        layout.setSpacing(16)
        heading = QLabel(self.tr("Dashboard"))
        heading.setFont(heading_font(self.font()))
        layout.addWidget(heading)
        self.headline = HeadlineBanner()
        self.headline.action_requested.connect(self._on_headline_action)
        self.headline.deadline_action.connect(
            lambda d: self.ceu_activity_requested.emit(d.cycle_id)
        )
        layout.addWidget(self.headline)
        self.logged_row = QWidget()
        logged = QHBoxLayout(self.logged_row)
        logged.setContentsMargins(0, 0, 0, 0)
        self.logged_message = PlainLabel()
        self.logged_message.setWordWrap(True)
        self.logged_message.setAccessibleName(self.tr("What was logged"))
        self.undo_log_button = QPushButton(icon("undo"), self.tr("&Undo"))
        self.undo_log_button.setAccessibleName(self.tr("Undo the session just logged"))
        self.undo_log_button.clicked.connect(self.undo_last_log)
        logged.addWidget(self.logged_message, 1)
        logged.addWidget(self.undo_log_button)
        self.logged_row.hide()
        self._last_logged: StudySessionInfo | None = None
        layout.addWidget(self.logged_row)
        self.today_card = TodayCard()
        self.week_card = WeekCard()
        self.progress_card = ProgressCard()
        self.exams_card = ExamsCard()
        self.today_card.timer_requested.connect(self.timer_requested)
        self.today_card.log_requested.connect(self.log_block)
        self.today_card.done_requested.connect(self.done_as_planned)
        self.progress_card.catch_up_requested.connect(self._on_catch_up)
        self.exams_card.chart_requested.connect(self._on_show_scores)
        self._grid = QGridLayout()
        self._grid.setSpacing(16)
        layout.addLayout(self._grid)
        self._charts: ProgressCharts | None = None  # built on first use (Qt Charts is heavy)
        self.charts_card = Card("timeline", self.tr("Charts"))
        layout.addWidget(self.charts_card)
        layout.addStretch(1)
        self.scroll_area.setWidget(page)
        self._place_cards(2)
        return self.scroll_area

    def _place_cards(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        cards: tuple[Card, ...] = (
            self.today_card,
            self.week_card,
            self.progress_card,
            self.exams_card,
        )
        for card in cards:
            self._grid.removeWidget(card)
        for n, card in enumerate(cards):
            # each card as tall as its content: a short card is not stretched to empty space
            self._grid.addWidget(card, n // columns, n % columns, Qt.AlignmentFlag.AlignTop)
        for column in range(4):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        # the Today and Progress cards hold the most: give them more room in the wide row
        if columns == 4:
            for column, stretch in enumerate((3, 2, 3, 2)):
                self._grid.setColumnStretch(column, stretch)

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = event.size().width()
        self._place_cards(4 if width >= WIDE else 2 if width >= NARROW else 1)
        super().resizeEvent(event)

    # -- data -----------------------------------------------------------------------------------
    def snapshot(self) -> ProgressSnapshot | None:
        return self._snapshot

    @property
    def charts(self) -> ProgressCharts:
        if self._charts is None:
            from studyplanner.ui.dashboard import progress_charts  # Qt Charts only when first drawn

            self._charts = progress_charts.ProgressCharts()
            self.charts_card.body.addWidget(self._charts)
        return self._charts

    def refresh(self) -> None:
        today = self._clock()
        if self.defer_charts:
            snapshot = self._first_figures(today)
            if snapshot is not None:
                # The cards first; the charts right after the first paint (the window opens
                # faster).
                self.defer_charts = False
                self.show_progress(snapshot, None)
                self.charts_card.setVisible(True)
                self._pending_series = snapshot
                # drawn once the cards at the top have been painted (they may be out of view)
                self.today_card.installEventFilter(self)
                return
            self.show_progress(None, None)  # no plan yet: the charts wait for one
        else:  # the figures and the charts from one read
            from studyplanner.services import first_paint
            from studyplanner.services.progress import progress_and_series

            token = first_paint.token_of(self._db)  # before the figures: see first_paint.keep
            both = progress_and_series(self._db, today)
            first_paint.keep(self._db.data_dir, token, both[0] if both else None)
            self.show_progress(*(both or (None, None)))
        if self.reminders_panel is not None:
            self.reminders_panel.refresh()
            self._show_deadline()

    def _first_figures(self, today: date) -> ProgressSnapshot | None:
        """The figures kept from the last run when there are (painted before the database is
        opened), else read now and kept for the next start."""
        from studyplanner.services import first_paint

        kept, self._kept_figures = self._kept_figures, None
        if kept is not None and kept.today == today:
            return kept
        from studyplanner.services.progress import progress

        token = first_paint.token_of(self._db)  # before the figures: see first_paint.keep
        snapshot = progress(self._db, today)
        folder = self._db.data_dir
        # kept once this start has painted: writing them is no part of it
        QTimer.singleShot(0, self, lambda: first_paint.keep(folder, token, snapshot))
        return snapshot

    def _show_deadline(self) -> None:
        """The most urgent deadline at the top (read with the reminders: after the first paint)."""
        from studyplanner.services.deadlines import most_urgent_deadline

        deadline = most_urgent_deadline(self._db, self._clock(), self._snapshot)
        self.headline.show_deadline(deadline)
        self.empty_deadline.show_deadline(deadline)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and self.reminders_panel is None:
            QTimer.singleShot(0, self, self.build_reminders)  # cancelled if self goes
        if (
            watched is self.today_card
            and event.type() == QEvent.Type.Paint
            and self._pending_series is not None
        ):
            snapshot, self._pending_series = self._pending_series, None
            self.today_card.removeEventFilter(self)
            QTimer.singleShot(0, self, lambda: self._show_series(snapshot))
        return super().eventFilter(watched, event)

    def _show_series(self, snapshot: ProgressSnapshot) -> None:
        if self._snapshot is not snapshot:
            return  # refreshed meanwhile: that refresh drew the charts
        from studyplanner.services.progress import progress_series

        series = progress_series(self._db, snapshot.today, snapshot)
        if series is not None:
            self.charts.show_series(series, snapshot.today)

    def show_progress(
        self, snapshot: ProgressSnapshot | None, series: ProgressSeries | None
    ) -> None:
        self._snapshot = snapshot
        self.stack.setCurrentIndex(0 if snapshot is None else 1)
        self._place_reminders()
        if snapshot is None:
            return
        if snapshot.headline is not None:
            self.headline.show_headline(snapshot.headline, snapshot.catch_up)
        self.today_card.show_blocks(snapshot.today, snapshot.today_blocks, snapshot.today_logged)
        self.week_card.show_week(snapshot.week_done_minutes, snapshot.week_planned_minutes)
        self.progress_card.show_progress(snapshot)
        self.exams_card.show_exams(snapshot)
        tab_in_order((self.today_card, self.week_card, self.progress_card, self.exams_card))
        if series is not None:
            self.charts.show_series(series, snapshot.today)
        self.charts_card.setVisible(series is not None)

    def changeEvent(self, event: QEvent) -> None:
        """Status icons follow a light/dark switch (the cards and charts redraw their own)."""
        if event.type() == QEvent.Type.PaletteChange and self._snapshot is not None:
            self.progress_card.show_progress(self._snapshot)
            self.exams_card.show_exams(self._snapshot)
            self.today_card.show_blocks(
                self._snapshot.today, self._snapshot.today_blocks, self._snapshot.today_logged
            )
        super().changeEvent(event)

    # -- actions --------------------------------------------------------------------------------
    def done_as_planned(self, module_id: int, minutes: int) -> StudySessionInfo | None:
        """Log a block's planned minutes today, in one click, staying here (undoable)."""
        from studyplanner.services.study_log import log_session  # the ORM: after the first paint

        today = self._clock()
        return self._log(lambda: log_session(self._db, module_id, today, minutes, "", today))

    def log_today(self) -> StudySessionInfo | None:
        """Log today's study: the dialog opens on the first block not logged yet (its module
        and minutes), or empty on a day without one."""
        snapshot = self._snapshot
        left = dict(snapshot.today_logged) if snapshot else {}
        for module_id, _title, minutes in snapshot.today_blocks if snapshot else ():
            if left.get(module_id, 0) < minutes:
                return self.log_block(module_id, minutes - left.get(module_id, 0))
            left[module_id] -= minutes
        return self.log_block(None, None)

    def _on_headline_action(self, action: str) -> None:
        if action == NextAction.MARK_DONE:
            self.modules_requested.emit()
        elif action == NextAction.STUDY_MORE and self._snapshot and self._snapshot.catch_up:
            self.preview_catch_up_fix()
        elif action in (NextAction.CATCH_UP, NextAction.STUDY_MORE):
            self._on_catch_up()  # the catch-up choices, "keep the finish date" first
        else:
            self.log_today()

    def preview_catch_up_fix(self) -> bool:
        """The headline's fix, previewed as the Plan screen previews its fixes; applied (a new
        baseline) only when accepted."""
        from studyplanner.services.plan_fixes import apply_plan_fix
        from studyplanner.services.plan_reader import active_plan
        from studyplanner.ui.shared.preview_dialog import PreviewDialog

        offer = self._snapshot.catch_up if self._snapshot else None
        plan = active_plan(self._db, self._clock())
        if offer is None or plan is None:
            return False
        if not PreviewDialog.ask(offer.preview, plan.schedule, self):
            return False
        from studyplanner.ui.shared.on_worker import on_worker

        today = self._clock()
        try:
            on_worker(
                self, self.tr("Saving the plan…"), lambda: apply_plan_fix(self._db, offer, today)
            )
        except InvalidInput as exc:
            self._say(problem_words(exc.problems[0]), undo=False)
            return False
        self.refresh()
        self.data_changed.emit(PLAN_CHANGES)
        return True

    def _on_reminder_action(self, reminder: Reminder) -> None:
        """A reminder's action button: study is logged here, the rest goes to its screen."""
        from studyplanner.core.reminders import ReminderKind, reminder_subject

        kind = reminder.kind
        subject = reminder_subject(reminder)
        if kind in (ReminderKind.STUDY_TODAY, ReminderKind.NO_STUDY):
            self.log_today()
        elif kind in (ReminderKind.MODULE_OVERDUE, ReminderKind.EXAM):
            self.log_block(subject, None)
        elif kind in (ReminderKind.CEU_SHORTFALL, ReminderKind.CEU_RULE) and subject:
            self.ceu_activity_requested.emit(subject)
        elif kind is ReminderKind.BACKUP:
            self.backup_requested.emit()
        elif subject is not None:
            self.cycle_requested.emit(subject)

    def log_block(self, module_id: int | None, minutes: int | None) -> StudySessionInfo | None:
        """Log study on a block here: the dialog opens on its module and planned minutes."""
        from studyplanner.services.progress import module_statuses
        from studyplanner.services.study_log import log_session
        from studyplanner.ui.study.session_dialog import SessionDialog

        today = self._clock()
        modules = module_statuses(self._db, today)
        answer = SessionDialog.ask(modules, today, self, module_id=module_id, minutes=minutes)
        if answer is None:
            return None
        return self._log(lambda: log_session(self._db, today=today, **answer))

    def _log(self, action: Callable[[], StudySessionInfo]) -> StudySessionInfo | None:
        try:
            info = action()
        except InvalidInput as exc:
            self._say(problem_words(exc.problems[0]), undo=False)
            return None
        self._last_logged = info
        self.refresh()
        self.data_changed.emit(SESSION_CHANGES)
        self._say(
            self.tr("Logged {time} on {title} ({day}).").format(
                time=hours_words(info.minutes), title=info.module_title,
                day=format_date(info.day),
            ),
            undo=True,
        )  # fmt: skip
        return info

    def undo_last_log(self) -> None:
        info, self._last_logged = self._last_logged, None
        if info is None:
            return
        from studyplanner.services.study_log import delete_session

        try:
            delete_session(self._db, info.id)
        except InvalidInput as exc:  # deleted meanwhile (the Study log, another program)
            self._say(problem_words(exc.problems[0]), undo=False)
            return
        self.refresh()
        self.data_changed.emit(SESSION_CHANGES)
        self._say(self.tr("Removed the session just logged."), undo=False)

    def _say(self, text: str, *, undo: bool) -> None:
        self.logged_message.setText(text)
        self.undo_log_button.setVisible(undo)
        self.logged_row.setVisible(bool(text))

    def _on_catch_up(self) -> None:
        from studyplanner.ui.plan.replan_dialog import ReplanDialog

        if ReplanDialog.ask(self._db, self._clock(), self):
            self.refresh()
            self.data_changed.emit(PLAN_CHANGES)

    def _on_show_scores(self) -> None:
        self.scroll_area.ensureWidgetVisible(self.charts.scores)
        self.charts.scores.setFocus()
