"""The career roadmap on a real SQLite file: the dated plan it shows is the plan creation makes,
it starts after the active plan, and passing the goal's exam adds the credential into the
shared cycle of the credentials held."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from studyplanner.core.model import Availability, Blackout, ModuleKind
from studyplanner.core.roadmap import CycleEffect
from studyplanner.services import credentials as creds
from studyplanner.services.changes import Changes
from studyplanner.services.database import Database, open_database
from studyplanner.services.plans import active_plan, create_plan
from studyplanner.services.progress import mark_done
from studyplanner.services.roadmap import (
    USUAL_WEEK,
    career_roadmap,
    create_goal_plan,
    preview_goal_plan,
)
from studyplanner.services.snapshots import NewPlan, PlanSettings

TODAY = date(2026, 12, 3)
WEEK = Availability((60, 60, 60, 60, 60, 300, 0))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


def _cpc_plan(db: Database) -> None:
    settings = PlanSettings(start=TODAY, availability=WEEK, weekly_minutes=8 * 60)
    create_plan(db, NewPlan(settings=settings, template_id="cpc-exam-prep-experienced"), TODAY)


def test_without_a_plan_the_usual_week_from_today(db: Database) -> None:
    road = career_roadmap(db, TODAY)
    assert (road.start, road.active_plan, road.active_finish) == (TODAY, None, None)
    assert road.week.availability == USUAL_WEEK
    cpc = road.entry("CPC")
    assert [t.template_id for t in cpc.tracks] == [
        "cpc-certificate-program",
        "cpc-exam-prep-experienced",
    ]
    assert cpc.ceus.after == Decimal(36) and cpc.ceus.effect is CycleEffect.NEW_CYCLE


def test_the_dated_plan_is_the_plan_creation_makes(db: Database) -> None:
    _cpc_plan(db)
    current = active_plan(db, TODAY)
    assert current is not None and current.schedule.finish is not None
    road = career_roadmap(db, TODAY)
    assert (road.start - current.schedule.finish).days == 1  # after the active plan
    assert road.active_plan == current.track.name and road.week.weekly_minutes == 8 * 60
    shown = road.entry("CCS").tracks[0]
    new, preview = preview_goal_plan(db, "ccs-exam-prep", TODAY)
    assert preview.schedule == shown.schedule  # the very dates the roadmap showed
    snapshot, changes = create_goal_plan(db, new, TODAY, datetime(2026, 12, 3, 9), preview=preview)
    assert changes & Changes.PLAN
    assert snapshot.track.template_id == "ccs-exam-prep" and snapshot.track.goal_credential == "CCS"
    assert snapshot.settings.start == shown.start and snapshot.schedule.finish == shown.finish
    stored = [(m.start, m.due) for m in snapshot.schedule.modules]
    assert stored == [(m.start, m.due) for m in preview.schedule.modules]
    assert active_plan(db, TODAY) == snapshot


def test_a_degree_keeps_its_terms(db: Database) -> None:
    road = career_roadmap(db, TODAY)
    rhit = road.entry("RHIT").tracks[0]
    assert (
        rhit.weekly_minutes is None and len(rhit.terms) == 4 and rhit.target == rhit.terms[-1].end
    )
    _, preview = preview_goal_plan(db, "associate-degree-hit", TODAY)
    assert preview.schedule == rhit.schedule


def test_passing_the_goal_exam_adds_it_into_the_shared_cycle(db: Database) -> None:
    cca = creds.add_credential(db, "CCA", date(2025, 9, 14), TODAY)
    road = career_roadmap(db, TODAY)
    assert "CCA" not in [e.code for e in road.entries]
    ccs = road.entry("CCS")
    assert (ccs.ceus.before, ccs.ceus.after) == (Decimal(20), Decimal(30))
    assert ccs.ceus.effect is CycleEffect.JOINS_SHARED_CYCLE
    assert ccs.ceus.shared_cycle_end == cca.current.end
    new, preview = preview_goal_plan(db, "ccs-exam-prep", TODAY)
    plan, _ = create_goal_plan(db, new, TODAY, preview=preview)
    exam = next(m for m in plan.track.modules if m.kind is ModuleKind.EXAM)
    passed_on = plan.schedule.module(exam.id).due
    assert passed_on is not None and passed_on < cca.current.end
    mark_done(db, exam.id, passed_on, None, passed_on)
    goal = plan.track.goal_credential
    added = creds.add_credential(db, goal, passed_on, passed_on)
    assert added.current.end == cca.current.end  # the shared cycle, from the day it was earned
    assert added.current.start == passed_on
    statuses = creds.ceu_statuses(db, passed_on)
    assert {s.pool for s in statuses} == {("CCA", "CCS")}
    required = {s.label: s.required for s in statuses}
    assert required == {"CCA": Decimal(30), "CCS": Decimal(30)}  # 20 + 10, one shared total
    assert "CCS" not in [e.code for e in career_roadmap(db, passed_on).entries]


@pytest.mark.parametrize(
    "template_id",
    [
        "cpc-certificate-program",
        "cpc-exam-prep-experienced",
        "cca-facility-coding-program",
        "ccs-exam-prep",
        "associate-degree-hit",
    ],
)
def test_every_track_is_dated_as_plan_creation_dates_it(db: Database, template_id: str) -> None:
    """With the active plan's days off still ahead carried over (a holiday after its finish)."""
    holiday = Blackout(date(2027, 12, 20), date(2028, 1, 2), "Holidays")
    settings = PlanSettings(
        start=TODAY, availability=WEEK, weekly_minutes=8 * 60, blackouts=(holiday,)
    )
    create_plan(db, NewPlan(settings=settings, template_id="ccs-exam-prep"), TODAY)
    road = career_roadmap(db, TODAY)
    assert road.week.blackouts == (holiday,)
    shown = next(t for e in road.entries for t in e.tracks if t.template_id == template_id)
    new, preview = preview_goal_plan(db, template_id, TODAY)
    assert new.settings.blackouts == (holiday,) and new.settings.start == shown.start
    assert preview.schedule == shown.schedule
