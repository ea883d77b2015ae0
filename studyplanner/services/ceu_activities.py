"""Use cases of the CEU log: activities with their certificates (copied into the data folder's
`certificates/` under a name derived from their content, so moving or deleting the original loses
nothing), how each is applied to credential cycles, edit, delete and undo.

One transaction per user action; bad input raises InvalidInput (naming the field) and writes
nothing. CEU units are exact decimals, stored as whole hundredths."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from studyplanner.bundled import rule_book
from studyplanner.core.activity_checks import (
    check_activity,
    check_units,
)
from studyplanner.core.ceu_rules import RuleBook
from studyplanner.core.validation import InvalidInput, Problem, problem
from studyplanner.services.database import Database
from studyplanner.services.file_kinds import FOLDER, REGULAR_FILE, kind_of
from studyplanner.services.leftovers import INCOMING_PREFIX, PendingFiles
from studyplanner.store import models, tables

MAX_CERTIFICATE_BYTES = 50 * 1024 * 1024
CERTIFICATES = "certificates"
CERTIFICATE_KINDS: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
    ".webp": (b"RIFF",),
    ".bmp": (b"BM",),
}
"""Accepted certificate files: a suffix and the bytes such a file starts with."""


@dataclass(frozen=True, slots=True)
class AppliedUnits:
    cycle_id: int
    credential_label: str
    units: Decimal


@dataclass(frozen=True, slots=True)
class ActivityInfo:
    id: int
    completed_on: date
    title: str
    provider: str
    index_number: str
    units: Decimal
    category: str
    ahima_sourced: bool
    note: str
    certificate: Path | None  # the copy in the data folder
    certificate_name: str | None
    applied: tuple[AppliedUnits, ...]


@dataclass(frozen=True, slots=True)
class ActivityInput:
    """What the user typed for one activity. `certificate` is a file to copy in, or None to keep
    the current one (see `drop_certificate`)."""

    completed_on: date
    title: str
    units: Decimal
    category: str
    provider: str = ""
    index_number: str = ""
    ahima_sourced: bool = False
    note: str = ""
    certificate: Path | None = None
    drop_certificate: bool = False


@dataclass(frozen=True, slots=True)
class DeletedActivity:
    """Everything needed to put a deleted activity back (undo)."""

    activity: ActivityInfo
    certificate_file: str | None


def parse_units(text: str, field: str = "units") -> Decimal:
    """CEU units as typed ('1', '0.5', '1,25'): positive, at most two decimals, at most 100."""
    try:
        units = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise InvalidInput([problem(field, "units_not_parsed", text=text)]) from None
    problems = check_units(units, field)
    if problems:
        raise InvalidInput(problems)
    return units


def to_hundredths(units: Decimal) -> int:
    return int(units * 100)


def units_or_none(hundredths: int | None) -> Decimal | None:
    return None if hundredths is None else Decimal(hundredths) / 100


def units_of(hundredths: int) -> Decimal:
    return Decimal(hundredths) / 100


# -- activities ----------------------------------------------------------------------------------


def certificates_dir(db: Database) -> Path:
    return db.data_dir / CERTIFICATES


def certificates_in_use(db: Database) -> list[Path]:
    """The certificate files committed activities point at."""
    with db.read() as conn:
        column = tables.ceu_activities.c.certificate_file
        names = conn.execute(select(column).where(column.is_not(None)).distinct()).scalars()
        return [certificates_dir(db) / name for name in names]


def _check_certificate(path: Path) -> list[Problem]:
    suffix = path.suffix.lower()
    if suffix not in CERTIFICATE_KINDS:
        return [problem("certificate", "certificate_kind", name=path.name)]
    try:
        kind = kind_of(path, follow=True)
        if kind is None and os.path.lexists(path):
            return [problem("certificate", "certificate_dangling", path=str(path))]
        if kind is None:
            return [problem("certificate", "certificate_missing", path=str(path))]
        if kind == FOLDER:
            return [problem("certificate", "certificate_folder", path=str(path))]
        if kind != REGULAR_FILE:
            return [problem("certificate", "certificate_special", path=str(path), kind=kind)]
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        return [
            problem("certificate", "certificate_unreadable", path=str(path), why=str(exc.strerror))
        ]
    if size > MAX_CERTIFICATE_BYTES:
        return [problem("certificate", "certificate_large", name=path.name)]
    if not any(head.startswith(magic) for magic in CERTIFICATE_KINDS[suffix]):
        return [problem("certificate", "certificate_fake", name=path.name, kind=suffix[1:].upper())]
    return []


def _copy_certificate(db: Database, path: Path, pending: PendingFiles) -> tuple[str, bool]:
    """Copy into certificates/ under a content-derived name; (name, whether it is a new file).
    The copy is listed in `pending` first, so a crash before the commit leaves nothing."""
    folder = certificates_dir(db)
    folder.mkdir(mode=0o700, exist_ok=True)
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    name = f"{digest.hexdigest()[:24]}{path.suffix.lower()}"
    target = folder / name
    if target.exists():
        return name, False
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=INCOMING_PREFIX)
    os.close(fd)
    try:
        pending.temp(Path(tmp))
        shutil.copyfile(path, tmp)
        os.chmod(tmp, 0o600)
        pending.placed(target)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return name, True


def _check_activity(book: RuleBook, data: ActivityInput, today: date) -> list[Problem]:
    problems = check_activity(data.completed_on, data.title, data.provider, data.index_number,
                              data.note, data.units, today)  # fmt: skip
    if data.category not in book.categories:
        known = ", ".join(book.categories)
        problems.append(
            problem("category", "category_unknown", category=data.category, known=known)
        )
    if data.certificate is not None:
        problems += _check_certificate(data.certificate)
    return problems


def _check_allocations(
    session: Session, data: ActivityInput, allocations: Sequence[tuple[int, Decimal]]
) -> list[Problem]:
    problems = []
    seen = set()
    for cycle_id, units in allocations:
        cycle = session.get(models.CredentialCycle, cycle_id)
        if cycle is None:
            problems.append(problem("credentials", "credential_cycle_gone", id=str(cycle_id)))
            continue
        if cycle.closed_on is not None:
            label = cycle.credential.label
            problems.append(problem("credentials", "allocation_closed", credential=label,
                                    end=cycle.end_on))  # fmt: skip
        if cycle_id in seen:
            problems.append(
                problem("credentials", "allocation_twice", credential=cycle.credential.label)
            )
        seen.add(cycle_id)
        if units <= 0 or units > data.units:
            problems.append(problem("credentials", "allocation_range", units=data.units,
                                    credential=cycle.credential.label))  # fmt: skip
    return problems


def _activity_info(db: Database, row: models.CeuActivity, labels: dict[int, str]) -> ActivityInfo:
    return ActivityInfo(
        id=row.id, completed_on=row.completed_on, title=row.title, provider=row.provider,
        index_number=row.index_number, units=units_of(row.units_hundredths),
        category=row.category, ahima_sourced=row.ahima_sourced, note=row.note,
        certificate=(certificates_dir(db) / row.certificate_file) if row.certificate_file else None,
        certificate_name=row.certificate_name,
        applied=tuple(
            AppliedUnits(
                a.cycle_id, labels.get(a.cycle_id, "?"), units_of(a.units_hundredths)
            )
            for a in sorted(row.allocations, key=lambda a: labels.get(a.cycle_id, ""))
        ),
    )  # fmt: skip


def _cycle_labels(session: Session) -> dict[int, str]:
    rows = session.execute(
        select(models.CredentialCycle.id, models.Credential.label).join(models.Credential)
    )
    return {cid: label for cid, label in rows}


def _save_activity(
    db: Database,
    activity_id: int | None,
    data: ActivityInput,
    allocations: Sequence[tuple[int, Decimal]],
    today: date,
) -> ActivityInfo:
    book = rule_book()
    problems = _check_activity(book, data, today)
    if problems:
        raise InvalidInput(problems)
    copied: tuple[str, bool] | None = None
    try:
        with PendingFiles(db.data_dir) as pending, db.transaction() as session:
            problems = _check_allocations(session, data, allocations)
            if activity_id is None:
                row = models.CeuActivity(created_at=datetime.now(), certificate_file=None,
                                         certificate_name=None)  # fmt: skip
                session.add(row)
            else:
                found = session.get(models.CeuActivity, activity_id)
                if found is None:
                    raise InvalidInput([problem("activity", "activity_gone", id=str(activity_id))])
                row = found
                closed = [a for a in row.allocations
                          if session.get(models.CredentialCycle, a.cycle_id).closed_on is not None]  # type: ignore[union-attr]  # fmt: skip
                if closed:
                    problems.append(problem("activity", "activity_closed_edit"))
            if problems:
                raise InvalidInput(problems)
            if data.certificate is not None:
                copied = _copy_certificate(db, data.certificate, pending)
                row.certificate_file = copied[0]
                row.certificate_name = data.certificate.name[:300]
            elif data.drop_certificate:
                row.certificate_file = row.certificate_name = None
            row.completed_on, row.title = data.completed_on, data.title.strip()
            row.provider, row.index_number = data.provider.strip(), data.index_number.strip()
            row.units_hundredths, row.category = to_hundredths(data.units), data.category
            row.ahima_sourced, row.note = data.ahima_sourced, data.note.strip()
            row.allocations = [
                models.CeuAllocation(cycle_id=cid, units_hundredths=to_hundredths(units))
                for cid, units in allocations
            ]
            session.flush()
            return _activity_info(db, row, _cycle_labels(session))
    except BaseException:
        if copied is not None and copied[1]:  # nothing half-written: drop the new copy
            (certificates_dir(db) / copied[0]).unlink(missing_ok=True)
        raise


def add_activity(
    db: Database, data: ActivityInput, allocations: Sequence[tuple[int, Decimal]], today: date
) -> ActivityInfo:
    """Log a CEU activity and apply it: `allocations` are (cycle id, units) pairs."""
    return _save_activity(db, None, data, allocations, today)


def update_activity(
    db: Database,
    activity_id: int,
    data: ActivityInput,
    allocations: Sequence[tuple[int, Decimal]],
    today: date,
) -> ActivityInfo:
    return _save_activity(db, activity_id, data, allocations, today)


def delete_activity(db: Database, activity_id: int) -> DeletedActivity:
    """Delete an activity and what was applied from it; the certificate file stays in the data
    folder so `restore_activity` (undo) can put everything back."""
    with db.transaction() as session:
        row = session.get(models.CeuActivity, activity_id)
        if row is None:
            raise InvalidInput([problem("activity", "activity_gone", id=str(activity_id))])
        for a in row.allocations:
            cycle = session.get(models.CredentialCycle, a.cycle_id)
            if cycle is not None and cycle.closed_on is not None:
                raise InvalidInput([problem("activity", "activity_closed_delete")])
        info = _activity_info(db, row, _cycle_labels(session))
        deleted = DeletedActivity(info, row.certificate_file)
        session.delete(row)
        return deleted


def restore_activity(db: Database, deleted: DeletedActivity) -> ActivityInfo:
    """Undo a deletion: the same activity, id, certificate and applied units."""
    a = deleted.activity
    with db.transaction() as session:
        if session.get(models.CeuActivity, a.id) is not None:  # a restore brought it back
            raise InvalidInput([problem("activity", "activity_exists")])
        row = models.CeuActivity(
            id=a.id, completed_on=a.completed_on, title=a.title, provider=a.provider,
            index_number=a.index_number, units_hundredths=to_hundredths(a.units),
            category=a.category, ahima_sourced=a.ahima_sourced, note=a.note,
            certificate_file=deleted.certificate_file, certificate_name=a.certificate_name,
            created_at=datetime.now(),
        )  # fmt: skip
        existing = {c for (c,) in session.execute(select(models.CredentialCycle.id))}
        row.allocations = [
            models.CeuAllocation(cycle_id=p.cycle_id, units_hundredths=to_hundredths(p.units))
            for p in a.applied
            if p.cycle_id in existing
        ]
        session.add(row)
        session.flush()
        return _activity_info(db, row, _cycle_labels(session))


def list_activities(db: Database) -> list[ActivityInfo]:
    """Every activity, newest first."""
    with db.transaction() as session:
        labels = _cycle_labels(session)
        rows = session.scalars(
            select(models.CeuActivity)
            .options(selectinload(models.CeuActivity.allocations))
            .order_by(models.CeuActivity.completed_on.desc(), models.CeuActivity.id.desc())
        )
        return [_activity_info(db, row, labels) for row in rows]
