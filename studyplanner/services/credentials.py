"""Use cases of keeping credentials alive: credentials and their cycles (computed from the rules,
the user's own figures winning), closing a cycle, each cycle's CEU status, and the warnings to
show before an activity is applied. The activities themselves are in ceu_activities.

One transaction per user action; bad input raises InvalidInput (naming the field) and writes
nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from studyplanner.bundled import rule_book
from studyplanner.core import ceu_status
from studyplanner.core.ceu_cycles import (
    MEMBERSHIP_ANCHOR,
    CycleChoice,
    current_cycle,
    next_cycle,
)
from studyplanner.core.ceu_reasons import AllocationWarning
from studyplanner.core.ceu_rules import BodyRules, RuleBook
from studyplanner.core.ceu_status import Allocation, CeuActivity, CredentialStatus, HeldCycle
from studyplanner.core.credential_checks import (
    check_cycle,
    check_earned,
    check_figures,
    check_name,
)
from studyplanner.core.validation import InvalidInput, Problem, check_note, problem
from studyplanner.services.ceu_activities import (
    ActivityInput,
    to_hundredths,
    units_of,
    units_or_none,
)
from studyplanner.services.database import Database
from studyplanner.store import copies, models


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


# -- credentials ---------------------------------------------------------------------------------


def _credential_info(book: RuleBook, row: models.Credential) -> CredentialInfo:
    rule = book.credentials.get(row.code)
    return CredentialInfo(
        id=row.id, code=row.code, label=row.label, name=rule.name if rule else row.code,
        body=row.body, earned_on=row.earned_on, renewal_on=row.renewal_on, note=row.note,
        cycles=tuple(
            CycleInfo(c.id, c.start_on, c.end_on, units_or_none(c.required_hundredths),
                      units_or_none(c.quota_hundredths), c.closed_on)
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
        raise InvalidInput([problem("code", "credential_unknown", credential=code, known=known)])
    name = (label or rule.code).strip().upper()
    problems += check_name(name) + check_earned(earned_on, renewal_on, today)
    problems += check_cycle(cycle_start, cycle_end, earned_on, today)
    problems += check_figures(required, quota)
    problems.extend(check_note(note))
    if problems:
        raise InvalidInput(problems)
    body = book.bodies[rule.body]
    with db.transaction() as session:
        if session.scalar(select(models.Credential.id).where(models.Credential.label == name)):
            raise InvalidInput([problem("label", "credential_taken", name=name)])
        renewal_on = renewal_on or _known_renewal(session, body)
        choice = _choose_cycle(session, body, earned_on, renewal_on, today)
        start, end = cycle_start or choice.start, cycle_end or choice.end
        problems = check_cycle(start, end, earned_on, today)
        if problems:
            raise InvalidInput(problems)
        row = models.Credential(
            code=rule.code, label=name, body=rule.body, earned_on=earned_on,
            renewal_on=renewal_on, note=note.strip(), created_at=datetime.now(),
        )  # fmt: skip
        row.cycles = [
            models.CredentialCycle(
                start_on=start, end_on=end,
                required_hundredths=None if required is None else to_hundredths(required),
                quota_hundredths=None if quota is None else to_hundredths(quota),
            )
        ]  # fmt: skip
        session.add(row)
        session.flush()
        return _credential_info(book, row)


def _known_renewal(session: Session, body: BodyRules) -> date | None:
    """The membership date the user gave for another credential of a membership body."""
    if body.cycle_anchor != MEMBERSHIP_ANCHOR:
        return None
    return next(
        (o.renewal_on for o in _load_credentials(session)
         if o.body == body.code and o.renewal_on is not None),
        None,
    )  # fmt: skip


def _choose_cycle(
    session: Session, body: BodyRules, earned_on: date, renewal_on: date | None, today: date
) -> CycleChoice:
    shared = None
    if body.shared_cycle:
        open_cycles = [
            (c.end_on, c.start_on)
            for other in _load_credentials(session)
            if other.body == body.code and (c := _open_cycle(other)) is not None
        ]
        if open_cycles:
            end, start = max(open_cycles)
            shared = (start, end)
    return current_cycle(body, earned_on, renewal_on, today, shared)


def proposed_cycle(
    db: Database, code: str, earned_on: date, renewal_on: date | None, today: date
) -> CycleChoice:
    """The cycle a credential `code` earned on `earned_on` would get (the one that contains
    today, see core/ceu_cycles), and why: what add_credential uses unless given dates."""
    book = rule_book()
    rule = book.credential(code)
    if rule is None:
        known = ", ".join(sorted(book.credentials))
        raise InvalidInput([problem("code", "credential_unknown", credential=code, known=known)])
    body = book.bodies[rule.body]
    with db.transaction() as session:
        return _choose_cycle(
            session, body, earned_on, renewal_on or _known_renewal(session, body), today
        )


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
    problems = check_cycle(start, end, None, today) + check_figures(required, quota)
    if problems:
        raise InvalidInput(problems)
    with db.transaction() as session:
        cycle = session.get(models.CredentialCycle, cycle_id)
        if cycle is None:
            raise InvalidInput([problem("cycle", "cycle_gone", id=str(cycle_id))])
        if cycle.closed_on is not None:
            raise InvalidInput([problem("cycle", "cycle_closed")])
        cycle.start_on, cycle.end_on = start, end
        cycle.required_hundredths = None if required is None else to_hundredths(required)
        cycle.quota_hundredths = None if quota is None else to_hundredths(quota)
        if renewal_on is not None:
            cycle.credential.renewal_on = renewal_on
        session.flush()
        session.refresh(cycle.credential)
        return _credential_info(rule_book(), cycle.credential)


def edit_credential(
    db: Database,
    credential_id: int,
    today: date,
    *,
    label: str | None = None,
    earned_on: date | None = None,
    renewal_on: date | None = None,
    note: str | None = None,
) -> CredentialInfo:
    """Correct what was recorded of a credential (its name, the date earned, the membership
    renewal date, the note); given values change, None keeps. The cycles keep their dates (edit
    them with update_cycle)."""
    name = None if label is None else label.strip().upper()
    problems = check_name(name) + check_earned(earned_on, renewal_on, today) + check_note(note)
    if problems:
        raise InvalidInput(problems)
    with db.transaction() as session:
        row = session.get(models.Credential, credential_id)
        if row is None:
            raise InvalidInput([problem("credential", "credential_gone", id=str(credential_id))])
        if (
            name is not None
            and name != row.label
            and session.scalar(select(models.Credential.id).where(models.Credential.label == name))
        ):
            raise InvalidInput([problem("label", "credential_taken", name=name)])
        row.label = name if name is not None else row.label
        row.earned_on = earned_on if earned_on is not None else row.earned_on
        row.renewal_on = renewal_on if renewal_on is not None else row.renewal_on
        row.note = note.strip() if note is not None else row.note
        session.flush()
        return _credential_info(rule_book(), row)


def delete_credential(db: Database, credential_id: int, now: datetime) -> Path:
    """Remove a credential, its cycles and what was applied to them (the activities stay).
    A backup is taken first; its path is returned so the user can be told where it is."""
    backup = copies.backup_database(db.path, "before-credential-delete", now)
    with db.transaction() as session:
        row = session.get(models.Credential, credential_id)
        if row is None:
            raise InvalidInput([problem("credential", "credential_gone", id=str(credential_id))])
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
            raise InvalidInput([problem("credential", "credential_no_open_cycle")])
        if _why_unjudged(book, row.code, row.body, _dates_of(row)) is not None:
            raise InvalidInput(
                [problem("credential", "credential_unjudged", credential=row.code, body=row.body)]
            )
    backup = copies.backup_database(db.path, "before-cycle-close", now)
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
            start, new_end = next_cycle(body, end, other.renewal_on)
            other.cycles.append(models.CredentialCycle(start_on=start, end_on=new_end))
    return backup


# -- status --------------------------------------------------------------------------------------


def _engine_inputs(
    session: Session, held: list[models.Credential] | None = None
) -> tuple[list[HeldCycle], list[CeuActivity], list[Allocation]]:
    """What the status engine judges: the cycles of credentials it can judge (one with a code
    the rule book does not know or with dates out of all reason, from a database another program
    wrote, is left out: see unjudged_credentials)."""
    book = rule_book()
    cycles = [
        HeldCycle(
            credential_id=cred.id, code=cred.code, label=cred.label, earned_on=cred.earned_on,
            cycle_id=c.id, start=c.start_on, end=c.end_on,
            required_override=units_or_none(c.required_hundredths),
            quota_override=units_or_none(c.quota_hundredths), closed=c.closed_on is not None,
        )
        for cred in (_load_credentials(session) if held is None else held)
        if _why_unjudged(book, cred.code, cred.body, _dates_of(cred)) is None
        for c in cred.cycles
    ]  # fmt: skip
    # Columns, not ORM objects: a thousand activities cost a fifth of the time.
    act = models.CeuActivity
    acts = [
        CeuActivity(r.id, r.completed_on, units_of(r.units_hundredths), r.category,
                    r.ahima_sourced, r.provider)
        for r in session.execute(
            select(act.id, act.completed_on, act.units_hundredths, act.category,
                   act.ahima_sourced, act.provider)
        )
    ]  # fmt: skip
    alloc = models.CeuAllocation
    allocs = [
        Allocation(r.activity_id, r.cycle_id, units_of(r.units_hundredths))
        for r in session.execute(select(alloc.activity_id, alloc.cycle_id, alloc.units_hundredths))
    ]
    return cycles, acts, allocs


def _has_rules(book: RuleBook, code: str, body: str) -> bool:
    rule = book.credentials.get(code)
    return rule is not None and rule.body == body and body in book.bodies


JUDGED_YEARS = (1900, 2200)
"""A credential whose dates (earned, renewal, its cycles') fall outside these years cannot be
judged: the date arithmetic of the rules (grace periods, pace) would leave the calendar."""
UNKNOWN_RULES = "unknown_rules"
DATES_OUT_OF_RANGE = "dates_out_of_range"


@dataclass(frozen=True, slots=True)
class UnjudgedCredential:
    """A credential whose CEUs cannot be judged, and why (UNKNOWN_RULES: the rule book does not
    know its code or body; DATES_OUT_OF_RANGE: a date outside JUDGED_YEARS)."""

    credential: CredentialInfo
    reason: str


def _dates_of(row: models.Credential | CredentialInfo) -> list[date | None]:
    if isinstance(row, CredentialInfo):
        cycles = [(c.start, c.end, c.closed_on) for c in row.cycles]
    else:
        cycles = [(c.start_on, c.end_on, c.closed_on) for c in row.cycles]
    return [row.earned_on, row.renewal_on, *(d for cycle in cycles for d in cycle)]


def _why_unjudged(book: RuleBook, code: str, body: str, dates: list[date | None]) -> str | None:
    if not _has_rules(book, code, body):
        return UNKNOWN_RULES
    low, high = JUDGED_YEARS
    if any(d is not None and not low <= d.year <= high for d in dates):
        return DATES_OUT_OF_RANGE
    return None


def can_be_judged(book: RuleBook, credential: CredentialInfo) -> bool:
    """Whether the rules can judge this credential (see UnjudgedCredential)."""
    return _why_unjudged(book, credential.code, credential.body, _dates_of(credential)) is None


def unjudged_credentials(db: Database) -> list[UnjudgedCredential]:
    """Credentials written by another program (or under an older rule book) that the rules
    cannot judge: shown as unknown, never a crash."""
    book = rule_book()
    found = []
    for c in list_credentials(db):
        reason = _why_unjudged(book, c.code, c.body, _dates_of(c))
        if reason is not None:
            found.append(UnjudgedCredential(c, reason))
    return found


def ceu_statuses(
    db: Database, today: date, *, include_closed: bool = False
) -> list[CredentialStatus]:
    """Status of every credential's open cycle (and closed ones on request), ordered by body,
    cycle end and label."""
    with db.transaction() as session:
        cycles, acts, allocs = _engine_inputs(session)
    statuses = ceu_status.credential_statuses(rule_book(), cycles, acts, allocs, today)
    return [s for s in statuses if include_closed or not s.closed]


def read_credentials_and_statuses(
    session: Session, today: date
) -> tuple[list[CredentialInfo], list[CredentialStatus]]:
    """Every credential, and the status of each open cycle, from one read of their rows (on the
    caller's session: the reminders read everything they judge in one go)."""
    book = rule_book()
    held = _load_credentials(session)
    cycles, acts, allocs = _engine_inputs(session, held)
    statuses = ceu_status.credential_statuses(book, cycles, acts, allocs, today)
    return [_credential_info(book, row) for row in held], [s for s in statuses if not s.closed]


@dataclass(frozen=True, slots=True)
class CeuInputs:
    """What the CEU status engine judges, read once (for a dialog's warnings while typing)."""

    cycles: list[HeldCycle]
    activities: list[CeuActivity]
    allocations: list[Allocation]


def load_ceu_inputs(db: Database) -> CeuInputs:
    with db.transaction() as session:
        return CeuInputs(*_engine_inputs(session))


def warnings_from(
    inputs: CeuInputs,
    data: ActivityInput,
    allocations: Sequence[tuple[int, Decimal]],
    today: date,
    activity_id: int | None = None,
) -> list[AllocationWarning]:
    """application_warnings from inputs already read: no database access (a dialog calls it
    as the user types)."""
    probe_id = activity_id if activity_id is not None else -1
    acts = [a for a in inputs.activities if a.id != probe_id]
    acts.append(CeuActivity(probe_id, data.completed_on, data.units, data.category,
                            data.ahima_sourced, data.provider))  # fmt: skip
    kept = [a for a in inputs.allocations if a.activity_id != probe_id]
    new = [Allocation(probe_id, cycle_id, units) for cycle_id, units in allocations]
    return ceu_status.allocation_warnings(rule_book(), inputs.cycles, acts, kept, new, today)


def application_warnings(
    db: Database,
    data: ActivityInput,
    allocations: Sequence[tuple[int, Decimal]],
    today: date,
    activity_id: int | None = None,
) -> list[AllocationWarning]:
    """What the user should know before saving: for each credential the activity is applied to,
    why some of its units will not count (outside the cycle, before the certification date,
    already used), and for each pooled cycle whether it still needs what this activity brings
    (no carry-over). Judged with all the activity's applications at once. Nothing is written."""
    return warnings_from(load_ceu_inputs(db), data, allocations, today, activity_id)
