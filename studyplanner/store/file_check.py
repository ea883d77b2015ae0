"""The database file looked at before it is opened: is it SQLite, is it whole, which revision?

Free of SQLAlchemy, so the app can start this check on a thread of its own (`CheckAhead`) before
it imports SQLAlchemy: `PRAGMA quick_check` reads the whole file (about 50 ms at 18 MB) while
SQLite has let go of Python's GIL, so it runs beside the import instead of after it.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from studyplanner.store.ahead import Ahead
from studyplanner.store.change_token import TABLE as TOKEN_TABLE
from studyplanner.store.change_token import read_token
from studyplanner.store.errors import DatabaseDamaged, NotADatabase, explain

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileState:
    exists: bool
    revision: str | None
    """The Alembic revision stored in the file (None for a new or empty file)."""
    has_tables: bool
    token: bytes | None = None
    """The change token (store/change_token.py) when the file has one."""


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """An SQLite URI that opens `path` read-only; '#', '?' and '%' in the path are escaped.

    Immutable (no locks, no journal files) when asked, and also when nothing can change the
    file and SQLite could not read it otherwise: its folder cannot be written (a read-only file
    system or folder), so the shared-memory file a WAL database needs cannot be made, and no
    write-ahead log holds changes (an immutable read would miss them)."""
    resolved = Path(path).resolve()
    uri = f"{resolved.as_uri()}?mode=ro"
    return uri + "&immutable=1" if immutable or _frozen(resolved) else uri


def _frozen(path: Path) -> bool:
    if os.access(path.parent, os.W_OK):
        return False
    try:
        return os.stat(f"{path}-wal").st_size == 0
    except FileNotFoundError:
        return True
    except OSError:
        return False


def inspect_file(path: Path) -> FileState:
    """Look at the file without changing it: is it a database, of which schema revision?"""
    if not path.exists() or path.stat().st_size == 0:
        return FileState(exists=path.exists(), revision=None, has_tables=False)
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotADatabase(f"{path} is not a Study Planner database (it is not an SQLite file).")
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()
            if not ok or ok[0] != "ok":
                raise DatabaseDamaged(f"The database {path} is damaged ({ok[0] if ok else '?'}).")
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            token = read_token(conn) if TOKEN_TABLE in tables else None
        finally:
            conn.close()
    except sqlite3.Error as exc:
        problem = explain(exc, path)
        if problem is None:
            raise
        raise problem from exc
    data_tables = tables - {"alembic_version", TOKEN_TABLE}
    return FileState(exists=True, revision=revision, has_tables=bool(data_tables), token=token)


def inspect_if_present(path: Path) -> FileState | None:
    """`inspect_file` for a file with content; None for a missing or empty one."""
    if path.is_file() and path.stat().st_size > 0:
        return inspect_file(path)
    return None


class CheckAhead(Ahead[FileState | None]):
    """`inspect_file(path)` started now on a thread of its own; `result()` waits for it.

    Only a file that had content when the thread looked is checked ahead: for a missing or
    empty file `result()` is None, and the file is looked at again when it is opened (opening
    creates it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._taken = False
        super().__init__(lambda: inspect_if_present(path), "studyplanner-file-check")

    def peek(self) -> FileState | None:
        """What the check found, waiting for it; None when it raised or found no content (the
        problem is raised by `result()`, where the file is opened)."""
        self.wait()
        return None if self._taken else self._value

    def result(self) -> FileState | None:
        """What the check found (or raised), once: later calls return None, since the file
        may have changed since (a recovery replaced it), and it is checked again."""
        if self._taken:
            return None
        self._taken = True
        return super().result()
