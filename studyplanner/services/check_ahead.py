"""The database file's check started early, on a thread of its own, so it runs while the app
imports SQLAlchemy and Qt (store/file_check.py says why that works). `open_database(...,
ahead=...)` uses what it found."""

from __future__ import annotations

from pathlib import Path

from studyplanner.store.file_check import CheckAhead
from studyplanner.store.location import database_path, resolve_data_dir

__all__ = ["CheckAhead", "check_ahead"]


def check_ahead(data_dir: Path | str | None) -> CheckAhead:
    """Start checking the database in `data_dir` (quick_check, schema revision) now."""
    return CheckAhead(database_path(resolve_data_dir(data_dir)))
