"""Every operation's Changes value names everything the operation writes.

The window re-reads a screen only when an action's Changes include what that screen shows, so a
flag missing from an operation's value leaves a screen showing (and writing to) stale data. Here
each user action runs against a learner's real database; the tables whose rows changed, and the
backups folder, say which flags the action must report; the value the GUI emits for it
(services/changes.py) must include them all."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from studyplanner.core.model import Availability
from studyplanner.services import backups, ceu_activities, credentials, plans, progress, study_log
from studyplanner.services import reminders as reminder_service
from studyplanner.services import settings as settings_service
from studyplanner.services.changes import (
    ACTIVITY_CHANGES,
    BACKUP_CHANGES,
    COMPLETION_CHANGES,
    CREDENTIAL_CHANGES,
    CYCLE_CLOSE_CHANGES,
    PLAN_CHANGES,
    REMINDER_ANSWER_CHANGES,
    SESSION_CHANGES,
    SETTINGS_CHANGES,
    TIMER_CHANGES,
    Changes,
)
from studyplanner.services.database import Database, open_database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.snapshots import NewPlan, PlanChange, PlanSettings

TODAY = date(2026, 12, 3)
NOW = datetime(2026, 12, 3, 18, 30)

TABLE_FLAGS: dict[str, Changes] = {
    "tracks": Changes.PLAN,
    "modules": Changes.PLAN,
    "module_prerequisites": Changes.PLAN,
    "plans": Changes.PLAN,
    "blackouts": Changes.PLAN,
    "plan_terms": Changes.PLAN,
    "baselines": Changes.PLAN,
    "baseline_modules": Changes.PLAN,
    "baseline_blocks": Changes.PLAN,
    "module_completions": Changes.MODULES | Changes.PROGRESS,
    "study_sessions": Changes.SESSIONS | Changes.MODULES | Changes.PROGRESS,
    "study_timer": Changes.SESSIONS,
    "credentials": Changes.CREDENTIALS,
    "credential_cycles": Changes.CREDENTIALS,
    "ceu_activities": Changes.CEUS,
    "ceu_allocations": Changes.CEUS,
    "reminder_states": Changes.REMINDERS,
    "app_settings": Changes.SETTINGS,
}
"""What a screen shows when a table's rows change (progress is read from completions and
sessions; what is due is read from nearly everything, see `needs_reminders`)."""

DUE_FROM = {"module_completions", "study_sessions", "plans", "baselines", "credentials",
            "credential_cycles", "ceu_activities", "ceu_allocations", "app_settings"}  # fmt: skip
"""Tables reminders are made from: a change to one may change what is due."""


def rows_by_table(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as conn:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
                " AND name != 'change_token'"  # every write changes it: it shows nothing itself
            )
        ]
        return {
            name: sorted(map(tuple, conn.execute(f'SELECT * FROM "{name}"')), key=repr)
            for name in names
        }


def needed(before: dict[str, list[Any]], after: dict[str, list[Any]], backups_grew: bool
           ) -> tuple[Changes, list[str]]:  # fmt: skip
    changed = [name for name in after if before.get(name) != after[name]]
    unknown = [name for name in changed if name not in TABLE_FLAGS]
    assert not unknown, f"a table this test does not know: {unknown}; add it to TABLE_FLAGS"
    flags = Changes.NONE
    for name in changed:
        flags |= TABLE_FLAGS[name]
    if any(name in DUE_FROM for name in changed):
        flags |= Changes.REMINDERS
    if backups_grew:
        flags |= Changes.BACKUPS
    return flags, changed


@dataclass
class Learner:
    db: Database
    folder: Path
    module_ids: list[int]
    session_id: int
    credential_id: int
    cycle_id: int
    activity_id: int


@pytest.fixture
def learner(tmp_path: Path) -> Iterator[Learner]:
    folder = tmp_path / "data"
    db = open_database(folder)
    start = TODAY - timedelta(days=60)
    settings = PlanSettings(
        start=start, availability=Availability((60, 60, 60, 60, 60, 180, 0)), weekly_minutes=480
    )
    plan = plans.create_plan(
        db, NewPlan(settings=settings, template_id="cpc-certificate-program"), start
    )
    ids = [m.id for m in plan.track.modules]
    session = study_log.log_session(db, ids[0], TODAY - timedelta(days=3), 45, "", TODAY)
    progress.mark_done(db, ids[0], TODAY - timedelta(days=2), None, TODAY)
    cred = credentials.add_credential(db, "CPC", date(2025, 3, 10), TODAY)
    assert cred.current is not None
    data = ceu_activities.ActivityInput(TODAY - timedelta(days=10), "Webinar", Decimal("1.5"),
                                        "coding", provider="AAPC")  # fmt: skip
    activity = ceu_activities.add_activity(db, data, [(cred.current.id, Decimal("1.5"))], TODAY)
    yield Learner(db, folder, ids, session.id, cred.id, cred.current.id, activity.id)
    db.close()


def _replan(lr: Learner) -> object:
    plan = active_plan(lr.db, TODAY)
    assert plan is not None
    longer = replace(plan.settings, availability=Availability((90, 90, 90, 90, 90, 180, 0)))
    return plans.apply_plan_change(lr.db, PlanChange(settings=longer), TODAY, now=NOW)


def _reminder_settings(lr: Learner) -> None:
    current = settings_service.reminder_settings(lr.db)
    settings_service.save_reminder_settings(
        lr.db, replace(current, backup_days=current.backup_days + 3)
    )


def _app_settings(lr: Learner) -> None:
    current = settings_service.app_settings(lr.db)
    settings_service.save_app_settings(lr.db, replace(current, study_time="07:15"))


def _edit_activity(lr: Learner) -> object:
    data = ceu_activities.ActivityInput(TODAY - timedelta(days=9), "Webinar, edited",
                                        Decimal("2"), "coding", provider="AAPC")  # fmt: skip
    return ceu_activities.update_activity(
        lr.db, lr.activity_id, data, [(lr.cycle_id, Decimal("2"))], TODAY
    )


def _delete_and_restore_activity(lr: Learner) -> object:
    deleted = ceu_activities.delete_activity(lr.db, lr.activity_id)
    return ceu_activities.restore_activity(lr.db, deleted)


def _timer(lr: Learner) -> object:
    return study_log.start_timer(lr.db, lr.module_ids[1], NOW - timedelta(minutes=50))


def _stop_timer(lr: Learner) -> object:
    study_log.start_timer(lr.db, lr.module_ids[1], NOW - timedelta(minutes=50))
    return study_log.stop_timer(lr.db, NOW, TODAY)


OPERATIONS: dict[str, tuple[Callable[[Learner], object], Changes]] = {
    "log a session": (lambda lr: study_log.log_session(
        lr.db, lr.module_ids[1], TODAY, 30, "", TODAY), SESSION_CHANGES),
    "edit a session": (lambda lr: study_log.update_session(
        lr.db, lr.session_id, lr.module_ids[1], TODAY, 50, "moved", TODAY), SESSION_CHANGES),
    "delete a session": (lambda lr: study_log.delete_session(lr.db, lr.session_id),
                         SESSION_CHANGES),
    "start the timer": (_timer, TIMER_CHANGES),
    "stop the timer": (_stop_timer, SESSION_CHANGES),
    "mark a module done": (lambda lr: progress.mark_done(
        lr.db, lr.module_ids[1], TODAY, None, TODAY), COMPLETION_CHANGES),
    "reopen a module": (lambda lr: progress.reopen(lr.db, lr.module_ids[0], TODAY),
                        COMPLETION_CHANGES),
    "re-plan": (_replan, PLAN_CHANGES),
    "log a CEU activity": (lambda lr: ceu_activities.add_activity(
        lr.db, ceu_activities.ActivityInput(TODAY, "Chapter meeting", Decimal("1"), "coding"),
        [(lr.cycle_id, Decimal("1"))], TODAY), ACTIVITY_CHANGES),
    "edit a CEU activity": (_edit_activity, ACTIVITY_CHANGES),
    "delete and undo a CEU activity": (_delete_and_restore_activity, ACTIVITY_CHANGES),
    "add a credential": (lambda lr: credentials.add_credential(
        lr.db, "CCS", date(2024, 5, 1), TODAY), CREDENTIAL_CHANGES),
    "edit a credential": (lambda lr: credentials.edit_credential(
        lr.db, lr.credential_id, TODAY, label="CPC (work)", note="employer pays"),
        CREDENTIAL_CHANGES),
    "close a cycle": (lambda lr: credentials.close_cycle(lr.db, lr.credential_id, TODAY, NOW),
                      CYCLE_CLOSE_CHANGES),
    "delete a credential": (lambda lr: credentials.delete_credential(
        lr.db, lr.credential_id, NOW), CYCLE_CLOSE_CHANGES),
    "dismiss a reminder": (lambda lr: reminder_service.dismiss(lr.db, "ceu:short:CPC"),
                           REMINDER_ANSWER_CHANGES),
    "snooze a reminder": (lambda lr: reminder_service.snooze(
        lr.db, "ceu:short:CPC", TODAY + timedelta(days=7), TODAY), REMINDER_ANSWER_CHANGES),
    "reminder settings": (_reminder_settings, SETTINGS_CHANGES),
    "app settings": (_app_settings, SETTINGS_CHANGES),
    "back up now": (lambda lr: backups.backup_now(lr.db, NOW), BACKUP_CHANGES),
}  # fmt: skip


def backup_count(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file() and "backup" in str(p).lower())


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_an_operation_reports_everything_it_writes(learner: Learner, name: str) -> None:
    action, declared = OPERATIONS[name]
    path = learner.folder / "studyplanner.sqlite3"
    before, backups_before = rows_by_table(path), backup_count(learner.folder)
    action(learner)
    after = rows_by_table(path)
    flags, changed = needed(before, after, backup_count(learner.folder) > backups_before)
    assert changed or flags, f"{name} wrote nothing: the scenario does not exercise it"
    missing = flags & ~declared
    assert not missing, (
        f"{name} changed {changed} but reports {declared}: {missing} is missing, so a screen "
        f"showing it stays stale"
    )
