"""Progress arithmetic on hand-made cases."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.core.progress import (
    ModuleWork,
    compute_progress,
    forecast_finish,
    pace_per_week,
    readiness,
)

MONDAY = date(2027, 1, 4)
# A plan of 4 weeks: 60 minutes every day on one 28-hour module.
BLOCKS = [(MONDAY + timedelta(days=i), 60) for i in range(28)]


def figures(logged: int, today: date, sessions: list[tuple[date, int]] | None = None):  # type: ignore[no-untyped-def]
    sessions = sessions if sessions is not None else []
    first = min((d for d, _ in sessions), default=None)
    return compute_progress(
        [ModuleWork(1, 28 * 60, logged, done=False)], BLOCKS, 0, sessions, first, today
    )


def test_exactly_on_plan_is_zero_days_ahead() -> None:
    today = MONDAY + timedelta(days=9)  # 10 days planned
    f = figures(600, today)
    assert f.minutes_planned_to_date == 600
    assert f.days_ahead == 0
    assert f.percent_done == round(100 * 600 / 1680, 1)


def test_a_missed_week_is_about_a_week_behind() -> None:
    today = MONDAY + timedelta(days=13)  # 14 days planned, 7 studied
    assert figures(7 * 60, today).days_ahead == -7


def test_studying_ahead_gives_days_ahead() -> None:
    today = MONDAY + timedelta(days=4)  # 5 planned, 9 studied
    assert figures(9 * 60, today).days_ahead == 4


def test_finishing_early_is_ahead_and_forecast_is_the_completion_day() -> None:
    today = MONDAY + timedelta(days=20)
    done = compute_progress(
        [ModuleWork(1, 28 * 60, 28 * 60, done=True, done_on=today)], BLOCKS, 0, [], None, today
    )
    assert done.percent_done == 100.0
    assert done.days_ahead == 7  # the plan finished on day 28, we did on day 21
    assert done.forecast_finish == today


def test_pace_uses_the_last_four_weeks_or_the_whole_history() -> None:
    today = date(2027, 3, 31)
    long_ago = date(2026, 1, 1)
    recent = [(today - timedelta(days=i), 60) for i in range(28)]  # an hour every day
    assert pace_per_week(recent, long_ago, today) == 420
    two_weeks = [(today - timedelta(days=i), 60) for i in range(14)]
    assert pace_per_week(two_weeks, today - timedelta(days=13), today) == 420
    assert pace_per_week([], None, today) == 0


def test_forecast_from_pace() -> None:
    today = date(2027, 1, 1)
    assert forecast_finish(420 * 3, 420, today) == today + timedelta(days=21)
    assert forecast_finish(100, 0, today) is None
    assert forecast_finish(0, 0, today) == today


def test_forecast_follows_the_recent_pace() -> None:
    today = MONDAY + timedelta(days=27)
    sessions = [(MONDAY + timedelta(days=i), 30) for i in range(28)]  # half the planned time
    f = figures(28 * 30, today, sessions)
    assert f.pace_minutes_per_week == 210
    assert f.forecast_finish == today + timedelta(days=28)  # 14 hours left at 3.5 h a week
    assert f.days_ahead == -14


def test_readiness_note() -> None:
    assert readiness([], 70) == ""
    text = readiness([60, 72, 75, 75], 70)
    assert text == "last three practice exams averaged 74 %, at or above the pass mark of 70 %"
    assert readiness([50], 70).startswith("last practice exam scored 50 %, below")


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(1, 240), min_size=1, max_size=60),
    st.integers(0, 20000),
    st.integers(0, 90),
)
def test_days_ahead_grows_with_work_done(minutes: list[int], logged: int, offset: int) -> None:
    blocks = [(MONDAY + timedelta(days=i), m) for i, m in enumerate(minutes)]
    total = sum(minutes)
    today = MONDAY + timedelta(days=offset)

    def ahead(done: int) -> int:
        return compute_progress(
            [ModuleWork(1, total, done, done=False)], blocks, 0, [], None, today
        ).days_ahead

    less, more = min(logged, total), min(logged + 60, total)
    assert ahead(less) <= ahead(more)
