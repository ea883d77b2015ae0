"""Frozen snapshots the services hand to the GUI and the CLI.

No ORM object ever leaves services/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from studyplanner.core.headline import Headline
from studyplanner.core.model import Availability, Blackout, BusyDay, ModuleKind, Schedule, Term


@dataclass(frozen=True, slots=True)
class TrackTemplateInfo:
    """A built-in track the user can choose."""

    id: str
    name: str
    goal_credential: str
    body: str
    usual_months: tuple[int, int]
    module_count: int
    total_minutes: int
    term_count: int
    """0 for certificate programs; the number of terms (semesters) for a degree."""
    basis: str
    part_time_terms: int = 0
    """A degree's number of terms when studied part-time (0: no part-time layout)."""
    longest_sitting_minutes: int = 0
    """The longest exam sat in one go (0 without sittings): a week needs a day this long."""

    @property
    def is_degree(self) -> bool:
        return self.term_count > 0


@dataclass(frozen=True, slots=True)
class ModuleInfo:
    id: int
    position: int
    title: str
    topic: str
    kind: ModuleKind
    minutes: int
    prerequisite_ids: tuple[int, ...]
    term: int | None
    done: bool
    done_on: date | None
    minutes_logged: int = 0
    """Study time logged on this module (re-planning schedules only the rest)."""
    sitting: bool = False
    """An exam sat in one go: scheduled whole on one day, never split."""


@dataclass(frozen=True, slots=True)
class TrackInfo:
    id: int
    name: str
    template_id: str | None
    goal_credential: str
    usual_months: tuple[int, int] | None
    term_count: int
    modules: tuple[ModuleInfo, ...]
    program_label: str
    """What the track is called when its length is judged ("CPC programs", ...)."""
    pass_mark_percent: float | None

    def module(self, module_id: int) -> ModuleInfo:
        for m in self.modules:
            if m.id == module_id:
                return m
        raise KeyError(module_id)


@dataclass(frozen=True, slots=True)
class PlanSettings:
    """What the user chose: exactly one of `target` and `weekly_minutes` is set."""

    start: date
    availability: Availability
    target: date | None = None
    weekly_minutes: int | None = None
    blackouts: tuple[Blackout, ...] = ()
    terms: tuple[Term, ...] = ()
    allow_long_sittings: bool = False
    """A sitting may take a day whose study time is shorter than the sitting."""
    busy: tuple[BusyDay, ...] | None = None
    """Busy time from calendars per date; None: as stored for the plan (services/busy_store)."""


@dataclass(frozen=True, slots=True)
class ModuleDraft:
    """A module as edited in a form. `ref` is the module id, or a negative number for a new one
    (prerequisites may point at other drafts by their negative ref)."""

    ref: int
    title: str
    kind: ModuleKind
    minutes: int
    prerequisite_refs: tuple[int, ...] = ()
    term: int | None = None
    topic: str = ""
    sitting: bool = False


@dataclass(frozen=True, slots=True)
class NewPlan:
    """What the first-run assistant collects. Either a built-in template or a custom track."""

    settings: PlanSettings
    template_id: str | None = None
    custom_name: str | None = None
    custom_modules: tuple[ModuleDraft, ...] = ()
    module_terms: tuple[tuple[int, int], ...] = ()
    """Degree courses moved to another term (template module ref, term), as a fix that spreads
    the degree over more terms does; the track then has as many terms as `settings.terms`."""


@dataclass(frozen=True, slots=True)
class PlanChange:
    """A proposed change to the active plan: new settings, and/or the whole edited module list
    (in the new order; modules missing from the list are removed), and/or a new track name."""

    settings: PlanSettings | None = None
    modules: tuple[ModuleDraft, ...] | None = None
    track_name: str | None = None
    term_count: int | None = None
    """A degree's new number of terms (a fix that spreads it over more terms); None: unchanged."""


@dataclass(frozen=True, slots=True)
class BaselineInfo:
    number: int
    accepted_at: datetime
    finish: date | None
    note: str


