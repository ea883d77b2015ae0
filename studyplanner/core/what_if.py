"""The live what-if of the Plan screen as data: hours a week, a target date (or none: a weekly
budget) and the weekdays with study time, and how a week of so many hours is spread over the
chosen weekdays.

Pure: the screen turns its sliders into a `WhatIf`, `what_if_availability` into the minutes of
each weekday; the scheduler does the rest. Nothing here reads the clock or the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from studyplanner.core.model import MAX_MINUTES_PER_DAY, Availability

STEP = 5
"""Each weekday's minutes are whole multiples of this (as the availability editor gives them)."""


@dataclass(frozen=True, slots=True)
class WhatIf:
    """What the learner is trying: `weekly_minutes` of study a week on the weekdays of
    `days_on` (Monday first), aiming for `target`, or, when `target` is None, with that weekly
    budget and no target."""

    weekly_minutes: int
    target: date | None
    days_on: tuple[bool, bool, bool, bool, bool, bool, bool]

    @property
    def any_day(self) -> bool:
        return any(self.days_on)


def days_with_time(availability: Availability) -> tuple[bool, bool, bool, bool, bool, bool, bool]:
    return tuple(m > 0 for m in availability.minutes)  # type: ignore[return-value]


def most_minutes(days_on: tuple[bool, ...]) -> int:
    """The most a week can hold on these weekdays."""
    return sum(days_on) * MAX_MINUTES_PER_DAY


def spread_week(
    pattern: Availability, days_on: tuple[bool, ...], weekly_minutes: int
) -> Availability:
    """`weekly_minutes` (rounded down to STEP, at most `most_minutes(days_on)`) spread over the
    weekdays of `days_on` in proportion to `pattern` (a chosen weekday without time in the
    pattern gets an average day's share), in STEP-minute parts, none above a day's maximum; the
    other weekdays get none. The parts add up to the rounded total exactly."""
    on = [i for i in range(7) if days_on[i]]
    units = min(max(0, weekly_minutes), most_minutes(days_on)) // STEP
    shares = [0] * 7
    if not on or units == 0:
        return Availability(tuple(shares))  # type: ignore[arg-type]
    positive = [pattern.minutes[i] for i in on if pattern.minutes[i] > 0]
    usual = sum(positive) / len(positive) if positive else 1.0
    weight = {i: float(pattern.minutes[i]) or usual for i in on}
    cap = MAX_MINUTES_PER_DAY // STEP
    free, left = list(on), units
    while True:  # days whose share would pass the cap get the cap; the rest share what is left
        total = sum(weight[i] for i in free)
        full = [i for i in free if left * weight[i] / total > cap]
        if not full:
            break
        for i in full:
            shares[i] = cap
            free.remove(i)
            left -= cap
    total = sum(weight[i] for i in free)
    exact = {i: left * weight[i] / total for i in free}
    for i in free:
        shares[i] = int(exact[i])
    rest = left - sum(shares[i] for i in free)
    for i in sorted(free, key=lambda d: (shares[d] - exact[d], d))[:rest]:
        shares[i] += 1
    return Availability(tuple(s * STEP for s in shares))  # type: ignore[arg-type]
