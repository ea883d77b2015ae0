"""When the database cannot be opened (not a database, damaged, truncated): the ways out the
start-up window offers. The damaged file is never deleted: it is moved aside next to the
database, so nothing the user had is lost even if they choose to start afresh."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from studyplanner.services.backups import BackupInfo, BackupPreview, list_backups, preview_backup
from studyplanner.services.database import Database
from studyplanner.store import db as store_db
from studyplanner.store import migrate
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


def set_aside(data_dir: Path, now: datetime) -> Path:
    """Move the database (and its -wal/-shm companions) aside; returns the new name."""
    path = database_path(data_dir)
    stamp = f"{now:%Y%m%d-%H%M%S}"
    target = data_dir / f"studyplanner-damaged-{stamp}.sqlite3"
    counter = 1
    while target.exists():
        target = data_dir / f"studyplanner-damaged-{stamp}-{counter}.sqlite3"
        counter += 1
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{suffix}"))
    if path.exists():
        os.replace(path, target)
    return target


def start_fresh(data_dir: Path, now: datetime) -> Path:
    """Move the damaged database aside and create an empty one in its place (so an empty file
    is not mistaken for lost data next time). Returns where the damaged file went."""
    aside = set_aside(data_dir, now)
    engine = store_db.make_engine(store_db.prepare_data_dir(data_dir))
    try:
        migrate.upgrade_to_head(engine)
    finally:
        engine.dispose()
    return aside


def restore_newest(data_dir: Path, backup: Path, now: datetime) -> Path:
    """Move the damaged database aside and put a copy of `backup` in its place (with SQLite's
    backup API, checked). Returns where the damaged file went."""
    aside = set_aside(data_dir, now)
    path = database_path(data_dir)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(fd)
    if not store_db.copy_database(backup, path):  # pragma: no cover - the backup was checked
        path.unlink(missing_ok=True)
        os.replace(aside, path)
        raise store_db.DatabaseDamaged(f"The backup {backup} could not be restored.")
    return aside


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
