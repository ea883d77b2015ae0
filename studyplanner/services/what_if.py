"""The Plan screen's live what-if: re-plan the plan already read, in memory, for other weekly
hours, another target or other weekdays, with no database read per change; and "Keep this",
which saves what was tried as the plan's settings and a new baseline (one transaction).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from studyplanner.core.model import Availability, PlanningError, PlanRequest, Schedule
from studyplanner.core.scheduler import schedule_plan
from studyplanner.core.validation import Problem, check_availability, check_plan_dates
from studyplanner.core.what_if import WhatIf, days_with_time, spread_week
from studyplanner.services.database import Database
from studyplanner.services.plans import apply_plan_change, plan_request
from studyplanner.services.snapshots import PlanChange, PlanSettings, PlanSnapshot


def saved_what_if(settings: PlanSettings) -> WhatIf:
    """The what-if that is the saved plan itself: where the sliders start and "Reset" returns."""
    if settings.weekly_minutes is not None:
        weekly = settings.weekly_minutes
    else:
        weekly = settings.availability.weekly_minutes
    return WhatIf(weekly, settings.target, days_with_time(settings.availability))


def what_if_settings(saved: PlanSettings, what: WhatIf) -> PlanSettings:
    """The plan's settings with `what` tried: the saved ones exactly while nothing was moved.

    With a target, the hours are the week's study time, spread over the chosen weekdays like the
    saved week (kept as it is while neither the hours nor the weekdays moved). Without one, the
    hours are a weekly budget over the saved week's chosen weekdays, spread anew only when those
    hold less than the budget."""
    if what == saved_what_if(saved):
        return saved
    pattern = saved.availability
    if what.target is None:
        kept = Availability(
            tuple(m if on else 0 for m, on in zip(pattern.minutes, what.days_on, strict=True))  # type: ignore[arg-type]
        )
        if kept.weekly_minutes < what.weekly_minutes:
            kept = spread_week(pattern, what.days_on, what.weekly_minutes)
        weekly = min(what.weekly_minutes, kept.weekly_minutes) or what.weekly_minutes
        return replace(saved, availability=kept, target=None, weekly_minutes=weekly)
    same_week = (
        what.days_on == days_with_time(pattern) and what.weekly_minutes == pattern.weekly_minutes
    )
    week = pattern if same_week else spread_week(pattern, what.days_on, what.weekly_minutes)
    return replace(saved, availability=week, target=what.target, weekly_minutes=None)


def what_if_problems(settings: PlanSettings, today: date) -> list[Problem]:
    """Why these settings could not be kept (the rules "Keep this" is held to)."""
    problems = check_plan_dates(
        settings.start, settings.target, settings.weekly_minutes, today, replanning=True
    )
    return problems + check_availability(settings.availability, settings.weekly_minutes)


def what_if_request(plan: PlanSnapshot, today: date) -> PlanRequest:
    """The scheduler's input for the plan as read, made once per what-if: each change only
    replaces its settings in it."""
    return plan_request(
        plan.track.modules,
        plan.settings,
        today,
        plan.track.usual_months,
        plan.schedule.verdict.program_label,
    )


def what_if_schedule(base: PlanRequest, settings: PlanSettings, fallback: Schedule) -> Schedule:
    """The plan of `base` (what_if_request) re-planned with `settings`: no database read.

    A week without any study time gives the scheduler's "cannot be scheduled" verdict."""
    weekly, availability = settings.weekly_minutes, settings.availability
    if settings.target is None and (weekly or 0) <= 0:
        weekly, availability = 1, Availability((0,) * 7)
    request = replace(
        base,
        availability=availability,
        start=settings.start,
        target=settings.target,
        weekly_minutes=weekly,
        blackouts=settings.blackouts,
        terms=settings.terms,
        allow_long_sittings=settings.allow_long_sittings,
    )
    try:
        return schedule_plan(request)
    except PlanningError:  # the saved plan was scheduled: only a damaged one gets here
        return fallback


def keep_what_if(
    db: Database,
    settings: PlanSettings,
    today: date,
    note: str = "What-if kept",
    now: datetime | None = None,
) -> PlanSnapshot:
    """Save the what-if as the plan's settings and a new baseline, in one transaction; done
    modules keep their dates (the re-plan moves only what is not done)."""
    return apply_plan_change(db, PlanChange(settings=settings), today, note=note, now=now)
