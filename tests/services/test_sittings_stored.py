"""Exam sittings through the store: marked on the copied modules, kept whole by re-plans, the
plan's allow-long-sittings setting saved, and one calendar event per exam (issue 12)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select

from studyplanner.core.model import Availability, ModuleKind
from studyplanner.services.calendar_export import write_ics
from studyplanner.services.database import Database, open_database
from studyplanner.services.plans import (
    active_plan,
    apply_plan_change,
    create_plan,
    preview_new_plan,
    preview_plan_change,
)
from studyplanner.services.snapshots import ModuleDraft, NewPlan, PlanChange, PlanSettings
from studyplanner.store import models

TODAY = date(2026, 11, 27)
START = date(2027, 1, 4)
WEEKDAY_HOUR = (60, 60, 60, 60, 60)


@pytest.fixture
def db(data_dir: Path) -> Database:
    database = open_database(data_dir)
    yield database  # type: ignore[misc]
    database.close()


def _settings(saturday: int, *, allow: bool = False) -> PlanSettings:
    week = Availability((*WEEKDAY_HOUR, saturday, 0))
    return PlanSettings(
        start=START,
        availability=week,
        weekly_minutes=week.weekly_minutes,
        allow_long_sittings=allow,
    )


def _plan(saturday: int, *, allow: bool = False) -> NewPlan:
    return NewPlan(_settings(saturday, allow=allow), template_id="cpc-exam-prep-experienced")


def _exam_blocks(plan_modules: dict[int, str], blocks: tuple) -> dict[str, list]:  # type: ignore[type-arg]
    out: dict[str, list] = {}  # type: ignore[type-arg]
    for b in blocks:
        if b.module_id in plan_modules:
            out.setdefault(plan_modules[b.module_id], []).append((b.day, b.minutes))
    return out


def test_the_copied_exams_are_sittings_and_each_is_one_block_on_a_saturday(db: Database) -> None:
    plan = create_plan(db, _plan(240), TODAY)
    sittings = {m.id: m.title for m in plan.track.modules if m.sitting}
    assert sorted(sittings.values()) == [
        "CPC exam",
        "Practice exam 1 (timed, 100 questions, 4 hours)",
        "Practice exam 2 (timed, exam conditions)",
    ]
    blocks = _exam_blocks(sittings, plan.schedule.blocks)
    assert set(blocks) == set(sittings.values())
    for title, [(day, minutes)] in blocks.items():
        assert minutes == 240 and day.weekday() == 5, title
    with db.transaction() as session:
        stored = dict(session.execute(select(models.Module.title, models.Module.sitting)).all())
    assert stored["CPC exam"] is True and stored["Review of practice exam 1"] is False


def test_no_day_holds_the_exam_the_saved_verdict_says_which_and_how_much(db: Database) -> None:
    plan = create_plan(db, _plan(120), TODAY)
    verdict = plan.schedule.verdict
    assert not verdict.fits
    assert {s.title for s in verdict.sittings_too_long} >= {"CPC exam"}
    assert all((s.minutes, s.longest_weekday, s.longest_minutes) == (240, 5, 120)
               for s in verdict.sittings_too_long)  # fmt: skip
    exam = next(m for m in plan.track.modules if m.title == "CPC exam")
    assert plan.schedule.module(exam.id).due is None  # not placed
    assert not [b for b in plan.schedule.blocks if b.module_id == exam.id]
    reread = active_plan(db, TODAY)  # the stored verdict reads back the same
    assert reread is not None and reread.schedule.verdict == verdict


def test_allowing_long_sittings_is_saved_and_places_the_exam_whole(db: Database) -> None:
    plan = create_plan(db, _plan(120, allow=True), TODAY)
    assert plan.settings.allow_long_sittings
    assert plan.schedule.verdict.sittings_too_long == () and plan.schedule.unscheduled == ()
    exam = next(m for m in plan.track.modules if m.title == "CPC exam")
    [block] = [b for b in plan.schedule.blocks if b.module_id == exam.id]
    assert block.minutes == 240  # beyond the day's 1 or 2 hours, alone on its day
    assert [b for b in plan.schedule.blocks if b.day == block.day] == [block]
    with db.transaction() as session:
        settings_json = session.scalars(select(models.Baseline.settings_json)).one()
    assert json.loads(settings_json)["allow_long_sittings"] is True
    # switching it off again in a re-plan is a change like any other
    changed = apply_plan_change(db, PlanChange(settings=_settings(120)), TODAY)
    assert not changed.settings.allow_long_sittings
    assert changed.schedule.module(exam.id).due is None


def test_a_replan_keeps_the_sittings_whole(db: Database) -> None:
    plan = create_plan(db, _plan(240), TODAY)
    drafts = tuple(
        ModuleDraft(m.id, m.title, m.kind, m.minutes, m.prerequisite_ids, m.term, m.topic,
                    m.sitting)
        for m in plan.track.modules
    )  # fmt: skip
    change = PlanChange(settings=_settings(300), modules=drafts)
    preview = preview_plan_change(db, change, TODAY)
    assert [m.sitting for m in preview.modules] == [m.sitting for m in plan.track.modules]
    later = apply_plan_change(db, change, TODAY)
    for m in later.track.modules:
        blocks = [b for b in later.schedule.blocks if b.module_id == m.id]
        if m.sitting:
            assert [b.minutes for b in blocks] == [240], m.title
    reread = active_plan(db, TODAY)
    assert reread is not None
    assert [m.sitting for m in reread.track.modules] == [m.sitting for m in plan.track.modules]


def test_a_custom_track_can_have_a_sitting() -> None:
    custom = NewPlan(
        _settings(180),
        custom_name="My exam",
        custom_modules=(
            ModuleDraft(-1, "Review", ModuleKind.LESSON, 300),
            ModuleDraft(-2, "Mock exam", ModuleKind.PRACTICE_EXAM, 180, (-1,), sitting=True),
        ),
    )
    schedule = preview_new_plan(custom, TODAY).schedule
    assert [(b.day.weekday(), b.minutes) for b in schedule.blocks if b.module_id == -2] == [
        (5, 180)
    ]


def test_the_calendar_shows_each_exam_as_one_event(db: Database, tmp_path: Path) -> None:
    plan = create_plan(db, _plan(240), TODAY)
    written = write_ics(db, tmp_path / "plan.ics", TODAY)
    events = list(Calendar.from_ical(written.path.read_bytes()).walk("VEVENT"))
    exam = [e for e in events if "CPC exam" in str(e["summary"])]
    assert len(exam) == 1
    [event] = exam
    assert str(event["summary"]) == "Exam: CPC exam"
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (end - start).total_seconds() == 4 * 3600
    cpc = next(m for m in plan.track.modules if m.title == "CPC exam")
    assert start.date() == plan.schedule.module(cpc.id).due or start.astimezone().date() == (
        plan.schedule.module(cpc.id).due
    )
    # the study blocks of other modules are still their own events
    assert any(str(e["summary"]).startswith("Study: ") for e in events)
