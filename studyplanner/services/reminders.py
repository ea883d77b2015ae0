"""Reminders from the user's data: gathers the facts the pure engine (core/reminders.py) needs,
remembers dismissals and snoozes by key, and remembers which keys were already sent as desktop
notifications (in a small file next to the database, so the agent never writes the database)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from studyplanner.bundled import rule_book
from studyplanner.core.reminders import (
    Housekeeping,
    Membership,
    PlannedModule,
    Reminder,
    ReminderState,
    StudyFacts,
    due_reminders,
)
from studyplanner.core.validation import InvalidInput, Problem, problem
from studyplanner.services.atomic import atomic_write
from studyplanner.services.credentials import can_be_judged, read_credentials_and_statuses
from studyplanner.services.database import Database
from studyplanner.services.progress import ProgressFacts, progress_from, read_progress_facts
from studyplanner.services.settings import read_reminder_settings
from studyplanner.store import models, tables

NOTIFIED_FILE = "notified-reminders.json"
NOTIFIED_KEEP_DAYS = 400
MAX_SNOOZE_DAYS = 366


def _study_facts(
    db: Database, facts: ProgressFacts | None, last: date | None, today: date
) -> StudyFacts | None:
    """What the study reminders judge: the active plan's figures of today (None without a
    plan), from the facts read; `last`: the last day studied."""
    if facts is None:
        return None
    plan = facts.plan
    due = {s.module_id: s.due for s in plan.schedule.modules}
    modules = tuple(
        PlannedModule(m.id, m.title, day, m.kind.is_exam)
        for m in plan.track.modules
        if not m.done and (day := due.get(m.id)) is not None
    )
    figures = progress_from(db, facts, today)
    return StudyFacts(figures.today_blocks, modules, last, plan.settings.start)


def _last_backup(db: Database) -> date | None:
    """The day (local) of the newest complete backup, by the time in its name: the time the
    app was told it is when the backup was taken (an interrupted copy is not a backup)."""
    from studyplanner.services.backups import list_backups

    try:
        newest = list_backups(db.data_dir)
    except OSError:
        return None
    return newest[0].taken_at.astimezone().date() if newest else None


def _data_since(conn: Connection) -> date | None:
    firsts = [
        conn.scalar(select(func.min(tables.plans.c.created_at))),
        conn.scalar(select(func.min(tables.credentials.c.created_at))),
    ]
    days = [d.date() if isinstance(d, datetime) else d for d in firsts if d is not None]
    return min(days) if days else None


def _states(session: Session) -> dict[str, ReminderState]:
    return {
        row.key: ReminderState(row.key, row.dismissed, row.snoozed_until)
        for row in session.scalars(select(models.ReminderStateRow))
    }


def current_reminders(db: Database, today: date) -> list[Reminder]:
    """The reminders to show today (dismissed and snoozed ones left out), most urgent first.

    Everything is read on one connection, in one read transaction (one consistent state, each
    fact read once); the judging happens after it is released."""
    book = rule_book()
    with db.read() as conn, Session(bind=conn) as session:
        held, statuses = read_credentials_and_statuses(session, today)
        progress_facts = read_progress_facts(conn, today)
        last = conn.scalar(select(func.max(tables.study_sessions.c.day)))
        since = _data_since(conn)
        settings = read_reminder_settings(session)
        states = _states(session)
    study = _study_facts(db, progress_facts, last, today)
    memberships = [
        Membership(c.body, c.renewal_on)
        for c in held
        if c.renewal_on is not None
        and can_be_judged(book, c)
        and book.bodies[c.body].membership_required
    ]
    housekeeping = Housekeeping(_last_backup(db), since, book.oldest_check())
    return due_reminders(study, statuses, memberships, housekeeping, settings, states, today)


def _check_key(key: str) -> None:
    if not key or len(key) > 200:
        raise InvalidInput([Problem("key", "Give the key of a reminder (see `remind --json`).")])


def dismiss(db: Database, key: str) -> None:
    """Hide this reminder for good (a changed situation brings a new key)."""
    _check_key(key)
    with db.transaction() as session:
        row = session.get(models.ReminderStateRow, key)
        if row is None:
            row = models.ReminderStateRow(key=key)
            session.add(row)
        row.dismissed, row.snoozed_until, row.updated_at = True, None, datetime.now()


def snooze(db: Database, key: str, until: date, today: date) -> None:
    """Hide this reminder until `until` (a later day, within a year)."""
    _check_key(key)
    if not today < until <= today + timedelta(days=MAX_SNOOZE_DAYS):
        raise InvalidInput([problem("until", "snooze_range")])
    with db.transaction() as session:
        row = session.get(models.ReminderStateRow, key)
        if row is None:
            row = models.ReminderStateRow(key=key)
            session.add(row)
        row.dismissed, row.snoozed_until, row.updated_at = False, until, datetime.now()


def restore(db: Database, key: str) -> None:
    """Undo a dismissal or snooze."""
    with db.transaction() as session:
        row = session.get(models.ReminderStateRow, key)
        if row is not None:
            session.delete(row)


# -- which keys were already sent as notifications ----------------------------------------------


def _notified_path(data_dir: Path) -> Path:
    return data_dir / NOTIFIED_FILE


def notified_keys(data_dir: Path) -> dict[str, str]:
    """key -> ISO date it was notified; a missing or damaged file counts as empty."""
    try:
        raw = json.loads(_notified_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {k: v for k, v in raw.items() if isinstance(k, str) and isinstance(v, str)}


def remember_notified(data_dir: Path, keys: list[str], today: date) -> None:
    """Add keys to the notified list (atomically); entries older than about a year are dropped."""
    known = notified_keys(data_dir)
    oldest = (today - timedelta(days=NOTIFIED_KEEP_DAYS)).isoformat()
    known = {k: v for k, v in known.items() if v >= oldest}
    for key in keys:
        known.setdefault(key, today.isoformat())
    data = json.dumps(known, sort_keys=True).encode("utf-8")
    atomic_write(_notified_path(data_dir), data)


def not_yet_notified(db: Database, today: date) -> list[Reminder]:
    """Due reminders that were never sent as a desktop notification."""
    sent = notified_keys(db.data_dir)
    return [r for r in current_reminders(db, today) if r.key not in sent]
