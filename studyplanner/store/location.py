"""Where the user's data lives. The one place that decides the data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "StudyPlanner"
ENV_VAR = "STUDYPLANNER_DATA_DIR"
DATABASE_NAME = "studyplanner.sqlite3"
BACKUP_FOLDER = "backups"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir` wins, then $STUDYPLANNER_DATA_DIR, then the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER
