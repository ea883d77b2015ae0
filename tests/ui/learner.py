"""A learner driving the real main window: each action clicks, types and selects as a person
would, answers the dialog it opens by filling the real dialog object (its `exec` is replaced by
the learner, who types into its fields and clicks its OK button), and says whether it changed
data. `check_screens` compares every built screen with what the services answer.

The clock is the learner's: `day` advances as the year passes, `minute` within the day (timers,
backups' names)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget, QWizard
from pytestqt.qtbot import QtBot

from studyplanner.services import backups as backup_service
from studyplanner.services.ceu_activities import list_activities
from studyplanner.services.credentials import ceu_statuses
from studyplanner.services.database import Database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.progress import current_timer, list_sessions, module_statuses, progress
from studyplanner.services.reminders import current_reminders
from studyplanner.ui.credentials import activity_dialog, credential_dialog, credentials_screen
from studyplanner.ui.dashboard.dashboard_headline import status_words
from studyplanner.ui.plan import assistant, replan_dialog
from studyplanner.ui.settings import backups_panel, data_transfer_panel
from studyplanner.ui.shared import preview_dialog
from studyplanner.ui.study import completion_dialog, modules_screen, session_dialog
from studyplanner.ui.study.modules_model import status_word
from studyplanner.ui.window.main_window import (
    CREDENTIALS,
    DASHBOARD,
    MODULES,
    PLAN,
    SETTINGS,
    STUDY_LOG,
    MainWindow,
)

LEFT = Qt.MouseButton.LeftButton
TIMER = "timer"
"""An action that changed only the running timer (which only the Study log shows)."""
Fill = Callable[[Any], bool]
"""Fills a dialog's fields; True to click its OK button, False to cancel."""


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day
        self.minute = 18 * 60  # evening study

    def today(self) -> date:
        return self.day

    def now(self) -> datetime:
        return datetime.combine(self.day, time()) + timedelta(minutes=self.minute)


class UnexpectedDialog(AssertionError):
    pass


