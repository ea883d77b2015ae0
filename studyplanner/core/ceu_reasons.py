"""Why an activity's CEUs do not count where they are applied, and what the rules warn of before
an activity is saved, as data: a code and the values its words need (no sentence is built
here). `english` renders them for the command line and the audit packet ("It will not count for
CPC: completed outside the cycle 2025-01-01 to 2026-12-31."); the GUI renders the same codes and
values through tr() (ui/credentials/ceu_warning_words.py); `warning_values` is the JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from studyplanner.core.rule_check import RuleCheck, check_values


class NotCountedCode(StrEnum):
    BEFORE_EARNED = "before_earned"  # completed before the credential was earned
    OUTSIDE_CYCLE = "outside_cycle"  # completed outside the cycle's dates
    ALREADY_COUNTED = "already_counted"  # counted in another cycle of the same body


@dataclass(frozen=True, slots=True)
class NotCounted:
    """Why an activity applied to a cycle counts nothing there."""

    code: NotCountedCode
    credential: str = ""  # BEFORE_EARNED: the credential (what the user calls it)
    earned_on: date | None = None  # BEFORE_EARNED
    start: date | None = None  # OUTSIDE_CYCLE: the cycle's first day
    end: date | None = None  # OUTSIDE_CYCLE: its last day; ALREADY_COUNTED: the counting cycle's


class WarningCode(StrEnum):
    WILL_NOT_COUNT = "will_not_count"  # nothing counts for one credential (see `why`)
    ALREADY_MET = "already_met"  # the pool's cycle meets every requirement: no carry-over
    DOES_NOT_HELP = "does_not_help"  # it helps none of what the pool's cycle still needs


@dataclass(frozen=True, slots=True)
class AllocationWarning:
    """One thing the user should know before applying an activity (it does not block saving)."""

    code: WarningCode
    credential: str = ""  # WILL_NOT_COUNT: for which credential
    why: NotCounted | None = None  # WILL_NOT_COUNT
    pool: tuple[str, ...] = ()  # ALREADY_MET, DOES_NOT_HELP: the credentials sharing the cycle
    missing: tuple[RuleCheck, ...] = ()  # DOES_NOT_HELP: what the cycle still needs


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def not_counted_english(why: NotCounted) -> str:
    """ "completed outside the cycle 2025-01-01 to 2026-12-31" (no capital, no full stop)."""
    if why.code is NotCountedCode.BEFORE_EARNED:
        return f"completed before {why.credential} was earned ({_day(why.earned_on)})"
    if why.code is NotCountedCode.OUTSIDE_CYCLE:
        return f"completed outside the cycle {_day(why.start)} to {_day(why.end)}"
    return f"already counted in the cycle ending {_day(why.end)}"


def english(warning: AllocationWarning) -> str:
    """The warning as one English sentence."""
    if warning.code is WarningCode.WILL_NOT_COUNT:
        why = not_counted_english(warning.why) if warning.why is not None else ""
        return f"It will not count for {warning.credential}: {why}."
    pool = " and ".join(warning.pool)
    if warning.code is WarningCode.ALREADY_MET:
        return (
            f"{pool}'s cycle already meets every requirement; extra CEUs do not carry over to "
            "the next cycle."
        )
    needs = "; ".join(c.label for c in warning.missing)
    return (
        f"It does not help with what {pool}'s cycle still needs ({needs}); extra CEUs do not "
        "carry over."
    )


def not_counted_values(why: NotCounted) -> dict[str, Any]:
    values: dict[str, Any] = {"code": why.code.value}
    if why.code is NotCountedCode.BEFORE_EARNED:
        values |= {"credential": why.credential, "earned_on": _day(why.earned_on)}
    elif why.code is NotCountedCode.OUTSIDE_CYCLE:
        values |= {"start": _day(why.start), "end": _day(why.end)}
    else:
        values["cycle_end"] = _day(why.end)
    return values


def warning_values(warning: AllocationWarning) -> dict[str, Any]:
    """The code and values of a warning, with its English, for JSON."""
    values: dict[str, Any] = {"code": warning.code.value, "message": english(warning)}
    if warning.code is WarningCode.WILL_NOT_COUNT:
        values["credential"] = warning.credential
        if warning.why is not None:
            values["why"] = not_counted_values(warning.why)
    else:
        values["pool"] = list(warning.pool)
    if warning.code is WarningCode.DOES_NOT_HELP:
        values["missing"] = [check_values(c) for c in warning.missing]
    return values
