"""Reminders from the user's data: gathers the facts the pure engine (core/reminders.py) needs,
remembers dismissals and snoozes by key, and remembers which keys were already sent as desktop
notifications (in a small file next to the database, so the agent never writes the database)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

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
from studyplanner.services.credentials import can_be_judged, ceu_statuses, list_credentials
from studyplanner.services.database import Database
from studyplanner.services.settings import reminder_settings
from studyplanner.store import models, tables

NOTIFIED_FILE = "notified-reminders.json"
NOTIFIED_KEEP_DAYS = 400
MAX_SNOOZE_DAYS = 366


def _study_facts(db: Database, today: date) -> StudyFacts | None:
    from studyplanner.services.progress import module_statuses, progress

    snapshot = progress(db, today)
    if snapshot is None:
        return None
    modules = tuple(
        PlannedModule(m.id, m.title, m.due, m.kind.is_exam)
        for m in module_statuses(db, today)
        if not m.done and m.due is not None
    )
    with db.read() as conn:
        last = conn.scalar(select(func.max(tables.study_sessions.c.day)))
        start = conn.scalar(
            select(tables.plans.c.start_date).where(tables.plans.c.is_active.is_(True)).limit(1)
        )
    return StudyFacts(snapshot.today_blocks, modules, last, start)


def _last_backup(db: Database) -> date | None:
    """The day (local) of the newest complete backup, by the time in its name: the time the
    app was told it is when the backup was taken (an interrupted copy is not a backup)."""
    from studyplanner.services.backups import list_backups

    try:
        newest = list_backups(db.data_dir)
    except OSError:
        return None
    return newest[0].taken_at.astimezone().date() if newest else None


def _data_since(db: Database) -> date | None:
    with db.read() as conn:
        firsts = [
            conn.scalar(select(func.min(tables.plans.c.created_at))),
            conn.scalar(select(func.min(tables.credentials.c.created_at))),
        ]
    days = [d.date() if isinstance(d, datetime) else d for d in firsts if d is not None]
    return min(days) if days else None


def _states(db: Database) -> dict[str, ReminderState]:
    with db.transaction() as session:
        return {
            row.key: ReminderState(row.key, row.dismissed, row.snoozed_until)
            for row in session.scalars(select(models.ReminderStateRow))
        }


def current_reminders(db: Database, today: date) -> list[Reminder]:
    """The reminders to show today (dismissed and snoozed ones left out), most urgent first."""
    book = rule_book()
    memberships = [
        Membership(c.body, c.renewal_on)
        for c in list_credentials(db)
        if c.renewal_on is not None
        and can_be_judged(book, c)
        and book.bodies[c.body].membership_required
    ]
    housekeeping = Housekeeping(_last_backup(db), _data_since(db), book.oldest_check())
    return due_reminders(
        _study_facts(db, today), ceu_statuses(db, today), memberships, housekeeping,
        reminder_settings(db), _states(db), today,
    )  # fmt: skip


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
