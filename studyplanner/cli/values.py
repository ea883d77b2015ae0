"""The form each value on the command line must take: strict, ASCII, the same on every Python.

- A date is YYYY-MM-DD (date.fromisoformat alone also takes 20260301 and 2026-W10-1).
- Minutes and module ids are whole numbers in the digits 0-9 (int() also takes 4_5, ٤٥,
  ' 45 ' and +45).
- Hours and a score are digits with an optional decimal point, 7.5 (float() also takes 1e3,
  inf and nan).
- CEUs are digits with an optional decimal point or comma, 1.5 or 1,5 (Decimal() also takes
  1_5 and other scripts' digits).

A value in another form raises argparse.ArgumentTypeError saying the form wanted; argparse adds
the argument's name, and the command line exits with status 2 before anything runs.
"""

from __future__ import annotations

import argparse
import re
from datetime import date

from studyplanner.core.model import WEEKDAYS, Availability, Blackout

EARLIEST_DATE = date(1970, 1, 1)
LATEST_DATE = date(2100, 12, 31)
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
WHOLE = re.compile(r"[0-9]+")
DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?")
UNITS = re.compile(r"[0-9]+([.,][0-9]+)?")
MAX_DIGITS = 12
"""Longer numbers are far beyond any range a command accepts (int() of 5,000 digits fails)."""


def _bad(text: str, what: str, form: str) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(f"invalid {what} {text!r}: {form}")


def _check_form(text: str, pattern: re.Pattern[str], what: str, form: str) -> None:
    if text.startswith("-") and pattern.fullmatch(text[1:]):
        raise _bad(text, what, "it cannot be negative")
    if not pattern.fullmatch(text):
        raise _bad(text, what, form)
    if len(text) > MAX_DIGITS:
        shown = text if len(text) <= 40 else f"{text[:20]}...({len(text)} digits)"
        raise _bad(shown, what, "far too large")


def parse_date(text: str) -> date:
    form = "use YYYY-MM-DD, for example 2026-03-01"
    if not DATE.fullmatch(text):
        raise _bad(text, "date", form)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise _bad(text, "date", f"no such day; {form}") from None
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise _bad(text, "date", f"give a date between {EARLIEST_DATE.year} and "
                   f"{LATEST_DATE.year}")  # fmt: skip
    return day


def whole_number(text: str, what: str, example: str) -> int:
    _check_form(text, WHOLE, what, f"give a whole number in the digits 0-9, for example {example}")
    return int(text)


def parse_int(text: str) -> int:
    """Whole minutes (`log --minutes`)."""
    return whole_number(text, "minutes", "45")


def parse_id(text: str) -> int:
    value = whole_number(text, "module id", "3 (see `studyplanner plan show --json`)")
    if not 0 < value < 2**31:
        raise _bad(text, "module id", "give the number of a module")
    return value


def decimal_number(text: str, what: str, example: str) -> float:
    form = f"give digits with an optional decimal point, for example {example}"
    _check_form(text, DECIMAL, what, form)
    return float(text)


def parse_hours(text: str) -> float:
    hours = decimal_number(text, "hours", "7.5")
    if not 0 < hours <= 112:
        raise _bad(text, "hours", "give more than 0 and at most 112")
    return hours


def parse_score(text: str) -> float:
    value = decimal_number(text, "score", "78 or 78.5")
    if not 0 <= value <= 100:
        raise _bad(text, "score", "give 0 to 100")
    return value


def parse_units(text: str) -> str:
    """A number of CEUs as typed (its range is checked by the service), with a decimal point."""
    form = "give digits with an optional decimal point, for example 1.5"
    _check_form(text, UNITS, "number of CEUs", form)
    return text.replace(",", ".")


def parse_minutes(text: str) -> Availability:
    """`mon=90,tue=60,...`: minutes for each weekday named (each at most once; spaces may
    surround a weekday's name, not its minutes)."""
    values: dict[str, int] = {}
    for part in text.split(","):
        day, sep, minutes = part.partition("=")
        day = day.strip().lower()[:3]
        if not sep or day not in WEEKDAYS:
            raise argparse.ArgumentTypeError(
                f"invalid --minutes item {part!r}: use mon=90,tue=60,... (weekday=minutes)"
            )
        if day in values:
            raise argparse.ArgumentTypeError(f"invalid --minutes {text!r}: {day} given twice")
        values[day] = whole_number(minutes, f"minutes for {day}", f"{day}=90")
    try:
        return Availability.from_mapping(values)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parse_blackout(text: str) -> Blackout:
    first, sep, last = text.partition("..")
    if not sep:
        raise argparse.ArgumentTypeError(f"invalid --blackout {text!r}: use DATE..DATE")
    try:
        return Blackout(parse_date(first), parse_date(last))
    except (ValueError, argparse.ArgumentTypeError) as exc:
        raise argparse.ArgumentTypeError(f"invalid --blackout {text!r}: {exc}") from None


def parse_data_dir(text: str) -> str:
    """A data folder's name; an empty one (an unset variable) would mean the user's real data."""
    from studyplanner.services.data_folder import EMPTY_DATA_DIR

    if not text:
        raise argparse.ArgumentTypeError(EMPTY_DATA_DIR)
    return text
