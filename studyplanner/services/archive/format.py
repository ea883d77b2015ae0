"""What a Study Planner archive is: its file names and limits, the errors and summaries, where a
problem is (file, table, row, field), each column's kind and how its values go to JSON and back,
and which certificate file names are allowed. Reading (archive_read) and writing (archive) use
these definitions."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    UniqueConstraint,
)

from studyplanner.core.validation import InvalidInput, Problem, Value, problem
from studyplanner.services.ceu_activities import CERTIFICATE_KINDS

ARCHIVE_JSON = "studyplanner-archive.json"
CERTIFICATE_FOLDER = "certificates/"
ARCHIVE_FORMAT = 1
MAX_ARCHIVE_BYTES = 2 * 1024**3
"""At most this much, unpacked, in one archive (and the zip file itself is no larger)."""
MAX_JSON_BYTES = 200 * 1024**2
MAX_JSON_DEPTH = 6
"""The archive nests 4 deep (document, tables, rows, row); values inside are never containers."""
MAX_JSON_CONTAINERS = 1_000_000
"""Objects and arrays in one archive (one a row: 100,000 study sessions are 100,000), measured
before parsing so that 200 MB of `{}` never becomes 100 million objects in memory."""
MAX_JSON_VALUES = 20_000_000
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
COLUMNS_ADDED_IN = {
    "uid": "0005_record_identities",
    "sitting": "0006_sittings",
    "allow_long_sittings": "0006_sittings",
}
"""Columns added to existing tables after the first archive format, with the schema revision
that added them: an older archive has none, and the import derives them (uids from the
content, the others their column's default)."""
"""Columns true in at most one row: merging keeps the data folder's own row true, if it has one."""
WINDOWS_DEVICE_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)]
)
_CERTIFICATE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}", re.ASCII)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?", re.ASCII
)
TOP_KEYS = ("format", "schema", "exported_at", "tables")

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


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What importing an archive would do, worked out without writing anything."""

    archive_rows: Mapping[str, int]
    """Table -> rows the archive holds (what replacing would leave)."""
    new: Mapping[str, int]
    """Merge: table -> rows it would add."""
    present: Mapping[str, int]
    """Merge: table -> rows the folder already has (the same records, or its own settings)."""
    merge_problem: str | None = None
    """Why the archive cannot be merged (replacing may still work), or None."""

    @property
    def total_new(self) -> int:
        return sum(self.new.values())

    @property
    def total_present(self) -> int:
        return sum(self.present.values())


# -- where a problem is --------------------------------------------------------------------------


def place_of(table: str, row: int | None = None, column: str | None = None) -> str:
    place = f"{ARCHIVE_JSON}: table {table}"
    if row is not None:
        place += f", row {row}"
    if column is not None:
        place += f", field {column}"
    return place


class ProblemList:
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


def failure(place: str, message: str) -> ArchiveError:
    return ArchiveError([Problem(place, message)])


def refusal(place: str, code: str, **values: Value) -> ArchiveError:
    """The archive refused at `place` for the problem `code` (core/problem_codes.py): the GUI
    says it in the user's language."""
    return ArchiveError([problem(place, code, **values)])


# -- the columns' kinds --------------------------------------------------------------------------

Kind = Literal["boolean", "datetime", "date", "integer", "float", "text"]


def column_kind(column: Column[Any]) -> Kind:
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
def serial_key(table: Table) -> Column[Any] | None:
    """The table's own integer id (renumbered when merging), or None for tables keyed by text,
    by other tables' ids, or holding a single row (`id = 1`)."""
    keys = list(table.primary_key.columns)
    if len(keys) != 1 or column_kind(keys[0]) != "integer" or keys[0].foreign_keys:
        return None
    only_one = re.compile(rf"\s*{re.escape(keys[0].name)}\s*=\s*1\s*")
    for constraint in table.constraints:
        if isinstance(constraint, CheckConstraint) and only_one.fullmatch(str(constraint.sqltext)):
            return None
    return keys[0]


