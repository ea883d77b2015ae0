"""The change token (store/change_token.py): every write to any table changes it, in this
process or another, and nothing else does."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from studyplanner.services.database import open_database
from studyplanner.store.change_token import TABLE, UNWATCHED, read_token


def _token(path: Path) -> bytes | None:
    conn = sqlite3.connect(path)
    try:
        return read_token(conn)
    finally:
        conn.close()


def test_every_table_has_its_three_triggers(data_dir: Path) -> None:
    """A table added by a later migration without them fails here."""
    open_database(data_dir).close()
    conn = sqlite3.connect(data_dir / "studyplanner.sqlite3")
    try:
        names = [
            n
            for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if n not in UNWATCHED
        ]
        assert len(names) >= 19
        triggers = {
            (table, sql.split(" AFTER ", 1)[1].split(" ", 1)[0])
            for table, sql in conn.execute(
                "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
            )
        }
    finally:
        conn.close()
    for name in names:
        for event in ("INSERT", "UPDATE", "DELETE"):
            assert (name, event) in triggers, (name, event)


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO app_settings (key, value) VALUES ('x.test', '1')",
        "UPDATE app_settings SET value = '2' WHERE key = 'x.seeded'",
        "DELETE FROM app_settings WHERE key = 'x.seeded'",
    ],
)
def test_an_insert_an_update_and_a_delete_change_it(data_dir: Path, statement: str) -> None:
    open_database(data_dir).close()
    path = data_dir / "studyplanner.sqlite3"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO app_settings (key, value) VALUES ('x.seeded', '1')")
    before = read_token(conn)
    with conn:
        conn.execute(statement)
    after = read_token(conn)
    conn.close()
    assert before is not None and len(before) == 8
    assert after is not None and after != before


def test_a_read_and_a_write_rolled_back_leave_it(data_dir: Path) -> None:
    open_database(data_dir).close()
    path = data_dir / "studyplanner.sqlite3"
    before = _token(path)
    conn = sqlite3.connect(path)
    conn.execute("SELECT count(*) FROM study_sessions").fetchone()
    conn.execute("BEGIN")
    conn.execute("INSERT INTO app_settings (key, value) VALUES ('x.gone', '1')")
    assert read_token(conn) != before  # inside the transaction...
    conn.execute("ROLLBACK")
    conn.close()
    assert _token(path) == before  # ...and gone with it


def test_writes_through_the_app_and_a_restored_copy(data_dir: Path, tmp_path: Path) -> None:
    """The ORM and Core bulk writes of the services change it; a copy taken earlier carries the
    token it had then (a restore puts that back, not the live one)."""
    from datetime import date

    from studyplanner.core.model import Availability
    from studyplanner.services.plans import create_plan
    from studyplanner.services.progress import log_session
    from studyplanner.services.snapshots import NewPlan, PlanSettings

    db = open_database(data_dir)
    fresh = _token(db.path)
    settings = PlanSettings(
        start=date(2026, 9, 7), availability=Availability((60,) * 7), weekly_minutes=420
    )
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"),
                date(2026, 9, 7))  # fmt: skip
    planned = _token(db.path)
    copy = tmp_path / "copy.sqlite3"
    source = sqlite3.connect(db.path)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    from studyplanner.services.plan_reader import active_plan

    plan = active_plan(db, date(2026, 9, 7))
    assert plan is not None
    log_session(db, plan.track.modules[0].id, date(2026, 9, 8), 30, "", date(2026, 9, 8))
    logged = _token(db.path)
    db.close()
    assert len({fresh, planned, logged}) == 3
    assert _token(copy) == planned


def test_a_file_from_before_the_token_has_none(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.sqlite3")
    conn.execute("CREATE TABLE modules (id INTEGER PRIMARY KEY)")
    assert read_token(conn) is None
    conn.execute(f"CREATE TABLE {TABLE} (token BLOB NOT NULL)")
    assert read_token(conn) is None  # made but empty: no token
    conn.close()
