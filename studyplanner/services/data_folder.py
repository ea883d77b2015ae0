"""Where the user's data lives: the one way the CLI and the app reach the data folder (the
store layer decides the places; everything above it asks here)."""

from __future__ import annotations

from studyplanner.store.location import (
    EMPTY_DATA_DIR,
    EmptyDataDir,
    backup_dir,
    database_path,
    resolve_data_dir,
)

__all__ = ["EMPTY_DATA_DIR", "EmptyDataDir", "backup_dir", "database_path", "resolve_data_dir"]
