"""Writing an export file whole or not at all: the checks on where it goes, a private temporary
file beside it replaced into place at the end, and CSV cells a spreadsheet will not execute.
Every export (archive, CSV, audit packet, calendar) writes through these."""

from __future__ import annotations

import csv
import os
import secrets
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from studyplanner.core.validation import InvalidInput, Problem
from studyplanner.services.database import Database

CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these would be run as a formula by a spreadsheet."""


def check_destination(db: Database, path: Path, field: str = "path") -> None:
    """The folder must exist, the name must not be a folder, and the file must not be the app's
    own data (the database, its journals, backups, certificates); InvalidInput names `field`."""
    if not path.name or path.name in (".", "..") or path.is_dir():
        raise InvalidInput([Problem(field, f"{path} is a folder; give a file name.")])
    if not path.parent.is_dir():
        raise InvalidInput([Problem(field, f"The folder {path.parent} does not exist.")])
    db.check_output(path, field)


def temporary(path: Path) -> Path:
    """A new file beside `path`, readable by the user only (exports are personal data)."""
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp


@contextmanager
def unwritable(path: Path, field: str = "path") -> Iterator[None]:
    """An OSError while writing `path` becomes InvalidInput naming the file and the reason."""
    try:
        yield
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InvalidInput([Problem(field, f"{path} cannot be written: {reason}.")]) from exc


def flush(handle: IO[bytes] | IO[str]) -> None:
    handle.flush()
    os.fsync(handle.fileno())


@contextmanager
def replaced_whole(path: Path, field: str = "path") -> Iterator[Path]:
    """Yield a private temporary file beside `path`; on success it replaces `path`, on any
    failure it is removed and `path` is untouched."""
    with unwritable(path, field):
        tmp = temporary(path)
        try:
            yield tmp
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def csv_cell(text: str) -> str:
    """Defuse formula injection: a cell a spreadsheet would evaluate starts with an apostrophe."""
    return f"'{text}" if text.startswith(CSV_FORMULA_STARTS) else text


def write_csv(
    db: Database, path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]
) -> int:
    """A UTF-8 CSV file (header row, then `rows`, every cell defused), written whole; returns
    the number of rows."""
    check_destination(db, path)
    count = 0
    with replaced_whole(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([csv_cell(cell) for cell in row])
            count += 1
        flush(handle)
    return count
