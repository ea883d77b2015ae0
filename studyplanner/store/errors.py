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
from collections.abc import Sequence
from pathlib import Path

from studyplanner.core.validation import Problem, problem


class StoreError(Exception):
    """A problem with the user's data file that the user can act on."""

    exit_code = 3

    def __init__(self, user_message: str, sentences: Sequence[Problem] = ()) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.sentences = tuple(sentences)
        """The message as codes and values (core/problem_codes.py), one a sentence, for the
        GUI's words; empty when it has only its English."""

    @classmethod
    def said(cls, *sentences: Problem) -> StoreError:
        """The error whose message is these sentences (their English joined)."""
        return cls(" ".join(p.message for p in sentences), sentences)


NOT_DONE = {
    "backed up": "store_not_backed_up",
    "checked": "store_not_checked",
    "upgraded": "store_not_upgraded",
    "restored": "store_not_restored",
    "recovered": "store_not_recovered",
}
"""What was not done, by the `doing` of explain(), as a problem code."""


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
    where = str(path)
    action = [problem("", NOT_DONE[doing])] if doing in NOT_DONE else []
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseBusy.said(problem("", "store_busy", path=where), *action,
                                 problem("", "store_busy_what"))  # fmt: skip
    if code == SQLITE_FULL or os_errno == errno.ENOSPC:
        return DataFolderUnusable.said(problem("", "store_full", path=where), *action,
                                       problem("", "store_full_what"))  # fmt: skip
    if code in (SQLITE_READONLY, SQLITE_PERM) or os_errno in (errno.EROFS, errno.EACCES):
        return DataFolderUnusable.said(problem("", "store_read_only", path=where), *action,
                                       problem("", "store_read_only_what"))  # fmt: skip
    if code == SQLITE_IOERR or os_errno == errno.EIO:
        return DataFolderUnusable.said(problem("", "store_io", path=where), *action,
                                       problem("", "store_io_what"))  # fmt: skip
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseDamaged.said(problem("", "store_damaged", path=where), *action,
                                    problem("", "store_damaged_what"))  # fmt: skip
    if code == SQLITE_CANTOPEN:
        return DataFolderUnusable.said(problem("", "store_cannot_open", path=where), *action,
                                       problem("", "store_cannot_open_what"))  # fmt: skip
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
