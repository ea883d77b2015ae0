"""Backups on real files: take, list with a preview, restore (undoable), thin, check."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from studyplanner.core.validation import InvalidInput
from studyplanner.services import backups
from studyplanner.services import credentials as creds
from studyplanner.services.database import Database, open_database
from studyplanner.services.errors import DatabaseDamaged

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 10, 0, 0)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


def test_backup_lists_with_a_preview_and_private_permissions(db: Database) -> None:
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    info = backups.backup_now(db, NOW)
    assert info.reason == "manual" and info.taken_at == NOW.astimezone() and info.size > 0
    assert oct(info.path.stat().st_mode & 0o777) == "0o600"
    assert backups.list_backups(db.data_dir) == [info]
    preview = backups.preview_backup(info.path)
    assert preview.ok and preview.counts["credentials"] == 1 and preview.counts["plans"] == 0


def test_restore_brings_back_old_data_and_can_itself_be_undone(db: Database) -> None:
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    first = backups.backup_now(db, NOW)
    creds.add_credential(db, "CCS", date(2025, 1, 2), TODAY)
    safety = backups.restore_backup(db, first.path, NOW + timedelta(minutes=5))
    assert [c.label for c in creds.list_credentials(db)] == ["CPC"]
    assert safety.reason == "before-restore"
    backups.restore_backup(db, safety.path, NOW + timedelta(minutes=10))
    assert sorted(c.label for c in creds.list_credentials(db)) == ["CCS", "CPC"]
    assert backups.check_database(db.path).ok


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "no Study Planner data"), (b"garbage" * 100, "not a database|damaged")],
)
def test_a_bad_backup_is_refused_and_nothing_changes(
    db: Database, content: bytes, problem: str
) -> None:
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    folder = db.data_dir / "backups"
    folder.mkdir(exist_ok=True)
    bad = folder / "studyplanner-20261101-100000-manual.sqlite3"
    bad.write_bytes(content)
    with pytest.raises(InvalidInput, match=problem):
        backups.restore_backup(db, bad, NOW)
    assert [c.label for c in creds.list_credentials(db)] == ["CPC"]


def test_a_newer_backup_is_refused(db: Database) -> None:
    info = backups.backup_now(db, NOW)
    with sqlite3.connect(info.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    with pytest.raises(InvalidInput, match="newer version"):
        backups.restore_backup(db, info.path, NOW)


def test_a_damaged_database_is_never_backed_up(db: Database) -> None:
    good = backups.backup_now(db, NOW)
    db.engine.dispose()
    data = bytearray(db.path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # wreck the second page
    db.path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged):
        backups.backup_now(db, NOW + timedelta(hours=1))
    assert backups.list_backups(db.data_dir) == [good]


def test_timer_backup_only_when_something_changed(db: Database) -> None:
    first = backups.backup_if_changed(db, datetime.now())
    assert first is not None
    assert backups.backup_if_changed(db, datetime.now() + timedelta(seconds=2)) is None


def test_thinning_deletes_what_the_policy_drops(db: Database) -> None:
    for days in reversed(range(40)):
        backups.backup_now(db, NOW - timedelta(days=days), "auto")
    names = {b.path.name for b in backups.list_backups(db.data_dir)}
    assert len(names) < 40  # backup_now thins after each
    assert f"studyplanner-{NOW.astimezone(UTC):%Y%m%d-%H%M%S}Z-auto.sqlite3" in names


def test_check_reports_schema_and_integrity(db: Database) -> None:
    report = backups.check_database(db.path)
    assert report.ok and report.integrity == "ok" and report.revision == report.head