@dataclass(frozen=True, slots=True)
class ModuleMove:
    """How one module's dates change in a preview (None = not scheduled / new / removed)."""

    module_ref: int
    title: str
    old_start: date | None
    old_due: date | None
    new_start: date | None
    new_due: date | None

    @property
    def shift_days(self) -> int | None:
        if self.old_due is None or self.new_due is None:
            return None
        return (self.new_due - self.old_due).days


@dataclass(frozen=True, slots=True)
class PlanSnapshot:
    id: int
    track: TrackInfo
    settings: PlanSettings
    schedule: Schedule
    baselines: tuple[BaselineInfo, ...]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class PlanPreview:
    """The result of a change before it is saved: the new schedule and what moves."""

    settings: PlanSettings
    modules: tuple[ModuleInfo, ...]
    schedule: Schedule
    moves: tuple[ModuleMove, ...] = field(default=())


# -- progress (study sessions, completions, practice exams) ---------------------------------


@dataclass(frozen=True, slots=True)
class StudySessionInfo:
    id: int
    module_id: int
    module_title: str
    day: date
    minutes: int
    note: str


@dataclass(frozen=True, slots=True)
class TimerInfo:
    """The running (or paused) study timer; stored, so it survives closing the window."""

    module_id: int
    module_title: str
    started_at: datetime
    """When the current run started (None-like when paused: see `running`)."""
    banked_seconds: int
    """Seconds from earlier runs before a pause."""
    running: bool

    def elapsed_seconds(self, now: datetime) -> int:
        extra = int((now - self.started_at).total_seconds()) if self.running else 0
        return self.banked_seconds + max(0, extra)


@dataclass(frozen=True, slots=True)
class ModuleStatus:
    """One row of the Modules screen."""

    id: int
    position: int
    title: str
    kind: ModuleKind
    minutes_estimated: int
    minutes_logged: int
    due: date | None
    """Due date in the current baseline."""
    done: bool
    done_on: date | None
    score: float | None
    status: str
    """'not_started', 'in_progress', 'done' or 'overdue' (past its baseline due date)."""


@dataclass(frozen=True, slots=True)
class ExamScore:
    module_id: int
    title: str
    day: date
    score: float


@dataclass(frozen=True, slots=True)
class ProgressSnapshot:
    """Everything the Dashboard shows, derived from sessions, completions and the baseline."""

    today: date
    percent_done: float
    hours_done: float
    hours_planned_to_date: float
    hours_total: float
    days_ahead: int
    """Negative when behind the accepted baseline."""
    forecast_finish: date | None
    baseline_finish: date | None
    pace_minutes_per_week: float
    week_planned_minutes: int
    week_done_minutes: int
    today_blocks: tuple[tuple[int, str, int], ...]
    """(module id, title, minutes) planned for today."""
    next_exam: tuple[str, date] | None
    pass_mark_percent: float | None
    exam_scores: tuple[ExamScore, ...]
    readiness: str
    """'last three practice exams averaged 74 %' or '' when there are none."""
    today_logged: tuple[tuple[int, int], ...] = ()
    """(module id, minutes) logged today, for the modules that have sessions today."""
    headline: Headline | None = None
    """The one headline, from these same figures (core.headline's rule)."""
    catch_up: Any = None
    """When late and keeping the finish date needs more study a week: that fix (a
    services.plan_fixes.PlanFixOffer, previewed before it is applied); its weekly_minutes is
    the headline's weekly_minutes_needed."""


@dataclass(frozen=True, slots=True)
class BurnUpPoint:
    """Cumulative hours at the end of a week: as planned (baseline) and as done (None = future)."""

    week_end: date
    planned_hours: float
    actual_hours: float | None


@dataclass(frozen=True, slots=True)
class ProgressSeries:
    """What the charts draw."""

    burn_up: tuple[BurnUpPoint, ...]
    forecast: tuple[tuple[date, float], ...]
    """The forecast line: (day, cumulative hours) from today to the forecast finish."""
    weekly_minutes: tuple[tuple[date, int], ...]
    """Minutes studied per week (week starting Monday), oldest first."""
    daily_minutes: tuple[tuple[date, int], ...]
    """Minutes studied per day over the last 26 weeks (for a heatmap)."""
    exam_scores: tuple[ExamScore, ...]
    pass_mark_percent: float | None
