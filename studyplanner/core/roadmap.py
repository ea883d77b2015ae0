"""The career roadmap: what each credential of the rule book would cost this learner.

Pure: a function of (rule book, track templates, the credentials held, the learner's study week,
today). For every credential the rules name (apprentice forms aside, and those already held,
except a body's generic specialty row), it gives:

- **the study**: each built-in track aiming at it, with its hours and a dated plan at the
  learner's own week (the same request plan creation makes: `goal_request`), starting after the
  active plan's finish, or today;
- **the exam** as the rules data publish it (questions, time, pass mark, parts) and the track's
  timed sittings;
- **the CEU consequence**, from the body's totals rule in the data: the per-cycle total before
  and after (AAPC's table by count, AHIMA's highest plus a figure per additional credential,
  capped; a credential that supersedes another replaces it), the credential's own quota, and
  whether it joins the shared cycle of the credentials held with that body or opens a new one.

Nothing here knows a body by name: every figure comes from the rules data, with its sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from studyplanner.core.ceu_rules import CredentialRule, ExamFormat, Quota, RuleBook, RuleSource
from studyplanner.core.ceu_status import pool_total
from studyplanner.core.model import (
    Availability,
    Blackout,
    ModuleKind,
    ModuleToPlan,
    PlanningError,
    PlanRequest,
    Schedule,
    Term,
)
from studyplanner.core.scheduler import schedule_plan
from studyplanner.core.tracks import TrackTemplate, plan_defaults

APPRENTICE = "apprentice"
"""Credentials of this kind are not aimed at: passing the full credential's exam gives them."""
SPECIALTY = "specialty"
"""Credentials of this kind may be held more than once (each specialty under its own name)."""


class CycleEffect(StrEnum):
    JOINS_SHARED_CYCLE = "joins_shared_cycle"
    """The body's credentials share one cycle: the new one joins the cycle of those held."""
    NEW_CYCLE = "new_cycle"
    """No credential of the body is held (or its cycles are not shared): a cycle of its own."""


@dataclass(frozen=True, slots=True)
class HeldCredential:
    code: str  # the rule's code (CPC, SPECIALTY...)
    body: str
    cycle_end: date | None  # the open cycle's end


@dataclass(frozen=True, slots=True)
class StudyWeek:
    """The learner's study time: the active plan's, or a usual week when there is none."""

    availability: Availability
    weekly_minutes: int
    blackouts: tuple[Blackout, ...] = ()
    allow_long_sittings: bool = False


@dataclass(frozen=True, slots=True)
class CeuConsequence:
    body: str
    effect: CycleEffect
    before: Decimal | None  # the body's per-cycle total now (None: no credential of the body)
    after: Decimal
    cycle_years: int
    shared_cycle_end: date | None  # the cycle joined (JOINS_SHARED_CYCLE)
    quota: Quota | None  # the goal's own quota inside the total
    replaces: tuple[str, ...]  # held credentials the goal supersedes
    sources: tuple[RuleSource, ...]  # the totals rule, the quota

    @property
    def added(self) -> Decimal:
        return self.after - (self.before or Decimal(0))


@dataclass(frozen=True, slots=True)
class TrackCost:
    """One built-in track toward the goal, dated at the learner's week."""

    template_id: str
    name: str
    minutes: int
    start: date
    weekly_minutes: int | None  # None for a degree (its terms and target set the pace)
    target: date | None
    terms: tuple[Term, ...]
    schedule: Schedule | None  # None when the scheduler cannot place it at all
    sittings: int  # timed sittings (practice exams and the exam)

    @property
    def finish(self) -> date | None:
        return self.schedule.finish if self.schedule is not None else None


@dataclass(frozen=True, slots=True)
class RoadmapEntry:
    code: str
    name: str
    body: str
    kind: str
    exam: ExamFormat | None
    ceus: CeuConsequence
    tracks: tuple[TrackCost, ...]
    source: RuleSource


def roadmap_start(active_finish: date | None, today: date) -> date:
    """A goal's plan starts the day after the active plan's finish, or today when there is no
    active plan or it is finished."""
    if active_finish is None or active_finish < today:
        return today
    return active_finish + timedelta(days=1)


