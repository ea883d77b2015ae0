"""The scheduler: a pure function from a PlanRequest to a dated Schedule with a verdict.

How it places work, day by day from max(start, today):
- a day's minutes are the weekday's availability, none on a blackout day; with a weekly budget
  the week's usable minutes are scaled down evenly (5-minute steps) so the week never exceeds it;
- certificate tracks are one stream: the first unfinished module (in the track's order) whose
  prerequisites are finished gets the time; when it finishes mid-day the next one continues;
- degree tracks run a term's courses in parallel from the term's start, sharing each day's minutes
  evenly; courses that overrun their term keep going (nothing is dropped) and the term is reported
  late; modules without a term come after the last term, one at a time;
- with a target date, the smallest weekly budget (15-minute steps) that still finishes by the
  target is used, so the learner is not crammed; when even all the available time misses it, the
  verdict says how many more minutes a week, or which later target, would fit;
- a degree term whose courses overrun it is reported with the weekly minutes it would need (spread
  like the time given) beside the weekly time given, so the verdict can show both figures; the
  ways out (more time, a later target, more terms) are in core/plan_fixes.py.
- sittings (exams sat in one go) go whole on one day that can hold them, never split; a sitting
  no weekday can hold is left out with what requires it, and the verdict says which weekday needs
  how much time (see placement.py).

Inside, days are proleptic ordinals (`date.toordinal()`); Monday is (ordinal - 1) % 7 == 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from studyplanner.core.model import (
    PlanRequest,
    Schedule,
    ScheduledModule,
    SittingShortfall,
    TermNeed,
    Verdict,
    VerdictKind,
)
from studyplanner.core.placement import (
    BUDGET_STEP,
    DAYS_PER_MONTH,
    EXTRA_STEP,
    MAX_SCALE,
    _Calendar,
    _Days,
    _place,
    _Run,
    blocked_modules,
    check_graph,
    longest_weekday,
    too_long_sittings,
)


def _fits(run: _Run, target: date) -> bool:
    finish = run.finish
    return not run.unscheduled and not run.late_terms and (finish is None or finish <= target)


def _stream_fits(request: PlanRequest, days: _Days, target: date) -> bool:
    """Single-stream tracks never idle while work is left, so they finish by `target` exactly
    when the study time up to `target` covers the remaining work (one study day at least when
    only fully studied modules are left): a cheap, exact test for the searches."""
    blocked = blocked_modules(request)
    unfinished = [m for m in request.modules if not m.done and m.id not in blocked]
    if not unfinished:
        return True
    need = max(1, sum(m.remaining_minutes for m in unfinished))
    last = min(target.toordinal(), days.calendar.last)
    covered, day = 0, days.calendar.first
    while day <= last:
        covered += days.minutes(day)
        if covered >= need:
            return True
        day += 1
    return False


def _terms_fit(request: PlanRequest, days: _Days, target: date) -> bool:
    """Degree tracks: each term's study time (up to the target) covers its courses, and the time
    after the last term covers the modules without a term. Ignores waiting on prerequisites and
    uneven sharing, so the searches confirm their answer with a real placement."""
    last = min(target.toordinal(), days.calendar.last)

    def capacity(first: int, until: int) -> int:
        return sum(days.minutes(d) for d in range(max(first, days.calendar.first), until + 1))

    need: dict[int | None, int] = {}
    blocked = blocked_modules(request)
    for m in request.modules:
        if m.id in blocked:
            continue
        need[m.term] = need.get(m.term, 0) + m.remaining_minutes
    for term in request.terms:
        wanted = need.get(term.number, 0)
        if wanted and wanted > capacity(term.start.toordinal(), min(term.end.toordinal(), last)):
            return False
    after = max(t.end for t in request.terms).toordinal() + 1
    return need.get(None, 0) <= capacity(after, last)


def _quick_fits(request: PlanRequest, days: _Days, target: date) -> bool:
    if request.terms:
        return _terms_fit(request, days, target)
    return _stream_fits(request, days, target)


def _smallest_budget(
    request: PlanRequest, calendar: _Calendar, target: date, full: int
) -> tuple[int, _Run]:
    """The smallest weekly budget (BUDGET_STEP steps, at most `full`) that finishes by `target`,
    and its placement. The caller knows that `full` fits."""
    low, high = 1, math.ceil(full / BUDGET_STEP)
    best = full
    while low <= high:
        middle = (low + high) // 2
        budget = min(full, middle * BUDGET_STEP)
        if _quick_fits(request, _Days(calendar, budget), target):
            best = budget
            high = middle - 1
        else:
            low = middle + 1
    run = _place(request, calendar, best if best < full else None)
    step = BUDGET_STEP
    while not _fits(run, target) and best < full:
        # degree tracks: prerequisites inside a term can leave time unused; give a little more
        best = min(full, best + step)
        step *= 2
        run = _place(request, calendar, best if best < full else None)
    return best, run


def _extra_minutes_needed(request: PlanRequest, target: date, full: int) -> int:
    """The fewest more weekly minutes, in EXTRA_STEP steps, that would finish everything (every
    term included) by the target when spread over the weekdays in proportion to the
    availability (each day's minutes times 1 + extra / full); 0 when no amount would."""
    if full == 0 or target < max(request.start, request.today):
        return 0

    def scale(steps: int) -> float:
        return 1 + steps * EXTRA_STEP / full

    def fits(steps: int) -> bool:
        return _quick_fits(request, _Days(_Calendar(request, scale(steps)), None), target)

    most = math.floor((MAX_SCALE - 1) * full / EXTRA_STEP)
    if most < 1 or not fits(most):
        return 0
    low, high = 1, most
    while low < high:  # the smallest number of steps that fits
        middle = (low + high) // 2
        if fits(middle):
            high = middle
        else:
            low = middle + 1
    if request.terms or any(m.sitting for m in request.modules):
        # the capacity test ignores prerequisites and days a sitting waits for: confirm with
        # real placements
        high = _confirmed_steps(request, target, high, most, scale)
    return high * EXTRA_STEP


def _confirmed_steps(
    request: PlanRequest, target: date, low: int, most: int, scale: Callable[[int], float]
) -> int:
    """The fewest steps from `low` (the capacity test's answer) to `most` with which a real
    placement fits: a few growing strides, then halving. 0 when even `most` does not fit (say a
    course waits for a module of a later term)."""

    def fits(steps: int) -> bool:
        return _fits(_place(request, _Calendar(request, scale(steps)), None), target)

    if fits(low):
        return low
    stride, failed = 1, low
    while True:
        trial = min(most, failed + stride)
        if fits(trial):
            break
        if trial == most:
            return 0
        failed, stride = trial, stride * 4
    while failed + 1 < trial:
        middle = (failed + trial) // 2
        if fits(middle):
            trial = middle
        else:
            failed = middle
    return trial


def schedule_plan(request: PlanRequest) -> Schedule:
    """Place every unfinished module of `request` on the calendar and judge the result.

    Done modules keep their `done_on` and get no blocks. A module that is not done but has
    nothing left to study (all its minutes studied) gets no blocks either: its start and due are
    the first study day on which it may start (its prerequisites finished, its term begun).
    Raises PlanningError for unknown prerequisites, cycles and courses of a term without dates.
    """
    check_graph(request.modules, request.terms)
    full = request.availability.weekly_minutes
    calendar = _Calendar(request)
    extra = 0
    if full == 0:
        run = _Run(unscheduled=[m.id for m in request.modules if not m.done])
        used = 0
    elif request.target is not None:
        target = request.target
        used = full
        if request.terms:
            run = _place(request, calendar, None)
            fits_fully = _fits(run, target)
        else:  # exact and cheap: place only once, with the budget found
            fits_fully = _stream_fits(request, _Days(calendar, None), target)
            run = _Run()
        if fits_fully:
            used, run = _smallest_budget(request, calendar, target, full)
        else:
            if not request.terms:
                run = _place(request, calendar, None)
            if not run.unscheduled:
                extra = _extra_minutes_needed(request, target, full)
    else:
        assert request.weekly_minutes is not None
        used = min(request.weekly_minutes, full)
        run = _place(
            request, calendar, request.weekly_minutes if request.weekly_minutes < full else None
        )
    unplaced = {*run.unscheduled, *run.blocked}
    done_dates = [m.done_on for m in request.modules if m.done and m.done_on is not None]
    finish = run.finish or max(done_dates, default=None)
    return Schedule(
        modules=_scheduled_modules(request, run),
        blocks=tuple(run.blocks),
        finish=finish,
        verdict=replace(
            _verdict(request, run, finish, used, extra),
            term_needs=_term_needs(request, calendar, run),
            weekly_minutes_given=_given(request),
        ),
        unscheduled=tuple(m.id for m in request.modules if m.id in unplaced),
    )


def _given(request: PlanRequest) -> int:
    """The weekly time the user gave: the availability, or the budget when it is smaller."""
    full = request.availability.weekly_minutes
    if request.weekly_minutes is not None:
        return min(full, request.weekly_minutes)
    return full


def _term_needs(request: PlanRequest, calendar: _Calendar, run: _Run) -> tuple[TermNeed, ...]:
    """For each late term, the weekly minutes (5-minute steps, rounded up) that would cover its
    courses' remaining work within its dates, spread over the weekdays like the time given."""
    if not run.late_terms:
        return ()
    given = _given(request)
    budget = request.weekly_minutes
    days = _Days(calendar, budget if budget is not None and budget < given else None)
    needs = []
    for term in sorted(request.terms, key=lambda t: t.number):
        if term.number not in run.late_terms:
            continue
        need = sum(m.remaining_minutes for m in request.modules if m.term == term.number)
        first, last = max(term.start.toordinal(), calendar.first), term.end.toordinal()
        capacity = sum(days.minutes(d) for d in range(first, min(last, calendar.last) + 1))
        if capacity > 0 and given > 0:
            weekly = need * given / capacity
        else:  # no study time at all inside the term: spread over its weeks
            weekly = need / max(1.0, (last - first + 1) / 7)
        needs.append(TermNeed(term.number, math.ceil(weekly / 5 - 1e-9) * 5))
    return tuple(needs)


def _scheduled_modules(request: PlanRequest, run: _Run) -> tuple[ScheduledModule, ...]:
    def day(ordinal: int | None) -> date | None:
        return None if ordinal is None else date.fromordinal(ordinal)

    return tuple(
        ScheduledModule(m.id, None, m.done_on, m.minutes, done=True)
        if m.done
        else ScheduledModule(
            m.id, day(run.first_day.get(m.id)), day(run.last_day.get(m.id)), m.remaining_minutes
        )
        for m in request.modules
    )


def _verdict(
    request: PlanRequest, run: _Run, finish: date | None, used: int, extra: int
) -> Verdict:
    months = round((finish - request.start).days / DAYS_PER_MONTH, 1) if finish else 0.0
    usual = request.usual_months
    outside = bool(usual and finish and (months > usual[1] or months < usual[0]))
    base = Verdict(
        kind=VerdictKind.NO_TARGET,
        finish=finish,
        target=request.target,
        months=months,
        usual_months=usual,
        outside_usual=outside,
        program_label=request.program_label,
        late_terms=tuple(sorted(run.late_terms)),
        weekly_minutes_used=used,
        sittings_too_long=_shortfalls(request) if run.blocked else (),
    )
    if run.unscheduled:
        return replace(base, kind=VerdictKind.IMPOSSIBLE)
    if request.target is None:
        return base
    days_early = (request.target - finish).days if finish else 0
    if days_early >= 0:  # on time; late terms (if any) still make `fits` false
        return replace(
            base, kind=VerdictKind.FITS, days_early=days_early, extra_minutes_per_week=extra
        )
    return replace(
        base,
        kind=VerdictKind.TOO_LATE,
        days_early=days_early,
        extra_minutes_per_week=extra,
        suggested_target=finish,
    )


def _shortfalls(request: PlanRequest) -> tuple[SittingShortfall, ...]:
    weekday = longest_weekday(request)
    longest = request.availability.minutes[weekday]
    return tuple(
        SittingShortfall(m.id, m.title, m.remaining_minutes, weekday, longest)
        for m in too_long_sittings(request)
    )
