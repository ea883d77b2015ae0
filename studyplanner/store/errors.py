"""Problems with the user's data file, each with a message in plain words and an exit status.

Errors are split by who is to blame (qutebrowser style). What the environment did (the file is
locked, read-only, on a full or failing disk, damaged, cannot be opened) becomes a `StoreError`
with one sentence naming the file and what to do; anything else is our bug and is raised as it
is. SQLite's own error code decides (`sqlite_errorcode` on the exception), never the text of
its message.

Kept free of SQLAlchemy so the command line can catch them without importing it.
"""

from __future__ import annotations

import errno
from pathlib import Path


class StoreError(Exception):
    """A problem with the user's data file that the user can act on."""

    exit_code = 3

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class DatabaseBusy(StoreError):
    """Another program holds a lock on the file (exit 3)."""

    exit_code = 3


class NotADatabase(StoreError):
    exit_code = 4


class DatabaseDamaged(StoreError):
    exit_code = 4


class DatabaseTooNew(StoreError):
    exit_code = 5


class DataFolderUnusable(StoreError):
    """The folder or the disk cannot be used: read-only, full, failing, or not there (exit 6)."""

    exit_code = 6


# SQLite's primary result codes (https://www.sqlite.org/rescode.html); extended codes carry the
# primary code in their low byte.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code behind `exc` (a sqlite3 error, or a SQLAlchemy error
    wrapping one as `.orig`), or None when SQLite did not raise it."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        code = getattr(current, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return None


def explain(exc: BaseException, path: Path, doing: str = "") -> StoreError | None:
    """The user's sentence for an error SQLite (or the disk) raised while using the database
    at `path`, or None when it is not the environment's fault (our bug: let it rise).

    `doing` ("backed up", ...) names what was being done, for the sentences that need it."""
    code = sqlite_code(exc)
    os_errno = getattr(exc, "errno", None)
    action = f" It was not {doing}." if doing else ""
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseBusy(
            f"The database {path} is in use by another program, which kept it locked for "
            f"more than five seconds.{action} Close the other program (or wait) and try again."
        )
    if code == SQLITE_FULL or os_errno == errno.ENOSPC:
        return DataFolderUnusable(
            f"The disk holding {path} is full; nothing was written.{action} "
            "Free some space and try again."
        )
    if code in (SQLITE_READONLY, SQLITE_PERM) or os_errno in (errno.EROFS, errno.EACCES):
        return DataFolderUnusable(
            f"The database {path} is read-only; nothing was written.{action} Check the "
            "permissions of the file and its folder (the app needs to write there)."
        )
    if code == SQLITE_IOERR or os_errno == errno.EIO:
        return DataFolderUnusable(
            f"The disk holding {path} reported a read or write error.{action} Check the disk "
            "(or the network or removable drive it is on) and try again; your backups are in "
            "the data folder's backups folder."
        )
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseDamaged(
            f"The database {path} is damaged and cannot be read.{action} Restore a backup "
            "(they are in the data folder's backups folder); nothing more was written to it."
        )
    if code == SQLITE_CANTOPEN:
        return DataFolderUnusable(
            f"The database {path} cannot be opened: its folder is missing, unreadable or "
            f"full.{action} Check the data folder and try again."
        )
    return None


__all__ = [
    "DataFolderUnusable",
    "DatabaseBusy",
    "DatabaseDamaged",
    "DatabaseTooNew",
    "NotADatabase",
    "StoreError",
    "explain",
    "sqlite_code",
]
