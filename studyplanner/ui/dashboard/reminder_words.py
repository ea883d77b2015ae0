"""A reminder in the user's language: its reason (core/reminder_reasons.py) through tr(), dates
in the locale (format_date), durations in the one style (format_hours), counts with how_many.
The command line and the notification agent say the same in English (core/reminder_text.py)."""

from __future__ import annotations

from collections.abc import Sequence

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
from studyplanner.ui.credentials.ceu_check_words import check_words
from studyplanner.ui.shared.formatting import format_date, format_hours, how_many, tr, units_text


def _t(text: str) -> str:
    return tr(text)


def days_words(n: int) -> str:
    return how_many(n, _t("day"), _t("days"))


def names_words(names: Sequence[str]) -> str:
    """ "CPC", "CPC and CPMA", "CPC, CPMA and CRC" (credentials, or rule lines)."""
    if len(names) == 1:
        return names[0]
    return _t("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


def when_words(days: int) -> str:
    """ "today", "tomorrow", "in 3 days"."""
    if days == 0:
        return _t("today")
    if days == 1:
        return _t("tomorrow")
    return _t("in {distance}").format(distance=days_words(days))


def reminder_words(reason: Reason) -> str:
    """The reminder's sentence in the user's language."""
    match reason:
        case StudyToday(minutes, titles):
            return _t("Today's study: {duration} of {titles}.").format(
                duration=format_hours(minutes), titles=", ".join(titles)
            )
        case ModuleOverdue(title, due, late):
            return _t("“{title}” was due {days} ago ({date}); mark it complete or re-plan.").format(
                title=title, days=days_words(late), date=format_date(due)
            )
        case ExamSoon(title, on, days_left):
            return _t("“{title}” is {when} ({date}).").format(
                title=title, when=when_words(days_left), date=format_date(on)
            )
        case NoStudy(days, logged_before):
            text = (
                _t("No study logged for {days}. A short session today keeps the plan on track.")
                if logged_before
                else _t(
                    "No study logged yet for {days}. A short session today keeps the plan on track."
                )
            )
            return text.format(days=days_words(days))
        case CeuShortfall(names, missing, required, end, days_left, pace):
            text = (
                _t(
                    "{names}: {missing} of {required} CEUs still missing; the cycle ends {when} "
                    "({date}) (about {pace} a month)."
                )
                if pace
                else _t(
                    "{names}: {missing} of {required} CEUs still missing; the cycle ends {when} "
                    "({date})."
                )
            )
            return text.format(
                names=names_words(names), missing=units_text(missing),
                required=units_text(required), when=when_words(days_left),
                date=format_date(end), pace=units_text(pace) if pace else "",
            )  # fmt: skip
        case CeuRuleUnmet(names, check):
            return _t("{names}: not met yet: {rule}; {earned} so far.").format(
                names=names_words(names), rule=check_words(check), earned=units_text(check.earned)
            )
        case CycleEnding(names, body, start, end, days_left):
            return _t(
                "{names}: the cycle {start} – {end} ends {when}: submit your CEUs and pay any fee "
                "to {body} by {date}."
            ).format(
                names=names_words(names), start=format_date(start), end=format_date(end),
                when=when_words(days_left), body=body, date=format_date(end),
            )  # fmt: skip
        case SubmissionOpen(names, body, opens, end):
            return _t(
                "{names}: {body}'s submission window is open since {opens}; the cycle ends on "
                "{end}."
            ).format(names=names_words(names), body=body, opens=format_date(opens),
                     end=format_date(end))  # fmt: skip
        case CredentialOverdue(names, end, missing, phase, until):
            if phase is OverduePhase.GRACE and until is not None:
                text = _t(
                    "{names}: the cycle ended on {end} without {missing}; the grace period ends "
                    "on {date}."
                )
            elif phase is OverduePhase.LAPSING and until is not None:
                text = _t(
                    "{names}: the cycle ended on {end} without {missing}; the credential lapses "
                    "on {date}."
                )
            else:
                text = _t(
                    "{names}: the cycle ended on {end} without {missing}; check your status with "
                    "the body: it may have lapsed."
                )
            return text.format(
                names=names_words(names), end=format_date(end),
                missing=names_words([check_words(c) for c in missing]), date=format_date(until),
            )  # fmt: skip
        case MembershipRenewal(body, renews, days_left):
            return _t(
                "Your {body} membership renews {when} ({date}); dues keep your credentials active."
            ).format(body=body, when=when_words(days_left), date=format_date(renews))
        case BackupDue(last_backup):
            if last_backup is None:
                return _t("Your data has never been backed up. Back up now to keep it safe.")
            return _t(
                "Your data was last backed up on {date}. Back up now to keep it safe."
            ).format(date=format_date(last_backup))
        case RulesOld(checked):
            return _t(
                "The credential rules were last checked on {date}; compare them with your body's "
                "current requirements and adjust your figures if needed."
            ).format(date=format_date(checked))
