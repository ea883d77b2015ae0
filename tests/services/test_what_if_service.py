"""The live what-if's service: re-planned in memory, kept as settings and a baseline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from studyplanner.core.model import Availability
from studyplanner.services.database import Database, open_database
from studyplanner.services.plans import active_plan, create_plan, preview_plan_change
from studyplanner.services.snapshots import NewPlan, PlanChange, PlanSettings
from studyplanner.services.study_log import set_completion
from studyplanner.services.what_if import (
    keep_what_if,
    saved_what_if,
    what_if_problems,
    what_if_request,
    what_if_schedule,
    what_if_settings,
)

TODAY = date(2027, 3, 1)
WEEK = Availability((90, 90, 90, 90, 0, 240, 0))


@pytest.fixture
def db(data_dir: Path) -> Database:
    database = open_database(data_dir)
    settings = PlanSettings(start=date(2027, 1, 4), availability=WEEK, target=date(2028, 6, 30))
    create_plan(database, NewPlan(settings, template_id="cpc-certificate-program"), TODAY)
    yield database  # type: ignore[misc]
    database.close()


def test_untouched_what_if_is_the_saved_plan(db: Database) -> None:
    plan = active_plan(db, TODAY)
    assert plan is not None
    what = saved_what_if(plan.settings)
    assert what.weekly_minutes == 600 and what.target == date(2028, 6, 30)
    assert what.days_on == (True, True, True, True, False, True, False)
    assert what_if_settings(plan.settings, what) is plan.settings


def test_what_if_schedule_is_the_preview_of_the_same_settings(db: Database) -> None:
    plan = active_plan(db, TODAY)
    assert plan is not None
    for what in (
        replace(saved_what_if(plan.settings), weekly_minutes=300),
        replace(saved_what_if(plan.settings), target=date(2027, 9, 1)),
        replace(saved_what_if(plan.settings), target=None, weekly_minutes=420),
        replace(saved_what_if(plan.settings), days_on=(True,) * 7),
    ):
        settings = what_if_settings(plan.settings, what)
        if settings.target is not None:
            assert settings.availability.weekly_minutes == what.weekly_minutes
        else:
            assert settings.weekly_minutes == what.weekly_minutes
        tried = what_if_schedule(what_if_request(plan, TODAY), settings, plan.schedule)
        preview = preview_plan_change(db, PlanChange(settings=settings), TODAY)
        assert tried == preview.schedule


def test_no_study_day_is_a_verdict_not_an_error(db: Database) -> None:
    plan = active_plan(db, TODAY)
    assert plan is not None
    for target in (plan.settings.target, None):
        what = replace(saved_what_if(plan.settings), target=target, days_on=(False,) * 7)
        settings = what_if_settings(plan.settings, what)
        schedule = what_if_schedule(what_if_request(plan, TODAY), settings, plan.schedule)
        assert schedule.verdict.kind.value == "impossible" and schedule.finish is None
        assert what_if_problems(settings, TODAY)  # and it cannot be kept


def test_keep_saves_settings_and_a_baseline_and_never_moves_done_work(db: Database) -> None:
    plan = active_plan(db, TODAY)
    assert plan is not None
    first = plan.track.modules[0]
    set_completion(db, first.id, date(2027, 2, 1), None, TODAY)
    plan = active_plan(db, TODAY)
    assert plan is not None
    what = replace(saved_what_if(plan.settings), weekly_minutes=900, target=date(2028, 1, 31))
    settings = what_if_settings(plan.settings, what)
    tried = what_if_schedule(what_if_request(plan, TODAY), settings, plan.schedule)
    kept = keep_what_if(db, settings, TODAY)
    assert kept.settings == settings
    assert [b.number for b in kept.baselines] == [1, 2]
    assert kept.baselines[-1].note == "What-if kept"
    assert kept.schedule.finish == tried.finish
    done = kept.schedule.module(first.id)
    assert done.done and done.due == date(2027, 2, 1)
