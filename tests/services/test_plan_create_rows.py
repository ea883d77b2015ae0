"""create_plan writes its rows in bulk and schedules once, and the database it leaves is the one
the former code left (a flush per module, a lazy load of each module's links, the plan scheduled
twice): that code is kept here verbatim as the reference, and both create the same plans."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import literal_column, select, update
from sqlalchemy.orm import Session

from studyplanner.core.model import Availability, Blackout, ModuleKind
from studyplanner.services import plan_records as records
from studyplanner.services.database import Database, open_database
from studyplanner.services.plans import (
    CUSTOM_LABEL,
    _reread,
    _schedule,
    _term_count,
    create_plan,
    new_plan_parts,
    preview_new_plan,
    suggest_terms,
)
from studyplanner.services.snapshots import (
    ModuleDraft,
    ModuleInfo,
    NewPlan,
    PlanSettings,
    PlanSnapshot,
)
from studyplanner.store import models, tables

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 10, 30)
START = date(2027, 1, 4)
EVENINGS = Availability((90, 90, 90, 90, 90, 240, 0))
WRITTEN = (
    "tracks",
    "modules",
    "module_prerequisites",
    "plans",
    "blackouts",
    "plan_terms",
    "baselines",
    "baseline_modules",
    "baseline_blocks",
)


def old_create_plan(
    db: Database, new: NewPlan, today: date, now: datetime | None = None
) -> PlanSnapshot:
    """services/plans.py's create_plan before the bulk writes (verbatim)."""
    preview_new_plan(new, today)  # validates everything before anything is written
    modules, template = new_plan_parts(new)
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
        keys = [m.key for m in template.modules] if template else [None] * len(modules)
        rows = old_write_modules(session, track, modules, keys)
        session.execute(update(models.Plan).values(is_active=False))
        plan = models.Plan(track=track, is_active=True, created_at=stamp)
        records.write_settings(plan, new.settings)
        session.add(plan)
        session.flush()
        infos = [
            replace(
                m, id=rows[m.id].id, prerequisite_ids=tuple(rows[p].id for p in m.prerequisite_ids)
            )
            for m in modules
        ]
        usual = _usual(track)
        schedule = _schedule(infos, new.settings, today, usual, track.program_label)
        titles = {m.id: m.title for m in infos}  # the baseline's writing changed since: its
        records.save_baseline(  # settings and titles are given, no longer read from the rows
            session, plan.id, 1, new.settings, schedule, stamp, "Plan created", titles
        )
        session.flush()
        return _reread(session)


def _usual(track: models.Track) -> tuple[int, int] | None:
    if track.usual_min_months is None or track.usual_max_months is None:
        return None
    return (track.usual_min_months, track.usual_max_months)


def old_write_modules(
    session: Session,
    track: models.Track,
    modules: Sequence[ModuleInfo],
    keys: Sequence[str | None],
) -> dict[int, models.Module]:
    rows: dict[int, models.Module] = {}
    for position, (m, key) in enumerate(zip(modules, keys, strict=True)):
        row = models.Module(
            position=position,
            key=key,
            title=m.title,
            topic=m.topic,
            kind=m.kind.value,
            estimated_minutes=m.minutes,
            term=m.term,
            sitting=m.sitting,
        )
        track.modules.append(row)
        rows[m.id] = row
    session.flush()
    for m in modules:
        rows[m.id].prerequisites = [
            models.ModulePrerequisite(requires_id=rows[p].id) for p in m.prerequisite_ids
        ]
    return rows


def dump(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every row the plan's creation writes, in storage order, uids left out (they are random);
    the uids are checked to be there and distinct."""
    out: dict[str, list[dict[str, Any]]] = {}
    with db.read() as conn:
        for name in WRITTEN:
            table = tables.metadata.tables[name]
            rows = [
                dict(r._mapping)
                for r in conn.execute(select(table).order_by(literal_column("rowid")))
            ]
            if "uid" in table.c:
                uids = [r.pop("uid") for r in rows]
                assert all(uids) and len(set(uids)) == len(uids), name
            out[name] = rows
    return out


def _degree() -> NewPlan:
    terms = suggest_terms("associate-degree-hit", START)
    settings = PlanSettings(
        start=START,
        availability=Availability((600, 600, 600, 600, 600, 360, 240)),
        target=terms[-1].end + timedelta(days=20),
        terms=terms,
        blackouts=(Blackout(date(2027, 7, 1), date(2027, 7, 14), "Summer"),),
    )
    return NewPlan(settings=settings, template_id="associate-degree-hit")


def _custom() -> NewPlan:
    drafts = tuple(
        ModuleDraft(
            -(i + 1),
            f"Part {i + 1}",
            ModuleKind.EXAM if i == 29 else ModuleKind.LESSON,
            60 + (i * 37) % 200,
            tuple(-(p + 1) for p in (i - 1, i - 5) if p >= 0),
            topic=f"Topic {i % 4}",
            sitting=i == 29,
        )
        for i in range(30)
    )
    settings = PlanSettings(start=START, availability=EVENINGS, weekly_minutes=8 * 60)
    return NewPlan(settings=settings, custom_name="  My own track ", custom_modules=drafts)


PLANS = {
    "cpc program, weekly hours": lambda: NewPlan(
        settings=PlanSettings(start=START, availability=EVENINGS, weekly_minutes=10 * 60),
        template_id="cpc-certificate-program",
    ),
    "cca program, target": lambda: NewPlan(
        settings=PlanSettings(start=START, availability=EVENINGS, target=date(2028, 3, 1)),
        template_id="cca-facility-coding-program",
    ),
    "exam prep, too late": lambda: NewPlan(
        settings=PlanSettings(start=START, availability=EVENINGS, target=date(2027, 1, 20)),
        template_id="ccs-exam-prep",
    ),
    "degree with terms and a vacation": _degree,
    "custom track with a sitting": _custom,
}


@pytest.mark.parametrize("name", list(PLANS))
def test_create_plan_writes_the_rows_the_former_code_wrote(tmp_path: Path, name: str) -> None:
    dumps, snapshots = [], []
    for create in (old_create_plan, create_plan):
        db = open_database(tmp_path / create.__name__)
        try:
            first = create(db, PLANS["custom track with a sitting"](), TODAY, NOW)
            second = create(db, PLANS[name](), TODAY, NOW + timedelta(hours=1))
            dumps.append(dump(db))
            snapshots.append((first, second))
        finally:
            db.close()
    old, new = dumps
    assert len(new["modules"]) > 30 and new["baseline_blocks"]
    for table in WRITTEN:
        assert new[table] == old[table], table
    assert snapshots[1] == snapshots[0]
