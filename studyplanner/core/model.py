"""Plain value types of the planning domain, shared by the scheduler, the store and the screens.

Everything here is immutable and free of I/O. Durations are whole minutes (the user types hours,
the edges convert); dates are `datetime.date`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_MINUTES_PER_DAY = 16 * 60
"""Nobody studies more than 16 hours a day; availability above this is rejected as a typo."""
MAX_MODULE_MINUTES = 2000 * 60
"""One module of more than 2,000 hours is certainly a typo (the longest degree course is ~200 h)."""


class ModuleKind(enum.StrEnum):
    LESSON = "lesson"
    COURSE = "course"
    PRACTICE_EXAM = "practice_exam"
    EXTERNSHIP = "externship"
    EXAM = "exam"

    @property
    def is_exam(self) -> bool:
        return self in (ModuleKind.PRACTICE_EXAM, ModuleKind.EXAM)


class PlanningError(ValueError):
    """The inputs cannot be scheduled at all (a prerequisite cycle, an unknown prerequisite...).
    `problem` is the message as a code and values (a core.validation.Problem), for the GUI."""

    problem: Any = None


@dataclass(frozen=True, slots=True)
class Availability:
    """Minutes the learner can study on each weekday, Monday first."""

    minutes: tuple[int, int, int, int, int, int, int]

    def __post_init__(self) -> None:
        if len(self.minutes) != 7:
            raise ValueError("availability needs exactly seven weekdays")
        for m in self.minutes:
            if m < 0 or m > MAX_MINUTES_PER_DAY:
                raise ValueError(
                    f"availability of {m} minutes a day is outside 0..{MAX_MINUTES_PER_DAY}"
                )

    def on(self, day: date) -> int:
        return self.minutes[day.weekday()]

    @property
    def weekly_minutes(self) -> int:
        return sum(self.minutes)

    @classmethod
    def from_mapping(cls, mapping: dict[str, int]) -> Availability:
        """Build from {"mon": 90, ...}; missing days are 0."""
        unknown = set(mapping) - set(WEEKDAYS)
        if unknown:
            raise ValueError(f"unknown weekday(s): {', '.join(sorted(unknown))}")
        return cls(tuple(int(mapping.get(d, 0)) for d in WEEKDAYS))  # type: ignore[arg-type]

    def as_mapping(self) -> dict[str, int]:
        return dict(zip(WEEKDAYS, self.minutes, strict=True))


@dataclass(frozen=True, slots=True)
class Blackout:
    """Days off, both ends included (a vacation, a holiday)."""

    start: date
    end: date
    label: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"blackout ends ({self.end}) before it starts ({self.start})")

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class BusyDay:
    """Minutes of one date taken by something else (work shifts, family events from a calendar):
    they come off that day's study time, which never goes below zero."""

    day: date
    minutes: int

    def __post_init__(self) -> None:
        if not 0 <= self.minutes <= 24 * 60:
            raise ValueError(f"{self.minutes} busy minutes in a day is outside 0..1440")


@dataclass(frozen=True, slots=True)
class Term:
    """A degree term (semester): courses of the term are studied between these dates."""

    number: int
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"term {self.number} ends before it starts")


@dataclass(frozen=True, slots=True)
class ModuleToPlan:
    """One module as the scheduler sees it.

    `minutes` is the estimate; `minutes_done` what was already studied (the scheduler plans only the
    rest). A `done` module is never moved: it keeps `done_on`. `term` is the term number for degree
    courses, or None.
    """

    id: int
    title: str
    kind: ModuleKind
    minutes: int
    prerequisites: tuple[int, ...] = ()
    done: bool = False
    done_on: date | None = None
    minutes_done: int = 0
    term: int | None = None
    sitting: bool = False
    """An exam sat in one go: `minutes` is the sitting's length, placed whole on one day, never
    split. Time logged on it (preparation) does not shorten the sitting."""

    @property
    def remaining_minutes(self) -> int:
        if self.done:
            return 0
        if self.sitting:
            return self.minutes
        return max(0, self.minutes - self.minutes_done)


