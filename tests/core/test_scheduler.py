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
    Verdict,
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
    assert "h more a week" in text

    again = targeted(chain(*minutes), raised(availability, verdict.extra_minutes_per_week), target)
    assert again.verdict.kind is VerdictKind.FITS
    assert again.finish is not None and again.finish <= target


def test_tight_target_extra_minutes_hand_computed() -> None:
    # 1000 minutes in 3 weeks of Mon 60 / Wed 60 / Fri 45: the scale must make 6 * floor(60 s)
    # + 3 * floor(45 s) >= 1000, i.e. s >= 122 / 60, so 170.5 more minutes: 180 in 30-min steps.
    availability = Availability((60, 0, 60, 0, 45, 0, 0))
    schedule = targeted(chain(400, 600), availability, date(2027, 1, 24))
    assert schedule.verdict.extra_minutes_per_week == 180


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


# --- more cases: order, fully studied modules, budgets, targets and terms worked out in full ---

BEFORE = date(2026, 11, 27)
WEEKDAYS_120 = Availability((120, 120, 120, 120, 120, 0, 0))
JANUARY = Term(1, date(2027, 1, 4), date(2027, 1, 31))
FEB_MARCH = Term(2, date(2027, 2, 1), date(2027, 3, 28))


def test_a_module_listed_before_its_prerequisite_waits_and_starts_the_same_day() -> None:
    # B (listed first) requires A: A takes Monday's first 30 minutes, B the other 30.
    b = ModuleToPlan(2, "B", ModuleKind.EXAM, 60, (1,))
    a = ModuleToPlan(1, "A", ModuleKind.LESSON, 30)
    schedule = weekly((b, a), MON_WED_60, 120)
    assert schedule.blocks == (
        StudyBlock(date(2027, 1, 4), 1, 30),
        StudyBlock(date(2027, 1, 4), 2, 30),
        StudyBlock(date(2027, 1, 6), 2, 30),
    )
    assert schedule.module(2).start == schedule.module(1).due == date(2027, 1, 4)


def test_everything_done_finishes_on_the_last_completion() -> None:
    modules = (
        module(1, 60, done=True, done_on=date(2026, 9, 1)),
        module(2, 60, 1, done=True, done_on=date(2026, 10, 5)),
    )
    schedule = targeted(modules, MON_WED_60, date(2027, 6, 1))
    assert schedule.blocks == ()
    assert schedule.finish == date(2026, 10, 5)
    assert schedule.verdict.kind is VerdictKind.FITS


def test_fully_studied_module_is_due_on_the_first_day_it_may_start() -> None:
    # today is Tuesday 5 Jan (no time): the first study day is Wednesday 6 Jan. M2 (studied in
    # full, not marked done) has no prerequisite: due that Wednesday. M4 waits for M3.
    modules = (
        module(1, 60, done=True, done_on=date(2026, 12, 1)),
        module(2, 45, minutes_done=45),
        module(3, 90),
        module(4, 30, 3, minutes_done=30),
    )
    schedule = weekly(modules, MON_WED_60, 120, today=date(2027, 1, 5))
    assert (schedule.module(2).start, schedule.module(2).due) == (date(2027, 1, 6),) * 2
    assert schedule.module(3).due == date(2027, 1, 11)
    assert (schedule.module(4).start, schedule.module(4).due) == (date(2027, 1, 11),) * 2
    assert {b.module_id for b in schedule.blocks} == {3}


def test_same_input_same_output() -> None:
    modules = chain(100, 200, 50, 75)
    assert weekly(modules, WEEKDAYS_60, 200) == weekly(modules, WEEKDAYS_60, 200)


def test_weekly_budget_is_spread_evenly_and_rounding_goes_to_the_earliest_days() -> None:
    # Mon 90, Wed 60, Fri 45 = 195 a week; budget 100. From Wednesday 6 Jan (the week's usable
    # time is 105): 100/105 -> Wed 55, Fri 40, +5 to Wed = 60, 40. Full weeks: 100/195 -> 45, 30,
    # 20 (95), +5 to Monday: 50, 30, 20.
    availability = Availability((90, 0, 60, 0, 45, 0, 0))
    schedule = weekly(chain(300), availability, 100, start=date(2027, 1, 6))
    assert [(b.day.day, b.minutes) for b in schedule.blocks] == [
        (6, 60),
        (8, 40),
        (11, 50),
        (13, 30),
        (15, 20),
        (18, 50),
        (20, 30),
        (22, 20),
    ]
    assert schedule.verdict.kind is VerdictKind.NO_TARGET
    assert schedule.verdict.weekly_minutes_used == 100


