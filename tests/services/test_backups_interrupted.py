"""Backups and restores when something else happens at the same time: another program holding
the write lock (restore waits five seconds, then gives up having changed nothing; a write
committed while it waited is kept in the before-restore backup), a backup killed half-way
(never listed, never chosen by recovery, removed at the next start), a daylight-saving change
(newest first by UTC), and recovery that never leaves an empty database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from studyplanner.services import backups
from studyplanner.services import credentials as creds
from studyplanner.services.database import Database, open_database
from studyplanner.services.errors import StoreProblem
from studyplanner.services.leftovers import clean_up
from studyplanner.services.recovery import newest_good_backup, restore_newest, start_fresh
from studyplanner.store import copies

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 10, 0)

HOLD_WRITE = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO app_settings (key, value) VALUES ('written-while-waiting', '1')")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
print("committed", flush=True)
"""


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


def _settings(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {k for (k,) in conn.execute("SELECT key FROM app_settings")}
    finally:
        conn.close()


def _hold(db: Database, seconds: float) -> subprocess.Popen[str]:
    """Another program with a write transaction open for `seconds`, then committing."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITE, str(db.path), str(seconds)],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    return holder


@pytest.mark.slow
def test_restore_gives_up_after_five_seconds_and_changes_nothing(db: Database) -> None:
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    older = backups.backup_now(db, NOW)
    creds.add_credential(db, "CCS", date(2025, 1, 2), TODAY)
    holder = _hold(db, 30)
    try:
        started = time.monotonic()
        with pytest.raises(StoreProblem) as caught:
            backups.restore_backup(db, older.path, datetime(2026, 11, 27, 11, 0))
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.communicate()
    assert caught.value.exit_code == 3 and "another program" in caught.value.user_message
    assert 4.5 < waited < 15
    assert [c.label for c in creds.list_credentials(db)] == ["CPC", "CCS"]  # not restored
    assert len(backups.list_backups(db.data_dir)) == 1  # no before-restore backup either
    assert not copies.partial_files(db.data_dir)


@pytest.mark.slow
def test_a_write_committed_while_restore_waits_is_in_the_before_restore_backup(
    db: Database,
) -> None:
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    older = backups.backup_now(db, NOW)
    holder = _hold(db, 2)
    try:
        safety = backups.restore_backup(db, older.path, datetime(2026, 11, 27, 11, 0))
    finally:
        holder.communicate(timeout=30)
    assert "written-while-waiting" in _settings(safety.path)  # the other program's write...
    assert "written-while-waiting" not in _settings(db.path)  # ...kept, not lost, by the restore
    assert [c.label for c in creds.list_credentials(db)] == ["CPC"]
    beside = [p.name for p in (db.data_dir / "backups").iterdir() if not p.name.endswith("3")]
    assert beside == []  # no -wal, -shm or -journal left beside the backups


def test_a_killed_backup_is_never_a_good_one(db: Database) -> None:
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    good = backups.backup_now(db, NOW)
    folder = db.data_dir / "backups"
    # what a backup killed half-way left, in this version's way and in the earlier one's
    half = folder / f"{copies.PARTIAL_PREFIX}studyplanner-20261127-110000Z-auto.sqlite3"
    half.write_bytes(good.path.read_bytes()[: good.size // 2])
    older_way = folder / "studyplanner-20261127-120000-auto.sqlite3"
    older_way.write_bytes(good.path.read_bytes())
    Path(f"{older_way}-journal").write_bytes(b"\x00" * 512)
    assert backups.list_backups(db.data_dir) == [good]
    chosen = newest_good_backup(db.data_dir)
    assert chosen is not None and chosen.info == good
    removed = clean_up(db)
    assert half in removed.files and not half.exists()


def test_backups_are_ordered_by_utc_across_the_fall_back_hour(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """01:45 PDT is taken before 01:15 PST (half an hour later): newest first is the PST one,
    and both show in local time."""
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        before = datetime(2026, 11, 1, 8, 45, tzinfo=UTC)  # 01:45 PDT
        after = datetime(2026, 11, 1, 9, 15, tzinfo=UTC)  # 01:15 PST
        first = backups.backup_now(db, before)
        second = backups.backup_now(db, after)
        assert [b.path for b in backups.list_backups(db.data_dir)] == [second.path, first.path]
        assert second.taken_at.astimezone().strftime("%H:%M %Z") == "01:15 PST"
        assert first.taken_at.astimezone().strftime("%H:%M %Z") == "01:45 PDT"
        chosen = newest_good_backup(db.data_dir)
        assert chosen is not None and chosen.info.path == second.path
    finally:
        monkeypatch.undo()
        time.tzset()


def test_backups_named_in_local_time_by_earlier_versions_still_count(db: Database) -> None:
    good = backups.backup_now(db, NOW)
    legacy = good.path.with_name("studyplanner-20261120-083000-manual.sqlite3")
    legacy.write_bytes(good.path.read_bytes())
    listed = backups.list_backups(db.data_dir)
    assert [b.path for b in listed] == [good.path, legacy]
    assert listed[1].taken_at == datetime(2026, 11, 20, 8, 30).astimezone()


def _damaged(db: Database) -> None:
    db.close()
    db.path.write_bytes(os.urandom(8192))


def test_recovery_puts_a_whole_file_in_place_and_keeps_the_damaged_one(db: Database) -> None:
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    good = backups.backup_now(db, NOW)
    _damaged(db)
    damaged_bytes = db.path.read_bytes()
    aside = restore_newest(db.data_dir, good.path, NOW)
    assert aside.read_bytes() == damaged_bytes
    again = open_database(db.data_dir)
    try:
        assert [c.label for c in creds.list_credentials(again)] == ["CPC"]
    finally:
        again.close()
    assert not copies.partial_files(db.data_dir)


def test_starting_fresh_never_leaves_an_empty_file(db: Database) -> None:
    _damaged(db)
    aside = start_fresh(db.data_dir, NOW)
    assert aside.exists() and db.path.stat().st_size > 0
    fresh = open_database(db.data_dir)
    fresh.close()
    assert fresh.backup_before_migration is None  # it was made at this version's schema
