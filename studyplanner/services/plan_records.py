"""Conversions between stored rows and frozen snapshots for plans (used by services/plans.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from studyplanner.core.model import (
    Availability,
    Blackout,
    Schedule,
    StudyBlock,
    Term,
)
from studyplanner.services.snapshots import (
    ModuleInfo,
    PlanSettings,
)
from studyplanner.services.verdict_codec import iso_or_none, verdict_to_json
from studyplanner.store import models, tables


def load_active_plan(session: Session) -> models.Plan | None:
    stmt = (
        select(models.Plan)
        .where(models.Plan.is_active.is_(True))
        .options(
            selectinload(models.Plan.track)
            .selectinload(models.Track.modules)
            .selectinload(models.Module.prerequisites),
            selectinload(models.Plan.track)
            .selectinload(models.Track.modules)
            .selectinload(models.Module.completion),
            selectinload(models.Plan.blackouts),
            selectinload(models.Plan.terms),
            selectinload(models.Plan.baselines),
        )
        .order_by(models.Plan.id.desc())
    )
    return session.scalars(stmt).first()


def plan_settings(row: models.Plan) -> PlanSettings:
    minutes = tuple(getattr(row, col) for col in models.Plan.WEEKDAY_COLUMNS)
    return PlanSettings(
        start=row.start_date,
        availability=Availability(minutes),
        target=row.target_date,
        weekly_minutes=row.weekly_minutes,
        blackouts=tuple(Blackout(b.start_date, b.end_date, b.label) for b in row.blackouts),
        terms=tuple(Term(t.number, t.start_date, t.end_date) for t in row.terms),
        allow_long_sittings=row.allow_long_sittings,
    )


def write_settings(row: models.Plan, settings: PlanSettings) -> None:
    row.start_date = settings.start
    row.target_date = settings.target
    row.weekly_minutes = settings.weekly_minutes
    row.allow_long_sittings = settings.allow_long_sittings
    for col, minutes in zip(
        models.Plan.WEEKDAY_COLUMNS, settings.availability.minutes, strict=True
    ):
        setattr(row, col, minutes)
    # days off kept as they were keep their rows, so their identity (uid) too: a new row for
    # each at every re-plan made merging an older archive of this plan add them all again
    kept: dict[tuple[date, date, str], models.Blackout | None] = {
        (b.start_date, b.end_date, b.label): b for b in row.blackouts
    }
    row.blackouts = [
        kept.pop((b.start, b.end, b.label), None)
        or models.Blackout(start_date=b.start, end_date=b.end, label=b.label)
        for b in settings.blackouts
    ]
    # terms are unique by number: update the rows in place (a new list would insert each
    # number again before the old row is deleted)
    existing = {t.number: t for t in row.terms}
    terms = []
    for t in settings.terms:
        term_row = existing.get(t.number)
        if term_row is None:
            term_row = models.PlanTerm(number=t.number, start_date=t.start, end_date=t.end)
        else:
            term_row.start_date, term_row.end_date = t.start, t.end
        terms.append(term_row)
    row.terms = terms


def settings_to_json(settings: PlanSettings) -> str:
    return json.dumps(
        {
            "start": settings.start.isoformat(),
            "target": iso_or_none(settings.target),
            "weekly_minutes": settings.weekly_minutes,
            "availability": settings.availability.as_mapping(),
            "blackouts": [
                [b.start.isoformat(), b.end.isoformat(), b.label] for b in settings.blackouts
            ],
            "terms": [[t.number, t.start.isoformat(), t.end.isoformat()] for t in settings.terms],
            "allow_long_sittings": settings.allow_long_sittings,
        }
    )


def insert_modules(
    session: Session,
    track_id: int,
    modules: Sequence[ModuleInfo],
    keys: Sequence[str | None],
) -> dict[int, int]:
    """Write the rows of a new track's modules (their ids are refs) and their prerequisite
    links, in two bulk statements; ref -> id."""
    session.execute(
        insert(tables.modules),
        [
            {
                "track_id": track_id,
                "position": position,
                "key": key,
                "title": m.title,
                "topic": m.topic,
                "kind": m.kind.value,
                "estimated_minutes": m.minutes,
                "term": m.term,
                "sitting": m.sitting,
            }
            for position, (m, key) in enumerate(zip(modules, keys, strict=True))
        ],
    )
    column = tables.modules.c
    ids = session.scalars(
        select(column.id).where(column.track_id == track_id).order_by(column.position)
    ).all()
    by_ref = dict(zip((m.id for m in modules), ids, strict=True))
    links = [
        {"module_id": by_ref[m.id], "requires_id": by_ref[p]}
        for m in modules
        for p in m.prerequisite_ids
    ]
    if links:
        session.execute(insert(tables.module_prerequisites), links)
    return by_ref


def with_ids(schedule: Schedule, ids: Mapping[int, int]) -> Schedule:
    """The schedule with its module refs replaced by ids (the scheduler places modules by their
    order, never by their ids, so scheduling with the ids would give the same)."""
    verdict = schedule.verdict
    return replace(
        schedule,
        modules=tuple(replace(m, module_id=ids[m.module_id]) for m in schedule.modules),
        blocks=tuple(StudyBlock(b.day, ids[b.module_id], b.minutes) for b in schedule.blocks),
        unscheduled=tuple(ids[i] for i in schedule.unscheduled),
        verdict=replace(
            verdict,
            sittings_too_long=tuple(
                replace(s, module_id=ids[s.module_id]) for s in verdict.sittings_too_long
            ),
        ),
    )


def save_baseline(
    session: Session,
    plan: models.Plan,
    schedule: Schedule,
    now: datetime,
    note: str,
    titles: Mapping[int, str] | None = None,
) -> None:
    """Save `schedule` as the plan's next baseline; `titles` (module id -> title) when the
    caller has them, else read from the track's modules."""
    number = max((b.number for b in plan.baselines), default=0) + 1
    if titles is None:
        titles = {m.id: m.title for m in plan.track.modules}
    baseline = models.Baseline(
        number=number,
        accepted_at=now,
        finish_date=schedule.finish,
        verdict_json=verdict_to_json(schedule.verdict),
        note=note,
        settings_json=settings_to_json(plan_settings(plan)),
    )
    plan.baselines.append(baseline)
    session.flush()
    session.execute(
        insert(tables.baseline_modules),
        [
            {
                "baseline_id": baseline.id,
                "module_id": m.module_id,
                "title": titles.get(m.module_id, ""),
                "minutes": m.minutes,
                "start_date": m.start,
                "due_date": m.due,
            }
            for m in schedule.modules
        ],
    )
    if schedule.blocks:
        session.execute(
            insert(tables.baseline_blocks),
            [
                {
                    "baseline_id": baseline.id,
                    "day": b.day,
                    "module_id": b.module_id,
                    "minutes": b.minutes,
                }
                for b in schedule.blocks
            ],
        )
