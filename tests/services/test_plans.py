"""Plan use cases against a real SQLite file: create, reopen, preview, accept, validate."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from studyplanner.core.model import Availability, Blackout, ModuleKind
from studyplanner.core.validation import InvalidInput
from studyplanner.services.database import Database, open_database
from studyplanner.services.plans import (
    active_plan,
    apply_plan_change,
    create_plan,
    list_track_templates,
    preview_new_plan,
    preview_plan_change,
    suggest_terms,
    template_modules,
)
from studyplanner.services.snapshots import ModuleDraft, NewPlan, PlanChange, PlanSettings
from studyplanner.store import models

TODAY = date(2026, 11, 27)
EVENINGS = Availability((90, 90, 90, 90, 90, 180, 0))


@pytest.fixture
def db(data_dir: Path) -> Database:
    database = open_database(data_dir)
    yield database  # type: ignore[misc]
    database.close()


def _cpc() -> NewPlan:
    settings = PlanSettings(start=date(2027, 1, 4), availability=EVENINGS, weekly_minutes=10 * 60)
    return NewPlan(settings=settings, template_id="cpc-certificate-program")


def _count(db: Database, model: type) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_templates_are_listed_with_totals() -> None:
    templates = {t.id: t for t in list_track_templates()}
    assert "cpc-certificate-program" in templates
    cpc = templates["cpc-certificate-program"]
    assert cpc.module_count == len(template_modules(cpc.id))
    assert cpc.usual_months == (9, 20)
    assert templates["associate-degree-hit"].term_count == 4


def test_create_plan_copies_the_track_and_survives_reopening(data_dir: Path) -> None:
    db = open_database(data_dir)
    created = create_plan(db, _cpc(), TODAY, now=datetime(2026, 11, 27, 10, 0))
    db.close()
    reopened = open_database(data_dir)
    plan = active_plan(reopened, TODAY)
    reopened.close()
    assert plan is not None
    assert plan.id == created.id
    assert plan.track.template_id == "cpc-certificate-program"
    assert [m.title for m in plan.track.modules] == [m.title for m in created.track.modules]
    assert plan.schedule.finish == created.schedule.finish
    assert len(plan.schedule.blocks) == len(created.schedule.blocks) > 100
    assert [b.number for b in plan.baselines] == [1]
    # every module is scheduled, with dates, and prerequisites point at real module ids
    ids = {m.id for m in plan.track.modules}
    assert all(m.id > 0 for m in plan.track.modules)
    assert all(set(m.prerequisite_ids) <= ids for m in plan.track.modules)
    assert {m.module_id for m in plan.schedule.modules} == ids
    assert all(b.day >= date(2027, 1, 4) for b in plan.schedule.blocks)


def test_weekly_budget_is_respected_in_the_saved_plan(db: Database) -> None:
    plan = create_plan(db, _cpc(), TODAY)
    per_week: dict[tuple[int, int], int] = {}
    for block in plan.schedule.blocks:
        key = block.day.isocalendar()[:2]
        per_week[key] = per_week.get(key, 0) + block.minutes
    assert max(per_week.values()) <= 600


def test_invalid_settings_write_nothing(db: Database) -> None:
    bad = NewPlan(
        settings=PlanSettings(
            start=date(2027, 1, 4), availability=Availability((0,) * 7), target=date(2026, 1, 1)
        ),
        template_id="cpc-certificate-program",
    )
    with pytest.raises(InvalidInput) as info:
        create_plan(db, bad, TODAY)
    assert info.value.for_field("target") == "The target date is in the past."
    assert info.value.for_field("availability")
    assert _count(db, models.Track) == 0
    assert _count(db, models.Plan) == 0


def test_unknown_template_is_a_clear_error(db: Database) -> None:
    with pytest.raises(InvalidInput, match="no built-in track"):
        create_plan(db, NewPlan(settings=_cpc().settings, template_id="nope"), TODAY)


def test_target_mode_preview_says_whether_it_fits() -> None:
    exam_saturdays = Availability((90, 90, 90, 90, 90, 240, 0))  # a 4-hour exam fits
    roomy = NewPlan(
        settings=PlanSettings(
            start=date(2027, 1, 4), availability=exam_saturdays, target=date(2028, 6, 30)
        ),
        template_id="cpc-certificate-program",
    )
    preview = preview_new_plan(roomy, TODAY)
    assert preview.schedule.verdict.fits
    assert preview.schedule.finish is not None
    assert preview.schedule.finish <= date(2028, 6, 30)
    tight = NewPlan(
        settings=PlanSettings(
            start=date(2027, 1, 4), availability=EVENINGS, target=date(2027, 3, 1)
        ),
        template_id="cpc-certificate-program",
    )
    verdict = preview_new_plan(tight, TODAY).schedule.verdict
    assert not verdict.fits
    assert verdict.extra_minutes_per_week > 0
    assert verdict.suggested_target is not None and verdict.suggested_target > date(2027, 3, 1)


def test_degree_plan_uses_terms(db: Database) -> None:
    start = date(2027, 8, 23)
    terms = suggest_terms("associate-degree-hit", start)
    assert len(terms) == 4 and terms[0].start == start
    full_time = Availability((420, 420, 420, 420, 420, 300, 120))
    plan = create_plan(
        db,
        NewPlan(
            settings=PlanSettings(
                start=start, availability=full_time, target=date(2029, 8, 1), terms=terms
            ),
            template_id="associate-degree-hit",
        ),
        TODAY,
    )
    term_of = {m.id: m.term for m in plan.track.modules}
    bounds = {t.number: t for t in terms}
    for block in plan.schedule.blocks:
        term = term_of[block.module_id]
        assert term is not None
        if not plan.schedule.verdict.late_terms:
            assert bounds[term].start <= block.day <= bounds[term].end


def test_change_preview_lists_moves_and_accept_saves_a_new_baseline(db: Database) -> None:
    plan = create_plan(db, _cpc(), TODAY, now=datetime(2026, 11, 27, 10, 0))
    slower = PlanSettings(
        start=plan.settings.start,
        availability=plan.settings.availability,
        weekly_minutes=6 * 60,
        blackouts=(Blackout(date(2027, 7, 1), date(2027, 7, 14), "Vacation"),),
    )
    preview = preview_plan_change(db, PlanChange(settings=slower), TODAY)
    assert preview.schedule.finish is not None and plan.schedule.finish is not None
    assert preview.schedule.finish > plan.schedule.finish
    assert preview.moves and all(m.shift_days is None or m.shift_days >= 0 for m in preview.moves)
    # previewing wrote nothing
    assert active_plan(db, TODAY).baselines == plan.baselines  # type: ignore[union-attr]
    accepted = apply_plan_change(db, PlanChange(settings=slower), TODAY, note="Slower pace")
    assert [b.number for b in accepted.baselines] == [1, 2]
    assert accepted.baselines[-1].note == "Slower pace"
    assert accepted.schedule.finish == preview.schedule.finish
    assert accepted.settings.blackouts[0].label == "Vacation"
    assert not any(
        Blackout(date(2027, 7, 1), date(2027, 7, 14)).covers(b.day)
        for b in accepted.schedule.blocks
    )


def test_module_edits_rename_add_remove_reorder_reestimate(db: Database) -> None:
    plan = create_plan(db, _cpc(), TODAY)
    mods = list(plan.track.modules)
    drafts = [
        ModuleDraft(m.id, m.title, m.kind, m.minutes, m.prerequisite_ids, m.term, m.topic)
        for m in mods
    ]
    removed = drafts.pop(1)
    # nobody may keep requiring the removed module
    drafts = [
        ModuleDraft(
            d.ref,
            d.title,
            d.kind,
            d.minutes,
            tuple(p for p in d.prerequisite_refs if p != removed.ref),
            d.term,
            d.topic,
        )
        for d in drafts
    ]
    drafts[0] = ModuleDraft(drafts[0].ref, "Orientation (my copy)", drafts[0].kind, 120)
    drafts.insert(1, ModuleDraft(-1, "Extra review of the code books", ModuleKind.LESSON, 300))
    drafts[2], drafts[3] = drafts[3], drafts[2]
    change = PlanChange(modules=tuple(drafts), track_name="My CPC plan")
    after = apply_plan_change(db, change, TODAY)
    titles = [m.title for m in after.track.modules]
    assert titles[0] == "Orientation (my copy)"
    assert titles[1] == "Extra review of the code books"
    assert removed.title not in titles
    assert after.track.name == "My CPC plan"
    assert after.track.modules[0].minutes == 120
    assert len(after.track.modules) == len(mods)
    new_id = after.track.modules[1].id
    assert new_id > 0 and after.schedule.module(new_id).due is not None
    # the template itself is untouched: a new plan from it has the original titles
    assert template_modules("cpc-certificate-program")[0].title == mods[0].title


def test_invalid_module_edit_writes_nothing(db: Database) -> None:
    plan = create_plan(db, _cpc(), TODAY)
    first = plan.track.modules[0]
    bad = PlanChange(modules=(ModuleDraft(first.id, "  ", first.kind, -5),))
    with pytest.raises(InvalidInput) as info:
        apply_plan_change(db, bad, TODAY)
    assert any("title" in p.field for p in info.value.problems)
    assert any("hours" in p.field for p in info.value.problems)
    again = active_plan(db, TODAY)
    assert again is not None and len(again.track.modules) == len(plan.track.modules)
    assert len(again.baselines) == 1


def test_custom_track_from_scratch(db: Database) -> None:
    new = NewPlan(
        settings=PlanSettings(
            start=TODAY + timedelta(days=3), availability=EVENINGS, weekly_minutes=300
        ),
        custom_name="My own CPC review",
        custom_modules=(
            ModuleDraft(-1, "Terminology refresh", ModuleKind.LESSON, 600),
            ModuleDraft(-2, "Practice exam 1", ModuleKind.PRACTICE_EXAM, 240, (-1,)),
        ),
    )
    plan = create_plan(db, new, TODAY)
    assert plan.track.template_id is None
    assert plan.track.name == "My own CPC review"
    first, second = plan.track.modules
    assert second.prerequisite_ids == (first.id,)
    assert plan.schedule.module(second.id).start >= plan.schedule.module(first.id).due  # type: ignore[operator]
