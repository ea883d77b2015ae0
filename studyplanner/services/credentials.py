"""Use cases of keeping credentials alive: credentials and their cycles, CEU activities with their
certificates, how each activity is applied to each credential, status, and closing a cycle.

One transaction per user action; bad input raises InvalidInput (naming the field) and writes
nothing. Certificates are copied into the data folder's `certificates/` under a name derived from
their content, so moving or deleting the original loses nothing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from studyplanner.bundled import rule_book
from studyplanner.core import ceu_status
from studyplanner.core.ceu_rules import RuleBook
from studyplanner.core.ceu_status import Allocation, CeuActivity, CredentialStatus, HeldCycle
from studyplanner.core.validation import InvalidInput, Problem
from studyplanner.services.database import Database
from studyplanner.store import db as store_db
from studyplanner.store import models

EARLIEST_EARNED = date(1970, 1, 1)
EARLIEST_ACTIVITY = date(2000, 1, 1)
MAX_UNITS = Decimal(100)
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
class CycleInfo:
    id: int
    start: date
    end: date
    required: Decimal | None  # the user's own figure, if any
    quota: Decimal | None
    closed_on: date | None


@dataclass(frozen=True, slots=True)
class CredentialInfo:
    id: int
    code: str
    label: str
    name: str
    body: str
    earned_on: date
    renewal_on: date | None
    note: str
    cycles: tuple[CycleInfo, ...]  # oldest first; the last is the open one

    @property
    def current(self) -> CycleInfo:
        return self.cycles[-1]


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
        raise InvalidInput([Problem(field, f"'{text}' is not a number of CEUs.")]) from None
    problems = _check_units(units, field)
    if problems:
        raise InvalidInput(problems)
    return units


def _check_units(units: Decimal, field: str = "units") -> list[Problem]:
    if not units.is_finite():
        return [Problem(field, "CEUs must be a number.")]
    if units <= 0:
        return [Problem(field, "CEUs must be more than zero.")]
    if units > MAX_UNITS:
        return [Problem(field, f"More than {MAX_UNITS} CEUs for one activity is not realistic.")]
    if units != units.quantize(Decimal("0.01")):
        return [Problem(field, "Use at most two decimals (for example 0.25).")]
    return []


def _hundredths(units: Decimal) -> int:
    return int(units * 100)


def _units(hundredths: int | None) -> Decimal | None:
    return None if hundredths is None else Decimal(hundredths) / 100


def _required_units(hundredths: int) -> Decimal:
    return Decimal(hundredths) / 100


# -- credentials ---------------------------------------------------------------------------------


def _credential_info(book: RuleBook, row: models.Credential) -> CredentialInfo:
    rule = book.credentials.get(row.code)
    return CredentialInfo(
        id=row.id, code=row.code, label=row.label, name=rule.name if rule else row.code,
        body=row.body, earned_on=row.earned_on, renewal_on=row.renewal_on, note=row.note,
        cycles=tuple(
            CycleInfo(c.id, c.start_on, c.end_on, _units(c.required_hundredths),
                      _units(c.quota_hundredths), c.closed_on)
            for c in row.cycles
        ),
    )  # fmt: skip


def _load_credentials(session: Session) -> list[models.Credential]:
    return list(
        session.scalars(
            select(models.Credential)
            .options(selectinload(models.Credential.cycles))
            .order_by(models.Credential.body, models.Credential.label)
        )
    )


def list_credentials(db: Database) -> list[CredentialInfo]:
    book = rule_book()
    with db.transaction() as session:
        return [_credential_info(book, row) for row in _load_credentials(session)]


def _open_cycle(row: models.Credential) -> models.CredentialCycle | None:
    open_cycles = [c for c in row.cycles if c.closed_on is None]
    return open_cycles[-1] if open_cycles else None


def _check_cycle(
    start: date | None, end: date | None, earned_on: date | None, today: date
) -> list[Problem]:
    problems = []
    latest = ceu_status.add_years(today, 10)
    if start is not None and not EARLIEST_EARNED <= start <= latest:
        problems.append(
            Problem("cycle_start", f"The cycle start must be between 1970 and {latest.year}.")
        )
    if end is not None and not EARLIEST_EARNED <= end <= latest:
        problems.append(
            Problem("cycle_end", f"The cycle end must be between 1970 and {latest.year}.")
        )
    elif start is not None and end is not None and end <= start:
        problems.append(Problem("cycle_end", "The cycle must end after it starts."))
    elif end is not None and (start or end) and end - (start or end) > timedelta(days=3700):
        problems.append(Problem("cycle_end", "A cycle longer than ten years is not realistic."))
    if start is not None and earned_on is not None and start < earned_on - timedelta(days=3700):
        problems.append(Problem("cycle_start", "The cycle starts long before the credential."))
    return problems


def _check_figures(required: Decimal | None, quota: Decimal | None) -> list[Problem]:
    problems = []
    for field, value in (("required", required), ("quota", quota)):
        if value is not None and (not value.is_finite() or value < 0 or value > 500):
            problems.append(Problem(field, "Give a number of CEUs between 0 and 500."))
        elif value is not None and value != value.quantize(Decimal("0.01")):
            problems.append(Problem(field, "Use at most two decimals."))
    return problems


def add_credential(
    db: Database,
    code: str,
    earned_on: date,
    today: date,
    *,
    label: str | None = None,
    cycle_start: date | None = None,
    cycle_end: date | None = None,
    renewal_on: date | None = None,
    required: Decimal | None = None,
    quota: Decimal | None = None,
    note: str = "",
) -> CredentialInfo:
    """Record an earned credential and open its first cycle (computed from the rules unless the
    user gives the dates). A body whose credentials share a cycle puts it in the open one."""
    book = rule_book()
    rule = book.credential(code)
    problems: list[Problem] = []
    if rule is None:
        known = ", ".join(sorted(book.credentials))
        raise InvalidInput([Problem("code", f"Unknown credential '{code}'. Known: {known}.")])
    name = (label or rule.code).strip().upper()
    if not 1 <= len(name) <= 40:
        problems.append(Problem("label", "Give the credential a name of 1 to 40 characters."))
    if not EARLIEST_EARNED <= earned_on <= today:
        problems.append(Problem("earned_on", "The date earned must be between 1970 and today."))
    latest = ceu_status.add_years(today, 10)
    if renewal_on is not None and not EARLIEST_EARNED <= renewal_on <= latest:
        problems.append(Problem("renewal_on", "The renewal date is not a sensible date."))
    problems += _check_cycle(cycle_start, cycle_end, earned_on, today)
    problems += _check_figures(required, quota)
    if len(note) > 2000:
        problems.append(Problem("note", "Keep the note under 2000 characters."))
    if problems:
        raise InvalidInput(problems)
    body = book.bodies[rule.body]
    with db.transaction() as session:
        if session.scalar(select(models.Credential.id).where(models.Credential.label == name)):
            raise InvalidInput([Problem("label", f"You already have a credential called {name}.")])
        shared_end = shared_start = None
        if body.code == "AHIMA" or body.cycle_anchor == "membership_expiration_date":
            open_cycles = [
                (c.end_on, c.start_on)
                for other in _load_credentials(session)
                if other.body == body.code and (c := _open_cycle(other)) is not None
            ]
            if open_cycles:
                shared_end, shared_start = max(open_cycles)
            if renewal_on is None and body.cycle_anchor == "membership_expiration_date":
                renewal_on = next(
                    (o.renewal_on for o in _load_credentials(session)
                     if o.body == body.code and o.renewal_on is not None),
                    None,
                )  # fmt: skip
        start, end = ceu_status.suggest_cycle(body, earned_on, renewal_on, shared_end, shared_start)
        start, end = cycle_start or start, cycle_end or end
        problems = _check_cycle(start, end, earned_on, today)
        if problems:
            raise InvalidInput(problems)
        row = models.Credential(
            code=rule.code, label=name, body=rule.body, earned_on=earned_on,
            renewal_on=renewal_on, note=note.strip(), created_at=datetime.now(),
        )  # fmt: skip
        row.cycles = [
            models.CredentialCycle(
                start_on=start, end_on=end,
                required_hundredths=None if required is None else _hundredths(required),
                quota_hundredths=None if quota is None else _hundredths(quota),
            )
        ]  # fmt: skip
        session.add(row)
        session.flush()
        return _credential_info(book, row)


def update_cycle(
    db: Database,
    cycle_id: int,
    start: date,
    end: date,
    required: Decimal | None,
    quota: Decimal | None,
    today: date,
    *,
    renewal_on: date | None = None,
) -> CredentialInfo:
    """Change the open cycle's dates or the user's own figures; a closed cycle is read-only."""
    problems = _check_cycle(start, end, None, today) + _check_figures(required, quota)
    if problems:
        raise InvalidInput(problems)
    with db.transaction() as session:
        cycle = session.get(models.CredentialCycle, cycle_id)
        if cycle is None:
            raise InvalidInput([Problem("cycle", f"There is no cycle {cycle_id}.")])
        if cycle.closed_on is not None:
            raise InvalidInput(
                [Problem("cycle", "A closed cycle is kept as it was; it cannot change.")]
            )
        cycle.start_on, cycle.end_on = start, end
        cycle.required_hundredths = None if required is None else _hundredths(required)
        cycle.quota_hundredths = None if quota is None else _hundredths(quota)
        if renewal_on is not None:
            cycle.credential.renewal_on = renewal_on
        session.flush()
        session.refresh(cycle.credential)
        return _credential_info(rule_book(), cycle.credential)


def delete_credential(db: Database, credential_id: int, now: datetime) -> Path:
    """Remove a credential, its cycles and what was applied to them (the activities stay).
    A backup is taken first; its path is returned so the user can be told where it is."""
    backup = store_db.backup_database(db.path, "before-credential-delete", now)
    with db.transaction() as session:
        row = session.get(models.Credential, credential_id)
        if row is None:
            raise InvalidInput([Problem("credential", f"There is no credential {credential_id}.")])
        for cycle in row.cycles:
            session.delete(cycle)
        session.flush()
        session.delete(row)
    return backup


def close_cycle(db: Database, credential_id: int, today: date, now: datetime) -> Path:
    """Close the open cycle of this credential and of every credential sharing it, and open the
    next one for each. The old cycles stay, read-only. A backup is taken first (returned)."""
    book = rule_book()
    with db.transaction() as session:
        row = session.get(models.Credential, credential_id)
        cycle = None if row is None else _open_cycle(row)
        if row is None or cycle is None:
            raise InvalidInput([Problem("credential", "This credential has no open cycle.")])
    backup = store_db.backup_database(db.path, "before-cycle-close", now)
    with db.transaction() as session:
        row = session.get(models.Credential, credential_id)
        assert row is not None
        cycle = _open_cycle(row)
        assert cycle is not None
        end = cycle.end_on
        body = book.bodies[row.body]
        for other in _load_credentials(session):
            open_cycle = _open_cycle(other)
            if other.body != row.body or open_cycle is None or open_cycle.end_on != end:
                continue
            open_cycle.closed_on = today
            start, new_end = ceu_status.next_cycle(body, open_cycle.start_on, end)
            other.cycles.append(models.CredentialCycle(start_on=start, end_on=new_end))
    return backup


# -- activities ----------------------------------------------------------------------------------


def certificates_dir(db: Database) -> Path:
    return db.data_dir / CERTIFICATES


def _check_certificate(path: Path) -> list[Problem]:
    suffix = path.suffix.lower()
    if suffix not in CERTIFICATE_KINDS:
        return [Problem("certificate", f"{path.name} is not a PDF or an image (PNG, JPEG, ...).")]
    try:
        if not path.is_file():
            return [Problem("certificate", f"The certificate {path} does not exist.")]
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        return [Problem("certificate", f"The certificate {path} cannot be read: {exc.strerror}.")]
    if size > MAX_CERTIFICATE_BYTES:
        return [Problem("certificate", f"{path.name} is larger than 50 MB.")]
    if not any(head.startswith(magic) for magic in CERTIFICATE_KINDS[suffix]):
        return [Problem("certificate", f"{path.name} is not really a {suffix[1:].upper()} file.")]
    return []


def _copy_certificate(db: Database, path: Path) -> tuple[str, bool]:
    """Copy into certificates/ under a content-derived name; (name, whether it is a new file)."""
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
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
    os.close(fd)
    try:
        shutil.copyfile(path, tmp)
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return name, True


def _check_activity(book: RuleBook, data: ActivityInput, today: date) -> list[Problem]:
    problems = []
    if not EARLIEST_ACTIVITY <= data.completed_on <= today:
        problems.append(
            Problem("completed_on", "The completion date must be between 2000 and today.")
        )
    if not data.title.strip():
        problems.append(Problem("title", "Give the activity a title."))
    elif len(data.title) > 300:
        problems.append(Problem("title", "Keep the title under 300 characters."))
    if len(data.provider) > 200:
        problems.append(Problem("provider", "Keep the provider under 200 characters."))
    if len(data.index_number) > 100:
        problems.append(Problem("index_number", "Keep the index number under 100 characters."))
    if len(data.note) > 2000:
        problems.append(Problem("note", "Keep the note under 2000 characters."))
    problems += _check_units(data.units)
    if data.category not in book.categories:
        known = ", ".join(book.categories)
        problems.append(Problem("category", f"Unknown category '{data.category}'. Known: {known}."))
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
            problems.append(Problem("credentials", f"There is no credential cycle {cycle_id}."))
            continue
        if cycle.closed_on is not None:
            problems.append(
                Problem("credentials", f"The {cycle.credential.label} cycle ending "
                        f"{cycle.end_on.isoformat()} is closed; it cannot change.")
            )  # fmt: skip
        if cycle_id in seen:
            problems.append(Problem("credentials", f"{cycle.credential.label} is listed twice."))
        seen.add(cycle_id)
        if units <= 0 or units > data.units:
            problems.append(
                Problem("credentials", f"Apply between 0 and {data.units.normalize():f} CEUs to "
                        f"{cycle.credential.label}.")
            )  # fmt: skip
    return problems


def _activity_info(db: Database, row: models.CeuActivity, labels: dict[int, str]) -> ActivityInfo:
    return ActivityInfo(
        id=row.id, completed_on=row.completed_on, title=row.title, provider=row.provider,
        index_number=row.index_number, units=_required_units(row.units_hundredths),
        category=row.category, ahima_sourced=row.ahima_sourced, note=row.note,
        certificate=(certificates_dir(db) / row.certificate_file) if row.certificate_file else None,
        certificate_name=row.certificate_name,
        applied=tuple(
            AppliedUnits(
                a.cycle_id, labels.get(a.cycle_id, "?"), _required_units(a.units_hundredths)
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
        with db.transaction() as session:
            problems = _check_allocations(session, data, allocations)
            if activity_id is None:
                row = models.CeuActivity(created_at=datetime.now(), certificate_file=None,
                                         certificate_name=None)  # fmt: skip
                session.add(row)
            else:
                found = session.get(models.CeuActivity, activity_id)
                if found is None:
                    raise InvalidInput(
                        [Problem("activity", f"There is no activity {activity_id}.")]
                    )
                row = found
                closed = [a for a in row.allocations
                          if session.get(models.CredentialCycle, a.cycle_id).closed_on is not None]  # type: ignore[union-attr]  # fmt: skip
                if closed:
                    problems.append(Problem("activity", "This activity counts in a closed cycle; "
                                            "it is kept as it was and cannot change."))  # fmt: skip
            if problems:
                raise InvalidInput(problems)
            if data.certificate is not None:
                copied = _copy_certificate(db, data.certificate)
                row.certificate_file = copied[0]
                row.certificate_name = data.certificate.name[:300]
            elif data.drop_certificate:
                row.certificate_file = row.certificate_name = None
            row.completed_on, row.title = data.completed_on, data.title.strip()
            row.provider, row.index_number = data.provider.strip(), data.index_number.strip()
            row.units_hundredths, row.category = _hundredths(data.units), data.category
            row.ahima_sourced, row.note = data.ahima_sourced, data.note.strip()
            row.allocations = [
                models.CeuAllocation(cycle_id=cid, units_hundredths=_hundredths(units))
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
            raise InvalidInput([Problem("activity", f"There is no activity {activity_id}.")])
        for a in row.allocations:
            cycle = session.get(models.CredentialCycle, a.cycle_id)
            if cycle is not None and cycle.closed_on is not None:
                raise InvalidInput([Problem("activity", "This activity counts in a closed cycle; "
                                            "it is kept as it was.")])  # fmt: skip
        info = _activity_info(db, row, _cycle_labels(session))
        deleted = DeletedActivity(info, row.certificate_file)
        session.delete(row)
        return deleted


def restore_activity(db: Database, deleted: DeletedActivity) -> ActivityInfo:
    """Undo a deletion: the same activity, id, certificate and applied units."""
    a = deleted.activity
    with db.transaction() as session:
        row = models.CeuActivity(
            id=a.id, completed_on=a.completed_on, title=a.title, provider=a.provider,
            index_number=a.index_number, units_hundredths=_hundredths(a.units),
            category=a.category, ahima_sourced=a.ahima_sourced, note=a.note,
            certificate_file=deleted.certificate_file, certificate_name=a.certificate_name,
            created_at=datetime.now(),
        )  # fmt: skip
        existing = {c for (c,) in session.execute(select(models.CredentialCycle.id))}
        row.allocations = [
            models.CeuAllocation(cycle_id=p.cycle_id, units_hundredths=_hundredths(p.units))
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


# -- status --------------------------------------------------------------------------------------


def _engine_inputs(
    session: Session,
) -> tuple[list[HeldCycle], list[CeuActivity], list[Allocation]]:
    cycles = [
        HeldCycle(
            credential_id=cred.id, code=cred.code, label=cred.label, earned_on=cred.earned_on,
            cycle_id=c.id, start=c.start_on, end=c.end_on,
            required_override=_units(c.required_hundredths),
            quota_override=_units(c.quota_hundredths), closed=c.closed_on is not None,
        )
        for cred in _load_credentials(session)
        for c in cred.cycles
    ]  # fmt: skip
    acts = [
        CeuActivity(r.id, r.completed_on, _required_units(r.units_hundredths), r.category,
                    r.ahima_sourced, r.provider)
        for r in session.scalars(select(models.CeuActivity))
    ]  # fmt: skip
    allocs = [
        Allocation(r.activity_id, r.cycle_id, _required_units(r.units_hundredths))
        for r in session.scalars(select(models.CeuAllocation))
    ]
    return cycles, acts, allocs


def ceu_statuses(
    db: Database, today: date, *, include_closed: bool = False
) -> list[CredentialStatus]:
    """Status of every credential's open cycle (and closed ones on request), ordered by body,
    cycle end and label."""
    with db.transaction() as session:
        cycles, acts, allocs = _engine_inputs(session)
    statuses = ceu_status.credential_statuses(rule_book(), cycles, acts, allocs, today)
    return [s for s in statuses if include_closed or not s.closed]


def application_warnings(
    db: Database,
    data: ActivityInput,
    allocations: Sequence[tuple[int, Decimal]],
    today: date,
    activity_id: int | None = None,
) -> list[str]:
    """What the user should know before saving: for each credential the activity is applied to,
    why some of its units will not count (outside the cycle, before the certification date,
    already used, counted once, no carry-over). Nothing is written."""
    with db.transaction() as session:
        cycles, acts, allocs = _engine_inputs(session)
    probe_id = activity_id if activity_id is not None else -1
    acts = [a for a in acts if a.id != probe_id]
    acts.append(CeuActivity(probe_id, data.completed_on, data.units, data.category,
                            data.ahima_sourced, data.provider))  # fmt: skip
    kept = [a for a in allocs if a.activity_id != probe_id]
    new = [Allocation(probe_id, cycle_id, units) for cycle_id, units in allocations]
    warnings: list[str] = []
    for i, candidate in enumerate(new):
        # Judge each against all the others (the order the user listed them in does not matter).
        others = kept + new[:i] + new[i + 1 :]
        for text in ceu_status.allocation_warnings(rule_book(), cycles, acts, others, candidate,
                                                   today):  # fmt: skip
            if text not in warnings:
                warnings.append(text)
    return warnings
