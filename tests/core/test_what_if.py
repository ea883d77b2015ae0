"""Spreading a what-if week over the chosen weekdays (core/what_if.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.core.model import MAX_MINUTES_PER_DAY, Availability
from studyplanner.core.what_if import STEP, WhatIf, most_minutes, spread_week

weeks = st.tuples(*[st.integers(0, MAX_MINUTES_PER_DAY)] * 7).map(Availability)
days = st.tuples(*[st.booleans()] * 7)


@settings(deadline=None)  # a shared machine: a slow example is not a failure
@given(weeks, days, st.integers(-60, 8 * 7 * MAX_MINUTES_PER_DAY // 7))
def test_the_parts_add_up_and_stay_on_the_chosen_days(
    pattern: Availability, days_on: tuple[bool, ...], minutes: int
) -> None:
    week = spread_week(pattern, days_on, minutes)
    wanted = min(max(0, minutes), most_minutes(days_on)) // STEP * STEP
    assert week.weekly_minutes == wanted
    for part, on in zip(week.minutes, days_on, strict=True):
        assert part % STEP == 0 and 0 <= part <= MAX_MINUTES_PER_DAY
        assert on or part == 0


@settings(deadline=None)
@given(weeks, days, st.integers(STEP, 40 * 60))
def test_the_parts_follow_the_saved_week(
    pattern: Availability, days_on: tuple[bool, ...], minutes: int
) -> None:
    """Without a day reaching its maximum, each day's part is within one step of its share."""
    week = spread_week(pattern, days_on, minutes)
    on = [i for i in range(7) if days_on[i]]
    if not on or max(week.minutes) == MAX_MINUTES_PER_DAY:
        return
    positive = [pattern.minutes[i] for i in on if pattern.minutes[i]]
    usual = sum(positive) / len(positive) if positive else 1.0
    weights = {i: pattern.minutes[i] or usual for i in on}
    total = week.weekly_minutes
    for i in on:
        share = total * weights[i] / sum(weights.values())
        assert abs(week.minutes[i] - share) < STEP


def test_a_day_turned_on_gets_an_average_day() -> None:
    pattern = Availability((60, 60, 60, 60, 0, 180, 0))
    week = spread_week(pattern, (True, True, True, True, True, True, False), 600)
    # Friday weighs as the average chosen day with time (84 min): 600 * 84 / 504 = 100
    assert week.minutes[4] == 100 and week.minutes[6] == 0 and week.weekly_minutes == 600


def test_no_day_or_no_time_gives_an_empty_week() -> None:
    pattern = Availability((60,) * 7)
    assert spread_week(pattern, (False,) * 7, 600).weekly_minutes == 0
    assert spread_week(pattern, (True,) * 7, 0).weekly_minutes == 0
    assert not WhatIf(600, None, (False,) * 7).any_day
