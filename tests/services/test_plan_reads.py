"""The plan's one read path, counted with SQLAlchemy event listeners on a real database file:
creating or changing a plan schedules once; the reminders read each fact once, on one
connection; the Dashboard's figures too. And the read path's cache never outlives its source:
a write by this process, by another connection or program, and a restore are all seen."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from studyplanner.core.model import Availability, ModuleKind, Schedule
from studyplanner.core.scheduler import schedule_plan
from studyplanner.services import backups, plans, reminders
from studyplanner.services import credentials as creds
from studyplanner.services.database import Database, open_database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.progress import catch_up_changes, progress
from studyplanner.services.snapshots import ModuleDraft, NewPlan, PlanChange, PlanSettings

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 9, 0)
SETTINGS = PlanSettings(start=TODAY, availability=Availability((60,) * 7), weekly_minutes=300)
NEW = NewPlan(settings=SETTINGS, template_id="cpc-certificate-program")


@dataclass
class Counted:
    statements: list[tuple[str, Any]] = field(default_factory=list)
    connections: int = 0

    def matching(self, text: str) -> int:
        return sum(text in " ".join(sql.split()) for sql, _ in self.statements)


@contextmanager
def counting(db: Database) -> Iterator[Counted]:
    """Every statement the engine runs (with its parameters) and every connection it hands out."""
    counted = Counted()

    def statement(_conn: Any, _cursor: Any, sql: str, params: Any, _ctx: Any, _many: Any) -> None:
        counted.statements.append((sql, repr(params)))

    def checkout(*_args: Any) -> None:
        counted.connections += 1

    event.listen(db.engine, "before_cursor_execute", statement)
    event.listen(db.engine.pool, "checkout", checkout)
    try:
        yield counted
    finally:
        event.remove(db.engine, "before_cursor_execute", statement)
        event.remove(db.engine.pool, "checkout", checkout)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


@pytest.fixture
def schedules(monkeypatch: pytest.MonkeyPatch) -> list[Schedule]:
    """Every schedule the plan use cases make."""
    made: list[Schedule] = []

    def counted(request: Any) -> Schedule:
        made.append(schedule_plan(request))
        return made[-1]

    monkeypatch.setattr(plans, "schedule_plan", counted)
    return made


def test_create_plan_schedules_once_and_not_again_with_its_preview(
    db: Database, schedules: list[Schedule]
) -> None:
    plans.create_plan(db, NEW, TODAY, NOW)
    assert len(schedules) == 1
    preview = plans.preview_new_plan(NEW, TODAY)
    del schedules[:]
    with counting(db) as counted:
        plans.create_plan(db, NEW, TODAY, NOW, preview=preview)
    assert schedules == []
    assert counted.connections == 1


def test_a_change_is_scheduled_once_and_the_saved_schedule_is_the_one_the_ids_give(
    db: Database, schedules: list[Schedule]
) -> None:
    plan = plans.create_plan(db, NEW, TODAY, NOW)
    drafts = [
        ModuleDraft(m.id, m.title, m.kind, m.minutes, m.prerequisite_ids, sitting=m.sitting)
        for m in plan.track.modules
    ]
    drafts.insert(3, ModuleDraft(-1, "Anatomy review", ModuleKind.LESSON, 240, (drafts[2].ref,)))
    drafts[5] = replace(drafts[5], prerequisite_refs=(-1,))
    change = PlanChange(
        settings=replace(SETTINGS, availability=Availability((90,) * 7)), modules=tuple(drafts)
    )
    del schedules[:]
    with counting(db) as counted:
        changed = plans.apply_plan_change(db, change, TODAY, now=NOW)
    assert len(schedules) == 1
    assert counted.connections == 1
    new_id = changed.track.modules[3].id
    assert changed.track.modules[3].title == "Anatomy review" and new_id > 0
    assert changed.track.modules[5].prerequisite_ids == (new_id,)
    again = schedule_plan(
        plans.plan_request(
            changed.track.modules, changed.settings, TODAY, changed.track.usual_months,
            changed.track.program_label,
        )
    )  # fmt: skip
    assert (changed.schedule.modules, changed.schedule.blocks) == (again.modules, again.blocks)
    assert changed.schedule.finish == again.finish
    assert changed.schedule.verdict == again.verdict
    assert [b.number for b in changed.baselines] == [1, 2]


def test_a_preview_reads_the_plan_once_or_not_at_all_when_given(db: Database) -> None:
    plan = plans.create_plan(db, NEW, TODAY, NOW)
    change = PlanChange(settings=replace(SETTINGS, weekly_minutes=400))
    with counting(db) as counted:
        preview = plans.preview_plan_change(db, change, TODAY)
    assert counted.connections == 1 and counted.matching("FROM plans WHERE is_active") == 1
    with counting(db) as counted:
        assert plans.preview_plan_change(db, change, TODAY, plan) == preview
    assert counted.connections == 0


def test_the_catch_up_choices_read_the_plan_once(db: Database) -> None:
    plans.create_plan(db, NEW, TODAY, NOW)
    with counting(db) as counted:
        choices = catch_up_changes(db, TODAY + timedelta(days=40))
    assert choices
    assert counted.connections == 1 and counted.matching("FROM plans WHERE is_active") == 1


def _reminder_data(db: Database) -> None:
    plans.create_plan(db, NEW, TODAY - timedelta(days=30), NOW - timedelta(days=30))
    creds.add_credential(
        db, "CPC", date(2024, 12, 17), TODAY, cycle_start=date(2024, 12, 17),
        cycle_end=TODAY + timedelta(days=20), required=Decimal(36),
    )  # fmt: skip


def _each_once(counted: Counted) -> None:
    repeated = {s for s in counted.statements if counted.statements.count(s) > 1}
    assert repeated == set()


def test_the_reminders_read_each_fact_once_on_one_connection(db: Database) -> None:
    _reminder_data(db)
    for _ in range(2):  # the first check and a later one (the plan's cache filled)
        with counting(db) as counted:
            due = reminders.current_reminders(db, TODAY)
        assert counted.connections == 1
        _each_once(counted)
        assert counted.matching("FROM plans WHERE is_active") == 1
        assert counted.matching("FROM credentials ORDER BY") == 1
        settings = [
            p for sql, p in counted.statements if "FROM app_settings" in " ".join(sql.split())
        ]
        assert len(set(settings)) == len(settings) <= 2  # the reminders' and the busy time's keys
        assert {r.kind.value for r in due} >= {"ceu_shortfall"}


def test_the_dashboards_figures_read_each_fact_once_on_one_connection(db: Database) -> None:
    _reminder_data(db)
    with counting(db) as counted:
        figures = progress(db, TODAY)
    assert figures is not None and figures.pass_mark_percent == 70.0
    assert counted.connections == 1
    _each_once(counted)
    assert counted.matching("FROM tracks") == 1


def test_a_second_read_comes_from_the_cache_while_nothing_was_written(db: Database) -> None:
    plans.create_plan(db, NEW, TODAY, NOW)
    first = active_plan(db, TODAY)
    with counting(db) as counted:
        assert active_plan(db, TODAY) == first
    assert counted.matching("FROM modules WHERE track_id = ? ORDER BY position") == 0
    assert counted.matching("FROM baseline_blocks") == 0


def _renamed(db: Database, title: str) -> str:
    plan = active_plan(db, TODAY)
    assert plan is not None
    return next(m.title for m in plan.track.modules if m.title == title)


def test_the_cache_sees_a_write_of_another_program(db: Database) -> None:
    plans.create_plan(db, NEW, TODAY, NOW)
    plan = active_plan(db, TODAY)  # cached now
    assert plan is not None
    first = plan.track.modules[0]
    other = sqlite3.connect(db.path)  # the command line, another copy of the app
    with other:
        other.execute("UPDATE modules SET title = 'Renamed elsewhere' WHERE id = ?", (first.id,))
    other.close()
    assert _renamed(db, "Renamed elsewhere")


def test_the_cache_sees_this_process_s_own_write(db: Database) -> None:
    plans.create_plan(db, NEW, TODAY, NOW)
    plan = active_plan(db, TODAY)
    assert plan is not None
    with db.transaction() as session:  # a raw write: no new baseline, only the rows changed
        session.connection().exec_driver_sql(
            "UPDATE modules SET title = 'Renamed here' WHERE id = ?", (plan.track.modules[0].id,)
        )
    assert _renamed(db, "Renamed here")


def test_the_cache_sees_a_restore(db: Database) -> None:
    plans.create_plan(db, NEW, TODAY, NOW)
    saved = backups.backup_now(db, NOW)
    plan = active_plan(db, TODAY)
    assert plan is not None
    with db.transaction() as session:
        session.connection().exec_driver_sql(
            "UPDATE modules SET title = 'Changed after the backup' WHERE id = ?",
            (plan.track.modules[0].id,),
        )
    assert _renamed(db, "Changed after the backup")
    backups.restore_backup(db, saved.path, NOW + timedelta(minutes=5))
    assert active_plan(db, TODAY) == plan
