"""The scheduler: a pure function from a PlanRequest to a dated Schedule with a verdict.

How it places work, day by day from max(start, today):
- a day's minutes are the weekday's availability, none on a blackout day; with a weekly budget
  the week's usable minutes are scaled down evenly (5-minute steps) so the week never exceeds it;
- certificate tracks are one stream: the first unfinished module (in the track's order) whose
  prerequisites are finished gets the time; when it finishes mid-day the next one continues;
- degree tracks run a term's courses in parallel between the term's dates, sharing each day's
  minutes evenly; courses that overrun their term keep going (nothing is dropped) and the term is
  reported late;
- with a target date, the smallest weekly budget (15-minute steps) that still finishes by the
  target is used, so the learner is not crammed; when even all the available time misses it, the
  verdict says how many more minutes a week, or which later target, would fit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from studyplanner.core.model import (
    ModuleToPlan,
    PlanningError,
    PlanRequest,
    Schedule,
    ScheduledModule,
    StudyBlock,
    Term,
    Verdict,
    VerdictKind,
)

QUANTUM = 5
"""Minutes are handed out in steps of this size when a day or a week is shared."""
BUDGET_STEP = 15
HORIZON_DAYS = 15 * 366
DAYS_PER_MONTH = 30.44
MAX_SCALE = 64.0


@dataclass
class _Run:
    """The outcome of one placement pass."""

    blocks: list[StudyBlock] = field(default_factory=list)
    first_day: dict[int, date] = field(default_factory=dict)
    last_day: dict[int, date] = field(default_factory=dict)
    unscheduled: list[int] = field(default_factory=list)
    late_terms: set[int] = field(default_factory=set)

    @property
    def finish(self) -> date | None:
        return max(self.last_day.values(), default=None)


def check_graph(modules: Sequence[ModuleToPlan], terms: Sequence[Term]) -> None:
    """Raise PlanningError for unknown prerequisites, cycles or courses in a missing term."""
    by_id = {m.id: m for m in modules}
    if len(by_id) != len(modules):
        raise PlanningError("two modules share the same id")
    term_numbers = {t.number for t in terms}
    for m in modules:
        for p in m.prerequisites:
            if p not in by_id:
                raise PlanningError(f"{m.title!r} requires a module that is not in the track")
            if p == m.id:
                raise PlanningError(f"{m.title!r} cannot require itself")
        if terms and m.term is not None and m.term not in term_numbers:
            raise PlanningError(f"{m.title!r} belongs to term {m.term}, which has no dates")
    state: dict[int, int] = {}  # 1 = on the current path, 2 = checked

    for root in modules:
        if state.get(root.id):
            continue
        stack: list[tuple[int, int]] = [(root.id, 0)]
        state[root.id] = 1
        while stack:
            node, index = stack[-1]
            prereqs = by_id[node].prerequisites
            if index < len(prereqs):
                stack[-1] = (node, index + 1)
                nxt = prereqs[index]
                if state.get(nxt) == 1:
                    raise PlanningError(
                        f"{by_id[nxt].title!r} and {by_id[node].title!r} require each other"
                    )
                if not state.get(nxt):
                    state[nxt] = 1
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                stack.pop()


class _Days:
    """Minutes available per day, with blackouts, a weekly budget and a scale factor applied."""

    def __init__(self, request: PlanRequest, first_day: date, budget: int | None, scale: float):
        self._request = request
        self._first_day = first_day
        self._budget = budget
        self._scale = scale
        self._weeks: dict[date, list[int]] = {}
        self._blackouts = sorted(request.blackouts, key=lambda b: b.start)
        self._raw_cache: dict[date, int] = {}

    def _raw(self, day: date) -> int:
        cached = self._raw_cache.get(day)
        if cached is None:
            cached = self._raw_cache[day] = self._raw_uncached(day)
        return cached

    def _raw_uncached(self, day: date) -> int:
        if day < self._first_day:
            return 0
        for b in self._blackouts:
            if b.start > day:
                break
            if b.end >= day:
                return 0
        minutes = self._request.availability.on(day)
        if self._scale != 1.0:
            minutes = int(minutes * self._scale)
        return minutes

    def minutes(self, day: date) -> int:
        if self._budget is None:
            return self._raw(day)
        monday = day - timedelta(days=day.weekday())
        week = self._weeks.get(monday)
        if week is None:
            week = self._shape_week(monday)
            self._weeks[monday] = week
        return week[day.weekday()]

    def _shape_week(self, monday: date) -> list[int]:
        assert self._budget is not None
        raw = [self._raw(monday + timedelta(days=i)) for i in range(7)]
        usable = sum(raw)
        if usable <= self._budget:
            return raw
        factor = self._budget / usable
        shaped = [int(m * factor) // QUANTUM * QUANTUM for m in raw]
        left = self._budget - sum(shaped)
        for i in range(7):  # give what rounding lost back to the earliest days, within availability
            if left <= 0:
                break
            extra = min(left, raw[i] - shaped[i]) // QUANTUM * QUANTUM
            shaped[i] += extra
            left -= extra
        return shaped


def _place(request: PlanRequest, budget: int | None, scale: float = 1.0) -> _Run:
    """One pass over the calendar with a given weekly budget (None: all available time)."""
    first_day = max(request.start, request.today)
    days = _Days(request, first_day, budget, scale)
    run = _Run()
    finished: set[int] = set()
    remaining: dict[int, int] = {}
    order: list[ModuleToPlan] = []
    for m in request.modules:
        if m.done:
            finished.add(m.id)
        else:  # fully studied but not marked done: remaining 0, "finishes" once it may start
            remaining[m.id] = m.remaining_minutes
            order.append(m)
    terms = {t.number: t for t in request.terms}
    last_term_end = max((t.end for t in request.terms), default=None)
    parallel = bool(terms)
    day = first_day
    horizon = first_day + timedelta(days=HORIZON_DAYS)
    cursor = [0]
    while remaining and day <= horizon:
        available = days.minutes(day)
        if available > 0:
            if parallel:
                available = _share_day(day, available, order, remaining, finished, terms,
                                       last_term_end, run)  # fmt: skip
            else:
                _stream_day(day, available, order, remaining, finished, run, cursor)
        day += timedelta(days=1)
    run.unscheduled = [m.id for m in order if m.id in remaining]
    for m in order:
        last = run.last_day.get(m.id)
        if m.term is not None and m.term in terms and last and last > terms[m.term].end:
            run.late_terms.add(m.term)
        if m.term is not None and m.id in remaining:
            run.late_terms.add(m.term)
    return run


def _eligible(m: ModuleToPlan, finished: set[int]) -> bool:
    return all(p in finished for p in m.prerequisites)


def _give(run: _Run, day: date, module_id: int, minutes: int) -> None:
    """Add minutes to the module's block of that day (one block per day and module)."""
    blocks = run.blocks
    i = len(blocks) - 1
    while i >= 0 and blocks[i].day == day:
        if blocks[i].module_id == module_id:
            blocks[i] = StudyBlock(day, module_id, blocks[i].minutes + minutes)
            break
        i -= 1
    else:
        blocks.append(StudyBlock(day, module_id, minutes))
    run.first_day.setdefault(module_id, day)
    run.last_day[module_id] = day


