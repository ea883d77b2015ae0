"""Everything the learner has, as one archive file, and back again; and the study log as CSV.

The archive is a zip: `studyplanner-archive.json` holds every row of every table (read from the
one schema definition, `store.tables.metadata`, so a new table is covered without a change here)
with the schema revision it was written at, and `certificates/<name>` holds each certificate file
an activity refers to.

Importing checks the whole archive before anything is written (`read_archive`): the zip itself
(size, zip bombs), the JSON (UTF-8, shape), every row (exactly the table's columns, each value of
its column's type, keys unique, foreign keys pointing at rows in the archive, the tables' check
constraints) and every certificate (a plain file name, present, of a known kind). A problem
raises `ArchiveError` (an `InvalidInput`) naming the file, the record and the field. Then the
database is backed up and the rows are written in one transaction: all of them, or none.

No Qt: the GUI runs these in a worker (progress and cancel are two callables) and the CLI calls
them directly. Files appear whole or not at all (temporary file, then `os.replace`).
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import math
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Literal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    UniqueConstraint,
    create_engine,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from studyplanner.core.validation import InvalidInput, Problem
from studyplanner.services.credentials import (
    CERTIFICATE_KINDS,
    MAX_CERTIFICATE_BYTES,
    certificates_dir,
)
from studyplanner.services.database import Database
from studyplanner.services.output_files import check_destination, flush, replaced_whole, write_csv
from studyplanner.services.study_log import list_sessions
from studyplanner.store import db as store_db
from studyplanner.store import tables
from studyplanner.store.migrate import HEAD_REVISION, KNOWN_REVISIONS

__all__ = [
    "ArchiveCancelled",
    "ArchiveContents",
    "ArchiveError",
    "ArchiveSummary",
    "ImportSummary",
    "export_archive",
    "import_archive",
    "read_archive",
    "write_sessions_csv",
]

ARCHIVE_JSON = "studyplanner-archive.json"
CERTIFICATE_FOLDER = "certificates/"
ARCHIVE_FORMAT = 1
MAX_ARCHIVE_BYTES = 2 * 1024**3
"""At most this much, unpacked, in one archive (and the zip file itself is no larger)."""
MAX_JSON_BYTES = 200 * 1024**2
MAX_ENTRIES = 100_000
MAX_RATIO = 200
"""An entry larger than RATIO_FLOOR that unpacks to more than this many times its packed size is
taken for a zip bomb (real data compresses far less)."""
RATIO_FLOOR = 1024**2
MAX_INTEGER = 2**53
"""Whole numbers must be smaller than this in size (what every JSON reader keeps exactly)."""
MAX_TEXT = 1_000_000
"""Characters in one Text value (String columns have their own, smaller, length)."""
MAX_NUMBER_DIGITS = 30
MAX_PROBLEMS = 20
"""Stop looking after this many problems: a thoroughly broken archive gets a readable answer."""
CHUNK_ROWS = 500
"""Rows written (and progress reported, and cancelling checked) at a time."""
"""As in ceu_export: a spreadsheet may run a cell starting with one of these as a formula."""
SESSIONS_CSV_COLUMNS = ("date", "module", "minutes", "note")
CERTIFICATE_COLUMN = ("ceu_activities", "certificate_file")
"""Where rows name a file of the data folder's certificates/ (carried inside the archive)."""
ONE_TRUE_COLUMNS = {"plans": "is_active"}
"""Columns true in at most one row: merging keeps the data folder's own row true, if it has one."""
WINDOWS_DEVICE_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)]
)
_CERTIFICATE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}", re.ASCII)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?", re.ASCII
)
_TOP_KEYS = ("format", "schema", "exported_at", "tables")

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
ImportMode = Literal["merge", "replace"]


class ArchiveError(InvalidInput):
    """The archive cannot be used; each problem's `field` says where (file, table, row, field)."""

    def sentences(self) -> list[str]:
        """'<where>: <what>.' for each problem, e.g. 'studyplanner-archive.json: table
        ceu_activities, row 3, field units_hundredths: expected a whole number.'"""
        return [
            f"{p.field}: {p.message}" + ("" if p.message.endswith((".", "?", "!")) else ".")
            for p in self.problems
        ]


class ArchiveCancelled(Exception):
    """The user stopped the export or import; nothing was left behind or changed."""


@dataclass(frozen=True, slots=True)
class ArchiveSummary:
    """What `export_archive` wrote."""

    path: Path
    rows: Mapping[str, int]  # table name -> rows written
    certificates: int  # certificate files in the archive
    missing_certificates: tuple[str, ...] = ()
    """Certificate files activities refer to but the data folder no longer has: exported without
    a certificate (the activity itself is kept)."""

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


