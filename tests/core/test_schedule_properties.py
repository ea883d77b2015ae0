"""Invariants of the scheduler on random inputs (hypothesis)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyplanner.core.model import (
    Availability,
    Blackout,
    ModuleKind,
    ModuleToPlan,
    PlanRequest,
    Schedule,
    Term,
    VerdictKind,
)
from studyplanner.core.scheduler import schedule_plan

BASE = date(2027, 1, 1)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def requests(draw: st.DrawFn, with_terms: bool | None = None) -> PlanRequest:
    count = draw(st.integers(1, 12))
    use_terms = draw(st.booleans()) if with_terms is None else with_terms
    start = BASE + timedelta(days=draw(st.integers(0, 60)))
    today = start + timedelta(days=draw(st.integers(-30, 30)))
    terms: tuple[Term, ...] = ()
    if use_terms:
        n_terms = draw(st.integers(1, 3))
        terms = tuple(
            Term(k + 1, start + timedelta(days=k * 120), start + timedelta(days=k * 120 + 90))
            for k in range(n_terms)
        )
    modules = []
    for i in range(count):
        prereqs = tuple(sorted(draw(st.sets(st.integers(0, i - 1), max_size=2)) if i else ()))
        done = draw(st.booleans()) and draw(st.booleans())
        minutes = draw(st.integers(15, 3000))
        modules.append(
            ModuleToPlan(
                id=i,
                title=f"M{i}",
                kind=draw(st.sampled_from(list(ModuleKind))),
                minutes=minutes,
                prerequisites=prereqs,
                done=done,
                done_on=start - timedelta(days=draw(st.integers(1, 50))) if done else None,
                minutes_done=draw(st.integers(0, minutes)) if not done else 0,
                term=draw(st.integers(1, len(terms))) if terms else None,
            )
        )
    if terms:  # a course may not require a course of a later term
        modules = [
            replace(m, prerequisites=tuple(p for p in m.prerequisites if modules[p].term <= m.term))  # type: ignore[operator]
            for m in modules
        ]
    minutes = draw(
        st.lists(st.sampled_from([0, 0, 15, 30, 45, 60, 90, 120, 240]), min_size=7, max_size=7)
    )
    if not any(minutes):
        minutes[draw(st.integers(0, 6))] = 60
    blackouts = []
    for _ in range(draw(st.integers(0, 3))):
        first = start + timedelta(days=draw(st.integers(-10, 200)))
        blackouts.append(Blackout(first, first + timedelta(days=draw(st.integers(0, 20)))))
    target = None
    weekly = None
    if draw(st.booleans()):
        target = max(start, today) + timedelta(days=draw(st.integers(1, 900)))
    else:
        weekly = draw(st.integers(15, 20 * 60))
    return PlanRequest(
        modules=tuple(modules),
        availability=Availability(tuple(minutes)),  # type: ignore[arg-type]
        start=start,
        today=today,
        target=target,
        weekly_minutes=weekly,
        blackouts=tuple(blackouts),
        terms=terms,
    )


def check_invariants(request: PlanRequest, schedule: Schedule) -> None:
    first_day = max(request.start, request.today)
    per_day: dict[date, int] = defaultdict(int)
    per_week: dict[tuple[int, int], int] = defaultdict(int)
    per_module: dict[int, int] = defaultdict(int)
    seen: set[tuple[date, int]] = set()
    by_id = {m.id: m for m in request.modules}
    terms = {t.number: t for t in request.terms}
    previous = None
    for block in schedule.blocks:
        assert block.minutes > 0
        assert block.day >= first_day
        assert not any(b.covers(block.day) for b in request.blackouts)
        assert request.availability.on(block.day) > 0
        assert (block.day, block.module_id) not in seen
        seen.add((block.day, block.module_id))
        assert previous is None or previous <= block.day
        previous = block.day
        per_day[block.day] += block.minutes
        per_week[block.day.isocalendar()[:2]] += block.minutes
        per_module[block.module_id] += block.minutes
        module = by_id[block.module_id]
        assert not module.done
        if module.term is not None:
            assert block.day >= terms[module.term].start
    for day, total in per_day.items():
        assert total <= request.availability.on(day)
    if request.weekly_minutes is not None:
        assert max(per_week.values(), default=0) <= request.weekly_minutes
    scheduled = {m.module_id: m for m in schedule.modules}
    for m in request.modules:
        s = scheduled[m.id]
        if m.done:
            assert s.done and s.due == m.done_on and m.id not in per_module
            continue
        if m.id in schedule.unscheduled:
            assert schedule.verdict.kind is VerdictKind.IMPOSSIBLE
            continue
        assert per_module.get(m.id, 0) == m.remaining_minutes
        for p in m.prerequisites:
            before = scheduled[p]
            if not by_id[p].done and s.start is not None and before.due is not None:
                assert s.start >= before.due


@SETTINGS
@given(requests())
def test_schedule_invariants(request: PlanRequest) -> None:
    check_invariants(request, schedule_plan(request))


@SETTINGS
@given(requests(with_terms=False), st.integers(0, 400))
def test_replanning_keeps_done_work_and_schedules_the_rest(request: PlanRequest, cut: int) -> None:
    first = schedule_plan(request)
    if first.verdict.kind is VerdictKind.IMPOSSIBLE:
        return
    cut_day = max(request.start, request.today) + timedelta(days=cut)
    finished = {
        m.module_id: m.due
        for m in first.modules
        if not m.done and m.due is not None and m.due <= cut_day
    }
    modules = tuple(
        replace(m, done=True, done_on=finished[m.id], minutes_done=0) if m.id in finished else m
        for m in request.modules
    )
    later = replace(request, modules=modules, today=cut_day + timedelta(days=1))
    if later.target is not None and later.target < later.today:
        later = replace(later, target=later.today + timedelta(days=30))
    second = schedule_plan(later)
    check_invariants(later, second)
    for mid, due in finished.items():
        assert second.module(mid).done and second.module(mid).due == due
    assert all(b.day > cut_day for b in second.blocks)
    unfinished = [m for m in modules if not m.done and m.remaining_minutes > 0]
    if second.verdict.kind is not VerdictKind.IMPOSSIBLE:
        assert {b.module_id for b in second.blocks} == {m.id for m in unfinished}