class Learner:
    def __init__(
        self,
        qtbot: QtBot,
        db: Database,
        monkeypatch: pytest.MonkeyPatch,
        rng: random.Random,
        clock: Clock,
        files: Path,
    ) -> None:
        self.qtbot, self.db, self.rng, self.clock, self.files = qtbot, db, rng, clock, files
        self.counts: Counter[str] = Counter()
        self._fills: dict[type, Fill] = {}
        self.told: list[tuple[str, bool]] = []
        self.archives: list[Path] = []
        for cls in (
            session_dialog.SessionDialog,
            completion_dialog.CompletionDialog,
            activity_dialog.ActivityDialog,
            credential_dialog.CredentialDialog,
            preview_dialog.PreviewDialog,
            replan_dialog.ReplanDialog,
            assistant.PlanAssistant,
        ):
            monkeypatch.setattr(cls, "exec", lambda dialog: self._answer(dialog))
        monkeypatch.setattr(modules_screen.ModulesScreen, "confirm_reopen", lambda *a: True)
        monkeypatch.setattr(credentials_screen.CredentialsScreen, "confirm_close", lambda *a: True)
        monkeypatch.setattr(
            modules_screen.ModulesScreen, "confirm_add_credential", lambda *a: self._yes()
        )
        monkeypatch.setattr(backups_panel.ConfirmRestore, "ask", staticmethod(lambda *a: True))
        monkeypatch.setattr(backups_panel.Tell, "info", staticmethod(lambda *a: None))
        monkeypatch.setattr(
            backups_panel.Tell, "problem", staticmethod(lambda p, t: self.told.append((t, False)))
        )
        self.next_archive: Path | None = None
        self.wanted_import = data_transfer_panel.ImportChoice.CANCEL
        ask = data_transfer_panel.Ask
        monkeypatch.setattr(ask, "tell", staticmethod(lambda p, t, ok: self.told.append((t, ok))))
        monkeypatch.setattr(ask, "save_path", staticmethod(lambda *a: self.archives[-1]))
        monkeypatch.setattr(ask, "open_path", staticmethod(lambda *a: self.next_archive))
        monkeypatch.setattr(ask, "import_choice", staticmethod(self._import_choice))
        self.window = MainWindow(db, clock.today, now=clock.now)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)

    # -- dialogs ----------------------------------------------------------------------------
    def expect(self, cls: type, fill: Fill) -> None:
        self._fills[cls] = fill

    def _answer(self, dialog: QDialog) -> int:
        fill = self._fills.pop(type(dialog), None)
        if fill is None:
            raise UnexpectedDialog(f"{type(dialog).__name__} opened unexpectedly")
        answer = fill(dialog)
        if answer is None:
            pass  # the fill clicked through itself (the assistant's Finish)
        elif answer:
            button = getattr(dialog, "ok_button", None) or getattr(dialog, "accept_button", None)
            assert button is not None and button.isEnabled(), (
                f"{type(dialog).__name__}: OK is disabled"
            )
            button.click()
        else:
            dialog.reject()
        return dialog.result()

    def _import_choice(self, parent: Any, name: str, preview: Any) -> Any:
        """As the real question does: Merge is offered only when it would add something."""
        choice = self.wanted_import
        merge_ok = preview.merge_problem is None and preview.total_new > 0
        if choice is data_transfer_panel.ImportChoice.MERGE and not merge_ok:
            return data_transfer_panel.ImportChoice.CANCEL
        return choice

    def _yes(self) -> bool:
        return self.rng.random() < 0.7

    def done_with_dialogs(self) -> None:
        assert not self._fills, f"dialogs expected but never opened: {list(self._fills)}"

    # -- small gestures -------------------------------------------------------------------
    def click(self, button: QWidget) -> None:
        if not button.isVisible() or not button.rect().isValid():
            QApplication.processEvents()  # just built: laid out and shown, as the learner sees it
        assert button.isEnabled(), button.accessibleName()
        if button.isVisible():
            self.qtbot.mouseClick(button, LEFT)
        else:
            button.click()  # type: ignore[attr-defined]

    def type_into(self, field: QWidget, text: str) -> None:
        field.selectAll()  # type: ignore[attr-defined]
        self.qtbot.keyClicks(field, text)

    def click_row(self, table: Any, row: int) -> None:
        """Click a row of a table (scrolled into view first, as the learner scrolls to it)."""
        index = table.model().index(row, 0)
        table.scrollTo(index)
        rect = table.visualRect(index)
        if not table.isVisible() or not rect.isValid():
            table.selectRow(row)  # a table not laid out yet: select as the keyboard would
        else:
            self.qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
        assert table.selectionModel().isRowSelected(row), "the clicked row is selected"

    def screen(self, row: int) -> Any:
        """Click the screen's entry in the sidebar."""
        sidebar = self.window.sidebar
        if sidebar.currentRow() != row:
            rect = sidebar.visualItemRect(sidebar.item(row))
            self.qtbot.mouseClick(sidebar.viewport(), LEFT, pos=rect.center())
        assert sidebar.currentRow() == row
        return self.window.screen_at(row)

    @property
    def today(self) -> date:
        return self.clock.day


# -- what each built screen shows equals what the services say --------------------------------
def check_timer(window: MainWindow, db: Database) -> None:
    bar = window.study_log.timer_bar
    info = current_timer(db)
    assert bar.info() == info, "Study timer"
    assert bar.stop_button.isVisibleTo(bar) == (info is not None)


