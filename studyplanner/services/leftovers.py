"""Nothing left behind by an interrupted action.

An action that creates files before its transaction commits (an import staging and placing
certificates, an activity copying its certificate in, an export writing its temporary file)
lists them first in a journal of its own in the data folder's `.pending/`, and holds an operating
system lock on that journal while it runs. If the process dies (killed, crashed, power cut), the
lock dies with it: the next start, or `studyplanner check`, finds the journal unlocked and removes
what it lists: temporary files always, placed files unless a committed record points at them.
Copies of the database in the making (`.partial-*`) are locked while written and removed the
same way when their writer is gone.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from studyplanner.services.database import Database
from studyplanner.store import copies
from studyplanner.store.file_lock import held_elsewhere, try_lock, unlock
from studyplanner.store.location import backup_dir

PENDING_FOLDER = ".pending"
INCOMING_PREFIX = ".incoming-"
"""Certificates on their way into certificates/."""


class PendingFiles:
    """The journal of one action's files (use as a context manager around the action)."""

    def __init__(self, data_dir: Path) -> None:
        self.journal = data_dir / PENDING_FOLDER / f"{uuid.uuid4().hex}.json"
        self._fd = -1  # the journal is written on the first file listed
        self._temp: list[str] = []
        self._placed: list[str] = []

    def temp(self, path: Path) -> Path:
        """`path` is about to be written and must not outlive the action."""
        self._temp.append(str(path))
        self._append("temp", path)
        return path

    def placed(self, path: Path) -> Path:
        """`path` is about to get its final name: it stays only if the action commits a record
        pointing at it."""
        self._placed.append(str(path))
        self._append("placed", path)
        return path

    def _append(self, kind: str, path: Path) -> None:
        """One line per file, only ever appended: a kill while a line is written loses at most
        that line (the file it names is not made yet), never what was listed before. (Rewriting
        the whole journal each time lost every entry when a kill fell between its truncation and
        its write: an import's certificates were then left behind.)"""
        if self._fd < 0:
            self.journal.parent.mkdir(mode=0o700, exist_ok=True)
            flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_APPEND
            self._fd = os.open(self.journal, flags, 0o600)
            try_lock(self._fd)
        os.write(self._fd, (json.dumps({kind: str(path)}) + "\n").encode())
        os.fsync(self._fd)

    def close(self) -> None:
        """The action is over (committed or cleaned up after itself): forget the journal."""
        if self._fd < 0:
            return
        self.journal.unlink(missing_ok=True)
        unlock(self._fd)
        os.close(self._fd)
        self._fd = -1

    def __enter__(self) -> PendingFiles:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What a clean-up removed."""

    files: tuple[Path, ...]

    def __len__(self) -> int:
        return len(self.files)


def clean_up(db: Database) -> Cleaned:
    """Remove what interrupted actions left in this database's data folder."""

    def in_use() -> list[Path]:  # the ORM is only loaded when a journal asks for it
        from studyplanner.services.ceu_activities import certificates_in_use

        return certificates_in_use(db)

    return clean_leftovers(db.data_dir, in_use)


def clean_leftovers(data_dir: Path, referenced: Callable[[], Iterable[Path]]) -> Cleaned:
    """Remove what interrupted actions left in the data folder (see the module's words).
    `referenced()` gives the files committed records point at (read only when needed)."""
    removed: list[Path] = []
    live: set[str] = set()
    keep_cache: list[set[Path]] = []

    def kept() -> set[Path]:
        if not keep_cache:
            keep_cache.append({p.resolve() for p in referenced()})
        return keep_cache[0]

    certificates = data_dir / "certificates"
    folder = data_dir / PENDING_FOLDER
    for journal in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        entries = _read(journal)
        if held_elsewhere(journal):
            live.update(entries.get("temp", []) + entries.get("placed", []))
            continue
        for name in entries.get("temp", []):
            if _temporary(Path(name)):
                removed += _remove(Path(name))
        for name in entries.get("placed", []):
            path = Path(name)
            if path.parent == certificates and path.exists() and path.resolve() not in kept():
                removed += _remove(path)
        journal.unlink(missing_ok=True)
    for place in (data_dir, backup_dir(data_dir)):
        for partial in copies.partial_files(place):
            if str(partial) not in live and not held_elsewhere(partial):
                removed += _remove(partial)
    if certificates.is_dir():
        for incoming in sorted(certificates.glob(f"{INCOMING_PREFIX}*")):
            if str(incoming) not in live and not held_elsewhere(incoming):
                removed += _remove(incoming)
    return Cleaned(tuple(removed))


def _temporary(path: Path) -> bool:
    """Only files of the app's own temporary kinds are ever removed as temporary."""
    name = path.name
    return name.startswith((INCOMING_PREFIX, copies.PARTIAL_PREFIX)) or (
        name.startswith(".") and name.endswith(".part")
    )


def _read(journal: Path) -> dict[str, list[str]]:
    """The files a journal lists: one JSON line per file (a torn last line is skipped), or the
    single object {"temp": [...], "placed": [...]} that earlier versions wrote."""
    entries: dict[str, list[str]] = {"temp": [], "placed": []}
    try:
        raw = journal.read_bytes()
    except OSError:
        return entries
    for line in raw.splitlines():
        try:
            data = json.loads(line)
        except ValueError:
            continue  # the line a kill cut short: its file was never made
        if not isinstance(data, dict):
            continue
        for key, value in data.items():
            if key not in entries:
                continue
            values = value if isinstance(value, list) else [value]
            entries[key] += [v for v in values if isinstance(v, str)]
    return entries


def _remove(path: Path) -> list[Path]:
    try:
        if path.is_file() or path.is_symlink():
            path.unlink()
            return [path]
    except OSError:
        pass
    return []
