"""Why a reminder is shown, as data: one small record per kind of reminder with the values its
words need (titles, dates, CEU figures, credential labels, days). Core builds them
(core/reminders.py); the command line and the notification agent render them in English
(core/reminder_text.py), the GUI through tr() and the user's locale (ui/reminder_words.py); the
command line's JSON carries them as they are (`reason_values`)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from studyplanner.core.rule_check import RuleCheck, check_values


@dataclass(frozen=True, slots=True)
class StudyToday:
    minutes: int
    titles: tuple[str, ...]  # the modules of today's blocks, each once, in order


@dataclass(frozen=True, slots=True)
class ModuleOverdue:
    title: str
    due: date
    days_late: int


@dataclass(frozen=True, slots=True)
class ExamSoon:
    title: str
    on: date
    days_left: int  # 0: today


@dataclass(frozen=True, slots=True)
class NoStudy:
    days: int
    logged_before: bool  # False: nothing logged since the plan started


@dataclass(frozen=True, slots=True)
class CeuShortfall:
    names: tuple[str, ...]  # the credentials sharing the total (CPC, CPMA)
    missing: Decimal
    required: Decimal
    cycle_end: date
    days_left: int
    pace_per_month: Decimal | None


@dataclass(frozen=True, slots=True)
class CeuRuleUnmet:
    names: tuple[str, ...]
    check: RuleCheck  # its code, what it requires and what is earned so far


@dataclass(frozen=True, slots=True)
class CycleEnding:
    names: tuple[str, ...]
    body: str
    cycle_start: date
    cycle_end: date
    days_left: int


@dataclass(frozen=True, slots=True)
class SubmissionOpen:
    names: tuple[str, ...]
    body: str
    opens: date
    cycle_end: date


class OverduePhase(Enum):
    GRACE = "grace"  # inside the body's grace period (until: its last day)
    LAPSING = "lapsing"  # after it, before the credential lapses (until: the lapse day)
    LAPSED = "lapsed"  # past both, or the body names neither (until: None)


@dataclass(frozen=True, slots=True)
class CredentialOverdue:
    names: tuple[str, ...]
    cycle_end: date
    missing: tuple[RuleCheck, ...]  # each check not met, once
    phase: OverduePhase
    until: date | None


@dataclass(frozen=True, slots=True)
class MembershipRenewal:
    body: str
    renews: date
    days_left: int


@dataclass(frozen=True, slots=True)
class BackupDue:
    last_backup: date | None  # None: never backed up


@dataclass(frozen=True, slots=True)
class RulesOld:
    checked: date


Reason = (
    StudyToday | ModuleOverdue | ExamSoon | NoStudy | CeuShortfall | CeuRuleUnmet | CycleEnding
    | SubmissionOpen | CredentialOverdue | MembershipRenewal | BackupDue | RulesOld
)  # fmt: skip


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, RuleCheck):
        return check_values(value)
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    return value


def reason_values(reason: Reason) -> dict[str, Any]:
    """The values of a reason for JSON: dates as ISO text, CEU figures as numbers, rule checks
    as their codes and values."""
    return {f.name: _json(getattr(reason, f.name)) for f in fields(reason)}
