"""Use cases of planning: choose a track, create a plan, preview and accept changes.

Each function that writes is one transaction; each returns frozen snapshots. Nothing invalid is
written: input problems raise `InvalidInput` before the database is touched.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import update
from sqlalchemy.orm import Session, selectinload

from studyplanner.core.model import (
    ModuleToPlan,
    PlanningError,
    PlanRequest,
    Schedule,
)
from studyplanner.core.scheduler import schedule_plan
from studyplanner.core.tracks import TrackTemplate
from studyplanner.core.validation import (
    InvalidInput,
    Problem,
    check_availability,
    check_blackouts,
    check_module,
    check_plan_dates,
    in_module,
    problem,
)
from studyplanner.services import plan_records as records
from studyplanner.services.catalog import (
    get_template,
    list_track_templates,
    suggest_terms,
    template_modules,
)
from studyplanner.services.database import Database
from studyplanner.services.plan_reader import active_plan, read_active_plan
from studyplanner.services.snapshots import (
    ModuleDraft,
    ModuleInfo,
    ModuleMove,
    NewPlan,
    PlanChange,
    PlanPreview,
    PlanSettings,
    PlanSnapshot,
    TrackInfo,
)
from studyplanner.store import models

CUSTOM_LABEL = "programs like this"
__all__ = [
    "active_plan",
    "apply_plan_change",
    "create_plan",
    "list_track_templates",
    "module_moves",
    "new_plan_parts",
    "plan_request",
    "preview_new_plan",
    "preview_plan_change",
    "suggest_terms",
    "template_modules",
]


# -- validation -------------------------------------------------------------------------------


def _settings_problems(
    settings: PlanSettings, today: date, term_count: int, *, replanning: bool
) -> list[Problem]:
    problems = check_plan_dates(
        settings.start, settings.target, settings.weekly_minutes, today, replanning=replanning
    )
    problems += check_availability(settings.availability, settings.weekly_minutes)
    problems += check_blackouts(settings.blackouts)
    if term_count:
        numbers = sorted(t.number for t in settings.terms)
        if numbers != list(range(1, term_count + 1)):
            problems.append(problem("terms", "terms_missing", count=term_count))
        ordered = sorted(settings.terms, key=lambda t: t.number)
        for earlier, later in itertools.pairwise(ordered):
            if later.start <= earlier.end:
                problems.append(
                    problem(
                        f"terms.{later.number}",
                        "terms_overlap",
                        term=str(later.number),
                        earlier=str(earlier.number),
                    )
                )
    return problems


def _draft_problems(drafts: Sequence[ModuleDraft], term_count: int) -> list[Problem]:
    problems: list[Problem] = []
    if not drafts:
        problems.append(problem("modules", "track_no_modules"))
    refs = [d.ref for d in drafts]
    if len(set(refs)) != len(refs):
        problems.append(problem("modules", "modules_same_ref"))
    for i, d in enumerate(drafts):
        for p in check_module(d.title, d.minutes):
            problems.append(in_module(p, i + 1, f"modules.{i}.{p.field}"))
        if d.ref in d.prerequisite_refs:
            problems.append(problem(f"modules.{i}.prerequisites", "module_requires_itself",
                                    n=str(i + 1)))  # fmt: skip
        if term_count and (d.term is None or not 1 <= d.term <= term_count):
            problems.append(
                in_module(
                    problem(f"modules.{i}.term", "module_term_range", count=term_count), i + 1
                )
            )
    return problems


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise InvalidInput(problems)


# -- scheduling -------------------------------------------------------------------------------


def plan_request(
    modules: Sequence[ModuleInfo],
    settings: PlanSettings,
    today: date,
    usual: tuple[int, int] | None,
    label: str,
) -> PlanRequest:
    """The scheduler's input for these modules and settings."""
    known = {m.id for m in modules}
    return PlanRequest(
        modules=tuple(
            ModuleToPlan(
                id=m.id,
                title=m.title,
                kind=m.kind,
                minutes=m.minutes,
                prerequisites=tuple(p for p in m.prerequisite_ids if p in known),
                done=m.done,
                done_on=m.done_on,
                minutes_done=m.minutes_logged,
                term=m.term,
                sitting=m.sitting,
            )
            for m in modules
        ),
        availability=settings.availability,
        start=settings.start,
        today=today,
        target=settings.target,
        weekly_minutes=settings.weekly_minutes,
        blackouts=settings.blackouts,
        terms=settings.terms,
        usual_months=usual,
        program_label=label,
        allow_long_sittings=settings.allow_long_sittings,
        busy=settings.busy or (),
    )


def _schedule(
    modules: Sequence[ModuleInfo],
    settings: PlanSettings,
    today: date,
    usual: tuple[int, int] | None,
    label: str,
) -> Schedule:
    request = plan_request(modules, settings, today, usual, label)
    try:
        return schedule_plan(request)
    except PlanningError as exc:
        raise InvalidInput([exc.problem or Problem("modules", str(exc))]) from exc


