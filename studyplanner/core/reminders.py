"""Reminders: a pure function of (study facts, credential statuses, memberships, housekeeping,
settings, what the user dismissed or snoozed, today) -> the reminders due today.

Every reminder has a stable key that names the situation it is about (the module and its due
date, the cycle and the lead-time stage, the last study day...). Dismissing hides that key for
good; when the situation changes (a new stage, a new due date, a new session) the key changes and
the reminder may come back, so nothing important stays hidden and nothing nags.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from studyplanner.core.calendar_steps import next_anniversary
from studyplanner.core.ceu_status import CeuStatus, CredentialStatus


class ReminderKind(StrEnum):
    STUDY_TODAY = "study_today"
    MODULE_OVERDUE = "module_overdue"
    NO_STUDY = "no_study"
    EXAM = "exam"
    CEU_SHORTFALL = "ceu_shortfall"
    CEU_RULE = "ceu_rule"
    CYCLE_END = "cycle_end"
    SUBMISSION = "submission"
    MEMBERSHIP = "membership"
    CREDENTIAL_OVERDUE = "credential_overdue"
    BACKUP = "backup"
    RULES_OLD = "rules_old"


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    URGENT = "urgent"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "urgent": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Reminder:
    key: str
    kind: ReminderKind
    severity: Severity
    due: date
    message: str


@dataclass(frozen=True, slots=True)
class PlannedModule:
    """A module not done yet, with its due date in the accepted baseline."""

    module_id: int
    title: str
    due: date
    is_exam: bool = False


@dataclass(frozen=True, slots=True)
class StudyFacts:
    today_blocks: tuple[tuple[int, str, int], ...] = ()  # (module id, title, minutes)
    open_modules: tuple[PlannedModule, ...] = ()
    last_study_day: date | None = None
    plan_start: date | None = None


@dataclass(frozen=True, slots=True)
class Membership:
    """A body's yearly membership renewal (AAPC): the date it was last set to, any year."""

    body: str
    renewal_on: date


@dataclass(frozen=True, slots=True)
class Housekeeping:
    last_backup: date | None
    data_since: date | None  # when the user's data began (no backup nagging on day one)
    rules_checked: date | None  # the oldest 'checked' date among the rules


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    enabled: frozenset[ReminderKind] = field(default_factory=lambda: frozenset(ReminderKind))
    exam_leads: tuple[int, ...] = (30, 7, 1)
    cycle_leads: tuple[int, ...] = (90, 60, 30, 7)
    no_study_days: int = 7
    membership_lead_days: int = 30
    backup_days: int = 14
    rules_age_days: int = 365


@dataclass(frozen=True, slots=True)
class ReminderState:
    """What the user did with a key: dismissed for good, or snoozed until a date."""

    key: str
    dismissed: bool = False
    snoozed_until: date | None = None

    def hides(self, today: date) -> bool:
        return self.dismissed or (self.snoozed_until is not None and today < self.snoozed_until)


def _stage(days_left: int, leads: Iterable[int]) -> int | None:
    """The smallest lead time that `days_left` is within, or None if none (or in the past)."""
    fitting = [lead for lead in leads if 0 <= days_left <= lead]
    return min(fitting) if fitting else None


