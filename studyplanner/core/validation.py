"""Checks of what the user typed, shared by the screens (messages next to fields) and the services
(nothing invalid reaches the database). Each check returns problems; it never raises."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from studyplanner.core.calendar_steps import years_later
from studyplanner.core.model import MAX_MINUTES_PER_DAY, MAX_MODULE_MINUTES, Availability, Blackout
from studyplanner.core.problem_codes import english

EARLIEST_DATE = date(2000, 1, 1)
LATEST_YEARS_AHEAD = 10
MAX_NOTE = 2000
"""The longest note a session, a credential or a CEU activity may carry, in characters."""


Value = str | int | float | Decimal | date
"""A value a problem's words need: a name or code (str), a figure, a date."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input: which field, and what to tell the user: `message` in
    English (the command line), and for the GUI's words a `code` (core/problem_codes.py) with
    its `values` (ui/shared/problem_words.py). A problem with no code has only its English."""

    field: str
    message: str
    code: str = ""
    values: tuple[tuple[str, Value], ...] = ()


def english_value(value: Value) -> str:
    """A value in the command line's English: ISO dates, plain figures."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def problem(field: str, code: str, **values: Value) -> Problem:
    """The problem `code` with its values, its English message filled in."""
    words = {name: english_value(v) for name, v in values.items()}
    return Problem(field, english(code, words), code, tuple(values.items()))


IN_MODULE = "in_module"
"""The value naming the module (its number in the list) a module's problem is about."""


def in_module(found: Problem, number: int, field: str | None = None) -> Problem:
    """`found`, about the module numbered `number` in a list ("Module 2: ...")."""
    return Problem(field or found.field, f"Module {number}: {found.message}", found.code,
                   (*found.values, (IN_MODULE, number)))  # fmt: skip


class InvalidInput(ValueError):
    """Raised by services when input fails validation; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))

    def sentences(self) -> list[str]:
        """What to tell the user, one sentence per problem (subclasses may name the place)."""
        return [p.message for p in self.problems]

    def for_field(self, field: str) -> str | None:
        found = self.problem_for(field)
        return None if found is None else found.message

    def problem_for(self, field: str) -> Problem | None:
        return next((p for p in self.problems if p.field == field), None)


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
        problems.append(problem("start", "start_missing"))
    elif start < EARLIEST_DATE or start > latest:
        problems.append(problem("start", "start_range", year=str(latest.year)))
    elif not replanning and start < today - timedelta(days=366):
        problems.append(problem("start", "start_long_ago"))
    if (target is None) == (weekly_minutes is None):
        problems.append(problem("target", "target_or_hours"))
    if target is not None:
        if target < today:
            problems.append(problem("target", "target_past"))
        elif start is not None and target <= start:
            problems.append(problem("target", "target_before_start"))
        elif target > latest:
            problems.append(problem("target", "target_too_late", year=str(latest.year)))
    if weekly_minutes is not None:
        if weekly_minutes <= 0:
            problems.append(problem("weekly_hours", "weekly_zero"))
        elif weekly_minutes > 7 * MAX_MINUTES_PER_DAY:
            problems.append(problem("weekly_hours", "weekly_too_many"))
    return problems


def check_availability(
    availability: Availability, weekly_minutes: int | None = None
) -> list[Problem]:
    problems: list[Problem] = []
    if availability.weekly_minutes == 0:
        problems.append(problem("availability", "availability_empty"))
    if weekly_minutes is not None and 0 < availability.weekly_minutes < weekly_minutes:
        hours = availability.weekly_minutes / 60
        problems.append(problem("weekly_hours", "availability_short", hours=hours))
    return problems


def check_minutes_per_day(values: dict[str, int]) -> list[Problem]:
    problems = []
    for day, minutes in values.items():
        if minutes < 0:
            problems.append(problem(f"availability.{day}", "minutes_negative"))
        elif minutes > MAX_MINUTES_PER_DAY:
            problems.append(problem(f"availability.{day}", "day_too_long"))
    return problems


def overlapping(blackouts: Iterable[Blackout], new: Blackout) -> Blackout | None:
    """The first period of days off that shares a day with `new`, if any."""
    return next((b for b in blackouts if b.start <= new.end and new.start <= b.end), None)


def check_blackouts(blackouts: Iterable[Blackout]) -> list[Problem]:
    problems = []
    seen: list[Blackout] = []
    for i, b in enumerate(blackouts):
        if b.end < b.start:
            problems.append(problem(f"blackouts.{i}", "days_off_reversed"))
        elif (b.end - b.start).days > 366:
            problems.append(problem(f"blackouts.{i}", "days_off_too_long"))
        elif (other := overlapping(seen, b)) is not None:
            overlap = {"other_start": other.start, "other_end": other.end}
            problems.append(
                problem(f"blackouts.{i}", "days_off_overlap", start=b.start, end=b.end, **overlap)
            )
        seen.append(b)
    return problems


def check_module(title: str, minutes: int | None) -> list[Problem]:
    problems = []
    if not title.strip():
        problems.append(problem("title", "module_title_missing"))
    elif len(title) > 200:
        problems.append(problem("title", "module_title_long"))
    if minutes is None or minutes <= 0:
        problems.append(problem("hours", "module_hours_zero"))
    elif minutes > MAX_MODULE_MINUTES:
        problems.append(problem("hours", "module_hours_many"))
    return problems


def hours_to_minutes(hours: float) -> int:
    """Hours as typed (decimals allowed) to whole minutes."""
    return round(hours * 60)


def check_note(note: str | None, field: str = "note") -> list[Problem]:
    """A note no longer than MAX_NOTE characters (the one limit dialogs, services and imports
    share)."""
    if note is not None and len(note) > MAX_NOTE:
        return [problem(field, "note_long", limit=MAX_NOTE)]
    return []
