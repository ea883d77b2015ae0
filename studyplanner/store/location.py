"""Where the user's data lives. The one place that decides the data folder."""

from __future__ import annotations

import os
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