def _drafts_as_infos(
    drafts: Sequence[ModuleDraft], current: dict[int, ModuleInfo]
) -> list[ModuleInfo]:
    refs = {d.ref for d in drafts}
    infos = []
    for i, d in enumerate(drafts):
        old = current.get(d.ref)
        infos.append(
            ModuleInfo(
                id=d.ref,
                position=i,
                title=d.title.strip(),
                topic=d.topic,
                kind=d.kind,
                minutes=d.minutes,
                prerequisite_ids=tuple(r for r in d.prerequisite_refs if r in refs),
                term=d.term,
                done=old.done if old else False,
                done_on=old.done_on if old else None,
                minutes_logged=old.minutes_logged if old else 0,
                sitting=d.sitting,
            )
        )
    return infos


def _term_count(new: NewPlan, template: TrackTemplate | None) -> int:
    if template is None or template.terms is None:
        return 0
    if new.module_terms:  # spread over more terms
        return max(template.terms.count, len(new.settings.terms))
    return template.terms.count


def new_plan_parts(new: NewPlan) -> tuple[list[ModuleInfo], TrackTemplate | None]:
    """The new plan's modules (negative refs) and its template (None for a custom track)."""
    if new.template_id is not None:
        modules = list(template_modules(new.template_id))
        moved = dict(new.module_terms)
        if moved:
            modules = [replace(m, term=moved.get(m.id, m.term)) for m in modules]
        return modules, get_template(new.template_id)
    if not (new.custom_name or "").strip():
        raise InvalidInput([problem("track_name", "track_name_missing")])
    _raise_if(_draft_problems(new.custom_modules, 0))
    return _drafts_as_infos(new.custom_modules, {}), None


def preview_new_plan(new: NewPlan, today: date) -> PlanPreview:
    modules, template = new_plan_parts(new)
    term_count = _term_count(new, template)
    _raise_if(_settings_problems(new.settings, today, term_count, replanning=False))
    schedule = _schedule(
        modules,
        new.settings,
        today,
        template.usual_months if template else None,
        template.program_label if template else CUSTOM_LABEL,
    )
    return PlanPreview(settings=new.settings, modules=tuple(modules), schedule=schedule)


def create_plan(
    db: Database,
    new: NewPlan,
    today: date,
    now: datetime | None = None,
    *,
    preview: PlanPreview | None = None,
) -> PlanSnapshot:
    """Copy the chosen track into the user's database, create the active plan, save baseline 1.

    Everything is validated and scheduled before anything is written (`preview`: the caller's
    preview_new_plan of this `new` and `today`, so it is not made twice); the modules and their
    links are written in bulk, all in one transaction."""
    checked = preview or preview_new_plan(new, today)
    modules = checked.modules
    template = get_template(new.template_id) if new.template_id is not None else None
    stamp = now or datetime.now()
    with db.transaction() as session:
        track = models.Track(
            name=template.name if template else (new.custom_name or "").strip(),
            template_id=template.id if template else None,
            goal_credential=template.goal_credential if template else "",
            body=template.body if template else "",
            usual_min_months=template.usual_months[0] if template else None,
            usual_max_months=template.usual_months[1] if template else None,
            program_label=template.program_label if template else CUSTOM_LABEL,
            pass_mark_percent=template.pass_mark_percent if template else None,
            term_count=_term_count(new, template),
            created_at=stamp,
        )
        session.add(track)
        session.flush()
        keys = [m.key for m in template.modules] if template else [None] * len(modules)
        ids = records.insert_modules(session, track.id, modules, keys)
        session.execute(update(models.Plan).values(is_active=False))
        plan = models.Plan(track=track, is_active=True, created_at=stamp)
        records.write_settings(plan, new.settings)
        session.add(plan)
        session.flush()
        titles = {ids[m.id]: m.title for m in modules}
        schedule = records.with_ids(checked.schedule, ids)
        records.save_baseline(
            session, plan.id, 1, new.settings, schedule, stamp, "Plan created", titles
        )
        session.flush()
        return _reread(session)


def _reread(session: Session) -> PlanSnapshot:
    """The active plan as stored now (inside the current transaction)."""
    snapshot = read_active_plan(session.connection())
    assert snapshot is not None
    return snapshot


# -- changing the active plan ---------------------------------------------------------------


def _no_plan() -> InvalidInput:
    return InvalidInput([problem("plan", "no_plan")])


def _changed_modules(
    change: PlanChange, current: TrackInfo
) -> tuple[list[ModuleInfo], list[Problem]]:
    if change.modules is None:
        return list(current.modules), []
    existing = {m.id: m for m in current.modules}
    problems = _draft_problems(change.modules, change.term_count or current.term_count)
    for d in change.modules:
        if d.ref > 0 and d.ref not in existing:
            problems.append(problem("modules", "module_not_in_track", title=d.title))
    kept = {d.ref for d in change.modules}
    for m in current.modules:
        if m.done and m.id not in kept:
            problems.append(problem("modules", "module_remove_done", title=m.title))
        elif m.minutes_logged and m.id not in kept:
            problems.append(problem("modules", "module_remove_logged", title=m.title))
    return _drafts_as_infos(change.modules, existing), problems


