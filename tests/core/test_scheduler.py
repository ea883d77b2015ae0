"""schedule_plan on small cases whose answers were worked out by hand."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest

from studyplanner.core.model import (
    Availability,
    Blackout,
    ModuleKind,
    ModuleToPlan,
    PlanningError,
    PlanRequest,
    Schedule,
    StudyBlock,
    Term,
    VerdictKind,
)
from studyplanner.core.scheduler import schedule_plan
from studyplanner.core.verdict_text import describe_verdict

MONDAY = date(2027, 1, 4)  # a Monday, ISO week 2027-W01
MON_WED_60 = Availability((60, 0, 60, 0, 0, 0, 0))
WEEKDAYS_60 = Availability((60, 60, 60, 60, 60, 0, 0))


def module(
    id: int, minutes: int, *prereqs: int, kind: ModuleKind = ModuleKind.LESSON, **kw: object
) -> ModuleToPlan:
    return ModuleToPlan(id, f"M{id}", kind, minutes, tuple(prereqs), **kw)  # type: ignore[arg-type]


def chain(*minutes: int) -> tuple[ModuleToPlan, ...]:
    """Module i + 1 requires module i."""
    return tuple(module(i + 1, m, *((i,) if i else ())) for i, m in enumerate(minutes))


def weekly(
    modules: tuple[ModuleToPlan, ...], availability: Availability, budget: int, **kw: object
) -> Schedule:
    start = kw.pop("start", MONDAY)
    today = kw.pop("today", start)
    request = PlanRequest(modules, availability, start, today, weekly_minutes=budget, **kw)  # type: ignore[arg-type]
    return schedule_plan(request)


def targeted(
    modules: tuple[ModuleToPlan, ...], availability: Availability, target: date, **kw: object
) -> Schedule:
    start = kw.pop("start", MONDAY)
    today = kw.pop("today", start)
    request = PlanRequest(modules, availability, start, today, target=target, **kw)  # type: ignore[arg-type]
    return schedule_plan(request)


def per_iso_week(schedule: Schedule) -> dict[tuple[int, int], int]:
    totals: dict[tuple[int, int], int] = defaultdict(int)
    for b in schedule.blocks:
        year, week, _ = b.day.isocalendar()
        totals[(year, week)] += b.minutes
    return dict(totals)


def per_module(schedule: Schedule) -> dict[int, int]:
    totals: dict[int, int] = defaultdict(int)
    for b in schedule.blocks:
        totals[b.module_id] += b.minutes
    return dict(totals)


# --- placement ------------------------------------------------------------------------------


def test_three_module_chain_on_monday_and_wednesday() -> None:
    # 90 + 60 + 30 minutes, one hour on Mondays and Wednesdays, from Monday 4 Jan 2027.
    schedule = weekly(chain(90, 60, 30), MON_WED_60, 120)
    assert schedule.blocks == (
        StudyBlock(date(2027, 1, 4), 1, 60),
        StudyBlock(date(2027, 1, 6), 1, 30),
        StudyBlock(date(2027, 1, 6), 2, 30),
        StudyBlock(date(2027, 1, 11), 2, 30),
        StudyBlock(date(2027, 1, 11), 3, 30),
    )
    assert [(m.start, m.due) for m in schedule.modules] == [
        (date(2027, 1, 4), date(2027, 1, 6)),
        (date(2027, 1, 6), date(2027, 1, 11)),
        (date(2027, 1, 11), date(2027, 1, 11)),
    ]
    assert [m.minutes for m in schedule.modules] == [90, 60, 30]
    assert schedule.finish == date(2027, 1, 11)
    assert schedule.unscheduled == ()
    assert schedule.verdict.kind is VerdictKind.NO_TARGET
    assert schedule.verdict.weekly_minutes_used == 120
    assert schedule.verdict.fits


def test_a_module_starts_later_the_same_day_its_prerequisite_finishes() -> None:
    # 45 + 45 on a 60-minute Monday: the second gets the last 15 minutes, after the first.
    schedule = weekly(chain(45, 45), MON_WED_60, 120)
    assert schedule.blocks == (
        StudyBlock(date(2027, 1, 4), 1, 45),
        StudyBlock(date(2027, 1, 4), 2, 15),
        StudyBlock(date(2027, 1, 6), 2, 30),
    )
    assert schedule.module(1).due == schedule.module(2).start == date(2027, 1, 4)


def test_a_blackout_week_is_skipped() -> None:
    week_off = Blackout(date(2027, 1, 4), date(2027, 1, 10), "Vacation")
    schedule = weekly(chain(150), MON_WED_60, 120, blackouts=(week_off,))
    assert schedule.blocks == (
        StudyBlock(date(2027, 1, 11), 1, 60),
        StudyBlock(date(2027, 1, 13), 1, 60),
        StudyBlock(date(2027, 1, 18), 1, 30),
    )


def test_a_single_blackout_day_in_the_middle_is_skipped() -> None:
    wednesday_off = Blackout(date(2027, 1, 6), date(2027, 1, 6), "Holiday")
    schedule = weekly(chain(120), MON_WED_60, 120, blackouts=(wednesday_off,))
    assert [b.day for b in schedule.blocks] == [date(2027, 1, 4), date(2027, 1, 11)]


def test_a_done_module_keeps_its_date_and_gets_no_blocks() -> None:
    done = module(1, 600, done=True, done_on=date(2026, 10, 1))
    schedule = weekly((done, module(2, 90, 1)), MON_WED_60, 120)
    assert schedule.blocks == (
        StudyBlock(date(2027, 1, 4), 2, 60),
        StudyBlock(date(2027, 1, 6), 2, 30),
    )
    first = schedule.module(1)
    assert first.done and first.due == date(2026, 10, 1) and first.start is None
    assert first.minutes == 600
    assert schedule.module(2).start == MONDAY


def test_only_the_minutes_left_are_planned() -> None:
    schedule = weekly((module(1, 200, minutes_done=130),), MON_WED_60, 120)
    assert schedule.blocks == (StudyBlock(MONDAY, 1, 60), StudyBlock(date(2027, 1, 6), 1, 10))
    assert schedule.module(1).minutes == 70


def test_nothing_is_planned_before_today() -> None:
    schedule = weekly(chain(120), MON_WED_60, 120, start=MONDAY, today=date(2027, 1, 5))
    assert [b.day for b in schedule.blocks] == [date(2027, 1, 6), date(2027, 1, 11)]


def test_weekly_budget_is_respected_and_spread_evenly() -> None:
    # 300 minutes available a week, a 150-minute budget: half an hour every weekday.
    schedule = weekly(chain(600), WEEKDAYS_60, 150)
    assert {b.minutes for b in schedule.blocks} == {30}
    assert len(schedule.blocks) == 20
    assert {b.day.weekday() for b in schedule.blocks} == {0, 1, 2, 3, 4}
    assert set(per_iso_week(schedule).values()) == {150}
    assert schedule.finish == MONDAY + timedelta(weeks=3, days=4)
    assert schedule.verdict.weekly_minutes_used == 150


def test_weekly_budget_that_does_not_divide_evenly() -> None:
    # 180 available on Mon-Wed, budget 100: 30 a day and the 10 left over on the first day.
    availability = Availability((60, 60, 60, 0, 0, 0, 0))
    schedule = weekly(chain(1000), availability, 100)
    weeks = per_iso_week(schedule)
    assert all(total <= 100 for total in weeks.values())
    assert list(weeks.values())[:-1] == [100] * (len(weeks) - 1)
    first_week = [b.minutes for b in schedule.blocks[:3]]
    assert first_week == [40, 30, 30]
    assert max(first_week) - min(first_week) <= 10
    assert per_module(schedule) == {1: 1000}


def test_budget_above_availability_uses_all_of_it() -> None:
    schedule = weekly(chain(240), MON_WED_60, 10_000)
    assert [b.minutes for b in schedule.blocks] == [60, 60, 60, 60]
    assert schedule.verdict.weekly_minutes_used == 120


# --- target mode ----------------------------------------------------------------------------


def test_a_far_target_fits_without_using_all_the_time() -> None:
    # 600 minutes, 300 available a week, target end of June: 30 minutes a week suffice
    # (15 would need 40 weeks). Week shape for 30: 10 on Monday, 5 on the other weekdays.
    schedule = targeted(chain(600), WEEKDAYS_60, date(2027, 6, 30))
    verdict = schedule.verdict
    assert verdict.kind is VerdictKind.FITS
    assert verdict.weekly_minutes_used == 30 < WEEKDAYS_60.weekly_minutes
    assert schedule.finish == date(2027, 5, 21)  # Friday of the 20th week
    assert verdict.days_early == (date(2027, 6, 30) - date(2027, 5, 21)).days == 40
    assert [b.minutes for b in schedule.blocks[:5]] == [10, 5, 5, 5, 5]
    assert all(total <= 30 for total in per_iso_week(schedule).values())
    assert verdict.fits and verdict.suggested_target is None
    text = describe_verdict(verdict)
    assert text.startswith("Finishes on 21 May 2027")
    assert "6 weeks before your target" in text


def test_a_target_met_exactly_says_on_your_target_date() -> None:
    schedule = targeted(chain(120), MON_WED_60, date(2027, 1, 6))
    assert schedule.verdict.kind is VerdictKind.FITS
    assert schedule.verdict.days_early == 0
    assert "on your target date" in describe_verdict(schedule.verdict)


def raised(availability: Availability, extra: int) -> Availability:
    """The availability with `extra` weekly minutes spread over its days in proportion."""
    scale = 1 + extra / availability.weekly_minutes
    return Availability(tuple(int(m * scale) for m in availability.minutes))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("availability", "minutes", "target", "finish"),
    [
        # 1000 minutes at 165 a week: 6 weeks (990) and the Monday after.
        (Availability((60, 0, 60, 0, 45, 0, 0)), (400, 600), date(2027, 1, 24), date(2027, 2, 15)),
        # 600 minutes at 300 a week, target the first Friday: the second Friday.
        (WEEKDAYS_60, (600,), date(2027, 1, 8), date(2027, 1, 15)),
    ],
)
def test_a_tight_target_is_too_late_and_says_what_would_fit(
    availability: Availability, minutes: tuple[int, ...], target: date, finish: date
) -> None:
    schedule = targeted(chain(*minutes), availability, target)
    verdict = schedule.verdict
    assert verdict.kind is VerdictKind.TOO_LATE
    assert schedule.finish == verdict.suggested_target == finish
    assert verdict.days_early == (target - finish).days < 0
    assert verdict.weekly_minutes_used == availability.weekly_minutes
    assert verdict.extra_minutes_per_week > 0
    assert not verdict.fits
    text = describe_verdict(verdict)
    assert text.startswith("Does not fit")
    assert "more hours a week" in text

    again = targeted(chain(*minutes), raised(availability, verdict.extra_minutes_per_week), target)
    assert again.verdict.kind is VerdictKind.FITS
    assert again.finish is not None and again.finish <= target


def test_tight_target_extra_minutes_hand_computed() -> None:
    # 1000 minutes in 3 weeks of Mon 60 / Wed 60 / Fri 45: the scale must make 6 * floor(60 s)
    # + 3 * floor(45 s) >= 1000, i.e. s >= 122 / 60, so 170.5 more minutes: 180 in 30-min steps.
    availability = Availability((60, 0, 60, 0, 45, 0, 0))
    schedule = targeted(chain(400, 600), availability, date(2027, 1, 24))
    assert schedule.verdict.extra_minutes_per_week == 180


@pytest.mark.xfail(
    reason="bisection leaves the scale ~4e-6 above 2.0 and the 1e-9 slack does not absorb it: "
    "reports 330 where 300 more minutes a week already fit",
    strict=True,
)
def test_extra_minutes_are_the_smallest_step_that_fits() -> None:
    schedule = targeted(chain(600), WEEKDAYS_60, date(2027, 1, 8))
    extra = schedule.verdict.extra_minutes_per_week
    less = targeted(chain(600), raised(WEEKDAYS_60, extra - 30), date(2027, 1, 8))
    assert less.verdict.kind is VerdictKind.TOO_LATE
    assert extra == 300


# --- degree terms ---------------------------------------------------------------------------

TERM_1 = Term(1, date(2027, 1, 4), date(2027, 1, 17))
TERM_2 = Term(2, date(2027, 2, 1), date(2027, 2, 14))
EVERY_DAY_60 = Availability((60,) * 7)


def degree(term_2_minutes: int) -> Schedule:
    modules = (
        module(1, 300, kind=ModuleKind.COURSE, term=1),
        module(2, 300, kind=ModuleKind.COURSE, term=1),
        module(3, term_2_minutes, 1, kind=ModuleKind.COURSE, term=2),
    )
    return weekly(modules, EVERY_DAY_60, 420, terms=(TERM_1, TERM_2))


def test_degree_courses_stay_inside_their_terms() -> None:
    schedule = degree(600)
    # Term 1: two courses share each hour, 30 minutes each, for 10 days.
    term_1 = [b for b in schedule.blocks if b.module_id in (1, 2)]
    assert {b.minutes for b in term_1} == {30}
    assert all(TERM_1.start <= b.day <= TERM_1.end for b in term_1)
    assert schedule.module(1).due == schedule.module(2).due == date(2027, 1, 13)
    # Term 2 waits for its start, even though its prerequisite finished in January.
    assert schedule.module(3).start == TERM_2.start
    assert schedule.module(3).due == date(2027, 2, 10)
    assert all(TERM_2.start <= b.day <= TERM_2.end for b in schedule.blocks if b.module_id == 3)
    assert schedule.verdict.late_terms == ()
    assert schedule.verdict.fits


def test_an_overfull_term_is_reported_late_and_keeps_going() -> None:
    schedule = degree(1200)  # 14 days * 60 = 840 < 1200
    assert schedule.verdict.late_terms == (2,)
    assert not schedule.verdict.fits
    assert schedule.module(3).due == date(2027, 2, 20)  # 20 days of an hour, nothing dropped
    assert per_module(schedule)[3] == 1200
    assert "Term 2 does not fit in its dates" in describe_verdict(schedule.verdict)


def test_modules_without_a_term_come_after_the_last_term() -> None:
    modules = (
        module(1, 120, kind=ModuleKind.COURSE, term=1),
        module(2, 60, 1, kind=ModuleKind.EXAM),
    )
    schedule = weekly(modules, EVERY_DAY_60, 420, terms=(TERM_1, TERM_2))
    assert schedule.module(2).start == TERM_2.end + timedelta(days=1)


# --- errors and impossible plans ------------------------------------------------------------


def test_unknown_prerequisite_is_an_error() -> None:
    with pytest.raises(PlanningError, match="not in the track"):
        weekly((module(1, 60, 99),), MON_WED_60, 120)


def test_prerequisite_cycle_is_an_error() -> None:
    with pytest.raises(PlanningError, match="require each other"):
        weekly((module(1, 60, 2), module(2, 60, 1)), MON_WED_60, 120)
    with pytest.raises(PlanningError, match="circle"):
        weekly((module(1, 60, 3), module(2, 60, 1), module(3, 60, 2)), MON_WED_60, 120)


def test_a_module_requiring_itself_is_an_error() -> None:
    with pytest.raises(PlanningError, match="itself"):
        weekly((module(1, 60, 1),), MON_WED_60, 120)


def test_zero_availability_is_impossible_and_names_every_module() -> None:
    modules = (*chain(60, 60), module(3, 30, done=True, done_on=date(2026, 12, 1)))
    for schedule in (
        weekly(modules, Availability((0,) * 7), 120),
        targeted(modules, Availability((0,) * 7), date(2027, 6, 1)),
    ):
        assert schedule.verdict.kind is VerdictKind.IMPOSSIBLE
        assert set(schedule.unscheduled) == {1, 2}
        assert schedule.blocks == ()
        assert not schedule.verdict.fits
        assert describe_verdict(schedule.verdict).startswith("Cannot be scheduled")


# --- usual length ---------------------------------------------------------------------------


def test_a_plan_longer_than_usual_is_flagged() -> None:
    # One hour on Mondays, 110 hours: 110 weeks, about 25 months.
    schedule = weekly(
        chain(110 * 60),
        Availability((60, 0, 0, 0, 0, 0, 0)),
        60,
        usual_months=(9, 20),
        program_label="certificate programs",
    )
    verdict = schedule.verdict
    assert schedule.finish == MONDAY + timedelta(weeks=109)
    assert verdict.months == round(764 / 30.44, 1) == 25.1
    assert verdict.outside_usual
    text = describe_verdict(verdict)
    assert text.startswith("Finishes on 5 Feb 2029")
    assert "This plan takes 25 months; certificate programs usually take 9 to 20." in text


def test_a_plan_within_the_usual_range_is_not_flagged() -> None:
    schedule = weekly(
        chain(50 * 60), Availability((60, 0, 0, 0, 0, 0, 0)), 60, usual_months=(9, 20)
    )
    assert 9 <= schedule.verdict.months <= 20
    assert not schedule.verdict.outside_usual
    assert "usually take" not in describe_verdict(schedule.verdict)
