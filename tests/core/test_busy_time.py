"""Busy time: stretches become minutes per date, and the scheduler takes them off availability."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyplanner.core.busy_time import DAY_MINUTES, busy_days, busy_on, merged, minute_of
from studyplanner.core.model import Availability, BusyDay, ModuleKind, ModuleToPlan, PlanRequest
from studyplanner.core.scheduler import schedule_plan

BASE = date(2027, 3, 1)
EVENINGS = Availability((120, 120, 120, 120, 120, 240, 0))


def _at(day: date, hour: int, minute: int = 0) -> int:
    return minute_of(datetime(day.year, day.month, day.day, hour, minute))


def test_a_shift_is_its_hours_on_its_date() -> None:
    day = date(2027, 3, 15)
    assert busy_days([(_at(day, 9), _at(day, 17))]) == (BusyDay(day, 480),)


def test_overlapping_stretches_count_once_and_midnight_splits() -> None:
    day = date(2027, 3, 15)
    night = (_at(day, 22), _at(day + timedelta(days=1), 6))
    dinner = (_at(day, 21), _at(day, 23))
    assert busy_days([night, dinner]) == (
        BusyDay(day, 180),
        BusyDay(day + timedelta(days=1), 360),
    )


def test_a_whole_day_is_at_most_a_day_and_the_span_clips() -> None:
    day = date(2027, 3, 15)
    week = (_at(day, 0), _at(day + timedelta(days=7), 0))
    got = busy_days([week], first=day + timedelta(days=2), last=day + timedelta(days=3))
    assert got == (BusyDay(day + timedelta(days=2), 1440), BusyDay(day + timedelta(days=3), 1440))
    assert busy_on([BusyDay(day, 1000), BusyDay(day, 1000)]) == {day: DAY_MINUTES}


stretch = st.tuples(st.integers(0, 60 * 24 * 40), st.integers(0, 60 * 30)).map(
    lambda p: (p[0], p[0] + p[1])
)


@given(st.lists(stretch, max_size=30))
def test_busy_minutes_are_the_union_of_the_stretches(stretches: list[tuple[int, int]]) -> None:
    covered = set()
    for a, b in stretches:
        covered.update(range(a, b))
    days = busy_days(stretches)
    assert sum(d.minutes for d in days) == len(covered)
    assert all(0 < d.minutes <= DAY_MINUTES for d in days)
    joined = merged(stretches)
    assert all(b1 < a2 for (_, b1), (a2, _) in pairwise(joined))


@st.composite
def busy_requests(draw: st.DrawFn) -> PlanRequest:
    modules = tuple(
        ModuleToPlan(i, f"M{i}", ModuleKind.LESSON, draw(st.integers(30, 900)))
        for i in range(1, draw(st.integers(1, 5)) + 1)
    )
    week = tuple(draw(st.lists(st.sampled_from([0, 30, 60, 90, 240]), min_size=7, max_size=7)))
    if not any(week):
        week = (60, *week[1:])
    busy = draw(
        st.lists(
            st.builds(
                BusyDay,
                st.integers(0, 120).map(lambda n: BASE + timedelta(days=n)),
                st.integers(0, DAY_MINUTES),
            ),
            max_size=40,
        )
    )
    mode: dict[str, object] = (
        {"target": BASE + timedelta(days=draw(st.integers(0, 200)))}
        if draw(st.booleans())
        else {"weekly_minutes": draw(st.integers(15, 1500))}
    )
    return PlanRequest(
        modules=modules,
        availability=Availability(week),  # type: ignore[arg-type]
        start=BASE,
        today=BASE,
        busy=tuple(busy),
        **mode,  # type: ignore[arg-type]
    )


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(busy_requests())
def test_never_more_than_availability_minus_busy(request: PlanRequest) -> None:
    schedule = schedule_plan(request)
    busy = busy_on(request.busy)
    per_day: dict[date, int] = defaultdict(int)
    for block in schedule.blocks:
        per_day[block.day] += block.minutes
    for day, minutes in per_day.items():
        assert minutes <= max(0, request.availability.on(day) - busy.get(day, 0)), day


def test_a_fully_busy_day_is_a_day_without_study_and_the_finish_moves() -> None:
    module = ModuleToPlan(1, "Lesson", ModuleKind.LESSON, 600)
    free = PlanRequest((module,), EVENINGS, BASE, BASE, weekly_minutes=10_000)
    busy_monday = BusyDay(BASE, DAY_MINUTES)  # 2027-03-01 is a Monday
    busy = PlanRequest((module,), EVENINGS, BASE, BASE, weekly_minutes=10_000, busy=(busy_monday,))
    before, after = schedule_plan(free), schedule_plan(busy)
    assert BASE in {b.day for b in before.blocks}
    assert BASE not in {b.day for b in after.blocks}
    assert after.finish is not None and before.finish is not None
    assert after.finish > before.finish
