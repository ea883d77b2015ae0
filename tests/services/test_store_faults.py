"""Faults of the data file while the app works: a locked file, a read-only folder, a full disk.
Each gives a plain-words message naming the path, and nothing already saved is lost."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from studyplanner.services import ceu_activities as acts
from studyplanner.services.database import Database, open_database
from studyplanner.services.errors import DataFolderUnusable, StoreProblem
from studyplanner.store import db as store_db

TODAY = date(2026, 11, 27)


def _activity(n: int) -> acts.ActivityInput:
    return acts.ActivityInput(TODAY, f"Webinar {n}", Decimal(1), "coding")


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 200)  # wait briefly, then say so
    database = open_database(tmp_path / "data")
    acts.add_activity(database, _activity(1), [], TODAY)
    yield database
    database.close()


def test_a_locked_file_waits_briefly_then_says_who_holds_it(db: Database) -> None:
    other = sqlite3.connect(db.path)
    other.execute("BEGIN EXCLUSIVE")  # another program writing
    try:
        with pytest.raises(StoreProblem) as err:
            acts.add_activity(db, _activity(2), [], TODAY)
    finally:
        other.rollback()
        other.close()
    assert "in use by another program" in err.value.user_message
    assert str(db.path) in err.value.user_message
    assert [a.title for a in acts.list_activities(db)] == ["Webinar 1"]
    acts.add_activity(db, _activity(3), [], TODAY)  # works again once released


def test_a_full_disk_is_named_and_the_action_is_not_half_written(db: Database) -> None:
    @event.listens_for(db.engine, "connect")
    def _no_room(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    db.engine.dispose()  # new connections get the limit: SQLite reports SQLITE_FULL
    big = acts.ActivityInput(TODAY, "x" * 299, Decimal(1), "coding", note="n" * 1999)
    with pytest.raises(StoreProblem) as err:
        for _ in range(200):
            acts.add_activity(db, big, [], TODAY)
    assert "is full" in err.value.user_message and str(db.path) in err.value.user_message
    event.remove(db.engine, "connect", _no_room)
    db.engine.dispose()
    titles = [a.title for a in acts.list_activities(db)]
    assert "Webinar 1" in titles
    conn = sqlite3.connect(db.path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_a_read_only_folder_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    if os.geteuid() == 0:  # root ignores permissions: let the OS answer as for a normal user
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, m: False if Path(p) == folder else real(p, m))
    else:  # pragma: no cover - CI runs as root
        folder.chmod(0o500)
    with pytest.raises(DataFolderUnusable) as err:
        open_database(folder)
    assert err.value.user_message == f"The data folder {folder} is read-only."
    assert list(folder.iterdir()) == []


def test_a_read_only_database_file_is_named(db: Database, tmp_path: Path) -> None:
    from studyplanner.services.database import open_database_readonly

    readonly = open_database_readonly(db.data_dir)
    assert readonly is not None
    with pytest.raises(StoreProblem, match="read-only"):
        acts.add_activity(readonly, _activity(9), [], TODAY)
    readonly.close()
