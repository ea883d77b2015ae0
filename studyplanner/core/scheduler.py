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
  verdict says how many more minutes a week, or which later target, would fit.

Inside, days are proleptic ordinals (`date.toordinal()`); Monday is (ordinal - 1) % 7 == 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise

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
"""The weekly budget searched for in target mode moves in steps of this many minutes."""
HORIZON_YEARS = 15
"""Work not finished this many years after the first study day is reported as unscheduled."""
DAYS_PER_MONTH = 30.44
MAX_SCALE = 64.0
"""The most the availability is multiplied by when working out how much more time would fit."""
EXTRA_STEP = 30


def check_graph(modules: Sequence[ModuleToPlan], terms: Sequence[Term]) -> None:
    """Raise PlanningError for duplicate ids, unknown prerequisites, prerequisite cycles, or
    (degree tracks) courses whose term has no dates. Messages name the modules by title."""
    by_id = {m.id: m for m in modules}
    if len(by_id) != len(modules):
        raise PlanningError("two modules share the same id")
    term_numbers = {t.number for t in terms}
    for m in modules:
        for p in m.prerequisites:
            if p not in by_id:
                raise PlanningError(
                    f"{m.title!r} requires a module that is not in the track (id {p})"
                )
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
                    path = [n for n, _ in stack]
                    raise PlanningError(_cycle_message([by_id[n] for n in path[path.index(nxt) :]]))
                if not state.get(nxt):
                    state[nxt] = 1
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                stack.pop()


def _cycle_message(cycle: list[ModuleToPlan]) -> str:
    """`cycle[i]` requires `cycle[i + 1]`, and the last requires the first."""
    if len(cycle) == 2:
        return f"{cycle[0].title!r} and {cycle[1].title!r} require each other"
    links = [f"{a.title!r} requires {b.title!r}" for a, b in pairwise([*cycle, cycle[0]])]
    return "the prerequisites go round in a circle: " + ", ".join(links)


def _horizon(first_day: date) -> int:
    """The last day (ordinal) on which anything is scheduled."""
    try:
        return first_day.replace(year=first_day.year + HORIZON_YEARS).toordinal()
    except ValueError:  # 29 February
        return first_day.replace(year=first_day.year + HORIZON_YEARS, day=28).toordinal()


class _Calendar:
    """Raw study minutes per day: availability (times `scale`), none on days off or before the
    first study day."""

    def __init__(self, request: PlanRequest, scale: float = 1.0) -> None:
        first_day = max(request.start, request.today)
        self.first = first_day.toordinal()
        self.last = _horizon(first_day)
        minutes = request.availability.minutes
        self.weekday_minutes = tuple(int(m * scale) for m in minutes) if scale != 1.0 else minutes
        self.days_off: set[int] = set()
        for b in request.blackouts:
            low, high = max(b.start.toordinal(), self.first), min(b.end.toordinal(), self.last + 7)
            self.days_off.update(range(low, high + 1))

    def raw(self, day: int) -> int:
        if day < self.first or day in self.days_off:
            return 0
        return self.weekday_minutes[(day - 1) % 7]


