"""The scheduler on hand-made cases, computed by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from studyplanner.core.model import (
    Availability,
    Blackout,
    ModuleKind,
    ModuleToPlan,
    PlanningError,
    PlanRequest,
    StudyBlock,
    Term,
    VerdictKind,
)
from studyplanner.core.scheduler import schedule_plan
from studyplanner.core.verdict_text import describe_verdict

MONDAY = date(2027, 1, 4)
TODAY = date(2026, 11, 27)
MON_WED_60 = Availability((60, 0, 60, 0, 0, 0, 0))


def chain(*minutes: int) -> tuple[ModuleToPlan, ...]:
    return tuple(
        ModuleToPlan(i + 1, f"M{i + 1}", ModuleKind.LESSON, m, (i,) if i else ())
        for i, m in enumerate(minutes)
    )


def budget(modules: tuple[ModuleToPlan, ...], availability: Availability, weekly: int, **kw):  # type: ignore[no-untyped-def]
    return schedule_plan(
        PlanRequest(modules, availability, kw.pop("start", MONDAY), kw.pop("today", TODAY),
                    weekly_minutes=weekly, **kw)
    )  # fmt: skip


def test_three_module_chain_on_monday_and_wednesday() -> None:
    schedule = budget(chain(90, 60, 30), MON_WED_60, 120)
    assert schedule.blocks == (
        StudyBlock(date(2027, 1, 4), 1, 60),
        StudyBlock(date(2027, 1, 6), 1, 30),
        StudyBlock(date(2027, 1, 6), 2, 30),  # starts the day its prerequisite finishes
        StudyBlock(date(2027, 1, 11), 2, 30),
        StudyBlock(date(2027, 1, 11), 3, 30),
    )
    assert schedule.finish == date(2027, 1, 11)
    assert schedule.module(2).start == date(2027, 1, 6)
    assert schedule.module(2).due == date(2027, 1, 11)
    assert schedule.verdict.kind is VerdictKind.NO_TARGET


def test_a_blackout_week_is_skipped() -> None:
    week_off = Blackout(date(2027, 1, 4), date(2027, 1, 10), "Vacation")
    schedule = budget(chain(120), MON_WED_60, 120, blackouts=(week_off,))
    assert [b.day for b in schedule.blocks] == [date(2027, 1, 11), date(2027, 1, 13)]


def test_done_module_keeps_its_date_and_gets_no_blocks() -> None:
    first, second = chain(600, 60)
    done = ModuleToPlan(1, "M1", ModuleKind.LESSON, 600, (), done=True, done_on=date(2026, 10, 1))
    schedule = budget((done, second), MON_WED_60, 120)
    assert all(b.module_id == 2 for b in schedule.blocks)
    assert schedule.module(1).due == date(2026, 10, 1) and schedule.module(1).done
    assert schedule.blocks[0].day == MONDAY
    del first


def test_partly_studied_module_gets_only_the_rest() -> None:
    half = ModuleToPlan(1, "M1", ModuleKind.LESSON, 120, minutes_done=90)
    schedule = budget((half,), MON_WED_60, 120)
    assert schedule.blocks == (StudyBlock(MONDAY, 1, 30),)


def test_nothing_before_today_when_replanning() -> None:
    schedule = budget(chain(180), MON_WED_60, 120, start=MONDAY, today=date(2027, 1, 7))
    assert schedule.blocks[0].day == date(2027, 1, 11)


def test_weekly_budget_is_spread_evenly() -> None:
    every_day = Availability((120,) * 7)
    schedule = budget(chain(7 * 60 * 4), every_day, 7 * 60)
    week = [b for b in schedule.blocks if b.day < MONDAY + timedelta(days=7)]
    assert [b.minutes for b in week] == [60] * 7
    per_week: dict[tuple[int, int], int] = {}
    for b in schedule.blocks:
        key = b.day.isocalendar()[:2]
        per_week[key] = per_week.get(key, 0) + b.minutes
    assert max(per_week.values()) <= 7 * 60


def test_target_far_away_fits_without_cramming() -> None:
    modules = chain(*(600 for _ in range(10)))  # 100 hours
    full = Availability((120, 120, 120, 120, 120, 240, 0))  # 14 h a week
    schedule = schedule_plan(PlanRequest(modules, full, MONDAY, TODAY, target=date(2027, 12, 31)))
    verdict = schedule.verdict
    assert verdict.kind is VerdictKind.FITS
    assert verdict.fits and verdict.days_early >= 0
    assert schedule.finish is not None and schedule.finish <= date(2027, 12, 31)
    assert verdict.weekly_minutes_used < full.weekly_minutes  # spread out, not crammed
    assert sum(b.minutes for b in schedule.blocks) == 6000
    text = describe_verdict(verdict)
    assert text.startswith("Finishes on") and "before your target" in text


def test_tight_target_says_what_would_fit() -> None:
    modules = chain(*(600 for _ in range(10)))  # 100 hours
    week = Availability((60, 60, 60, 60, 60, 0, 0))  # 5 h a week: 20 weeks needed
    target = MONDAY + timedelta(weeks=10)
    schedule = schedule_plan(PlanRequest(modules, week, MONDAY, TODAY, target=target))
    verdict = schedule.verdict
    assert verdict.kind is VerdictKind.TOO_LATE and not verdict.fits
    assert verdict.suggested_target == schedule.finish
    assert verdict.days_early < 0
    assert verdict.extra_minutes_per_week >= 300  # about double the time
    factor = 1 + verdict.extra_minutes_per_week / week.weekly_minutes
    more = Availability(tuple(int(m * factor) for m in week.minutes))  # type: ignore[arg-type]
    again = schedule_plan(PlanRequest(modules, more, MONDAY, TODAY, target=target))
    assert again.verdict.fits
    text = describe_verdict(verdict)
    assert text.startswith("Does not fit") and "h more a week" in text


def test_degree_courses_stay_in_their_terms() -> None:
    terms = (
        Term(1, date(2027, 1, 4), date(2027, 4, 25)),
        Term(2, date(2027, 8, 23), date(2027, 12, 12)),
    )
    modules = (
        ModuleToPlan(1, "English", ModuleKind.COURSE, 60 * 40, term=1),
        ModuleToPlan(2, "A&P I", ModuleKind.COURSE, 60 * 60, term=1),
        ModuleToPlan(3, "A&P II", ModuleKind.COURSE, 60 * 60, (2,), term=2),
    )
    week = Availability((120, 120, 120, 120, 120, 0, 0))
    schedule = schedule_plan(
        PlanRequest(modules, week, MONDAY, TODAY, target=date(2028, 1, 1), terms=terms)
    )
    assert schedule.verdict.fits and not schedule.verdict.late_terms
    bounds = {1: terms[0], 2: terms[1]}
    for b in schedule.blocks:
        term = bounds[modules[b.module_id - 1].term]  # type: ignore[index]
        assert term.start <= b.day <= term.end
    first_day = [b for b in schedule.blocks if b.day == MONDAY]
    assert {b.module_id for b in first_day} == {1, 2}  # courses of a term run in parallel


def test_overfull_term_is_reported_late_but_nothing_is_dropped() -> None:
    terms = (Term(1, date(2027, 1, 4), date(2027, 1, 31)),)
    modules = (ModuleToPlan(1, "Big course", ModuleKind.COURSE, 60 * 100, term=1),)
    schedule = schedule_plan(
        PlanRequest(modules, MON_WED_60, MONDAY, TODAY, weekly_minutes=120, terms=terms)
    )
    assert schedule.verdict.late_terms == (1,)
    assert not schedule.verdict.fits
    assert sum(b.minutes for b in schedule.blocks) == 6000
    assert "Term 1 does not fit" in describe_verdict(schedule.verdict)


def test_unknown_prerequisite_and_cycle_are_refused() -> None:
    broken = (ModuleToPlan(1, "Orphan", ModuleKind.LESSON, 60, (99,)),)
    with pytest.raises(PlanningError, match="Orphan"):
        budget(broken, MON_WED_60, 60)
    loop = (
        ModuleToPlan(1, "Chicken", ModuleKind.LESSON, 60, (2,)),
        ModuleToPlan(2, "Egg", ModuleKind.LESSON, 60, (1,)),
    )
    with pytest.raises(PlanningError, match="require each other"):
        budget(loop, MON_WED_60, 60)


def test_no_availability_is_impossible_and_keeps_every_module() -> None:
    schedule = budget(chain(60, 60), Availability((0,) * 7), 60)
    assert schedule.verdict.kind is VerdictKind.IMPOSSIBLE
    assert schedule.unscheduled == (1, 2)
    assert "no study time" in describe_verdict(schedule.verdict)


def test_longer_than_usual_is_a_warning() -> None:
    slow = budget(chain(60 * 100), Availability((60, 0, 0, 0, 0, 0, 0)), 60,
                  usual_months=(9, 20), program_label="certification programs")  # fmt: skip
    assert slow.verdict.outside_usual and slow.verdict.fits
    assert "certification programs usually take 9 to 20" in describe_verdict(slow.verdict)
