"""Use cases of the career roadmap: what each credential of the rules would cost this learner
(core/roadmap.py), and the plan toward one of them, previewed and then created.

The learner's week is the active plan's (its availability, its weekly study, its days off still
to come); a goal's plan starts the day after the active plan's finish (today when there is none or
it is finished). Choosing a goal makes the plan the roadmap showed: the same settings go through
`plans.preview_new_plan` and `plans.create_plan`, so the dates are the ones shown. There is one
active plan: creating the goal's plan makes it the one followed (the former plan is kept, with
its baselines and sessions, but no longer active).

Passing the goal's exam adds the credential as passing any plan's final exam does (the Modules
screen offers it; `credentials.add_credential` puts it into the body's shared cycle).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from studyplanner.bundled import load_track_templates, rule_book
from studyplanner.core.model import Availability, ModuleKind
from studyplanner.core.roadmap import (
    HeldCredential,
    RoadmapEntry,
    StudyWeek,
    goal_settings,
    roadmap,
    roadmap_start,
)
from studyplanner.core.validation import InvalidInput, Problem
from studyplanner.services.catalog import get_template
from studyplanner.services.changes import PLAN_CHANGES, Changes
from studyplanner.services.credentials import list_credentials
from studyplanner.services.database import Database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.plans import create_plan, preview_new_plan
from studyplanner.services.snapshots import (
    ModuleStatus,
    NewPlan,
    PlanPreview,
    PlanSettings,
    PlanSnapshot,
)

USUAL_WEEK = Availability((90, 90, 90, 90, 90, 240, 0))
"""The week assumed when there is no active plan: the plan assistant's and the CLI's default
(1.5 h on weekdays and 4 h on Saturday)."""


@dataclass(frozen=True, slots=True)
class Roadmap:
    start: date  # when a goal's plan would start
    week: StudyWeek
    active_plan: str | None  # the active plan's track name, if any
    active_finish: date | None  # its finish, when still ahead
    entries: tuple[RoadmapEntry, ...]

    def entry(self, code: str) -> RoadmapEntry:
        for e in self.entries:
            if e.code == code:
                return e
        raise InvalidInput([Problem("credential", f"No roadmap entry for {code}.")])


def _week(db: Database, today: date) -> tuple[StudyWeek, date, str | None, date | None]:
    plan = active_plan(db, today)
    if plan is None:
        week = StudyWeek(USUAL_WEEK, USUAL_WEEK.weekly_minutes)
        return week, today, None, None
    settings = plan.settings
    finish = plan.schedule.finish
    start = roadmap_start(finish, today)
    weekly = (
        settings.weekly_minutes
        or plan.schedule.verdict.weekly_minutes_used
        or settings.availability.weekly_minutes
    )
    week = StudyWeek(
        availability=settings.availability,
        weekly_minutes=min(weekly, settings.availability.weekly_minutes) or weekly,
        blackouts=tuple(b for b in settings.blackouts if b.end >= start),
        allow_long_sittings=settings.allow_long_sittings,
    )
    ahead = finish if finish is not None and start > today else None
    return week, start, plan.track.name, ahead


def career_roadmap(db: Database, today: date) -> Roadmap:
    """What each credential of the rules would cost, dated at the learner's week."""
    week, start, name, finish = _week(db, today)
    held = [
        HeldCredential(c.code, c.body, c.current.end if c.cycles else None)
        for c in list_credentials(db)
    ]
    entries = roadmap(rule_book(), load_track_templates(), held, week, start, today)
    return Roadmap(start, week, name, finish, entries)


def goal_plan(db: Database, template_id: str, today: date) -> NewPlan:
    """The new plan the roadmap dated for this track: its start, the learner's week."""
    template = get_template(template_id)
    week, start, _, _ = _week(db, today)
    target, weekly, terms = goal_settings(template, week, start)
    settings = PlanSettings(
        start=start,
        availability=week.availability,
        target=target,
        weekly_minutes=weekly,
        blackouts=week.blackouts,
        terms=terms,
        allow_long_sittings=week.allow_long_sittings,
    )
    return NewPlan(settings=settings, template_id=template_id)


def preview_goal_plan(db: Database, template_id: str, today: date) -> tuple[NewPlan, PlanPreview]:
    """The goal's plan and its preview (nothing written)."""
    new = goal_plan(db, template_id, today)
    return new, preview_new_plan(new, today)


def create_goal_plan(
    db: Database,
    new: NewPlan,
    today: date,
    now: datetime | None = None,
    *,
    preview: PlanPreview | None = None,
) -> tuple[PlanSnapshot, Changes]:
    """Create the previewed goal plan (one transaction) as the active plan."""
    if new.template_id is None:
        raise InvalidInput([Problem("track", "Choose a built-in track for the goal.")])
    snapshot = create_plan(db, new, today, now, preview=preview)
    return snapshot, PLAN_CHANGES


def credential_earned(db: Database, exam: ModuleStatus, today: date) -> str | None:
    """The credential a final exam just marked done earns, when it is the active plan's goal,
    the rules know it, it is not held yet and the score (if any) is not under the pass mark:
    what to add next (`credentials.add_credential`, into the body's shared cycle)."""
    if exam.kind is not ModuleKind.EXAM or not exam.done:
        return None
    plan = active_plan(db, today)
    goal = plan.track.goal_credential.strip().upper() if plan is not None else ""
    if rule_book().credential(goal) is None or any(c.code == goal for c in list_credentials(db)):
        return None
    from studyplanner.services.progress import progress

    snapshot = progress(db, today)
    mark = snapshot.pass_mark_percent if snapshot is not None else None
    if exam.score is not None and mark is not None and exam.score < mark:
        return None
    return goal
