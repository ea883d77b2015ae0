"""Plans that fit with their own defaults, verdicts with figures, and fixes that make a plan fit
(issue 12 item 8)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyplanner import bundled
from studyplanner.core.model import (
    Availability,
    ModuleKind,
    ModuleToPlan,
    PlanRequest,
    Term,
    TermNeed,
)
from studyplanner.core.plan_fixes import (
    FixKind,
    more_terms,
    plan_fixes,
    scaled_availability,
)
from studyplanner.core.scheduler import schedule_plan
from studyplanner.core.tracks import TrackTemplate, default_terms, plan_defaults
from studyplanner.core.verdict_text import describe_verdict

START = date(2027, 1, 4)
FULL_TIME = Availability((420, 420, 420, 420, 420, 360, 240))  # the assistant's 45 h preset
PART_TIME = Availability((240, 240, 240, 240, 240, 240, 0))  # its 24 h preset
EVENINGS_AND_SATURDAY = Availability((90, 90, 90, 90, 90, 180, 0))  # its default, 10.5 h


def _modules(t: TrackTemplate) -> tuple[ModuleToPlan, ...]:
    ids = {m.key: i + 1 for i, m in enumerate(t.modules)}
    return tuple(
        ModuleToPlan(ids[m.key], m.title, m.kind, m.minutes, tuple(ids[k] for k in m.requires),
                     term=m.term)
        for m in t.modules
    )  # fmt: skip


def _default_request(track_id: str, availability: Availability, start: date = START) -> PlanRequest:
    t = bundled.track_template(track_id)
    d = plan_defaults(t, start)
    return PlanRequest(
        _modules(t), availability, start, start, target=d.target, weekly_minutes=d.weekly_minutes,
        terms=d.terms, usual_months=t.usual_months, program_label=t.program_label,
    )  # fmt: skip


# -- defaults ----------------------------------------------------------------------------------


def test_degree_default_target_is_the_end_of_its_last_term() -> None:
    t = bundled.track_template("associate-degree-hit")
    d = plan_defaults(t, START)
    assert d.terms == default_terms(t.terms, START)  # type: ignore[arg-type]
    assert d.target == d.terms[-1].end
    assert d.weekly_minutes is None
    assert d.minutes_per_week <= FULL_TIME.weekly_minutes


@pytest.mark.parametrize("offset", range(7))
def test_degree_default_fits_at_the_full_time_preset(offset: int) -> None:
    schedule = schedule_plan(
        _default_request("associate-degree-hit", FULL_TIME, START + timedelta(days=offset))
    )
    assert schedule.verdict.fits
    assert not schedule.verdict.late_terms
    assert not schedule.verdict.outside_usual  # about 21.5 months: inside 20 to 24


@pytest.mark.parametrize(
    "track_id",
    ["cpc-certificate-program", "cca-facility-coding-program", "cpc-exam-prep-experienced",
     "ccs-exam-prep"],
)  # fmt: skip
def test_program_default_weekly_hours_land_inside_its_usual_months(track_id: str) -> None:
    t = bundled.track_template(track_id)
    d = plan_defaults(t, START)
    assert d.target is None and d.weekly_minutes is not None
    assert d.weekly_minutes <= EVENINGS_AND_SATURDAY.weekly_minutes  # the default week holds it
    schedule = schedule_plan(_default_request(track_id, EVENINGS_AND_SATURDAY))
    assert schedule.verdict.fits
    low, high = t.usual_months
    assert low <= schedule.verdict.months <= high
    assert not schedule.verdict.outside_usual
    if d.target_if_chosen:  # the target offered when switching to a target date fits too
        by_target = replace(_default_request(track_id, EVENINGS_AND_SATURDAY),
                            weekly_minutes=None, target=d.target_if_chosen)  # fmt: skip
        assert schedule_plan(by_target).verdict.fits


def test_cpc_default_fits() -> None:
    schedule = schedule_plan(_default_request("cpc-certificate-program", EVENINGS_AND_SATURDAY))
    assert schedule.verdict.fits
    assert "Does not fit" not in describe_verdict(schedule.verdict)


# -- the verdict's figures ----------------------------------------------------------------------


def test_late_terms_say_the_hours_a_week_each_needs_against_those_given() -> None:
    schedule = schedule_plan(_default_request("associate-degree-hit", PART_TIME))
    verdict = schedule.verdict
    assert verdict.late_terms == (1, 2, 3, 4)
    assert verdict.weekly_minutes_given == 24 * 60
    assert [n.number for n in verdict.term_needs] == [1, 2, 3, 4]
    for need in verdict.term_needs:  # 675 h in 16 weeks is about 42 h; term 4 adds the exam
        assert 40 * 60 <= need.minutes_per_week <= 46 * 60
    text = describe_verdict(verdict)
    assert (
        "Terms 1, 2, 3 and 4 do not fit in their dates with 24 h a week; they need: "
        "term 1 about 42 h 15 min, term 2 about 42 h 15 min, term 3 about 42 h 15 min and "
        "term 4 about 44 h 20 min a week."
    ) in text
    one = replace(verdict, late_terms=(4,), term_needs=verdict.term_needs[3:])
    assert (
        "Term 4 does not fit in its dates: it needs about 44 h 20 min a week; you gave 24 h."
    ) in describe_verdict(one)
    assert "or a target of" not in text  # a later target does not make a term fit


def test_a_term_need_makes_the_term_fit_when_given() -> None:
    schedule = schedule_plan(_default_request("associate-degree-hit", PART_TIME))
    most = max(n.minutes_per_week for n in schedule.verdict.term_needs)
    grown = scaled_availability(PART_TIME, most + 60)  # a little for prerequisites inside a term
    assert grown is not None
    again = schedule_plan(replace(_default_request("associate-degree-hit", PART_TIME),
                                  availability=grown))  # fmt: skip
    assert again.verdict.fits


# -- fixes ---------------------------------------------------------------------------------------


def _assert_fits(request: PlanRequest) -> None:
    schedule = schedule_plan(request)
    assert schedule.verdict.fits, describe_verdict(schedule.verdict)


def test_no_fixes_for_a_plan_that_fits() -> None:
    assert plan_fixes(_default_request("associate-degree-hit", FULL_TIME)) == ()


def test_degree_at_part_time_hours_offers_more_hours_or_more_terms() -> None:
    request = _default_request("associate-degree-hit", PART_TIME)
    fixes = {f.kind: f for f in plan_fixes(request)}
    assert set(fixes) == {FixKind.STUDY_MORE, FixKind.SPREAD_TERMS}
    more = fixes[FixKind.STUDY_MORE]
    assert 42 * 60 <= more.weekly_minutes <= 46 * 60
    assert more.request.target == request.target and more.request.terms == request.terms
    spread = fixes[FixKind.SPREAD_TERMS]
    assert spread.weekly_minutes == PART_TIME.weekly_minutes  # the hours the user gave
    assert 1 <= spread.extra_terms <= 4
    assert len(spread.request.terms) == 4 + spread.extra_terms
    assert spread.request.target == spread.request.terms[-1].end
    assert spread.module_terms  # courses moved to later terms, never earlier
    before = {m.id: m.term for m in request.modules}
    after = {m.id: m.term for m in spread.request.modules}
    for m in spread.request.modules:
        assert after[m.id] >= before[m.id]  # type: ignore[operator]
        assert all(after[p] <= after[m.id] for p in m.prerequisites)  # type: ignore[operator]
    exam = next(m for m in spread.request.modules if m.kind is ModuleKind.EXAM)
    assert after[exam.id] == len(spread.request.terms)
    for fix in fixes.values():  # each, applied, fits
        _assert_fits(fix.request)
        assert fix.schedule.verdict.fits


def test_part_time_degree_over_three_years_fits_at_the_hours_it_states() -> None:
    """The degree's part-time layout: nine terms, three a year, courses spread evenly; the
    weekly hours the defaults state (about 20 to 25) hold the plan, at the part-time week."""
    t = bundled.track_template("associate-degree-hit")
    d = plan_defaults(t, START, part_time=True)
    assert len(d.terms) == 9 and d.target == d.terms[-1].end
    assert d.terms[-1].end - START <= timedelta(days=3 * 365)
    assert 20 * 60 <= d.minutes_per_week <= 25 * 60 <= PART_TIME.weekly_minutes + 60
    terms = dict(d.module_terms)
    keys = {m.key: m for m in t.modules}
    for m in t.modules:  # never before a prerequisite; never earlier than full-time
        assert all(terms[k] <= terms[m.key] for k in m.requires)
        assert terms[m.key] >= (keys[m.key].term or 1)
    ids = {m.key: i + 1 for i, m in enumerate(t.modules)}
    modules = tuple(replace(m, term=terms[t.modules[m.id - 1].key]) for m in _modules(t))
    assert set(ids) == set(terms)
    week = Availability((240, 240, 240, 240, 240, 240, 0))
    stated = PlanRequest(modules, week, START, START, weekly_minutes=d.minutes_per_week,
                         terms=d.terms)  # fmt: skip
    schedule = schedule_plan(stated)
    assert schedule.verdict.fits, describe_verdict(schedule.verdict)
    assert schedule.finish is not None and schedule.finish <= d.terms[-1].end
    by_target = schedule_plan(replace(stated, weekly_minutes=None, target=d.target))
    assert by_target.verdict.fits
    assert by_target.verdict.weekly_minutes_used <= d.minutes_per_week


def test_spreading_at_27_hours_a_week_states_hours_that_fit() -> None:
    """The spread fix at 27 hours a week: seven terms at the full-time spacing; the hours it
    states (about 25) hold the plan as a weekly budget too."""
    request = replace(_default_request("associate-degree-hit", PART_TIME),
                      availability=Availability((270, 270, 270, 270, 270, 270, 0)))  # fmt: skip
    spread = {f.kind: f for f in plan_fixes(request)}[FixKind.SPREAD_TERMS]
    assert len(spread.request.terms) == 7
    stated = spread.schedule.verdict.weekly_minutes_used
    assert 20 * 60 <= stated <= 26 * 60
    budget = replace(spread.request, target=None, weekly_minutes=stated)
    assert schedule_plan(budget).verdict.fits


def test_cpc_with_a_year_and_the_evening_week_offers_more_hours_or_a_later_target() -> None:
    t = bundled.track_template("cpc-certificate-program")
    request = PlanRequest(_modules(t), EVENINGS_AND_SATURDAY, START, START,
                          target=START + timedelta(days=365))  # fmt: skip
    assert not schedule_plan(request).verdict.fits
    fixes = {f.kind: f for f in plan_fixes(request)}
    assert {FixKind.STUDY_MORE, FixKind.MOVE_TARGET} <= set(fixes)
    assert fixes[FixKind.MOVE_TARGET].target > request.target  # type: ignore[operator]
    assert fixes[FixKind.STUDY_MORE].weekly_minutes > EVENINGS_AND_SATURDAY.weekly_minutes
    for fix in fixes.values():
        _assert_fits(fix.request)


def test_weekly_budget_too_small_for_a_term_offers_a_larger_budget() -> None:
    request = replace(_default_request("associate-degree-hit", FULL_TIME), target=None,
                      weekly_minutes=30 * 60)  # fmt: skip
    assert not schedule_plan(request).verdict.fits
    fixes = {f.kind: f for f in plan_fixes(request)}
    more = fixes[FixKind.STUDY_MORE]
    assert more.request.weekly_minutes is not None and more.request.weekly_minutes > 30 * 60
    assert FixKind.SPREAD_TERMS in fixes
    for fix in fixes.values():
        _assert_fits(fix.request)


def test_free_saturday_only_when_no_day_holds_the_exam() -> None:
    t = bundled.track_template("cpc-certificate-program")
    weekday_hour = Availability((60, 60, 60, 60, 60, 0, 0))
    request = PlanRequest(_modules(t), weekday_hour, START, START,
                          target=START + timedelta(days=2 * 365))  # fmt: skip
    fixes = {f.kind: f for f in plan_fixes(request)}
    saturday = fixes[FixKind.FREE_SATURDAY]
    assert saturday.request.availability.minutes[5] >= 240  # the CPC exam's four hours
    assert saturday.request.availability.minutes[:5] == weekday_hour.minutes[:5]
    _assert_fits(saturday.request)
    long_days = PlanRequest(_modules(t), Availability((240, 0, 0, 0, 0, 0, 0)), START, START,
                            target=START + timedelta(days=365))  # fmt: skip
    assert FixKind.FREE_SATURDAY not in {f.kind for f in plan_fixes(long_days)}


def test_more_terms_keep_length_and_spacing() -> None:
    terms = default_terms(bundled.track_template("associate-degree-hit").terms, START)  # type: ignore[arg-type]
    extra = more_terms(terms, 2)
    assert [t.number for t in extra] == [5, 6]
    assert extra[0].start - terms[-1].start == terms[-1].start - terms[-2].start
    assert extra[1].end - extra[1].start == terms[0].end - terms[0].start


def test_old_verdicts_without_figures_still_read() -> None:
    from studyplanner.services.verdict_codec import verdict_from_json, verdict_to_json

    old = (
        '{"kind": "no_target", "finish": "2027-10-14", "target": null, "days_early": 0,'
        ' "extra_minutes_per_week": 0, "suggested_target": null, "months": 12.5,'
        ' "usual_months": [20, 24], "outside_usual": true, "program_label": "associate degrees",'
        ' "late_terms": [2, 4], "weekly_minutes_used": 480}'
    )
    verdict = verdict_from_json(old)
    assert verdict.late_terms == (2, 4) and verdict.term_needs == ()
    assert "Terms 2 and 4 do not fit in their dates" in describe_verdict(verdict)
    new = replace(verdict, term_needs=(TermNeed(2, 600), TermNeed(4, 660)),
                  weekly_minutes_given=480)  # fmt: skip
    assert verdict_from_json(verdict_to_json(new)) == new


def test_scaled_availability_lands_on_the_weekly_figure() -> None:
    grown = scaled_availability(EVENINGS_AND_SATURDAY, 690)
    assert grown is not None and grown.weekly_minutes == 690
    assert all(a >= b for a, b in zip(grown.minutes, EVENINGS_AND_SATURDAY.minutes, strict=True))
    assert grown.minutes[6] == 0  # a free day stays free
    assert scaled_availability(Availability((0,) * 7), 600) is None
    assert scaled_availability(Availability((960, 0, 0, 0, 0, 0, 0)), 1200) is None


@st.composite
def _tight_plans(draw: st.DrawFn) -> PlanRequest:
    """A small certificate track or a two-term degree, often too tight for its target."""
    degree = draw(st.booleans())
    count = draw(st.integers(1, 6))
    modules = []
    for i in range(1, count + 1):
        kind = ModuleKind.EXAM if i == count else ModuleKind.COURSE
        prereqs = (i - 1,) if i > 1 and draw(st.booleans()) else ()
        term = (1 if i <= count // 2 else 2) if degree else None
        minutes = draw(st.integers(1, 40)) * 60
        modules.append(ModuleToPlan(i, f"M{i}", kind, minutes, prereqs, term=term))
    week = Availability(tuple(draw(st.sampled_from([0, 30, 60, 120])) for _ in range(7)))  # type: ignore[arg-type]
    terms = ()
    if degree:
        terms = (
            Term(1, START, START + timedelta(weeks=4) - timedelta(days=1)),
            Term(2, START + timedelta(weeks=6), START + timedelta(weeks=10) - timedelta(days=1)),
        )
    target = START + timedelta(weeks=draw(st.integers(2, 20)))
    if degree:
        target = max(target, terms[-1].end)
    return PlanRequest(tuple(modules), week, START, START, target=target, terms=terms)


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(_tight_plans())
def test_a_plan_that_does_not_fit_always_has_a_way_forward(request: PlanRequest) -> None:
    """With some study time in the week, a plan that does not fit gets at least one fix, and
    every fix offered, applied, fits."""
    schedule = schedule_plan(request)
    fixes = plan_fixes(request, schedule)
    if schedule.verdict.fits or schedule.unscheduled or not request.availability.weekly_minutes:
        assert fixes == ()
        return
    assert fixes, describe_verdict(schedule.verdict)
    for fix in fixes:
        assert schedule_plan(fix.request).verdict.fits