@dataclass(frozen=True, slots=True)
class PlanRequest:
    """Everything the scheduler needs, in one value.

    Exactly one of `target` and `weekly_minutes` is set. `today` is when re-planning happens:
    nothing unfinished is scheduled before max(start, today).
    """

    modules: tuple[ModuleToPlan, ...]
    availability: Availability
    start: date
    today: date
    target: date | None = None
    weekly_minutes: int | None = None
    blackouts: tuple[Blackout, ...] = ()
    terms: tuple[Term, ...] = ()
    usual_months: tuple[int, int] | None = None
    program_label: str = "programs like this"
    allow_long_sittings: bool = False
    """A sitting may take a day whose availability is shorter than the sitting (the learner
    makes the time on exam day); otherwise it goes only on a day that can hold it."""
    busy: tuple[BusyDay, ...] = ()
    """Busy time per date (from calendars), taken off that date's availability."""

    def __post_init__(self) -> None:
        if (self.target is None) == (self.weekly_minutes is None):
            raise ValueError("give either a target date or a weekly-hours budget, not both")
        if self.weekly_minutes is not None and self.weekly_minutes <= 0:
            raise ValueError("the weekly budget must be more than zero minutes")


@dataclass(frozen=True, slots=True)
class StudyBlock:
    day: date
    module_id: int
    minutes: int


@dataclass(frozen=True, slots=True)
class ScheduledModule:
    module_id: int
    start: date | None
    """First study day (for a done module: None unless known)."""
    due: date | None
    """Last study day; for a done module its completion date."""
    minutes: int
    done: bool = False


@dataclass(frozen=True, slots=True)
class TermNeed:
    """A degree term whose courses do not fit in its dates, with the weekly study it would need
    (spread over the weekdays like the time given, ignoring waits on prerequisites)."""

    number: int
    minutes_per_week: int


@dataclass(frozen=True, slots=True)
class SittingShortfall:
    """A sitting that no study day can hold: which weekday could, with how much more time.

    `longest_weekday` (0 = Monday) is the weekday with the most study time (`longest_minutes`);
    giving that weekday `minutes`, or allowing long sittings, would place the sitting."""

    module_id: int
    title: str
    minutes: int
    longest_weekday: int
    longest_minutes: int


class VerdictKind(enum.StrEnum):
    FITS = "fits"
    TOO_LATE = "too_late"
    """Misses the target (or a term's end) even with all available time."""
    NO_TARGET = "no_target"
    """Weekly-budget plan: there is no target to compare with."""
    IMPOSSIBLE = "impossible"
    """Nothing can be scheduled: no availability at all, or it never ends within the horizon."""
    UNKNOWN = "unknown"
    """The verdict stored with a baseline cannot be read (written by another program): re-plan
    to judge the plan again. The scheduler never gives it."""


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: VerdictKind
    finish: date | None
    target: date | None = None
    days_early: int = 0
    """Days between finish and target (>0 early, <0 late)."""
    extra_minutes_per_week: int = 0
    """When it does not fit: more weekly study that would make it fit (rounded up)."""
    suggested_target: date | None = None
    """When it does not fit: the earliest finish with all the available time."""
    months: float = 0.0
    usual_months: tuple[int, int] | None = None
    outside_usual: bool = False
    program_label: str = "programs like this"
    late_terms: tuple[int, ...] = ()
    """Degree terms whose courses do not fit in the term's dates."""
    weekly_minutes_used: int = 0
    """The weekly study load the plan asks for (on a normal week)."""
    term_needs: tuple[TermNeed, ...] = ()
    """For each late term: the weekly study it needs (old stored verdicts have none)."""
    weekly_minutes_given: int = 0
    """The weekly time the user gave: the week's availability, or the weekly budget (0 when
    unknown, as in verdicts stored before this was recorded)."""
    sittings_too_long: tuple[SittingShortfall, ...] = ()
    """Sittings that no day can hold (they and the modules that require them are unscheduled)."""

    @property
    def fits(self) -> bool:
        return (
            self.kind in (VerdictKind.FITS, VerdictKind.NO_TARGET)
            and not self.late_terms
            and not self.sittings_too_long
        )


@dataclass(frozen=True, slots=True)
class Schedule:
    modules: tuple[ScheduledModule, ...]
    blocks: tuple[StudyBlock, ...]
    finish: date | None
    verdict: Verdict
    unscheduled: tuple[int, ...] = field(default=())
    """Module ids that could not be placed within the planning horizon (never silently dropped)."""

    def module(self, module_id: int) -> ScheduledModule:
        for m in self.modules:
            if m.module_id == module_id:
                return m
        raise KeyError(module_id)


def daterange(first: date, last: date) -> list[date]:
    """Every day from first to last, both included."""
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
