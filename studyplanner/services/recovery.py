"""When the database cannot be opened (not a database, damaged, truncated): the ways out the
start-up window offers. The damaged file is never deleted: it is moved aside next to the
database, so nothing the user had is lost even if they choose to start afresh."""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from studyplanner.services.backups import BackupInfo, BackupPreview, list_backups, preview_backup
from studyplanner.services.database import Database
from studyplanner.store import copies, migrate
from studyplanner.store import db as store_db
from studyplanner.store.location import database_path

CRASH_LOG_FOLDER = "logs"


@dataclass(frozen=True, slots=True)
class GoodBackup:
    info: BackupInfo
    preview: BackupPreview


def newest_good_backup(data_dir: Path) -> GoodBackup | None:
    """The newest backup that passes its check and this version can open."""
    for info in list_backups(data_dir):
        preview = preview_backup(info.path)
        if preview.ok:
            return GoodBackup(info, preview)
    return None


def _aside_name(data_dir: Path, now: datetime) -> Path:
    stamp = f"{now:%Y%m%d-%H%M%S}"
    target = data_dir / f"studyplanner-damaged-{stamp}.sqlite3"
    counter = 1
    while target.exists():
        target = data_dir / f"studyplanner-damaged-{stamp}-{counter}.sqlite3"
        counter += 1
    return target


def _swap_in(data_dir: Path, staged: Path, now: datetime) -> Path:
    """Put the complete database `staged` where the damaged one is, keeping the damaged file
    (and its -wal/-shm) aside under a new name, returned. The database's own name always holds
    a whole file, the damaged one or the new one: never nothing, never an empty one."""
    path = database_path(data_dir)
    aside = _aside_name(data_dir, now)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{aside}{suffix}"))
    if path.exists():
        try:
            os.link(path, aside)  # the damaged file keeps a name of its own...
        except OSError:  # a file system without hard links
            shutil.copy2(path, aside)
    os.replace(staged, path)  # ...while the new one takes the database's, in one step
    return aside


def _staged(data_dir: Path) -> Path:
    return data_dir / f"{copies.PARTIAL_PREFIX}recovered-{uuid.uuid4().hex}.sqlite3"


def start_fresh(data_dir: Path, now: datetime) -> Path:
    """A new, empty database (of this version's schema) in place of the damaged one, which is
    kept aside; returns where it went."""
    staged = _staged(data_dir)
    fd = os.open(staged, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        engine = store_db.make_engine(staged)
        try:
            migrate.upgrade_to_head(engine)
        finally:
            engine.dispose()
        return _swap_in(data_dir, staged, now)
    finally:
        staged.unlink(missing_ok=True)


def restore_newest(data_dir: Path, backup: Path, now: datetime) -> Path:
    """A checked copy of `backup` in place of the damaged database, which is kept aside;
    returns where it went."""
    staged = _staged(data_dir)
    try:
        copies.copy_database(backup, staged, still=True)
        return _swap_in(data_dir, staged, now)
    finally:
        staged.unlink(missing_ok=True)


def recover_running(db: Database, backup: Path | None, now: datetime) -> Path:
    """The database of a running app turned out damaged: put the newest good `backup` in its
    place (or, with None, a fresh database), migrated to this version, with the damaged file
    moved aside (returned). The app's connections are closed first and reopen on next use."""
    db.engine.dispose()
    with db.errors("recovered"):
        if backup is None:
            aside = start_fresh(db.data_dir, now)
        else:
            aside = restore_newest(db.data_dir, backup, now)
            if migrate.needs_upgrade(store_db.inspect_file(db.path)):
                migrate.upgrade_to_head(db.engine)
    db.engine.dispose()
    return aside


def write_crash_log(data_dir: Path, text: str, now: datetime) -> Path:
    """Save an unexpected error's details in the data folder; returns the file."""
    folder = data_dir / CRASH_LOG_FOLDER
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"error-{now:%Y%m%d-%H%M%S-%f}.log"
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path
