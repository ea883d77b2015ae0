"""The Dashboard's figures kept between runs, so that the next start paints them before it
imports SQLAlchemy (about 300 ms) and reads the plan (about 80 ms at heavy data).

The figures are kept in `dashboard-figures.json` in the data folder each time the Dashboard reads
them, with the database's change token read just before them (store/change_token.py: every write
to any table, by anyone, replaces it). They are used at the next start only while all of these
are what they were: the token in the file, the day, the app's code and the schema revision.
So a session logged from the command line, a restore, an import or a new day all make the start
read the database as before. The figures stay what the services computed: nothing here decides
anything, and a file that is missing, unreadable or of another shape is ignored.

Imported before SQLAlchemy: this module must not import it (tests/test_app_start.py checks).
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import functools
import json
import threading
import types
import typing
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyplanner.services.atomic import atomic_write
from studyplanner.services.snapshots import ProgressSnapshot
from studyplanner.store.migrate import HEAD_REVISION

if TYPE_CHECKING:
    from studyplanner.services.database import Database

FILE_NAME = "dashboard-figures.json"
FORMAT = 2
"""Raised whenever the file's shape changes (an older file is then ignored)."""


@dataclasses.dataclass(frozen=True)
class Key:
    """What the kept figures were read with; equal keys, equal figures."""

    token: str
    """The change token, in hex."""
    today: date
    code: str
    """A stamp of the code that computed them (_code_stamp)."""
    revision: str


def token_of(db: Database) -> bytes | None:
    """The database's change token now (read before the figures it will be kept with)."""
    import sqlite3

    from studyplanner.store.change_token import read_token

    with db.read() as conn:
        driver = conn.connection.driver_connection
        return read_token(driver) if isinstance(driver, sqlite3.Connection) else None


@dataclasses.dataclass(frozen=True)
class Kept:
    figures: ProgressSnapshot
    offer_pending: bool
    """The figures came with a catch-up offer (a previewed plan change, not kept): the
    Dashboard reads it once the database is open, just after the first paint."""


def keep(data_dir: Path, token: bytes | None, *snapshots: ProgressSnapshot | None) -> None:
    """Keep `snapshots` (each for its own day), read after `token` was, for the next start (a
    catch-up offer is left out and read again then); forget what was kept when nothing can be
    (no token, no plan)."""
    path = data_dir / FILE_NAME
    entries = []
    for snapshot in snapshots:
        if token is None or snapshot is None:
            continue
        key = Key(token.hex(), snapshot.today, _code_stamp(), HEAD_REVISION)
        figures = dataclasses.replace(snapshot, catch_up=None)
        entries.append(
            {
                "key": _encode(key),
                "figures": _encode(figures),
                "offer": snapshot.catch_up is not None,
            }
        )
    with contextlib.suppress(OSError):  # a full disk or a read-only folder: the slow start
        if not entries:
            path.unlink(missing_ok=True)
            return
        content = {"format": FORMAT, "entries": entries}
        atomic_write(path, json.dumps(content, separators=(",", ":")).encode())


def keep_for_next_start(db: Database, today: date) -> None:
    """At exit: the figures of today and of tomorrow as the file now is, so that tomorrow's
    first start paints at once too when nothing is written meanwhile (the figures of a day
    depend on the data and that day alone). Never in the way of quitting: a problem with the
    file leaves nothing kept."""
    from studyplanner.services.errors import StoreProblem
    from studyplanner.services.progress import progress

    try:
        token = token_of(db)
        days = (today, today + timedelta(days=1))
        if token is not None and all(
            kept(db.data_dir, token, HEAD_REVISION, day) is not None for day in days
        ):
            return  # nothing was written since they were kept: nothing to read
        keep(db.data_dir, token, *(progress(db, day) for day in days))
    except StoreProblem:
        with contextlib.suppress(OSError):
            (db.data_dir / FILE_NAME).unlink(missing_ok=True)


