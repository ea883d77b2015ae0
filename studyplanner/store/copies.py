"""Copies of the database file: backups, the copy a restore or a recovery puts in place, and the
restore itself. Every copy is made with SQLite's online backup API (never a file copy of a live
database), written under a temporary name and only given its real name once it passed
`PRAGMA integrity_check`, so a copy interrupted half-way (killed, disk full) never looks like a
good one. Backup names carry the UTC time they were taken (`...-20261202-183000Z-...`), so
their order holds across a daylight-saving change.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Table

from studyplanner.store.db import BUSY_TIMEOUT_MS, read_only_uri
from studyplanner.store.errors import DatabaseBusy, DatabaseDamaged, explain
from studyplanner.store.file_lock import try_lock
from studyplanner.store.location import backup_dir

T = TypeVar("T")

PARTIAL_PREFIX = ".partial-"
"""Copies in the making: never listed as backups, removed when found after a crash."""
BACKUP_NAME = re.compile(r"^studyplanner-(\d{8})-(\d{6})(Z?)-([a-z0-9-]+?)(?:-\d+)?\.sqlite3$")
"""`studyplanner-YYYYMMDD-HHMMSS[Z]-reason[-n].sqlite3`: Z marks UTC (older names: local time)."""


def partial_files(folder: Path) -> list[Path]:
    """Copies in the making in `folder` (their -journal, -wal, -shm included)."""
    return sorted(folder.glob(f"{PARTIAL_PREFIX}*")) if folder.is_dir() else []


def backup_time(name: str) -> datetime | None:
    """When the backup called `name` was taken, as an aware datetime, or None for another file.
    Names from before UTC names are read as the local time they were written in."""
    match = BACKUP_NAME.match(name)
    if match is None:
        return None
    taken = datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
    return taken.replace(tzinfo=UTC) if match[3] else taken.astimezone()


def backup_reason(name: str) -> str:
    match = BACKUP_NAME.match(name)
    return match[4] if match else ""


def copy_database(
    source: Path,
    target: Path,
    *,
    timeout: float = BUSY_TIMEOUT_MS / 1000,
    still: bool = False,
) -> None:
    """Copy the database `source` (opened read-only; `still`: a file nothing writes any more, a
    backup, read without leaving -wal/-shm beside it) to the new file `target`, a single file
    (rollback journal, so reading it later leaves nothing beside it either): written under a
    temporary name beside it, checked, then renamed. Raises DatabaseDamaged when the copy fails
    its check, DatabaseBusy when `source` stays locked longer than `timeout` seconds (instead of
    waiting for ever), and the sentence for any other SQLite or disk error."""
    partial = target.with_name(f"{PARTIAL_PREFIX}{target.name}")
    # Held open and locked while the copy is written: what a crash leaves is told apart from a
    # copy another process is still making (see held_elsewhere).
    marker = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try_lock(marker)
    deadline = time.monotonic() + timeout

    def give_up_when_locked_too_long(status: int, _remaining: int, _total: int) -> None:
        if status in (5, 6) and time.monotonic() > deadline:  # SQLITE_BUSY, SQLITE_LOCKED
            raise DatabaseBusy(
                f"The database {source} is in use by another program, which kept it locked for "
                f"more than {timeout:.0f} seconds. Close the other program (or wait) and try "
                "again."
            )

    try:
        reader = sqlite3.connect(read_only_uri(source, immutable=still), uri=True)
        writer = sqlite3.connect(partial)
        try:
            reader.backup(writer, progress=give_up_when_locked_too_long)
            writer.execute("PRAGMA journal_mode=DELETE")
            result = writer.execute("PRAGMA integrity_check").fetchone()
            writer.commit()
        finally:
            writer.close()
            reader.close()
        if not result or result[0] != "ok":
            raise DatabaseDamaged(f"The copy of {source} failed its integrity check.")
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error | OSError):
            problem = explain(exc, source)
            if problem is not None:
                raise problem from exc
        raise
    finally:
        os.close(marker)


def backup_database(path: Path, reason: str, now: datetime) -> Path:
    """A checked online backup of the live database at `path` in its backups folder, named by
    the UTC time `now` (naive: the local time)."""
    folder = backup_dir(path.parent)
    folder.mkdir(exist_ok=True, mode=0o700)
    stamp = f"{now.astimezone(UTC):%Y%m%d-%H%M%S}Z"
    target = folder / f"studyplanner-{stamp}-{reason}.sqlite3"
    counter = 1
    while target.exists():
        target = folder / f"studyplanner-{stamp}-{reason}-{counter}.sqlite3"
        counter += 1
    try:
        copy_database(path, target)
    except DatabaseDamaged as exc:
        raise DatabaseDamaged(
            f"The database {path} could not be backed up: it is damaged ({exc.user_message}); "
            "your earlier backups are untouched."
        ) from exc
    except OSError as exc:
        problem = explain(exc, path, "backed up")
        if problem is None:
            raise
        raise problem from exc
    return target


def restore_into(live: Path, staged: Path, tables: Sequence[Table], before: Callable[[], T]) -> T:
    """Make the live database hold exactly what the database `staged` holds (same schema).

    One transaction under the write lock: the lock is waited for at most five seconds
    (DatabaseBusy); once held, `before()` runs (the before-restore backup: it sees every write
    committed before the lock, and none can come after), then every table is emptied and filled
    from `staged`. All of it, or nothing. Returns what `before()` returned."""
    conn = sqlite3.connect(live, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("ATTACH DATABASE ? AS staged", (str(staged),))
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = before()
            conn.execute("PRAGMA defer_foreign_keys=ON")
            for table in reversed(tables):
                conn.execute(f'DELETE FROM main."{table.name}"')
            for table in tables:
                columns = ", ".join(f'"{c.name}"' for c in table.columns)
                conn.execute(
                    f'INSERT INTO main."{table.name}" ({columns}) '
                    f'SELECT {columns} FROM staged."{table.name}"'
                )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already (a full disk)
                conn.execute("ROLLBACK")
            raise
        conn.execute("DETACH DATABASE staged")
        return result
    except sqlite3.Error as exc:
        problem = explain(exc, live, "restored")
        if problem is None:
            raise
        raise problem from exc
    finally:
        conn.close()
