"""Problems with the user's data file, each with a message in plain words and an exit status.

Kept free of SQLAlchemy so the command line can catch them without importing it.
"""

from __future__ import annotations


class StoreError(Exception):
    """A problem with the user's data file that the user can act on."""

    exit_code = 3

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class NotADatabase(StoreError):
    exit_code = 4


class DatabaseDamaged(StoreError):
    exit_code = 4


class DatabaseTooNew(StoreError):
    exit_code = 5


class DataFolderUnusable(StoreError):
    exit_code = 6