def _finish_empty(
    run: _Run, day: date, module_id: int, remaining: dict[int, int], finished: set[int]
) -> None:
    """A module with nothing left to study is due the first study day it may start."""
    run.first_day.setdefault(module_id, day)
    run.last_day[module_id] = day
    del remaining[module_id]
    finished.add(module_id)


def _stream_day(
    day: date,
    available: int,
    order: list[ModuleToPlan],
    remaining: dict[int, int],
    finished: set[int],
    run: _Run,
    cursor: list[int],
) -> None:
    """Single stream. `cursor[0]` is the index of the first unfinished module in `order`."""
    while available > 0:
        while cursor[0] < len(order) and order[cursor[0]].id not in remaining:
            cursor[0] += 1
        current = None
        for m in order[cursor[0] :] if cursor[0] else order:
            if m.id in remaining and _eligible(m, finished):
                current = m
                break
        if current is None:
            return
        if remaining[current.id] == 0:
            _finish_empty(run, day, current.id, remaining, finished)
            continue
        take = min(available, remaining[current.id])
        _give(run, day, current.id, take)
        available -= take
        remaining[current.id] -= take
        if remaining[current.id] == 0:
            del remaining[current.id]
            finished.add(current.id)


def _share_day(
    day: date,
    available: int,
    order: list[ModuleToPlan],
    remaining: dict[int, int],
    finished: set[int],
    terms: dict[int, Term],
    last_term_end: date | None,
    run: _Run,
) -> int:
    while available > 0:
        active = [m for m in order if m.id in remaining and _open(m, day, terms, last_term_end)]
        active = [m for m in active if _eligible(m, finished)]
        empty = [m for m in active if remaining[m.id] == 0]
        if empty:
            for m in empty:
                _finish_empty(run, day, m.id, remaining, finished)
            continue
        if not active:
            return available
        share = max(QUANTUM, available // len(active) // QUANTUM * QUANTUM)
        progressed = False
        for m in active:
            if available <= 0:
                break
            take = min(share, available, remaining[m.id])
            if take <= 0:
                continue
            _give(run, day, m.id, take)
            progressed = True
            available -= take
            remaining[m.id] -= take
            if remaining[m.id] == 0:
                del remaining[m.id]
                finished.add(m.id)
        if not progressed:
            return available
    return available


def _open(m: ModuleToPlan, day: date, terms: dict[int, Term], last_term_end: date | None) -> bool:
    """May this module be studied on `day`? Term courses from their term's start on (overrunning
    courses go on after the term ends); modules without a term after the last term."""
    if m.term is None:
        return last_term_end is None or day > last_term_end
    return day >= terms[m.term].start


def _capacity_fits(request: PlanRequest, budget: int | None, scale: float, target: date) -> bool:
    """Single-stream tracks never idle while work is left, so they finish by `target` exactly
    when the study time up to `target` covers the remaining work: a cheap test for the searches."""
    total = sum(m.remaining_minutes for m in request.modules)
    first_day = max(request.start, request.today)
    days = _Days(request, first_day, budget, scale)
    day, covered = first_day, 0
    while day <= target:
        covered += days.minutes(day)
        if covered >= total:
            return True
        day += timedelta(days=1)
    return total == 0


def _terms_capacity_fits(
    request: PlanRequest, budget: int | None, scale: float, target: date
) -> bool:
    """Degree tracks: each term's study time (up to the target) covers its courses, and the time
    after the last term covers the modules without a term. Ignores waiting on prerequisites
    inside a term, so the searches confirm their answer with a real placement."""
    first_day = max(request.start, request.today)
    days = _Days(request, first_day, budget, scale)

    def capacity(first: date, last: date) -> int:
        total, day = 0, max(first, first_day)
        while day <= last:
            total += days.minutes(day)
            day += timedelta(days=1)
        return total

    need: dict[int | None, int] = {}
    for m in request.modules:
        need[m.term] = need.get(m.term, 0) + m.remaining_minutes
    for term in request.terms:
        if need.get(term.number, 0) > capacity(term.start, min(term.end, target)):
            return False
    last_end = max(t.end for t in request.terms)
    return need.get(None, 0) <= capacity(last_end + timedelta(days=1), target)


def _fits_with(request: PlanRequest, budget: int | None, scale: float, target: date) -> bool:
    if not request.terms:
        return _capacity_fits(request, budget, scale, target)
    return _terms_capacity_fits(request, budget, scale, target)


def _fits(run: _Run, target: date) -> bool:
    finish = run.finish
    return not run.unscheduled and not run.late_terms and (finish is None or finish <= target)


def _smallest_budget(request: PlanRequest, target: date, full: int) -> tuple[int, _Run]:
    """The smallest weekly budget (in BUDGET_STEP steps, at most `full`) that fits the target."""
    low, high = 1, math.ceil(full / BUDGET_STEP)
    best_budget = full
    while low <= high:
        middle = (low + high) // 2
        budget = min(full, middle * BUDGET_STEP)
        if _fits_with(request, budget, 1.0, target):
            best_budget = budget
            high = middle - 1
        else:
            low = middle + 1
    run = _place(request, best_budget if best_budget < full else None)
    while request.terms and not _fits(run, target) and best_budget < full:
        # prerequisites inside a term can leave days idle: raise the budget until it really fits
        best_budget = min(full, best_budget + BUDGET_STEP * 4)
        run = _place(request, best_budget if best_budget < full else None)
    return best_budget, run


def _extra_minutes_needed(request: PlanRequest, target: date, full: int) -> int:
    """More weekly minutes (spread like the current weekdays) that would reach the target."""
    if target < max(request.start, request.today):
        return 0
    if not _fits_with(request, None, MAX_SCALE, target):
        return 0
    low, high = 1.0, MAX_SCALE
    for _ in range(20):
        middle = (low + high) / 2
        if _fits_with(request, None, middle, target):
            high = middle
        else:
            low = middle
    extra = (high - 1.0) * full
    return max(30, math.ceil(extra / 30) * 30)


def schedule_plan(request: PlanRequest) -> Schedule:
    """Place every unfinished module of `request` on the calendar and judge the result."""
    check_graph(request.modules, request.terms)
    full = request.availability.weekly_minutes
    done_dates = [m.done_on for m in request.modules if m.done and m.done_on is not None]
    extra = 0
    if full == 0 and any(m.remaining_minutes for m in request.modules):
        run = _Run(unscheduled=[m.id for m in request.modules if m.remaining_minutes])
        used = 0
    elif request.target is not None:
        run = _place(request, None)
        used = full
        if _fits(run, request.target):
            used, run = _smallest_budget(request, request.target, full)
        else:
            extra = _extra_minutes_needed(request, request.target, full)
    else:
        assert request.weekly_minutes is not None
        used = min(request.weekly_minutes, full)
        run = _place(request, request.weekly_minutes if request.weekly_minutes < full else None)
    finish = run.finish or max(done_dates, default=None)
    return Schedule(
        modules=_scheduled_modules(request, run),
        blocks=tuple(run.blocks),
        finish=finish,
        verdict=_verdict(request, run, finish, used, extra),
        unscheduled=tuple(run.unscheduled),
    )


def _scheduled_modules(request: PlanRequest, run: _Run) -> tuple[ScheduledModule, ...]:
    result = []
    for m in request.modules:
        if m.done:
            result.append(ScheduledModule(m.id, None, m.done_on, m.minutes, done=True))
        else:
            result.append(
                ScheduledModule(
                    m.id, run.first_day.get(m.id), run.last_day.get(m.id), m.remaining_minutes
                )
            )
    return tuple(result)


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
    )
    if run.unscheduled:
        return replace(base, kind=VerdictKind.IMPOSSIBLE)
    if request.target is None:
        return base
    days_early = (request.target - finish).days if finish else 0
    if _fits(run, request.target):
        return replace(base, kind=VerdictKind.FITS, days_early=days_early)
    return replace(
        base,
        kind=VerdictKind.TOO_LATE,
        days_early=days_early,
        extra_minutes_per_week=extra,
        suggested_target=finish,
    )
