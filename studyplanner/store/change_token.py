"""The change token: a value in the database file that every write changes.

One row of eight random bytes in `change_token`, replaced by a trigger after every INSERT, UPDATE
and DELETE on every table of the schema (migration 0008). Whatever writes (this app, the command
line, another program, an import, a merge) changes it, and a file put back from a backup carries
the token it had then. Start-up compares it with the token kept beside the Dashboard's figures
(services/first_paint.py): equal, nothing was written since those figures were read.

Bookkeeping of the store, not data: not in the ORM's schema, not in archives.
"""

from __future__ import annotations

import sqlite3

TABLE = "change_token"
UNWATCHED = frozenset({TABLE, "alembic_version", "sqlite_sequence"})
"""The tables without the trigger: the token itself, and the bookkeeping of Alembic and SQLite."""


def trigger_names(table: str) -> tuple[str, ...]:
    return tuple(f"{TABLE}_after_{event}_{table}" for event in ("insert", "update", "delete"))


def create_statements(table: str) -> tuple[str, ...]:
    """The three triggers that make every write to `table` change the token."""
    return tuple(
        f'CREATE TRIGGER "{name}" AFTER {event} ON "{table}" '
        f"BEGIN UPDATE {TABLE} SET token = randomblob(8); END"
        for name, event in zip(trigger_names(table), ("INSERT", "UPDATE", "DELETE"), strict=True)
    )


def read_token(conn: sqlite3.Connection) -> bytes | None:
    """The file's token, or None in a file from before the token (schema older than 0008)."""
    try:
        row = conn.execute(f"SELECT token FROM {TABLE}").fetchone()
    except sqlite3.OperationalError:  # no such table
        return None
    return bytes(row[0]) if row is not None and row[0] is not None else None
