"""Backups the user can see and use: take one now, list them with what they hold, restore one
(after backing up the current data, so a restore can itself be undone), thin old ones, and check
the database. Every copy is made with SQLite's online backup API and checked after writing."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from studyplanner.core.backup_policy import BackupFile, RetentionPolicy, backups_to_delete
from studyplanner.core.validation import InvalidInput, Problem, problem
from studyplanner.services.database import Database
from studyplanner.store import copies, migrate, tables
from studyplanner.store import db as store_db
from studyplanner.store.errors import explain
from studyplanner.store.location import backup_dir

PREVIEW_TABLES = {
    "plans": "plans",
    "modules": "modules",
    "study_sessions": "study sessions",
    "credentials": "credentials",
    "ceu_activities": "CEU activities",
}


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    """When it was taken (aware, UTC); show it with `.astimezone()`."""
    size: int
    reason: str


@dataclass(frozen=True, slots=True)
class BackupPreview:
    """What a backup holds, read without changing it."""

    ok: bool
    revision: str | None
    counts: dict[str, int]  # table -> rows
    problem: str | None = None  # why it cannot be restored, in English
    why: Problem | None = None  # the same as a code and values, for the GUI's words


def _refused(
    revision: str | None, counts: dict[str, int], code: str, **values: str
) -> BackupPreview:
    found = problem("backup", code, **values)
    return BackupPreview(False, revision, counts, found.message, found)


@dataclass(frozen=True, slots=True)
class CheckReport:
    path: Path
    integrity: str  # "ok" or SQLite's first complaint
    revision: str | None
    head: str
    foreign_key_problems: int

    @property
    def ok(self) -> bool:
        return (self.integrity == "ok" and self.revision == self.head
                and self.foreign_key_problems == 0)  # fmt: skip


def _info(path: Path) -> BackupInfo | None:
    """A complete backup's facts, or None for any other file (a copy still being written, or
    one a crash interrupted, is never a backup)."""
    taken = copies.backup_time(path.name)
    if taken is None or Path(f"{path}-journal").exists():
        return None
    try:
        stat = path.stat()
    except OSError:
        return None
    return BackupInfo(path, taken, stat.st_size, copies.backup_reason(path.name))


def backups_folder(data_dir: Path) -> Path:
    return backup_dir(data_dir)


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The app's complete backups in the data folder, newest first (by the UTC time in their
    names, so a daylight-saving change does not reorder them)."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [i for p in folder.glob("studyplanner-*.sqlite3") if (i := _info(p)) is not None]
    return sorted(found, key=lambda i: (i.taken_at, i.path.name), reverse=True)


def thin_backups(
    data_dir: Path,
    now: datetime,
    policy: RetentionPolicy | None = None,
    keep: frozenset[Path] = frozenset(),
) -> list[Path]:
    """Delete the backups the policy no longer keeps (but those in `keep`); returns what was
    deleted."""
    policy = policy or RetentionPolicy()
    infos = {i.path.name: i for i in list_backups(data_dir)}
    # In local time (aware, so a daylight-saving change cannot reorder them): "one a day" means
    # the user's days.
    files = [BackupFile(i.path.name, i.taken_at.astimezone(), i.size) for i in infos.values()]
    deleted = []
    for b in backups_to_delete(files, now.astimezone(), policy):
        path = infos[b.name].path
        if path in keep:
            continue
        path.unlink(missing_ok=True)
        deleted.append(path)
    return deleted


def backup_now(db: Database, now: datetime, reason: str = "manual") -> BackupInfo:
    """An online backup, checked; then old backups are thinned. A damaged database raises
    (DatabaseDamaged) and no good backup is touched."""
    path = copies.backup_database(db.path, reason, now)
    thin_backups(db.data_dir, now, keep=frozenset({path}))  # even if the clock went back
    info = _info(path)
    assert info is not None
    return info


def changed_since(db: Database, when: datetime | None) -> bool:
    """Whether the database file changed after `when` (None: it always has)."""
    if when is None:
        return True
    stamps = []
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):
            stamps.append(Path(f"{db.path}{suffix}").stat().st_mtime)
    return bool(stamps) and datetime.fromtimestamp(max(stamps)) > when


def backup_if_changed(db: Database, now: datetime) -> BackupInfo | None:
    """The timer's backup: only when something changed since the newest backup."""
    backups = list_backups(db.data_dir)
    last = None
    if backups:  # the file's own time: the name is only to the second
        last = datetime.fromtimestamp(backups[0].path.stat().st_mtime)
    if not changed_since(db, last):
        return None
    return backup_now(db, now, "auto")


