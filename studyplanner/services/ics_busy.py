"""Reading busy time out of an iCalendar (.ics) file, safely.

icalendar parses the file; recurring-ical-events expands its recurring events (RRULE, RDATE,
EXDATE, RECURRENCE-ID overrides, time zones, X-WR-TIMEZONE) over a span of dates. Each occurrence
becomes a stretch of local wall-clock time (floating times are local already; all-day events take
their whole dates); free (TRANSP:TRANSPARENT) and cancelled events are not busy.

A calendar file comes from anywhere, so everything is bounded before any work is done: the file's
size, its number of events, the dates it names, how often a rule repeats and how many occurrences
fall in the span. A file outside the bounds raises `CalendarRefused` with a code and values (the
GUI and the CLI say them in words) and nothing is read from it.
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from studyplanner.core.busy_time import merged, minute_of

MAX_FILE_BYTES = 2 * 1024 * 1024
"""A year of shifts is a few kilobytes; a whole family calendar a few hundred."""
MAX_EVENTS = 20_000
"""Event entries (VEVENT) in one file."""
MAX_OCCURRENCES = 10_000
"""Occurrences inside the plan's span from one file (a daily event for 5 years is 1,827)."""
MAX_RULE_STEPS = 200_000
"""Steps all the file's recurrence rules may take from their first dates to the end of the span
(the expansion walks every one of them: about 30 microseconds a step)."""
FIRST_YEAR, LAST_YEAR = 1900, 2200
"""Dates outside these years are refused as absurd."""
MAX_SECONDS = 10.0
"""Reading one file stops after this long. A rule that never matches (FREQ=DAILY;BYMONTH=2;
BYMONTHDAY=30) sends python-dateutil looking up to the year 9999 whatever its UNTIL or COUNT:
about 25 seconds for a daily rule, longer for an hourly one."""

_FREQ_SECONDS = {
    "YEARLY": 365 * 86400,
    "MONTHLY": 28 * 86400,
    "WEEKLY": 7 * 86400,
    "DAILY": 86400,
    "HOURLY": 3600,
}
_EXPANDING = ("BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO")


class CalendarRefused(Exception):
    """The file is not a calendar this app will read. `code` says why (not_found, unreadable,
    too_big, binary, not_calendar, truncated, broken, too_many_events, absurd_date, too_frequent,
    too_many_occurrences, too_slow); `values` holds the figures the message names."""

    def __init__(self, code: str, **values: Any) -> None:
        super().__init__(code, values)
        self.code = code
        self.values = values


@dataclass(frozen=True, slots=True)
class CalendarBusy:
    """What a calendar file says is busy in a span: stretches [start, end) of local minutes (see
    core.busy_time.minute_of), joined where they overlap."""

    occurrences: int
    stretches: tuple[tuple[int, int], ...] = field(default=())


def local_zone() -> tzinfo:
    """This computer's time zone, with its daylight-saving rules where they can be found."""
    name = os.environ.get("TZ", "").lstrip(":")
    candidates = [name] if name else []
    try:
        link = os.path.realpath("/etc/localtime")
    except OSError:
        link = ""
    if "zoneinfo/" in link:
        candidates.append(link.split("zoneinfo/", 1)[1])
    for candidate in candidates:
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return datetime.now().astimezone().tzinfo or ZoneInfo("UTC")


def read_calendar_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CalendarRefused("too_big", size=size, limit=MAX_FILE_BYTES)
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise CalendarRefused("not_found", path=str(path)) from exc
    except OSError as exc:
        raise CalendarRefused("unreadable", path=str(path), reason=exc.strerror or "") from exc
    if len(data) > MAX_FILE_BYTES:
        raise CalendarRefused("too_big", size=len(data), limit=MAX_FILE_BYTES)
    return data


