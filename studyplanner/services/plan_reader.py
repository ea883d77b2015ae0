"""The one read path of the plan: the active plan as a frozen `PlanSnapshot`, for every screen,
the command line, the progress figures and the plan's own use cases (which read through here
before they change anything with the ORM, and read back through here after).

Plain SQL: no statement compilation on the Dashboard's first paint, and no ORM object loaded
only to be converted. The stored settings become `PlanSettings` here and nowhere else.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection

from studyplanner.core.model import (
    WEEKDAYS,
    Availability,
    Blackout,
    ModuleKind,
    Schedule,
    ScheduledModule,
    StudyBlock,
    Term,
)
from studyplanner.services.busy_store import busy_for_plan
from studyplanner.services.database import Database
from studyplanner.services.snapshots import (
    BaselineInfo,
    ModuleInfo,
    PlanSettings,
    PlanSnapshot,
    TrackInfo,
)
from studyplanner.services.verdict_codec import stored_verdict
from studyplanner.store.db import change_token


def active_plan(db: Database, today: date) -> PlanSnapshot | None:
    """The active plan as last accepted, or None when there is no plan yet."""
    del today  # the stored plan does not depend on the day; progress (later) will
    with db.read() as conn:
        return read_active_plan(conn)


_BASE_CACHE = "studyplanner.plan_base"
"""What only changes with a new baseline: the track's modules, the settings and the accepted
schedule, kept in the connection's `info` (so it dies with the connection) together with the
connection's change token (store.db.change_token) and the baseline id. Any write by anyone (this
process, a restore, an import, another program) changes the token, so nothing outlives its
source. Completions and logged time are read fresh each time and laid over it."""

_Base = tuple[TrackInfo, PlanSettings, Schedule]


def read_active_plan(conn: Connection) -> PlanSnapshot | None:
    plan = _sql(conn, "SELECT * FROM plans WHERE is_active ORDER BY id DESC LIMIT 1").first()
    if plan is None:
        return None
    baselines = _sql(
        conn,
        "SELECT id, number, accepted_at, finish_date, note FROM baselines"
        " WHERE plan_id = ? ORDER BY number",
        plan.id,
    ).all()
    if not baselines:
        return None
    track, settings, schedule = _base(conn, plan, baselines[-1].id)
    track = _with_progress(conn, track)
    return PlanSnapshot(
        id=plan.id,
        track=track,
        settings=settings,
        schedule=_with_done(schedule, track),
        baselines=tuple(
            BaselineInfo(
                number=b.number,
                accepted_at=_datetime(b.accepted_at),
                finish=_date(b.finish_date),
                note=b.note,
            )
            for b in baselines
        ),
        created_at=_datetime(plan.created_at),
    )


def _base(conn: Connection, plan: Any, baseline_id: int) -> _Base:
    """The track, settings and accepted schedule: from the connection's cache while nothing was
    written since it was read, else from the tables."""
    token = change_token(conn)
    key = (token, plan.id, baseline_id)
    cached: tuple[object, _Base] | None = conn.info.get(_BASE_CACHE)
    if token is not None and cached is not None and cached[0] == key:
        return cached[1]
    latest = _sql(conn, "SELECT * FROM baselines WHERE id = ?", baseline_id).one()
    base = (_track(conn, plan.track_id), _settings(conn, plan), _schedule(conn, latest))
    if token is not None:
        conn.info[_BASE_CACHE] = (key, base)
    else:
        conn.info.pop(_BASE_CACHE, None)
    return base


def _track(conn: Connection, track_id: int) -> TrackInfo:
    """The track and its modules, as if nothing were done yet (see _with_progress)."""
    row = _sql(conn, "SELECT * FROM tracks WHERE id = ?", track_id).one()
    modules = _sql(
        conn, "SELECT * FROM modules WHERE track_id = ? ORDER BY position", track_id
    ).all()
    prereqs: dict[int, list[int]] = {}
    for module_id, requires_id in _sql(
        conn,
        "SELECT p.module_id, p.requires_id FROM module_prerequisites p"
        " JOIN modules m ON m.id = p.module_id WHERE m.track_id = ?",
        track_id,
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
        program_label=row.program_label,
        pass_mark_percent=None if row.pass_mark_percent is None else float(row.pass_mark_percent),
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
                sitting=bool(m.sitting),
            )
            for i, m in enumerate(modules)
        ),
    )


def _with_progress(conn: Connection, track: TrackInfo) -> TrackInfo:
    """Lay the completions and the study time logged (summed in SQL) over the track."""
    in_track = "(SELECT id FROM modules WHERE track_id = ?)"
    completed: dict[int, date] = {
        module_id: date.fromisoformat(day)
        for module_id, day in _sql(
            conn,
            f"SELECT module_id, completed_on FROM module_completions WHERE module_id IN {in_track}",
            track.id,
        )
    }
    # Summed over the covering index (module_id, minutes): no pass over every session row.
    logged: dict[int, int] = {
        module_id: int(minutes or 0)
        for module_id, minutes in _sql(
            conn,
            "SELECT module_id, SUM(minutes) FROM study_sessions"
            f" WHERE module_id IN {in_track} GROUP BY module_id",
            track.id,
        )
    }
    if not completed and not logged:
        return track
    modules = tuple(
        ModuleInfo(  # the constructor: dataclasses.replace is several times slower
            m.id, m.position, m.title, m.topic, m.kind, m.minutes, m.prerequisite_ids, m.term,
            m.id in completed, completed.get(m.id), logged.get(m.id, 0), m.sitting,
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
    blackouts = _sql(
        conn,
        "SELECT start_date, end_date, label FROM blackouts WHERE plan_id = ? ORDER BY start_date",
        plan.id,
    ).all()
    terms = _sql(
        conn,
        "SELECT number, start_date, end_date FROM plan_terms WHERE plan_id = ? ORDER BY number",
        plan.id,
    ).all()
    minutes = tuple(getattr(plan, f"min_{day}") for day in WEEKDAYS)
    return PlanSettings(
        start=date.fromisoformat(plan.start_date),
        availability=Availability(minutes),
        target=_date(plan.target_date),
        weekly_minutes=plan.weekly_minutes,
        blackouts=tuple(
            Blackout(date.fromisoformat(a), date.fromisoformat(b), label)
            for a, b, label in blackouts
        ),
        terms=tuple(Term(n, date.fromisoformat(a), date.fromisoformat(b)) for n, a, b in terms),
        busy=busy_for_plan(conn, plan.uid),
        allow_long_sittings=bool(plan.allow_long_sittings),
    )


def _schedule(conn: Connection, baseline: Any) -> Schedule:
    mods = _sql(
        conn,
        "SELECT module_id, start_date, due_date, minutes FROM baseline_modules"
        " WHERE baseline_id = ? AND module_id IS NOT NULL ORDER BY id",
        baseline.id,
    ).all()
    blocks = _sql(
        conn,
        "SELECT day, module_id, minutes FROM baseline_blocks"
        " WHERE baseline_id = ? AND module_id IS NOT NULL ORDER BY id",
        baseline.id,
    ).all()
    day = date.fromisoformat
    return Schedule(
        modules=tuple(
            ScheduledModule(mid, _date(start), _date(due), minutes)
            for mid, start, due, minutes in mods
        ),
        blocks=tuple(StudyBlock(day(d), mid, m) for d, mid, m in blocks),
        finish=_date(baseline.finish_date),
        verdict=stored_verdict(baseline.verdict_json),
    )


def _sql(conn: Connection, statement: str, *params: object) -> Any:
    """Plain SQL on this hot path: no statement compilation on the first paint. Dates come
    back as the ISO text SQLAlchemy stored (see _date and _datetime)."""
    return conn.exec_driver_sql(statement, params)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _datetime(text: str) -> datetime:
    return datetime.fromisoformat(text)
