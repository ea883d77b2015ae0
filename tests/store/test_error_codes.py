"""SQLite's errors are named by their error code, never by their message text: each real error
the environment can cause (made here for real, on real files) becomes one plain sentence that
names the file and what to do, with the exit status the README gives; anything else is a bug
and is not dressed up as the user's problem."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from studyplanner.services.database import Database, open_database
from studyplanner.services.errors import StoreProblem
from studyplanner.store.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DataFolderUnusable,
    explain,
    sqlite_code,
)


def _error(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except (sqlite3.Error, DBAPIError) as exc:
        return exc
    raise AssertionError("no error was raised")


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "data")
    with database.transaction() as session:
        session.execute(text("INSERT INTO app_settings (key, value) VALUES ('x', '1')"))
    return database


def test_busy_another_program_holds_the_write_lock(db: Database) -> None:
    other = sqlite3.connect(db.path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        conn = sqlite3.connect(db.path, timeout=0.05)
        exc = _error(lambda: conn.execute("INSERT INTO app_settings VALUES ('z', '3')"))
        conn.close()
    finally:
        other.rollback()
        other.close()
    problem = explain(exc, db.path)
    assert isinstance(problem, DatabaseBusy) and problem.exit_code == 3
    assert str(db.path) in problem.user_message and "another program" in problem.user_message


def test_read_only_file(db: Database) -> None:
    conn = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
    exc = _error(lambda: conn.execute("INSERT INTO app_settings VALUES ('z', '3')"))
    conn.close()
    assert sqlite_code(exc) == 8  # SQLITE_READONLY
    problem = explain(exc, db.path)
    assert isinstance(problem, DataFolderUnusable) and problem.exit_code == 6
    assert "read-only" in problem.user_message and str(db.path) in problem.user_message


def test_full_disk(db: Database) -> None:
    conn = sqlite3.connect(db.path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    exc = _error(lambda: conn.execute(
        "INSERT INTO app_settings VALUES ('big', ?)", ("x" * 200_000,)))  # fmt: skip
    conn.close()
    assert sqlite_code(exc) == 13  # SQLITE_FULL
    problem = explain(exc, db.path)
    assert isinstance(problem, DataFolderUnusable) and "full" in problem.user_message


def test_damaged_pages(db: Database) -> None:
    db.close()
    conn = sqlite3.connect(db.path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with db.path.open("r+b") as handle:
        handle.seek(4096)
        handle.write(os.urandom(db.path.stat().st_size - 4096))
    conn = sqlite3.connect(db.path)
    exc = _error(lambda: conn.execute("SELECT * FROM app_settings").fetchall())
    conn.close()
    assert sqlite_code(exc) in (11, 26)  # SQLITE_CORRUPT or SQLITE_NOTADB
    problem = explain(exc, db.path)
    assert isinstance(problem, DatabaseDamaged) and problem.exit_code == 4
    assert "damaged" in problem.user_message and "backup" in problem.user_message


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "noise.sqlite3"
    path.write_bytes(os.urandom(8192))
    conn = sqlite3.connect(path)
    exc = _error(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    conn.close()
    assert sqlite_code(exc) == 26
    assert isinstance(explain(exc, path), DatabaseDamaged)


def test_cannot_open(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "folder" / "studyplanner.sqlite3"
    exc = _error(lambda: sqlite3.connect(f"file:{path}?mode=rw", uri=True))
    assert sqlite_code(exc) == 14  # SQLITE_CANTOPEN
    problem = explain(exc, path)
    assert isinstance(problem, DataFolderUnusable) and "cannot be opened" in problem.user_message


def test_disk_errors_from_the_system_are_named_by_errno(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    full = explain(OSError(errno.ENOSPC, "No space left on device"), path, "backed up")
    assert isinstance(full, DataFolderUnusable) and "It was not backed up." in full.user_message
    failing = explain(OSError(errno.EIO, "Input/output error"), path)
    assert isinstance(failing, DataFolderUnusable) and "read or write error" in failing.user_message


def test_our_own_bugs_are_not_the_users_problem(db: Database) -> None:
    """A constraint we broke, SQL we got wrong: no sentence for the user, the error rises."""
    exc = _error(lambda: _write_twice(db))
    assert sqlite_code(exc) == 19  # SQLITE_CONSTRAINT
    assert explain(exc, db.path) is None
    syntax = _error(lambda: sqlite3.connect(db.path).execute("SELEKT 1"))
    assert explain(syntax, db.path) is None
    with pytest.raises(DBAPIError), db.read() as conn:
        conn.exec_driver_sql("SELECT no_such_column FROM app_settings")


def _write_twice(db: Database) -> None:
    with db.transaction() as session:
        session.execute(text("INSERT INTO app_settings (key, value) VALUES ('x', 'again')"))


def test_the_message_text_is_never_what_decides(db: Database) -> None:
    """A message that merely mentions 'full' or 'locked' is not taken for a full disk or a
    locked file (the old way, which searched the text)."""
    exc = sqlite3.OperationalError("table full_names is locked by a busy trigger")
    assert explain(exc, db.path) is None


def test_the_seam_turns_a_busy_write_into_the_users_sentence(db: Database) -> None:
    other = sqlite3.connect(db.path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreProblem) as caught:
            _write_short_wait(db)
    finally:
        other.rollback()
        other.close()
    assert caught.value.exit_code == 3 and str(db.path) in caught.value.user_message


def _write_short_wait(db: Database) -> None:
    """A write as the app makes it, waiting 50 ms for the lock instead of the app's 5 s."""
    with db.transaction() as session:
        session.execute(text("PRAGMA busy_timeout = 50"))
        session.execute(text("INSERT INTO app_settings (key, value) VALUES ('busy', '1')"))
