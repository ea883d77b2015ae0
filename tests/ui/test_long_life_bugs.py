"""Bugs the long-life test (test_long_life.py) found, each pinned by a small test of its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyplanner.core.model import Availability, Blackout
from studyplanner.core.validation import InvalidInput
from studyplanner.services import backups as backup_service
from studyplanner.services import plan_fixes
from studyplanner.services.archive.transfer import export_archive, import_archive, preview_import
from studyplanner.services.ceu_activities import (
    ActivityInput,
    add_activity,
    delete_activity,
    list_activities,
    restore_activity,
)
from studyplanner.services.credentials import add_credential, list_credentials
from studyplanner.services.database import Database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.plans import apply_plan_change, create_plan
from studyplanner.services.progress import list_sessions, log_session, module_statuses
from studyplanner.services.snapshots import NewPlan, PlanChange, PlanSettings
from studyplanner.ui.credentials import credentials_screen
from studyplanner.ui.settings import backups_panel
from studyplanner.ui.window.main_window import CREDENTIALS, PLAN, SETTINGS, STUDY_LOG, MainWindow

CreatePlan = Callable[[Database, date], None]


def test_a_change_elsewhere_does_not_reset_or_resort_the_study_log(
    qtbot: QtBot, db: Database, today: date, create_cpc_plan: CreatePlan
) -> None:
    """Every save anywhere refreshes every screen. The Study log reset its model each time, so
    its sorted proxy sorted every session again and the selection was lost: after a year of
    sessions each click anywhere took a visible moment. The same rows again change nothing."""
    create_cpc_plan(db, today)
    first = module_statuses(db, today)[0]
    for n in range(200):
        day = today - timedelta(days=n % 300)
        log_session(db, first.id, day, 30, f"session {n}", today)
    window = MainWindow(db, lambda: today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    log = window.show_screen(STUDY_LOG)
    log.table.selectRow(5)  # type: ignore[attr-defined]
    chosen = log.selected()  # type: ignore[attr-defined]
    resets: list[int] = []
    log.model.modelReset.connect(lambda: resets.append(1))  # type: ignore[attr-defined]
    window.reload_everything()  # what any save elsewhere, an outside write or a new day does
    assert resets == []
    assert log.selected() == chosen  # type: ignore[attr-defined]
    log_session(db, first.id, today, 45, "a new one", today)
    window.reload_everything()
    assert resets == [1]  # a real change still shows
    assert log.model.total == 201  # type: ignore[attr-defined]  (read a page at a time)


def test_a_refresh_that_changes_no_figure_does_not_redraw_the_charts(
    qtbot: QtBot, db: Database, today: date, create_cpc_plan: CreatePlan
) -> None:
    """The Dashboard redrew its three charts at every save anywhere (a CEU, a backup): the same
    series again leaves the charts as they are; a new session redraws them."""
    create_cpc_plan(db, today)
    window = MainWindow(db, lambda: today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dashboard = window.dashboard
    dashboard.refresh()
    chart = dashboard.charts.burn_up.chart()
    first = chart.series()[0]
    window.reload_everything()
    assert chart.series()[0] is first  # not drawn again
    log_session(db, module_statuses(db, today)[0].id, today, 45, "", today)
    window.reload_everything()
    assert chart.series()[0] is not first


def _restore_in_settings(
    qtbot: QtBot,
    window: MainWindow,
    backup: backup_service.BackupInfo,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(backups_panel.ConfirmRestore, "ask", staticmethod(lambda *a: True))
    monkeypatch.setattr(backups_panel.Tell, "info", staticmethod(lambda *a: None))
    panel = window.show_screen(SETTINGS).backups_panel  # type: ignore[attr-defined]
    panel.refresh()
    panel.table.selectRow([b.path for b in panel._backups].index(backup.path))
    qtbot.waitUntil(panel.restore_button.isEnabled)  # what it holds is read on the worker
    with qtbot.waitSignal(panel.data_replaced):  # on the worker
        panel.restore_button.click()


def test_undo_delete_is_not_offered_after_a_restore_brought_other_data(
    qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch,
    create_cpc_plan: CreatePlan,
) -> None:  # fmt: skip
    """Delete a CEU activity and a session, restore a backup that still holds both, then Undo:
    the activity's Undo crashed (the id exists again: an SQLite integrity error rose out of the
    click) and the session's Undo acted on data the restore had replaced."""
    create_cpc_plan(db, today)
    log_session(db, module_statuses(db, today)[0].id, today, 30, "kept", today)
    add_credential(db, "CPC", date(2020, 1, 1), today)
    cycle = list_credentials(db)[0].current.id
    data = ActivityInput(today, "Webinar", Decimal(2), "coding")
    add_activity(db, data, [(cycle, Decimal(2))], today)
    backup = backup_service.backup_now(db, datetime(2026, 11, 27, 8))
    window = MainWindow(db, lambda: today, now=lambda: datetime(2026, 11, 27, 9))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    credentials = window.show_screen(CREDENTIALS)
    credentials.activities.table.selectRow(0)  # type: ignore[attr-defined]
    credentials.activities.delete_button.click()  # type: ignore[attr-defined]
    log = window.show_screen(STUDY_LOG)
    log.table.selectRow(0)  # type: ignore[attr-defined]
    log.delete_button.click()  # type: ignore[attr-defined]
    assert list_activities(db) == [] and list_sessions(db) == ()
    _restore_in_settings(qtbot, window, backup, monkeypatch)
    assert len(list_activities(db)) == 1 and len(list_sessions(db)) == 1
    window.show_screen(CREDENTIALS)
    assert not credentials.activities.undo_button.isVisibleTo(credentials)  # type: ignore[attr-defined]
    assert credentials.undo() is False  # type: ignore[attr-defined]
    window.show_screen(STUDY_LOG)
    assert not log.undo_button.isVisibleTo(log)  # type: ignore[attr-defined]
    assert log.undo() is False  # type: ignore[attr-defined]
    assert len(list_activities(db)) == 1 and len(list_sessions(db)) == 1


