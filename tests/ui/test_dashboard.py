"""The Dashboard on a real database: today's blocks, the week, progress against the baseline,
catch-up choices previewed before saving, and the charts drawn from the palette."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from studyplanner.core.model import Availability, ModuleKind
from studyplanner.services.database import Database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.plans import create_plan
from studyplanner.services.progress import log_session, mark_done
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.services.study_log import list_sessions
from studyplanner.ui.dashboard.dashboard_screen import DashboardScreen
from studyplanner.ui.dashboard.progress_charts import WEEKS_SHOWN
from studyplanner.ui.plan import replan_dialog
from studyplanner.ui.plan.replan_dialog import DAYS_OFF, MOVE, RAISE, ReplanDialog

START = date(2026, 10, 5)  # a Monday, eight weeks before the fixed today (Friday 27 Nov 2026)
STUDY_DAY = date(2026, 11, 26)  # a Thursday with a planned block


def _plan(db: Database, created: date) -> list[int]:
    settings = PlanSettings(
        start=START,
        availability=Availability((90, 90, 90, 90, 0, 240, 0)),
        weekly_minutes=600,
    )
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), created)
    plan = active_plan(db, created)
    assert plan is not None
    return [m.id for m in plan.track.modules]


def _screen(qtbot: QtBot, db: Database, day: date) -> DashboardScreen:
    screen = DashboardScreen(db, lambda: day)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.refresh()
    return screen


def _on_plan(db: Database, modules: list[int], until: date) -> None:
    """Log exactly what the baseline planned before `until`."""
    plan = active_plan(db, until)
    assert plan is not None
    for block in plan.schedule.blocks:
        if block.day < until:
            log_session(db, block.module_id, block.day, block.minutes, "", until)


def test_without_a_plan_it_offers_the_assistant(qtbot: QtBot, db: Database, today: date) -> None:
    screen = _screen(qtbot, db, today)
    assert screen.stack.currentIndex() == 0
    assert screen.snapshot() is None
    with qtbot.waitSignal(screen.assistant_requested):
        qtbot.mouseClick(screen.assistant_button, Qt.MouseButton.LeftButton)


def test_today_blocks_emit_timer_and_log_requests(qtbot: QtBot, db: Database) -> None:
    modules = _plan(db, START)
    screen = _screen(qtbot, db, STUDY_DAY)
    snapshot = screen.snapshot()
    assert snapshot is not None and snapshot.today_blocks
    card = screen.today_card
    assert len(card.timer_buttons) == len(snapshot.today_blocks)
    assert not card.empty.isVisibleTo(card)
    module_id = snapshot.today_blocks[0][0]
    assert module_id in modules
    with qtbot.waitSignal(screen.timer_requested) as started:
        qtbot.mouseClick(card.timer_buttons[0], Qt.MouseButton.LeftButton)
    assert started.args == [module_id]
    assert card.timer_buttons[0].accessibleName().startswith("Start the timer on ")


def test_log_opens_on_the_blocks_minutes_and_stays_on_the_dashboard(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studyplanner.ui.study import session_dialog

    _plan(db, START)
    screen = _screen(qtbot, db, STUDY_DAY)
    snapshot = screen.snapshot()
    assert snapshot is not None
    module_id, title, minutes = snapshot.today_blocks[0]
    opened: list[int] = []

    def answer(dialog: session_dialog.SessionDialog) -> int:
        opened.append(dialog.minutes.value())
        assert dialog.module.currentData() == module_id
        dialog.minutes.setValue(minutes - 15)  # studied a little less
        return session_dialog.QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(session_dialog.SessionDialog, "exec", answer)
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(screen.today_card.log_buttons[0], Qt.MouseButton.LeftButton)
    assert opened == [minutes]  # the block's minutes, not a default
    assert list_sessions(db)[0].minutes == minutes - 15
    assert screen.logged_row.isVisibleTo(screen)
    assert title in screen.logged_message.text()


def test_done_as_planned_logs_the_block_once_and_undo_takes_it_back(
    qtbot: QtBot, db: Database
) -> None:
    _plan(db, START)
    screen = _screen(qtbot, db, STUDY_DAY)
    snapshot = screen.snapshot()
    assert snapshot is not None
    module_id, title, minutes = snapshot.today_blocks[0]
    card = screen.today_card
    done = card.done_buttons[0]
    assert done.accessibleName().startswith("Log ") and title in done.accessibleName()
    week_before = snapshot.week_done_minutes
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(done, Qt.MouseButton.LeftButton)
    [session] = list_sessions(db)
    assert (session.module_id, session.day, session.minutes) == (module_id, STUDY_DAY, minutes)
    after = screen.snapshot()
    assert after is not None and after.week_done_minutes == week_before + minutes
    assert not card.done_buttons[0].isEnabled()  # logged: a second click cannot double it
    assert card.done_buttons[0].text() == "Done"
    assert screen.undo_log_button.isVisibleTo(screen)
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(screen.undo_log_button, Qt.MouseButton.LeftButton)
    assert list_sessions(db) == ()
    assert card.done_buttons[0].isEnabled()
    assert not screen.undo_log_button.isVisibleTo(screen)


def test_a_day_without_study_says_so(qtbot: QtBot, db: Database, today: date) -> None:
    _plan(db, START)
    screen = _screen(qtbot, db, today)  # Friday: no study time in this plan
    assert screen.today_card.timer_buttons == []
    assert "Nothing planned today" in screen.today_card.empty.text()


def test_logging_moves_the_week_and_progress(qtbot: QtBot, db: Database) -> None:
    modules = _plan(db, START)
    screen = _screen(qtbot, db, STUDY_DAY)
    assert screen.week_card.words.text() == "0 min of 10 h"
    assert screen.week_card.bar.value() == 0
    before = screen.progress_card.done.value.text()
    log_session(db, modules[0], date(2026, 11, 23), 90, "", STUDY_DAY)
    log_session(db, modules[0], date(2026, 11, 24), 120, "", STUDY_DAY)
    screen.refresh()
    assert screen.week_card.words.text() == "3 h 30 min of 10 h"
    assert screen.week_card.bar.value() == 210
    assert screen.progress_card.done.value.text() != before
    assert screen.progress_card.done.value.text().startswith("3 h 30 min of ")


def test_behind_plan_offers_catch_up(qtbot: QtBot, db: Database, today: date) -> None:
    _plan(db, START)
    screen = _screen(qtbot, db, today)
    snapshot = screen.snapshot()
    assert snapshot is not None and snapshot.days_ahead < 0
    card = screen.progress_card
    assert card.status.word.text() == "8 weeks behind"  # 53 days, in the headline's words
    assert card.status.picture.pixmap() is not None  # an icon beside the words
    assert card.catch_up_button.isVisibleTo(screen)


def test_on_plan_hides_catch_up(qtbot: QtBot, db: Database, today: date) -> None:
    modules = _plan(db, START)
    _on_plan(db, modules, today)
    screen = _screen(qtbot, db, today)
    snapshot = screen.snapshot()
    assert snapshot is not None and snapshot.days_ahead >= 0
    assert "behind" not in screen.progress_card.status.word.text()
    assert not screen.progress_card.catch_up_button.isVisibleTo(screen)


def test_accepted_catch_up_refreshes_and_reports(
    qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    _plan(db, START)
    screen = _screen(qtbot, db, today)
    asked: list[date] = []

    def fake_ask(db_: Database, day: date, parent: object = None) -> bool:
        asked.append(day)
        return True

    monkeypatch.setattr(replan_dialog.ReplanDialog, "ask", fake_ask)
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(screen.progress_card.catch_up_button, Qt.MouseButton.LeftButton)
    assert asked == [today]


def test_replan_previews_each_choice_and_saves_a_baseline(
    qtbot: QtBot, db: Database, today: date
) -> None:
    _plan(db, START)
    plan = active_plan(db, today)
    assert plan is not None and plan.schedule.finish is not None
    dialog = ReplanDialog(db, today)
    qtbot.addWidget(dialog)
    previews = dialog.previews
    raised, moved, days_off = (previews[k] for k in (RAISE, MOVE, DAYS_OFF))
    assert raised is not None and moved is not None and days_off is not None
    assert raised.schedule.finish is not None and moved.schedule.finish is not None
    assert days_off.schedule.finish is not None
    # behind: keeping the minutes moves the finish later; raising them keeps it
    assert moved.schedule.finish > plan.schedule.finish
    assert raised.schedule.finish <= plan.schedule.finish
    assert days_off.schedule.finish > moved.schedule.finish
    assert "later" in dialog.details[MOVE].text()
    assert "later" not in dialog.details[RAISE].text()
    # moving the days off changes their preview
    dialog.last_day.setDate(dialog.last_day.date().addDays(14))
    longer = dialog.previews[DAYS_OFF]
    assert longer is not None and longer.schedule.finish is not None
    assert longer.schedule.finish > days_off.schedule.finish
    # nothing saved by previewing
    plan_now = active_plan(db, today)
    assert plan_now is not None and len(plan_now.baselines) == 1
    dialog.choose(MOVE)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = active_plan(db, today)
    assert saved is not None and len(saved.baselines) == 2
    assert saved.schedule.finish == moved.schedule.finish


def test_charts_hold_the_series(qtbot: QtBot, db: Database) -> None:
    modules = _plan(db, START)
    for i in range(10):
        log_session(db, modules[0], date(2026, 11, 2) + timedelta(days=i), 60, "", STUDY_DAY)
    plan = active_plan(db, STUDY_DAY)
    assert plan is not None
    exams = [m.id for m in plan.track.modules if m.kind is ModuleKind.PRACTICE_EXAM]
    mark_done(db, exams[0], date(2026, 11, 2), 64, STUDY_DAY)
    mark_done(db, exams[1], date(2026, 11, 16), 78, STUDY_DAY)
    screen = _screen(qtbot, db, STUDY_DAY)
    charts = screen.charts
    burn_up = {s.name(): s for s in charts.burn_up.chart().series()}
    assert set(burn_up) == {"Planned (baseline)", "Done", "Forecast at your pace"}
    planned, done = burn_up["Planned (baseline)"], burn_up["Done"]
    assert isinstance(planned, QLineSeries) and isinstance(done, QLineSeries)
    assert planned.count() > done.count() >= 8  # weeks since the start, then the plan ahead
    assert burn_up["Forecast at your pace"].count() == 2  # type: ignore[attr-defined]
    scores = {s.name(): s for s in charts.scores.chart().series()}
    assert scores["Score"].count() == 2  # type: ignore[attr-defined]
    assert "Pass mark 70 %" in scores
    (bars,) = charts.weekly.chart().series()
    assert isinstance(bars, QBarSeries)
    assert bars.barSets()[0].count() == WEEKS_SHOWN
    for view in (charts.burn_up, charts.scores, charts.weekly):
        assert view.accessibleName()
    exams_card = screen.exams_card
    assert "averaged 71 %" in exams_card.readiness.text()
    assert exams_card.status.word.text() == "Above the pass mark"


def test_charts_follow_a_dark_palette(qtbot: QtBot, db: Database) -> None:
    _plan(db, START)
    screen = _screen(qtbot, db, STUDY_DAY)
    dark = QPalette(screen.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor(30, 30, 34))
    dark.setColor(QPalette.ColorRole.WindowText, QColor(235, 235, 235))
    dark.setColor(QPalette.ColorRole.Mid, QColor(80, 80, 86))
    screen.setPalette(dark)
    for view in (screen.charts.burn_up, screen.charts.scores, screen.charts.weekly):
        chart = view.chart()
        assert chart.backgroundBrush().color() == QColor(30, 30, 34)
        assert chart.titleBrush().color() == QColor(235, 235, 235)
        for axis in chart.axes():
            assert axis.labelsBrush().color() == QColor(235, 235, 235)
            assert axis.gridLineColor() == QColor(80, 80, 86)


def test_a_plan_not_started_yet(qtbot: QtBot, db: Database, today: date) -> None:
    settings = PlanSettings(
        start=date(2027, 1, 4), availability=Availability((60,) * 7), weekly_minutes=420
    )
    create_plan(db, NewPlan(settings=settings, template_id="ccs-exam-prep"), today)
    screen = _screen(qtbot, db, today)
    assert screen.stack.currentIndex() == 1
    assert screen.progress_card.status.word.text() == "On plan"
    assert not screen.progress_card.catch_up_button.isVisibleTo(screen)
    assert screen.exams_card.status.word.text() == "No scores yet"
    assert screen.charts.scores.series_names() == []
    assert screen.charts.burn_up.series_names()[:2] == ["Planned (baseline)", "Done"]


def test_every_control_is_named(qtbot: QtBot, db: Database) -> None:
    _plan(db, START)
    screen = _screen(qtbot, db, STUDY_DAY)
    screen.show()
    unnamed = [
        type(w).__name__
        for w in screen.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.isVisibleTo(screen)
        and type(w).__name__ != "QScrollBar"
        and not w.accessibleName()
        and not getattr(w, "text", lambda: "")()
    ]
    assert unnamed == []
    dialog = ReplanDialog(db, STUDY_DAY)
    qtbot.addWidget(dialog)
    for w in dialog.findChildren(QWidget):
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and isinstance(w, QAbstractButton):
            assert w.accessibleName(), w.text()


def test_the_weekly_chart_starts_with_the_plan(qtbot: QtBot, db: Database) -> None:
    """A plan begun two weeks ago shows its three weeks, not five empty weeks before it."""
    _plan(db, START)
    screen = _screen(qtbot, db, START + timedelta(days=15))
    (bars,) = screen.charts.weekly.chart().series()
    assert bars.barSets()[0].count() == 3
