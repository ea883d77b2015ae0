"""Progress against the accepted baseline: percent done, hours planned to date, days ahead or
behind, pace and forecast. Pure: derived from sessions, completions and the baseline, with
`today` passed in; nothing here is stored.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

PACE_WINDOW_DAYS = 28
"""The forecast uses the pace of the last four weeks (or the whole history when it is shorter)."""


@dataclass(frozen=True, slots=True)
class ModuleWork:
    """One module's estimate and what is done of it."""

    module_id: int
    minutes: int
    minutes_logged: int
    done: bool
    done_on: date | None = None

    @property
    def minutes_done(self) -> int:
        """Work done counts a finished module in full, an open one up to its estimate."""
        return self.minutes if self.done else min(self.minutes_logged, self.minutes)


@dataclass(frozen=True, slots=True)
class ProgressFigures:
    percent_done: float
    minutes_done: int
    minutes_total: int
    minutes_planned_to_date: int
    days_ahead: int
    forecast_finish: date | None
    pace_minutes_per_week: float
    modules_open: int = 0
    """Modules not marked done: work logged in full does not finish a module (the exam,
    above all: its time can be logged before the sitting)."""


def planned_curve(
    blocks: Sequence[tuple[date, int]], done_before: int
) -> tuple[list[date], list[int]]:
    """Days of the baseline and the cumulative minutes planned by the end of each day.

    `done_before` is the work already done when the baseline was accepted (it counts as planned
    from the start)."""
    per_day: dict[date, int] = {}
    for day, minutes in blocks:
        per_day[day] = per_day.get(day, 0) + minutes
    days = sorted(per_day)
    cumulative = []
    total = done_before
    for day in days:
        total += per_day[day]
        cumulative.append(total)
    return days, cumulative


def planned_by(days: list[date], cumulative: list[int], done_before: int, when: date) -> int:
    """Minutes the baseline planned to be done by the end of `when`."""
    index = bisect_left(days, when + timedelta(days=1)) - 1
    return cumulative[index] if index >= 0 else done_before


def days_ahead(
    days: list[date], cumulative: list[int], done_before: int, minutes_done: int, today: date
) -> int:
    """How many days ahead (positive) or behind (negative) the baseline the work done is.

    Exactly on plan gives 0. Otherwise: the day on which the baseline reaches the work done,
    compared with today (a missed week of study puts you about a week behind)."""
    planned_today = planned_by(days, cumulative, done_before, today)
    if minutes_done == planned_today or not days:
        return 0
    index = bisect_left(cumulative, minutes_done)  # first day the plan reaches the work done
    if index >= len(days):
        return (days[-1] - today).days if minutes_done > planned_today else 0
    reached = days[index]
    if minutes_done < planned_today:
        return min(0, (reached - today).days)
    return max(0, (reached - today).days)


def pace_per_week(
    recent: Sequence[tuple[date, int]], first_session: date | None, today: date
) -> float:
    """Minutes studied per week over the last four weeks, or over the whole history when it is
    shorter. `recent` holds the sessions of the last four weeks (older ones are ignored)."""
    if first_session is None or first_session > today:
        return 0.0
    window_start = today - timedelta(days=PACE_WINDOW_DAYS - 1)
    minutes = sum(m for d, m in recent if window_start <= d <= today)
    span_days = (
        PACE_WINDOW_DAYS if first_session <= window_start else (today - first_session).days + 1
    )
    return minutes * 7 / max(7, span_days)


def forecast_finish(remaining_minutes: int, pace: float, today: date) -> date | None:
    if remaining_minutes <= 0:
        return today
    if pace <= 0:
        return None
    weeks = remaining_minutes / pace
    if weeks > 52 * 50:
        return None
    return today + timedelta(days=math.ceil(weeks * 7))


def compute_progress(
    modules: Sequence[ModuleWork],
    baseline_blocks: Sequence[tuple[date, int]],
    baseline_done_before: int,
    recent_sessions: Sequence[tuple[date, int]],
    first_session: date | None,
    today: date,
) -> ProgressFigures:
    total = sum(m.minutes for m in modules)
    done = sum(m.minutes_done for m in modules)
    days, cumulative = planned_curve(baseline_blocks, baseline_done_before)
    pace = pace_per_week(recent_sessions, first_session, today)
    all_done = bool(modules) and all(m.done for m in modules)
    finish = max((m.done_on for m in modules if m.done_on), default=today) if all_done else None
    return ProgressFigures(
        percent_done=round(100 * done / total, 1) if total else 0.0,
        minutes_done=done,
        minutes_total=total,
        minutes_planned_to_date=planned_by(days, cumulative, baseline_done_before, today),
        days_ahead=days_ahead(days, cumulative, baseline_done_before, done, today),
        forecast_finish=finish if all_done else forecast_finish(total - done, pace, today),
        pace_minutes_per_week=round(pace, 1),
        modules_open=sum(1 for m in modules if not m.done),
    )


def readiness(scores: Sequence[float], pass_mark: float | None) -> str:
    """'last three practice exams averaged 74 %' (and how that compares with the pass mark)."""
    if not scores:
        return ""
    last = list(scores)[-3:]
    average = sum(last) / len(last)
    count = {1: "last practice exam scored", 2: "last two practice exams averaged"}.get(
        len(last), "last three practice exams averaged"
    )
    text = f"{count} {average:.0f} %"
    if pass_mark is not None:
        verdict = "at or above" if average >= pass_mark else "below"
        text += f", {verdict} the pass mark of {pass_mark:.0f} %"
    return text