def test_restoring_a_deleted_activity_whose_id_is_back_is_refused_in_words(
    db: Database, today: date
) -> None:
    add_credential(db, "CPC", date(2020, 1, 1), today)
    cycle = list_credentials(db)[0].current.id
    added = add_activity(
        db, ActivityInput(today, "Webinar", Decimal(2), "coding"), [(cycle, Decimal(2))], today
    )
    deleted = delete_activity(db, added.id)
    restore_activity(db, deleted)
    with pytest.raises(InvalidInput, match="exists already"):
        restore_activity(db, deleted)


def test_the_plan_settings_check_dates_against_today_not_the_day_the_tab_was_built(
    qtbot: QtBot, db: Database, today: date
) -> None:
    """The Availability and dates tab kept the day it was built: months later, with the target
    date passed, it offered Preview for a change of the week and the preview refused it ("The
    target date is in the past") instead of the form saying so next to the target."""
    settings = PlanSettings(
        start=today, availability=Availability((60,) * 7), target=today + timedelta(days=90)
    )
    create_plan(db, NewPlan(settings=settings, template_id="cpc-exam-prep-experienced"), today)
    day = [today]
    window = MainWindow(db, lambda: day[0])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    plan_screen = window.show_screen(PLAN)
    plan_screen.tabs.setCurrentIndex(3)  # type: ignore[attr-defined]
    tab = plan_screen.settings  # type: ignore[attr-defined]
    day[0] = today + timedelta(days=120)
    window.check_outside_changes()  # the window notices the new day
    tab.availability.spins[0].setValue(90)
    assert not tab.preview_button.isEnabled()
    assert tab.goal.goal_problem.text() == "The target date is in the past."


def test_a_change_elsewhere_keeps_the_credential_cards_and_reminder_rows(
    qtbot: QtBot, db: Database, today: date, create_cpc_plan: CreatePlan
) -> None:
    """Every save anywhere rebuilt every credential card and every reminder row: the same
    figures keep the widgets; a change in them rebuilds."""
    create_cpc_plan(db, today)
    add_credential(db, "CPC", date(2020, 1, 1), today)
    today += timedelta(days=40)  # weeks without a backup: a reminder
    window = MainWindow(db, lambda: today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.dashboard.reminders_panel is not None)
    panel = window.dashboard.reminders_panel
    assert panel is not None and panel.rows
    rows = list(panel.rows)
    credentials = window.show_screen(CREDENTIALS)
    cards = list(credentials.cards)  # type: ignore[attr-defined]
    window.reload_everything()  # as after a change these do not show (a timer started)
    assert panel.rows == rows
    assert credentials.cards == cards  # type: ignore[attr-defined]
    cycle = list_credentials(db)[0].current.id
    data = ActivityInput(today, "Webinar", Decimal(2), "coding")
    add_activity(db, data, [(cycle, Decimal(2))], today)
    window.reload_everything()
    assert credentials.cards != cards  # type: ignore[attr-defined]
    assert "2 of 36" in credentials.cards[0].bar.format()  # type: ignore[attr-defined]


