"""Writing a plan's rows (used by services/plans.py). Reading is services/plan_reader.py's:
the rows become snapshots there and nowhere else."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from studyplanner.core.model import Schedule, StudyBlock
from studyplanner.services.snapshots import (
    ModuleInfo,
    PlanSettings,
)
from studyplanner.services.verdict_codec import iso_or_none, verdict_to_json
from studyplanner.store import models, tables


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
    plan_id: int,
    number: int,
    settings: PlanSettings,
    schedule: Schedule,
    now: datetime,
    note: str,
    titles: Mapping[int, str],
) -> None:
    """Save `schedule`, made from `settings` (as just written), as the plan's baseline `number`;
    `titles`: module id -> title."""
    baseline = models.Baseline(
        plan_id=plan_id,
        number=number,
        accepted_at=now,
        finish_date=schedule.finish,
        verdict_json=verdict_to_json(schedule.verdict),
        note=note,
        settings_json=settings_to_json(settings),
    )
    session.add(baseline)
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


def sync_modules(
    session: Session, track: models.Track, infos: list[ModuleInfo], keys: Mapping[int, str]
) -> list[ModuleInfo]:
    """Make the track's module rows match `infos` (order, edits, new, removed); return real ids.
    `keys` gives new modules (by their draft's negative ref) a key, as section review does."""
    rows = {row.id: row for row in track.modules}
    wanted = {m.id for m in infos}
    removed = set(rows) - wanted
    for mid, row in rows.items():  # first forget links to removed modules, then remove them
        if mid not in removed:
            row.prerequisites = [p for p in row.prerequisites if p.requires_id not in removed]
    session.flush()
    for mid in removed:
        track.modules.remove(rows[mid])
    by_ref: dict[int, models.Module] = {}
    for position, m in enumerate(infos):
        existing = rows.get(m.id) if m.id > 0 else None
        if existing is None:
            row = models.Module(key=keys.get(m.id))
            track.modules.append(row)
        else:
            row = existing
        row.position = position
        row.title = m.title
        row.topic = m.topic
        row.kind = m.kind.value
        row.estimated_minutes = m.minutes
        row.term = m.term
        row.sitting = m.sitting
        by_ref[m.id] = row
    session.flush()
    for m in infos:
        row = by_ref[m.id]
        wanted_prereqs = {by_ref[p].id for p in m.prerequisite_ids}
        if {p.requires_id for p in row.prerequisites} != wanted_prereqs:
            row.prerequisites = [
                models.ModulePrerequisite(requires_id=p) for p in sorted(wanted_prereqs)
            ]
    track.modules.sort(key=lambda r: r.position)
    session.flush()
    return [
        replace(
            m, id=by_ref[m.id].id, prerequisite_ids=tuple(by_ref[p].id for p in m.prerequisite_ids)
        )
        for m in infos
    ]