class _TooSlow(BaseException):
    """Not an Exception: no `except Exception` on the way (ours or a library's) swallows it."""


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """CPython's PyThreadState_SetAsyncExc: raise `exc` in that thread at its next bytecode
    (None: forget one still pending)."""
    set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc
    set_async.argtypes = [ctypes.c_ulong, ctypes.py_object if exc else ctypes.c_void_p]
    set_async(thread_id, exc)


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Stop the Python code run inside after `seconds`: a timer thread raises _TooSlow in this
    thread (costs nothing while the work is on time; a trace function made it 2 to 4 times
    slower). A _TooSlow that comes after the work ended is forgotten before leaving."""
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"running": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["running"]:
                state["fired"] = True
                _raise_in(thread_id, _TooSlow)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["running"] = False
            if state["fired"]:
                _raise_in(thread_id, None)


def busy_from_ics(data: bytes, first: date, last: date, zone: tzinfo) -> CalendarBusy:
    """The busy stretches of an iCalendar file's events from `first` to `last` (whole dates), in
    local time of `zone`. Raises CalendarRefused (see the module's notes)."""
    import icalendar  # noqa: F401  (imported before the clock starts: slow under the trace)
    import recurring_ical_events  # noqa: F401

    try:
        with _deadline(MAX_SECONDS):
            return _busy(data, first, last, zone)
    except _TooSlow:
        raise CalendarRefused("too_slow", seconds=MAX_SECONDS) from None


def _busy(data: bytes, first: date, last: date, zone: tzinfo) -> CalendarBusy:
    calendar = _parse(data)
    events = [c for c in calendar.walk("VEVENT")]
    if len(events) > MAX_EVENTS:
        raise CalendarRefused("too_many_events", count=len(events), limit=MAX_EVENTS)
    span_start = datetime.combine(first, time())
    span_end = datetime.combine(last + timedelta(days=1), time())
    steps = sum(_check_event(event, span_end) for event in events)
    if steps > MAX_RULE_STEPS:
        raise CalendarRefused("too_frequent", freq="")
    try:
        return _expand(calendar, span_start, span_end, zone)
    except CalendarRefused:
        raise
    except Exception as exc:  # the libraries' errors on a bad series (there are many kinds)
        raise CalendarRefused("broken", reason=_short(exc)) from exc


def _short(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__)[:200]


def _parse(data: bytes) -> Any:
    import icalendar

    if b"\x00" in data:
        raise CalendarRefused("binary")
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if not text[:15].upper().startswith("BEGIN:VCALENDAR"):
        raise CalendarRefused("not_calendar")
    if "END:VCALENDAR" not in text[-200:].upper():
        raise CalendarRefused("truncated")
    events = text.upper().count("BEGIN:VEVENT")
    if events > MAX_EVENTS:  # before parsing them all
        raise CalendarRefused("too_many_events", count=events, limit=MAX_EVENTS)
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except Exception as exc:
        raise CalendarRefused("broken", reason=_short(exc)) from exc
    if isinstance(calendar, list):  # several calendars in one file: read the first
        calendar = calendar[0]
    return calendar


def _year(value: Any) -> int | None:
    if isinstance(value, date):
        return value.year
    return None


def _check_year(value: Any) -> None:
    year = _year(value)
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise CalendarRefused("absurd_date", year=year, first=FIRST_YEAR, last=LAST_YEAR)


def _dates_of(prop: Any) -> Iterable[Any]:
    for item in prop if isinstance(prop, list) else [prop]:
        dts = getattr(item, "dts", None)
        if dts is not None:
            for dt in dts:
                yield dt.dt[0] if isinstance(dt.dt, tuple) else dt.dt
        else:
            yield getattr(item, "dt", None)


def _check_event(event: Any, span_end: datetime) -> float:
    """Check the event's dates and rules; return how many steps its rules take to the end."""
    try:
        start = event.decoded("DTSTART") if "DTSTART" in event else None
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            if name in event:
                _check_year(event.decoded(name))
        for name in ("RDATE", "EXDATE"):
            if name in event:
                for value in _dates_of(event[name]):
                    _check_year(value)
        rules = event.get("RRULE")
    except CalendarRefused:
        raise
    except Exception as exc:
        raise CalendarRefused("broken", reason=_short(exc)) from exc
    listed = rules if isinstance(rules, list) else ([rules] if rules is not None else [])
    return sum(_check_rule(rule, start, span_end) for rule in listed)


def _check_rule(rule: Any, start: Any, span_end: datetime) -> float:
    def values(key: str) -> list[Any]:
        got = rule.get(key, [])
        return list(got) if isinstance(got, list | tuple) else [got]

    freq = str(values("FREQ")[0]).upper() if values("FREQ") else ""
    if freq in ("SECONDLY", "MINUTELY"):
        raise CalendarRefused("too_frequent", freq=freq.lower())
    for until in values("UNTIL"):
        _check_year(until)
    if freq not in _FREQ_SECONDS or not isinstance(start, date):
        return 1.0
    begin = start if isinstance(start, datetime) else datetime.combine(start, time())
    end = span_end
    for until in values("UNTIL"):
        if isinstance(until, date):
            stop = until if isinstance(until, datetime) else datetime.combine(until, time())
            end = min(end, stop.replace(tzinfo=None))
    seconds = max(0.0, (end - begin.replace(tzinfo=None)).total_seconds())
    interval = max(1, int((values("INTERVAL") or [1])[0]))
    steps = seconds / (_FREQ_SECONDS[freq] * interval) + 1
    for key in _EXPANDING:
        steps *= max(1, len(values(key)))
    counts = values("COUNT")
    if counts and not any(rule.get(k) for k in _EXPANDING if k != "BYDAY"):
        steps = min(steps, int(counts[0]))
    if steps > MAX_RULE_STEPS:
        raise CalendarRefused("too_frequent", freq=freq.lower())
    return steps


def _expand(calendar: Any, span_start: datetime, span_end: datetime, zone: tzinfo) -> CalendarBusy:
    import recurring_ical_events

    query = recurring_ical_events.of(calendar)
    stretches: list[tuple[int, int]] = []
    count = 0
    low, high = minute_of(span_start), minute_of(span_end)
    for series in query.series:
        for occurrence in series.between(span_start, span_end):
            count += 1
            if count > MAX_OCCURRENCES:
                raise CalendarRefused("too_many_occurrences", limit=MAX_OCCURRENCES)
            if _free(occurrence):
                continue
            start, end = _local(occurrence.start, zone), _local(occurrence.end, zone)
            if end <= start and not isinstance(occurrence.start, datetime):
                end = start + timedelta(days=1)  # an all-day event without an end: its day
            a, b = max(low, minute_of(start)), min(high, minute_of(end))
            if b > a:
                stretches.append((a, b))
    return CalendarBusy(occurrences=count, stretches=tuple(merged(stretches)))


def _free(occurrence: Any) -> bool:
    """Free (TRANSP:TRANSPARENT) or cancelled: not busy. The event the occurrence comes from is
    read where the library keeps it (copying each occurrence as a component took 2 ms apiece)."""
    component = getattr(getattr(occurrence, "_adapter", None), "_component", None)
    if component is None:
        component = occurrence.as_component(False)
    return (
        str(component.get("TRANSP", "")).upper() == "TRANSPARENT"
        or str(component.get("STATUS", "")).upper() == "CANCELLED"
    )


def _local(moment: date, zone: tzinfo) -> datetime:
    """A naive local wall-clock time: dates at midnight, floating times as they are, times with
    a zone converted to `zone`."""
    if not isinstance(moment, datetime):
        return datetime.combine(moment, time())
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(zone).replace(tzinfo=None)
