"""Everything the learner has, as one archive file, and back again; and the study log as CSV.

The archive is a zip: `studyplanner-archive.json` holds every row of every table (read from the
one schema definition, `store.tables.metadata`, so a new table is covered without a change here)
with the schema revision it was written at, and `certificates/<name>` holds each certificate file
an activity refers to.

Importing checks the whole archive before anything is written (`read_archive`): the zip itself
(size, zip bombs), the JSON (UTF-8, shape), every row (exactly the table's columns, each value of
its column's type, keys unique, foreign keys pointing at rows in the archive, the tables' check
constraints), every certificate (a plain file name, present, of a known kind) and what the rows
mean (archive_meaning: verdicts the app can read, credential codes of the rule book, dates from
1900 to 2200 in order, numbers, texts and settings within the app's limits). A problem raises
`ArchiveError` (an `InvalidInput`) naming the file, the record and the field. Then the
database is backed up and the rows are written in one transaction: all of them, or none.

No Qt: the GUI runs these in a worker (progress and cancel are two callables) and the CLI calls
them directly. Files appear whole or not at all (temporary file, then `os.replace`).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    Column,
    Connection,
    Table,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from studyplanner.core.validation import InvalidInput, Problem
from studyplanner.services.archive.format import (
    ARCHIVE_FORMAT,
    ARCHIVE_JSON,
    CERTIFICATE_COLUMN,
    CERTIFICATE_FOLDER,
    CHUNK_ROWS,
    ONE_TRUE_COLUMNS,
    SESSIONS_CSV_COLUMNS,
    ArchiveCancelled,
    ArchiveContents,
    ArchiveError,
    ArchiveSummary,
    BadValue,
    Cancelled,
    ImportMode,
    ImportPreview,
    ImportSummary,
    ProblemList,
    Progress,
    certificate_name_problem,
    column_kind,
    failure,
    from_json,
    place_of,
    referenced_column,
    serial_key,
    stepper,
    to_json,
    unique_sets,
)
from studyplanner.services.archive.read import (
    read_archive,
    read_member,
)
from studyplanner.services.ceu_activities import certificates_dir
from studyplanner.services.database import Database
from studyplanner.services.leftovers import INCOMING_PREFIX, PendingFiles
from studyplanner.services.output_files import check_destination, flush, replaced_whole, write_csv
from studyplanner.services.study_log import list_sessions
from studyplanner.store import copies, tables
from studyplanner.store.identity import UID
from studyplanner.store.migrate import HEAD_REVISION

__all__ = [
    "ArchiveCancelled",
    "ArchiveContents",
    "ArchiveError",
    "ArchiveSummary",
    "ImportPreview",
    "ImportSummary",
    "export_archive",
    "import_archive",
    "preview_import",
    "read_archive",
    "write_sessions_csv",
]


# -- export --------------------------------------------------------------------------------------


def export_archive(
    db: Database,
    path: Path,
    *,
    now: datetime,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    force: bool = False,
) -> ArchiveSummary:
    """Write everything (every table, every certificate file an activity refers to) to the zip
    archive `path`, put in place only once the archive is complete (an existing file there is
    replaced only with `force`; anything but a regular file never: see output_files).

    `progress(done, total)` is called as rows and files are written; when `cancelled()` turns
    true the partial file is removed and ArchiveCancelled is raised. A destination that cannot be
    written raises InvalidInput("path"); a stored value that an import would refuse (so the
    archive could never be read back) raises ArchiveError naming its table, id and field."""
    path = Path(path)
    check_destination(db, path, force=force)
    folder = certificates_dir(db)
    with replaced_whole(db, path, force=force) as tmp, db.read() as conn:
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
        step = stepper(progress, cancelled, sum(counts.values()) + len(present), "export")
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
        kinds = [column_kind(c) for c in columns]
        serial = serial_key(table)
        is_cert_table = table.name == CERTIFICATE_COLUMN[0]
        query = select(table).order_by(*table.primary_key.columns)
        for r_index, row in enumerate(conn.execute(query)):
            record = {c.name: to_json(v) for c, v in zip(columns, row, strict=True)}
            if is_cert_table and record[CERTIFICATE_COLUMN[1]] in missing:
                record[CERTIFICATE_COLUMN[1]] = None
            for column, kind in zip(columns, kinds, strict=True):
                try:
                    from_json(column, kind, record[column.name], is_id=column is serial)
                except BadValue as exc:
                    key = ", ".join(f"{k.name} {record[k.name]}" for k in table.primary_key)
                    raise failure(
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
    """Certificate files on their way into the data folder (each listed in `pending` first, so
    a crash before the commit leaves none behind)."""

    folder: Path
    pending: PendingFiles
    renamed: dict[str, str] = field(default_factory=dict)  # archive name -> name used
    staged: dict[Path, Path] = field(default_factory=dict)  # temporary file -> final place
    placed: list[Path] = field(default_factory=list)

    def place(self) -> None:
        for tmp, target in list(self.staged.items()):
            self.pending.placed(target)
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
    raise failure(CERTIFICATE_FOLDER + name, "no free file name is left for it in certificates/")


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
                fd, tmp_name = tempfile.mkstemp(dir=certs.folder, prefix=INCOMING_PREFIX)
                certs.pending.temp(Path(tmp_name))
                certs.staged[Path(tmp_name)] = target
                digest = hashlib.sha256()
                with os.fdopen(fd, "wb") as handle:

                    def sink(
                        chunk: bytes, handle: IO[bytes] = handle, digest: Any = digest
                    ) -> None:
                        digest.update(chunk)
                        handle.write(chunk)

                    read_member(archive, archive.getinfo(entry.member), entry.size, sink)
                    flush(handle)
                if digest.hexdigest() != entry.sha256:
                    raise failure(entry.member, "changed while it was being imported; try again")
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
    step = stepper(progress, cancelled, contents.total_rows + len(contents.certificates), "import")
    step(0)
    backup = copies.backup_database(db.path, "before-import", now)
    certs = _Certificates(certificates_dir(db), PendingFiles(db.data_dir))
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
    finally:
        certs.pending.close()
    return ImportSummary(
        mode=mode, backup=backup, added=added, kept=plan.kept, certificates=len(certs.placed),
        renamed_certificates=len(certs.renamed),
        filled={name: len(fills) for name, fills in plan.fills.items() if fills},
    )  # fmt: skip


def preview_import(
    db: Database, path: Path, *, cancelled: Cancelled | None = None
) -> ImportPreview:
    """Check the archive at `path` whole (ArchiveError if it cannot be imported at all) and say
    how many of its records a merge would add and how many the folder already has."""
    contents = read_archive(path, cancelled=cancelled)
    counts = {name: len(rows) for name, rows in contents.tables.items()}
    try:
        with db.read() as conn:
            plan = _plan_rows(conn, contents, "merge")
    except ArchiveError as exc:
        return ImportPreview(counts, {}, {}, " ".join(exc.sentences()[:3]))
    new = {name: len(rows) for name, rows in plan.inserts.items() if rows}
    return ImportPreview(counts, new, dict(plan.kept))


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
    problems = ProblemList()
    for table in ordered:
        rows: Numbered = []
        for number, raw in enumerate(contents.tables[table.name], 1):
            row = dict(raw)
            for column in table.columns:
                target = referenced_column(column)
                if (
                    target is not None
                    and row[column.name] is not None
                    and target.table.name in ids
                    and serial_key(target.table) is target
                ):
                    row[column.name] = ids[target.table.name][row[column.name]]
            rows.append((number, row))
        serial = serial_key(table)
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
    """How a row of the archive is recognised as one the folder has, in order: its identity
    (the same record, whatever was edited since), then its table's unique keys, then the
    content keys of MERGE_KEYS."""
    no_agree: tuple[str, ...] = ()
    keys = [(cols, no_agree) for cols in unique_sets(table) if serial.name not in cols]
    keys.sort(key=lambda k: k[0] != (UID,))
    extra = MERGE_KEYS.get(table.name)
    if extra is not None:
        keys = [k for k in keys if k[0] != extra[0]] + [extra]
    return keys


def _match_rows(
    conn: Connection, table: Table, serial: Column[Any], rows: Numbered, problems: ProblemList
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
                    place_of(table.name, number, differing[0]),
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
        serial = serial_key(table)
        for row_id, values in fills.get(table.name, []):
            assert serial is not None
            try:
                conn.execute(update(table).where(serial == row_id).values(**values))
            except IntegrityError as exc:
                raise failure(
                    place_of(table.name),
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
                raise failure(
                    place_of(table.name),
                    f"cannot be added to this data folder ({exc.orig}); nothing was imported",
                ) from None
            done += len(chunk)
            step(done)
        added[table.name] = len(rows)
    return added


# -- the study log as CSV ------------------------------------------------------------------------


def write_sessions_csv(db: Database, path: Path, *, force: bool = False) -> int:
    """Every study session, oldest first: date, module, minutes, note (UTF-8 with a byte-order
    mark for Excel, a header row).
    Returns the number of sessions written; a bad destination raises InvalidInput("path")
    (an existing file is replaced only with `force`)."""
    sessions = reversed(list_sessions(db))
    rows = ([s.day.isoformat(), s.module_title, str(s.minutes), s.note] for s in sessions)
    return write_csv(db, Path(path), SESSIONS_CSV_COLUMNS, rows, force=force)
