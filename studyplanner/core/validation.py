"""Checks of what the user typed, shared by the screens (messages next to fields) and the services
(nothing invalid reaches the database). Each check returns problems; it never raises."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from studyplanner.core.calendar_steps import years_later
from studyplanner.core.model import MAX_MINUTES_PER_DAY, MAX_MODULE_MINUTES, Availability, Blackout

EARLIEST_DATE = date(2000, 1, 1)
LATEST_YEARS_AHEAD = 10
MAX_NOTE = 2000
"""The longest note a session, a credential or a CEU activity may carry, in characters."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input: which field, and what to tell the user."""

    field: str
    message: str


class InvalidInput(ValueError):
    """Raised by services when input fails validation; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))

    def sentences(self) -> list[str]:
        """What to tell the user, one sentence per problem (subclasses may name the place)."""
        return [p.message for p in self.problems]

    def for_field(self, field: str) -> str | None:
        for p in self.problems:
            if p.field == field:
                return p.message
        return None


def check_plan_dates(
    start: date | None,
    target: date | None,
    weekly_minutes: int | None,
    today: date,
    *,
    replanning: bool = False,
) -> list[Problem]:
    """Start, target and budget: a target after the start and not in the past, a sane budget."""
    problems: list[Problem] = []
    latest = years_later(today, LATEST_YEARS_AHEAD)
    if start is None:
        problems.append(Problem("start", "Choose the date you start studying."))
    elif start < EARLIEST_DATE or start > latest:
        problems.append(Problem("start", f"The start date must be between 2000 and {latest.year}."))
    elif not replanning and start < today - timedelta(days=366):
        problems.append(Problem("start", "The start date is more than a year ago."))
    if (target is None) == (weekly_minutes is None):
        problems.append(Problem("target", "Give either a target date or a number of hours a week."))
    if target is not None:
        if target < today:
            problems.append(Problem("target", "The target date is in the past."))
        elif start is not None and target <= start:
            problems.append(Problem("target", "The target date must be after the start date."))
        elif target > latest:
            problems.append(Problem("target", f"The target date must be before {latest.year}."))
    if weekly_minutes is not None:
        if weekly_minutes <= 0:
            problems.append(Problem("weekly_hours", "Hours a week must be more than zero."))
        elif weekly_minutes > 7 * MAX_MINUTES_PER_DAY:
            problems.append(
                Problem("weekly_hours", "That is more hours a week than anyone can study.")
            )
    return problems


def check_availability(
    availability: Availability, weekly_minutes: int | None = None
) -> list[Problem]:
    problems: list[Problem] = []
    if availability.weekly_minutes == 0:
        problems.append(Problem("availability", "Give at least one day with some study time."))
    if weekly_minutes is not None and 0 < availability.weekly_minutes < weekly_minutes:
        hours = availability.weekly_minutes / 60
        problems.append(
            Problem(
                "weekly_hours",
                f"Your weekdays add up to only {hours:g} hours a week; "
                "raise the daily minutes or lower the weekly hours.",
            )
        )
    return problems


def check_minutes_per_day(values: dict[str, int]) -> list[Problem]:
    problems = []
    for day, minutes in values.items():
        if minutes < 0:
            problems.append(Problem(f"availability.{day}", "Minutes cannot be negative."))
        elif minutes > MAX_MINUTES_PER_DAY:
            problems.append(
                Problem(f"availability.{day}", "More than 16 hours in a day is not realistic.")
            )
    return problems


def overlapping(blackouts: Iterable[Blackout], new: Blackout) -> Blackout | None:
    """The first period of days off that shares a day with `new`, if any."""
    return next((b for b in blackouts if b.start <= new.end and new.start <= b.end), None)


def check_blackouts(blackouts: Iterable[Blackout]) -> list[Problem]:
    problems = []
    seen: list[Blackout] = []
    for i, b in enumerate(blackouts):
        if b.end < b.start:
            problems.append(Problem(f"blackouts.{i}", "A day off period ends before it starts."))
        elif (b.end - b.start).days > 366:
            problems.append(
                Problem(f"blackouts.{i}", "A day off period longer than a year is not realistic.")
            )
        elif (other := overlapping(seen, b)) is not None:
            problems.append(
                Problem(
                    f"blackouts.{i}",
                    f"The days off {b.start.isoformat()} to {b.end.isoformat()} overlap "
                    f"{other.start.isoformat()} to {other.end.isoformat()}; "
                    "join them into one period.",
                )
            )
        seen.append(b)
    return problems


def check_module(title: str, minutes: int | None) -> list[Problem]:
    problems = []
    if not title.strip():
        problems.append(Problem("title", "Give the module a title."))
    elif len(title) > 200:
        problems.append(Problem("title", "Keep the title under 200 characters."))
    if minutes is None or minutes <= 0:
        problems.append(Problem("hours", "Estimated hours must be more than zero."))
    elif minutes > MAX_MODULE_MINUTES:
        problems.append(Problem("hours", "More than 2,000 hours for one module looks like a typo."))
    return problems


def hours_to_minutes(hours: float) -> int:
    """Hours as typed (decimals allowed) to whole minutes."""
    return round(hours * 60)


def check_note(note: str | None, field: str = "note") -> list[Problem]:
    """A note no longer than MAX_NOTE characters (the one limit dialogs, services and imports
    share)."""
    if note is not None and len(note) > MAX_NOTE:
        return [Problem(field, f"Keep the note under {MAX_NOTE} characters.")]
    return []
