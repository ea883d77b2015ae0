"""The placement engine gives the same schedules as before it was made linear in modules: the
old engine (its waiting courses rescanned, and a set of ids rebuilt for each, whenever a module
finished) is kept here verbatim as the reference, and random plans are placed by both."""

from __future__ import annotations

from datetime import date, timedelta
from unittest import mock

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from studyplanner.core import scheduler
from studyplanner.core.model import (
    Availability,
    Blackout,
    ModuleKind,
    ModuleToPlan,
    PlanRequest,
    StudyBlock,
    Term,
)
from studyplanner.core.placement import (
    QUANTUM,
    _Calendar,
    _Days,
    _Placement,
    _Run,
    blocked_modules,
)

BASE = date(2027, 1, 4)


class OldPlacement:
    """core/placement.py's _Placement before the waiting courses were indexed (verbatim)."""

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


def old_place(request: PlanRequest, calendar: _Calendar, budget: int | None) -> _Run:
    return OldPlacement(request, _Days(calendar, budget)).place()


@st.composite
def degree_like(draw: st.DrawFn) -> PlanRequest:
    """Certificate tracks and degrees with many courses per term, prerequisites inside and
    across terms, sittings, modules already studied or done, days off, both modes."""
    start = BASE + timedelta(days=draw(st.integers(0, 30)))
    today = start + timedelta(days=draw(st.integers(-10, 40)))
    first_day = max(start, today)
    term_count = draw(st.sampled_from([0, 1, 2, 3, 5, 8]))
    terms: list[Term] = []
    term_start = start + timedelta(days=draw(st.integers(-20, 20)))
    for number in range(1, term_count + 1):
        length = draw(st.integers(7, 60))
        terms.append(Term(number, term_start, term_start + timedelta(days=length - 1)))
        term_start += timedelta(days=length + draw(st.integers(0, 20)))
    count = draw(st.integers(1, 40))
    modules: list[ModuleToPlan] = []
    for i in range(1, count + 1):
        minutes = draw(st.sampled_from([0, 5, 30, 60, 90, 240, 600, 1200]))
        earlier = st.integers(1, i - 1) if i > 1 else st.nothing()
        prereqs = draw(st.lists(earlier, max_size=4)) if i > 1 else []  # repeats allowed
        done = draw(st.integers(0, 5)) == 0
        done_on = first_day - timedelta(days=draw(st.integers(1, 100))) if done else None
        minutes_done = draw(st.sampled_from([0, 0, 0, minutes, minutes // 2]))
        term = draw(st.sampled_from([None, *range(1, term_count + 1)])) if terms else None
        sitting = draw(st.integers(0, 6)) == 0 and minutes > 0
        kind = ModuleKind.EXAM if sitting else ModuleKind.COURSE if term else ModuleKind.LESSON
        modules.append(
            ModuleToPlan(
                i,
                f"Module {i}",
                kind,
                minutes,
                tuple(prereqs),
                done=done,
                done_on=done_on,
                minutes_done=minutes_done,
                term=term,
                sitting=sitting,
            )
        )
    day_minutes = st.sampled_from([0, 30, 60, 90, 120, 240, 480])
    week = draw(st.lists(day_minutes, min_size=7, max_size=7))
    week[draw(st.integers(0, 6))] = draw(st.sampled_from([60, 180, 300]))
    blackouts = []
    for _ in range(draw(st.integers(0, 2))):
        b_start = first_day + timedelta(days=draw(st.integers(-5, 200)))
        blackouts.append(Blackout(b_start, b_start + timedelta(days=draw(st.integers(0, 14)))))
    if draw(st.booleans()):
        mode: dict[str, object] = {"target": first_day + timedelta(days=draw(st.integers(0, 900)))}
    else:
        mode = {"weekly_minutes": draw(st.integers(30, 2400))}
    return PlanRequest(
        modules=tuple(modules),
        availability=Availability(tuple(week)),  # type: ignore[arg-type]
        start=start,
        today=today,
        blackouts=tuple(blackouts),
        terms=tuple(terms),
        allow_long_sittings=draw(st.booleans()),
        **mode,  # type: ignore[arg-type]
    )


DIFFERENTIAL = settings(
    deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow]
)


@DIFFERENTIAL
@given(degree_like(), st.sampled_from([None, 60, 300, 900, 1800]))
def test_one_placement_equals_the_old_engines(request: PlanRequest, budget: int | None) -> None:
    calendar = _Calendar(request)
    new = _Placement(request, _Days(calendar, budget)).place()
    old = old_place(request, calendar, budget)
    event(f"terms={bool(request.terms)} blocks={min(len(old.blocks), 50) // 10 * 10}")
    assert new == old


@DIFFERENTIAL
@given(degree_like())
def test_the_whole_schedule_equals_the_one_the_old_engine_gives(request: PlanRequest) -> None:
    new = scheduler.schedule_plan(request)
    with mock.patch.object(scheduler, "_place", old_place):
        old = scheduler.schedule_plan(request)
    assert new == old


def test_a_course_waits_for_its_term_and_its_prerequisites_in_both_engines() -> None:
    """A course of term 2 requiring a course of term 1 that runs late starts when both hold."""
    terms = (
        Term(1, BASE, BASE + timedelta(days=6)),
        Term(2, BASE + timedelta(days=7), BASE + timedelta(days=13)),
    )
    modules = (
        ModuleToPlan(1, "A", ModuleKind.COURSE, 600, term=1),
        ModuleToPlan(2, "B", ModuleKind.COURSE, 60, (1,), term=2),
        ModuleToPlan(3, "C", ModuleKind.COURSE, 60, term=2),
    )
    request = PlanRequest(
        modules, Availability((60,) * 7), BASE, BASE, weekly_minutes=420, terms=terms
    )
    calendar = _Calendar(request)
    new = _Placement(request, _Days(calendar, None)).place()
    assert new == old_place(request, calendar, None)
    assert date.fromordinal(new.first_day[3]) == BASE + timedelta(days=7)
    assert date.fromordinal(new.first_day[2]) == BASE + timedelta(days=11)
    assert StudyBlock(BASE + timedelta(days=7), 1, 30) in new.blocks
