"""CEU status per credential and cycle: what is required, what counts, what is missing, by when.

Pure: a function of (rule book, the user's credential cycles, CEU activities, how each activity is
applied to each cycle, today). How the bodies' rules are read here:

- **Pools.** Credentials of one body whose cycles end on the same day share one requirement: AAPC
  sets one total per person by the number of AAPC credentials held, AHIMA the highest single
  requirement plus a figure per additional credential, capped. A credential row shows its pool's
  total and its own quota.
- **Counted once.** An activity counts at most its own units toward a pool's total, however many
  of the pool's credentials it is applied to (so CPC + CPMA may both list an auditing CEU, which
  counts once in the total and toward CPMA's quota), and in one cycle of a body only: the earliest
  cycle it is applied to and counts in.
- **What counts.** The completion date must be inside the cycle (or, where the body allows it, in
  the renewal month just before the cycle starts) and not before the credential was earned.
- **Shares** (AHIMA 80 % HIIM domains, 40 % AHIMA-sourced) are measured against the required
  total: 80 % of 20 required CEUs means 16 in the HIIM domains.
- **The user's figures win**: a cycle's own required total or quota replaces the rule's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum

from studyplanner.core.ceu_reasons import (
    AllocationWarning,
    NotCounted,
    NotCountedCode,
    WarningCode,
    not_counted_english,
)
from studyplanner.core.ceu_rules import SHARE_HIIM, TOTALS_TABLE, BodyRules, RuleBook
from studyplanner.core.rule_check import CheckCode, RuleCheck

__all__ = ["CheckCode", "RuleCheck"]  # re-exported: the checks are part of a status

AT_RISK_DAYS = 90
"""With this many days left or fewer, anything still missing puts a credential at risk."""
SLACK_DAYS = 90
"""Being behind the even pace by less than this many days' worth of CEUs is still on track."""
DAYS_PER_MONTH = Decimal("30.4375")
ZERO = Decimal(0)


class CeuStatus(StrEnum):
    COMPLETE = "complete"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class HeldCycle:
    """One cycle of one credential the user holds, with the user's own figures if any."""

    credential_id: int
    code: str  # the rule's code (CPC, CCS, SPECIALTY...)
    label: str  # what the user calls it (CPC, or CEMC for a specialty credential)
    earned_on: date
    cycle_id: int
    start: date
    end: date
    required_override: Decimal | None = None
    quota_override: Decimal | None = None
    closed: bool = False


@dataclass(frozen=True, slots=True)
class CeuActivity:
    id: int
    completed_on: date
    units: Decimal
    category: str
    ahima_sourced: bool = False
    provider: str = ""


@dataclass(frozen=True, slots=True)
class Allocation:
    """`units` of an activity applied to one credential's cycle."""

    activity_id: int
    cycle_id: int
    units: Decimal


@dataclass(frozen=True, slots=True)
class ActivityOutcome:
    """How one activity applied to this cycle fared: counted units and, if not all, why."""

    activity_id: int
    applied: Decimal
    counted: Decimal
    why: NotCounted | None

    @property
    def reason(self) -> str | None:
        """Why it does not count, in English (the command line, the audit packet)."""
        return None if self.why is None else not_counted_english(self.why)


@dataclass(frozen=True, slots=True)
class CredentialStatus:
    credential_id: int
    cycle_id: int
    code: str
    label: str
    body: str
    cycle_start: date
    cycle_end: date
    closed: bool
    required: Decimal
    required_from_user: bool
    needs_user_figure: bool  # a pro-rated first cycle whose figure the user has not entered
    earned: Decimal
    remaining: Decimal
    days_left: int
    status: CeuStatus
    checks: tuple[RuleCheck, ...]
    pace_per_month: Decimal | None  # CEUs a month still needed to finish on time
    pool: tuple[str, ...]  # labels of the credentials sharing the total
    submission_opens: date | None
    grace_ends: date | None
    lapses_on: date | None
    activities: tuple[ActivityOutcome, ...]

    @property
    def failed_checks(self) -> tuple[RuleCheck, ...]:
        return tuple(c for c in self.checks if not c.met)


def _renewal_month_before(day: date, start: date) -> bool:
    """`day` lies in the calendar month that ends the previous cycle (the day before `start`)."""
    last = start - timedelta(days=1)
    return day < start and (day.year, day.month) == (last.year, last.month)


def _why_not(held: HeldCycle, body: BodyRules, activity: CeuActivity) -> NotCounted | None:
    day = activity.completed_on
    if day < held.earned_on:
        return NotCounted(NotCountedCode.BEFORE_EARNED, held.label, earned_on=held.earned_on)
    if held.start <= day <= held.end:
        return None
    if body.renewal_month_overlap and _renewal_month_before(day, held.start):
        return None
    return NotCounted(NotCountedCode.OUTSIDE_CYCLE, start=held.start, end=held.end)