def check_reminders(window: MainWindow, db: Database, today: date) -> None:
    """The Dashboard's reminders and the badge in the sidebar say what the service says (a
    hidden Dashboard's reminders follow a moment after the action, read on the worker: wait
    for them)."""
    pending = window.routing.reminders_timer
    panel = window.dashboard.reminders_panel
    for _ in range(300):
        if not pending.isActive() and (panel is None or not panel.reading()):
            break
        QTest.qWait(10)
    if panel is None:
        return  # built at the Dashboard's first paint
    due = current_reminders(db, today)
    assert [r.key for r in panel.reminders()] == [r.key for r in due], "Reminders"
    badge = window.sidebar.item(DASHBOARD).text()
    assert badge == (f"Dashboard ({len(due)})" if due else "Dashboard"), badge


def study_log_order(sessions: Sequence[Any], column: int, order: Qt.SortOrder) -> list[Any]:
    """The Study log's rows sorted by `column`: equal ones newest first, as the list comes."""
    newest = list(sessions)
    descending = order == Qt.SortOrder.DescendingOrder
    if column == 0:
        return newest if descending else newest[::-1]
    keys = {1: lambda s: s.module_title.casefold(), 2: lambda s: s.minutes}
    key = keys.get(column, lambda s: s.note.casefold())
    return sorted(newest, key=key, reverse=descending)


def check_screens(
    window: MainWindow, db: Database, today: date, rows: Collection[int] = range(6)
) -> None:
    """Each built screen of `rows` that is up to date shows what the services say; one that
    waits to re-read until shown (a change it shows came while it was hidden) is hidden."""
    screens: list[Any] = []
    for row, screen in enumerate(window._screens):
        if screen is not None and window.is_stale(row):
            assert window.stack.currentIndex() != row, f"screen {row} in view but not re-read"
        fresh = row in rows and not window.is_stale(row)
        screens.append(screen if fresh else None)
    if screens[DASHBOARD] is not None:
        dashboard = window.dashboard
        figures = progress(db, today)
        assert dashboard.snapshot() == figures, "Dashboard figures"
        if figures is not None:
            card = dashboard.progress_card
            assert card.bar.value() == round(figures.percent_done)
            assert figures.headline is not None
            assert card.status.word.text() == status_words(figures.headline)[1]
            assert len(dashboard.today_card.log_buttons) == len(figures.today_blocks)
        assert dashboard.stack.currentIndex() == (0 if figures is None else 1)
    statuses = None
    if screens[MODULES] is not None:
        shown = window.modules_screen
        statuses = module_statuses(db, today)
        rows = sorted(shown.model.rows(), key=lambda m: m.position)  # the model holds them sorted
        assert tuple(rows) == tuple(sorted(statuses, key=lambda m: m.position)), "Modules rows"
        if statuses:
            done = sum(1 for m in statuses if m.done)
            assert shown.summary.text().startswith(f"{done} of {len(statuses)} done")
            model = shown.model
            column = model.STATUS
            assert [model.index(r, column).data() for r in range(model.rowCount())] == [
                status_word(m.status) for m in model.rows()
            ]
    if screens[STUDY_LOG] is not None:
        log = window.study_log
        header = log.table.horizontalHeader()
        shown = log.model.rows()  # read so far (a page at a time), in the order clicked
        wanted = study_log_order(
            list_sessions(db), header.sortIndicatorSection(), header.sortIndicatorOrder()
        )
        assert log.model.total == len(wanted), "Study log total"
        assert shown == wanted[: len(shown)], "Study log rows"
        assert log.timer_bar.info() == current_timer(db), "Study timer"
    if screens[PLAN] is not None:
        plan = active_plan(db, today)
        assert window.plan_screen.plan() == plan, "Plan screen plan"
        if plan is not None:
            days_off = plan.settings.blackouts
            assert len(set(days_off)) == len(days_off), f"the same days off twice: {days_off}"
            done = sum(1 for m in plan.track.modules if m.done)
            header = window.plan_screen.header
            assert header.modules.value.text() == f"{done} of {len(plan.track.modules)} done"
    if screens[CREDENTIALS] is not None:
        credentials = window.credentials_screen
        open_cycles = [s for s in ceu_statuses(db, today, include_closed=True) if not s.closed]
        assert [c.status for c in credentials.cards] == open_cycles, "Credential cards"
        activities = sorted(credentials.activities.model.rows(), key=lambda a: a.id)
        assert activities == sorted(list_activities(db), key=lambda a: a.id), "CEU activities"
    if screens[SETTINGS] is not None:
        panel = window.settings_screen.backups_panel  # type: ignore[attr-defined]
        listed = backup_service.list_backups(db.data_dir)
        assert panel.table.rowCount() == len(listed), "Backups list"