def kept_for(data_dir: Path, today: date) -> bool:
    """Whether figures for `today`, computed by this code at this schema revision, are kept at
    all (the file's token is not known yet): start-up asks this before it waits for the file's
    check, and goes the usual way at once when there are none."""
    return any(
        key.today == today and key.code == _code_stamp() and key.revision == HEAD_REVISION
        for key, _entry in _entries(data_dir)
    )


def kept(data_dir: Path, token: bytes | None, revision: str | None, today: date) -> Kept | None:
    """The figures kept with this very token, for this day, by this code, from a file at this
    app's schema revision; else None."""
    if token is None or revision != HEAD_REVISION:
        return None
    wanted = Key(token.hex(), today, _code_stamp(), revision)
    try:
        for key, entry in _entries(data_dir):
            if key != wanted:
                continue
            offer = entry["offer"]
            if not isinstance(offer, bool):
                return None
            return Kept(_decode(ProgressSnapshot, entry["figures"]), offer)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return None


def _entries(data_dir: Path) -> list[tuple[Key, dict[str, Any]]]:
    """The file's entries with their keys; none when it is missing, unreadable or foreign."""
    try:
        content = json.loads((data_dir / FILE_NAME).read_bytes())
        if not isinstance(content, dict) or content.get("format") != FORMAT:
            return []
        return [(_decode(Key, entry["key"]), entry) for entry in content["entries"]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return []


@functools.cache
def _code_stamp() -> str:
    """A stamp of the code that computes the figures: every module of core/ and services/, its
    size and time of change (an upgrade or a reinstall writes them anew), so figures computed by
    other code are never painted. A frozen build has no such files: its version stands for them
    (read from the package's metadata, about 20 ms, so only there)."""
    import hashlib
    import os

    stamp = hashlib.sha256()
    root = Path(__file__).resolve().parents[1]
    found = 0
    for folder in ("core", "services"):
        with contextlib.suppress(OSError):
            for entry in sorted(os.scandir(root / folder), key=lambda e: e.name):
                if entry.name.endswith(".py"):
                    info = entry.stat()
                    stamp.update(
                        f"{folder}/{entry.name}:{info.st_size}:{info.st_mtime_ns};".encode()
                    )
                    found += 1
    if not found:
        from studyplanner import version

        stamp.update(version().encode())
    return stamp.hexdigest()[:24]


class DeferredDatabase:
    """Stands for the Database while the window is built and painted from kept figures: the
    first use opens it (`open()` is called right after the first paint; services/database.py
    and SQLAlchemy are imported then). Every attribute is the opened Database's."""

    def __init__(self, data_dir: Path, opener: Callable[[], Database]) -> None:
        self.data_dir = data_dir
        self._opener = opener
        self._db: Database | None = None
        self._lock = threading.Lock()  # the worker may be the first to ask (a backup's timer)

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def open(self) -> Database:
        with self._lock:
            if self._db is None:
                self._db = self._opener()
            return self._db

    def close(self) -> None:
        """Close it if it was opened (never opened just to be closed)."""
        if self._db is not None:
            self._db.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.open(), name)


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"cannot keep {type(value).__name__}")


def _decode(kind: Any, value: Any) -> Any:
    """`value` read back as `kind` (a type hint), refusing (TypeError, ValueError) what does
    not fit it."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if value is None and type(None) in options:
            return None
        (single,) = [o for o in options if o is not type(None)]
        return _decode(single, value)
    if kind is Any:  # the catch-up offer: never kept
        if value is not None:
            raise TypeError("an offer is not kept")
        return None
    if origin is tuple:
        args = typing.get_args(kind)
        if not isinstance(value, list):
            raise TypeError("not a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        if len(args) != len(value):
            raise TypeError("not of its length")
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        if not isinstance(value, dict):
            raise TypeError("not an object")
        fields = [f for f in dataclasses.fields(kind) if f.init]
        return kind(**{f.name: _decode(hints[f.name], value[f.name]) for f in fields})
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(value)
    if kind is date:
        if not isinstance(value, str):
            raise TypeError("not a date")
        return date.fromisoformat(value)
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind in (int, str, bool) and type(value) is kind:
        return value
    raise TypeError(f"not a {kind}")