@dataclass(frozen=True, slots=True)
class CertificateEntry:
    name: str  # the file name in certificates/
    member: str  # the zip entry
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class ArchiveContents:
    """A checked archive: every value already of its column's Python type."""

    path: Path
    format: int
    schema: str
    exported_at: datetime
    tables: Mapping[str, tuple[dict[str, Any], ...]]
    certificates: Mapping[str, CertificateEntry]

    @property
    def total_rows(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


@dataclass(frozen=True, slots=True)
class ImportSummary:
    mode: ImportMode
    backup: Path  # the database as it was before the import
    added: Mapping[str, int]  # table name -> rows written
    kept: Mapping[str, int] = field(default_factory=dict)
    """Merge: archive rows not written because the data folder already has them (a credential of
    the same name, its cycles, identical CEU activities) or its own (settings, reminder states,
    the study timer)."""
    filled: Mapping[str, int] = field(default_factory=dict)
    """Merge: rows of the folder the archive had more about, whose blanks it filled in (an
    activity's certificate, a credential's renewal date, a cycle's closing date)."""
    certificates: int = 0  # certificate files copied into the data folder
    renamed_certificates: int = 0
    """Certificates stored under another name than in the archive (another file had it)."""

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


# -- where a problem is --------------------------------------------------------------------------


def _where(table: str, row: int | None = None, column: str | None = None) -> str:
    place = f"{ARCHIVE_JSON}: table {table}"
    if row is not None:
        place += f", row {row}"
    if column is not None:
        place += f", field {column}"
    return place


class _Problems:
    """Problems found so far; raises once there are enough to stop looking."""

    def __init__(self) -> None:
        self.found: list[Problem] = []

    def add(self, place: str, message: str) -> None:
        self.found.append(Problem(place, message))
        if len(self.found) >= MAX_PROBLEMS:
            self.raise_if_any()

    def raise_if_any(self) -> None:
        if self.found:
            raise ArchiveError(self.found)


def _fail(place: str, message: str) -> ArchiveError:
    return ArchiveError([Problem(place, message)])


# -- the columns' kinds --------------------------------------------------------------------------

Kind = Literal["boolean", "datetime", "date", "integer", "float", "text"]


def _kind(column: Column[Any]) -> Kind:
    kind = column.type
    if isinstance(kind, Boolean):
        return "boolean"
    if isinstance(kind, DateTime):
        return "datetime"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, Integer):
        return "integer"
    if isinstance(kind, Float):
        return "float"
    if isinstance(kind, String):
        return "text"
    raise TypeError(f"The archive has no rule for {column.table.name}.{column.name} ({kind!r}).")


@functools.cache
def _serial_key(table: Table) -> Column[Any] | None:
    """The table's own integer id (renumbered when merging), or None for tables keyed by text,
    by other tables' ids, or holding a single row (`id = 1`)."""
    keys = list(table.primary_key.columns)
    if len(keys) != 1 or _kind(keys[0]) != "integer" or keys[0].foreign_keys:
        return None
    only_one = re.compile(rf"\s*{re.escape(keys[0].name)}\s*=\s*1\s*")
    for constraint in table.constraints:
        if isinstance(constraint, CheckConstraint) and only_one.fullmatch(str(constraint.sqltext)):
            return None
    return keys[0]


def _reference(column: Column[Any]) -> Column[Any] | None:
    """The column this one points at (single-column foreign keys, as every one of ours is)."""
    for foreign_key in column.foreign_keys:
        return foreign_key.column
    return None


def _unique_sets(table: Table) -> list[tuple[str, ...]]:
    """Column sets that must be unique: the primary key, unique constraints, unique indexes."""
    sets = [tuple(c.name for c in table.primary_key.columns)]
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            sets.append(tuple(c.name for c in constraint.columns))
    for index in table.indexes:
        if index.unique:
            sets.append(tuple(c.name for c in index.columns if isinstance(c, Column)))
    return [s for s in dict.fromkeys(sets) if s]


# -- values: to JSON and back --------------------------------------------------------------------


