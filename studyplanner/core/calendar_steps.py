"""Calendar steps: the same day some years or months later, and a date's yearly anniversaries.

Every yearly or monthly step in the app goes through here, computed by python-dateutil
(`relativedelta` for one step, `rrule` for a series of anniversaries), never by hand with
`date.replace(year=...)`, which raises on 29 February.

**The 29 February rule.** A step that lands on a day the month does not have falls back to the
month's last day: 29 February plus one year is 28 February in a common year, 31 January plus one
month is 28 (or 29) February. This is `relativedelta`'s behaviour. A step is always taken from the
date given, so where the anchor is kept (a renewal date's anniversaries, `years_later(anchor, n)`
for each n) 29 February comes back in leap years; where a step starts from a previous result
(a cycle end computed from the end before it) the 28th stays the 28th. Where it matters:

- anniversaries: a membership renewal date of 29 February is due on 28 February in common years
  and on the 29th in leap years (reminders, calendar export, the end of an AAPC credential's
  first cycle);
- cycles (`cycle_end`): a cycle runs whole years from its first day to the day before that
  day's anniversary; a cycle that starts on 29 February ends on 28 February (its anniversary in
  a common year is taken as 1 March), so it is never a day short, and never the same as one
  started on 28 February, which ends on the 27th. The next cycle starts the day after;
- horizons: "ten years from today" (the latest sensible date for plans and cycles) and the
  scheduler's fifteen-year horizon end on 28 February when today is 29 February.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from dateutil.rrule import YEARLY, rrule

LEAP_DAY = (2, 29)


def years_later(day: date, years: int) -> date:
    """The same day `years` later (earlier if negative); 29 February becomes the 28th in a
    common year."""
    later: date = day + relativedelta(years=years)
    return later


def months_later(day: date, months: int) -> date:
    """The same day `months` later (earlier if negative), or the month's last day if it is
    shorter (31 January + 1 month is the last day of February)."""
    later: date = day + relativedelta(months=months)
    return later


def anniversary_in(anchor: date, year: int) -> date:
    """`anchor`'s month and day in `year` (28 February for a 29 February anchor in a common
    year)."""
    return years_later(anchor, year - anchor.year)


def next_anniversary(anchor: date, on_or_after: date) -> date:
    """The first anniversary of `anchor` (its month and day, whatever its year) on or after
    `on_or_after`."""
    this_year = anniversary_in(anchor, on_or_after.year)
    return this_year if this_year >= on_or_after else anniversary_in(anchor, on_or_after.year + 1)


def anniversaries(anchor: date, first: date, last: date) -> list[date]:
    """Every anniversary of `anchor` from `first` to `last`, both included, as `rrule` computes
    them: a 29 February anchor falls on the last day of February, the 28th in common years and
    the 29th in leap years, as in `anniversary_in`."""
    is_leap_day = (anchor.month, anchor.day) == LEAP_DAY
    series = rrule(
        YEARLY,
        dtstart=first,
        until=last,
        bymonth=anchor.month,
        bymonthday=-1 if is_leap_day else anchor.day,
    )
    return [occurrence.date() for occurrence in series]


def cycle_end(start: date, years: int) -> date:
    """The last day of a cycle of `years` whole years starting on `start`: the day before
    `start`'s anniversary, where the anniversary of 29 February in a common year is 1 March (so
    such a cycle ends on 28 February, not the 27th)."""
    anniversary = years_later(start, years)
    if (start.month, start.day) == LEAP_DAY and anniversary.day == 28:
        return anniversary  # 1 March's eve
    return anniversary - timedelta(days=1)
