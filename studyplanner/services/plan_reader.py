"""Reading the active plan with plain SQL (SQLAlchemy Core), for the start-up path.

The ORM is only needed to change data; reading through the tables directly skips importing
and setting up the ORM mappers (about 70 ms) before the first window can be painted.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from studyplanner.core.model import (
    Availability,
    Blackout,
    ModuleKind,
    Schedule,
    ScheduledModule,
    StudyBlock,
    Term,
)
from studyplanner.services.database import Database
from studyplanner.services.snapshots import (
    BaselineInfo,
    ModuleInfo,
    PlanSettings,
    PlanSnapshot,
    TrackInfo,
)
from studyplanner.services.verdict_codec import verdict_from_json
from studyplanner.store import tables

PLANS = tables.plans
TRACKS = tables.tracks
MODULES = tables.modules
PREREQUISITES = tables.module_prerequisites
COMPLETIONS = tables.module_completions
BLACKOUTS = tables.blackouts
TERMS = tables.plan_terms
BASELINES = tables.baselines
BASELINE_MODULES = tables.baseline_modules
BASELINE_BLOCKS = tables.baseline_blocks
SESSIONS = tables.study_sessions


def active_plan(db: Database, today: date) -> PlanSnapshot | None:
    """The active plan as last accepted, or None when there is no plan yet."""
    del today  # the stored plan does not depend on the day; progress (later) will
    with db.engine.connect() as conn:
        return read_active_plan(conn)


_BASE_CACHE: dict[tuple[str, int], tuple[TrackInfo, PlanSettings, Schedule]] = {}
"""What only changes with a new baseline (every plan change saves one): the track's modules,
the settings and the accepted schedule, per database and baseline id. Completions and logged
time are read fresh each time and laid over it."""


def read_active_plan(conn: Connection) -> PlanSnapshot | None:
    plan = conn.execute(
        select(PLANS).where(PLANS.c.is_active.is_(True)).order_by(PLANS.c.id.desc()).limit(1)
    ).first()
    if plan is None:
        return None
    baselines = conn.execute(
        select(
            BASELINES.c.id,
            BASELINES.c.number,
            BASELINES.c.accepted_at,
            BASELINES.c.finish_date,
            BASELINES.c.note,
        )
        .where(BASELINES.c.plan_id == plan.id)
        .order_by(BASELINES.c.number)
    ).all()
    if not baselines:
        return None
    key = (str(conn.engine.url), baselines[-1].id)
    base = _BASE_CACHE.get(key)
    if base is None:
        latest = conn.execute(select(BASELINES).where(BASELINES.c.id == baselines[-1].id)).one()
        base = (_track(conn, plan.track_id), _settings(conn, plan), _schedule(conn, latest))
        if len(_BASE_CACHE) > 8:
            _BASE_CACHE.clear()
        _BASE_CACHE[key] = base
    track, settings, schedule = base
    track = _with_progress(conn, track)
    return PlanSnapshot(
        id=plan.id,
        track=track,
        settings=settings,
        schedule=_with_done(schedule, track),
        baselines=tuple(
            BaselineInfo(
                number=b.number, accepted_at=b.accepted_at, finish=b.finish_date, note=b.note
            )
            for b in baselines
        ),
        created_at=plan.created_at,
    )


def _track(conn: Connection, track_id: int) -> TrackInfo:
    """The track and its modules, as if nothing were done yet (see _with_progress)."""
    row = conn.execute(select(TRACKS).where(TRACKS.c.id == track_id)).one()
    modules = conn.execute(
        select(MODULES).where(MODULES.c.track_id == track_id).order_by(MODULES.c.position)
    ).all()
    prereqs: dict[int, list[int]] = {}
    for module_id, requires_id in conn.execute(
        select(PREREQUISITES.c.module_id, PREREQUISITES.c.requires_id)
        .join(MODULES, MODULES.c.id == PREREQUISITES.c.module_id)
        .where(MODULES.c.track_id == track_id)
    ):
        prereqs.setdefault(module_id, []).append(requires_id)
    usual = None
    if row.usual_min_months is not None and row.usual_max_months is not None:
        usual = (row.usual_min_months, row.usual_max_months)
    return TrackInfo(
        id=row.id,
        name=row.name,
        template_id=row.template_id,
        goal_credential=row.goal_credential,
        usual_months=usual,
        term_count=row.term_count,
        modules=tuple(
            ModuleInfo(
                id=m.id,
                position=i,
                title=m.title,
                topic=m.topic,
                kind=ModuleKind(m.kind),
                minutes=m.estimated_minutes,
                prerequisite_ids=tuple(sorted(prereqs.get(m.id, ()))),
                term=m.term,
                done=False,
                done_on=None,
            )
            for i, m in enumerate(modules)
        ),
    )


def _with_progress(conn: Connection, track: TrackInfo) -> TrackInfo:
    """Lay the completions and the study time logged (summed in SQL) over the track."""
    in_track = select(MODULES.c.id).where(MODULES.c.track_id == track.id)
    completed: dict[int, date] = {
        module_id: day
        for module_id, day in conn.execute(
            select(COMPLETIONS.c.module_id, COMPLETIONS.c.completed_on).where(
                COMPLETIONS.c.module_id.in_(in_track)
            )
        )
    }
    # Summed over the covering index (module_id, minutes): no pass over every session row.
    logged: dict[int, int] = {
        module_id: int(minutes or 0)
        for module_id, minutes in conn.execute(
            select(SESSIONS.c.module_id, func.sum(SESSIONS.c.minutes))
            .where(SESSIONS.c.module_id.in_(in_track))
            .group_by(SESSIONS.c.module_id)
        )
    }
    if not completed and not logged:
        return track
    modules = tuple(
        ModuleInfo(  # the constructor: dataclasses.replace is several times slower
            m.id, m.position, m.title, m.topic, m.kind, m.minutes, m.prerequisite_ids, m.term,
            m.id in completed, completed.get(m.id), logged.get(m.id, 0),
        )
        if m.id in completed or m.id in logged
        else m
        for m in track.modules
    )  # fmt: skip
    return replace(track, modules=modules)


def _with_done(schedule: Schedule, track: TrackInfo) -> Schedule:
    done = {m.id: m.done_on for m in track.modules if m.done}
    if not done:
        return schedule
    return replace(
        schedule,
        modules=tuple(
            replace(s, due=done[s.module_id] or s.due, done=True) if s.module_id in done else s
            for s in schedule.modules
        ),
    )


def _settings(conn: Connection, plan: Any) -> PlanSettings:
    blackouts = conn.execute(
        select(BLACKOUTS).where(BLACKOUTS.c.plan_id == plan.id).order_by(BLACKOUTS.c.start_date)
    ).all()
    terms = conn.execute(
        select(TERMS).where(TERMS.c.plan_id == plan.id).order_by(TERMS.c.number)
    ).all()
    minutes = tuple(getattr(plan, col) for col in tables.WEEKDAY_COLUMNS)
    return PlanSettings(
        start=plan.start_date,
        availability=Availability(minutes),
        target=plan.target_date,
        weekly_minutes=plan.weekly_minutes,
        blackouts=tuple(Blackout(b.start_date, b.end_date, b.label) for b in blackouts),
        terms=tuple(Term(t.number, t.start_date, t.end_date) for t in terms),
    )


def _schedule(conn: Connection, baseline: Any) -> Schedule:
    baseline_id = baseline.id
    mods = conn.execute(
        select(
            BASELINE_MODULES.c.module_id,
            BASELINE_MODULES.c.start_date,
            BASELINE_MODULES.c.due_date,
            BASELINE_MODULES.c.minutes,
        )
        .where(BASELINE_MODULES.c.baseline_id == baseline_id)
        .order_by(BASELINE_MODULES.c.id)
    ).all()
    blocks = conn.execute(
        select(BASELINE_BLOCKS.c.day, BASELINE_BLOCKS.c.module_id, BASELINE_BLOCKS.c.minutes)
        .where(BASELINE_BLOCKS.c.baseline_id == baseline_id)
        .order_by(BASELINE_BLOCKS.c.id)
    ).all()
    return Schedule(
        modules=tuple(
            ScheduledModule(mid, start, due, minutes)
            for mid, start, due, minutes in mods
            if mid is not None
        ),
        blocks=tuple(StudyBlock(d, mid, m) for d, mid, m in blocks if mid is not None),
        finish=baseline.finish_date,
        verdict=verdict_from_json(baseline.verdict_json),
    )
