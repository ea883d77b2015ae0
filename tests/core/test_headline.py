"""The headline's one rule: ahead/behind and the forecast never contradict, over random progress
states built by compute_progress (the figures every Dashboard card shows)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.core.headline import (
    DeadlineKind,
    NextAction,
    OpenCycle,
    Situation,
    compute_headline,
    urgent_deadline,
)
from studyplanner.core.progress import ModuleWork, ProgressFigures, compute_progress

TODAY = date(2026, 12, 3)


@st.composite
def progress_states(draw: st.DrawFn) -> tuple[ProgressFigures, date | None, date | None, int]:
    modules = [
        ModuleWork(i, draw(st.integers(30, 6000)), draw(st.integers(0, 6000)), draw(st.booleans()))
        for i in range(draw(st.integers(1, 6)))
    ]
    start = TODAY - timedelta(days=draw(st.integers(0, 400)))
    span = draw(st.integers(1, 900))
    blocks = [
        (start + timedelta(days=draw(st.integers(0, span))), draw(st.integers(15, 240)))
        for _ in range(draw(st.integers(0, 40)))
    ]
    done_before = draw(st.integers(0, 3000))
    recent = [
        (TODAY - timedelta(days=draw(st.integers(0, 27))), draw(st.integers(5, 300)))
        for _ in range(draw(st.integers(0, 12)))
    ]
    first = None if not recent else TODAY - timedelta(days=draw(st.integers(0, 500)))
    figures = compute_progress(modules, blocks, done_before, recent, first, TODAY)
    planned_finish = max((d for d, _ in blocks), default=None)
    target = draw(st.none() | st.dates(TODAY - timedelta(days=60), TODAY + timedelta(days=900)))
    return figures, planned_finish, target, draw(st.integers(0, 3000))


@settings(max_examples=400, deadline=None)
@given(progress_states(), st.none() | st.integers(30, 6000))
def test_ahead_behind_and_the_forecast_never_contradict(
    state: tuple[ProgressFigures, date | None, date | None, int], fix: int | None
) -> None:
    figures, planned_finish, target, weekly = state
    h = compute_headline(figures, planned_finish, target, TODAY, weekly, fix)
    reference = target or planned_finish
    forecast = figures.forecast_finish
    if h.situation in (Situation.FINISHED, Situation.ALL_LOGGED):
        # finished only with every module marked done; all the time logged asks to mark them
        assert figures.minutes_total > 0 and figures.minutes_done >= figures.minutes_total
        assert (h.situation is Situation.FINISHED) == (figures.modules_open == 0)
        assert h.next_action is (
            NextAction.NONE if h.situation is Situation.FINISHED else NextAction.MARK_DONE
        )
        assert h.modules_open == figures.modules_open
        return
    late = forecast is not None and reference is not None and forecast > reference
    # a forecast after the target (or planned finish) is always LATE, whatever the work done
    assert (h.situation is Situation.LATE) == late
    if h.situation in (Situation.AHEAD, Situation.ON_PLAN, Situation.BEHIND):
        assert forecast is not None and (reference is None or forecast <= reference)
    if h.situation is Situation.AHEAD:
        assert h.days_ahead > 0
        assert figures.minutes_done > figures.minutes_planned_to_date
    if h.situation is Situation.ON_PLAN:
        assert h.days_ahead == 0
    if h.situation in (Situation.BEHIND, Situation.LATE):
        assert h.days_ahead < 0
    if h.situation is Situation.LATE:
        assert forecast is not None and reference is not None
        assert h.days_late == (forecast - reference).days > 0
        if h.next_action is NextAction.STUDY_MORE:
            assert fix is not None and fix > weekly
            assert h.weekly_minutes_needed == fix  # the fix's figure, not another one
    else:
        assert h.weekly_minutes_needed is None
    if h.situation is Situation.NO_FORECAST:
        assert forecast is None and h.days_ahead <= 0


def test_the_example_of_the_issue_is_late_not_ahead() -> None:
    """66 h done of 1 h 30 planned to date was "60 days ahead" beside a forecast years later."""
    figures = ProgressFigures(
        percent_done=30.0, minutes_done=66 * 60, minutes_total=220 * 60,
        minutes_planned_to_date=90, days_ahead=60,
        forecast_finish=date(2028, 1, 20), pace_minutes_per_week=60.0,
    )  # fmt: skip
    h = compute_headline(figures, date(2027, 6, 1), date(2027, 9, 20), TODAY, 600, 780)
    assert h.situation is Situation.LATE
    assert h.days_ahead == -(date(2028, 1, 20) - date(2027, 9, 20)).days
    assert h.next_action is NextAction.STUDY_MORE
    assert h.weekly_minutes_needed == 780
    assert h.more_minutes_per_week == 720


def test_every_estimate_logged_is_not_finished_until_the_modules_are_marked_done() -> None:
    """Ten years of sessions covering every module's estimate, nothing marked done, the target
    passed: the headline said "Every module is done" beside reminders of 1,736 overdue modules.
    It now asks to mark them done (not to catch up: there is no study left to plan)."""
    modules = [ModuleWork(i, 600, 900, done=False) for i in range(1, 4)]
    modules.append(ModuleWork(4, 240, 240, done=True, done_on=TODAY - timedelta(days=9)))
    recent = [(TODAY - timedelta(days=2), 120)]
    figures = compute_progress(modules, [], 0, recent, TODAY - timedelta(days=900), TODAY)
    assert figures.minutes_done == figures.minutes_total and figures.modules_open == 3
    h = compute_headline(
        figures, TODAY - timedelta(days=30), TODAY - timedelta(days=10), TODAY, 600
    )
    assert (h.situation, h.next_action, h.modules_open) == (
        Situation.ALL_LOGGED,
        NextAction.MARK_DONE,
        3,
    )
    marked = [ModuleWork(m.module_id, m.minutes, m.minutes_logged, True, TODAY) for m in modules]
    figures = compute_progress(marked, [], 0, recent, TODAY - timedelta(days=900), TODAY)
    h = compute_headline(
        figures, TODAY - timedelta(days=30), TODAY - timedelta(days=10), TODAY, 600
    )
    assert (h.situation, h.next_action, h.modules_open) == (Situation.FINISHED, NextAction.NONE, 0)


def test_a_passed_target_asks_to_catch_up() -> None:
    figures = ProgressFigures(10.0, 600, 6000, 3000, -30, TODAY + timedelta(days=100), 120.0)
    h = compute_headline(figures, TODAY - timedelta(days=3), None, TODAY, 600)
    assert (h.situation, h.next_action) == (Situation.LATE, NextAction.CATCH_UP)
    assert h.weekly_minutes_needed is None


def test_the_nearest_deadline_with_ceus_missing_comes_first() -> None:
    cycles = [
        OpenCycle(1, "CPC", TODAY + timedelta(days=20), Decimal("14.5")),
        OpenCycle(2, "CCS", TODAY + timedelta(days=5), Decimal(0)),  # met: not a deadline
    ]
    exam = ("CPC exam", TODAY + timedelta(days=40))
    d = urgent_deadline(cycles, exam, TODAY + timedelta(days=200), TODAY)
    assert d is not None and (d.kind, d.cycle_id, d.days_left) == (DeadlineKind.CEU_CYCLE, 1, 20)
    d = urgent_deadline(cycles[1:], exam, TODAY + timedelta(days=200), TODAY)
    assert d is not None and (d.kind, d.label) == (DeadlineKind.EXAM, "CPC exam")
    d = urgent_deadline([], None, TODAY - timedelta(days=1), TODAY)
    assert d is None
