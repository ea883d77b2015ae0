"""The Dashboard's one headline on a real database: never "ahead" beside a late forecast, its
fix one click away and previewed, and one weekly figure shared with the catch-up dialog."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studyplanner.core.headline import NextAction, Situation
from studyplanner.core.model import Availability
from studyplanner.services import credentials as creds
from studyplanner.services.database import Database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.plans import create_plan
from studyplanner.services.progress import log_session, mark_done
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.ui.dashboard.dashboard_screen import DashboardScreen
from studyplanner.ui.plan import replan_dialog
from studyplanner.ui.plan.replan_dialog import RAISE, ReplanDialog
from studyplanner.ui.shared import preview_dialog
from studyplanner.ui.shared.formatting import format_date, format_hours

START = date(2026, 10, 5)  # a Monday, eight weeks before the fixed today (Friday 27 Nov 2026)
HOURS = re.compile(r"\d[\d,.]* h(?: \d+ min)?\b|\b\d+ min\b")
"""A duration in the one style (core/durations.py): "45 min", "6 h", "11 h 30 min"."""


def _plan(db: Database, availability: tuple[int, ...] = (90, 90, 90, 90, 0, 240, 0)) -> list[int]:
    settings = PlanSettings(
        start=START, availability=Availability(availability), weekly_minutes=600
    )  # type: ignore[arg-type]
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), START)
    plan = active_plan(db, START)
    assert plan is not None
    return [m.id for m in plan.track.modules]


def _screen(qtbot: QtBot, db: Database, day: date) -> DashboardScreen:
    screen = DashboardScreen(db, lambda: day)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitExposed(screen)
    screen.refresh()
    return screen


def test_work_ahead_of_the_plan_with_a_late_forecast_is_late_not_ahead(
    qtbot: QtBot, db: Database, today: date
) -> None:
    """Much done early, then almost nothing: more done than planned to date, but at this pace
    the finish is years away. The old card said "N days ahead" beside that forecast."""
    modules = _plan(db)
    for module in modules[:6]:
        mark_done(db, module, START + timedelta(days=5), None, START + timedelta(days=5))
    log_session(db, modules[6], today - timedelta(days=1), 15, "", today)
    screen = _screen(qtbot, db, today)
    snapshot = screen.snapshot()
    assert snapshot is not None and snapshot.headline is not None
    assert snapshot.hours_done > snapshot.hours_planned_to_date  # ahead of the baseline's work
    assert snapshot.forecast_finish is not None and snapshot.baseline_finish is not None
    assert snapshot.forecast_finish > snapshot.baseline_finish
    status = screen.progress_card.status.word.text()
    assert "ahead" not in status and "On plan" not in status
    assert "late" in status
    sentence = screen.headline.sentence.text()
    assert format_date(snapshot.forecast_finish) in sentence
    assert "after the planned finish" in sentence
    assert screen.headline.action_button.isVisibleTo(screen)


def test_the_headline_fix_is_previewed_and_shows_the_dialogs_one_weekly_figure(
    qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Behind with all the week's time already planned: keeping the finish date needs more a
    week. The headline, its button, the catch-up dialog's choice and its verdict all say the
    same figure (once 12 h 05, about 11.5 h and 12.1 h for one quantity)."""
    modules = _plan(db, (90, 90, 90, 90, 0, 240, 0))
    log_session(db, modules[0], today - timedelta(days=2), 60, "", today)
    screen = _screen(qtbot, db, today)
    snapshot = screen.snapshot()
    assert snapshot is not None and snapshot.headline is not None
    h = snapshot.headline
    assert h.situation is Situation.LATE and h.next_action is NextAction.STUDY_MORE
    assert h.weekly_minutes_needed is not None
    needed = format_hours(h.weekly_minutes_needed)
    button = screen.headline.action_button
    assert needed in button.text() and needed in screen.headline.sentence.text()
    assert snapshot.catch_up is not None  # this learner's fix raises the availability
    assert set(HOURS.findall(button.toolTip())) == {needed}, button.toolTip()  # the same figure
    assert button.accessibleName()
    # the catch-up dialog: the choice and the verdict under it give the same figure
    dialog = ReplanDialog(db, today)
    qtbot.addWidget(dialog)
    dialog.choose(RAISE)
    raise_text = dialog.details[RAISE].text()
    assert raise_text.startswith(f"Study {needed} a week")
    figures = set(HOURS.findall(dialog.verdict.text()))
    assert figures == {needed}, dialog.verdict.text()
    raised = dialog.previews[RAISE]
    assert raised is not None and raised.schedule.finish is not None
    assert snapshot.baseline_finish is not None
    assert raised.schedule.finish <= snapshot.baseline_finish  # keeps the finish date
    # the button previews before anything changes; accepting applies that same figure
    shown: list[object] = []

    def accept(preview: object, current: object, parent: object = None, *a: object) -> bool:
        shown.append(preview)
        return True

    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", accept)
    monkeypatch.setattr(replan_dialog.ReplanDialog, "ask", accept)
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    plan = active_plan(db, today)
    assert plan is not None and plan.schedule.verdict.weekly_minutes_used == h.weekly_minutes_needed
    assert len(plan.baselines) == 2


