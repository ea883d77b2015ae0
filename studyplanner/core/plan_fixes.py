"""Ways out of a plan that does not fit: pure functions from the plan's inputs to changed inputs
that make it fit, each verified by running the scheduler on the changed inputs.

The fixes, in the order offered:
- study more: more time a week (the availability scaled up; with a weekly budget, a larger budget);
- move the target: the earliest target the plan meets with the time given (not for late terms:
  a term's courses must fit in the term's dates whatever the target);
- spread over more terms (degrees, part-time): more terms after the last one, at the same length
  and spacing, and courses postponed into them (never before their prerequisites' terms), the
  target moved to the end of the new last term;
- free Saturday for the exam: only when no day of the week is long enough for the final exam
  (a sitting), Saturday gets the exam's length.
A fix is offered only when the scheduler says the changed plan fits.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from studyplanner.core.model import (
    MAX_MINUTES_PER_DAY,
    Availability,
    ModuleKind,
    ModuleToPlan,
    PlanRequest,
    Schedule,
    Term,
)
from studyplanner.core.scheduler import schedule_plan

MAX_EXTRA_TERMS = 8
"""Spreading a degree over more terms tries at most this many more."""
TERM_FILL = 0.97
"""Courses are packed into a term up to this share of its study time (sharing a day between
courses and waiting on prerequisites lose a little)."""
SATURDAY = 5
MINUTE_STEP = 5


class FixKind(enum.StrEnum):
    STUDY_MORE = "study_more"
    MOVE_TARGET = "move_target"
    SPREAD_TERMS = "spread_terms"
    FREE_SATURDAY = "free_saturday"


@dataclass(frozen=True, slots=True)
class PlanFix:
    """One way to make the plan fit: the changed inputs and their (fitting) schedule.

    `weekly_minutes` is the week's study time the fix asks for (the availability, or the budget
    with a weekly budget); `target` the plan's target after the fix; `extra_terms` how many terms
    a spread adds and `module_terms` (module id, new term) for each course it moves."""

    kind: FixKind
    request: PlanRequest
    schedule: Schedule
    weekly_minutes: int
    target: date | None
    extra_terms: int = 0
    module_terms: tuple[tuple[int, int], ...] = ()


def plan_fixes(request: PlanRequest, schedule: Schedule | None = None) -> tuple[PlanFix, ...]:
    """Every fix that makes a plan that does not fit, fit (none when it fits already, or when
    nothing can be scheduled at all). `schedule` is schedule_plan(request) when already known."""
    schedule = schedule or schedule_plan(request)
    if schedule.verdict.fits:
        return ()
    if schedule.unscheduled and not schedule.verdict.sittings_too_long:
        return ()  # nothing could be placed for a reason a fix does not know
    found = [
        study_more(request, schedule),
        move_target(request, schedule),
        spread_terms(request, schedule),
        free_saturday(request, schedule),
    ]
    return tuple(f for f in found if f is not None)


def _given(request: PlanRequest) -> int:
    full = request.availability.weekly_minutes
    return full if request.weekly_minutes is None else min(full, request.weekly_minutes)


def _verified(kind: FixKind, request: PlanRequest, **values: object) -> PlanFix | None:
    schedule = schedule_plan(request)
    if not schedule.verdict.fits or schedule.unscheduled:
        return None
    return PlanFix(
        kind=kind,
        request=request,
        schedule=schedule,
        weekly_minutes=_given(request),
        target=request.target,
        **values,  # type: ignore[arg-type]
    )


def scaled_availability(availability: Availability, weekly_minutes: int) -> Availability | None:
    """The availability grown so the week holds `weekly_minutes` (at least, to 5 minutes),
    each day in proportion (5-minute steps, never less than before, at most 16 hours a day);
    None when that cannot be done."""
    full = availability.weekly_minutes
    if full == 0:
        return None
    if weekly_minutes <= full:
        return availability
    scale = weekly_minutes / full
    days = [
        min(MAX_MINUTES_PER_DAY, math.ceil(m * scale / MINUTE_STEP) * MINUTE_STEP)
        for m in availability.minutes
    ]
    if sum(days) < weekly_minutes:
        return None
    while sum(days) - weekly_minutes >= MINUTE_STEP:  # rounding up overshot: trim the longest
        longest = max(range(7), key=lambda i: (days[i] - availability.minutes[i], days[i]))
        if days[longest] - MINUTE_STEP < availability.minutes[longest]:
            break
        days[longest] -= MINUTE_STEP
    return Availability(tuple(days))  # type: ignore[arg-type]


def _with_week(request: PlanRequest, weekly: int) -> PlanRequest | None:
    availability = scaled_availability(request.availability, weekly)
    if availability is None:
        return None
    if request.weekly_minutes is None:
        return replace(request, availability=availability)
    return replace(request, availability=availability, weekly_minutes=weekly)


def study_more(request: PlanRequest, schedule: Schedule) -> PlanFix | None:
    """Study more a week: the fewest more minutes (30-minute steps) that make the plan fit."""
    given = _given(request)
    if given == 0:
        return None
    step = 30
    low = given  # does not fit
    first = max(step, schedule.verdict.extra_minutes_per_week)
    high = given + first
    candidate = _with_week(request, high)
    while candidate is None or _verified(FixKind.STUDY_MORE, candidate) is None:
        if candidate is None or high >= 7 * MAX_MINUTES_PER_DAY:
            return None
        low, high = high, high + max(step, (high - given) * 2)
        high = min(high, 7 * MAX_MINUTES_PER_DAY)
        candidate = _with_week(request, high)
    while high - low > step:  # the smallest amount, in steps of 30 minutes
        middle = low + (high - low) // 2 // step * step
        trial = _with_week(request, middle)
        if trial is not None and _verified(FixKind.STUDY_MORE, trial) is not None:
            high = middle
        else:
            low = middle
    final = _with_week(request, high)
    return None if final is None else _verified(FixKind.STUDY_MORE, final)


def move_target(request: PlanRequest, schedule: Schedule) -> PlanFix | None:
    """Move the target to the day the plan finishes with the time given (target plans whose
    terms, if any, all fit)."""
    verdict = schedule.verdict
    if request.target is None or verdict.late_terms or verdict.finish is None:
        return None
    if verdict.finish <= request.target:
        return None
    return _verified(FixKind.MOVE_TARGET, replace(request, target=verdict.finish))


def more_terms(terms: Sequence[Term], count: int) -> tuple[Term, ...]:
    """`count` more terms after the last: as long as the last, spaced like the last two (26
    weeks, two terms a year, when there is only one)."""
    ordered = sorted(terms, key=lambda t: t.number)
    last = ordered[-1]
    length = last.end - last.start
    spacing = last.start - ordered[-2].start if len(ordered) > 1 else timedelta(weeks=26)
    spacing = max(spacing, length + timedelta(days=1))
    return tuple(
        Term(last.number + k, last.start + spacing * k, last.start + spacing * k + length)
        for k in range(1, count + 1)
    )


def term_capacity(request: PlanRequest, term: Term) -> int:
    """Study minutes inside a term with the time given (days off excluded; a weekly budget
    caps each week), from the first study day on."""
    first = max(term.start, request.start, request.today)
    budget = request.weekly_minutes
    total, day = 0, first
    week_used: dict[date, int] = {}
    while day <= term.end:
        minutes = (
            0 if any(b.covers(day) for b in request.blackouts) else request.availability.on(day)
        )
        if budget is not None:
            monday = day - timedelta(days=day.weekday())
            minutes = min(minutes, budget - week_used.get(monday, 0))
            week_used[monday] = week_used.get(monday, 0) + minutes
        total += minutes
        day += timedelta(days=1)
    return total


def _ordered(modules: Sequence[ModuleToPlan]) -> list[ModuleToPlan]:
    """Prerequisites first, otherwise in the track's order."""
    by_id = {m.id: m for m in modules}
    placed: set[int] = set()
    out: list[ModuleToPlan] = []

    def visit(m: ModuleToPlan, path: frozenset[int]) -> None:
        if m.id in placed or m.id in path:
            return
        for p in m.prerequisites:
            if p in by_id:
                visit(by_id[p], path | {m.id})
        placed.add(m.id)
        out.append(m)

    for m in modules:
        visit(m, frozenset())
    return out


