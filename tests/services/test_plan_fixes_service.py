"""Fixes offered for a plan that does not fit, applied through services (a real SQLite file)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from studyplanner.core.model import Availability
from studyplanner.services.database import Database, open_database
from studyplanner.services.plan_fixes import (
    FixKind,
    active_plan_fixes,
    apply_plan_fix,
    new_plan_fixes,
)
from studyplanner.services.plans import active_plan, create_plan, suggest_terms
from studyplanner.services.snapshots import NewPlan, PlanSettings

TODAY = date(2026, 11, 27)
START = date(2027, 1, 4)
PART_TIME = Availability((240, 240, 240, 240, 240, 240, 0))


@pytest.fixture
def db(data_dir: Path) -> Database:
    database = open_database(data_dir)
    yield database  # type: ignore[misc]
    database.close()


def _degree(availability: Availability = PART_TIME) -> NewPlan:
    terms = suggest_terms("associate-degree-hit", START)
    settings = PlanSettings(START, availability, target=terms[-1].end, terms=terms)
    return NewPlan(settings, template_id="associate-degree-hit")


def test_new_plan_fix_spreading_the_degree_creates_a_plan_that_fits(db: Database) -> None:
    offers = {o.kind: o for o in new_plan_fixes(_degree(), TODAY)}
    assert set(offers) == {FixKind.STUDY_MORE, FixKind.SPREAD_TERMS}
    spread = offers[FixKind.SPREAD_TERMS]
    assert spread.preview.schedule.verdict.fits and spread.new_plan is not None
    plan = create_plan(db, spread.new_plan, TODAY)
    assert plan.schedule.verdict.fits
    assert plan.track.term_count == 4 + spread.extra_terms == len(plan.settings.terms)
    assert max(m.term or 0 for m in plan.track.modules) == plan.track.term_count


def test_active_plan_fixes_apply_and_fit(db: Database) -> None:
    create_plan(db, _degree(), TODAY)
    plan = active_plan(db, TODAY)
    assert plan is not None and not plan.schedule.verdict.fits
    offers = {o.kind: o for o in active_plan_fixes(db, TODAY)}
    assert set(offers) == {FixKind.STUDY_MORE, FixKind.SPREAD_TERMS}
    spread = apply_plan_fix(db, offers[FixKind.SPREAD_TERMS], TODAY)
    assert spread.schedule.verdict.fits
    assert spread.track.term_count == len(spread.settings.terms) > 4
    assert spread.baselines[-1].note == "Fix: spread over more terms"
    assert active_plan_fixes(db, TODAY) == ()


def test_active_plan_fix_study_more(db: Database) -> None:
    create_plan(db, _degree(), TODAY)
    offer = next(o for o in active_plan_fixes(db, TODAY) if o.kind is FixKind.STUDY_MORE)
    plan = apply_plan_fix(db, offer, TODAY)
    assert plan.schedule.verdict.fits
    assert plan.settings.availability.weekly_minutes == offer.weekly_minutes
    assert plan.track.term_count == 4


def test_cpc_move_target(db: Database) -> None:
    evenings = Availability((90, 90, 90, 90, 90, 240, 0))
    settings = PlanSettings(START, evenings, target=START + timedelta(days=365))
    create_plan(db, NewPlan(settings, template_id="cpc-certificate-program"), TODAY)
    offer = next(o for o in active_plan_fixes(db, TODAY) if o.kind is FixKind.MOVE_TARGET)
    plan = apply_plan_fix(db, offer, TODAY)
    assert plan.schedule.verdict.fits and plan.settings.target == offer.target


def test_an_exam_no_day_can_hold_is_fixed_by_freeing_saturday(db: Database) -> None:
    """The CPC exam is one 4-hour sitting: with a 3-hour Saturday no day holds it; the fix
    frees Saturday for it, and the exam then sits whole on one Saturday."""
    evenings = Availability((90, 90, 90, 90, 90, 180, 0))
    settings = PlanSettings(START, evenings, target=START + timedelta(days=600))
    create_plan(db, NewPlan(settings, template_id="cpc-certificate-program"),
                TODAY)  # fmt: skip
    plan = active_plan(db, TODAY)
    assert plan is not None and plan.schedule.verdict.sittings_too_long
    offer = next(o for o in active_plan_fixes(db, TODAY) if o.kind is FixKind.FREE_SATURDAY)
    fixed = apply_plan_fix(db, offer, TODAY)
    assert fixed.schedule.verdict.fits and fixed.settings.availability.minutes[5] == 240
    exam = next(m for m in fixed.track.modules if m.title == "CPC exam")
    blocks = [b for b in fixed.schedule.blocks if b.module_id == exam.id]
    assert len(blocks) == 1 and blocks[0].minutes == 240 and blocks[0].day.weekday() == 5
