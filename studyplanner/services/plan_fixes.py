"""Fixes for a plan that does not fit: found in core (studyplanner.core.plan_fixes, each verified
by the scheduler), offered here as changed settings the assistant or the Plan screen can preview
and apply in one click.

For a plan being created, a fix is a changed NewPlan; for the active plan, a PlanChange applied
with apply_plan_fix (one transaction, a new baseline)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from studyplanner.core.model import PlanningError, PlanRequest, VerdictKind
from studyplanner.core.plan_fixes import FixKind, PlanFix, plan_fixes, study_more
from studyplanner.core.scheduler import schedule_plan
from studyplanner.services.database import Database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.plans import (
    CUSTOM_LABEL,
    apply_plan_change,
    module_moves,
    new_plan_parts,
    plan_request,
    preview_new_plan,
    preview_plan_change,
)
from studyplanner.services.snapshots import (
    ModuleDraft,
    ModuleInfo,
    NewPlan,
    PlanChange,
    PlanPreview,
    PlanSettings,
    PlanSnapshot,
)

__all__ = [
    "CatchUp",
    "FixKind",
    "PlanFixOffer",
    "active_plan_fixes",
    "apply_plan_fix",
    "catch_up",
    "keep_finish_settings",
    "new_plan_fixes",
    "weekly_time",
]


@dataclass(frozen=True, slots=True)
class PlanFixOffer:
    """One fix, ready to preview and apply.

    `weekly_minutes` is the week's study time the fix asks for, `target` the target after it
    (None for a weekly-budget plan), `extra_terms` how many terms a spread adds. `preview` is
    the plan after the fix (its verdict fits). Exactly one of `new_plan` (the assistant's plan
    with the fix) and `change` (for the active plan) is set."""

    kind: FixKind
    weekly_minutes: int
    target: date | None
    extra_terms: int
    preview: PlanPreview
    new_plan: NewPlan | None = None
    change: PlanChange | None = None


def _settings(settings: PlanSettings, request: PlanRequest) -> PlanSettings:
    return replace(
        settings,
        availability=request.availability,
        target=request.target,
        weekly_minutes=request.weekly_minutes,
        terms=request.terms,
    )


def _fixes(request: PlanRequest) -> tuple[PlanFix, ...]:
    try:
        return plan_fixes(request)
    except PlanningError:
        return ()


def new_plan_fixes(new: NewPlan, today: date) -> tuple[PlanFixOffer, ...]:
    """Fixes for the plan the assistant is about to create (none when it fits). Raises
    InvalidInput like preview_new_plan when the answers are not valid."""
    preview = preview_new_plan(new, today)
    if preview.schedule.verdict.fits:
        return ()
    modules, template = new_plan_parts(new)
    request = plan_request(
        modules,
        new.settings,
        today,
        template.usual_months if template else None,
        template.program_label if template else CUSTOM_LABEL,
    )
    offers = []
    for fix in _fixes(request):
        moved = dict(new.module_terms)
        moved.update(fix.module_terms)
        changed = replace(
            new,
            settings=_settings(new.settings, fix.request),
            module_terms=tuple(sorted(moved.items())) if moved else (),
        )
        after = preview_new_plan(changed, today)
        moves = module_moves(after.modules, preview.schedule, after.schedule, {})
        offers.append(
            PlanFixOffer(
                kind=fix.kind,
                weekly_minutes=fix.weekly_minutes,
                target=fix.target,
                extra_terms=fix.extra_terms,
                preview=replace(after, moves=moves),
                new_plan=changed,
            )
        )
    return tuple(offers)


def _draft(m: ModuleInfo, term: int | None) -> ModuleDraft:
    return ModuleDraft(
        ref=m.id,
        title=m.title,
        kind=m.kind,
        minutes=m.minutes,
        prerequisite_refs=m.prerequisite_ids,
        term=term,
        topic=m.topic,
    )


def _change(plan: PlanSnapshot, fix: PlanFix) -> PlanChange:
    settings = _settings(plan.settings, fix.request)
    if not fix.module_terms:
        return PlanChange(settings=settings)
    moved = dict(fix.module_terms)
    return PlanChange(
        settings=settings,
        modules=tuple(_draft(m, moved.get(m.id, m.term)) for m in plan.track.modules),
        term_count=len(fix.request.terms),
    )


def active_plan_fixes(
    db: Database, today: date, plan: PlanSnapshot | None = None
) -> tuple[PlanFixOffer, ...]:
    """Fixes for the active plan when it does not fit (none when it fits or there is none).
    `plan` is the active plan when the caller has just read it."""
    plan = plan or active_plan(db, today)
    if plan is None or plan.schedule.verdict.fits:
        return ()
    if plan.schedule.verdict.kind is VerdictKind.UNKNOWN:
        return ()  # the stored verdict cannot be read: re-planning, not a fix, is the way on
    request = plan_request(
        plan.track.modules,
        plan.settings,
        today,
        plan.track.usual_months,
        plan.schedule.verdict.program_label,
    )
    offers = []
    for fix in _fixes(request):
        change = _change(plan, fix)
        offers.append(
            PlanFixOffer(
                kind=fix.kind,
                weekly_minutes=fix.weekly_minutes,
                target=fix.target,
                extra_terms=fix.extra_terms,
                preview=preview_plan_change(db, change, today, plan),
                change=change,
            )
        )
    return tuple(offers)


def weekly_time(settings: PlanSettings) -> int:
    """The week's study time settings give: the availability, or the budget when smaller."""
    full = settings.availability.weekly_minutes
    return full if settings.weekly_minutes is None else min(full, settings.weekly_minutes)