def ceu_consequence(
    book: RuleBook, held: Sequence[HeldCredential], goal: CredentialRule
) -> CeuConsequence:
    """What adding `goal` does to the CEUs of its body, by the body's rules."""
    body = book.bodies[goal.body]
    same = [h for h in held if h.body == goal.body and h.code in book.credentials]
    codes = [h.code for h in same]
    before = pool_total(book, body, codes) if codes else None
    after = pool_total(book, body, [*codes, goal.code])
    ends = [h.cycle_end for h in same if h.cycle_end is not None]
    shared = body.shared_cycle and bool(ends)
    sources = [body.totals]
    if goal.quota is not None:
        sources.append(goal.quota.source)
    replaces = tuple(sorted({c for c in codes if book.credentials[c].superseded_by == goal.code}))
    return CeuConsequence(
        body=goal.body,
        effect=CycleEffect.JOINS_SHARED_CYCLE if shared else CycleEffect.NEW_CYCLE,
        before=before,
        after=after,
        cycle_years=body.cycle_years,
        shared_cycle_end=max(ends) if shared else None,
        quota=goal.quota,
        replaces=replaces,
        sources=tuple(sources),
    )


def template_module_ref(index: int) -> int:
    """The id a template's module has before it is copied (the catalog's negative refs)."""
    return -(index + 1)


def goal_request(template: TrackTemplate, week: StudyWeek, start: date, today: date) -> PlanRequest:
    """The scheduler's request for `template` from `start` at `week`: the same request plan
    creation makes for these settings (a degree keeps its default terms and their end)."""
    refs = {m.key: template_module_ref(i) for i, m in enumerate(template.modules)}
    target, weekly, terms = goal_settings(template, week, start)
    modules = tuple(
        ModuleToPlan(
            id=refs[m.key],
            title=m.title,
            kind=m.kind,
            minutes=m.minutes,
            prerequisites=tuple(refs[k] for k in m.requires),
            term=m.term,
            sitting=m.sitting is not None,
        )
        for m in template.modules
    )
    return PlanRequest(
        modules=modules,
        availability=week.availability,
        start=start,
        today=today,
        target=target,
        weekly_minutes=weekly,
        blackouts=week.blackouts,
        terms=terms,
        usual_months=template.usual_months,
        program_label=template.program_label,
        allow_long_sittings=week.allow_long_sittings,
    )


def goal_settings(
    template: TrackTemplate, week: StudyWeek, start: date
) -> tuple[date | None, int | None, tuple[Term, ...]]:
    """(target, weekly minutes, terms) of a goal's plan: a degree ends with its last default
    term; anything else studies the learner's weekly minutes."""
    if template.terms is not None:
        defaults = plan_defaults(template, start)
        return defaults.target, None, defaults.terms
    return None, max(week.weekly_minutes, 1), ()


def track_cost(template: TrackTemplate, week: StudyWeek, start: date, today: date) -> TrackCost:
    target, weekly, terms = goal_settings(template, week, start)
    try:
        schedule: Schedule | None = schedule_plan(goal_request(template, week, start, today))
    except PlanningError:
        schedule = None
    return TrackCost(
        template_id=template.id,
        name=template.name,
        minutes=template.total_minutes,
        start=start,
        weekly_minutes=weekly,
        target=target,
        terms=terms,
        schedule=schedule,
        sittings=sum(
            1
            for m in template.modules
            if m.sitting is not None and m.kind in (ModuleKind.EXAM, ModuleKind.PRACTICE_EXAM)
        ),
    )


def roadmap(
    book: RuleBook,
    templates: Sequence[TrackTemplate],
    held: Sequence[HeldCredential],
    week: StudyWeek,
    start: date,
    today: date,
) -> tuple[RoadmapEntry, ...]:
    """Every credential worth aiming at, with what it would cost: those with a built-in track
    first, then the others; in the rule book's order within each."""
    held_codes = {h.code for h in held}
    for h in held:  # an apprentice form becomes its full credential without another exam
        rule = book.credentials.get(h.code)
        if rule is not None and rule.kind == APPRENTICE and rule.superseded_by is not None:
            held_codes.add(rule.superseded_by)
    entries = []
    for rule in book.credentials.values():
        if rule.kind == APPRENTICE or (rule.code in held_codes and rule.kind != SPECIALTY):
            continue
        tracks = tuple(
            track_cost(t, week, start, today)
            for t in templates
            if t.goal_credential.strip().upper() == rule.code
        )
        entries.append(
            RoadmapEntry(
                code=rule.code,
                name=rule.name,
                body=rule.body,
                kind=rule.kind,
                exam=rule.exam,
                ceus=ceu_consequence(book, held, rule),
                tracks=tracks,
                source=rule.source,
            )
        )
    return tuple(sorted(entries, key=lambda e: not e.tracks))


def source_link(source: str) -> tuple[str | None, str]:
    """A source as the rules data write it ("https://... (undated)") as (address, the rest);
    (None, the text) when it does not start with a web address."""
    head, _, rest = source.strip().partition(" ")
    if head.startswith(("https://", "http://")):
        return head, rest.strip()
    return None, source.strip()
