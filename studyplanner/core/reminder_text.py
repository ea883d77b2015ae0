"""Reminders in plain English, with ISO dates: what the command line prints and the
notification agent (which runs without Qt) shows. The GUI renders the same reasons through tr()
and the user's locale (ui/reminder_words.py)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

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
from studyplanner.core.rule_check import english as check_english


def _units(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _days(n: int) -> str:
    if n == 0:
        return "today"
    if n == 1:
        return "tomorrow"
    return f"in {n} days"


def _names(labels: Sequence[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def english(reason: Reason) -> str:
    """The reminder's sentence in English."""
    match reason:
        case StudyToday(minutes, titles):
            return f"Today's study: {minutes} min of {', '.join(titles)}."
        case ModuleOverdue(title, due, late):
            return (
                f"'{title}' was due {late} day{'s' if late != 1 else ''} ago "
                f"({due.isoformat()}); mark it complete or re-plan."
            )
        case ExamSoon(title, on, days_left):
            return f"'{title}' is {_days(days_left)} ({on.isoformat()})."
        case NoStudy(days, logged_before):
            what = "No study logged" if logged_before else "No study logged yet"
            return f"{what} for {days} days. A short session today keeps the plan on track."
        case CeuShortfall(names, missing, required, end, days_left, pace):
            about = f" (about {_units(pace)} a month)" if pace else ""
            return (
                f"{_names(names)}: {_units(missing)} of {_units(required)} CEUs still "
                f"missing; the cycle ends {_days(days_left)} ({end.isoformat()}){about}."
            )
        case CeuRuleUnmet(names, check):
            return (
                f"{_names(names)}: not met yet: {check_english(check)}; "
                f"{_units(check.earned)} so far."
            )
        case CycleEnding(names, body, start, end, days_left):
            return (
                f"{_names(names)}: the cycle {start.isoformat()} to {end.isoformat()} ends "
                f"{_days(days_left)}: submit your CEUs and pay any fee to {body} by "
                f"{end.isoformat()}."
            )
        case SubmissionOpen(names, body, opens, end):
            return (
                f"{_names(names)}: {body}'s submission window is open since "
                f"{opens.isoformat()}; the cycle ends on {end.isoformat()}."
            )
        case CredentialOverdue(names, end, missing, phase, until):
            if phase is OverduePhase.GRACE and until is not None:
                then = f"the grace period ends on {until.isoformat()}"
            elif phase is OverduePhase.LAPSING and until is not None:
                then = f"the credential lapses on {until.isoformat()}"
            else:
                then = "check your status with the body: it may have lapsed"
            without = ", ".join(check_english(c) for c in missing)
            return (
                f"{_names(names)}: the cycle ended on {end.isoformat()} without {without}; {then}."
            )
        case MembershipRenewal(body, renews, days_left):
            return (
                f"Your {body} membership renews {_days(days_left)} ({renews.isoformat()}); "
                "dues keep your credentials active."
            )
        case BackupDue(last_backup):
            when = (
                f"was last backed up on {last_backup.isoformat()}"
                if last_backup
                else "has never been backed up"
            )
            return f"Your data {when}. Back up now to keep it safe."
        case RulesOld(checked):
            return (
                f"The credential rules were last checked on {checked.isoformat()}; compare "
                "them with your body's current requirements and adjust your figures if "
                "needed."
            )