def test_weekly_budget_is_respected_in_every_iso_week() -> None:
    availability = Availability((120, 30, 0, 95, 120, 240, 60))
    schedule = weekly(chain(*([400] * 12)), availability, 7 * 60 - 17, start=date(2027, 1, 7))
    totals = per_iso_week(schedule)
    assert max(totals.values()) <= 7 * 60 - 17
    assert sum(totals.values()) == 4800
    for b in schedule.blocks:
        assert b.minutes <= availability.on(b.day)


def test_far_target_fits_with_the_smallest_weekly_budget() -> None:
    # 100 hours; Mon-Fri 120, Sat 240 (840 a week). Target Fri 31 Dec 2027: 51 whole weeks
    # before it. 105 a week is too little (51 * 105 + 75 < 6000); 120 fits: 1/7 of each day
    # in 5-minute steps is Mon-Fri 15, Sat 30 (105) + 15 to Monday. 6000 / 120 = 50 weeks:
    # the last minutes are on Saturday 18 Dec 2027, 13 days early.
    modules = chain(*([600] * 10))
    full = Availability((120, 120, 120, 120, 120, 240, 0))
    schedule = targeted(modules, full, date(2027, 12, 31))
    verdict = schedule.verdict
    assert verdict.kind is VerdictKind.FITS and verdict.fits
    assert verdict.weekly_minutes_used == 120
    assert [b.minutes for b in schedule.blocks[:6]] == [30, 15, 15, 15, 15, 30]
    assert schedule.finish == date(2027, 12, 18)
    assert verdict.days_early == 13
    assert sum(b.minutes for b in schedule.blocks) == 6000
    assert describe_verdict(verdict) == (
        "Finishes on 18 Dec 2027, 13 days before your target (about 2 h a week)."
    )


def test_tight_target_worked_out_in_full() -> None:
    # 100 hours at 5 h a week (Mon-Fri 60) take 20 weeks: done Fri 21 May 2027. The target,
    # Mon 15 Mar, leaves 51 study days: 6000 / 51 = 117.6 -> 118 a day -> 290 more a week ->
    # 300 in 30-minute steps (twice the availability: 120 a day, done Fri 12 Mar).
    modules = chain(*([600] * 10))
    target = date(2027, 3, 15)
    schedule = targeted(modules, WEEKDAYS_60, target)
    verdict = schedule.verdict
    assert verdict.kind is VerdictKind.TOO_LATE and not verdict.fits
    assert schedule.finish == verdict.suggested_target == date(2027, 5, 21)
    assert verdict.days_early == -67
    assert verdict.weekly_minutes_used == 300
    assert verdict.extra_minutes_per_week == 300
    assert sum(b.minutes for b in schedule.blocks) == 6000
    again = targeted(modules, raised(WEEKDAYS_60, 300), target)
    assert again.verdict.fits and again.finish == date(2027, 3, 12)
    assert not targeted(modules, raised(WEEKDAYS_60, 270), target).verdict.fits
    assert describe_verdict(verdict) == (
        "Does not fit: finishes on 21 May 2027, 10 weeks after your target. "
        "It needs 5 h more a week, or a target of 21 May 2027."
    )


@pytest.mark.parametrize(
    ("availability", "minutes", "weeks"),
    [
        (Availability((45, 0, 30, 0, 90, 200, 0)), [300, 420, 90, 610, 75], 3),
        (Availability((0, 0, 0, 0, 0, 180, 240)), [1000, 1000, 500], 4),
        (Availability((25, 25, 25, 25, 25, 25, 25)), [2000], 8),
    ],
)
def test_suggested_extra_hours_really_fit(
    availability: Availability, minutes: list[int], weeks: int
) -> None:
    modules = chain(*minutes)
    target = MONDAY + timedelta(weeks=weeks)
    verdict = targeted(modules, availability, target).verdict
    assert verdict.kind is VerdictKind.TOO_LATE
    assert verdict.extra_minutes_per_week % 30 == 0 and verdict.extra_minutes_per_week > 0
    again = targeted(modules, raised(availability, verdict.extra_minutes_per_week), target)
    assert again.verdict.fits
    assert again.finish is not None and again.finish <= target


