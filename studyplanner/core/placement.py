"""Placing study on the calendar: the day-by-day engine behind the scheduler.

A day's minutes are the weekday's availability, none on a blackout day; with a weekly budget the
week's usable minutes are scaled down evenly (5-minute steps) so the week never exceeds it.
Certificate tracks are one stream (the first unfinished module whose prerequisites are finished
gets the time); degree tracks run a term's courses in parallel from the term's start. Days are
proleptic ordinals inside (`date.toordinal()`); Monday is (ordinal - 1) % 7 == 0.

Sittings (exams sat in one go) are never split: a sitting goes whole on the first day it may
start whose availability still holds it (the day's full availability: on exam day the weekly
budget's evening-out gives way), at most one sitting a day. While a sitting waits for such a day,
the modules after it that do not require it go on. With `allow_long_sittings` a sitting may also
take a study day with no other study on it even when the day's availability is shorter. A
sitting that no weekday can hold is not placed at all, nor is what requires it: the verdict says
which weekday needs how much time (`too_long_sittings`).
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from studyplanner.core.calendar_steps import years_later
from studyplanner.core.model import (
    WEEKDAYS,
    ModuleToPlan,
    PlanningError,
    PlanRequest,
    StudyBlock,
    Term,
)
from studyplanner.core.validation import problem

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
        raise _refused("plan_same_id")
    term_numbers = {t.number for t in terms}
    for m in modules:
        for p in m.prerequisites:
            if p not in by_id:
                raise _refused("prerequisite_unknown", title=m.title, id=str(p))
            if p == m.id:
                raise _refused("prerequisite_self", title=m.title)
        if terms and m.term is not None and m.term not in term_numbers:
            raise _refused("term_without_dates", title=m.title, term=str(m.term))
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
                    raise _cycle_refused([by_id[n] for n in path[path.index(nxt) :]])
                if not state.get(nxt):
                    state[nxt] = 1
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                stack.pop()


def _refused(code: str, **values: str) -> PlanningError:
    """PlanningError with its message as a code and values (core/problem_codes.py)."""
    found = problem("modules", code, **values)
    error = PlanningError(found.message)
    error.problem = found
    return error


def _cycle_refused(cycle: list[ModuleToPlan]) -> PlanningError:
    """`cycle[i]` requires `cycle[i + 1]`, and the last requires the first."""
    if len(cycle) == 2:
        return _refused("prerequisites_each_other", first=cycle[0].title, second=cycle[1].title)
    links = " → ".join(f"'{m.title}'" for m in [*cycle, cycle[0]])
    return _refused("prerequisites_circle", links=links)


def too_long_sittings(request: PlanRequest) -> list[ModuleToPlan]:
    """Unfinished sittings longer than every weekday's availability (none when long sittings
    are allowed, or when there is no study time at all: that is reported on its own)."""
    longest = max(request.availability.minutes)
    if request.allow_long_sittings or longest == 0:
        return []
    return [m for m in request.modules if m.sitting and m.remaining_minutes > longest]


def longest_weekday(request: PlanRequest) -> int:
    """The weekday (0 = Monday) with the most study time; of equals, the latest in the week (a
    weekend day, where a long exam day usually goes)."""
    minutes = request.availability.minutes
    return max(range(len(WEEKDAYS)), key=lambda i: (minutes[i], i))


def blocked_modules(request: PlanRequest) -> set[int]:
    """The too-long sittings and every unfinished module that requires one (directly or not)."""
    blocked = {m.id for m in too_long_sittings(request)}
    changed = bool(blocked)
    while changed:
        changed = False
        for m in request.modules:
            if not m.done and m.id not in blocked and any(p in blocked for p in m.prerequisites):
                blocked.add(m.id)
                changed = True
    return blocked


def _horizon(first_day: date) -> int:
    """The last day (ordinal) on which anything is scheduled."""
    return years_later(first_day, HORIZON_YEARS).toordinal()


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
        self.busy: dict[int, int] = {}
        for busy in request.busy:
            ordinal = busy.day.toordinal()
            self.busy[ordinal] = self.busy.get(ordinal, 0) + busy.minutes

    def raw(self, day: int) -> int:
        if day < self.first or day in self.days_off:
            return 0
        minutes = self.weekday_minutes[(day - 1) % 7]
        if self.busy:  # busy time from calendars: that date's availability, never below zero
            minutes = max(0, minutes - self.busy.get(day, 0))
        return minutes


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
    blocked: list[int] = field(default_factory=list)
    """Too-long sittings and the modules that require them: never placed (see the verdict)."""

    @property
    def finish(self) -> date | None:
        last = max(self.last_day.values(), default=None)
        return None if last is None else date.fromordinal(last)


class _Placement:
    """One pass over the calendar: who studies what on each day."""

    def __init__(self, request: PlanRequest, days: _Days) -> None:
        self.days = days
        self.run = _Run()
        blocked = blocked_modules(request)
        self.run.blocked = [m.id for m in request.modules if m.id in blocked]
        self.allow_long = request.allow_long_sittings
        self.sitting_days: set[int] = set()
        self.order = [m for m in request.modules if not m.done and m.id not in blocked]
        self.finished = {m.id for m in request.modules if m.done}
        self.remaining = {m.id: m.remaining_minutes for m in self.order}
        self.empty = [m for m in self.order if m.remaining_minutes == 0]
        self.terms = {t.number: t for t in request.terms}
        ends = [t.end.toordinal() for t in request.terms]
        self.after_terms = max(ends) + 1 if ends else 0
        self.term_starts = {t.number: t.start.toordinal() for t in request.terms}
        self.position = {m.id: i for i, m in enumerate(self.order)}
        self.cursor = 0
        self.today: dict[int, int] = {}
        """Minutes given on the day being placed, by module id (in the order first given)."""
        self.ready: list[ModuleToPlan] = []
        self.ready_day, self.changed = 0, True
        self._index_waiting()

    def _index_waiting(self) -> None:
        """Term courses with work left wait until their term has begun and their prerequisites
        are finished. Each keeps a count of its unfinished prerequisites; a course whose count
        reaches zero goes on a heap keyed on its term's first day, and is taken from there by
        `_ready_courses`, so each course and each prerequisite link is handled once."""
        self.pending: dict[int, int] = {}
        self.dependents: dict[int, list[ModuleToPlan]] = {}
        self.unlocked: list[tuple[int, int, ModuleToPlan]] = []
        for m in self.order:
            if m.term is None or not m.remaining_minutes:
                continue
            unfinished = {p for p in m.prerequisites if p not in self.finished}
            self.pending[m.id] = len(unfinished)
            for p in unfinished:
                self.dependents.setdefault(p, []).append(m)
            if not unfinished:
                self._unlock(m)

    def _unlock(self, m: ModuleToPlan) -> None:
        opens = self.term_starts[m.term] if self.terms and m.term is not None else 0
        heapq.heappush(self.unlocked, (opens, self.position[m.id], m))

    def place(self) -> _Run:
        calendar = self.days.calendar
        day, parallel = calendar.first, bool(self.terms)
        while self.remaining and day <= calendar.last:
            available = self.days.minutes(day)
            if available > 0:
                self.today = {}
                if parallel:
                    self._share_day(day, available)
                else:
                    self._stream_day(day, available)
                if self.today:
                    when = date.fromordinal(day)
                    self.run.blocks.extend(
                        StudyBlock(when, module_id, minutes)
                        for module_id, minutes in self.today.items()
                    )
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
        for m in self.dependents.pop(module_id, ()):
            self.pending[m.id] -= 1
            if not self.pending[m.id]:
                self._unlock(m)

    def _ready_courses(self, day: int) -> list[ModuleToPlan]:
        """Term courses with work left that may be studied on `day`, in order. Kept in two
        lists (ready, waiting) refreshed only on a new day or when a module finishes: a course
        once ready stays ready until it finishes."""
        if self.changed or day != self.ready_day:
            self.ready = [m for m in self.ready if m.id in self.remaining]
            unlocked, now = self.unlocked, []
            while unlocked and unlocked[0][0] <= day:
                now.append(heapq.heappop(unlocked)[2])
            if now:
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
        """Add minutes to the module's block of that day (one block per day and module; the
        day's blocks are made when the day is placed)."""
        today = self.today
        today[module_id] = today.get(module_id, 0) + minutes
        run = self.run
        if module_id not in run.first_day:
            run.first_day[module_id] = day
        run.last_day[module_id] = day
        left = self.remaining[module_id] - minutes
        self.remaining[module_id] = left
        if left == 0:
            self._finish(module_id)

    def _stream_head(self, day: int, passed: set[int]) -> ModuleToPlan | None:
        """The first module in order, from the cursor on, that may be studied now (sittings in
        `passed` wait for another day)."""
        order, remaining = self.order, self.remaining
        while self.cursor < len(order) and order[self.cursor].id not in remaining:
            self.cursor += 1
        for i in range(self.cursor, len(order)):
            m = order[i]
            if m.id in passed:
                continue
            if remaining.get(m.id) and self._open(m, day) and self._eligible(m):
                if self.terms and m.term is not None:
                    continue
                return m
        return None

    def _sitting_fits(self, day: int, minutes: int, used: int) -> bool:
        """May a sitting of `minutes` go on `day`, after `used` minutes of other study?"""
        if day in self.sitting_days:
            return False
        if self.allow_long and used == 0:
            return True
        return minutes <= self.days.calendar.raw(day) - used

    def _sit(self, day: int, module: ModuleToPlan) -> int:
        """Place the whole sitting on `day`; its minutes."""
        minutes = self.remaining[module.id]
        self.sitting_days.add(day)
        self._give(day, module.id, minutes)
        return minutes

    def _stream_day(self, day: int, available: int) -> None:
        used = 0
        passed: set[int] = set()  # sittings that do not fit today
        while available > 0:
            self._settle_empty(day)
            current = self._stream_head(day, passed)
            if current is None:
                return
            if current.sitting:
                if self._sitting_fits(day, self.remaining[current.id], used):
                    taken = self._sit(day, current)
                    used += taken
                    available = max(0, available - taken)
                else:
                    passed.add(current.id)
                continue
            take = min(available, self.remaining[current.id])
            self._give(day, current.id, take)
            available -= take
            used += take
        self._settle_empty(day)

    def _share_day(self, day: int, available: int) -> None:
        """Term courses that may be studied share the day evenly; after the last term the
        modules without a term take part as one stream (one participant)."""
        used = 0
        tried: set[int] = set()  # sittings considered today (placed, or not fitting)
        while available > 0:
            self._settle_empty(day)
            active = self._ready_courses(day)
            if day >= self.after_terms:
                head = self._stream_head(day, tried)
                if head is not None:
                    active.append(head)
                    active.sort(key=lambda m: self.position[m.id])
            sitting = next((m for m in active if m.sitting and m.id not in tried), None)
            if sitting is not None:  # a sitting first, whole, before the day is shared
                tried.add(sitting.id)
                if self._sitting_fits(day, self.remaining[sitting.id], used):
                    taken = self._sit(day, sitting)
                    used += taken
                    available = max(0, available - taken)
                continue
            active = [m for m in active if not m.sitting]
            if not active:
                return
            share = max(QUANTUM, available // len(active) // QUANTUM * QUANTUM)
            for m in active:
                if available <= 0:
                    break
                take = min(share, available, self.remaining[m.id])
                self._give(day, m.id, take)
                available -= take
                used += take
        self._settle_empty(day)


def _place(request: PlanRequest, calendar: _Calendar, budget: int | None) -> _Run:
    return _Placement(request, _Days(calendar, budget)).place()
