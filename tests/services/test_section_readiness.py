"""Section scores through the store: entered with a sitting's completion (the total derived),
readiness across attempts, and weak sections turned into review the plan accepts (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from studyplanner.core.exam_sections import SectionScore
from studyplanner.core.model import Availability, ModuleKind
from studyplanner.core.section_review import ReviewVerdict
from studyplanner.core.validation import InvalidInput
from studyplanner.services.database import Database, open_database
from studyplanner.services.plans import active_plan, create_plan, preview_plan_change
from studyplanner.services.progress import mark_done, module_statuses, progress, reopen
from studyplanner.services.section_readiness import accept_review, active_outline, section_readiness
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.store import models

TODAY = date(2027, 3, 1)
START = date(2027, 1, 4)


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(data_dir)
    settings = PlanSettings(
        start=START, availability=Availability((120, 120, 120, 120, 120, 240, 0)),
        target=date(2027, 9, 30),
    )  # fmt: skip
    create_plan(db := database, NewPlan(settings, template_id="cpc-exam-prep-experienced"),
                START, now=datetime(2027, 1, 4, 9))  # fmt: skip
    yield db
    database.close()


def _sections(db: Database, **missed: int) -> list[SectionScore]:
    outline = active_outline(db)
    assert outline is not None
    return [
        SectionScore(s.key, s.title, s.questions, missed.get(s.key.replace("-", "_"), 0))
        for s in outline.sections
    ]


def _first_practice(db: Database) -> int:
    return next(m.id for m in module_statuses(db, TODAY) if m.kind is ModuleKind.PRACTICE_EXAM)


def test_the_score_is_derived_from_the_sections_and_goes_with_reopening(db: Database) -> None:
    exam = _first_practice(db)
    scores = _sections(db, anesthesia=3, radiology=4, icd_10_cm=2)
    status = mark_done(db, exam, date(2027, 2, 27), 99.0, TODAY, scores)
    assert status.score == 91.0  # 9 of 100 missed; the typed 99 is ignored
    with db.transaction() as session:
        assert len(session.scalars(select(models.SectionScore)).all()) == 17
    reopen(db, exam, TODAY)
    with db.transaction() as session:
        assert session.scalars(select(models.SectionScore)).all() == []


def test_a_section_twice_is_refused_and_nothing_is_written(db: Database) -> None:
    exam = _first_practice(db)
    twice = [SectionScore("anesthesia", "Anesthesia", 4, 1)] * 2
    with pytest.raises(InvalidInput):
        mark_done(db, exam, date(2027, 2, 27), None, TODAY, twice)
    assert not next(m for m in module_statuses(db, TODAY) if m.id == exam).done


def test_weak_sections_become_review_before_the_next_sitting(db: Database) -> None:
    exam = _first_practice(db)
    mark_done(db, exam, date(2027, 2, 27), None, TODAY,
              _sections(db, anesthesia=3, radiology=4, surgery_20000=3))  # fmt: skip
    found = section_readiness(db, TODAY)
    assert found is not None and found.next_sitting is not None
    assert found.next_sitting.title.startswith("Practice exam 2")
    weak = {r.key for r in found.sections if r.weak}
    assert weak == {"anesthesia", "radiology", "surgery-20000"}
    assert found.review.verdict is ReviewVerdict.FITS
    # radiology (6 questions, 33 %) has the most points at stake
    assert found.review.priority[0] == "radiology"
    assert found.change is not None
    preview = preview_plan_change(db, found.change, TODAY)
    assert [m.title for m in preview.modules if m.id < 0] == [
        f"Review: {b.title}" for b in found.review.blocks
    ]
    before = active_plan(db, TODAY)
    assert before is not None
    done_before = {m.id: m.done_on for m in before.track.modules if m.done}
    snapshot = accept_review(db, TODAY, now=datetime(2027, 3, 1, 20))
    titles = [m.title for m in snapshot.track.modules]
    sitting = titles.index(found.next_sitting.title)
    reviews = [i for i, t in enumerate(titles) if t.startswith("Review: ")]
    assert reviews == list(range(sitting - len(reviews), sitting))
    assert {m.id: m.done_on for m in snapshot.track.modules if m.done} == done_before
    assert snapshot.baselines[-1].note == "Review for weak exam sections"
    # the review counts in progress like any module, and is not asked for twice
    after = section_readiness(db, TODAY)
    assert after is not None and after.change is None
    assert set(after.already_planned) == weak
    review_hours = found.review.minutes / 60
    total_before = sum(m.minutes for m in before.track.modules) / 60
    figures = progress(db, TODAY)
    assert figures is not None
    assert figures.hours_total == pytest.approx(total_before + review_hours)


def test_no_review_when_every_section_passes(db: Database) -> None:
    mark_done(db, _first_practice(db), date(2027, 2, 27), None, TODAY, _sections(db))
    found = section_readiness(db, TODAY)
    assert found is not None and found.review.verdict is ReviewVerdict.READY
    with pytest.raises(InvalidInput):
        accept_review(db, TODAY)


def test_when_time_is_short_the_verdict_names_the_sections_to_put_first(data_dir: Path) -> None:
    """Every study minute up to the next practice exam is taken: no review fits, and the
    sections with the most exam points at stake are named first."""
    db = open_database(data_dir / "full")
    try:
        week = Availability((60, 60, 60, 60, 60, 0, 0))
        settings = PlanSettings(start=START, availability=week, weekly_minutes=300)
        create_plan(db, NewPlan(settings, template_id="cpc-exam-prep-experienced"), START,
                    now=datetime(2027, 1, 4, 9))  # fmt: skip
        mark_done(db, _first_practice(db), date(2027, 2, 27), None, TODAY,
                  _sections(db, anesthesia=3, radiology=4, icd_10_cm=6))  # fmt: skip
        found = section_readiness(db, TODAY)
        assert found is not None
        assert found.review.verdict is ReviewVerdict.TOO_SHORT
        assert found.review.minutes <= found.review.free_minutes
        assert found.review.priority == ("icd-10-cm", "radiology", "anesthesia")
    finally:
        db.close()


def test_review_time_is_the_days_time_less_its_busy_time_from_calendars() -> None:
    """Review is sized on the study time the scheduler sees: a shift from an imported calendar
    takes its minutes off that date (never below zero), as in core/placement."""
    from studyplanner.core.model import BusyDay
    from studyplanner.services.section_readiness import _available

    monday, tuesday = date(2027, 3, 1), date(2027, 3, 2)
    week = Availability((120, 120, 120, 120, 120, 240, 0))
    busy = (BusyDay(monday, 90), BusyDay(tuesday, 600))
    settings = PlanSettings(start=monday, availability=week, weekly_minutes=840, busy=busy)
    assert _available(settings, monday) == 30
    assert _available(settings, tuesday) == 0
    assert _available(settings, date(2027, 3, 3)) == 120
