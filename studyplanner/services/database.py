"""Opening the user's database: resolve the folder, check the file, back up, migrate.

`Database` is the opaque handle the GUI and the CLI pass back into every service call.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from studyplanner.services.errors import (
    DatabaseDamaged,
    DatabaseTooNew,
    NotADatabase,
    StoreProblem,
)
from studyplanner.store import copies, migrate
from studyplanner.store import db as store_db
from studyplanner.store.errors import explain
from studyplanner.store.file_check import CheckAhead
from studyplanner.store.location import backup_dir, database_path, resolve_data_dir

__all__ = ["Database", "DatabaseDamaged", "DatabaseTooNew", "NotADatabase", "StoreProblem"]


class ChangeWatch:
    """Tells a running window that the data changed behind its back: a write by another
    program (the command line, the reminder agent, a second copy), or a restore or recovery
    that replaced the file. Writes made through this process's own transactions are not news:
    each one marks what it left as seen (a change from outside seen when it began is kept)."""

    def __init__(self, path: Path) -> None:
        self._probe = store_db.VersionProbe(path)
        self._seen = self._probe.version()
        self._pending = False

    def outside_change(self) -> bool:
        """True once for each change not made by our own transactions since the last call."""
        now = self._probe.version()
        changed = self._pending or (now is not None and now != self._seen)
        self._pending = False
        if now is not None:
            self._seen = now
        return changed

    def before_own_write(self) -> None:
        now = self._probe.version()
        if now is not None and now != self._seen:
            self._pending = True  # someone else wrote first: still news after our write
            self._seen = now

    def after_own_write(self) -> None:
        self._seen = self._probe.version()

    def close(self) -> None:
        self._probe.close()


@dataclass(frozen=True)
class Database:
    data_dir: Path
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup_before_migration: Path | None = None
    _watches: list[ChangeWatch] = field(default_factory=list, compare=False, repr=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action = one transaction: everything is committed, or nothing."""
        for watch in self._watches:
            watch.before_own_write()
        with self.errors(), self.sessions.begin() as session:
            driver = session.connection().connection.driver_connection
            changes = getattr(driver, "total_changes", None)
            yield session
            session.flush()  # what the commit would write: counted as this action's own change
            wrote = getattr(driver, "total_changes", None) != changes
        if wrote:
            for watch in self._watches:
                watch.after_own_write()

    def watch(self) -> ChangeWatch:
        """A watch for changes made outside this process's transactions (see ChangeWatch)."""
        watch = ChangeWatch(self.path)
        self._watches.append(watch)
        return watch

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection reading one consistent state of the database (a read transaction:
        what another program commits meanwhile is not half seen), then released."""
        with self.errors(), self.engine.connect() as conn:
            conn.exec_driver_sql("BEGIN")
            conn.info[store_db.READ_SNAPSHOT] = True
            try:
                yield conn
            finally:
                conn.info.pop(store_db.READ_SNAPSHOT, None)
                conn.rollback()

    @contextmanager
    def errors(self, doing: str = "") -> Iterator[None]:
        """The one seam every use of the database passes through: an error SQLite raises
        because of the environment (locked, read-only, full, failing disk, damaged, cannot be
        opened) becomes a StoreProblem in plain words; anything else is a bug and rises as is."""
        try:
            yield
        except (DBAPIError, sqlite3.Error) as exc:
            problem = explain(exc, self.path, doing)
            if problem is None:
                raise
            raise problem from exc

    def close(self) -> None:
        for watch in self._watches:
            watch.close()
        self.engine.dispose()

    def check_output(self, target: Path, field: str = "path") -> None:
        """Refuse to write an export over the database, its journal files, or into the folders
        the app keeps (backups, certificates): InvalidInput naming the field."""
        from studyplanner.core.validation import InvalidInput, problem

        try:
            where = Path(target).resolve()
        except (OSError, RuntimeError):
            return  # an unusable path fails with its own message when it is written
        own = {
            Path(f"{self.path.resolve()}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")
        }
        kept = [backup_dir(self.data_dir).resolve(), (self.data_dir / "certificates").resolve()]
        if where in own or any(where.is_relative_to(folder) for folder in kept):
            raise InvalidInput([problem(field, "output_is_own_data", path=str(target))])


def open_database(
    data_dir: Path | str | None = None,
    *,
    now: Callable[[], datetime] = datetime.now,
    ahead: CheckAhead | None = None,
) -> Database:
    """Open (creating or upgrading as needed) the database in the data folder.

    A file that is not a database, is damaged, or comes from a newer version is refused untouched
    (StoreProblem). Before an existing database is migrated, an online backup is taken.
    `ahead`: the file's check, started earlier on its own thread (services/check_ahead.py);
    what it found (or raised) stands for the check made here.
    """
    folder = resolve_data_dir(data_dir)
    if ahead is not None:
        ahead.wait()  # its connection is closed before anything here touches the file
    _refuse_empty(database_path(folder), folder)
    path = store_db.prepare_data_dir(folder)
    early = ahead.result() if ahead is not None and ahead.path == path else None
    state = early or store_db.inspect_file(path)
    migrate.check_revision(state, path)
    _refuse_foreign(state, path)
    engine = store_db.make_engine(path)
    backup: Path | None = None
    if migrate.needs_upgrade(state):
        if state.has_tables:
            backup = copies.backup_database(path, "before-migration", now())
        try:
            migrate.upgrade_to_head(engine)
        except (DBAPIError, sqlite3.Error) as exc:
            engine.dispose()
            problem = explain(exc, path, "upgraded")
            if problem is None:
                raise
            raise problem from exc
    return Database(
        data_dir=folder,
        path=path,
        engine=engine,
        sessions=store_db.make_sessionmaker(engine),
        backup_before_migration=backup,
    )


def _refuse_foreign(state: store_db.FileState, path: Path) -> None:
    """Tables without Study Planner's schema revision: another program's database (or a copy
    that lost its version). Never take it over."""
    if state.has_tables and state.revision is None:
        raise NotADatabase(
            f"{path} is an SQLite database without Study Planner's schema (another program's "
            "file?); it has not been changed. Move it away or choose another data folder."
        )


def _refuse_empty(path: Path, folder: Path) -> None:
    """An empty database file that was there before (the app creates its own and fills it at
    once): data was lost by a crash, a full disk or a bad copy. Never quietly start afresh over
    it; the user chooses (restore a backup, or start fresh)."""
    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        return  # an unusable path fails with its own message next
    if empty:
        backups = backup_dir(folder)
        where = (
            f" There are backups of your data in {backups}."
            if backups.is_dir() and any(backups.glob("studyplanner-*.sqlite3"))
            else ""
        )
        raise DatabaseDamaged(
            f"The database {path} is empty (0 bytes); it has not been changed.{where}"
        )


def open_database_readonly(data_dir: Path | str | None = None) -> Database | None:
    """Open the database for reading only (the reminder agent), or None when there is nothing
    to read yet or the file needs a migration the app itself must do. Never writes."""
    folder = resolve_data_dir(data_dir)
    path = database_path(folder)
    if not path.exists():
        return None
    state = store_db.inspect_file(path)
    migrate.check_revision(state, path)
    _refuse_foreign(state, path)
    if migrate.needs_upgrade(state):
        return None
    engine = store_db.make_readonly_engine(path)
    return Database(
        data_dir=folder, path=path, engine=engine, sessions=store_db.make_sessionmaker(engine)
    )