def module_moves(
    modules: Sequence[ModuleInfo], old: Schedule, new: Schedule, old_titles: dict[int, str]
) -> tuple[ModuleMove, ...]:
    old_by_id = {m.module_id: m for m in old.modules}
    new_by_id = {m.module_id: m for m in new.modules}
    moves = []
    for m in modules:
        before, after = old_by_id.get(m.id), new_by_id.get(m.id)
        pair_old = (before.start, before.due) if before else (None, None)
        pair_new = (after.start, after.due) if after else (None, None)
        if pair_old != pair_new:
            moves.append(ModuleMove(m.id, m.title, *pair_old, *pair_new))
    listed = {m.id for m in modules}
    for mid, before in old_by_id.items():
        if mid not in listed:
            moves.append(
                ModuleMove(mid, old_titles.get(mid, "?"), before.start, before.due, None, None)
            )
    return tuple(moves)


def _preview_change(snapshot: PlanSnapshot, change: PlanChange, today: date) -> PlanPreview:
    """The change checked and scheduled (once: what is saved is this schedule)."""
    settings = change.settings or snapshot.settings
    if settings.busy is None:  # the busy time from calendars stays as stored
        settings = replace(settings, busy=snapshot.settings.busy)
    modules, problems = _changed_modules(change, snapshot.track)
    term_count = change.term_count or snapshot.track.term_count
    problems += _settings_problems(settings, today, term_count, replanning=True)
    if change.track_name is not None and not change.track_name.strip():
        problems.append(problem("track_name", "track_name_missing"))
    _raise_if(problems)
    schedule = _schedule(
        modules, settings, today, snapshot.track.usual_months, snapshot.track.program_label
    )
    titles = {m.id: m.title for m in snapshot.track.modules}
    return PlanPreview(
        settings=settings,
        modules=tuple(modules),
        schedule=schedule,
        moves=module_moves(modules, snapshot.schedule, schedule, titles),
    )


def preview_plan_change(
    db: Database, change: PlanChange, today: date, plan: PlanSnapshot | None = None
) -> PlanPreview:
    """What the change would do, without saving anything. `plan`: the active plan when the
    caller has just read it (so it is not read again)."""
    if plan is None:
        with db.read() as conn:
            plan = read_active_plan(conn)
    if plan is None:
        raise _no_plan()
    return _preview_change(plan, change, today)


def apply_plan_change(
    db: Database,
    change: PlanChange,
    today: date,
    note: str = "",
    now: datetime | None = None,
    keys: Mapping[int, str] | None = None,
) -> PlanSnapshot:
    """Save the change and the re-planned schedule as a new baseline, in one transaction.

    `keys` names new modules (by their draft's negative ref) with a key, as section review
    does ("review-<section>"); other new modules have none."""
    with db.transaction() as session:
        return apply_change_in(session, change, today, note, now or datetime.now(), keys)


def apply_change_in(
    session: Session,
    change: PlanChange,
    today: date,
    note: str,
    stamp: datetime,
    keys: Mapping[int, str] | None = None,
) -> PlanSnapshot:
    """apply_plan_change inside the caller's transaction (for actions that write more)."""
    snapshot = read_active_plan(session.connection())
    if snapshot is None:
        raise _no_plan()
    preview = _preview_change(snapshot, change, today)
    infos = list(preview.modules)
    schedule = preview.schedule
    if change.track_name is not None or change.term_count is not None or change.modules is not None:
        track = _track_row(session, snapshot.track.id, with_modules=change.modules is not None)
        if change.track_name is not None:
            track.name = change.track_name.strip()
        if change.term_count is not None:
            track.term_count = change.term_count
        if change.modules is not None:
            infos = records.sync_modules(session, track, infos, keys or {})
            ids = {ref.id: m.id for ref, m in zip(preview.modules, infos, strict=True)}
            schedule = records.with_ids(schedule, ids)
    if change.settings is not None:
        records.write_settings(session.get_one(models.Plan, snapshot.id), change.settings)
    number = snapshot.baselines[-1].number + 1
    titles = {m.id: m.title for m in infos}
    records.save_baseline(
        session, snapshot.id, number, preview.settings, schedule, stamp,
        note or "Plan changed", titles,
    )  # fmt: skip
    session.flush()
    return _reread(session)


def _track_row(session: Session, track_id: int, *, with_modules: bool) -> models.Track:
    """The track's row to change; with its modules and their links when those change too."""
    options = (
        [selectinload(models.Track.modules).selectinload(models.Module.prerequisites)]
        if with_modules
        else []
    )
    return session.get_one(models.Track, track_id, options=options)