def spread_courses(
    modules: Sequence[ModuleToPlan], capacities: dict[int, int]
) -> dict[int, int] | None:
    """New terms for the courses so no term holds more than its capacity (minutes): a course
    not yet begun may move to a later term, never before a prerequisite's term; exams come
    last (in or after the term of every other course). None when the terms cannot hold them."""
    numbers = sorted(capacities)
    load = dict.fromkeys(numbers, 0)
    assigned: dict[int, int] = {}
    movable = [m for m in modules if m.term is not None and not m.done and not m.minutes_done]
    fixed = [m for m in modules if m.term is not None and m not in movable]
    for m in fixed:
        assert m.term is not None
        load[m.term] = load.get(m.term, 0) + m.remaining_minutes
        assigned[m.id] = m.term
    courses = [m for m in _ordered(movable) if not m.kind.is_exam]
    exams = [m for m in _ordered(movable) if m.kind.is_exam]
    for group in (courses, exams):
        floor_all = max(assigned.values(), default=numbers[0]) if group is exams else 0
        for m in group:
            assert m.term is not None
            earliest = max(
                [m.term, floor_all] + [assigned[p] for p in m.prerequisites if p in assigned]
            )
            for n in numbers:
                if n >= earliest and load[n] + m.remaining_minutes <= capacities[n]:
                    assigned[m.id] = n
                    load[n] += m.remaining_minutes
                    break
            else:
                return None
    return assigned