# -- the actions ---------------------------------------------------------------------------------
class Actions:
    """Each action returns True when it (may have) changed data, False when it only looked, and
    None when it could not be done now (nothing to act on): the learner then picks another."""

    def __init__(self, learner: Learner) -> None:
        self.l = learner
        self.w = learner.window
        self.rng = learner.rng

    # -- time -----------------------------------------------------------------------------
    def next_day(self) -> bool:
        """The learner goes to bed (some days without the app); the window stays open
        overnight and its watch notices the new day."""
        self.l.clock.day += timedelta(days=self.rng.randint(1, 7))
        self.l.clock.minute = self.rng.choice((7 * 60, 12 * 60, 18 * 60, 20 * 60))
        self.w.check_outside_changes()
        return True

    def switch_screen(self) -> bool:
        row = self.rng.randrange(6)
        self.l.screen(row)
        check_screens(self.w, self.l.db, self.l.today, rows=(row,))  # shown: re-read if stale
        return False

    def plan_tab(self) -> bool | None:
        screen = self.l.screen(PLAN)
        if screen.plan() is None:
            return None
        bar = screen.tabs.tabBar()
        tab = self.rng.randrange(screen.tabs.count())
        self.l.qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(tab).center())
        assert screen.tabs.currentIndex() == tab
        return False

    def sort_table(self) -> bool | None:
        """Click a column header of the Modules, Study log or CEU list (sorts by it)."""
        row = self.rng.choice((MODULES, STUDY_LOG, CREDENTIALS))
        screen = self.l.screen(row)
        table = screen.activities.table if row == CREDENTIALS else getattr(screen, "table", None)
        if screen.stack.currentIndex() != 1 or table is None or not table.isVisible():
            return None
        header = table.horizontalHeader()
        column = self.rng.randrange(header.count())
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        self.l.qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))
        return False

    def look_at_row(self) -> bool | None:
        """Click a row of the Study log or the CEU list to see it."""
        row = self.rng.choice((STUDY_LOG, CREDENTIALS))
        screen = self.l.screen(row)
        table = screen.activities.table if row == CREDENTIALS else screen.table
        rows = table.model().rowCount()
        if screen.stack.currentIndex() != 1 or not rows or not table.isVisible():
            return None
        self.l.click_row(table, self.rng.randrange(min(rows, 12)))
        return False

    def open_and_cancel(self) -> bool | None:
        """Open the log dialog, think better of it, cancel."""
        log = self.l.screen(STUDY_LOG)
        if not log.log_button.isEnabled():
            return None
        self.l.expect(session_dialog.SessionDialog, lambda d: False)
        self.l.click(log.log_button)
        return False

    # -- study log --------------------------------------------------------------------------
    def _session_fill(self, minutes: int, note: str, module_row: int | None = None,
                      days_back: int = 0) -> Fill:  # fmt: skip
        def fill(d: session_dialog.SessionDialog) -> bool:
            if module_row is not None and d.module.count():
                d.module.setCurrentIndex(module_row % d.module.count())
            if days_back:
                d.day.setDate(d.day.date().addDays(-days_back))
            self.l.type_into(d.minutes, str(minutes))
            if note:
                d.note.clear()
                self.l.qtbot.keyClicks(d.note, note)
            return d.ok_button.isEnabled()

        return fill

    def log_from_dashboard(self) -> bool | None:
        dashboard = self.l.screen(DASHBOARD)
        if dashboard.snapshot() is None or not dashboard.today_card.log_buttons:
            return None
        button = self.rng.choice(dashboard.today_card.log_buttons)
        minutes = self.rng.choice((30, 45, 60, 90))
        self.l.expect(session_dialog.SessionDialog, self._session_fill(minutes, "as planned"))
        dashboard.scroll_area.ensureWidgetVisible(button)  # scrolled to, as the learner does
        self.l.click(button)
        return True

    def log_by_hand(self) -> bool | None:
        log = self.l.screen(STUDY_LOG)
        if not log.log_button.isEnabled():
            return None
        fill = self._session_fill(
            self.rng.randint(5, 180), self.rng.choice(("", "chapter review", "flash cards")),
            module_row=self.rng.randrange(40), days_back=self.rng.choice((0, 0, 0, 1, 2, 6)),
        )  # fmt: skip
        self.l.expect(session_dialog.SessionDialog, fill)
        self.l.click(log.log_button)
        return True

    def _select_session(self) -> Any:
        log = self.l.screen(STUDY_LOG)
        rows = log.model.rowCount()
        if log.stack.currentIndex() != 1 or rows == 0:
            return None
        row = self.rng.randrange(min(rows, 30))
        self.l.click_row(log.table, row)
        return log

    def edit_session(self) -> bool | None:
        log = self._select_session()
        if log is None:
            return None
        cancel = self.rng.random() < 0.1
        fill = self._session_fill(self.rng.randint(10, 150), "edited")
        self.l.expect(session_dialog.SessionDialog, (lambda d: False) if cancel else fill)
        self.l.click(log.edit_button)
        return not cancel

    def delete_session(self) -> bool | None:
        log = self._select_session()
        if log is None:
            return None
        self.l.click(log.delete_button)
        return True

    def undo_session_delete(self) -> bool | None:
        log = self.l.screen(STUDY_LOG)
        if log.stack.currentIndex() != 1 or not log.undo_button.isVisible():
            return None
        self.l.click(log.undo_button)
        return True

    # -- the timer --------------------------------------------------------------------------
    def timer(self) -> bool | str | None:
        """Start, pause, resume or stop, whichever the timer offers (and the learner picks).
        Only Stop logs a session; the others change the timer, which only the Study log shows."""
        log = self.l.screen(STUDY_LOG) if self.rng.random() < 0.5 else None
        if log is None:
            dashboard = self.l.screen(DASHBOARD)
            if self.w.study_log.timer_bar.info() is None and dashboard.today_card.timer_buttons:
                timer = self.rng.choice(dashboard.today_card.timer_buttons)
                dashboard.scroll_area.ensureWidgetVisible(timer)  # scrolled to, as a learner does
                self.l.click(timer)
                return TIMER
            log = self.l.screen(STUDY_LOG)
        if log.stack.currentIndex() != 1:
            return None
        bar = log.timer_bar
        info = bar.info()
        self.l.clock.minute = min(self.l.clock.minute + self.rng.randint(0, 90), 23 * 60 + 59)
        if info is None:
            if not bar.start_button.isEnabled():
                return None
            bar.module.setCurrentIndex(self.rng.randrange(bar.module.count()))
            self.l.click(bar.start_button)
            return TIMER
        button = self.rng.choice(
            (bar.pause_button if info.running else bar.resume_button, bar.stop_button)
        )
        self.l.click(button)
        return True if button is bar.stop_button else TIMER

    # -- modules ----------------------------------------------------------------------------
    def _select_module(self, done: bool) -> Any:
        screen = self.l.screen(MODULES)
        rows = [m for m in screen.model.rows() if m.done == done]
        if screen.stack.currentIndex() != 1 or not rows:
            return None, None
        # mostly the next one in order, as a learner works through the track
        module = rows[0] if not done and self.rng.random() < 0.7 else self.rng.choice(rows)
        source = screen.model.index(screen.model.row_of(module.id), 0)
        self.l.click_row(screen.table, screen.proxy.mapFromSource(source).row())
        assert screen.selected() == module
        return screen, module

    def complete_module(self) -> bool | None:
        screen, module = self._select_module(done=False)
        if screen is None:
            return None
        score = str(self.rng.randint(55, 98)) if module.kind.is_exam else ""

        def fill(d: completion_dialog.CompletionDialog) -> bool:
            if self.rng.random() < 0.2:
                d.day.setDate(d.day.date().addDays(-self.rng.randint(1, 5)))
            if score:
                if d.by_section.isChecked():  # the score as one figure, not by section
                    self.l.click(d.by_section)
                self.l.type_into(d.score, score)
            return d.ok_button.isEnabled()

        self.l.expect(completion_dialog.CompletionDialog, fill)
        self.l.expect(credential_dialog.CredentialDialog, lambda d: d.ok_button.isEnabled())
        self.l.click(screen.complete_button)
        self.l._fills.pop(credential_dialog.CredentialDialog, None)  # only after a passed exam
        return True

    def reopen_module(self) -> bool | None:
        screen, _module = self._select_module(done=True)
        if screen is None:
            return None
        self.l.click(screen.reopen_button)
        return True

    def find_module(self) -> bool:
        screen = self.l.screen(MODULES)
        if screen.stack.currentIndex() != 1:
            return False
        self.l.type_into(screen.search, self.rng.choice(("exam", "coding", "ICD", "anatomy")))
        screen.search.clear()
        return False

    # -- the plan ---------------------------------------------------------------------------
    def replan(self) -> bool | None:
        screen = self.l.screen(PLAN)
        if screen.plan() is None:
            return None
        screen.tabs.setCurrentIndex(3)
        settings = screen.settings
        goal = settings.goal
        what = self.rng.randrange(3)
        if what == 0 and goal.by_hours.isChecked():
            self.l.type_into(goal.hours, f"{self.rng.randint(6, 20)}")
        elif what == 0:
            target = QDate(self.l.today).addDays(self.rng.randint(60, 500))
            goal.target.setDate(target)
        else:
            spin = self.rng.choice(settings.availability.spins)
            self.l.type_into(spin, str(self.rng.choice((0, 45, 60, 90, 120, 180))))
        if not settings.preview_button.isEnabled() and goal.goal_problem.isVisibleTo(goal):
            goal.target.setDate(QDate(self.l.today).addDays(self.rng.randint(90, 400)))
        if not settings.preview_button.isEnabled():
            if settings.discard_button.isEnabled():
                self.l.click(settings.discard_button)
            return False
        accept = self.rng.random() < 0.8
        self.l.expect(preview_dialog.PreviewDialog, lambda d: accept)
        self.l.click(settings.preview_button)
        if preview_dialog.PreviewDialog in self.l._fills:
            refused = settings.problems_label.text()
            stored = active_plan(self.l.db, self.l.today)
            raise AssertionError(
                f"Preview refused what the form accepted: {refused} (form: "
                f"{settings.edited_settings()}, stored: {stored and stored.settings})"
            )
        if not accept and settings.discard_button.isEnabled():
            self.l.click(settings.discard_button)
        screen.tabs.setCurrentIndex(0)
        return accept

    def catch_up(self) -> bool | None:
        dashboard = self.l.screen(DASHBOARD)
        if dashboard.snapshot() is None or not dashboard.progress_card.catch_up_button.isVisible():
            return None

        def fill(d: replan_dialog.ReplanDialog) -> bool:
            usable = [key for key, b in d.buttons.items() if b.isEnabled()]
            if not usable:
                return False
            d.buttons[self.rng.choice(usable)].click()
            return d.accept_button.isEnabled()

        self.l.expect(replan_dialog.ReplanDialog, fill)
        dashboard.scroll_area.ensureWidgetVisible(dashboard.progress_card.catch_up_button)
        self.l.click(dashboard.progress_card.catch_up_button)
        return True

    def new_plan(self) -> bool:
        tracks = ("cpc-certificate-program", "cpc-exam-prep-experienced", "ccs-exam-prep",
                  "cca-facility-coding-program", "associate-degree-hit")  # fmt: skip
        track = self.rng.choice(tracks)
        hours = self.rng.randint(6, 15)

        def fill(wizard: assistant.PlanAssistant) -> None:
            wizard.show()
            items = wizard.track_page.list
            for row in range(items.count()):
                if items.item(row).data(Qt.ItemDataRole.UserRole) == track:
                    items.setCurrentRow(row)
            nxt = wizard.button(QWizard.WizardButton.NextButton)
            self.l.click(nxt)
            goal = wizard.goal_page.goal
            if track == "associate-degree-hit":
                goal.target.setDate(QDate(self.l.today).addDays(800))
            else:
                self.l.click(goal.by_hours)
                self.l.type_into(goal.hours, str(hours))
            self.l.click(nxt)
            QApplication.processEvents()
            if not nxt.isEnabled():  # more hours a week than the preset offers: more each day
                for spin in wizard.time_page.availability.spins:
                    self.l.type_into(spin, "150")
            self.l.click(nxt)
            self.l.click(wizard.button(QWizard.WizardButton.FinishButton))

        self.l.expect(assistant.PlanAssistant, fill)  # type: ignore[arg-type]
        self.w.new_plan_action.trigger()
        return True

    # -- credentials and CEUs ---------------------------------------------------------------
    def add_credential(self) -> bool | None:
        screen = self.l.screen(CREDENTIALS)
        code = self.rng.choice(("CPC", "CPC", "CPMA", "COC", "CCS", "RHIT", "CRC"))
        button = screen.add_button if screen.stack.currentIndex() == 1 else screen.empty_add_button

        def fill(d: credential_dialog.CredentialDialog) -> bool:
            index = d.credential.findData(code)
            if index < 0:
                return False
            d.credential.setCurrentIndex(index)
            d.earned.setDate(QDate(self.l.today).addDays(-self.rng.randint(0, 900)))
            return d.ok_button.isEnabled()

        self.l.expect(credential_dialog.CredentialDialog, fill)
        self.l.click(button)
        return True

    def _activity_fill(self, title: str) -> Fill:
        def fill(d: activity_dialog.ActivityDialog) -> bool:
            self.l.type_into(d.title, title)
            self.l.type_into(d.provider, self.rng.choice(("AAPC", "AHIMA", "Local chapter")))
            self.l.type_into(d.units, str(self.rng.choice((1, 2, 3, 5, 8))))
            d.category.setCurrentIndex(self.rng.randrange(d.category.count()))
            d.day.setDate(d.day.date().addDays(-self.rng.randint(0, 20)))
            for check in d.cycle_checks.values():
                if self.rng.random() < 0.6:
                    check.setChecked(True)
            return d.ok_button.isEnabled()

        return fill

    def log_ceu(self) -> bool | None:
        screen = self.l.screen(CREDENTIALS)
        if screen.stack.currentIndex() != 1:
            return None
        title = self.rng.choice(("Webinar", "Chapter meeting", "Audit workshop", "Conference"))
        self.l.expect(activity_dialog.ActivityDialog, self._activity_fill(title))
        self.l.click(screen.log_button)
        return True

    def _select_activity(self) -> Any:
        screen = self.l.screen(CREDENTIALS)
        panel = screen.activities
        if screen.stack.currentIndex() != 1 or panel.proxy.rowCount() == 0:
            return None
        self.l.click_row(panel.table, self.rng.randrange(panel.proxy.rowCount()))
        return screen

    def edit_ceu(self) -> bool | None:
        screen = self._select_activity()
        if screen is None or not screen.activities.edit_button.isEnabled():
            return None
        self.l.expect(activity_dialog.ActivityDialog, self._activity_fill("Edited activity"))
        self.l.click(screen.activities.edit_button)
        return True

    def delete_ceu(self) -> bool | None:
        screen = self._select_activity()
        if screen is None or not screen.activities.delete_button.isEnabled():
            return None
        self.l.click(screen.activities.delete_button)
        if self.rng.random() < 0.4:
            self.l.click(screen.activities.undo_button)
        return True

    def close_cycle(self) -> bool | None:
        screen = self.l.screen(CREDENTIALS)
        due = [c for c in screen.cards if c.status.days_left < 30]
        if not due:
            return None
        with self.l.qtbot.waitSignal(screen.closing.ended, timeout=30_000):  # on the worker
            self.l.click(self.rng.choice(due).close_button)
        return True

    # -- backups, export and import ---------------------------------------------------------
    def back_up_now(self) -> bool:
        panel = self.l.screen(SETTINGS).backups_panel
        with self.l.qtbot.waitSignal(panel.action.ended, timeout=30_000):  # on the worker
            self.l.click(panel.back_up_button)
        return True

    def restore(self) -> bool | None:
        panel = self.l.screen(SETTINGS).backups_panel
        if panel.table.rowCount() == 0:
            return None
        self.l.click_row(panel.table, self.rng.randrange(min(panel.table.rowCount(), 6)))
        self.l.qtbot.waitUntil(lambda: not panel.reading(), timeout=30_000)  # on the worker
        if not panel.restore_button.isEnabled():
            return None
        with self.l.qtbot.waitSignal(panel.action.ended, timeout=30_000):  # on the worker
            self.l.click(panel.restore_button)
        return True

    def export(self) -> bool:
        panel = self.l.screen(SETTINGS).transfer_panel
        path = self.l.files / f"everything-{len(self.l.archives)}.zip"
        self.l.archives.append(path)
        with self.l.qtbot.waitSignal(panel.finished, timeout=30_000) as done:
            self.l.click(panel.export_button)
        assert done.args[1], done.args
        return False

    def import_archive(self, choice: data_transfer_panel.ImportChoice) -> bool | None:
        if not self.l.archives:
            return None
        panel = self.l.screen(SETTINGS).transfer_panel
        self.l.next_archive = self.rng.choice(self.l.archives)
        self.l.wanted_import = choice
        seen: list[str] = []

        def finished(_text: str, _ok: bool) -> None:
            seen.append("finished")

        panel.import_asked.connect(seen.append)
        panel.finished.connect(finished)
        try:
            self.l.click(panel.import_button)
            self.l.qtbot.waitUntil(lambda: "finished" in seen or "cancel" in seen, timeout=30_000)
        finally:
            panel.import_asked.disconnect(seen.append)
            panel.finished.disconnect(finished)
        assert not panel.busy()
        return "cancel" not in seen

    def replace_import(self) -> bool | None:
        return self.import_archive(data_transfer_panel.ImportChoice.REPLACE)

    def merge_import(self) -> bool | None:
        return self.import_archive(data_transfer_panel.ImportChoice.MERGE)

    # -- reminders --------------------------------------------------------------------------
    def answer_reminder(self) -> bool | None:
        """Dismiss or snooze a reminder on the Dashboard (sometimes undone at once)."""
        dashboard = self.l.screen(DASHBOARD)
        self.l.qtbot.waitUntil(lambda: dashboard.reminders_panel is not None, timeout=5000)
        panel = dashboard.reminders_panel
        if not panel.rows:
            return None
        row = self.rng.choice(panel.rows)
        if self.rng.random() < 0.5:
            self.l.click(row.dismiss_button)
        else:
            row.snooze_menu.actions()[self.rng.randrange(2)].trigger()  # 1 day or 1 week
        if self.rng.random() < 0.3:
            self.l.click(panel.undo_button)
        return True
