"""schedule_plan invariants on random tracks, calendars and modes (hypothesis)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from studyplanner.core.model import (
    MAX_MINUTES_PER_DAY,
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
PROPERTY_SETTINGS = settings(
    deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def requests(draw: st.DrawFn) -> PlanRequest:
    start = BASE + timedelta(days=draw(st.integers(0, 400)))
    today = start + timedelta(days=draw(st.integers(-30, 60)))
    first_day = max(start, today)

    term_count = draw(st.sampled_from([0, 0, 1, 2, 3]))
    terms: list[Term] = []
    term_start = start + timedelta(days=draw(st.integers(-20, 30)))
    for number in range(1, term_count + 1):
        length = draw(st.integers(14, 120))
        terms.append(Term(number, term_start, term_start + timedelta(days=length - 1)))
        term_start += timedelta(days=length + draw(st.integers(0, 60)))

    count = draw(st.integers(1, 12))
    modules: list[ModuleToPlan] = []
    for i in range(1, count + 1):
        minutes = draw(st.integers(1, 600))
        prereqs = draw(st.lists(st.integers(1, i - 1), max_size=3, unique=True)) if i > 1 else []
        done = draw(st.booleans()) if draw(st.integers(0, 3)) == 0 else False
        done_on = first_day - timedelta(days=draw(st.integers(1, 300))) if done else None
        minutes_done = draw(st.sampled_from([0, 0, 0, minutes, draw(st.integers(0, minutes))]))
        term = draw(st.sampled_from([None, *range(1, term_count + 1)])) if terms else None
        kind = ModuleKind.COURSE if term else draw(st.sampled_from(list(ModuleKind)))
        modules.append(
            ModuleToPlan(
                id=i,
                title=f"Module {i}",
                kind=kind,
                minutes=minutes,
                prerequisites=tuple(prereqs),
                done=done,
                done_on=done_on,
                minutes_done=minutes_done,
                term=term,
            )
        )

    day_minutes = st.one_of(st.just(0), st.integers(5, 240), st.sampled_from([30, 60, 90]))
    week = draw(st.lists(day_minutes, min_size=7, max_size=7))
    week[draw(st.integers(0, 6))] = draw(st.integers(5, 240))  # never a week without time
    blackouts = []
    for _ in range(draw(st.integers(0, 3))):
        b_start = first_day + timedelta(days=draw(st.integers(-10, 300)))
        blackouts.append(Blackout(b_start, b_start + timedelta(days=draw(st.integers(0, 20)))))

    if draw(st.booleans()):
        target = first_day + timedelta(days=draw(st.integers(-5, 700)))
        mode: dict[str, object] = {"target": target}
    else:
        mode = {"weekly_minutes": draw(st.integers(15, 1500))}
    return PlanRequest(
        modules=tuple(modules),
        availability=Availability(tuple(week)),  # type: ignore[arg-type]
        start=start,
        today=today,
        blackouts=tuple(blackouts),
        terms=tuple(terms),
        **mode,  # type: ignore[arg-type]
    )


def check_invariants(request: PlanRequest, schedule: Schedule) -> None:
    first_day = max(request.start, request.today)
    by_id = {m.id: m for m in request.modules}
    terms = {t.number: t for t in request.terms}
    days = [b.day for b in schedule.blocks]
    assert days == sorted(days), "blocks sorted by day"
    pairs = [(b.day, b.module_id) for b in schedule.blocks]
    assert len(pairs) == len(set(pairs)), "one block per day and module"

    per_day: dict[date, int] = defaultdict(int)
    per_week: dict[tuple[int, int], int] = defaultdict(int)
    per_module: dict[int, list[date]] = defaultdict(list)
    minutes: dict[int, int] = defaultdict(int)
    for b in schedule.blocks:
        assert b.minutes > 0
        assert b.day >= first_day, f"block before the first study day: {b}"
        assert request.availability.on(b.day) > 0, f"block on a day without time: {b}"
        assert not any(o.covers(b.day) for o in request.blackouts), f"block on a day off: {b}"
        module = by_id[b.module_id]
        assert not module.done, f"block for a done module: {b}"
        if module.term is not None and terms:
            assert b.day >= terms[module.term].start, f"course before its term: {b}"
        per_day[b.day] += b.minutes
        per_week[b.day.isocalendar()[:2]] += b.minutes
        per_module[b.module_id].append(b.day)
        minutes[b.module_id] += b.minutes
    for day, total in per_day.items():
        assert total <= request.availability.on(day), f"{day}: {total} minutes"
    if request.weekly_minutes is not None:
        for week, total in per_week.items():
            assert total <= request.weekly_minutes, f"week {week}: {total} minutes"

    impossible = schedule.verdict.kind is VerdictKind.IMPOSSIBLE
    if not impossible:
        assert schedule.unscheduled == ()
    assert [m.module_id for m in schedule.modules] == [m.id for m in request.modules]
    for m in request.modules:
        planned = schedule.module(m.id)
        if m.done:
            assert planned.done and planned.due == m.done_on
            assert m.id not in minutes
            assert m.id not in schedule.unscheduled
            continue
        if impossible and m.id in schedule.unscheduled:
            assert minutes.get(m.id, 0) < max(1, m.remaining_minutes)
            continue
        assert minutes.get(m.id, 0) == m.remaining_minutes, f"module {m.id} not in full"
        assert planned.start is not None and planned.due is not None
        assert planned.start >= first_day
        if m.id in per_module:
            assert (planned.start, planned.due) == (min(per_module[m.id]), max(per_module[m.id]))
        for p in m.prerequisites:
            if by_id[p].done:
                continue
            assert p not in schedule.unscheduled
            before = schedule.module(p).due
            assert before is not None and before <= planned.start, (
                f"module {m.id} starts {planned.start}, prerequisite {p} ends {before}"
            )
        if m.term is not None and terms:
            assert planned.start >= terms[m.term].start
    if schedule.finish is not None and not impossible:
        dues = [schedule.module(m.id).due for m in request.modules]
        assert schedule.finish == max(d for d in dues if d is not None)


@PROPERTY_SETTINGS
@given(requests())
def test_schedule_invariants(request: PlanRequest) -> None:
    schedule = schedule_plan(request)
    check_invariants(request, schedule)
    verdict = schedule.verdict
    event(f"{verdict.kind} terms={len(request.terms)} late={bool(verdict.late_terms)}")
    if request.target is None:
        assert verdict.kind in (VerdictKind.NO_TARGET, VerdictKind.IMPOSSIBLE)
    elif verdict.kind is VerdictKind.FITS:
        assert verdict.days_early >= 0
        assert schedule.finish is None or schedule.finish <= request.target
        assert verdict.weekly_minutes_used <= request.availability.weekly_minutes
    elif verdict.kind is VerdictKind.TOO_LATE:
        assert schedule.finish is not None and schedule.finish > request.target
        assert verdict.suggested_target == schedule.finish
        assert verdict.days_early < 0
        extra = verdict.extra_minutes_per_week
        if extra:  # the extra weekly time, spread in proportion over the same days, does fit
            scale = 1 + extra / request.availability.weekly_minutes
            more = tuple(int(m * scale) for m in request.availability.minutes)
            if max(more) <= MAX_MINUTES_PER_DAY:
                again = schedule_plan(replace(request, availability=Availability(more)))  # type: ignore[arg-type]
                assert again.verdict.kind is VerdictKind.FITS, (extra, again.verdict)
                assert not again.verdict.late_terms, (extra, again.verdict)


@PROPERTY_SETTINGS
@given(requests(), st.integers(0, 400))
def test_replanning_keeps_done_work_and_plans_the_rest_once(
    request: PlanRequest, cut_offset: int
) -> None:
    first = schedule_plan(request)
    if first.verdict.kind is VerdictKind.IMPOSSIBLE:
        return
    first_day = max(request.start, request.today)
    cut = first_day + timedelta(days=cut_offset)
    finished = {
        m.id: schedule.due
        for m in request.modules
        if not m.done and (schedule := first.module(m.id)).due is not None and schedule.due <= cut
    }
    modules = tuple(
        replace(m, done=True, done_on=finished[m.id]) if m.id in finished else m
        for m in request.modules
    )
    later = replace(request, modules=modules, today=cut + timedelta(days=1))
    second = schedule_plan(later)
    check_invariants(later, second)
    assert second.verdict.kind is not VerdictKind.IMPOSSIBLE
    for m in request.modules:
        if m.done:
            assert second.module(m.id) == first.module(m.id)
        elif m.id in finished:
            assert second.module(m.id).done
            assert second.module(m.id).due == first.module(m.id).due
    totals: dict[int, int] = defaultdict(int)
    for b in second.blocks:
        assert b.day > cut
        totals[b.module_id] += b.minutes
    expected = {m.id: m.remaining_minutes for m in modules if m.remaining_minutes}
    assert totals == expected


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(requests())
def test_the_extra_weekly_minutes_suggested_really_fit(request: PlanRequest) -> None:
    if request.target is None or request.terms:
        return
    verdict = schedule_plan(request).verdict
    if verdict.kind is not VerdictKind.TOO_LATE or not verdict.extra_minutes_per_week:
        return
    factor = 1 + verdict.extra_minutes_per_week / request.availability.weekly_minutes
    minutes = tuple(int(m * factor) for m in request.availability.minutes)
    if max(minutes) > MAX_MINUTES_PER_DAY:  # only a hypothetical beyond what can be typed in
        return
    more = replace(request, availability=Availability(minutes))  # type: ignore[arg-type]
    again = schedule_plan(more)
    assert again.verdict.kind is VerdictKind.FITS, again.verdict
    if verdict.extra_minutes_per_week > 30:  # and it is the smallest 30-minute step that does
        factor = 1 + (verdict.extra_minutes_per_week - 30) / request.availability.weekly_minutes
        less = tuple(int(m * factor) for m in request.availability.minutes)
        fewer = replace(request, availability=Availability(less))  # type: ignore[arg-type]
        assert schedule_plan(fewer).verdict.kind is VerdictKind.TOO_LATE