class _BadValue(Exception):
    pass


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _from_json(column: Column[Any], kind: Kind, value: Any, *, is_id: bool = False) -> Any:
    """The archive's `value` as the Python value the column holds; _BadValue says what is wrong.
    `is_id`: the column is its table's own integer id (1 or more)."""
    if value is None:
        if not column.nullable:
            raise _BadValue("must have a value (null is not allowed here)")
        return None
    if kind == "boolean":
        if not isinstance(value, bool):
            raise _BadValue("expected true or false")
        return value
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise _BadValue("expected a whole number")
        if abs(value) >= MAX_INTEGER:
            raise _BadValue(f"the number {value} is too large")
        if is_id and value < 1:
            raise _BadValue("an id must be 1 or more")
        return value
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _BadValue("expected a number")
        if isinstance(value, int) and abs(value) >= MAX_INTEGER:
            raise _BadValue(f"the number {value} is too large")
        if not math.isfinite(value):
            raise _BadValue("expected a finite number")
        return float(value)
    if not isinstance(value, str):
        raise _BadValue({"text": "expected text",
                         "date": "expected a date as text (YYYY-MM-DD)",
                         "datetime": "expected a date and time as text (YYYY-MM-DDTHH:MM:SS)",
                         }[kind])  # fmt: skip
    if kind == "date":
        if not _DATE.fullmatch(value):
            raise _BadValue(f"expected a date as YYYY-MM-DD, not {_quote(value)}")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _BadValue(f"{value} is not a real date") from None
    if kind == "datetime":
        if not _DATETIME.fullmatch(value):
            raise _BadValue(f"expected a date and time as YYYY-MM-DDTHH:MM:SS, not {_quote(value)}")
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise _BadValue(f"{value} is not a real date and time") from None
    limit = getattr(column.type, "length", None) or MAX_TEXT
    if len(value) > limit:
        raise _BadValue(f"longer than {limit} characters ({len(value)})")
    if "\x00" in value:
        raise _BadValue("contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _BadValue("contains characters that are not valid Unicode text") from None
    return value


def _quote(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")


# -- the certificates' names ---------------------------------------------------------------------


def certificate_name_problem(name: str) -> str | None:
    """Why `name` cannot be a file of certificates/ (None when it can): a plain file name of
    letters, digits, '.', '_' and '-', with a certificate's suffix; no folders, no '..', no
    drive letters, no device names."""
    if not isinstance(name, str) or not name:
        return "expected a file name"
    if "/" in name or "\\" in name or ":" in name or "\x00" in name or ".." in name:
        return f"{_quote(name)} is not a plain file name (it names a folder or another place)"
    if not _CERTIFICATE_NAME.fullmatch(name):
        return f"{_quote(name)} is not a plain file name (letters, digits, '.', '_', '-' only)"
    suffix = Path(name).suffix.lower()
    if suffix not in CERTIFICATE_KINDS:
        return f"{_quote(name)} is not a PDF or an image file name"
    if name.split(".")[0].upper() in WINDOWS_DEVICE_NAMES:
        return f"{_quote(name)} is a reserved device name on Windows"
    return None


def _certificate_references(rows: Sequence[Mapping[str, Any]]) -> list[tuple[int, str]]:
    column = CERTIFICATE_COLUMN[1]
    return [(i, row[column]) for i, row in enumerate(rows, 1) if row.get(column) is not None]


# -- export --------------------------------------------------------------------------------------


@contextmanager
def _snapshot(db: Database) -> Iterator[Connection]:
    """A connection reading one consistent state of the database, whatever is written meanwhile
    (otherwise a row added between two tables' reads could point at a row not exported)."""
    with db.engine.connect() as conn:
        driver = conn.connection.driver_connection
        if driver is not None and not driver.in_transaction:
            conn.exec_driver_sql("BEGIN")
        try:
            yield conn
        finally:
            conn.rollback()


def _stepper(progress: Progress | None, cancelled: Cancelled | None, total: int, what: str
             ) -> Callable[[int], None]:  # fmt: skip
    def step(done: int) -> None:
        if cancelled is not None and cancelled():
            raise ArchiveCancelled(f"The {what} was cancelled.")
        if progress is not None:
            progress(min(done, total), total)

    return step


def export_archive(
    db: Database,
    path: Path,
    *,
    now: datetime,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ArchiveSummary:
    """Write everything (every table, every certificate file an activity refers to) to the zip
    archive `path`, replacing any file there only once the archive is complete.

    `progress(done, total)` is called as rows and files are written; when `cancelled()` turns
    true the partial file is removed and ArchiveCancelled is raised. A destination that cannot be
    written raises InvalidInput("path"); a stored value that an import would refuse (so the
    archive could never be read back) raises ArchiveError naming its table, id and field."""
    path = Path(path)
    check_destination(db, path)
    folder = certificates_dir(db)
    with replaced_whole(path) as tmp, _snapshot(db) as conn:
        counts = {
            t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
            for t in tables.metadata.sorted_tables
        }
        activities = tables.metadata.tables[CERTIFICATE_COLUMN[0]]
        cert_column = activities.c[CERTIFICATE_COLUMN[1]]
        referenced = sorted(
            name for (name,) in conn.execute(select(cert_column).distinct()) if name is not None
        )
        present = [
            n for n in referenced if certificate_name_problem(n) is None and (folder / n).is_file()
        ]
        missing = frozenset(referenced) - set(present)
        step = _stepper(progress, cancelled, sum(counts.values()) + len(present), "export")
        step(0)
        with tmp.open("wb") as handle:
            with zipfile.ZipFile(handle, "w") as archive:
                info = zipfile.ZipInfo(ARCHIVE_JSON, date_time=now.timetuple()[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                with archive.open(info, "w", force_zip64=True) as raw:
                    text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
                    done = _write_json(conn, text, now, missing, step)
                    text.flush()
                    text.detach()
                for name in present:
                    member = zipfile.ZipInfo(
                        CERTIFICATE_FOLDER + name, date_time=now.timetuple()[:6]
                    )
                    with (
                        (folder / name).open("rb") as source,
                        archive.open(member, "w", force_zip64=True) as target,
                    ):
                        shutil.copyfileobj(source, target, 1 << 20)
                    done += 1
                    step(done)
            flush(handle)
        step(done)
    return ArchiveSummary(
        path=path,
        rows=counts,
        certificates=len(present),
        missing_certificates=tuple(sorted(missing)),
    )


def _write_json(
    conn: Connection,
    text: IO[str],
    now: datetime,
    missing: frozenset[str],
    step: Callable[[int], None],
) -> int:
    """The JSON document, one row a line; returns the number of rows written."""
    head = {"format": ARCHIVE_FORMAT, "schema": HEAD_REVISION, "exported_at": now.isoformat()}
    text.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "tables": {')
    done = 0
    for t_index, table in enumerate(tables.metadata.sorted_tables):
        text.write(("," if t_index else "") + f"\n{json.dumps(table.name)}: [")
        columns = list(table.columns)
        kinds = [_kind(c) for c in columns]
        serial = _serial_key(table)
        is_cert_table = table.name == CERTIFICATE_COLUMN[0]
        query = select(table).order_by(*table.primary_key.columns)
        for r_index, row in enumerate(conn.execute(query)):
            record = {c.name: _to_json(v) for c, v in zip(columns, row, strict=True)}
            if is_cert_table and record[CERTIFICATE_COLUMN[1]] in missing:
                record[CERTIFICATE_COLUMN[1]] = None
            for column, kind in zip(columns, kinds, strict=True):
                try:
                    _from_json(column, kind, record[column.name], is_id=column is serial)
                except _BadValue as exc:
                    key = ", ".join(f"{k.name} {record[k.name]}" for k in table.primary_key)
                    raise _fail(
                        f"table {table.name}, row with {key}, field {column.name}",
                        f"{exc}; an archive could not be read back with it, so nothing was "
                        "exported. Correct it in the app and export again.",
                    ) from None
            text.write(("," if r_index else "") + "\n")
            text.write(json.dumps(record, ensure_ascii=False, allow_nan=False))
            done += 1
            if done % CHUNK_ROWS == 0:
                step(done)
        text.write("\n]")
    text.write("\n}}\n")
    return done


# -- reading an archive --------------------------------------------------------------------------


class _BadJson(ValueError):
    pass


def _no_constant(name: str) -> Any:
    raise _BadJson(f"{name} is not a number an archive may hold")


def _whole_number(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _BadJson(f"a number with more than {MAX_NUMBER_DIGITS} digits")
    return int(text)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _BadJson(f"the key {_quote(key)} appears twice in one object")
        result[key] = value
    return result


def _parse_json(data: bytes) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(
            ARCHIVE_JSON,
            f"is not UTF-8 text (byte {exc.start} cannot be read); it was not written by "
            "Study Planner or was changed since",
        ) from None
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(
            text,
            parse_constant=_no_constant,
            parse_int=_whole_number,
            object_pairs_hook=_no_duplicate_keys,
        )
    except json.JSONDecodeError as exc:
        raise _fail(
            ARCHIVE_JSON, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except _BadJson as exc:
        raise _fail(ARCHIVE_JSON, str(exc)) from None
    except RecursionError:
        raise _fail(ARCHIVE_JSON, "is nested too deeply to be a Study Planner archive") from None


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, sink: Callable[[bytes], None]
) -> None:
    """Unpack one entry into `sink`, refusing more than `limit` bytes whatever its header says.
    Everything that can go wrong unpacking a damaged or hostile zip becomes an ArchiveError."""
    read = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(1 << 20):
                read += len(chunk)
                if read > limit:
                    raise _fail(info.filename, f"is larger than {limit // 1024**2} MB")
                sink(chunk)
    except ArchiveError:
        raise
    except Exception as exc:  # zipfile, zlib, bz2, lzma: many ways to say "damaged"
        raise _fail(info.filename, f"cannot be unpacked: the archive is damaged ({exc})") from None


def _zip_entries(path: Path, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    where = path.name
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise _fail(
            where, f"holds more than {MAX_ENTRIES} files; it is not a Study Planner archive"
        )
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in entries:
        if info.filename in by_name:
            raise _fail(info.filename, "appears twice in the archive")
        by_name[info.filename] = info
        if info.flag_bits & 0x1:
            raise _fail(info.filename, "is password-protected; Study Planner cannot read it")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED,
                                      zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):  # fmt: skip
            raise _fail(info.filename, "is compressed in a way Study Planner cannot read")
        total += info.file_size
        if total > MAX_ARCHIVE_BYTES:
            raise _fail(where, f"unpacks to more than {MAX_ARCHIVE_BYTES // 1024**3} GB")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _fail(info.filename, "unpacks to far more than it holds (a 'zip bomb'); refused")
    return by_name


def read_archive(path: Path, *, cancelled: Cancelled | None = None) -> ArchiveContents:
    """Read and check the whole archive at `path` without writing anything anywhere.

    Raises ArchiveError (an InvalidInput) naming the problems (at most MAX_PROBLEMS of them), or
    ArchiveCancelled when `cancelled()` turns true."""
    path = Path(path)
    try:
        if path.is_dir():
            raise _fail(str(path), "is a folder, not an archive file")
        size = path.stat().st_size
    except FileNotFoundError:
        raise _fail(str(path), "does not exist") from None
    except OSError as exc:
        raise _fail(str(path), f"cannot be read: {exc.strerror or exc}") from None
    if size > MAX_ARCHIVE_BYTES:
        raise _fail(path.name, f"is larger than {MAX_ARCHIVE_BYTES // 1024**3} GB")
    try:
        archive = zipfile.ZipFile(path)
    except OSError as exc:
        raise _fail(str(path), f"cannot be read: {exc.strerror or exc}") from None
    except Exception:  # BadZipFile, and what a damaged directory makes zipfile raise
        raise _fail(
            path.name, "is not a Study Planner archive (not a zip file, or a damaged one)"
        ) from None
    with archive:
        entries = _zip_entries(path, archive)
        info = entries.get(ARCHIVE_JSON)
        if info is None:
            raise _fail(path.name, f"has no {ARCHIVE_JSON}: it is not a Study Planner archive")
        if info.file_size > MAX_JSON_BYTES:
            raise _fail(ARCHIVE_JSON, f"is larger than {MAX_JSON_BYTES // 1024**2} MB")
        buffer = bytearray()
        _read_member(archive, info, MAX_JSON_BYTES, buffer.extend)
        document = _parse_json(bytes(buffer))
        del buffer
        if cancelled is not None and cancelled():
            raise ArchiveCancelled("The import was cancelled.")
        fmt, schema, exported_at, raw_tables = _check_top(document)
        rows = _check_tables(raw_tables, schema, cancelled)
        certificates = _check_certificates(archive, entries, rows, cancelled)
    _check_constraints(rows)
    return ArchiveContents(
        path=path,
        format=fmt,
        schema=schema,
        exported_at=exported_at,
        tables={name: tuple(table_rows) for name, table_rows in rows.items()},
        certificates=certificates,
    )


def _check_top(document: Any) -> tuple[int, str, datetime, dict[str, Any]]:
    if not isinstance(document, dict):
        raise _fail(ARCHIVE_JSON, "expected a JSON object at the top")
    fmt = document.get("format")
    if isinstance(fmt, bool) or not isinstance(fmt, int):
        raise _fail(f"{ARCHIVE_JSON}: format", "missing or not a whole number")
    if fmt > ARCHIVE_FORMAT:
        raise _fail(
            f"{ARCHIVE_JSON}: format",
            f"the archive was written by a newer version of Study Planner (format {fmt}); "
            "install the newer version to import it",
        )
    if fmt != ARCHIVE_FORMAT:
        raise _fail(f"{ARCHIVE_JSON}: format", f"unknown archive format {fmt}")
    schema = document.get("schema")
    if not isinstance(schema, str):
        raise _fail(f"{ARCHIVE_JSON}: schema", "missing or not text")
    if schema not in KNOWN_REVISIONS:
        raise _fail(
            f"{ARCHIVE_JSON}: schema",
            f"the archive was written by a newer version of Study Planner (schema "
            f"{_quote(schema)}); install the newer version to import it",
        )
    extra = sorted(set(document) - set(_TOP_KEYS))
    if extra:
        raise _fail(f"{ARCHIVE_JSON}: {extra[0]}", "is not part of a Study Planner archive")
    raw_time = document.get("exported_at")
    stamp = Column("exported_at", DateTime, nullable=False)
    try:
        exported_at: datetime = _from_json(stamp, "datetime", raw_time)
    except _BadValue as exc:
        raise _fail(f"{ARCHIVE_JSON}: exported_at", str(exc)) from None
    raw_tables = document.get("tables")
    if not isinstance(raw_tables, dict):
        raise _fail(f"{ARCHIVE_JSON}: tables", "missing or not an object of tables")
    return fmt, schema, exported_at, raw_tables


def _check_tables(
    raw_tables: dict[str, Any], schema: str, cancelled: Cancelled | None
) -> dict[str, list[dict[str, Any]]]:
    known = tables.metadata.tables
    problems = _Problems()
    for name in raw_tables:
        if name not in known:
            problems.add(_where(name), "is not a table of Study Planner")
    for name in known:
        if name not in raw_tables and schema == HEAD_REVISION:
            problems.add(_where(name), "is missing from the archive")
    problems.raise_if_any()
    result: dict[str, list[dict[str, Any]]] = {}
    for table in tables.metadata.sorted_tables:
        raw_rows = raw_tables.get(table.name, [])
        if not isinstance(raw_rows, list):
            problems.add(_where(table.name), "expected a list of rows")
            continue
        result[table.name] = _check_rows(table, raw_rows, problems)
        if cancelled is not None and cancelled():
            raise ArchiveCancelled("The import was cancelled.")
    problems.raise_if_any()
    for table in tables.metadata.sorted_tables:
        _check_keys(table, result, problems)
    problems.raise_if_any()
    return result


def _check_rows(table: Table, raw_rows: list[Any], problems: _Problems) -> list[dict[str, Any]]:
    columns = [(c, _kind(c)) for c in table.columns]
    wanted = {c.name for c, _ in columns}
    serial = _serial_key(table)
    rows: list[dict[str, Any]] = []
    for number, raw in enumerate(raw_rows, 1):
        if not isinstance(raw, dict):
            problems.add(_where(table.name, number), "expected an object (a row)")
            continue
        for extra in sorted(set(raw) - wanted):
            problems.add(_where(table.name, number, extra), "is not a column of this table")
        row: dict[str, Any] = {}
        for column, kind in columns:
            if column.name not in raw:
                problems.add(_where(table.name, number, column.name), "is missing")
                continue
            try:
                row[column.name] = _from_json(
                    column, kind, raw[column.name], is_id=column is serial
                )
            except _BadValue as exc:
                problems.add(_where(table.name, number, column.name), str(exc))
        rows.append(row)
    return rows


def _check_keys(
    table: Table, rows_by_table: Mapping[str, list[dict[str, Any]]], problems: _Problems
) -> None:
    """Keys unique within the table; foreign keys pointing at rows of the archive."""
    rows = rows_by_table[table.name]
    for columns in _unique_sets(table):
        seen: dict[tuple[Any, ...], int] = {}
        for number, row in enumerate(rows, 1):
            key = tuple(row[c] for c in columns)
            if any(v is None for v in key):
                continue  # NULLs never clash
            if key in seen:
                problems.add(
                    _where(table.name, number, ", ".join(columns)),
                    f"the same {'key' if len(columns) == 1 else 'combination'} as row "
                    f"{seen[key]} ({', '.join(str(v) for v in key)}); it must be unique",
                )
            else:
                seen[key] = number
    for column in table.columns:
        target = _reference(column)
        if target is None:
            continue
        present = {row[target.name] for row in rows_by_table[target.table.name]}
        for number, row in enumerate(rows, 1):
            value = row[column.name]
            if value is not None and value not in present:
                problems.add(
                    _where(table.name, number, column.name),
                    f"points at {target.table.name} {target.name} {value}, "
                    "which is not in the archive",
                )


def _check_certificates(
    archive: zipfile.ZipFile,
    entries: Mapping[str, zipfile.ZipInfo],
    rows: Mapping[str, list[dict[str, Any]]],
    cancelled: Cancelled | None,
) -> dict[str, CertificateEntry]:
    problems = _Problems()
    table, column = CERTIFICATE_COLUMN
    wanted: dict[str, zipfile.ZipInfo] = {}
    for number, name in _certificate_references(rows[table]):
        place = _where(table, number, column)
        why = certificate_name_problem(name)
        if why is not None:
            problems.add(place, why)
            continue
        info = entries.get(CERTIFICATE_FOLDER + name)
        if info is None or info.is_dir():
            problems.add(place, f"names {CERTIFICATE_FOLDER}{name}, which is not in the archive")
            continue
        if info.file_size > MAX_CERTIFICATE_BYTES:
            problems.add(info.filename, "is larger than 50 MB")
            continue
        wanted[name] = info
    problems.raise_if_any()
    found: dict[str, CertificateEntry] = {}
    for name, info in sorted(wanted.items()):
        if cancelled is not None and cancelled():
            raise ArchiveCancelled("The import was cancelled.")
        digest = hashlib.sha256()
        head = bytearray()

        def sink(chunk: bytes, digest: Any = digest, head: bytearray = head) -> None:
            digest.update(chunk)
            if len(head) < 16:
                head.extend(chunk[: 16 - len(head)])

        _read_member(archive, info, MAX_CERTIFICATE_BYTES, sink)
        suffix = Path(name).suffix.lower()
        if not any(bytes(head).startswith(magic) for magic in CERTIFICATE_KINDS[suffix]):
            problems.add(info.filename, f"is not really a {suffix[1:].upper()} file")
            continue
        found[name] = CertificateEntry(name, info.filename, info.file_size, digest.hexdigest())
    problems.raise_if_any()
    return found


def _check_constraints(rows: Mapping[str, list[dict[str, Any]]]) -> None:
    """Load the rows into an empty in-memory database of the same schema: what breaks a check
    constraint (or anything else the database refuses) is found here, before any real write.
    All rows at once first; only when that fails, row by row to say which."""
    if not _load_in_memory(rows, one_by_one=False):
        return
    problems = _load_in_memory(rows, one_by_one=True)
    raise ArchiveError(
        problems or [Problem(ARCHIVE_JSON, "the rows cannot be stored together (refused)")]
    )


def _load_in_memory(rows: Mapping[str, list[dict[str, Any]]], *, one_by_one: bool) -> list[Problem]:
    """Problems found (all rows at once: a list with one empty placeholder if any is refused)."""
    engine = create_engine("sqlite://")
    problems: list[Problem] = []
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            tables.metadata.create_all(conn)
            conn.commit()
            for table in tables.metadata.sorted_tables:
                table_rows = rows.get(table.name, [])
                if not one_by_one and table_rows:
                    try:
                        conn.execute(insert(table), table_rows)
                    except SQLAlchemyError:
                        return [Problem("", "")]
                    continue
                for number, row in enumerate(table_rows, 1):
                    try:
                        conn.execute(insert(table), [row])
                        conn.commit()
                    except SQLAlchemyError as exc:
                        conn.rollback()
                        problems.append(_constraint_problem(table, number, exc))
                        if len(problems) >= MAX_PROBLEMS:
                            return problems
                if problems:
                    return problems  # what follows would only repeat them (dangling references)
    finally:
        engine.dispose()
    return problems


def _constraint_problem(table: Table, number: int, exc: SQLAlchemyError) -> Problem:
    message = str(getattr(exc, "orig", None) or exc)
    for constraint in table.constraints:
        if not isinstance(constraint, CheckConstraint) or not isinstance(constraint.name, str):
            continue
        if message.endswith(constraint.name):
            rule = str(constraint.sqltext)
            fields = [c.name for c in table.columns if re.search(rf"\b{c.name}\b", rule)]
            return Problem(
                _where(table.name, number, ", ".join(fields) or None),
                f"breaks the rule {rule}",
            )
    return Problem(_where(table.name, number), f"is refused by the database ({message})")


# -- import --------------------------------------------------------------------------------------

MERGE_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "credentials": (("label",), ("code", "body")),
    "credential_cycles": (("credential_id", "start_on"), ()),
    "ceu_activities": (
        ("completed_on", "title", "provider", "index_number", "units_hundredths", "category"),
        (),
    ),
}
"""Merging: table -> (columns that say two rows are the same thing, columns that must then agree).
A row the data folder already has (by these, or by a unique constraint without the table's own
id) is not added again; the archive's references to it point at the folder's row. Matching is
one to one, so two identical activities in the archive never collapse into one."""

Numbered = list[tuple[int, dict[str, Any]]]
"""Rows with their number in the archive (for messages)."""
Fills = list[tuple[int, dict[str, Any]]]
"""(id of a row of the folder, {column: value}): blanks of the folder's row the archive fills."""


@dataclass(slots=True)
class _Plan:
    """What an import writes, table by table."""

    inserts: dict[str, Numbered]
    fills: dict[str, Fills] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)  # archive rows the folder already has

    def certificate_values(self) -> Iterator[dict[str, Any]]:
        """The dicts holding certificate names to write (to rename what is copied under another
        name)."""
        table, column = CERTIFICATE_COLUMN
        for _, row in self.inserts.get(table, []):
            if row.get(column) is not None:
                yield row
        for _, values in self.fills.get(table, []):
            if values.get(column) is not None:
                yield values


@dataclass(slots=True)
class _Certificates:
    """Certificate files on their way into the data folder."""

    folder: Path
    renamed: dict[str, str] = field(default_factory=dict)  # archive name -> name used
    staged: dict[Path, Path] = field(default_factory=dict)  # temporary file -> final place
    placed: list[Path] = field(default_factory=list)

    def place(self) -> None:
        for tmp, target in list(self.staged.items()):
            os.replace(tmp, target)
            del self.staged[tmp]
            self.placed.append(target)

    def discard(self) -> None:
        for tmp in self.staged:
            tmp.unlink(missing_ok=True)
        for target in self.placed:
            target.unlink(missing_ok=True)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _same_file(path: Path, sha256: str) -> bool:
    try:
        return path.is_file() and not path.is_symlink() and _file_digest(path) == sha256
    except OSError:
        return False


def _free_name(certs: _Certificates, name: str, sha256: str) -> str:
    """`name` if free in certificates/ (or holding this very file), else a content-derived one."""
    suffix = Path(name).suffix.lower()
    candidates = [name, f"{sha256[:24]}{suffix}"]
    candidates += [f"{sha256[:24]}-{n}{suffix}" for n in range(2, 100)]
    for candidate in candidates:
        target = certs.folder / candidate
        if target in certs.staged.values():
            return candidate  # the same file, already on its way in under this name
        if not os.path.lexists(target) or _same_file(target, sha256):
            return candidate
    raise _fail(CERTIFICATE_FOLDER + name, "no free file name is left for it in certificates/")


def _stage_certificates(
    certs: _Certificates,
    contents: ArchiveContents,
    names: Sequence[str],
    step: Callable[[int], None],
    done: int,
) -> int:
    """Copy the certificates `names` out of the archive to temporary files in certificates/ (a
    name already taken by the same file is reused; by another file, the copy gets a new,
    content-derived name, noted in `certs.renamed`). Returns the progress count."""
    if not names:
        return done
    certs.folder.mkdir(mode=0o700, exist_ok=True)
    with zipfile.ZipFile(contents.path) as archive:
        for name in sorted(set(names)):
            entry = contents.certificates[name]
            final = _free_name(certs, name, entry.sha256)
            if final != name:
                certs.renamed[name] = final
            target = certs.folder / final
            if target not in certs.staged.values() and not _same_file(target, entry.sha256):
                fd, tmp_name = tempfile.mkstemp(dir=certs.folder, prefix=".incoming-")
                certs.staged[Path(tmp_name)] = target
                digest = hashlib.sha256()
                with os.fdopen(fd, "wb") as handle:

                    def sink(
                        chunk: bytes, handle: IO[bytes] = handle, digest: Any = digest
                    ) -> None:
                        digest.update(chunk)
                        handle.write(chunk)

                    _read_member(archive, archive.getinfo(entry.member), entry.size, sink)
                    flush(handle)
                if digest.hexdigest() != entry.sha256:
                    raise _fail(entry.member, "changed while it was being imported; try again")
            done += 1
            step(done)
    return done


def import_archive(
    db: Database,
    path: Path,
    mode: ImportMode,
    *,
    now: datetime,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportSummary:
    """Bring the archive at `path` into this data folder.

    `replace`: the data folder ends up holding exactly the archive's data. `merge`: the archive's
    rows are added beside the folder's own, renumbered (and every reference to them with them);
    what the folder already has is not added twice (a credential of the same name, its cycles,
    identical CEU activities; settings, reminder states and the study timer keep the folder's
    values), and the folder's active plan stays the active one.

    Either way the whole archive is checked first (ArchiveError, an InvalidInput naming file, row
    and field: nothing written), the database is backed up ("before-import"), and all rows are
    written in one transaction. Certificates are copied into certificates/ and removed again if
    the transaction fails. When `cancelled()` turns true before the commit, nothing is changed
    (the backup is removed too) and ArchiveCancelled is raised."""
    if mode not in ("merge", "replace"):
        raise InvalidInput([Problem("mode", "Choose to merge the archive or to replace the data.")])
    contents = read_archive(path, cancelled=cancelled)
    step = _stepper(progress, cancelled, contents.total_rows + len(contents.certificates), "import")
    step(0)
    backup = store_db.backup_database(db.path, "before-import", now)
    certs = _Certificates(certificates_dir(db))
    try:
        with db.transaction() as session:
            conn = session.connection()
            driver = conn.connection.driver_connection
            if driver is not None and not driver.in_transaction:
                conn.exec_driver_sql("BEGIN IMMEDIATE")  # no other writer until we are done
            plan = _plan_rows(conn, contents, mode)
            if mode == "replace":
                for each in reversed(tables.metadata.sorted_tables):
                    conn.execute(delete(each))
            column = CERTIFICATE_COLUMN[1]
            names = [values[column] for values in plan.certificate_values()]
            done = _stage_certificates(certs, contents, names, step, 0)
            for values in plan.certificate_values():
                values[column] = certs.renamed.get(values[column], values[column])
            added = _insert_rows(conn, plan.inserts, step, done)
            _fill_blanks(conn, plan.fills)
            step(contents.total_rows + len(contents.certificates))  # last chance to cancel
            certs.place()
    except BaseException:
        certs.discard()
        backup.unlink(missing_ok=True)  # nothing changed: the backup would only mislead
        raise
    return ImportSummary(
        mode=mode, backup=backup, added=added, kept=plan.kept, certificates=len(certs.placed),
        renamed_certificates=len(certs.renamed),
        filled={name: len(fills) for name, fills in plan.fills.items() if fills},
    )  # fmt: skip


def _plan_rows(conn: Connection, contents: ArchiveContents, mode: ImportMode) -> _Plan:
    """The rows to write, table by table (parents first): for `merge`, renumbered, without what
    the folder already has, and the blanks of the folder's rows the archive fills."""
    ordered = tables.metadata.sorted_tables
    plan = _Plan({})
    if mode == "replace":
        for table in ordered:
            plan.inserts[table.name] = [
                (n, dict(r)) for n, r in enumerate(contents.tables[table.name], 1)
            ]
        return plan
    ids: dict[str, dict[int, int]] = {}  # serial table -> archive id -> id in this folder
    problems = _Problems()
    for table in ordered:
        rows: Numbered = []
        for number, raw in enumerate(contents.tables[table.name], 1):
            row = dict(raw)
            for column in table.columns:
                target = _reference(column)
                if (
                    target is not None
                    and row[column.name] is not None
                    and target.table.name in ids
                    and _serial_key(target.table) is target
                ):
                    row[column.name] = ids[target.table.name][row[column.name]]
            rows.append((number, row))
        serial = _serial_key(table)
        if serial is None:
            rows, kept = _without_present_keys(conn, table, rows)
        else:
            ids[table.name], rows, fills = _match_rows(conn, table, serial, rows, problems)
            kept = len(ids[table.name]) - len(rows)
            if fills:
                plan.fills[table.name] = fills
        flag = ONE_TRUE_COLUMNS.get(table.name)
        if flag is not None and conn.scalar(
            select(func.count()).select_from(table).where(table.c[flag].is_(True))
        ):
            rows = [(n, {**r, flag: False}) for n, r in rows]
        plan.inserts[table.name] = rows
        if kept:
            plan.kept[table.name] = kept
    problems.raise_if_any()
    return plan


def _without_present_keys(conn: Connection, table: Table, rows: Numbered) -> tuple[Numbered, int]:
    """Tables keyed by text, by other rows' ids or holding one row: the folder's row wins."""
    keys = [c.name for c in table.primary_key.columns]
    existing = {tuple(r) for r in conn.execute(select(*table.primary_key.columns))}
    left = [(n, r) for n, r in rows if tuple(r[k] for k in keys) not in existing]
    return left, len(rows) - len(left)


def _natural_keys(
    table: Table, serial: Column[Any]
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    no_agree: tuple[str, ...] = ()
    keys = [(cols, no_agree) for cols in _unique_sets(table) if serial.name not in cols]
    extra = MERGE_KEYS.get(table.name)
    if extra is not None:
        keys = [k for k in keys if k[0] != extra[0]] + [extra]
    return keys


def _match_rows(
    conn: Connection, table: Table, serial: Column[Any], rows: Numbered, problems: _Problems
) -> tuple[dict[int, int], Numbered, Fills]:
    """Give each archive row its id in this folder: the id of the folder's row that is the same
    thing (by a natural key, one to one), or a new id past the folder's largest. Returns the ids,
    the rows to add, and the blanks of matched rows the archive fills."""
    offset = int(conn.scalar(select(func.max(serial))) or 0)
    matched: dict[int, int] = {}  # index in rows -> existing id
    used: set[int] = set()
    for key, agree in _natural_keys(table, serial):
        columns = [table.c[c] for c in (*key, *agree)]
        existing: dict[tuple[Any, ...], list[tuple[int, tuple[Any, ...]]]] = {}
        for found in conn.execute(select(serial, *columns).order_by(serial)):
            values = tuple(found[1:])
            existing.setdefault(values[: len(key)], []).append((found[0], values[len(key) :]))
        for index, (number, row) in enumerate(rows):
            value = tuple(row[c] for c in key)
            if index in matched or None in value:
                continue
            candidates = [c for c in existing.get(value, []) if c[0] not in used]
            if not candidates:
                continue
            found_id, found_agree = candidates[0]
            differing = [c for c, v in zip(agree, found_agree, strict=True) if row[c] != v]
            if differing:
                shown = ", ".join(str(v) for v in value)
                problems.add(
                    _where(table.name, number, differing[0]),
                    f"this folder has a {table.name} row {shown!r} with another "
                    f"{differing[0]} ({found_agree[agree.index(differing[0])]!r}, here "
                    f"{row[differing[0]]!r}); rename one of them or import with 'replace'",
                )
                continue
            matched[index] = found_id
            used.add(found_id)
    ids: dict[int, int] = {}
    left: Numbered = []
    for index, (number, row) in enumerate(rows):
        old = row[serial.name]
        if index in matched:
            ids[old] = matched[index]
        else:
            ids[old] = old + offset
            left.append((number, {**row, serial.name: old + offset}))
    return ids, left, _blanks(conn, table, serial, [(matched[i], rows[i][1]) for i in matched])


def _blanks(
    conn: Connection, table: Table, serial: Column[Any], pairs: list[tuple[int, dict[str, Any]]]
) -> Fills:
    """For each (folder row id, archive row) the same thing: the folder row's empty (NULL)
    columns the archive row has a value for. The folder's values always win; its blanks do not."""
    fills: Fills = []
    for start in range(0, len(pairs), CHUNK_ROWS):
        chunk = dict(pairs[start : start + CHUNK_ROWS])
        for found in conn.execute(select(table).where(serial.in_(chunk))).mappings():
            archived = chunk[found[serial.name]]
            values = {
                c: archived[c] for c, v in found.items() if v is None and archived[c] is not None
            }
            if values:
                fills.append((found[serial.name], values))
    return fills


def _fill_blanks(conn: Connection, fills: Mapping[str, Fills]) -> None:
    for table in tables.metadata.sorted_tables:
        serial = _serial_key(table)
        for row_id, values in fills.get(table.name, []):
            assert serial is not None
            try:
                conn.execute(update(table).where(serial == row_id).values(**values))
            except IntegrityError as exc:
                raise _fail(
                    _where(table.name),
                    f"cannot complete this folder's row {row_id} ({exc.orig}); "
                    "nothing was imported",
                ) from None


def _insert_rows(
    conn: Connection, planned: Mapping[str, Numbered], step: Callable[[int], None], done: int
) -> dict[str, int]:
    added: dict[str, int] = {}
    for table in tables.metadata.sorted_tables:
        rows = [row for _, row in planned[table.name]]
        for start in range(0, len(rows), CHUNK_ROWS):
            chunk = rows[start : start + CHUNK_ROWS]
            try:
                conn.execute(insert(table), chunk)
            except IntegrityError as exc:
                raise _fail(
                    _where(table.name),
                    f"cannot be added to this data folder ({exc.orig}); nothing was imported",
                ) from None
            done += len(chunk)
            step(done)
        added[table.name] = len(rows)
    return added


# -- the study log as CSV ------------------------------------------------------------------------


def write_sessions_csv(db: Database, path: Path) -> int:
    """Every study session, oldest first: date, module, minutes, note (UTF-8, a header row).
    Returns the number of sessions written; a bad destination raises InvalidInput("path")."""
    sessions = reversed(list_sessions(db))
    rows = ([s.day.isoformat(), s.module_title, str(s.minutes), s.note] for s in sessions)
    return write_csv(db, Path(path), SESSIONS_CSV_COLUMNS, rows)