def referenced_column(column: Column[Any]) -> Column[Any] | None:
    """The column this one points at (single-column foreign keys, as every one of ours is)."""
    for foreign_key in column.foreign_keys:
        return foreign_key.column
    return None


def unique_sets(table: Table) -> list[tuple[str, ...]]:
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


class BadValue(Exception):
    pass


def to_json(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def from_json(column: Column[Any], kind: Kind, value: Any, *, is_id: bool = False) -> Any:
    """The archive's `value` as the Python value the column holds; BadValue says what is wrong.
    `is_id`: the column is its table's own integer id (1 or more)."""
    if value is None:
        if not column.nullable:
            raise BadValue("must have a value (null is not allowed here)")
        return None
    if kind == "boolean":
        if not isinstance(value, bool):
            raise BadValue("expected true or false")
        return value
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise BadValue("expected a whole number")
        if abs(value) >= MAX_INTEGER:
            raise BadValue(f"the number {value} is too large")
        if is_id and value < 1:
            raise BadValue("an id must be 1 or more")
        return value
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadValue("expected a number")
        if isinstance(value, int) and abs(value) >= MAX_INTEGER:
            raise BadValue(f"the number {value} is too large")
        if not math.isfinite(value):
            raise BadValue("expected a finite number")
        return float(value)
    if not isinstance(value, str):
        raise BadValue({"text": "expected text",
                         "date": "expected a date as text (YYYY-MM-DD)",
                         "datetime": "expected a date and time as text (YYYY-MM-DDTHH:MM:SS)",
                         }[kind])  # fmt: skip
    if kind == "date":
        if not _DATE.fullmatch(value):
            raise BadValue(f"expected a date as YYYY-MM-DD, not {quoted(value)}")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise BadValue(f"{value} is not a real date") from None
    if kind == "datetime":
        if not _DATETIME.fullmatch(value):
            raise BadValue(f"expected a date and time as YYYY-MM-DDTHH:MM:SS, not {quoted(value)}")
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise BadValue(f"{value} is not a real date and time") from None
    limit = getattr(column.type, "length", None) or MAX_TEXT
    if len(value) > limit:
        raise BadValue(f"longer than {limit} characters ({len(value)})")
    if "\x00" in value:
        raise BadValue("contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadValue("contains characters that are not valid Unicode text") from None
    return value


def quoted(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")


# -- the certificates' names ---------------------------------------------------------------------


def certificate_name_problem(name: str) -> str | None:
    """Why `name` cannot be a file of certificates/ (None when it can): a plain file name of
    letters, digits, '.', '_' and '-', with a certificate's suffix; no folders, no '..', no
    drive letters, no device names."""
    if not isinstance(name, str) or not name:
        return "expected a file name"
    if "/" in name or "\\" in name or ":" in name or "\x00" in name or ".." in name:
        return f"{quoted(name)} is not a plain file name (it names a folder or another place)"
    if not _CERTIFICATE_NAME.fullmatch(name):
        return f"{quoted(name)} is not a plain file name (letters, digits, '.', '_', '-' only)"
    suffix = Path(name).suffix.lower()
    if suffix not in CERTIFICATE_KINDS:
        return f"{quoted(name)} is not a PDF or an image file name"
    if name.split(".")[0].upper() in WINDOWS_DEVICE_NAMES:
        return f"{quoted(name)} is a reserved device name on Windows"
    return None


def certificate_references(rows: Sequence[Mapping[str, Any]]) -> list[tuple[int, str]]:
    column = CERTIFICATE_COLUMN[1]
    return [(i, row[column]) for i, row in enumerate(rows, 1) if row.get(column) is not None]


def stepper(progress: Progress | None, cancelled: Cancelled | None, total: int, what: str
             ) -> Callable[[int], None]:  # fmt: skip
    def step(done: int) -> None:
        if cancelled is not None and cancelled():
            raise ArchiveCancelled(f"The {what} was cancelled.")
        if progress is not None:
            progress(min(done, total), total)

    return step
