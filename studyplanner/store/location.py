"""Where the user's data lives. The one place that decides the data folder."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

APP_NAME = "StudyPlanner"
ENV_VAR = "STUDYPLANNER_DATA_DIR"
DATABASE_NAME = "studyplanner.sqlite3"
BACKUP_FOLDER = "backups"


EMPTY_DATA_DIR = (
    "an empty folder name (is the variable meant to hold it unset?); name the data folder, or "
    "leave --data-dir out to use the usual one"
)


class EmptyDataDir(ValueError):
    """`--data-dir ""`: what `--data-dir "$DIR"` gives when $DIR is unset. Refused, because
    falling back to the usual folder would silently use the user's real data."""

    def __init__(self) -> None:
        super().__init__(EMPTY_DATA_DIR)


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir` wins, then $STUDYPLANNER_DATA_DIR (empty counts as unset), then the
    platform's user data folder. An explicit empty name raises EmptyDataDir."""
    if explicit is not None:
        text = os.fspath(explicit)
        if not text:
            raise EmptyDataDir
        return Path(text).expanduser().resolve()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


FOLDER_ID_NAME = "folder-id"


def folder_identity(data_dir: Path) -> str:
    """This data folder's own random identity (32 hex digits), made once and kept in a file of
    its own (not in the database: a restore or an import brings other data, not another folder).
    Calendar events carry it, so two data folders or two people never share an event's UID."""
    path = data_dir / FOLDER_ID_NAME
    found = _read_identity(path)
    if found is not None:
        return found
    made = uuid.uuid4().hex
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        found = _read_identity(path)  # written meanwhile by another process
        if found is not None:
            return found
        fd = os.open(path, os.O_TRUNC | os.O_WRONLY)  # unreadable: made again
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(made + "\n")
    return made


def _read_identity(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text if len(text) == 32 and all(c in "0123456789abcdef" for c in text) else None
