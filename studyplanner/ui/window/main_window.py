"""The main window: a sidebar of screens beside a stack. Only screens that exist are listed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from studyplanner.services.changes import BACKUP_CHANGES, PLAN_CHANGES, Changes
from studyplanner.services.errors import StoreProblem
from studyplanner.ui.shared.icons import clear_cache as clear_icon_cache
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.window.change_routing import ChangeRouting
from studyplanner.ui.window.main_menu import build_menu

if TYPE_CHECKING:
    from studyplanner.services.database import ChangeWatch, Database
    from studyplanner.services.snapshots import ProgressSnapshot
    from studyplanner.ui.credentials.credentials_screen import CredentialsScreen
    from studyplanner.ui.dashboard.dashboard_screen import DashboardScreen
    from studyplanner.ui.plan.plan_screen import PlanScreen
    from studyplanner.ui.settings.settings_screen import SettingsScreen
    from studyplanner.ui.study.modules_screen import ModulesScreen
    from studyplanner.ui.study.study_log_screen import StudyLogScreen
    from studyplanner.ui.window.tray import Tray

DASHBOARD, PLAN, MODULES, STUDY_LOG, CREDENTIALS, SETTINGS = range(6)
OUTSIDE_CHANGE_CHECK_MS = 1000
"""How often the window looks for writes by other programs (one cheap SQLite pragma)."""


class MainWindow(QMainWindow):
    new_plan_action: QAction
    screen_actions: list[QAction]
    log_action: QAction
    timer_action: QAction
    help_action: QAction
    about_action: QAction
    _help: QWidget | None

    def __init__(
        self,
        db: Database,
        clock: Callable[[], date],
        parent: QWidget | None = None,
        now: Callable[[], datetime] = datetime.now,
        kept_figures: ProgressSnapshot | None = None,
    ) -> None:
        """`clock` gives today's date and `now` the time of day (timers, backups' names); tests
        and `--today` inject both, so nothing deeper reads the system clock. `kept_figures`:
        the Dashboard's figures kept from the last run and still valid (app start-up paints
        them before the database is opened; services/first_paint.py)."""
        super().__init__(parent)
        self._db = db
        self._kept_figures = kept_figures
        self._clock = clock
        self._now = now
        self._today = clock()
        self._quitting = False
        self._recovering = False
        self.tray: Tray | None = None
        self.setWindowTitle(self.tr("Study Planner"))
        self.setWindowIcon(icon("app"))
        available = self.screen().availableGeometry()
        # 900x560, or less on a smaller screen (a 1920x1080 one at 200 % is 960x540)
        smallest = QSize(900, 560).boundedTo(available.size())
        self.setMinimumSize(smallest)
        self.resize(
            min(1600, max(smallest.width(), int(available.width() * 0.9))),
            min(1000, max(smallest.height(), int(available.height() * 0.9))),
        )
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Screens"))
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setSpacing(2)
        self.sidebar.setFixedWidth(190)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget()
        self._icon_names: list[str] = []
        self._screens: list[QWidget | None] = []
        self._factories: list[Callable[[], QWidget]] = []
        self.routing = ChangeRouting(
            self._screens, self.stack.currentIndex, self._hidden_reminders, DASHBOARD, self
        )
        self._add_screen("dashboard", self.tr("Dashboard"), self._make_dashboard)
        self._add_screen("plan", self.tr("Plan"), self._make_plan)
        self._add_screen("modules", self.tr("Modules"), self._make_modules)
        self._add_screen("study-log", self.tr("Study log"), self._make_study_log)
        self._add_screen("credentials", self.tr("Credentials & CEUs"), self._make_credentials)
        self._add_screen("settings", self.tr("Settings"), self._make_settings)
        self.sidebar.currentRowChanged.connect(self._on_screen)
        self.sidebar.setCurrentRow(0)  # the Dashboard: the screen the app opens on
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        build_menu(self)
        self._watch: ChangeWatch | None = None if kept_figures is not None else db.watch()
        """Made when the database is open (after the first paint when it was deferred)."""
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(OUTSIDE_CHANGE_CHECK_MS)
        self._watch_timer.timeout.connect(self.check_outside_changes)
        self._watch_timer.start()

    # -- screens, built the first time they are shown ----------------------------------------
    def _add_screen(self, icon_name: str, title: str, make: Callable[[], QWidget]) -> None:
        self._icon_names.append(icon_name)
        item = QListWidgetItem(icon(icon_name), title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        item.setSizeHint(QSize(170, 40))
        self.sidebar.addItem(item)
        self._factories.append(make)
        self._screens.append(None)
        self.stack.addWidget(QWidget())  # replaced by the real screen when first shown

    def screen_at(self, row: int) -> QWidget:
        screen = self._screens[row]
        if screen is None:
            screen = self._factories[row]()
            self._screens[row] = screen
            placeholder = self.stack.widget(row)
            assert placeholder is not None
            self.stack.insertWidget(row, screen)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return screen

    def _on_screen(self, row: int) -> None:
        self.screen_at(row)
        self.routing.shown(row)  # re-read first if something it shows changed while hidden
        self.stack.setCurrentIndex(row)

    def show_screen(self, row: int) -> QWidget:
        self.sidebar.setCurrentRow(row)
        return self.screen_at(row)

    @property
    def dashboard(self) -> DashboardScreen:
        return self.screen_at(0)  # type: ignore[return-value]

    @property
    def plan_screen(self) -> PlanScreen:
        return self.screen_at(1)  # type: ignore[return-value]

    @property
    def modules_screen(self) -> ModulesScreen:
        return self.screen_at(2)  # type: ignore[return-value]

    @property
    def study_log(self) -> StudyLogScreen:
        return self.screen_at(3)  # type: ignore[return-value]

    @property
    def credentials_screen(self) -> CredentialsScreen:
        return self.screen_at(4)  # type: ignore[return-value]

    @property
    def settings_screen(self) -> SettingsScreen:
        return self.screen_at(SETTINGS)  # type: ignore[return-value]

    def _make_dashboard(self) -> QWidget:
        from studyplanner.ui.dashboard.dashboard_screen import DashboardScreen

        kept, self._kept_figures = self._kept_figures, None
        screen = DashboardScreen(self._db, self._clock, defer_charts=True, kept_figures=kept)
        screen.refresh()
        screen.data_changed.connect(self._on_data_changed)
        screen.assistant_requested.connect(self.run_assistant)
        screen.log_requested.connect(self._on_log_requested)
        screen.timer_requested.connect(self._on_timer_requested)
        screen.reminders_changed.connect(self._on_reminder_count)
        screen.ceu_activity_requested.connect(self.log_ceu_activity)
        screen.cycle_requested.connect(self.open_cycle)
        screen.modules_requested.connect(self.show_modules)
        screen.backup_requested.connect(self.back_up_now)
        return screen

    def _make_plan(self) -> QWidget:
        from studyplanner.ui.plan.plan_screen import PlanScreen  # built when first shown

        screen = PlanScreen(self._db, self._clock)
        screen.refresh()
        screen.assistant_requested.connect(self.run_assistant)
        screen.plan_changed.connect(self._on_data_changed)
        return screen

    def _make_modules(self) -> QWidget:
        from studyplanner.ui.study.modules_screen import ModulesScreen

        screen = ModulesScreen(self._db, self._clock)
        screen.data_changed.connect(self._on_data_changed)
        screen.assistant_requested.connect(self.run_assistant)
        screen.log_requested.connect(self._on_log_requested)
        screen.timer_requested.connect(self._on_timer_requested)
        return screen

    def _make_study_log(self) -> QWidget:
        from studyplanner.ui.study.study_log_screen import StudyLogScreen

        screen = StudyLogScreen(self._db, self._clock, now=self._now)
        screen.data_changed.connect(self._on_data_changed)
        screen.assistant_requested.connect(self.run_assistant)
        return screen

    def _make_credentials(self) -> QWidget:
        from studyplanner.ui.credentials.credentials_screen import CredentialsScreen

        screen = CredentialsScreen(self._db, self._clock, now=self._now)
        screen.data_changed.connect(self._on_data_changed)
        return screen

    def _make_settings(self) -> QWidget:
        from studyplanner.ui.settings.backups_panel import BackupsPanel
        from studyplanner.ui.settings.settings_screen import SettingsScreen

        screen = SettingsScreen(self._db, self._clock, tray_available=self.tray is not None)
        screen.data_changed.connect(self._on_data_changed)
        from studyplanner.ui.settings.data_transfer_panel import DataTransferPanel

        backups = BackupsPanel(self._db, self._now)
        backups.data_replaced.connect(self._data_replaced)
        backups.backed_up.connect(self._backed_up)
        screen.add_section(self.tr("Backups"), backups)
        transfer = DataTransferPanel(self._db, self._clock, self._now)
        transfer.data_replaced.connect(self._data_replaced)
        transfer.finished.connect(lambda _text, _ok: backups.refresh())  # an import backs up
        screen.add_section(self.tr("Export and import"), transfer)
        screen.backups_panel = backups  # type: ignore[attr-defined]
        screen.transfer_panel = transfer  # type: ignore[attr-defined]
        return screen

    def _data_replaced(self) -> None:
        """A restore or an import: what Undo would bring back belongs to the data before."""
        for row in (STUDY_LOG, CREDENTIALS):
            screen = self._screens[row]
            if screen is not None:
                screen.forget_undo()  # type: ignore[attr-defined]
        self.reload_everything()

    def reload_everything(self) -> None:
        """The whole database was replaced (a restore or an import): every screen re-reads."""
        self.routing.refresh_all()

    # -- reminders: the badge and the tray ----------------------------------------------------
    def _on_reminder_count(self, count: int) -> None:
        title = self.tr("Dashboard")
        item = self.sidebar.item(DASHBOARD)
        item.setText(f"{title} ({count})" if count else title)
        if count == 1:
            spoken = self.tr("Dashboard, 1 reminder")
        else:
            spoken = self.tr("Dashboard, {n} reminders").format(n=count) if count else title
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        if self.tray is not None:
            self.tray.set_count(count)

    def start_tray(self) -> None:
        """The system-tray icon, where the desktop has one (after the first paint)."""
        from studyplanner.ui.window.tray import Tray

        self.tray = Tray.create(self)
        panel = self.dashboard.build_reminders()
        if self.tray is None or panel is None:
            return  # the in-app panel is the fallback
        QApplication.setQuitOnLastWindowClosed(False)
        self.tray.open_requested.connect(self.bring_to_front)
        self.tray.log_requested.connect(self._log_from_tray)
        self.tray.quit_requested.connect(self.quit)
        self.tray.set_count(panel.count())
        self.tray.start_checks(self._db, self._clock)

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _log_from_tray(self) -> None:
        self.bring_to_front()
        self.show_screen(STUDY_LOG)
        self.study_log.log_for(None)

    def quit(self) -> None:
        self._quitting = True
        self.close()
        QApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window keeps the app in the tray when the user chose so (and a tray
        exists); otherwise it quits."""
        from studyplanner.services.settings import app_settings
        from studyplanner.ui.window.tray import should_keep_running_on_close

        try:
            keep = should_keep_running_on_close(app_settings(self._db), self.tray)
        except StoreProblem:
            keep = False  # the settings cannot be read (a damaged file): closing must work
        if not self._quitting and keep:
            event.ignore()
            self.hide()
            return
        if self.tray is not None:
            self.tray.hide()
        self._watch_timer.stop()
        from studyplanner.ui.shared.preferences import save_geometry

        save_geometry(self)
        super().closeEvent(event)

    def recover_from_damage(self, error: StoreProblem) -> None:
        """The data file turned out damaged while the app runs: the damaged-file window, once
        (later errors while it is open are the same damage), then every screen re-reads."""
        if self._recovering:
            return
        from studyplanner.ui.window.start_problem_dialog import Choice, recover_while_running

        self._recovering = True
        try:
            choice, done = recover_while_running(error, self._db, self, self._now())
        finally:
            self._recovering = False
        if choice is Choice.QUIT:
            self.quit()
            return
        self.reload_everything()
        self.statusBar().showMessage(done, 30_000)

    def check_outside_changes(self) -> None:
        """Another program wrote (the command line, a restore, an import elsewhere), or a new
        day began while the window stayed open (what is due today, overdue, a cycle's days
        left): every screen re-reads, so nothing shown (or acted on) outlives its source."""
        if self._recovering:
            return
        if self._watch is None:
            return  # painted before the database was opened: its watch starts when it is
        changed = self._watch.outside_change()
        today = self._clock()
        if changed:
            self._data_replaced()  # perhaps an import or a restore by the command line
        elif today != self._today:
            self.reload_everything()
        self._today = today

    def _backed_up(self) -> None:
        """A backup taken by hand: reminders about the age of the last backup are answered."""
        self.routing.route(BACKUP_CHANGES, self._screens[SETTINGS])

    def _on_data_changed(self, changes: Changes = Changes.ALL) -> None:
        """A screen saved something (and shows it already): the other screens that show what
        changed follow, the one in view now and hidden ones when next shown."""
        self.routing.route(changes, self.sender())

    def is_stale(self, row: int) -> bool:
        """Whether the built screen at `row` re-reads when next shown (hidden since a change)."""
        return self.routing.is_stale(row)

    def _hidden_reminders(self) -> None:
        """The Dashboard is hidden and waits to re-read, but its reminders count in the
        sidebar's badge and the tray: they alone follow now, read on the worker."""
        panel = self.dashboard.reminders_panel
        if panel is not None:
            panel.refresh_in_background()

    # -- the Dashboard's actions on other screens (reminders, the urgent deadline) -------------
    def log_ceu_activity(self, cycle_id: int) -> None:
        self.show_screen(CREDENTIALS)
        self.credentials_screen.log_activity(for_cycle=cycle_id)

    def show_modules(self) -> None:
        """The Modules screen (the headline's "Mark modules done…")."""
        self.show_screen(MODULES)

    def open_cycle(self, cycle_id: int) -> None:
        self.show_screen(CREDENTIALS)
        self.credentials_screen.show_cycle(cycle_id)

    def back_up_now(self) -> None:
        self.show_screen(SETTINGS)
        self.settings_screen.backups_panel.back_up()  # type: ignore[attr-defined]

    def _on_log_requested(self, module_id: int) -> None:
        self.show_screen(3)
        self.study_log.log_for(module_id)

    def _on_timer_requested(self, module_id: int) -> None:
        self.show_screen(3)
        self.study_log.start_timer(module_id)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch between light and dark while the app runs."""
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_outside_changes()  # back from the terminal or another app
        if event.type() == QEvent.Type.PaletteChange:
            clear_icon_cache()
            for row, name in enumerate(self._icon_names):
                self.sidebar.item(row).setIcon(icon(name))
            if self._screens[1] is not None:
                plan = self.plan_screen.plan()
                if plan is not None:
                    self.plan_screen.show_plan(plan)
        super().changeEvent(event)

    def _todays_module(self) -> int | None:
        """The module of today's first block, if the plan has study today (as the Dashboard,
        which follows every write and every new day, shows it)."""
        self.routing.shown(DASHBOARD)  # hidden since a change: its figures read now
        snapshot = self.dashboard.snapshot()
        return snapshot.today_blocks[0][0] if snapshot and snapshot.today_blocks else None

    def log_today(self) -> None:
        """Ctrl+L: log a session, on today's first block's module when there is one."""
        module = self._todays_module()
        self.show_screen(STUDY_LOG)
        self.study_log.log_for(module)

    def start_timer_today(self) -> None:
        """Ctrl+T: the timer on today's first block's module (or the one chosen in its bar)."""
        module = self._todays_module()
        self.show_screen(STUDY_LOG)
        self.study_log.timer_bar.start(module)

    def show_help(self) -> QWidget:
        """The offline user guide, beside the window (one, brought to the front if open)."""
        from studyplanner.ui.window.help_dialog import HelpDialog

        if self._help is None:
            self._help = HelpDialog(self)
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()
        return self._help

    def show_about(self) -> None:
        from studyplanner.ui.window.help_dialog import AboutDialog

        AboutDialog(self._db.data_dir, self).exec()

    def watch_from_now(self) -> None:
        """Start telling outside changes from this moment (the database is open)."""
        self._watch = self._db.watch()

    def restore_window_state(self) -> None:
        """As large and where it was when last closed; maximized the first time."""
        from studyplanner.ui.shared.preferences import restore_geometry

        if not restore_geometry(self):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def start_assistant_if_no_plan(self) -> None:
        from studyplanner.services.plan_reader import active_plan

        if active_plan(self._db, self._clock()) is None:
            self.run_assistant()

    def run_assistant(self) -> None:
        from studyplanner.ui.plan.assistant import PlanAssistant  # not needed for the first paint

        snapshot = PlanAssistant.ask(self._db, self._clock(), self)
        if snapshot is not None:
            self.routing.route(PLAN_CHANGES)
            self.show_screen(PLAN)