def keep_finish_settings(plan: PlanSnapshot, today: date) -> PlanSettings:
    """The plan's settings aimed at the finish it keeps: the target, else the planned finish
    (four weeks from today when that has passed), as a target plan."""
    keep = plan.settings.target or plan.schedule.finish
    if keep is None or keep <= today:
        keep = today + timedelta(days=28)
    return replace(plan.settings, target=keep, weekly_minutes=None)


@dataclass(frozen=True, slots=True)
class CatchUp:
    """Keeping the finish date from today: `weekly_minutes` is the week's study the re-planned
    schedule asks for (its verdict's load: the one "how much a week" figure the headline, the
    catch-up dialog and its verdict all show); `fix` the study-more fix when the time the plan
    gives is not enough (None when it is, or when no amount of study keeps the date)."""

    weekly_minutes: int | None
    fix: PlanFixOffer | None


def catch_up(db: Database, today: date, plan: PlanSnapshot | None = None) -> CatchUp:
    """Keep the finish date: the plan re-planned from today to finish by it (the target, else
    the planned finish), with more study a week when the time given is not enough (the
    study-more fix, verified by the scheduler, so it finishes by that date)."""
    plan = plan or active_plan(db, today)
    if plan is None:
        return CatchUp(None, None)
    settings = keep_finish_settings(plan, today)
    request = plan_request(
        plan.track.modules,
        settings,
        today,
        plan.track.usual_months,
        plan.schedule.verdict.program_label,
    )
    try:
        schedule = schedule_plan(request)
        if schedule.unscheduled:
            return CatchUp(None, None)
        if schedule.verdict.fits:
            return CatchUp(schedule.verdict.weekly_minutes_used, None)
        fix = study_more(request, schedule)
    except PlanningError:
        return CatchUp(None, None)
    if fix is None:
        return CatchUp(None, None)
    change = PlanChange(settings=_settings(settings, fix.request))
    preview = preview_plan_change(db, change, today, plan)
    offer = PlanFixOffer(
        kind=fix.kind,
        weekly_minutes=fix.weekly_minutes,
        target=fix.target,
        extra_terms=0,
        preview=preview,
        change=change,
    )
    return CatchUp(preview.schedule.verdict.weekly_minutes_used, offer)


FIX_NOTES = {
    FixKind.STUDY_MORE: "Fix: study more a week",
    FixKind.MOVE_TARGET: "Fix: target moved",
    FixKind.SPREAD_TERMS: "Fix: spread over more terms",
    FixKind.FREE_SATURDAY: "Fix: Saturday freed for the exam",
}


def apply_plan_fix(
    db: Database, offer: PlanFixOffer, today: date, now: datetime | None = None
) -> PlanSnapshot:
    """Apply a fix of the active plan (a new baseline, noted with the fix)."""
    if offer.change is None:
        raise ValueError("this fix is for a plan being created: create the plan with it")
    return apply_plan_change(db, offer.change, today, note=FIX_NOTES[offer.kind], now=now)