def _units(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _days(n: int) -> str:
    if n == 0:
        return "today"
    if n == 1:
        return "tomorrow"
    return f"in {n} days"


def _study(facts: StudyFacts, settings: ReminderSettings, today: date) -> list[Reminder]:
    out = []
    if facts.today_blocks:
        minutes = sum(m for _, _, m in facts.today_blocks)
        titles = ", ".join(dict.fromkeys(t for _, t, _ in facts.today_blocks))
        text = f"Today's study: {minutes} min of {titles}."
        key = f"study-today:{today.isoformat()}"
        out.append(Reminder(key, ReminderKind.STUDY_TODAY, Severity.INFO, today, text))
    for m in facts.open_modules:
        if m.due < today:
            late = (today - m.due).days
            out.append(Reminder(
                f"module-overdue:{m.module_id}:{m.due.isoformat()}", ReminderKind.MODULE_OVERDUE,
                Severity.WARNING, m.due,
                f"'{m.title}' was due {late} day{'s' if late != 1 else ''} ago "
                f"({m.due.isoformat()}); log it as done or re-plan.",
            ))  # fmt: skip
        if m.is_exam:
            stage = _stage((m.due - today).days, settings.exam_leads)
            if stage is not None:
                out.append(Reminder(
                    f"exam:{m.module_id}:{m.due.isoformat()}:{stage}", ReminderKind.EXAM,
                    Severity.WARNING if stage <= 7 else Severity.INFO, m.due,
                    f"'{m.title}' is {_days((m.due - today).days)} ({m.due.isoformat()}).",
                ))  # fmt: skip
    since = facts.last_study_day or facts.plan_start
    if since is not None and facts.open_modules and since <= today:
        idle = (today - since).days
        if idle >= settings.no_study_days:
            what = "No study logged" if facts.last_study_day else "No study logged yet"
            out.append(Reminder(
                f"no-study:{since.isoformat()}", ReminderKind.NO_STUDY, Severity.WARNING,
                since + timedelta(days=settings.no_study_days),
                f"{what} for {idle} days. A short session today keeps the plan on track.",
            ))  # fmt: skip
    return out


def _names(members: Sequence[CredentialStatus]) -> str:
    labels = [m.label for m in members]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _overdue(members: list[CredentialStatus], today: date) -> Reminder:
    s = min(members, key=lambda m: m.cycle_id)
    due = s.lapses_on or s.cycle_end
    if s.grace_ends is not None and today <= s.grace_ends:
        phase, text = "grace", f"the grace period ends on {s.grace_ends.isoformat()}"
        due = s.grace_ends
    elif s.lapses_on is not None and today <= s.lapses_on:
        phase, text = "lapsing", f"the credential lapses on {s.lapses_on.isoformat()}"
    else:
        phase, text = "lapsed", "check your status with the body: it may have lapsed"
    missing = ", ".join(dict.fromkeys(c.label for m in members for c in m.failed_checks))
    return Reminder(
        f"credential-overdue:{s.cycle_id}:{phase}", ReminderKind.CREDENTIAL_OVERDUE,
        Severity.URGENT, due,
        f"{_names(members)}: the cycle ended on {s.cycle_end.isoformat()} without {missing}; "
        f"{text}.",
    )  # fmt: skip


def _pool(
    members: list[CredentialStatus], settings: ReminderSettings, today: date
) -> list[Reminder]:
    """The reminders of credentials sharing one cycle and total (CPC and CPMA at AAPC): the
    shortfall, the cycle end and the submission window once for all of them; a credential's own
    quota for that credential. Keys use the pool's first cycle id, so a one-credential pool keys
    by its own cycle."""
    out = []
    s = min(members, key=lambda m: m.cycle_id)
    names = _names(members)
    overdue = [m for m in members if m.status is CeuStatus.OVERDUE]
    if overdue:
        return [_overdue(overdue, today)]
    stage = _stage(s.days_left, settings.cycle_leads)
    open_members = [m for m in members if m.status is not CeuStatus.COMPLETE]
    if stage is not None and open_members:
        short = s.required - s.earned  # the pooled total's shortfall (quotas: below)
        if short > 0:
            pace = f" (about {_units(s.pace_per_month)} a month)" if s.pace_per_month else ""
            out.append(Reminder(
                f"ceu-shortfall:{s.cycle_id}:{stage}", ReminderKind.CEU_SHORTFALL,
                Severity.URGENT if stage <= 30 else Severity.WARNING, s.cycle_end,
                f"{names}: {_units(short)} of {_units(s.required)} CEUs still missing; "
                f"the cycle ends {_days(s.days_left)} ({s.cycle_end.isoformat()}){pace}.",
            ))  # fmt: skip
        shared = [c for c in s.failed_checks if c.id not in ("total", "quota")]
        for check in shared:
            out.append(Reminder(
                f"ceu-rule:{s.cycle_id}:{check.id}:{stage}", ReminderKind.CEU_RULE,
                Severity.WARNING, s.cycle_end,
                f"{names}: not met yet: {check.label}; {_units(check.earned)} so far.",
            ))  # fmt: skip
        for m in open_members:
            for check in m.failed_checks:
                if check.id == "quota":
                    out.append(Reminder(
                        f"ceu-rule:{m.cycle_id}:quota:{stage}", ReminderKind.CEU_RULE,
                        Severity.WARNING, m.cycle_end,
                        f"{m.label}: not met yet: {check.label}; {_units(check.earned)} so far.",
                    ))  # fmt: skip
    cycle = f"{s.cycle_start.isoformat()} to {s.cycle_end.isoformat()}"
    if 0 <= s.days_left <= min(settings.cycle_leads, default=7):
        out.append(Reminder(
            f"cycle-end:{s.cycle_id}:{s.cycle_end.isoformat()}", ReminderKind.CYCLE_END,
            Severity.WARNING, s.cycle_end,
            f"{names}: the cycle {cycle} ends {_days(s.days_left)}: submit your CEUs "
            f"and pay any fee to {s.body} by {s.cycle_end.isoformat()}.",
        ))  # fmt: skip
    if s.submission_opens is not None and s.submission_opens <= today <= s.cycle_end:
        out.append(Reminder(
            f"submission:{s.cycle_id}:{s.submission_opens.isoformat()}", ReminderKind.SUBMISSION,
            Severity.INFO, s.submission_opens,
            f"{names}: {s.body}'s submission window is open since "
            f"{s.submission_opens.isoformat()}; the cycle ends on {s.cycle_end.isoformat()}.",
        ))  # fmt: skip
    return out


def _membership(m: Membership, settings: ReminderSettings, today: date) -> list[Reminder]:
    due = next_anniversary(m.renewal_on, today)
    if (due - today).days > settings.membership_lead_days:
        return []
    return [Reminder(
        f"membership:{m.body}:{due.isoformat()}", ReminderKind.MEMBERSHIP, Severity.WARNING, due,
        f"Your {m.body} membership renews {_days((due - today).days)} ({due.isoformat()}); "
        "dues keep your credentials active.",
    )]  # fmt: skip


def _housekeeping(h: Housekeeping, settings: ReminderSettings, today: date) -> list[Reminder]:
    out = []
    since = h.last_backup or h.data_since
    if since is not None and (today - since).days >= settings.backup_days:
        when = (
            f"was last backed up on {h.last_backup.isoformat()}"
            if h.last_backup
            else "has never been backed up"
        )
        out.append(Reminder(
            f"backup:{since.isoformat()}", ReminderKind.BACKUP, Severity.WARNING,
            since + timedelta(days=settings.backup_days),
            f"Your data {when}. Back up now to keep it safe.",
        ))  # fmt: skip
    if h.rules_checked is not None and (today - h.rules_checked).days >= settings.rules_age_days:
        out.append(Reminder(
            f"rules-old:{h.rules_checked.isoformat()}", ReminderKind.RULES_OLD, Severity.INFO,
            h.rules_checked + timedelta(days=settings.rules_age_days),
            f"The credential rules were last checked on {h.rules_checked.isoformat()}; compare "
            "them with your body's current requirements and adjust your figures if needed.",
        ))  # fmt: skip
    return out


def all_reminders(
    study: StudyFacts | None,
    credentials: Sequence[CredentialStatus],
    memberships: Sequence[Membership],
    housekeeping: Housekeeping | None,
    settings: ReminderSettings,
    today: date,
) -> list[Reminder]:
    """Every reminder that applies today, before dismissals and snoozes; most urgent first."""
    found: list[Reminder] = []
    if study is not None:
        found += _study(study, settings, today)
    pools: dict[tuple[str, date], list[CredentialStatus]] = {}
    for status in credentials:
        if not status.closed:
            pools.setdefault((status.body, status.cycle_end), []).append(status)
    for members in pools.values():
        found += _pool(sorted(members, key=lambda m: m.label), settings, today)
    for m in {(m.body, m.renewal_on): m for m in memberships}.values():
        found += _membership(m, settings, today)
    if housekeeping is not None:
        found += _housekeeping(housekeeping, settings, today)
    unique = {r.key: r for r in found if r.kind in settings.enabled}
    return sorted(unique.values(), key=lambda r: (-r.severity.rank, r.due, r.key))


def due_reminders(
    study: StudyFacts | None,
    credentials: Sequence[CredentialStatus],
    memberships: Sequence[Membership],
    housekeeping: Housekeeping | None,
    settings: ReminderSettings,
    states: Mapping[str, ReminderState],
    today: date,
) -> list[Reminder]:
    """The reminders to show today: all that apply, minus dismissed and snoozed keys."""
    return [
        r
        for r in all_reminders(study, credentials, memberships, housekeeping, settings, today)
        if not (r.key in states and states[r.key].hides(today))
    ]


_SUBJECT_KINDS = frozenset({
    ReminderKind.MODULE_OVERDUE, ReminderKind.EXAM, ReminderKind.CEU_SHORTFALL,
    ReminderKind.CEU_RULE, ReminderKind.CYCLE_END, ReminderKind.SUBMISSION,
    ReminderKind.CREDENTIAL_OVERDUE,
})  # fmt: skip


def reminder_subject(reminder: Reminder) -> int | None:
    """What a reminder is about, for its action: the module id (module overdue, exam) or the
    CEU cycle id (shortfall, rule, cycle end, submission, overdue credential), read from its
    stable key ("kind:id:..."); None for the other kinds."""
    if reminder.kind not in _SUBJECT_KINDS:
        return None
    parts = reminder.key.split(":")
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
