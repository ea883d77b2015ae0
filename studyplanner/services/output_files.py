"""Writing an export file whole or not at all, and never over anything but a regular file the
user agreed to replace: the checks on where it goes, a private temporary file beside it put into
place at the end, and CSV cells a spreadsheet will not execute. Every export (archive, CSV, audit
packet, calendar) writes through these.

A destination that is not a regular file (a folder, a symbolic link, a FIFO, a socket, a device)
is refused and left untouched: `os.replace` would swap the node itself out (as root, /dev/null
itself). An existing regular file is replaced only with `force` (the command line's `--force`,
the GUI's confirmation). The kind is checked (with lstat) before anything is written and again
just before the rename; without `force` the file is put in place with a hard link, which never
replaces anything that appeared meanwhile."""

from __future__ import annotations

import contextlib
import csv
import os
import secrets
import stat
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from studyplanner.core.validation import InvalidInput, problem
from studyplanner.services.database import Database
from studyplanner.services.file_kinds import kind_of_mode
from studyplanner.services.leftovers import PendingFiles

CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these would be run as a formula by a spreadsheet."""


class DestinationExists(InvalidInput):
    """The destination is a regular file and replacing it was not agreed (`force`): nothing
    was written. The command line adds how to agree (`--force`); the GUI asks first."""

    def __init__(self, path: Path, field: str) -> None:
        super().__init__([problem(field, "output_exists", path=str(path))])
        self.path = path


def check_destination(
    db: Database, path: Path, field: str = "path", *, force: bool = False
) -> None:
    """Before anything is written: the name is a file name in a folder that exists, it is not
    the app's own data (the database, its journals, backups, certificates), and nothing but a
    regular file (replaced only with `force`) is there; InvalidInput names `field`."""
    if not path.name or path.name in (".", ".."):
        raise InvalidInput([problem(field, "output_is_folder", path=str(path))])
    if not path.parent.is_dir():
        raise InvalidInput([problem(field, "output_no_folder", path=str(path.parent))])
    db.check_output(path, field)
    _check_kind(path, field, force)


def _check_kind(path: Path, field: str, force: bool) -> None:
    """What is at `path` now (not following a link): nothing, or a regular file with `force`."""
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InvalidInput(
            [problem(field, "output_unwritable", path=str(path), why=reason)]
        ) from exc
    if stat.S_ISDIR(mode):
        raise InvalidInput([problem(field, "output_is_folder", path=str(path))])
    if not stat.S_ISREG(mode):
        raise InvalidInput([problem(field, "output_special", path=str(path),
                                    kind=kind_of_mode(mode))])  # fmt: skip
    if not force:
        raise DestinationExists(path, field)


def temporary(path: Path, pending: PendingFiles) -> Path:
    """A new file beside `path`, readable by the user only (exports are personal data), listed
    in `pending` so that if the process dies before it is put in place, the next start removes
    it (services/leftovers)."""
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        os.close(fd)
        pending.temp(tmp)
        return tmp


def put_in_place(tmp: Path, path: Path, field: str = "path", *, force: bool = False) -> None:
    """The finished temporary file becomes `path`, after checking again what is there. With
    `force` a regular file there is replaced; without, nothing that appeared since the first
    check is ever replaced (a hard link cannot overwrite; where the file system has no hard
    links, the check just made stands)."""
    _check_kind(path, field, force)
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        _check_kind(path, field, force)  # names what appeared
        raise DestinationExists(path, field) from None
    except OSError:
        os.replace(tmp, path)  # no hard links here (FAT, some network shares)
        return
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()


def remove_old(path: Path, field: str = "path", *, force: bool = False) -> None:
    """Remove an earlier export at `path` (a regular file, with `force`); nothing else."""
    _check_kind(path, field, force)
    path.unlink(missing_ok=True)


@contextmanager
def unwritable(path: Path, field: str = "path") -> Iterator[None]:
    """An OSError while writing `path` becomes InvalidInput naming the file and the reason."""
    try:
        yield
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InvalidInput(
            [problem(field, "output_unwritable", path=str(path), why=reason)]
        ) from exc


def flush(handle: IO[bytes] | IO[str]) -> None:
    handle.flush()
    os.fsync(handle.fileno())


@contextmanager
def replaced_whole(
    db: Database, path: Path, field: str = "path", *, force: bool = False
) -> Iterator[Path]:
    """Yield a private temporary file beside `path`; on success it is put in place (see
    put_in_place), on any failure it is removed and `path` is untouched (and if the process
    dies, the next start of the app with `db`'s data folder removes it)."""
    with unwritable(path, field), PendingFiles(db.data_dir) as pending:
        tmp = temporary(path, pending)
        try:
            yield tmp
            put_in_place(tmp, path, field, force=force)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def csv_cell(text: str) -> str:
    """Defuse formula injection: a cell a spreadsheet would evaluate starts with an apostrophe."""
    return f"'{text}" if text.startswith(CSV_FORMULA_STARTS) else text


def write_csv(
    db: Database,
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    force: bool = False,
    bom: bool = True,
) -> int:
    """A UTF-8 CSV file (header row, then `rows`, every cell defused), written whole; returns
    the number of rows. With `bom` (the default) the file starts with a byte-order mark, which
    Excel needs to read it as UTF-8 ("Ärzte", not "Ã„rzte"); other readers skip it."""
    check_destination(db, path, force=force)
    count = 0
    with (
        replaced_whole(db, path, force=force) as tmp,
        tmp.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle,
    ):
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([csv_cell(cell) for cell in row])
            count += 1
        flush(handle)
    return count