def test_a_job_that_ends_while_its_progress_dialog_handles_events_does_not_crash(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A modal QProgressDialog handles pending events inside setValue(): the job's end came in
    there and deleted the dialog under it. The long-life test's exports crashed the process
    (a segmentation fault in setValue)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QProgressDialog, QWidget

    from studyplanner.ui.shared.background_job import ProgressJobs

    original = QProgressDialog.setValue

    def set_value_as_a_modal_dialog_does(self: QProgressDialog, value: int) -> None:
        original(self, value)
        QCoreApplication.processEvents()  # the job's end arrives here
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        self.value()  # Qt's own setValue() goes on using the dialog

    monkeypatch.setattr(QProgressDialog, "setValue", set_value_as_a_modal_dialog_does)
    owner = QWidget()
    qtbot.addWidget(owner)
    jobs = ProgressJobs(owner, "Export", lambda e, c: (str(e), False), lambda b: None, "busy")

    def work(progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> int:
        progress(1, 2)
        return 2

    for _ in range(3):
        with qtbot.waitSignal(jobs.finished, timeout=10_000) as finished:
            job = jobs.start(work, str, "Exporting…")
            assert job is not None
            job.done.wait(10)  # the end is queued behind the progress
        assert finished.args == ["2", True]


def test_merging_an_older_archive_after_a_replan_does_not_add_the_days_off_again(
    db: Database, today: date, tmp_path: Path
) -> None:
    """Each re-plan saved the plan's days off as new records (new identities): merging an
    archive exported before it added every period again, and the plan, now holding the same
    days off twice, refused every later change ("The days off … overlap …")."""
    vacation = Blackout(today + timedelta(days=30), today + timedelta(days=36), "Vacation")
    settings = PlanSettings(
        start=today, availability=Availability((60,) * 7), weekly_minutes=420,
        blackouts=(vacation,),
    )  # fmt: skip
    create_plan(db, NewPlan(settings=settings, template_id="cpc-exam-prep-experienced"), today)
    archive = export_archive(db, tmp_path / "before.zip", now=datetime(2026, 11, 27, 8)).path
    more = replace(settings, availability=Availability((90,) * 7))
    apply_plan_change(db, PlanChange(settings=more), today)
    assert preview_import(db, archive).total_new == 0
    import_archive(db, archive, "merge", now=datetime(2026, 11, 27, 9))
    plan = active_plan(db, today)
    assert plan is not None and plan.settings.blackouts == (vacation,)


def test_closing_a_cycle_shows_its_backup_in_the_settings_list(
    qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing a cycle backs up first, but the Backups list in Settings (built earlier) did not
    show that backup until the window was opened again. It shows it when Settings is shown
    (hidden, it waits: ui/change_routing.py)."""
    add_credential(db, "CPC", date(2020, 1, 1), today)
    window = MainWindow(db, lambda: today, now=lambda: datetime(2026, 11, 27, 9))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.show_screen(SETTINGS).backups_panel  # type: ignore[attr-defined]
    before = panel.table.rowCount()
    monkeypatch.setattr(credentials_screen.CredentialsScreen, "confirm_close", lambda *a: True)
    screen = window.show_screen(CREDENTIALS)
    with qtbot.waitSignal(screen.data_changed):  # type: ignore[attr-defined]  # on the worker
        screen.cards[0].close_button.click()  # type: ignore[attr-defined]
    assert window.is_stale(SETTINGS)
    window.show_screen(SETTINGS)
    assert panel.table.rowCount() == before + 1 == len(backup_service.list_backups(db.data_dir))


def test_a_plan_that_does_not_fit_is_not_re_planned_at_every_save_while_hidden(
    qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Plan screen looks for one-click fixes when the plan does not fit, which re-plans many
    times (about a second for a degree). It did so at every save anywhere (each session logged,
    each new day) while another screen was shown: the long-life test's degree years crawled.
    Hidden, it waits; shown, it finds them."""
    settings = PlanSettings(
        start=date(2027, 1, 4), availability=Availability((90, 90, 90, 90, 90, 240, 0)),
        target=date(2027, 11, 1),  # under a year: the CPC program needs a little more
    )  # fmt: skip
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), today)
    found: list[int] = []
    real = plan_fixes.active_plan_fixes

    def counted(*args: object, **kwargs: object) -> object:
        found.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(plan_fixes, "active_plan_fixes", counted)
    window = MainWindow(db, lambda: today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    plan_screen = window.show_screen(PLAN)
    assert found == [1] and plan_screen.header.fixes.isVisible()  # type: ignore[attr-defined]
    window.show_screen(STUDY_LOG)
    for minutes in (30, 40, 50):
        log_session(db, module_statuses(db, today)[0].id, today, minutes, "", today)
        window.reload_everything()
    assert found == [1]
    window.show_screen(PLAN)
    assert found == [1, 1] and plan_screen.header.fixes.isVisible()  # type: ignore[attr-defined]
