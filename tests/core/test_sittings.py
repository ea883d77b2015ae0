"""Exam sittings: an exam sat in one go is placed whole on one day, never split (issue 12)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from studyplanner.core.model import (
    MAX_MINUTES_PER_DAY,
    Availability,
    ModuleKind,
    ModuleToPlan,
    PlanRequest,
    Schedule,
    SittingShortfall,
    Term,
    VerdictKind,
)
from studyplanner.core.scheduler import schedule_plan
from studyplanner.core.verdict_text import describe_verdict
from studyplanner.services.verdict_codec import verdict_from_json, verdict_to_json
from tests.core.test_scheduler_properties import check_invariants

MONDAY = date(2027, 1, 4)
WEEKDAYS_60 = (60, 60, 60, 60, 60)


def _cpc(*, practice: int = 0) -> tuple[ModuleToPlan, ...]:
    """A lesson, optionally a timed practice exam (a sitting), then the 4-hour CPC exam."""
    modules = [ModuleToPlan(1, "Coding lessons", ModuleKind.LESSON, 600)]
    if practice:
        modules.append(
            ModuleToPlan(
                2, "Practice exam 3 (timed, exam conditions)", ModuleKind.PRACTICE_EXAM,
                practice, (1,), sitting=True,
            )
        )  # fmt: skip
    last = modules[-1].id
    modules.append(ModuleToPlan(9, "CPC exam", ModuleKind.EXAM, 240, (last,), sitting=True))
    return tuple(modules)


def _request(
    modules: tuple[ModuleToPlan, ...], saturday: int, sunday: int = 0, **kw: object
) -> PlanRequest:
    week = Availability((*WEEKDAYS_60, saturday, sunday))
    mode: dict[str, object] = kw if "target" in kw else {"weekly_minutes": 3000} | kw
    return PlanRequest(modules, week, MONDAY, MONDAY, **mode)  # type: ignore[arg-type]


def _blocks_of(schedule: Schedule, module_id: int) -> list[tuple[date, int]]:
    return [(b.day, b.minutes) for b in schedule.blocks if b.module_id == module_id]


def test_the_exam_goes_whole_on_the_saturday_that_can_hold_it() -> None:
    schedule = schedule_plan(_request(_cpc(), saturday=240))
    (day, minutes), *rest = _blocks_of(schedule, 9)
    assert rest == [] and minutes == 240
    assert day.weekday() == 5  # a Saturday
    assert schedule.module(9).start == schedule.module(9).due == day
    assert schedule.verdict.fits and schedule.unscheduled == ()
    assert all(b.minutes <= 60 for b in schedule.blocks if b.day.weekday() < 5)


def test_a_practice_exam_and_the_exam_take_two_saturdays_one_sitting_a_day() -> None:
    schedule = schedule_plan(_request(_cpc(practice=360), saturday=480))
    practice, exam = _blocks_of(schedule, 2), _blocks_of(schedule, 9)
    assert [m for _, m in practice] == [360] and [m for _, m in exam] == [240]
    assert practice[0][0].weekday() == exam[0][0].weekday() == 5
    assert exam[0][0] == practice[0][0] + timedelta(days=7)


def test_while_an_exam_waits_for_its_day_other_work_goes_on() -> None:
    modules = (
        ModuleToPlan(1, "Practice exam 1", ModuleKind.PRACTICE_EXAM, 240, sitting=True),
        ModuleToPlan(2, "Review of practice exam 1", ModuleKind.LESSON, 120, (1,)),
        ModuleToPlan(3, "Compliance lesson", ModuleKind.LESSON, 300),
    )
    schedule = schedule_plan(_request(modules, saturday=240))
    saturday = MONDAY + timedelta(days=5)
    assert _blocks_of(schedule, 1) == [(saturday, 240)]
    assert schedule.module(3).start == MONDAY  # studied during the week, before the exam
    assert schedule.module(2).start is not None and schedule.module(2).start > saturday


def test_no_day_can_hold_the_exam_the_verdict_names_the_weekday_and_the_hours() -> None:
    schedule = schedule_plan(_request(_cpc(), saturday=120))
    assert _blocks_of(schedule, 9) == []
    assert schedule.unscheduled == (9,)
    verdict = schedule.verdict
    assert not verdict.fits
    assert verdict.kind is not VerdictKind.IMPOSSIBLE  # the rest of the plan stands
    assert verdict.sittings_too_long == (SittingShortfall(9, "CPC exam", 240, 5, 120),)
    assert (
        "CPC exam needs one day with 4 h; your longest day is Saturday with 2 h: "
        "give a Saturday 4 h, or allow long sittings."
    ) in describe_verdict(verdict)
    assert sum(b.minutes for b in schedule.blocks) == 600  # the lessons are all there


def test_what_requires_a_sitting_no_day_can_hold_waits_with_it() -> None:
    modules = (
        *_cpc(),
        ModuleToPlan(10, "Apprentice removal", ModuleKind.LESSON, 60, (9,)),
    )
    schedule = schedule_plan(_request(modules, saturday=0))
    assert schedule.unscheduled == (9, 10)
    assert [s.module_id for s in schedule.verdict.sittings_too_long] == [9]
    assert schedule.verdict.sittings_too_long[0].longest_weekday == 4  # Friday, last of equals


def test_allowed_long_sittings_go_whole_on_a_day_beyond_its_availability() -> None:
    schedule = schedule_plan(_request(_cpc(), saturday=0, allow_long_sittings=True))
    [(day, minutes)] = _blocks_of(schedule, 9)
    assert minutes == 240 and [b for b in schedule.blocks if b.day == day] == [
        b for b in schedule.blocks if b.module_id == 9
    ]  # alone on its day
    assert schedule.verdict.fits and schedule.verdict.sittings_too_long == ()


def test_logged_preparation_does_not_shorten_the_sitting() -> None:
    modules = (replace(_cpc()[-1], prerequisites=(), minutes_done=180),)
    schedule = schedule_plan(_request(modules, saturday=240))
    assert [m for _, m in _blocks_of(schedule, 9)] == [240]


def test_a_target_plan_leaves_the_sitting_whole() -> None:
    request = _request(_cpc(practice=240), saturday=300, target=MONDAY + timedelta(days=120))
    schedule = schedule_plan(request)
    assert schedule.verdict.kind is VerdictKind.FITS
    assert [m for _, m in _blocks_of(schedule, 2)] == [240]
    assert [m for _, m in _blocks_of(schedule, 9)] == [240]


def test_a_degree_term_exam_is_sat_whole_while_courses_share_the_days() -> None:
    term = Term(1, MONDAY, MONDAY + timedelta(days=90))
    modules = (
        ModuleToPlan(1, "Coding II", ModuleKind.COURSE, 900, term=1),
        ModuleToPlan(2, "Statistics", ModuleKind.COURSE, 900, term=1),
        ModuleToPlan(3, "RHIT exam", ModuleKind.EXAM, 210, (1,), term=1, sitting=True),
    )
    request = PlanRequest(
        modules, Availability((90, 90, 90, 90, 90, 240, 0)), MONDAY, MONDAY, weekly_minutes=690,
        terms=(term,),
    )  # fmt: skip
    schedule = schedule_plan(request)
    [(day, minutes)] = _blocks_of(schedule, 3)
    assert minutes == 210 and day.weekday() == 5


def test_stored_verdicts_keep_their_shortfalls_and_old_ones_have_none() -> None:
    verdict = schedule_plan(_request(_cpc(), saturday=120)).verdict
    assert verdict_from_json(verdict_to_json(verdict)) == verdict
    old = (
        '{"kind": "no_target", "finish": "2027-05-01", "target": null, "days_early": 0,'
        ' "extra_minutes_per_week": 0, "suggested_target": null, "months": 4.0,'
        ' "usual_months": null, "outside_usual": false, "program_label": "x",'
        ' "late_terms": [], "weekly_minutes_used": 420}'
    )
    assert verdict_from_json(old).sittings_too_long == ()


def test_only_sittings_left_says_what_they_need_not_that_nothing_is_left() -> None:
    modules = (replace(_cpc()[-1], prerequisites=()),)
    verdict = schedule_plan(_request(modules, saturday=60)).verdict
    assert describe_verdict(verdict).startswith("CPC exam needs one day with 4 h")


# -- property: a sitting is never split -----------------------------------------------------


@st.composite
def sitting_requests(draw: st.DrawFn) -> PlanRequest:
    count = draw(st.integers(1, 8))
    modules = []
    for i in range(1, count + 1):
        sitting = draw(st.booleans())
        minutes = draw(st.integers(30, 480)) if sitting else draw(st.integers(1, 900))
        prereqs = draw(st.lists(st.integers(1, i - 1), max_size=2, unique=True)) if i > 1 else []
        modules.append(
            ModuleToPlan(
                i, f"Module {i}", ModuleKind.EXAM if sitting else ModuleKind.LESSON, minutes,
                tuple(prereqs), sitting=sitting,
                minutes_done=draw(st.sampled_from([0, 0, minutes // 2])),
            )
        )  # fmt: skip
    day = st.one_of(st.just(0), st.sampled_from([30, 60, 90, 120, 240, 300]), st.integers(5, 480))
    week = draw(st.lists(day, min_size=7, max_size=7))
    week[draw(st.integers(0, 6))] = draw(st.integers(5, 480))
    start = MONDAY + timedelta(days=draw(st.integers(0, 6)))
    terms: tuple[Term, ...] = ()
    if draw(st.integers(0, 3)) == 0:  # a degree: two terms, modules spread over them
        first = Term(1, start, start + timedelta(days=draw(st.integers(14, 120))))
        second_start = first.end + timedelta(days=draw(st.integers(1, 30)))
        terms = (first, Term(2, second_start, second_start + timedelta(days=90)))
        numbers = [draw(st.sampled_from([1, 2])) for _ in modules]
        for i in range(1, len(numbers)):  # a prerequisite never in a later term
            numbers[i] = max(numbers[i], *(numbers[p - 1] for p in modules[i].prerequisites), 1)
        modules = [replace(m, term=n) for m, n in zip(modules, numbers, strict=True)]
    if draw(st.booleans()):
        mode: dict[str, object] = {"target": start + timedelta(days=draw(st.integers(0, 400)))}
    else:
        mode = {"weekly_minutes": draw(st.integers(15, 2000))}
    return PlanRequest(
        tuple(modules), Availability(tuple(week)), start, start,  # type: ignore[arg-type]
        allow_long_sittings=draw(st.booleans()), terms=terms, **mode,  # type: ignore[arg-type]
    )  # fmt: skip


@settings(deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(sitting_requests())
def test_no_sitting_is_ever_split_across_days(request: PlanRequest) -> None:
    schedule = schedule_plan(request)
    verdict = schedule.verdict
    by_id = {m.id: m for m in request.modules}
    per_day: dict[date, int] = defaultdict(int)
    sittings_per_day: dict[date, int] = defaultdict(int)
    for b in schedule.blocks:
        per_day[b.day] += b.minutes
        sittings_per_day[b.day] += by_id[b.module_id].sitting
    short = {s.module_id for s in verdict.sittings_too_long}
    for m in request.modules:
        blocks = _blocks_of(schedule, m.id)
        if not m.sitting:
            continue
        if blocks:  # exactly one block on one day, the whole sitting
            [(day, minutes)] = blocks
            assert minutes == m.minutes
            assert sittings_per_day[day] == 1
            if per_day[day] > request.availability.on(day):
                assert request.allow_long_sittings and per_day[day] == minutes
            event("sitting placed")
        else:  # unplaced, and the verdict says why
            assert m.id in schedule.unscheduled
            assert (
                m.id in short
                or verdict.kind is VerdictKind.IMPOSSIBLE
                or any(p in schedule.unscheduled for p in m.prerequisites)
            )
            if m.id in short:
                assert not request.allow_long_sittings
                assert m.minutes > max(request.availability.minutes)
                event("sitting too long")
    for day, total in per_day.items():  # other study never exceeds a day's availability
        if not request.allow_long_sittings:
            assert total <= request.availability.on(day), (day, total)
    if verdict.sittings_too_long:
        assert not verdict.fits


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(sitting_requests())
def test_with_sittings_the_general_invariants_still_hold(request: PlanRequest) -> None:
    """Where nothing about sittings is special (no long ones, no budget to give way, none too
    long), a plan with sittings keeps every invariant of plans without."""
    schedule = schedule_plan(request)
    if (
        request.allow_long_sittings
        or request.weekly_minutes is not None
        or schedule.verdict.sittings_too_long
    ):
        return
    check_invariants(request, schedule)


@settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(sitting_requests())
def test_the_extra_weekly_minutes_suggested_with_sittings_really_fit(request: PlanRequest) -> None:
    """The days a sitting waits for are counted: the suggested extra time does make it fit."""
    if request.target is None:
        return
    verdict = schedule_plan(request).verdict
    if verdict.kind is not VerdictKind.TOO_LATE or not verdict.extra_minutes_per_week:
        return
    if verdict.sittings_too_long:
        return  # more time on every day may also let a too-long sitting in: another question
    factor = 1 + verdict.extra_minutes_per_week / request.availability.weekly_minutes
    minutes = tuple(int(m * factor) for m in request.availability.minutes)
    if max(minutes) > MAX_MINUTES_PER_DAY:
        return
    more = replace(request, availability=Availability(minutes))  # type: ignore[arg-type]
    assert schedule_plan(more).verdict.kind is VerdictKind.FITS
