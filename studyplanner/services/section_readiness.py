"""Readiness by exam section: the active plan's exam outline (template data), the sittings'
section scores, and the review weak sections call for, as a change to the plan to preview and
accept (a new baseline, like any other change).

Review modules are lessons keyed "review-<section>", placed just before the next practice exam
or exam, which then requires them; they count in progress like any module. A section that
already has review waiting (not done) is not asked for again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import Connection

from studyplanner.core.exam_sections import ExamOutline, SectionScore
from studyplanner.core.model import ModuleKind, ModuleToPlan, Schedule
from studyplanner.core.section_review import (
    Attempt,
    ReviewProposal,
    ReviewVerdict,
    SectionReadiness,
    next_sitting,
    propose_review,
    readiness,
    time_for_review,
)
from studyplanner.core.validation import InvalidInput, Problem
from studyplanner.services.database import Database
from studyplanner.services.plan_reader import read_active_plan
from studyplanner.services.snapshots import (
    ModuleDraft,
    ModuleInfo,
    PlanChange,
    PlanSettings,
    PlanSnapshot,
)

REVIEW_KEY = "review-"


@dataclass(frozen=True, slots=True)
class Sitting:
    module_id: int
    title: str
    kind: ModuleKind
    day: date | None
    """The day the schedule puts it on (None when it could not be placed)."""


@dataclass(frozen=True, slots=True)
class Readiness:
    outline: ExamOutline
    attempts: tuple[Attempt, ...]
    sections: tuple[SectionReadiness, ...]
    review: ReviewProposal
    next_sitting: Sitting | None
    already_planned: tuple[str, ...] = ()
    """Weak sections whose review is already in the plan, waiting to be done."""
    change: PlanChange | None = None
    """The plan with the proposed review (None when there is none to add)."""
    keys: Mapping[int, str] | None = None
    """The review modules' keys by their draft ref (see plans.apply_plan_change)."""


def exam_outline(template_id: str | None) -> ExamOutline | None:
    if template_id is None:
        return None
    from studyplanner.bundled import track_template

    try:
        return track_template(template_id).exam_sections
    except (KeyError, LookupError, ValueError):
        return None


def active_outline(db: Database) -> ExamOutline | None:
    """The exam sections of the active plan's track (None: no plan, or a track without them)."""
    with db.read() as conn:
        plan = read_active_plan(conn)
    return exam_outline(plan.track.template_id) if plan is not None else None


def _module_keys(conn: Connection, track_id: int) -> dict[int, str]:
    rows = conn.exec_driver_sql(
        "SELECT id, key FROM modules WHERE track_id = ? AND key IS NOT NULL", (track_id,)
    )
    return {mid: key for mid, key in rows}


def _attempts(conn: Connection, plan: PlanSnapshot) -> tuple[Attempt, ...]:
    sittings = {m.id: m for m in plan.track.modules if m.kind.is_exam and m.done_on is not None}
    scores: dict[int, list[SectionScore]] = {}
    rows = conn.exec_driver_sql(
        "SELECT module_id, section_key, title, questions, missed FROM section_scores"
        " ORDER BY module_id, rowid"
    )
    for mid, key, title, questions, missed in rows:
        if mid in sittings:
            scores.setdefault(mid, []).append(SectionScore(key, title, questions, missed))
    attempts = []
    for mid, section_scores in scores.items():
        m = sittings[mid]
        assert m.done_on is not None
        attempts.append(Attempt(mid, m.title, m.done_on, m.kind, tuple(section_scores)))
    return tuple(attempts)


def _available(settings: PlanSettings, day: date) -> int:
    """The day's study time as the scheduler sees it (a weekly budget spread like the
    availability), 0 on a blackout day, less the day's busy time from calendars."""
    if any(b.covers(day) for b in settings.blackouts):
        return 0
    busy = sum(b.minutes for b in settings.busy or () if b.day == day)
    minutes = max(0, settings.availability.on(day) - busy)
    full = settings.availability.weekly_minutes
    if settings.weekly_minutes is not None and 0 < settings.weekly_minutes < full:
        return minutes * settings.weekly_minutes // full
    return minutes


def _to_plan(m: ModuleInfo) -> ModuleToPlan:
    return ModuleToPlan(
        m.id, m.title, m.kind, m.minutes, m.prerequisite_ids, m.done, m.done_on,
        m.minutes_logged, m.term, m.sitting,
    )  # fmt: skip


