"""The verdict in plain English (the CLI prints this; the GUI builds its own translated text)."""

from __future__ import annotations

from datetime import date

from studyplanner.core import durations
from studyplanner.core.model import SittingShortfall, Verdict, VerdictKind

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def format_day(day: date) -> str:
    """ "14 Oct 2027": the same on every machine (the CLI's output must not depend on locale)."""
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{day.day} {months[day.month - 1]} {day.year}"


def format_hours(minutes: int) -> str:
    """ "9 h 30 min", "1 h": the one duration style (core/durations.py)."""
    return durations.english(minutes)


def _more_hours(minutes: int) -> str:
    return f"{durations.english(minutes)} more"


def _distance(days: int) -> str:
    days = abs(days)
    if days < 14:
        return "1 day" if days == 1 else f"{days} days"
    weeks = round(days / 7)
    return f"{weeks} weeks"


def _months(months: float) -> str:
    return f"{months:g} month" if months == 1 else f"{months:g} months"


def _and(items: list[int] | list[str]) -> str:
    """ "1, 2 and 4" """
    words = [str(i) for i in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" and {words[-1]}"


def _late_terms(verdict: Verdict) -> list[str]:
    """The late terms with the weekly hours each needs against those given (one sentence);
    old stored verdicts without the figures get one sentence naming the terms."""
    needs = {n.number: n.minutes_per_week for n in verdict.term_needs}
    given = verdict.weekly_minutes_given
    out: list[str] = []
    plain = [term for term in verdict.late_terms if term not in needs]
    figured = [term for term in verdict.late_terms if term in needs]
    if len(figured) == 1:
        term = figured[0]
        sentence = (
            f"Term {term} does not fit in its dates: it needs about "
            f"{format_hours(needs[term])} a week"
        )
        if given:
            sentence += f"; you gave {format_hours(given)}"
        out.append(sentence + ".")
    elif figured:
        with_given = f" with {format_hours(given)} a week" if given else ""
        each = [f"term {term} about {format_hours(needs[term])}" for term in figured]
        out.append(
            f"Terms {_and(figured)} do not fit in their dates{with_given}; they need: "
            f"{_and(each)} a week."
        )
    if len(plain) == 1:
        out.append(
            f"Term {plain[0]} does not fit in its dates: its courses need more study time each "
            "week."
        )
    elif plain:
        out.append(
            f"Terms {_and(plain)} do not fit in their dates: their courses need more study time "
            "each week."
        )
    return out


def _short_hours(minutes: int) -> str:
    return durations.english(minutes)


def describe_sitting_shortfall(s: SittingShortfall) -> str:
    """ "CPC exam needs one day with 4 h; your longest day is Saturday with 2 h: give a
    Saturday 4 h, or allow long sittings." """
    day = WEEKDAY_NAMES[s.longest_weekday]
    need = _short_hours(s.minutes)
    return (
        f"{s.title} needs one day with {need}; your longest day is {day} with "
        f"{_short_hours(s.longest_minutes)}: give a {day} {need}, or allow long sittings."
    )


def describe_verdict(verdict: Verdict) -> str:
    """One or a few plain English sentences: when the plan finishes, against the target or the
    weekly hours, late terms, and a length outside what the program usually takes."""
    parts: list[str] = []
    finish = verdict.finish
    if verdict.kind is not VerdictKind.IMPOSSIBLE and finish is None:
        if verdict.sittings_too_long:  # only sittings (and what requires them) are left
            return " ".join(describe_sitting_shortfall(s) for s in verdict.sittings_too_long)
        return "Nothing is left to study."
    if verdict.kind is VerdictKind.IMPOSSIBLE or finish is None:
        if verdict.weekly_minutes_used == 0:
            return "Cannot be scheduled: there is no study time available in the week."
        return (
            "Cannot be scheduled: the days off and the study time available leave too little "
            "time to finish within 15 years."
        )
    weekly = format_hours(verdict.weekly_minutes_used)
    # first what keeps a sitting off the calendar: the finish below is without it
    parts.extend(describe_sitting_shortfall(s) for s in verdict.sittings_too_long)
    if verdict.kind is VerdictKind.FITS:
        if verdict.days_early == 0:
            when = "on your target date"
        else:
            when = f"{_distance(verdict.days_early)} before your target"
        parts.append(f"Finishes on {format_day(finish)}, {when} (about {weekly} a week).")
    elif verdict.kind is VerdictKind.TOO_LATE:
        if verdict.days_early < 0:
            late = f", {_distance(verdict.days_early)} after your target"
        else:
            late = ""
        parts.append(f"Does not fit: finishes on {format_day(finish)}{late}.")
        if verdict.extra_minutes_per_week and verdict.late_terms:  # a later target is no help
            parts.append(f"It needs {_more_hours(verdict.extra_minutes_per_week)} a week.")
        elif verdict.extra_minutes_per_week and verdict.suggested_target:
            parts.append(
                f"It needs {_more_hours(verdict.extra_minutes_per_week)} a week, "
                f"or a target of {format_day(verdict.suggested_target)}."
            )
        elif verdict.suggested_target:
            parts.append(f"Choose a target of {format_day(verdict.suggested_target)} or later.")
    else:
        parts.append(
            f"Finishes on {format_day(finish)} ({_months(verdict.months)} at {weekly} a week)."
        )
    parts += _late_terms(verdict)
    if verdict.outside_usual and verdict.usual_months:
        low, high = verdict.usual_months
        parts.append(
            f"This plan takes {_months(round(verdict.months))}; "
            f"{verdict.program_label} usually take {low} to {high}."
        )
    return " ".join(parts)