class _Days:
    """Minutes to study per day: the calendar's, shaped so no ISO week exceeds `budget`."""

    def __init__(self, calendar: _Calendar, budget: int | None) -> None:
        self.calendar = calendar
        self.budget = budget
        self._weeks: dict[int, list[int]] = {}

    def minutes(self, day: int) -> int:
        if self.budget is None:
            return self.calendar.raw(day)
        weekday = (day - 1) % 7
        monday = day - weekday
        week = self._weeks.get(monday)
        if week is None:
            week = self._weeks[monday] = self._shape_week(monday, self.budget)
        return week[weekday]

    def _shape_week(self, monday: int, budget: int) -> list[int]:
        raw = [self.calendar.raw(monday + i) for i in range(7)]
        usable = sum(raw)
        if usable <= budget:
            return raw
        factor = budget / usable
        shaped = [int(m * factor) // QUANTUM * QUANTUM for m in raw]
        left = budget - sum(shaped)
        for i in range(7):  # what rounding lost goes to the earliest days, within availability
            if left < QUANTUM:
                break
            extra = min(left, raw[i] - shaped[i]) // QUANTUM * QUANTUM
            shaped[i] += extra
            left -= extra
        return shaped


@dataclass
class _Run:
    """The outcome of one placement pass (days as ordinals)."""

    blocks: list[StudyBlock] = field(default_factory=list)
    first_day: dict[int, int] = field(default_factory=dict)
    last_day: dict[int, int] = field(default_factory=dict)
    unscheduled: list[int] = field(default_factory=list)
    late_terms: set[int] = field(default_factory=set)

    @property
    def finish(self) -> date | None:
        last = max(self.last_day.values(), default=None)
        return None if last is None else date.fromordinal(last)


class _Placement:
    """One pass over the calendar: who studies what on each day."""

    def __init__(self, request: PlanRequest, days: _Days) -> None:
        self.days = days
        self.run = _Run()
        self.order = [m for m in request.modules if not m.done]
        self.finished = {m.id for m in request.modules if m.done}
        self.remaining = {m.id: m.remaining_minutes for m in self.order}
        self.empty = [m for m in self.order if m.remaining_minutes == 0]
        self.terms = {t.number: t for t in request.terms}
        ends = [t.end.toordinal() for t in request.terms]
        self.after_terms = max(ends) + 1 if ends else 0
        self.term_starts = {t.number: t.start.toordinal() for t in request.terms}
        self.position = {m.id: i for i, m in enumerate(self.order)}
        self.cursor = 0
        self.today = date.min
        self.ready: list[ModuleToPlan] = []
        self.waiting = [m for m in self.order if m.term is not None and m.remaining_minutes]
        self.ready_day, self.changed = 0, True

    def place(self) -> _Run:
        calendar = self.days.calendar
        day, parallel = calendar.first, bool(self.terms)
        while self.remaining and day <= calendar.last:
            available = self.days.minutes(day)
            if available > 0:
                self.today = date.fromordinal(day)
                if parallel:
                    self._share_day(day, available)
                else:
                    self._stream_day(day, available)
            day += 1
        run = self.run
        run.unscheduled = [m.id for m in self.order if m.id in self.remaining]
        for m in self.order:
            if m.term is None or m.term not in self.terms:
                continue
            last = run.last_day.get(m.id)
            if m.id in self.remaining or (last and last > self.terms[m.term].end.toordinal()):
                run.late_terms.add(m.term)
        return run

    def _eligible(self, m: ModuleToPlan) -> bool:
        return all(p in self.finished for p in m.prerequisites)

    def _open(self, m: ModuleToPlan, day: int) -> bool:
        """May `m` be studied on `day`? Always on a certificate track; term courses from their
        term's start on; modules without a term after the last term."""
        if not self.terms:
            return True
        if m.term is None:
            return day >= self.after_terms
        return day >= self.term_starts[m.term]

    def _finish(self, module_id: int) -> None:
        del self.remaining[module_id]
        self.finished.add(module_id)
        self.changed = True

    def _ready_courses(self, day: int) -> list[ModuleToPlan]:
        """Term courses with work left that may be studied on `day`, in order. Kept in two
        lists (ready, waiting) refreshed only on a new day or when a module finishes: a course
        once ready stays ready until it finishes."""
        if self.changed or day != self.ready_day:
            self.ready = [m for m in self.ready if m.id in self.remaining]
            now = [m for m in self.waiting if self._open(m, day) and self._eligible(m)]
            if now:
                self.waiting = [m for m in self.waiting if m.id not in {n.id for n in now}]
                self.ready = sorted([*self.ready, *now], key=lambda m: self.position[m.id])
            self.changed, self.ready_day = False, day
        return list(self.ready)

    def _settle_empty(self, day: int) -> None:
        """Modules with nothing left to study are due on the first study day on which they may
        start (their prerequisites finished, their term begun)."""
        settled = True
        while self.empty and settled:
            settled = False
            for m in self.empty:
                if self._open(m, day) and self._eligible(m):
                    self.run.first_day[m.id] = self.run.last_day[m.id] = day
                    self._finish(m.id)
                    settled = True
            if settled:
                self.empty = [m for m in self.empty if m.id in self.remaining]

    def _give(self, day: int, module_id: int, minutes: int) -> None:
        """Add minutes to the module's block of that day (one block per day and module)."""
        blocks = self.run.blocks
        i = len(blocks) - 1
        when = self.today
        while i >= 0 and blocks[i].day == when:
            if blocks[i].module_id == module_id:
                blocks[i] = StudyBlock(when, module_id, blocks[i].minutes + minutes)
                break
            i -= 1
        else:
            blocks.append(StudyBlock(when, module_id, minutes))
        self.run.first_day.setdefault(module_id, day)
        self.run.last_day[module_id] = day
        self.remaining[module_id] -= minutes
        if self.remaining[module_id] == 0:
            self._finish(module_id)

    def _stream_head(self, day: int) -> ModuleToPlan | None:
        """The first module in order, from the cursor on, that may be studied now."""
        order, remaining = self.order, self.remaining
        while self.cursor < len(order) and order[self.cursor].id not in remaining:
            self.cursor += 1
        for i in range(self.cursor, len(order)):
            m = order[i]
            if remaining.get(m.id) and self._open(m, day) and self._eligible(m):
                if self.terms and m.term is not None:
                    continue
                return m
        return None

    def _stream_day(self, day: int, available: int) -> None:
        while available > 0:
            self._settle_empty(day)
            current = self._stream_head(day)
            if current is None:
                return
            take = min(available, self.remaining[current.id])
            self._give(day, current.id, take)
            available -= take
        self._settle_empty(day)

    def _share_day(self, day: int, available: int) -> None:
        """Term courses that may be studied share the day evenly; after the last term the
        modules without a term take part as one stream (one participant)."""
        while available > 0:
            self._settle_empty(day)
            active = self._ready_courses(day)
            if day >= self.after_terms:
                head = self._stream_head(day)
                if head is not None:
                    active.append(head)
                    active.sort(key=lambda m: self.position[m.id])
            if not active:
                return
            share = max(QUANTUM, available // len(active) // QUANTUM * QUANTUM)
            for m in active:
                if available <= 0:
                    break
                take = min(share, available, self.remaining[m.id])
                self._give(day, m.id, take)
                available -= take
        self._settle_empty(day)


def _place(request: PlanRequest, calendar: _Calendar, budget: int | None) -> _Run:
    return _Placement(request, _Days(calendar, budget)).place()


def _fits(run: _Run, target: date) -> bool:
    finish = run.finish
    return not run.unscheduled and not run.late_terms and (finish is None or finish <= target)


def _stream_fits(request: PlanRequest, days: _Days, target: date) -> bool:
    """Single-stream tracks never idle while work is left, so they finish by `target` exactly
    when the study time up to `target` covers the remaining work (one study day at least when
    only fully studied modules are left): a cheap, exact test for the searches."""
    unfinished = [m for m in request.modules if not m.done]
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
    for m in request.modules:
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
    if request.terms:  # the capacity test ignores prerequisites: confirm with real placements
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
    done_dates = [m.done_on for m in request.modules if m.done and m.done_on is not None]
    finish = run.finish or max(done_dates, default=None)
    return Schedule(
        modules=_scheduled_modules(request, run),
        blocks=tuple(run.blocks),
        finish=finish,
        verdict=_verdict(request, run, finish, used, extra),
        unscheduled=tuple(run.unscheduled),
    )


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