def _draft(m: ModuleInfo) -> ModuleDraft:
    return ModuleDraft(
        m.id, m.title, m.kind, m.minutes, m.prerequisite_ids, m.term, m.topic, m.sitting
    )


def _replanned(db: Database, today: date) -> Schedule | None:
    """The plan re-planned from today (what is left, where it would go now), without saving:
    the time free before the next sitting is judged on it, not on an older baseline."""
    from studyplanner.services.plans import preview_plan_change

    try:
        return preview_plan_change(db, PlanChange(), today).schedule
    except InvalidInput:
        return None


def section_readiness(db: Database, today: date) -> Readiness | None:
    """Readiness per section of the active plan's exam, and the review it calls for."""
    with db.read() as conn:
        plan = read_active_plan(conn)
        if plan is None:
            return None
        outline = exam_outline(plan.track.template_id)
        if outline is None:
            return None
        keys = _module_keys(conn, plan.track.id)
        attempts = _attempts(conn, plan)
    modules = plan.track.modules
    rows = readiness(outline, attempts)
    to_plan = [_to_plan(m) for m in modules]
    sitting_module = next_sitting(to_plan)
    if sitting_module is None:
        return Readiness(outline, attempts, rows, ReviewProposal(ReviewVerdict.NO_SITTING), None)
    schedule = _replanned(db, today) or plan.schedule
    day = next((m.start for m in schedule.modules if m.module_id == sitting_module.id), None)
    sitting = Sitting(sitting_module.id, sitting_module.title, sitting_module.kind, day)
    waiting = {
        keys[m.id][len(REVIEW_KEY) :]
        for m in modules
        if not m.done and keys.get(m.id, "").startswith(REVIEW_KEY)
    }
    first = max(today, plan.settings.start)
    free = 0
    if day is not None:
        free = time_for_review(
            to_plan, sitting.module_id, lambda d: _available(plan.settings, d), first, day,
            plan.settings.target,
        )  # fmt: skip
    minutes_by_key = {keys[m.id]: m.minutes for m in modules if m.id in keys}
    asked = tuple(r for r in rows if r.key not in waiting)
    proposal = propose_review(outline, asked, minutes_by_key, free)
    planned = tuple(r.key for r in rows if r.weak and r.key in waiting)
    if planned and proposal.verdict is ReviewVerdict.READY:
        proposal = replace(proposal, verdict=ReviewVerdict.PLANNED)
    change, new_keys = _review_change(modules, sitting.module_id, proposal, outline)
    return Readiness(outline, attempts, rows, proposal, sitting, planned, change, new_keys)


def _review_change(
    modules: tuple[ModuleInfo, ...], sitting_id: int, proposal: ReviewProposal,
    outline: ExamOutline,
) -> tuple[PlanChange | None, dict[int, str] | None]:  # fmt: skip
    if not proposal.blocks:
        return None, None
    reviews = [
        ModuleDraft(
            -(i + 1), f"Review: {b.title}", ModuleKind.LESSON, b.minutes,
            topic=f"{outline.exam} exam section below the pass mark (latest "
            f"{outline.pass_mark_percent - b.gap:.0f} % against {outline.pass_mark_percent:g} %)",
        )
        for i, b in enumerate(proposal.blocks)
    ]  # fmt: skip
    drafts: list[ModuleDraft] = []
    for m in modules:
        draft = _draft(m)
        if m.id == sitting_id:
            drafts.extend(reviews)
            refs = (*draft.prerequisite_refs, *(r.ref for r in reviews))
            draft = ModuleDraft(
                draft.ref, draft.title, draft.kind, draft.minutes, refs, draft.term, draft.topic,
                draft.sitting,
            )  # fmt: skip
        drafts.append(draft)
    keys = {
        r.ref: f"{REVIEW_KEY}{b.section_key}" for r, b in zip(reviews, proposal.blocks, strict=True)
    }
    return PlanChange(modules=tuple(drafts)), keys


def accept_review(db: Database, today: date, now: datetime | None = None) -> PlanSnapshot:
    """Add the review proposed now to the plan: one transaction, a new baseline."""
    from studyplanner.services.plans import apply_plan_change

    found = section_readiness(db, today)
    if found is None or found.change is None:
        raise InvalidInput([Problem("review", "There is no review to add to the plan.")])
    return apply_plan_change(
        db, found.change, today, note="Review for weak exam sections", now=now, keys=found.keys
    )
