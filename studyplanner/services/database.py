"""Opening the user's database: resolve the folder, check the file, back up, migrate.

`Database` is the opaque handle the GUI and the CLI pass back into every service call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from studyplanner.services.errors import (
    DatabaseDamaged,
    DatabaseTooNew,
    NotADatabase,
    StoreProblem,
)
from studyplanner.store import db as store_db
from studyplanner.store import migrate
from studyplanner.store.location import backup_dir, database_path, resolve_data_dir

__all__ = ["Database", "DatabaseDamaged", "DatabaseTooNew", "NotADatabase", "StoreProblem"]


@dataclass(frozen=True)
class Database:
    data_dir: Path
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup_before_migration: Path | None = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action = one transaction: everything is committed, or nothing."""
        try:
            with self.sessions.begin() as session:
                yield session
        except OperationalError as exc:
            raise _explain(exc, self.path) from exc

    def close(self) -> None:
        self.engine.dispose()

    def check_output(self, target: Path, field: str = "path") -> None:
        """Refuse to write an export over the database, its journal files, or into the folders
        the app keeps (backups, certificates): InvalidInput naming the field."""
        from studyplanner.core.validation import InvalidInput, Problem

        try:
            where = Path(target).resolve()
        except (OSError, RuntimeError):
            return  # an unusable path fails with its own message when it is written
        own = {
            Path(f"{self.path.resolve()}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")
        }
        kept = [backup_dir(self.data_dir).resolve(), (self.data_dir / "certificates").resolve()]
        if where in own or any(where.is_relative_to(folder) for folder in kept):
            raise InvalidInput([Problem(field, f"{target} is Study Planner's own data; "
                                        "choose another file to write.")])  # fmt: skip


def _explain(exc: OperationalError, path: Path) -> StoreProblem:
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreProblem(f"The database {path} is in use by another program; try again.")
    if "disk is full" in text or "full" in text:
        return StoreProblem(f"The disk holding {path} is full; free some space and try again.")
    if "readonly" in text or "read-only" in text:
        return StoreProblem(f"The database {path} is read-only; check the folder's permissions.")
    return StoreProblem(f"The database {path} could not be used: {exc.orig}.")


def open_database(
    data_dir: Path | str | None = None,
    *,
    now: Callable[[], datetime] = datetime.now,
) -> Database:
    """Open (creating or upgrading as needed) the database in the data folder.

    A file that is not a database, is damaged, or comes from a newer version is refused untouched
    (StoreProblem). Before an existing database is migrated, an online backup is taken.
    """
    folder = resolve_data_dir(data_dir)
    _refuse_empty(database_path(folder), folder)
    path = store_db.prepare_data_dir(folder)
    state = store_db.inspect_file(path)
    migrate.check_revision(state, path)
    _refuse_foreign(state, path)
    engine = store_db.make_engine(path)
    backup: Path | None = None
    if migrate.needs_upgrade(state):
        if state.has_tables:
            backup = store_db.backup_database(path, "before-migration", now())
        try:
            migrate.upgrade_to_head(engine)
        except OperationalError as exc:
            engine.dispose()
            raise _explain(exc, path) from exc
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