def spread_evenly(modules: Sequence[ModuleToPlan], count: int) -> dict[int, int]:
    """Terms 1..count for the courses with the lightest heaviest term the packing finds (the
    rules of spread_courses; every term the same size)."""
    total = sum(m.remaining_minutes for m in modules if m.term is not None)
    low, high = math.ceil(total / count), max(total, 1)
    while low < high:  # the smallest size of term that holds everything
        middle = (low + high) // 2
        if spread_courses(modules, dict.fromkeys(range(1, count + 1), middle)) is None:
            low = middle + 1
        else:
            high = middle
    assigned = spread_courses(modules, dict.fromkeys(range(1, count + 1), high))
    assert assigned is not None
    return assigned


def spread_terms(request: PlanRequest, schedule: Schedule) -> PlanFix | None:
    """Spread a degree over more terms (part-time) at the time given a week."""
    if not request.terms or not schedule.verdict.late_terms or _given(request) == 0:
        return None
    for extra in range(1, MAX_EXTRA_TERMS + 1):
        terms = (*sorted(request.terms, key=lambda t: t.number), *more_terms(request.terms, extra))
        wider = replace(request, terms=terms)
        capacities = {t.number: int(term_capacity(wider, t) * TERM_FILL) for t in terms}
        assigned = spread_courses(request.modules, capacities)
        if assigned is None:
            continue
        modules = tuple(replace(m, term=assigned.get(m.id, m.term)) for m in request.modules)
        target = request.target
        if target is not None:
            target = max(target, terms[-1].end)
        changed = replace(wider, modules=modules, target=target)
        moved = tuple((m.id, assigned[m.id]) for m in request.modules
                      if m.id in assigned and assigned[m.id] != m.term)  # fmt: skip
        fix = _verified(FixKind.SPREAD_TERMS, changed, extra_terms=extra, module_terms=moved)
        if fix is not None:
            return fix
    return None


def exam_sitting_minutes(request: PlanRequest) -> int:
    """The length of the longest unfinished sitting (an exam sat in one go; without sittings,
    the longest final exam) when no weekday is long enough to sit it in one day; 0 otherwise
    (freeing a day is then no help)."""
    sittings = [m.minutes for m in request.modules if m.sitting and not m.done]
    exams = sittings or [
        m.minutes for m in request.modules if m.kind is ModuleKind.EXAM and not m.done
    ]
    if not exams:
        return 0
    longest = max(exams)
    return longest if max(request.availability.minutes) < longest else 0


def free_saturday(request: PlanRequest, schedule: Schedule) -> PlanFix | None:
    """Free Saturday for the exam: Saturday gets the exam's length (in half hours)."""
    del schedule
    sitting = exam_sitting_minutes(request)
    if not sitting:
        return None
    days = list(request.availability.minutes)
    days[SATURDAY] = min(MAX_MINUTES_PER_DAY, max(days[SATURDAY], math.ceil(sitting / 30) * 30))
    changed = replace(request, availability=Availability(tuple(days)))  # type: ignore[arg-type]
    return _verified(FixKind.FREE_SATURDAY, changed)