def test_target_before_the_first_day_suggests_a_later_target_only() -> None:
    schedule = schedule_plan(
        PlanRequest(chain(120), MON_WED_60, MONDAY, date(2027, 2, 1), target=date(2027, 1, 20))
    )
    verdict = schedule.verdict
    assert verdict.kind is VerdictKind.TOO_LATE and verdict.extra_minutes_per_week == 0
    assert verdict.suggested_target == date(2027, 2, 3)
    assert describe_verdict(verdict).endswith("Choose a target of 3 Feb 2027 or later.")


def course(id_: int, title: str, hours: int, term: int | None, *prereqs: int) -> ModuleToPlan:
    return ModuleToPlan(id_, title, ModuleKind.COURSE, hours * 60, prereqs, term=term)


def test_overfull_term_then_modules_without_a_term_one_at_a_time() -> None:
    # Term 1 has 20 weekdays of 120 minutes (40 h) for 50 h of courses, shared 60/60 a day:
    # English (20 h) ends Fri 29 Jan; A&P I has 10 h left and goes on alone after the term,
    # 120 a day, until Fri 5 Feb. A&P II (term 2) waits for it: Mon 8 to Fri 12 Feb. The modules
    # without a term come after term 2 ends (Sun 28 Mar), one after the other.
    modules = (
        course(1, "English", 20, 1),
        course(2, "A&P I", 30, 1),
        course(3, "A&P II", 10, 2, 2),
        course(4, "Capstone", 2, None, 3),
        course(5, "Review", 1, None),
    )
    schedule = weekly(modules, WEEKDAYS_120, 600, terms=(FEB_MARCH, JANUARY))  # any order
    first_day = [b for b in schedule.blocks if b.day == MONDAY]
    assert first_day == [StudyBlock(MONDAY, 1, 60), StudyBlock(MONDAY, 2, 60)]
    spans = {m.module_id: (m.start, m.due) for m in schedule.modules}
    assert spans == {
        1: (date(2027, 1, 4), date(2027, 1, 29)),
        2: (date(2027, 1, 4), date(2027, 2, 5)),
        3: (date(2027, 2, 8), date(2027, 2, 12)),
        4: (date(2027, 3, 29), date(2027, 3, 29)),
        5: (date(2027, 3, 30), date(2027, 3, 30)),
    }
    assert schedule.verdict.late_terms == (1,)
    assert not schedule.verdict.fits
    assert sum(b.minutes for b in schedule.blocks) == 63 * 60
    assert "Term 1 does not fit in its dates" in describe_verdict(schedule.verdict)


def test_courses_of_a_term_share_the_day_and_stay_in_their_term() -> None:
    # Three courses share 120 minutes: 40 each. When the 2-hour one finishes (Wed), the other
    # two get 60 each.
    modules = (
        course(1, "Intro", 2, 1),
        course(2, "Terms", 10, 1),
        course(3, "Law", 10, 1),
        course(4, "Coding I", 12, 2, 2),
    )
    schedule = weekly(modules, WEEKDAYS_120, 600, terms=(JANUARY, FEB_MARCH))
    day = {b.day: [(x.module_id, x.minutes) for x in schedule.blocks if x.day == b.day]
           for b in schedule.blocks}  # fmt: skip
    assert day[date(2027, 1, 4)] == [(1, 40), (2, 40), (3, 40)]
    assert day[date(2027, 1, 6)] == [(1, 40), (2, 40), (3, 40)]
    assert day[date(2027, 1, 7)] == [(2, 60), (3, 60)]
    assert schedule.verdict.fits and not schedule.verdict.late_terms
    bounds = {1: JANUARY, 2: FEB_MARCH}
    for b in schedule.blocks:
        term = bounds[modules[b.module_id - 1].term]  # type: ignore[index]
        assert term.start <= b.day <= term.end


def test_degree_too_tight_for_its_target_gets_extra_hours_that_really_fit() -> None:
    modules = (
        course(1, "English", 30, 1),
        course(2, "A&P I", 45, 1),
        course(3, "A&P II", 45, 2, 2),
        course(4, "Coding", 40, 2),
    )
    terms = (JANUARY, FEB_MARCH)
    verdict = targeted(modules, WEEKDAYS_120, date(2027, 3, 28), terms=terms).verdict
    assert not verdict.fits and 1 in verdict.late_terms
    assert verdict.extra_minutes_per_week > 0
    more = raised(WEEKDAYS_120, verdict.extra_minutes_per_week)
    again = targeted(modules, more, date(2027, 3, 28), terms=terms)
    assert again.verdict.fits and not again.verdict.late_terms


def test_course_of_a_term_without_dates_is_refused() -> None:
    with pytest.raises(PlanningError, match="'Coding I' belongs to term 3"):
        weekly((course(1, "Coding I", 10, 3),), WEEKDAYS_60, 300, terms=(JANUARY,))