def _rule_total(book: RuleBook, body: BodyRules, codes: Sequence[str]) -> Decimal:
    held = set(codes)
    kept = [c for c in codes if book.credentials[c].superseded_by not in held]
    count = max(len(kept), 1)
    if body.totals_rule == TOTALS_TABLE:
        total = body.totals_table[0][1]
        for n, ceus in body.totals_table:
            if n <= count:
                total = ceus
        return total
    highest = max(book.credentials[c].ceus for c in kept)
    total = highest + body.per_additional * (count - 1)
    return total if body.max_total is None else min(total, body.max_total)


def pool_total(book: RuleBook, body: BodyRules, codes: Sequence[str]) -> Decimal:
    """The CEUs one person needs per cycle holding these credentials of `body` (one code per
    credential held, repeated for several specialty credentials), by the body's totals rule."""
    return _rule_total(book, body, codes)


def _share_applies(share_from: date | None, end: date) -> bool:
    return share_from is None or end >= share_from


def still_needed(checks: Sequence[RuleCheck]) -> Decimal:
    """The CEUs still needed to meet every check: the largest shortfall of the total, a quota
    or a share (CEUs toward a quota or share count in the total too, so the largest one is what
    a learner still has to earn)."""
    return max((c.required - c.earned for c in checks), default=ZERO).max(ZERO)


def _status(
    checks: Sequence[RuleCheck], start: date, end: date, today: date
) -> tuple[CeuStatus, Decimal | None]:
    days_left = (end - today).days
    missing = [c for c in checks if not c.met]
    if not missing:
        return CeuStatus.COMPLETE, None
    if days_left < 0:
        return CeuStatus.OVERDUE, None
    total_days = (end - start).days + 1
    elapsed = min(max((today - start).days + 1, 0), total_days)
    at_risk = days_left <= AT_RISK_DAYS
    for c in missing:
        expected = c.required * elapsed / total_days
        slack = c.required * SLACK_DAYS / total_days
        if c.earned + slack < expected:
            at_risk = True
    remaining = still_needed(checks)
    months = Decimal(days_left + 1) / DAYS_PER_MONTH
    pace = (remaining / months).quantize(Decimal("0.1"), rounding=ROUND_CEILING)
    return (CeuStatus.AT_RISK if at_risk else CeuStatus.ON_TRACK), pace


def credential_statuses(
    book: RuleBook,
    cycles: Iterable[HeldCycle],
    activities: Iterable[CeuActivity],
    allocations: Iterable[Allocation],
    today: date,
) -> list[CredentialStatus]:
    """One status per cycle given, ordered by body, cycle end and label."""
    cycles = sorted(cycles, key=lambda h: (book.credentials[h.code].body, h.end, h.label))
    acts = {a.id: a for a in activities}
    by_cycle: dict[int, list[Allocation]] = defaultdict(list)
    for al in allocations:
        if al.activity_id in acts:
            by_cycle[al.cycle_id].append(al)
    pools: dict[tuple[str, date], list[HeldCycle]] = defaultdict(list)
    for h in cycles:
        pools[(book.credentials[h.code].body, h.end)].append(h)
    used: dict[tuple[str, int], date] = {}  # (body, activity) -> end of the cycle counting it
    results: list[CredentialStatus] = []
    for (body_code, end), members in pools.items():
        results += _pool_statuses(book, book.bodies[body_code], end, members, acts, by_cycle,
                                  used, today)  # fmt: skip
    return results


