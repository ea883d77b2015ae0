"""Reading an archive and checking all of it before anything is written: the zip (sizes, zip
bombs, damage), the JSON (UTF-8, nesting depth and number of objects measured before parsing,
shape, numbers), every row of every table (columns, types, keys, references, check constraints),
every certificate file, and what the rows mean (archive_meaning: dates, ranges, verdicts,
settings, credential codes). A problem raises ArchiveError naming the file, the record and the
field."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    Table,
    create_engine,
    insert,
)
from sqlalchemy.exc import SQLAlchemyError

from studyplanner.core.validation import Problem
from studyplanner.services.archive.format import (
    ARCHIVE_FORMAT,
    ARCHIVE_JSON,
    CERTIFICATE_COLUMN,
    CERTIFICATE_FOLDER,
    COLUMNS_ADDED_IN,
    MAX_ARCHIVE_BYTES,
    MAX_ENTRIES,
    MAX_JSON_BYTES,
    MAX_JSON_CONTAINERS,
    MAX_JSON_DEPTH,
    MAX_JSON_VALUES,
    MAX_NUMBER_DIGITS,
    MAX_PROBLEMS,
    MAX_RATIO,
    RATIO_FLOOR,
    TOP_KEYS,
    ArchiveCancelled,
    ArchiveContents,
    ArchiveError,
    BadValue,
    Cancelled,
    CertificateEntry,
    ProblemList,
    certificate_name_problem,
    certificate_references,
    column_kind,
    failure,
    from_json,
    place_of,
    quoted,
    referenced_column,
    refusal,
    serial_key,
    unique_sets,
)
from studyplanner.services.archive.meaning import check_meaning
from studyplanner.services.bounded_json import JsonBeyondLimits, loads
from studyplanner.services.ceu_activities import CERTIFICATE_KINDS, MAX_CERTIFICATE_BYTES
from studyplanner.store import tables
from studyplanner.store.identity import UID, TableShape, derive_uids
from studyplanner.store.migrate import HEAD_REVISION, KNOWN_REVISIONS

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
            raise _BadJson(f"the key {quoted(key)} appears twice in one object")
        result[key] = value
    return result


def _parse_json(buffer: bytearray) -> Any:
    """The document in `buffer` (emptied once decoded: the text alone is kept in memory)."""
    try:
        text = buffer.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise failure(
            ARCHIVE_JSON,
            f"is not UTF-8 text (byte {exc.start} cannot be read); it was not written by "
            "Study Planner or was changed since",
        ) from None
    finally:
        buffer.clear()
    text = text.removeprefix("\ufeff")
    try:
        return loads(
            text,
            max_depth=MAX_JSON_DEPTH,
            max_containers=MAX_JSON_CONTAINERS,
            max_values=MAX_JSON_VALUES,
            parse_constant=_no_constant,
            parse_int=_whole_number,
            object_pairs_hook=_no_duplicate_keys,
        )
    except JsonBeyondLimits as exc:
        raise failure(ARCHIVE_JSON, f"{exc}: it is not a Study Planner archive") from None
    except json.JSONDecodeError as exc:
        raise failure(
            ARCHIVE_JSON, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except _BadJson as exc:
        raise failure(ARCHIVE_JSON, str(exc)) from None
    except RecursionError:
        raise failure(ARCHIVE_JSON, "is nested too deeply to be a Study Planner archive") from None


def read_member(
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
                    raise failure(info.filename, f"is larger than {limit // 1024**2} MB")
                sink(chunk)
    except ArchiveError:
        raise
    except Exception as exc:  # zipfile, zlib, bz2, lzma: many ways to say "damaged"
        raise failure(
            info.filename, f"cannot be unpacked: the archive is damaged ({exc})"
        ) from None


def _zip_entries(path: Path, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    where = path.name
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise failure(
            where, f"holds more than {MAX_ENTRIES} files; it is not a Study Planner archive"
        )
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in entries:
        if info.filename in by_name:
            raise failure(info.filename, "appears twice in the archive")
        by_name[info.filename] = info
        if info.flag_bits & 0x1:
            raise refusal(info.filename, "archive_password")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED,
                                      zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):  # fmt: skip
            raise failure(info.filename, "is compressed in a way Study Planner cannot read")
        total += info.file_size
        if total > MAX_ARCHIVE_BYTES:
            raise failure(where, f"unpacks to more than {MAX_ARCHIVE_BYTES // 1024**3} GB")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise failure(
                info.filename, "unpacks to far more than it holds (a 'zip bomb'); refused"
            )
    return by_name


def read_archive(path: Path, *, cancelled: Cancelled | None = None) -> ArchiveContents:
    """Read and check the whole archive at `path` without writing anything anywhere.

    Raises ArchiveError (an InvalidInput) naming the problems (at most MAX_PROBLEMS of them), or
    ArchiveCancelled when `cancelled()` turns true."""
    path = Path(path)
    try:
        if path.is_dir():
            raise refusal(str(path), "archive_is_folder")
        size = path.stat().st_size
    except FileNotFoundError:
        raise refusal(str(path), "archive_missing") from None
    except OSError as exc:
        raise refusal(str(path), "archive_unreadable", why=str(exc.strerror or exc)) from None
    if size > MAX_ARCHIVE_BYTES:
        raise refusal(path.name, "archive_too_large", gb=MAX_ARCHIVE_BYTES // 1024**3)
    try:
        archive = zipfile.ZipFile(path)
    except OSError as exc:
        raise refusal(str(path), "archive_unreadable", why=str(exc.strerror or exc)) from None
    except Exception:  # BadZipFile, and what a damaged directory makes zipfile raise
        raise refusal(path.name, "archive_not_zip") from None
    with archive:
        entries = _zip_entries(path, archive)
        info = entries.get(ARCHIVE_JSON)
        if info is None:
            raise refusal(path.name, "archive_no_document", document=ARCHIVE_JSON)
        if info.file_size > MAX_JSON_BYTES:
            raise failure(ARCHIVE_JSON, f"is larger than {MAX_JSON_BYTES // 1024**2} MB")
        buffer = bytearray()
        read_member(archive, info, MAX_JSON_BYTES, buffer.extend)
        document = _parse_json(buffer)
        if cancelled is not None and cancelled():
            raise ArchiveCancelled("The import was cancelled.")
        fmt, schema, exported_at, raw_tables = _check_top(document)
        rows = _check_tables(raw_tables, schema, cancelled)
        certificates = _check_certificates(archive, entries, rows, cancelled)
    _check_constraints(rows)
    check_meaning(rows)
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
        raise failure(ARCHIVE_JSON, "expected a JSON object at the top")
    fmt = document.get("format")
    if isinstance(fmt, bool) or not isinstance(fmt, int):
        raise failure(f"{ARCHIVE_JSON}: format", "missing or not a whole number")
    if fmt > ARCHIVE_FORMAT:
        raise refusal(f"{ARCHIVE_JSON}: format", "archive_newer", version=f"format {fmt}")
    if fmt != ARCHIVE_FORMAT:
        raise failure(f"{ARCHIVE_JSON}: format", f"unknown archive format {fmt}")
    schema = document.get("schema")
    if not isinstance(schema, str):
        raise failure(f"{ARCHIVE_JSON}: schema", "missing or not text")
    if schema not in KNOWN_REVISIONS:
        raise refusal(
            f"{ARCHIVE_JSON}: schema", "archive_newer", version=f"schema {quoted(schema)}"
        )
    extra = sorted(set(document) - set(TOP_KEYS))
    if extra:
        raise failure(f"{ARCHIVE_JSON}: {extra[0]}", "is not part of a Study Planner archive")
    raw_time = document.get("exported_at")
    stamp = Column("exported_at", DateTime, nullable=False)
    try:
        exported_at: datetime = from_json(stamp, "datetime", raw_time)
    except BadValue as exc:
        raise failure(f"{ARCHIVE_JSON}: exported_at", str(exc)) from None
    raw_tables = document.get("tables")
    if not isinstance(raw_tables, dict):
        raise failure(f"{ARCHIVE_JSON}: tables", "missing or not an object of tables")
    return fmt, schema, exported_at, raw_tables


def _check_tables(
    raw_tables: dict[str, Any], schema: str, cancelled: Cancelled | None
) -> dict[str, list[dict[str, Any]]]:
    known = tables.metadata.tables
    problems = ProblemList()
    for name in raw_tables:
        if name not in known:
            problems.add(place_of(name), "is not a table of Study Planner")
    for name in known:
        if name not in raw_tables and schema == HEAD_REVISION:
            problems.add(place_of(name), "is missing from the archive")
    problems.raise_if_any()
    derived = _derived_columns(schema)
    result: dict[str, list[dict[str, Any]]] = {}
    for table in tables.metadata.sorted_tables:
        raw_rows = raw_tables.get(table.name, [])
        if not isinstance(raw_rows, list):
            problems.add(place_of(table.name), "expected a list of rows")
            continue
        result[table.name] = _check_rows(table, raw_rows, problems, derived)
        if cancelled is not None and cancelled():
            raise ArchiveCancelled("The import was cancelled.")
    problems.raise_if_any()
    if UID in derived:  # from the columns of its own time, as the migration to 0005 did
        _derive_identities(result)
    _fill_defaults(result, derived - {UID})
    for table in tables.metadata.sorted_tables:
        _check_keys(table, result, problems)
    problems.raise_if_any()
    return result


def _fill_defaults(rows: dict[str, list[dict[str, Any]]], columns: frozenset[str]) -> None:
    """Columns an older archive cannot have get their column's default; the built-in tracks'
    final exams become sittings, as the migration to schema 0006 makes them."""
    for table in tables.metadata.sorted_tables:
        for column in table.columns:
            if column.name in columns:
                default = column.default.arg if column.default is not None else None  # type: ignore[attr-defined]
                for row in rows[table.name]:
                    row[column.name] = default
    if "sitting" in columns:
        copies = {t["id"] for t in rows["tracks"] if t.get("template_id") is not None}
        for m in rows["modules"]:
            m["sitting"] = (
                m.get("kind") == "exam"
                and m.get("key") in tables.BUILT_IN_EXAM_KEYS
                and m.get("track_id") in copies
            )


def _derived_columns(schema: str) -> frozenset[str]:
    """Columns an archive written at `schema` cannot have (they came later): derived instead."""
    written = KNOWN_REVISIONS.index(schema)
    return frozenset(
        column for column, added in COLUMNS_ADDED_IN.items()
        if written < KNOWN_REVISIONS.index(added)
    )  # fmt: skip


def _derive_identities(rows: dict[str, list[dict[str, Any]]]) -> None:
    """An archive from before record identities: each record gets the uid its content gives
    (the same a database migrated from that version gave it, see store/identity.py)."""
    shapes = [
        TableShape(table.name, serial.name, {
            column.name: target.table.name
            for column in table.columns
            if (target := referenced_column(column)) is not None
            and serial_key(target.table) is target
        })
        for table in tables.metadata.sorted_tables
        if (serial := serial_key(table)) is not None
    ]  # fmt: skip
    uids = derive_uids(shapes, rows)
    for shape in shapes:
        for row in rows[shape.name]:
            row[UID] = uids[shape.name][row[shape.id_column]]


def _check_rows(
    table: Table, raw_rows: list[Any], problems: ProblemList, derived: frozenset[str]
) -> list[dict[str, Any]]:
    """The rows as Python values; `derived` columns are left out (filled in later)."""
    columns = [(c, column_kind(c)) for c in table.columns if c.name not in derived]
    wanted = {c.name for c, _ in columns}
    serial = serial_key(table)
    rows: list[dict[str, Any]] = []
    for number, raw in enumerate(raw_rows, 1):
        if not isinstance(raw, dict):
            problems.add(place_of(table.name, number), "expected an object (a row)")
            continue
        for extra in sorted(set(raw) - wanted):
            problems.add(place_of(table.name, number, extra), "is not a column of this table")
        row: dict[str, Any] = {}
        for column, kind in columns:
            if column.name not in raw:
                problems.add(place_of(table.name, number, column.name), "is missing")
                continue
            try:
                row[column.name] = from_json(column, kind, raw[column.name], is_id=column is serial)
            except BadValue as exc:
                problems.add(place_of(table.name, number, column.name), str(exc))
        rows.append(row)
    return rows


def _check_keys(
    table: Table, rows_by_table: Mapping[str, list[dict[str, Any]]], problems: ProblemList
) -> None:
    """Keys unique within the table; foreign keys pointing at rows of the archive."""
    rows = rows_by_table[table.name]
    for columns in unique_sets(table):
        seen: dict[tuple[Any, ...], int] = {}
        for number, row in enumerate(rows, 1):
            key = tuple(row[c] for c in columns)
            if any(v is None for v in key):
                continue  # NULLs never clash
            if key in seen:
                problems.add(
                    place_of(table.name, number, ", ".join(columns)),
                    f"the same {'key' if len(columns) == 1 else 'combination'} as row "
                    f"{seen[key]} ({', '.join(str(v) for v in key)}); it must be unique",
                )
            else:
                seen[key] = number
    for column in table.columns:
        target = referenced_column(column)
        if target is None:
            continue
        present = {row[target.name] for row in rows_by_table[target.table.name]}
        for number, row in enumerate(rows, 1):
            value = row[column.name]
            if value is not None and value not in present:
                problems.add(
                    place_of(table.name, number, column.name),
                    f"points at {target.table.name} {target.name} {value}, "
                    "which is not in the archive",
                )


def _check_certificates(
    archive: zipfile.ZipFile,
    entries: Mapping[str, zipfile.ZipInfo],
    rows: Mapping[str, list[dict[str, Any]]],
    cancelled: Cancelled | None,
) -> dict[str, CertificateEntry]:
    problems = ProblemList()
    table, column = CERTIFICATE_COLUMN
    wanted: dict[str, zipfile.ZipInfo] = {}
    for number, name in certificate_references(rows[table]):
        place = place_of(table, number, column)
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

        read_member(archive, info, MAX_CERTIFICATE_BYTES, sink)
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
                place_of(table.name, number, ", ".join(fields) or None),
                f"breaks the rule {rule}",
            )
    return Problem(place_of(table.name, number), f"is refused by the database ({message})")
