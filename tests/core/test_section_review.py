"""Readiness by exam section and the review weak sections call for (examples and hypothesis)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyplanner.core.exam_sections import (
    ExamOutline,
    ExamSection,
    SectionScore,
    SectionsError,
    parse_exam_outline,
    total_percent,
)
from studyplanner.core.model import Availability, ModuleKind, ModuleToPlan, PlanRequest, StudyBlock
from studyplanner.core.scheduler import schedule_plan
from studyplanner.core.section_review import (
    MAX_REVIEW_MINUTES,
    REVIEW_STEP,
    Attempt,
    ReviewVerdict,
    add_review,
    free_minutes,
    next_sitting,
    propose_review,
    readiness,
    required_minutes,
    time_for_review,
    wanted_minutes,
)

OUTLINE = ExamOutline(
    "CPC",
    70.0,
    (
        ExamSection("anesthesia", "Anesthesia", 4, ("cpt-anesthesia",)),
        ExamSection("radiology", "Radiology", 6, ("cpt-radiology",)),
        ExamSection("icd-10-cm", "ICD-10-CM", 10, ("icd-a", "icd-b"), estimate=True),
    ),
)
TEACH = {"cpt-anesthesia": 360, "cpt-radiology": 480, "icd-a": 1200, "icd-b": 1800}
DAY = date(2027, 3, 1)


def attempt(day: date, **missed: int) -> Attempt:
    sizes = {s.key.replace("-", "_"): s for s in OUTLINE.sections}
    scores = tuple(
        SectionScore(sizes[k].key, sizes[k].title, sizes[k].questions, n) for k, n in missed.items()
    )
    return Attempt(1, "Practice exam", day, ModuleKind.PRACTICE_EXAM, scores)


def test_total_is_derived_from_the_sections() -> None:
    a = attempt(DAY, anesthesia=1, radiology=3, icd_10_cm=0)
    assert a.total == round(100 * (3 + 3 + 10) / 20, 1) == 80.0
    assert total_percent(()) is None


def test_a_section_cannot_miss_more_than_it_asked() -> None:
    with pytest.raises(ValueError):
        SectionScore("x", "X", 4, 5)


def test_readiness_follows_the_latest_attempt_and_the_pass_mark() -> None:
    first = attempt(DAY, anesthesia=2, radiology=0)
    second = attempt(DAY + timedelta(days=14), anesthesia=0, radiology=3)
    rows = {r.key: r for r in readiness(OUTLINE, [second, first])}
    assert rows["anesthesia"].percents == (50.0, 100.0)
    assert not rows["anesthesia"].weak
    assert rows["radiology"].latest == 50.0 and rows["radiology"].gap == 20.0
    assert rows["icd-10-cm"].latest is None and not rows["icd-10-cm"].weak


def test_weak_sections_become_review_sized_by_the_gap() -> None:
    rows = readiness(OUTLINE, [attempt(DAY, anesthesia=2, radiology=3, icd_10_cm=5)])
    proposal = propose_review(OUTLINE, rows, TEACH, free_minutes=100 * 60)
    assert proposal.verdict is ReviewVerdict.FITS
    by_key = {b.section_key: b for b in proposal.blocks}
    # 50 % against 70 %: 20/70 of the teaching hours, in half hours
    assert by_key["anesthesia"].minutes == 120  # 360 * 2/7 = 102.9 -> 120
    assert by_key["icd-10-cm"].minutes == 870  # 3000 * 2/7 = 857 -> 870
    # most exam points at stake first: ICD (10 questions) before radiology (6), anesthesia (4)
    assert proposal.priority == ("icd-10-cm", "radiology", "anesthesia")


def test_when_time_is_short_the_verdict_names_the_sections_to_put_first() -> None:
    rows = readiness(OUTLINE, [attempt(DAY, anesthesia=2, radiology=3, icd_10_cm=5)])
    proposal = propose_review(OUTLINE, rows, TEACH, free_minutes=880)
    assert proposal.verdict is ReviewVerdict.TOO_SHORT
    assert [b.section_key for b in proposal.blocks] == ["icd-10-cm"]
    assert proposal.left_out == ("radiology", "anesthesia")
    assert proposal.minutes <= 880


def test_no_scores_and_ready() -> None:
    assert propose_review(OUTLINE, readiness(OUTLINE, []), TEACH, 600).verdict is (
        ReviewVerdict.NO_SCORES
    )
    good = readiness(OUTLINE, [attempt(DAY, anesthesia=0, radiology=1)])
    assert propose_review(OUTLINE, good, TEACH, 600).verdict is ReviewVerdict.READY


def test_free_minutes_counts_only_what_the_schedule_leaves() -> None:
    blocks = [StudyBlock(DAY, 1, 45), StudyBlock(DAY, 2, 30), StudyBlock(DAY + timedelta(1), 1, 90)]
    assert free_minutes(lambda d: 60, blocks, DAY, DAY + timedelta(days=3)) == 0 + 0 + 60


def test_review_may_take_what_the_sitting_does_not_require_within_the_slack() -> None:
    lesson = ModuleKind.LESSON
    modules = [
        ModuleToPlan(1, "A", lesson, 300),
        ModuleToPlan(2, "B", lesson, 600, prerequisites=(1,)),
        ModuleToPlan(3, "Unrelated", lesson, 900),
        ModuleToPlan(4, "Practice", ModuleKind.PRACTICE_EXAM, 240, prerequisites=(2,)),
        ModuleToPlan(5, "Done", lesson, 120, done=True, done_on=DAY),
    ]
    assert required_minutes(modules, 4) == 900
    ten_days = DAY + timedelta(days=10)
    # 10 days of 2 h = 1200 min before the sitting, 900 of them required: 300 free
    assert time_for_review(modules, 4, lambda d: 120, DAY, ten_days, None) == 300
    # a target 20 days out holds 2520 min for 2040 left: a slack of 480, more than 300
    assert time_for_review(modules, 4, lambda d: 120, DAY, ten_days, DAY + timedelta(20)) == 300
    # a target 16 days out: 2040 for 2040 left, no slack
    assert time_for_review(modules, 4, lambda d: 120, DAY, ten_days, DAY + timedelta(16)) == 0


def test_outline_data_is_checked() -> None:
    good = {
        "exam": "CPC",
        "pass_mark_percent": 70,
        "sections": [{"key": "a", "title": "A", "questions": 4, "teaches": ["m"]}],
    }
    assert parse_exam_outline(good, "t", ["m"]).questions == 4
    with pytest.raises(SectionsError, match="not a module key"):
        parse_exam_outline(good, "t", ["other"])
    with pytest.raises(SectionsError, match="questions"):
        parse_exam_outline(
            {**good, "sections": [{"key": "a", "title": "A", "questions": 0}]}, "t", []
        )


# -- properties -------------------------------------------------------------------------------

PROPERTY_SETTINGS = settings(
    deadline=None, max_examples=120, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def section_states(draw: st.DrawFn) -> tuple[ExamOutline, Attempt, dict[str, int]]:
    count = draw(st.integers(1, 8))
    sections = tuple(
        ExamSection(f"s{i}", f"Section {i}", draw(st.integers(1, 30)), (f"m{i}",))
        for i in range(count)
    )
    outline = ExamOutline("X", draw(st.floats(1, 100)), sections)
    scores = tuple(
        SectionScore(s.key, s.title, s.questions, draw(st.integers(0, s.questions)))
        for s in sections
        if draw(st.booleans())
    )
    teach = {f"m{i}": draw(st.integers(0, 100 * 60)) for i in range(count)}
    return outline, Attempt(1, "P", DAY, ModuleKind.PRACTICE_EXAM, scores), teach


@PROPERTY_SETTINGS
@given(section_states(), st.integers(-100, 200 * 60))
def test_review_never_exceeds_the_time_free(
    state: tuple[ExamOutline, Attempt, dict[str, int]], free: int
) -> None:
    outline, one, teach = state
    rows = readiness(outline, [one])
    proposal = propose_review(outline, rows, teach, free)
    assert proposal.minutes <= max(0, free)
    weak = {r.key for r in rows if r.weak}
    for block in proposal.blocks:
        assert block.section_key in weak
        assert 0 < block.minutes <= block.wanted <= MAX_REVIEW_MINUTES
        assert block.minutes % REVIEW_STEP == 0
    assert set(proposal.priority) == weak
    assert {b.section_key for b in proposal.blocks} | set(proposal.left_out) == weak
    if proposal.verdict is ReviewVerdict.FITS:
        assert proposal.minutes == proposal.wanted_minutes


@PROPERTY_SETTINGS
@given(section_states())
def test_more_gap_never_asks_for_less_review(
    state: tuple[ExamOutline, Attempt, dict[str, int]],
) -> None:
    outline, one, _teach = state
    for row in readiness(outline, [one]):
        if row.latest is not None and row.latest >= 10:
            worse = type(row)(row.key, row.title, row.questions, row.percents, row.latest - 10,
                              row.pass_mark)  # fmt: skip
            assert wanted_minutes(worse, 600) >= wanted_minutes(row, 600)


@st.composite
def plans_with_review(draw: st.DrawFn) -> tuple[PlanRequest, PlanRequest, int]:
    today = DAY + timedelta(days=draw(st.integers(0, 30)))
    count = draw(st.integers(2, 8))
    modules = []
    for i in range(1, count + 1):
        done = draw(st.booleans())
        kind = ModuleKind.PRACTICE_EXAM if i == count else draw(st.sampled_from(list(ModuleKind)))
        modules.append(
            ModuleToPlan(
                i, f"M{i}", kind, draw(st.integers(30, 900)),
                prerequisites=tuple(draw(st.lists(st.integers(1, i - 1), max_size=2, unique=True)))
                if i > 1 else (),
                done=done and i < count,
                done_on=today - timedelta(days=draw(st.integers(1, 90))) if done and i < count
                else None,
                minutes_done=draw(st.integers(0, 30)),
            )
        )  # fmt: skip
    week = tuple(draw(st.sampled_from([0, 30, 60, 120, 240])) for _ in range(7))
    if not any(week):
        week = (60, *week[1:])
    base = PlanRequest(
        tuple(modules), Availability(week), DAY, today, weekly_minutes=None,
        target=today + timedelta(days=draw(st.integers(7, 200))),
    )  # fmt: skip
    sitting = next_sitting(base.modules)
    assert sitting is not None
    schedule = schedule_plan(base)
    exam_day = schedule.module(sitting.id).due or base.target
    assert exam_day is not None
    free = time_for_review(
        base.modules, sitting.id, base.availability.on, today, exam_day, base.target
    )
    assert free <= free_minutes(base.availability.on, (), today, exam_day)
    outline = ExamOutline(
        "X", 70.0, tuple(ExamSection(f"s{i}", f"S{i}", 10, (f"m{i}",)) for i in range(3))
    )
    scores = tuple(
        SectionScore(s.key, s.title, 10, draw(st.integers(0, 10))) for s in outline.sections
    )
    attempts = [Attempt(count, "P", today, ModuleKind.PRACTICE_EXAM, scores)]
    proposal = propose_review(
        outline, readiness(outline, attempts), {f"m{i}": 600 for i in range(3)}, free
    )
    assert proposal.minutes <= free
    with_review = PlanRequest(
        add_review(base.modules, sitting.id, proposal.blocks, 1000), base.availability, DAY,
        today, target=base.target,
    )  # fmt: skip
    return base, with_review, proposal.minutes


@PROPERTY_SETTINGS
@given(plans_with_review())
def test_review_never_moves_done_work_nor_exceeds_availability(
    state: tuple[PlanRequest, PlanRequest, int],
) -> None:
    before, after, review = state
    old, new = schedule_plan(before), schedule_plan(after)
    for m in before.modules:
        if m.done:
            assert m in after.modules  # the done module itself, unchanged
            assert new.module(m.id) == old.module(m.id)
    done = {m.id for m in after.modules if m.done}
    per_day: dict[date, int] = defaultdict(int)
    for block in new.blocks:
        assert block.module_id not in done
        assert block.day >= after.today
        per_day[block.day] += block.minutes
    for day, minutes in per_day.items():
        assert minutes <= after.availability.on(day)
    added = [m for m in after.modules if m.id >= 1000]
    assert sum(m.minutes for m in added) == review
