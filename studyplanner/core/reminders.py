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
from enum import StrEnum

from studyplanner.core.calendar_steps import next_anniversary
from studyplanner.core.ceu_status import CeuStatus, CredentialStatus, RuleCheck
from studyplanner.core.reminder_reasons import (
    BackupDue,
    CeuRuleUnmet,
    CeuShortfall,
    CredentialOverdue,
    CycleEnding,
    ExamSoon,
    MembershipRenewal,
    ModuleOverdue,
    NoStudy,
    OverduePhase,
    Reason,
    RulesOld,
    StudyToday,
    SubmissionOpen,
)
from studyplanner.core.reminder_text import english


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
    reason: Reason  # the values its words need; rendered by core/reminder_text (English) or
    # ui/reminder_words (the user's language and locale)

    @property
    def message(self) -> str:
        """In English with ISO dates (the command line, the notification agent, tests)."""
        return english(self.reason)


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


def _study(facts: StudyFacts, settings: ReminderSettings, today: date) -> list[Reminder]:
    out = []
    if facts.today_blocks:
        minutes = sum(m for _, _, m in facts.today_blocks)
        titles = tuple(dict.fromkeys(t for _, t, _ in facts.today_blocks))
        text = StudyToday(minutes, titles)
        key = f"study-today:{today.isoformat()}"
        out.append(Reminder(key, ReminderKind.STUDY_TODAY, Severity.INFO, today, text))
    for m in facts.open_modules:
        if m.due < today:
            late = (today - m.due).days
            out.append(Reminder(
                f"module-overdue:{m.module_id}:{m.due.isoformat()}", ReminderKind.MODULE_OVERDUE,
                Severity.WARNING, m.due, ModuleOverdue(m.title, m.due, late),
            ))  # fmt: skip
        if m.is_exam:
            stage = _stage((m.due - today).days, settings.exam_leads)
            if stage is not None:
                out.append(Reminder(
                    f"exam:{m.module_id}:{m.due.isoformat()}:{stage}", ReminderKind.EXAM,
                    Severity.WARNING if stage <= 7 else Severity.INFO, m.due,
                    ExamSoon(m.title, m.due, (m.due - today).days),
                ))  # fmt: skip
    since = facts.last_study_day or facts.plan_start
    if since is not None and facts.open_modules and since <= today:
        idle = (today - since).days
        if idle >= settings.no_study_days:
            out.append(Reminder(
                f"no-study:{since.isoformat()}", ReminderKind.NO_STUDY, Severity.WARNING,
                since + timedelta(days=settings.no_study_days),
                NoStudy(idle, facts.last_study_day is not None),
            ))  # fmt: skip
    return out


def _names(members: Sequence[CredentialStatus]) -> tuple[str, ...]:
    return tuple(m.label for m in members)


def _overdue(members: list[CredentialStatus], today: date) -> Reminder:
    s = min(members, key=lambda m: m.cycle_id)
    due = s.lapses_on or s.cycle_end
    until: date | None = None
    if s.grace_ends is not None and today <= s.grace_ends:
        phase, until = OverduePhase.GRACE, s.grace_ends
        due = s.grace_ends
    elif s.lapses_on is not None and today <= s.lapses_on:
        phase, until = OverduePhase.LAPSING, s.lapses_on
    else:
        phase = OverduePhase.LAPSED
    missing: dict[tuple[str, str], RuleCheck] = {}
    for m in members:
        for c in m.failed_checks:
            missing.setdefault((c.id, c.credential), c)
    return Reminder(
        f"credential-overdue:{s.cycle_id}:{phase.value}", ReminderKind.CREDENTIAL_OVERDUE,
        Severity.URGENT, due,
        CredentialOverdue(_names(members), s.cycle_end, tuple(missing.values()), phase, until),
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
            out.append(Reminder(
                f"ceu-shortfall:{s.cycle_id}:{stage}", ReminderKind.CEU_SHORTFALL,
                Severity.URGENT if stage <= 30 else Severity.WARNING, s.cycle_end,
                CeuShortfall(names, short, s.required, s.cycle_end, s.days_left,
                             s.pace_per_month or None),
            ))  # fmt: skip
        shared = [c for c in s.failed_checks if c.id not in ("total", "quota")]
        for check in shared:
            out.append(Reminder(
                f"ceu-rule:{s.cycle_id}:{check.id}:{stage}", ReminderKind.CEU_RULE,
                Severity.WARNING, s.cycle_end, CeuRuleUnmet(names, check),
            ))  # fmt: skip
        for m in open_members:
            for check in m.failed_checks:
                if check.id == "quota":
                    out.append(Reminder(
                        f"ceu-rule:{m.cycle_id}:quota:{stage}", ReminderKind.CEU_RULE,
                        Severity.WARNING, m.cycle_end, CeuRuleUnmet((m.label,), check),
                    ))  # fmt: skip
    if 0 <= s.days_left <= min(settings.cycle_leads, default=7):
        out.append(Reminder(
            f"cycle-end:{s.cycle_id}:{s.cycle_end.isoformat()}", ReminderKind.CYCLE_END,
            Severity.WARNING, s.cycle_end,
            CycleEnding(names, s.body, s.cycle_start, s.cycle_end, s.days_left),
        ))  # fmt: skip
    if s.submission_opens is not None and s.submission_opens <= today <= s.cycle_end:
        out.append(Reminder(
            f"submission:{s.cycle_id}:{s.submission_opens.isoformat()}", ReminderKind.SUBMISSION,
            Severity.INFO, s.submission_opens,
            SubmissionOpen(names, s.body, s.submission_opens, s.cycle_end),
        ))  # fmt: skip
    return out


def _membership(m: Membership, settings: ReminderSettings, today: date) -> list[Reminder]:
    due = next_anniversary(m.renewal_on, today)
    if (due - today).days > settings.membership_lead_days:
        return []
    return [Reminder(
        f"membership:{m.body}:{due.isoformat()}", ReminderKind.MEMBERSHIP, Severity.WARNING, due,
        MembershipRenewal(m.body, due, (due - today).days),
    )]  # fmt: skip


def _housekeeping(h: Housekeeping, settings: ReminderSettings, today: date) -> list[Reminder]:
    out = []
    since = h.last_backup or h.data_since
    if since is not None and (today - since).days >= settings.backup_days:
        out.append(Reminder(
            f"backup:{since.isoformat()}", ReminderKind.BACKUP, Severity.WARNING,
            since + timedelta(days=settings.backup_days), BackupDue(h.last_backup),
        ))  # fmt: skip
    if h.rules_checked is not None and (today - h.rules_checked).days >= settings.rules_age_days:
        out.append(Reminder(
            f"rules-old:{h.rules_checked.isoformat()}", ReminderKind.RULES_OLD, Severity.INFO,
            h.rules_checked + timedelta(days=settings.rules_age_days), RulesOld(h.rules_checked),
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
