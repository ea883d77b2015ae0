"""What the CEU rules warn of before an activity is saved, and why an activity does not count,
in the user's language: the codes and values of core/ceu_reasons.py through tr(), dates through
QLocale (format_date). The command line says the same in English (ceu_reasons.english)."""

from __future__ import annotations

from studyplanner.core.ceu_reasons import AllocationWarning, NotCounted, NotCountedCode, WarningCode
from studyplanner.ui.credentials.ceu_check_words import check_words
from studyplanner.ui.dashboard.reminder_words import names_words
from studyplanner.ui.shared.formatting import format_date, tr


def _t(text: str) -> str:
    return tr(text)


def not_counted_words(why: NotCounted) -> str:
    """ "completed outside the cycle 1/1/25 to 12/31/26" (no capital, no full stop)."""
    if why.code is NotCountedCode.BEFORE_EARNED:
        return _t("completed before {credential} was earned ({date})").format(
            credential=why.credential, date=format_date(why.earned_on)
        )
    if why.code is NotCountedCode.OUTSIDE_CYCLE:
        return _t("completed outside the cycle {start} to {end}").format(
            start=format_date(why.start), end=format_date(why.end)
        )
    return _t("already counted in the cycle ending {date}").format(date=format_date(why.end))


def warning_words(warning: AllocationWarning) -> str:
    """The warning as one sentence in the user's language."""
    if warning.code is WarningCode.WILL_NOT_COUNT:
        why = not_counted_words(warning.why) if warning.why is not None else ""
        return _t("It will not count for {credential}: {why}.").format(
            credential=warning.credential, why=why
        )
    pool = names_words(warning.pool) if warning.pool else ""
    if warning.code is WarningCode.ALREADY_MET:
        return _t(
            "The cycle of {credentials} already meets every requirement; extra CEUs do not "
            "carry over to the next cycle."
        ).format(credentials=pool)
    return _t(
        "It does not help with what the cycle of {credentials} still needs ({needs}); extra "
        "CEUs do not carry over."
    ).format(credentials=pool, needs="; ".join(check_words(c) for c in warning.missing))