def test_the_most_urgent_ceu_deadline_sits_at_the_top_with_or_without_a_plan(
    qtbot: QtBot, db: Database, today: date
) -> None:
    """A cycle ending in 20 days with 36 CEUs missing comes before the plan's exam; its button
    asks to log a CEU activity for that cycle. A coder without a plan sees it too."""
    creds.add_credential(
        db, "CPC", date(2024, 12, 17), today, cycle_start=date(2024, 12, 17),
        cycle_end=today + timedelta(days=20), required=Decimal(36),
    )  # fmt: skip
    cycle = creds.ceu_statuses(db, today)[0].cycle_id
    screen = _screen(qtbot, db, today)
    assert screen.stack.currentIndex() == 0  # no plan yet
    assert screen.build_reminders() is not None
    banner = screen.empty_deadline
    assert banner.isVisibleTo(screen) and banner.deadline.isVisibleTo(screen)
    assert "CPC" in banner.deadline.text() and "36 CEUs missing" in banner.deadline.text()
    assert format_date(today + timedelta(days=20)) in banner.deadline.text()
    with qtbot.waitSignal(screen.ceu_activity_requested) as asked:
        qtbot.mouseClick(banner.deadline_button, Qt.MouseButton.LeftButton)
    assert asked.args == [cycle]
    _plan(db)
    screen.refresh()
    top = screen.headline
    assert top.isVisibleTo(screen) and "CPC" in top.deadline.text()
    assert top.deadline_button.accessibleName() == "Log a CEU activity for CPC"


def test_every_estimate_logged_asks_to_mark_the_modules_complete_not_well_done(
    qtbot: QtBot, db: Database, today: date
) -> None:
    """A learner who logged the full estimate of every module (the exam's included) without
    ticking any was told "Every module is done: well done!" beside reminders that modules are
    overdue. The headline now says how many are still to be marked, and its button opens the
    Modules screen; marking them all is what finishes."""
    from studyplanner.services.plan_reader import active_plan as read_plan
    from studyplanner.ui.window.main_window import MODULES, MainWindow

    _plan(db)
    plan = read_plan(db, today)
    assert plan is not None
    day = START
    for module in plan.track.modules:  # at most 8 h a day, on the days before today
        left = module.minutes
        while left > 0:
            chunk = min(left, 480)
            log_session(db, module.id, day, chunk, "", today)
            left -= chunk
            day = day + timedelta(days=1) if day < today - timedelta(days=1) else START
    window = MainWindow(db, lambda: today)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    dashboard = window.dashboard
    snapshot = dashboard.snapshot()
    assert snapshot is not None and snapshot.headline is not None
    assert snapshot.headline.situation is Situation.ALL_LOGGED
    count = len(plan.track.modules)
    sentence = dashboard.headline.sentence.text()
    assert "well done" not in sentence
    assert f"{count} modules not marked yet" in sentence
    assert dashboard.progress_card.status.word.text() == "All the time logged"
    button = dashboard.headline.action_button
    assert button.isVisibleTo(window) and button.text() == "Mark modules complete…"
    assert button.accessibleName() == "Open the Modules screen to mark modules complete"
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # from the keyboard
    assert window.sidebar.currentRow() == MODULES
    for module in plan.track.modules:
        mark_done(db, module.id, today, None, today)
    dashboard.refresh()
    snapshot = dashboard.snapshot()
    assert snapshot is not None and snapshot.headline is not None
    assert snapshot.headline.situation is Situation.FINISHED
    assert dashboard.headline.sentence.text() == "Every module is done: well done!"