def preview_backup(path: Path) -> BackupPreview:
    """Read a backup without changing it: is it sound, which schema, how many of each record."""
    try:
        conn = sqlite3.connect(store_db.read_only_uri(path, immutable=True), uri=True)
    except sqlite3.Error as exc:
        return _refused(None, {}, "backup_cannot_open", why=str(exc))
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()
        if not result or result[0] != "ok":
            return _refused(None, {}, "backup_damaged")
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in names:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                  for t in PREVIEW_TABLES if t in names}  # fmt: skip
    except sqlite3.DatabaseError as exc:
        return _refused(None, {}, "backup_not_database", why=str(exc))
    finally:
        conn.close()
    if revision is None:
        return _refused(None, counts, "backup_not_ours")
    if revision not in migrate.KNOWN_REVISIONS:
        return _refused(revision, counts, "backup_newer")
    return BackupPreview(True, revision, counts)


def restore_backup(db: Database, backup: Path, now: datetime) -> BackupInfo:
    """Replace the current data with a backup's, in one transaction under the write lock.

    The backup is first copied beside the database and brought to this version's schema. Then,
    holding the lock (waited for at most five seconds, else StoreProblem, exit 3), the current
    data is backed up (returned, so the restore can be undone: it holds every write committed
    before the lock, and none can come after) and replaced. Nothing else is written if any step
    fails."""
    backup = Path(backup)
    if not backup.is_file():
        raise InvalidInput([problem("backup", "backup_gone", path=str(backup))])
    preview = preview_backup(backup)
    if not preview.ok:
        raise InvalidInput([problem("backup", "backup_unusable", name=backup.name,
                                    why=str(preview.problem))])  # fmt: skip
    staged = db.data_dir / f"{copies.PARTIAL_PREFIX}restore-{uuid.uuid4().hex}.sqlite3"
    try:
        with db.errors("restored"):
            copies.copy_database(backup, staged, still=True)
            if preview.revision != migrate.HEAD_REVISION:
                engine = store_db.make_engine(staged)
                try:
                    migrate.upgrade_to_head(engine)
                finally:
                    engine.dispose()
            safety = copies.restore_into(
                db.path,
                staged,
                tables.metadata.sorted_tables,
                lambda: copies.backup_database(db.path, "before-restore", now),
            )
    finally:
        for leftover in (staged, Path(f"{staged}-wal"), Path(f"{staged}-shm")):
            leftover.unlink(missing_ok=True)
    db.engine.dispose()
    thin_backups(db.data_dir, now, keep=frozenset({backup, safety}))
    info = _info(safety)
    assert info is not None
    return info


def check_database(db_path: Path) -> CheckReport:
    """A full integrity check and the schema report (read-only)."""
    try:
        conn = sqlite3.connect(store_db.read_only_uri(db_path), uri=True)
        try:
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            revision = None
            if "alembic_version" in names:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            fk = len(conn.execute("PRAGMA foreign_key_check").fetchall())
        finally:
            conn.close()
    except sqlite3.Error as exc:
        problem = explain(exc, db_path, "checked")
        if problem is None:
            raise
        raise problem from exc
    return CheckReport(db_path, str(integrity), revision, migrate.HEAD_REVISION, fk)
