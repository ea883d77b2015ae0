"""Busy time: stretches of local wall-clock time taken by something else, as minutes per date.

Calendars (work shifts, family events) give stretches of time; the scheduler wants, for each
date, how many minutes of it are busy (`BusyDay`), to take off that date's study time. Stretches
that overlap count once (a shift and a family dinner at the same hour are one busy hour), a
stretch over midnight is split between its dates, and a date is never more than 24 hours busy.

Times here are naive local wall-clock times (the edges convert time zones before): a 09:00-17:00
shift is 8 hours on its date whatever the offset from UTC that day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from studyplanner.core.model import BusyDay

DAY_MINUTES = 24 * 60
_EPOCH = datetime(2000, 1, 1)


def minute_of(moment: datetime) -> int:
    """Minutes from 2000-01-01 00:00 (naive local time) to `moment`: a compact stored form."""
    return (moment.replace(tzinfo=None) - _EPOCH) // timedelta(minutes=1)


def moment_of(minute: int) -> datetime:
    return _EPOCH + timedelta(minutes=minute)


def merged(stretches: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches [start, end) in minutes, sorted, overlapping and touching ones joined; empty or
    backward ones dropped."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in stretches if s[1] > s[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def busy_days(
    stretches: Iterable[tuple[int, int]], first: date | None = None, last: date | None = None
) -> tuple[BusyDay, ...]:
    """Busy minutes per date (dates with none left out), in date order, from stretches [start,
    end) in minutes (see `minute_of`); only dates from `first` to `last` when given."""
    low = None if first is None else minute_of(datetime.combine(first, datetime.min.time()))
    high = None if last is None else minute_of(datetime.combine(last, datetime.min.time()))
    if high is not None:
        high += DAY_MINUTES
    per_day: dict[int, int] = {}
    for start, end in merged(stretches):
        if low is not None:
            start = max(start, low)
        if high is not None:
            end = min(end, high)
        while start < end:
            day = start // DAY_MINUTES
            upto = min(end, (day + 1) * DAY_MINUTES)
            per_day[day] = per_day.get(day, 0) + upto - start
            start = upto
    base = _EPOCH.date()
    return tuple(
        BusyDay(base + timedelta(days=day), min(DAY_MINUTES, minutes))
        for day, minutes in sorted(per_day.items())
    )


def busy_on(days: Iterable[BusyDay]) -> dict[date, int]:
    """{date: busy minutes} of `days` (a date listed twice adds up, at most a whole day)."""
    out: dict[date, int] = {}
    for b in days:
        out[b.day] = min(DAY_MINUTES, out.get(b.day, 0) + b.minutes)
    return out
