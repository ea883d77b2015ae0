"""Busy time from calendars: import or subscribe to .ics files, remove them, re-read them.

Each action is two steps, like every plan change: a preview (`preview_import`, `preview_removal`,
`preview_reread`) reads the files and re-plans without saving anything, and `accept` saves the
sources with the re-planned schedule as a new baseline, in one transaction. A bad or hostile
file raises ics_busy.CalendarRefused before anything is planned, so nothing changes.

Files are expanded over the plan's span: from its first study day to a year after its target
or its finish (whichever is later), at most SPAN_YEARS years.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from sqlalchemy.orm import Session

from studyplanner.core.calendar_steps import years_later
from studyplanner.core.validation import InvalidInput, Problem
from studyplanner.services.busy_store import (
    MAX_SOURCES,
    MAX_STRETCHES,
    BusySource,
    busy_of,
    fits,
    plan_uid,
    read_sources,
    write_sources,
)
from studyplanner.services.changes import PLAN_CHANGES, Changes
from studyplanner.services.database import Database
from studyplanner.services.ics_busy import (
    CalendarRefused,
    busy_from_ics,
    local_zone,
    read_calendar_file,
)
from studyplanner.services.plan_reader import active_plan, read_active_plan
from studyplanner.services.plans import apply_change_in, preview_plan_change
from studyplanner.services.snapshots import PlanChange, PlanPreview, PlanSnapshot
from studyplanner.store import models

__all__ = [
    "BUSY_CHANGES",
    "BusyChange",
    "BusySource",
    "CalendarRefused",
    "accept",
    "busy_sources",
    "preview_import",
    "preview_removal",
    "preview_reread",
]

SPAN_YEARS = 5
BUSY_CHANGES = PLAN_CHANGES
"""busy_time.accept: a new baseline."""


@dataclass(frozen=True, slots=True)
class BusyChange:
    """Calendar sources as they would be, and the plan after them (not saved yet)."""

    sources: tuple[BusySource, ...]
    before: PlanSnapshot
    preview: PlanPreview


def _plan(db: Database, today: date) -> PlanSnapshot:
    snapshot = active_plan(db, today)
    if snapshot is None:
        raise InvalidInput([Problem("plan", "There is no plan yet: start the plan assistant.")])
    return snapshot


def plan_span(snapshot: PlanSnapshot, today: date) -> tuple[date, date]:
    """The dates calendar files are expanded over for this plan."""
    first = max(snapshot.settings.start, today)
    ends = [d for d in (snapshot.settings.target, snapshot.schedule.finish) if d is not None]
    last = max([first, *ends]) + timedelta(days=366)
    return first, min(last, years_later(first, SPAN_YEARS))


def _active_plan_row(session: Session) -> models.Plan | None:
    """The active plan's row (read through the one plan read path, services/plan_reader)."""
    snapshot = read_active_plan(session.connection())
    return None if snapshot is None else session.get_one(models.Plan, snapshot.id)


def busy_sources(db: Database) -> tuple[BusySource, ...]:
    """The active plan's calendar sources (none without a plan)."""
    with db.transaction() as session:
        plan = _active_plan_row(session)
        return () if plan is None else read_sources(session, plan_uid(plan))


def read_source(
    path: Path, snapshot: PlanSnapshot, today: date, *, subscribe: bool, zone: tzinfo | None
) -> BusySource:
    first, last = plan_span(snapshot, today)
    busy = busy_from_ics(read_calendar_file(path), first, last, zone or local_zone())
    return BusySource(
        name=path.name[:200],
        path=str(path.resolve()) if subscribe else None,
        read_on=today,
        first=first,
        last=last,
        occurrences=busy.occurrences,
        stretches=busy.stretches,
    )


def _change(
    db: Database, snapshot: PlanSnapshot, sources: tuple[BusySource, ...], today: date
) -> BusyChange:
    if len(sources) > MAX_SOURCES:
        raise CalendarRefused("too_many_sources", limit=MAX_SOURCES)
    if not fits(sources):
        raise CalendarRefused("too_many_occurrences", limit=MAX_STRETCHES)
    settings = replace(snapshot.settings, busy=busy_of(sources))
    preview = preview_plan_change(db, PlanChange(settings=settings), today)
    return BusyChange(sources=sources, before=snapshot, preview=preview)


def preview_import(
    db: Database,
    paths: list[Path],
    today: date,
    *,
    subscribe: bool = False,
    zone: tzinfo | None = None,
) -> BusyChange:
    """The plan with these calendar files' busy time added (a file already listed by that name
    is replaced). Raises CalendarRefused naming the first bad file's problem."""
    snapshot = _plan(db, today)
    sources = list(busy_sources(db))
    for path in paths:
        try:
            source = read_source(path, snapshot, today, subscribe=subscribe, zone=zone)
        except CalendarRefused as exc:
            exc.values.setdefault("name", path.name)
            raise
        sources = [s for s in sources if s.name != source.name] + [source]
    return _change(db, snapshot, tuple(sources), today)


def preview_removal(db: Database, names: list[str], today: date) -> BusyChange:
    """The plan without these sources' busy time."""
    snapshot = _plan(db, today)
    current = busy_sources(db)
    unknown = [n for n in names if n not in {s.name for s in current}]
    if unknown:
        raise InvalidInput([Problem("name", f"No calendar named {unknown[0]!r}.")])
    kept = tuple(s for s in current if s.name not in names)
    return _change(db, snapshot, kept, today)


def preview_reread(db: Database, today: date, *, zone: tzinfo | None = None) -> BusyChange:
    """The plan with every subscribed file read again over the plan's span as it is now."""
    snapshot = _plan(db, today)
    sources = []
    for source in busy_sources(db):
        if source.path is None:
            sources.append(source)
            continue
        try:
            fresh = read_source(Path(source.path), snapshot, today, subscribe=True, zone=zone)
        except CalendarRefused as exc:
            exc.values.setdefault("name", source.name)
            raise
        sources.append(replace(fresh, name=source.name))
    return _change(db, snapshot, tuple(sources), today)


def accept(
    db: Database, change: BusyChange, today: date, now: datetime | None = None
) -> tuple[PlanSnapshot, Changes]:
    """Keep the sources and re-plan with their busy time, as a new baseline (one transaction)."""
    with db.transaction() as session:
        plan = _active_plan_row(session)
        if plan is None or not plan.baselines:
            raise InvalidInput([Problem("plan", "There is no plan yet.")])
        write_sources(session, change.sources, plan_uid(plan))
        session.flush()
        current = read_active_plan(session.connection())
        assert current is not None
        settings = replace(current.settings, busy=busy_of(change.sources))
        snapshot = apply_change_in(
            session,
            PlanChange(settings=settings),
            today,
            "Busy time from calendars",
            now or datetime.now(),
        )
    return snapshot, BUSY_CHANGES
