"""The Dashboard's headline: where the learner is against the plan and the target, and the one
next thing to do, as codes and values (the ui renders the sentence). Pure: built from the same
ProgressFigures every card shows, with `today` passed in.

The one rule (ahead/behind and the forecast never contradict):
- the *reference* is the target when the plan has one, else the planned finish;
- FINISHED when all the work is done and every module is marked done;
- ALL_LOGGED when the time of every module is logged but some are not marked done: the next
  thing is to mark them (the exam: once sat), not to study more or catch up;
- NO_FORECAST when there is no recent study to forecast from;
- LATE whenever the forecast finish is after the reference: `days_ahead` is then minus the days
  the forecast is late, so "ahead" or "on plan" is never shown beside a late forecast;
- otherwise (the forecast is on time) AHEAD, ON_PLAN or BEHIND by the work done against the
  accepted baseline (`days_ahead` > 0, 0, < 0): ahead means more is done than was planned
  by today.

The urgent deadline is the nearest of: a CEU cycle end with CEUs still missing, the next exam,
the target.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from studyplanner.core.progress import ProgressFigures


class Situation(enum.StrEnum):
    FINISHED = "finished"
    ALL_LOGGED = "all_logged"
    NO_FORECAST = "no_forecast"
    AHEAD = "ahead"
    ON_PLAN = "on_plan"
    BEHIND = "behind"
    LATE = "late"


class NextAction(enum.StrEnum):
    NONE = "none"
    LOG_STUDY = "log_study"
    """Study as planned today: the plan's weekly time is enough."""
    STUDY_MORE = "study_more"
    """Preview the fix that keeps the finish date with more study a week."""
    CATCH_UP = "catch_up"
    """The date to finish by has passed: choose a way to catch up (a later finish)."""
    MARK_DONE = "mark_done"
    """Every module's time is logged: mark the finished ones done (the Modules screen)."""


@dataclass(frozen=True, slots=True)
class Headline:
    """One honest headline (see the module's rule).

    `days_ahead` is the one ahead/behind figure: > 0 ahead of the baseline, < 0 behind it, and,
    when LATE, minus the days the forecast is after the reference. `weekly_minutes_needed`
    (LATE only) is the week's study time that finishes on the reference, the one figure the
    catch-up fix and dialog show too (None when the reference has passed).
    `pace_minutes_per_week` is the recent pace it is compared with. `modules_open`: the modules
    not marked done (ALL_LOGGED says how many)."""

    situation: Situation
    next_action: NextAction
    planned_finish: date | None
    forecast_finish: date | None
    target: date | None
    days_ahead: int
    weekly_minutes_needed: int | None
    pace_minutes_per_week: int
    modules_open: int = 0

    @property
    def reference(self) -> date | None:
        return self.target or self.planned_finish

    @property
    def days_late(self) -> int:
        return -self.days_ahead if self.situation is Situation.LATE else 0

    @property
    def more_minutes_per_week(self) -> int:
        """How much more than the recent pace the needed weekly time is (0 when not late)."""
        if self.weekly_minutes_needed is None:
            return 0
        return max(0, self.weekly_minutes_needed - self.pace_minutes_per_week)


def compute_headline(
    figures: ProgressFigures,
    planned_finish: date | None,
    target: date | None,
    today: date,
    weekly_given: int,
    weekly_needed: int | None = None,
) -> Headline:
    """The headline for `figures`. `weekly_given` is the week's study time the plan gives now;
    `weekly_needed` the week's time of the plan re-planned from today to keep the finish date
    (the catch-up fix's figure; None when not known). When that is more than the plan gives,
    the next action is to study more (the fix, previewed)."""
    reference = target or planned_finish
    forecast = figures.forecast_finish
    pace = round(figures.pace_minutes_per_week)

    def made(
        situation: Situation, action: NextAction, days: int, needed: int | None = None
    ) -> Headline:
        return Headline(
            situation, action, planned_finish, forecast, target, days, needed, pace,
            figures.modules_open,
        )  # fmt: skip

    if figures.minutes_total > 0 and figures.minutes_done >= figures.minutes_total:
        if figures.modules_open:
            return made(Situation.ALL_LOGGED, NextAction.MARK_DONE, 0)
        return made(Situation.FINISHED, NextAction.NONE, 0)
    if forecast is None:
        return made(Situation.NO_FORECAST, NextAction.LOG_STUDY, min(0, figures.days_ahead))
    if reference is not None and forecast > reference:
        late = (forecast - reference).days
        if reference <= today:
            return made(Situation.LATE, NextAction.CATCH_UP, -late)
        if weekly_needed is not None and weekly_needed > weekly_given:
            return made(Situation.LATE, NextAction.STUDY_MORE, -late, weekly_needed)
        return made(Situation.LATE, NextAction.LOG_STUDY, -late, weekly_needed)
    days = figures.days_ahead
    if days > 0 and figures.minutes_done <= figures.minutes_planned_to_date:
        days = 0  # ahead only with more done than planned by today
    if days > 0:
        return made(Situation.AHEAD, NextAction.LOG_STUDY, days)
    if days == 0:
        return made(Situation.ON_PLAN, NextAction.LOG_STUDY, 0)
    return made(Situation.BEHIND, NextAction.LOG_STUDY, days)


class DeadlineKind(enum.StrEnum):
    CEU_CYCLE = "ceu_cycle"
    EXAM = "exam"
    TARGET = "target"


@dataclass(frozen=True, slots=True)
class Deadline:
    """The most urgent date ahead: `label` is the credential (CEU_CYCLE), the exam's title
    (EXAM) or empty (TARGET); `missing` the CEUs still missing; `cycle_id` the cycle's id."""

    kind: DeadlineKind
    day: date
    days_left: int
    label: str = ""
    missing: Decimal = Decimal(0)
    cycle_id: int | None = None


@dataclass(frozen=True, slots=True)
class OpenCycle:
    cycle_id: int
    label: str
    end: date
    missing: Decimal


def urgent_deadline(
    cycles: Sequence[OpenCycle],
    exam: tuple[str, date] | None,
    target: date | None,
    today: date,
) -> Deadline | None:
    """The nearest deadline still to meet: a cycle end with CEUs missing (ended ones too: they
    are the most urgent of all), the next exam, or the target (not once passed)."""
    found: list[Deadline] = [
        Deadline(DeadlineKind.CEU_CYCLE, c.end, (c.end - today).days, c.label, c.missing,
                 c.cycle_id)
        for c in cycles
        if c.missing > 0
    ]  # fmt: skip
    if exam is not None and exam[1] >= today:
        found.append(Deadline(DeadlineKind.EXAM, exam[1], (exam[1] - today).days, exam[0]))
    if target is not None and target >= today:
        found.append(Deadline(DeadlineKind.TARGET, target, (target - today).days))
    order = {DeadlineKind.CEU_CYCLE: 0, DeadlineKind.EXAM: 1, DeadlineKind.TARGET: 2}
    return min(found, key=lambda d: (d.day, order[d.kind]), default=None)
