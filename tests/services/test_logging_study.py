"""Study sessions, the stored timer and completions against a real SQLite file."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from studyplanner.core.model import Availability
from studyplanner.core.validation import InvalidInput
from studyplanner.services.database import Database, open_database
from studyplanner.services.plans import apply_plan_change, create_plan
from studyplanner.services.progress import (
    current_timer,
    delete_session,
    list_sessions,
    log_session,
    mark_done,
    module_statuses,
    pause_timer,
    progress,
    progress_series,
    reopen,
    restore_session,
    resume_timer,
    start_timer,
    stop_timer,
    update_session,
)
from studyplanner.services.snapshots import ModuleDraft, NewPlan, PlanChange, PlanSettings

TODAY = date(2027, 2, 1)


@pytest.fixture
def db(data_dir: Path) -> Database:
    database = open_database(data_dir)
    settings = PlanSettings(
        start=date(2027, 1, 4), availability=Availability((60,) * 7), weekly_minutes=420
    )
    create_plan(database, NewPlan(settings=settings, template_id="ccs-exam-prep"), date(2027, 1, 1))
    yield database  # type: ignore[misc]
    database.close()


def _first(db: Database) -> int:
    return module_statuses(db, TODAY)[0].id


def test_log_edit_delete_and_undo(db: Database) -> None:
    module = _first(db)
    info = log_session(db, module, date(2027, 1, 5), 45, " chapter 1 ", TODAY)
    assert info.note == "chapter 1" and info.module_title
    changed = update_session(db, info.id, module, date(2027, 1, 6), 50, "ch 1-2", TODAY)
    assert (changed.day, changed.minutes) == (date(2027, 1, 6), 50)
    deleted = delete_session(db, info.id)
    assert list_sessions(db) == ()
    restore_session(db, deleted)
    assert list_sessions(db) == (deleted,)
    assert module_statuses(db, TODAY)[0].minutes_logged == 50


def test_bad_sessions_write_nothing(db: Database) -> None:
    module = _first(db)
    with pytest.raises(InvalidInput) as info:
        log_session(db, module, TODAY + timedelta(days=1), 0, "", TODAY)
    assert info.value.for_field("day") and info.value.for_field("minutes")
    with pytest.raises(InvalidInput):
        log_session(db, 99999, TODAY, 30, "", TODAY)
    assert list_sessions(db) == ()


def test_the_timer_survives_reopening_and_logs_what_it_counted(
    db: Database, data_dir: Path
) -> None:
    module = _first(db)
    start = datetime(2027, 2, 1, 18, 0)
    start_timer(db, module, start)
    with pytest.raises(InvalidInput, match="already on"):
        start_timer(db, module, start)
    pause_timer(db, start + timedelta(minutes=20))
    db.close()
    again = open_database(data_dir)  # the window was closed: the timer is still there
    timer = current_timer(again)
    assert timer is not None and not timer.running and timer.banked_seconds == 20 * 60
    resume_timer(again, start + timedelta(hours=1))
    assert current_timer(again).elapsed_seconds(start + timedelta(hours=1, minutes=25)) == 45 * 60  # type: ignore[union-attr]
    logged = stop_timer(again, start + timedelta(hours=1, minutes=25), TODAY)
    assert logged is not None and logged.minutes == 45 and logged.day == TODAY
    assert current_timer(again) is None
    start_timer(again, module, start)
    assert stop_timer(again, start + timedelta(seconds=20), TODAY) is None  # under a minute
    again.close()


def test_completion_score_and_reopen(db: Database) -> None:
    statuses = module_statuses(db, TODAY)
    exam = next(s for s in statuses if s.kind.is_exam)
    done = mark_done(db, exam.id, date(2027, 1, 20), 76.5, TODAY)
    assert done.status == "done" and done.score == 76.5
    with pytest.raises(InvalidInput, match="0 to 100"):
        mark_done(db, exam.id, date(2027, 1, 20), 120, TODAY)
    with pytest.raises(InvalidInput, match="Only exams"):
        mark_done(db, statuses[0].id, date(2027, 1, 20), 50, TODAY)
    snapshot = progress(db, TODAY)
    assert snapshot is not None and snapshot.exam_scores[0].score == 76.5
    assert reopen(db, exam.id, TODAY).status in ("not_started", "overdue")


def test_overdue_and_in_progress_statuses(db: Database) -> None:
    first = module_statuses(db, TODAY)[0]
    assert first.due is not None and first.due < TODAY
    assert first.status == "overdue"
    log_session(db, first.id, date(2027, 1, 4), 30, "", TODAY)
    early = module_statuses(db, date(2027, 1, 4))[0]
    assert early.status == "in_progress"


def test_a_module_with_logged_study_cannot_be_removed_silently(db: Database) -> None:
    statuses = module_statuses(db, TODAY)
    log_session(db, statuses[0].id, date(2027, 1, 5), 30, "", TODAY)
    keep = tuple(ModuleDraft(s.id, s.title, s.kind, s.minutes_estimated) for s in statuses[1:])
    with pytest.raises(InvalidInput, match="study sessions logged"):
        apply_plan_change(db, PlanChange(modules=keep), TODAY)


def test_series_for_the_charts(db: Database) -> None:
    module = _first(db)
    for i in range(10):
        log_session(db, module, date(2027, 1, 4) + timedelta(days=i), 60, "", TODAY)
    series = progress_series(db, TODAY)
    assert series is not None
    assert series.burn_up[0].planned_hours <= series.burn_up[-1].planned_hours
    past = [p for p in series.burn_up if p.actual_hours is not None]
    assert past and past[-1].actual_hours == 10.0
    assert sum(m for _, m in series.weekly_minutes) == 600
    assert series.forecast and series.forecast[0][0] == TODAY


def test_the_dashboards_one_read_gives_the_same_figures_and_series(db: Database) -> None:
    """progress_and_series (the Dashboard's refresh: one read) equals progress and then
    progress_series (two reads), with sessions, a completion and a practice score."""
    from studyplanner.services.progress import progress_and_series

    module = _first(db)
    for i in range(10):
        log_session(db, module, date(2027, 1, 4) + timedelta(days=i), 60, "", TODAY)
    mark_done(db, module, date(2027, 1, 20), None, TODAY)
    both = progress_and_series(db, TODAY)
    assert both is not None
    snapshot = progress(db, TODAY)
    assert both == (snapshot, progress_series(db, TODAY, snapshot))
