"""What the GUI says about calendar files it refuses (ics_busy.CalendarRefused codes), and how
it describes one calendar source: through tr() and QLocale, never the service's English."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale

from studyplanner.services.busy_store import BusySource
from studyplanner.ui.shared.formatting import QT_TRANSLATE_NOOP, format_date, format_hours, tr

BUSY_NOTE = QT_TRANSLATE_NOOP("", "Busy time from calendars")
"""The note services/busy_time.accept gives the baseline (the History tab translates it)."""


def _number(value: Any) -> str:
    try:
        return QLocale().toString(int(value))
    except (TypeError, ValueError):
        return str(value)


def _megabytes(size: Any) -> str:
    try:
        return QLocale().toString(int(size) / (1024 * 1024), "f", 1)
    except (TypeError, ValueError):
        return str(size)


def refusal_text(code: str, values: dict[str, Any]) -> str:
    """One sentence naming the problem with the file, then that nothing changed."""
    texts = {
        "not_found": tr("There is no such file."),
        "unreadable": tr("The file cannot be read: {reason}."),
        "too_big": tr("The file is {size} MB; calendar files up to {limit} MB are read."),
        "binary": tr("This is not a calendar: the file is not text."),
        "not_calendar": tr(
            "This is not an iCalendar file: it does not begin with BEGIN:VCALENDAR."
        ),
        "truncated": tr("The file is cut short: it does not end with END:VCALENDAR."),
        "broken": tr("The file is not valid iCalendar: {reason}"),
        "too_many_events": tr("The file has {count} events; up to {limit} are read."),
        "absurd_date": tr("The file names the year {year}; dates from {first} to {last} are read."),
        "too_frequent": tr(
            "An event in the file repeats too often (every second, minute or hour for years)."
        ),
        "too_many_occurrences": tr("More than {limit} events fall within the plan's dates."),
        "too_many_sources": tr("Up to {limit} calendars can be used at once."),
        "too_slow": tr(
            "Reading the file took more than {seconds} seconds (a repeating event that never "
            "or hardly ever happens)."
        ),
    }
    text = texts.get(code, tr("The file cannot be used ({code})."))
    shown = {
        "reason": str(values.get("reason", ""))[:200],
        "size": _megabytes(values.get("size", 0)),
        "limit": _megabytes(values["limit"]) if code == "too_big" else _number(values.get("limit")),
        "count": _number(values.get("count")),
        "year": str(values.get("year", "")),
        "first": str(values.get("first", "")),
        "last": str(values.get("last", "")),
        "code": code,
        "seconds": _number(values.get("seconds", 0)),
    }
    sentence = text.format(**shown)
    name = values.get("name")
    if name:
        sentence = tr("{name}: {problem}").format(name=name, problem=sentence)
    nothing = tr("Nothing was changed.")
    return f"{sentence} {nothing}"


def source_text(source: BusySource) -> str:
    """The calendar's name, then on a second line '52 events, 416 h busy from 4 Jan 2027 to
    4 Jan 2029 (subscribed, read on 1 Dec 2026)'."""
    how = tr("subscribed, read on {day}") if source.path else tr("imported on {day}")
    details = tr("{events} events, {busy} busy from {first} to {last} ({how})").format(
        events=_number(source.occurrences),
        busy=format_hours(source.busy_minutes),
        first=format_date(source.first),
        last=format_date(source.last),
        how=how.format(day=format_date(source.read_on)),
    )
    return f"{source.name}\n{details}"