def test_unknown_prerequisite_is_refused_by_title() -> None:
    broken = (ModuleToPlan(1, "Orphan", ModuleKind.LESSON, 60, (99,)),)
    with pytest.raises(PlanningError, match="'Orphan' requires a module that is not in the track"):
        weekly(broken, MON_WED_60, 120)


def test_cycles_are_refused_naming_every_module() -> None:
    pair = (
        ModuleToPlan(1, "Chicken", ModuleKind.LESSON, 60, (2,)),
        ModuleToPlan(2, "Egg", ModuleKind.LESSON, 60, (1,)),
    )
    with pytest.raises(PlanningError, match="'Chicken' and 'Egg' require each other"):
        weekly(pair, MON_WED_60, 120)
    ring = (
        ModuleToPlan(1, "A", ModuleKind.LESSON, 60),
        ModuleToPlan(2, "B", ModuleKind.LESSON, 60, (1, 4)),
        ModuleToPlan(3, "C", ModuleKind.LESSON, 60, (2,)),
        ModuleToPlan(4, "D", ModuleKind.LESSON, 60, (3,)),
    )
    with pytest.raises(PlanningError, match="circle") as error:
        weekly(ring, MON_WED_60, 120)
    assert all(f"'{t}'" in str(error.value) for t in "BCD")
    with pytest.raises(PlanningError, match="cannot require itself"):
        weekly((ModuleToPlan(1, "Self", ModuleKind.LESSON, 60, (1,)),), MON_WED_60, 120)


def test_work_beyond_fifteen_years_is_impossible_and_listed() -> None:
    # 5 minutes a week for 1,000 hours would take 230 years.
    schedule = weekly(chain(60, 60_000), Availability((5, 0, 0, 0, 0, 0, 0)), 5)
    assert schedule.verdict.kind is VerdictKind.IMPOSSIBLE
    assert schedule.unscheduled == (2,)
    assert schedule.blocks[-1].day <= date(2042, 1, 4)
    assert "within 15 years" in describe_verdict(schedule.verdict)


def a_verdict(kind: VerdictKind, **kw: object) -> Verdict:
    return Verdict(kind, finish=kw.pop("finish", date(2027, 10, 14)), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("days", "words"),
    [(42, "6 weeks before"), (3, "3 days before"), (1, "1 day before"), (13, "13 days before")],
)
def test_fits_says_how_early(days: int, words: str) -> None:
    text = describe_verdict(a_verdict(VerdictKind.FITS, days_early=days, weekly_minutes_used=570))
    assert text == f"Finishes on 14 Oct 2027, {words} your target (about 9 h 30 min a week)."


def test_fits_on_the_day() -> None:
    text = describe_verdict(a_verdict(VerdictKind.FITS, weekly_minutes_used=60))
    assert text == "Finishes on 14 Oct 2027, on your target date (about 1 h a week)."


def test_too_late_says_by_how_much_and_what_would_fit() -> None:
    text = describe_verdict(
        a_verdict(
            VerdictKind.TOO_LATE,
            finish=date(2028, 3, 2),
            days_early=-35,
            extra_minutes_per_week=210,
            suggested_target=date(2028, 3, 2),
            weekly_minutes_used=600,
        )
    )
    assert text == (
        "Does not fit: finishes on 2 Mar 2028, 5 weeks after your target. "
        "It needs 3 h 30 min more a week, or a target of 2 Mar 2028."
    )


def test_no_target_with_late_term_and_unusual_length() -> None:
    text = describe_verdict(
        a_verdict(
            VerdictKind.NO_TARGET,
            months=12.5,
            weekly_minutes_used=480,
            late_terms=(2,),
            usual_months=(14, 20),
            outside_usual=True,
            program_label="associate degrees",
        )
    )
    assert text == (
        "Finishes on 14 Oct 2027 (12.5 months at 8 h a week). "
        "Term 2 does not fit in its dates: its courses need more study time each week. "
        "This plan takes 12 months; associate degrees usually take 14 to 20."
    )


def test_impossible_names_why() -> None:
    no_time = describe_verdict(a_verdict(VerdictKind.IMPOSSIBLE, finish=None))
    assert no_time.startswith("Cannot be scheduled: there is no study time available")
    too_long = describe_verdict(a_verdict(VerdictKind.IMPOSSIBLE, weekly_minutes_used=30))
    assert too_long.startswith("Cannot be scheduled:") and "15 years" in too_long
