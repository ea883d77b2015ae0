"""The database file: opening it safely, its pragmas, online backups, and what is wrong with it.

Errors are split by who is to blame (qutebrowser style, see store/errors.py): `StoreError`
subclasses carry a message in plain words for the user; anything else is our bug.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from studyplanner.store.errors import (
    DatabaseDamaged,
    DataFolderUnusable,
    NotADatabase,
    StoreError,
)
from studyplanner.store.file_check import (  # re-exported: one door to the store
    SQLITE_HEADER,
    FileState,
    inspect_file,
    read_only_uri,
)
from studyplanner.store.location import database_path

__all__ = [
    "SQLITE_HEADER",
    "DataFolderUnusable",
    "DatabaseDamaged",
    "FileState",
    "NotADatabase",
    "StoreError",
    "inspect_file",
    "read_only_uri",
]

BUSY_TIMEOUT_MS = 5000
READ_SNAPSHOT = "studyplanner.read_snapshot"
"""Set in a connection's `info` while it reads one consistent state and writes nothing."""


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", _set_pragmas)
    return engine


def make_readonly_engine(path: Path) -> Engine:
    """An engine that can only read (the reminder agent): SQLite refuses every write."""
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False),
    )

    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    event.listen(engine, "connect", _pragmas)
    return engine


def change_token(conn: Connection) -> tuple[int, int] | None:
    """A value that changes whenever the data this connection sees may have changed: SQLite's
    `PRAGMA data_version` (moves when any other connection, of this process or another, commits:
    a restore, an import, the command line) with the rows this very connection has changed.
    None outside a read snapshot (inside a write, what is seen may still be rolled back)."""
    if not conn.info.get(READ_SNAPSHOT):
        return None
    driver = conn.connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):
        return None
    version = driver.execute("PRAGMA data_version").fetchone()[0]
    return int(version), driver.total_changes


class VersionProbe:
    """Reads SQLite's `PRAGMA data_version` for the file at `path` on a connection of its own
    (read-only, never in a transaction): the value moves whenever any other connection commits,
    in this process or another. A file replaced on disk (a new inode) counts as a change too.

    Any thread may ask (a write on a worker thread marks its change as seen): the connection is
    not tied to the thread that opened it, and a lock keeps two threads from using it at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._inode: int | None = None
        self._lock = threading.Lock()

    def version(self) -> tuple[int, int] | None:
        """(inode, data_version), or None while the file cannot be read."""
        with self._lock:
            try:
                inode = os.stat(self.path).st_ino
                if self._conn is None or inode != self._inode:
                    self._close()
                    self._conn = sqlite3.connect(
                        read_only_uri(self.path), uri=True, check_same_thread=False
                    )
                    self._inode = inode
                return inode, int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            except (OSError, sqlite3.Error):
                self._close()
                return None

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            with contextlib.suppress(sqlite3.Error):  # already unusable: nothing to release
                conn.close()


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def prepare_data_dir(data_dir: Path) -> Path:
    """Create the data folder (private to the user) and return the database path."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise DataFolderUnusable(
            f"Cannot create the data folder {data_dir}: {exc.strerror or exc}."
        ) from exc
    if not os.access(data_dir, os.W_OK):
        raise DataFolderUnusable(f"The data folder {data_dir} is read-only.")
    path = database_path(data_dir)
    if path.is_dir():
        raise DataFolderUnusable(f"{path} is a folder, not a database file; move it away.")
    if not path.exists():
        # Create the file ourselves so it is readable only by the user from the first byte.
        try:
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        except OSError as exc:  # /proc, /sys: folders no file can be made in
            raise DataFolderUnusable(
                f"Cannot create the database in {data_dir}: {exc.strerror or exc}."
            ) from exc
        os.close(fd)
    return path