def _pool_statuses(
    book: RuleBook,
    body: BodyRules,
    end: date,
    members: list[HeldCycle],
    acts: dict[int, CeuActivity],
    by_cycle: dict[int, list[Allocation]],
    used: dict[tuple[str, int], date],
    today: date,
) -> list[CredentialStatus]:
    outcomes: dict[int, list[ActivityOutcome]] = {}
    counted_sum: dict[int, Decimal] = defaultdict(Decimal)  # activity -> countable units in pool
    for h in members:
        rows = []
        for al in by_cycle.get(h.cycle_id, []):
            act = acts[al.activity_id]
            reason = _why_not(h, body, act)
            earlier = used.get((body.code, act.id))
            if reason is None and earlier is not None and earlier != end:
                reason = NotCounted(NotCountedCode.ALREADY_COUNTED, end=earlier)
            counted = ZERO if reason is not None else min(al.units, act.units)
            if reason is None:
                counted_sum[act.id] += counted
            rows.append(ActivityOutcome(act.id, al.units, counted, reason))
        outcomes[h.cycle_id] = rows
    counted_once = {a: min(units, acts[a].units) for a, units in counted_sum.items()}
    for a in counted_once:
        used.setdefault((body.code, a), end)
    earned = sum(counted_once.values(), ZERO)

    overrides = [h.required_override for h in members if h.required_override is not None]
    required = max(overrides) if overrides else _rule_total(book, body, [h.code for h in members])
    start = min(h.start for h in members)
    # Pro-rated only when the whole pool is new: someone certified before the cycle began is
    # past their first cycle, even if they add a credential during it.
    first_cycle = all(h.start <= h.earned_on for h in members)
    needs_figure = body.first_cycle_user_enters and first_cycle and not overrides
    checks = [RuleCheck("total", CheckCode.TOTAL, required, earned, earned >= required,
                        body.totals)]  # fmt: skip
    for share in body.shares:
        if not _share_applies(share.effective_from, end):
            continue
        if share.kind == SHARE_HIIM:
            part = sum(
                (u for a, u in counted_once.items()
                 if (c := book.categories.get(acts[a].category)) is not None and c.hiim_domain),
                ZERO,
            )  # fmt: skip
            code = CheckCode.HIIM_SHARE
        else:
            part = sum((u for a, u in counted_once.items() if acts[a].ahima_sourced), ZERO)
            code = CheckCode.AHIMA_SOURCED_SHARE
        need = (required * share.min_share).quantize(Decimal("0.01"), rounding=ROUND_CEILING)
        checks.append(RuleCheck(share.id, code, need, part, part >= need, share.source,
                                share=share.min_share))  # fmt: skip

    results = []
    labels = tuple(h.label for h in members)
    for h in members:
        own = list(checks)
        rule = book.credentials[h.code]
        if rule.quota is not None:
            q = rule.quota
            need = h.quota_override if h.quota_override is not None else q.units
            part = ZERO
            for activity_id, units in counted_once.items():  # every CEU the pool counts
                act = acts[activity_id]
                allowed = not q.allowed_providers or any(
                    p.lower() in act.provider.lower() for p in q.allowed_providers
                )
                if act.category == q.category and allowed:
                    part += units
            own.append(RuleCheck("quota", CheckCode.QUOTA, need, part, part >= need, q.source,
                                 category=book.categories[q.category].label,
                                 credential=h.label))  # fmt: skip
        status, pace = _status(own, start, end, today)
        after = end + timedelta(days=body.grace_days) if body.grace_days else None
        overdue = status is CeuStatus.OVERDUE
        results.append(
            CredentialStatus(
                credential_id=h.credential_id, cycle_id=h.cycle_id, code=h.code, label=h.label,
                body=body.code, cycle_start=h.start, cycle_end=h.end, closed=h.closed,
                required=required, required_from_user=bool(overrides),
                needs_user_figure=needs_figure, earned=earned,
                remaining=still_needed(own), days_left=(end - today).days,
                status=status, checks=tuple(own), pace_per_month=pace, pool=labels,
                submission_opens=(
                    end - timedelta(days=body.submission_window_days)
                    if body.submission_window_days else None
                ),
                grace_ends=after if overdue else None,
                lapses_on=(
                    end + timedelta(days=body.lapse_days)
                    if overdue and body.lapse_days is not None else None
                ),
                activities=tuple(outcomes[h.cycle_id]),
            )
        )  # fmt: skip
    return results


def _pool_checks(
    statuses: dict[int, CredentialStatus], pool: tuple[str, date]
) -> dict[tuple[str, str], RuleCheck]:
    """Every check of the credentials of one pool (body, cycle end), by id and credential: the
    total once, each credential's quota."""
    return {(c.id, c.credential): c for s in statuses.values() if (s.body, s.cycle_end) == pool
            for c in s.checks}  # fmt: skip


def allocation_warnings(
    book: RuleBook,
    cycles: Sequence[HeldCycle],
    activities: Sequence[CeuActivity],
    allocations: Sequence[Allocation],
    new: Sequence[Allocation],
    today: date,
) -> list[AllocationWarning]:
    """The reasons (as data) why applying one activity as `new` (all its allocations, to one or
    more cycles; `allocations` holds every other) will not add all its units where the user
    expects, judged with all of them at once: a pooled total counts the activity once, and a
    quota or share counts every CEU of the pool that qualifies.

    Computed by comparing the statuses without and with `new`, so every rule the status engine
    knows (dates, certification date, counted once, already used, no carry-over) speaks here."""
    before = {s.cycle_id: s for s in credential_statuses(book, cycles, activities, allocations,
                                                         today)}  # fmt: skip
    after = {s.cycle_id: s for s in credential_statuses(book, cycles, activities,
                                                        [*allocations, *new], today)}  # fmt: skip
    warnings: list[AllocationWarning] = []
    pools: dict[tuple[str, date], list[Allocation]] = defaultdict(list)
    for al in new:
        status = after.get(al.cycle_id)
        if status is None:
            continue
        outcome = next(o for o in status.activities if o.activity_id == al.activity_id)
        if outcome.why is not None:
            warnings.append(AllocationWarning(WarningCode.WILL_NOT_COUNT, status.label,
                                              outcome.why))  # fmt: skip
        else:
            pools[(status.body, status.cycle_end)].append(al)
    for key, members in pools.items():
        pool = after[members[0].cycle_id].pool
        was, now = _pool_checks(before, key), _pool_checks(after, key)
        still_missing = [key for key, c in was.items() if not c.met]
        helped = [key for key in still_missing if now[key].earned > was[key].earned]
        if not still_missing:
            warnings.append(AllocationWarning(WarningCode.ALREADY_MET, pool=pool))
        elif not helped:
            missing = tuple(was[key] for key in still_missing)
            warnings.append(AllocationWarning(WarningCode.DOES_NOT_HELP, pool=pool,
                                              missing=missing))  # fmt: skip
    return warnings
