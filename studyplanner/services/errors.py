"""Errors a caller of the services may need to tell apart (light: no SQLAlchemy import)."""

from studyplanner.store.errors import (
    DatabaseDamaged,
    DatabaseTooNew,
    DataFolderUnusable,
    NotADatabase,
    StoreError,
)

StoreProblem = StoreError
"""The data file cannot be used; `.user_message` says why in plain words, `.exit_code` for CLIs."""

__all__ = [
    "DataFolderUnusable",
    "DatabaseDamaged",
    "DatabaseTooNew",
    "NotADatabase",
    "StoreProblem",
]
