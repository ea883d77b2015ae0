"""Readiness by exam section, and the review that weak sections call for.

Pure: attempts (sittings with their section scores), the exam's outline, the time free before
the next sitting in; readiness per section and a review proposal out, as codes and numbers (the
GUI and the CLI put them into words). A section is weak when its latest score is under the pass
mark. Each weak section asks for review sized by its gap and by the hours of the modules that
teach it; when the time free before the next sitting cannot hold all of it, the sections with
the most exam points at stake come first and the verdict names them.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from studyplanner.core.exam_sections import ExamOutline, SectionScore, total_percent
from studyplanner.core.model import ModuleKind, ModuleToPlan, StudyBlock

REVIEW_STEP = 30
"""Review is planned in half hours: the smallest block worth sitting down for [EST]."""
MAX_REVIEW_MINUTES = 20 * 60
"""At most this much review for one section before one sitting [EST]."""


@dataclass(frozen=True, slots=True)
class Attempt:
    """One sitting (a practice exam or the exam) with its section scores."""

    module_id: int
    title: str
    day: date
    kind: ModuleKind
    scores: tuple[SectionScore, ...]

    @property
    def total(self) -> float | None:
        return total_percent(self.scores)

    def percent(self, key: str) -> float | None:
        return next((s.percent for s in self.scores if s.key == key), None)


@dataclass(frozen=True, slots=True)
class SectionReadiness:
    key: str
    title: str
    questions: int
    percents: tuple[float | None, ...]
    """The section's score in each attempt, oldest first (None: not recorded that time)."""
    latest: float | None
    pass_mark: float

    @property
    def gap(self) -> float:
        """Points under the pass mark (0 when at or above it, or never scored)."""
        if self.latest is None:
            return 0.0
        return max(0.0, self.pass_mark - self.latest)

    @property
    def weak(self) -> bool:
        return self.gap > 0

    @property
    def points_at_stake(self) -> float:
        """Exam questions the gap is worth: what review here can win back."""
        return self.gap * self.questions / 100


def readiness(outline: ExamOutline, attempts: Sequence[Attempt]) -> tuple[SectionReadiness, ...]:
    """Each section of the outline across the attempts (oldest first, as given)."""
    ordered = sorted(attempts, key=lambda a: (a.day, a.module_id))
    result = []
    for section in outline.sections:
        percents = tuple(a.percent(section.key) for a in ordered)
        latest = next((p for p in reversed(percents) if p is not None), None)
        result.append(
            SectionReadiness(
                section.key,
                section.title,
                section.questions,
                percents,
                latest,
                outline.pass_mark_percent,
            )
        )
    return tuple(result)


class ReviewVerdict(enum.StrEnum):
    NO_SCORES = "no_scores"
    """No sitting has section scores yet."""
    READY = "ready"
    """Every section is at or above the pass mark."""
    FITS = "fits"
    """All the review wanted fits in the time free before the next sitting."""
    TOO_SHORT = "too_short"
    """Only part fits: the sections in `priority` first; `left_out` get none."""
    NO_SITTING = "no_sitting"
    """No practice exam or exam is left to review for."""
    PLANNED = "planned"
    """Every weak section already has review in the plan, waiting to be done."""


@dataclass(frozen=True, slots=True)
class ReviewBlock:
    section_key: str
    title: str
    minutes: int
    wanted: int
    """What the gap asked for (more than `minutes` when time is short)."""
    gap: float
    teaches: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReviewProposal:
    verdict: ReviewVerdict
    blocks: tuple[ReviewBlock, ...] = ()
    free_minutes: int = 0
    wanted_minutes: int = 0
    priority: tuple[str, ...] = ()
    """Weak sections, most exam points at stake first."""
    left_out: tuple[str, ...] = ()

    @property
    def minutes(self) -> int:
        return sum(b.minutes for b in self.blocks)


def wanted_minutes(section: SectionReadiness, teach_minutes: int) -> int:
    """Review a weak section asks for: the teaching modules' hours in proportion to the gap
    against the pass mark (35 % against 70 % asks for half of them again), in half hours, at
    least one half hour and at most MAX_REVIEW_MINUTES."""
    if not section.weak:
        return 0
    share = section.gap / section.pass_mark
    raw = math.ceil(teach_minutes * share / REVIEW_STEP - 1e-9) * REVIEW_STEP
    return min(MAX_REVIEW_MINUTES, max(REVIEW_STEP, raw))


def propose_review(
    outline: ExamOutline,
    sections: Sequence[SectionReadiness],
    teach_minutes: Mapping[str, int],
    free_minutes: int,
) -> ReviewProposal:
    """The review for the weak sections in `sections`, fitted into `free_minutes`.

    `teach_minutes` maps a module key to its estimated minutes (the track's copy)."""
    if all(s.latest is None for s in sections):
        return ReviewProposal(ReviewVerdict.NO_SCORES, free_minutes=max(0, free_minutes))
    weak = sorted(
        (s for s in sections if s.weak), key=lambda s: (-s.points_at_stake, -s.gap, s.key)
    )
    if not weak:
        return ReviewProposal(ReviewVerdict.READY, free_minutes=max(0, free_minutes))
    left = max(0, free_minutes)
    blocks: list[ReviewBlock] = []
    left_out: list[str] = []
    total_wanted = 0
    for s in weak:
        section = outline.section(s.key)
        teaches = section.teaches if section is not None else ()
        want = wanted_minutes(s, sum(teach_minutes.get(k, 0) for k in teaches))
        total_wanted += want
        give = min(want, left // REVIEW_STEP * REVIEW_STEP)
        if give <= 0:
            left_out.append(s.key)
            continue
        left -= give
        blocks.append(ReviewBlock(s.key, s.title, give, want, s.gap, teaches))
    short = sum(b.minutes for b in blocks) < total_wanted
    return ReviewProposal(
        ReviewVerdict.TOO_SHORT if short else ReviewVerdict.FITS,
        tuple(blocks),
        max(0, free_minutes),
        total_wanted,
        tuple(s.key for s in weak),
        tuple(left_out),
    )


def free_minutes(
    available: Callable[[date], int], planned: Iterable[StudyBlock], first: date, before: date
) -> int:
    """Study time free on the days from `first` up to the day before `before`: each day's
    availability less what the schedule already asks of it (never below zero)."""
    used: dict[date, int] = {}
    for block in planned:
        used[block.day] = used.get(block.day, 0) + block.minutes
    total = 0
    day = first
    while day < before:
        total += max(0, available(day) - used.get(day, 0))
        day += timedelta(days=1)
    return total


def capacity(available: Callable[[date], int], first: date, before: date) -> int:
    """Study time on the days from `first` up to the day before `before`."""
    total, day = 0, first
    while day < before:
        total += max(0, available(day))
        day += timedelta(days=1)
    return total


def required_minutes(modules: Sequence[ModuleToPlan], sitting_id: int) -> int:
    """The work left on what the sitting requires, directly or through other modules."""
    by_id = {m.id: m for m in modules}
    seen: set[int] = set()
    stack = list(by_id[sitting_id].prerequisites) if sitting_id in by_id else []
    while stack:
        mid = stack.pop()
        if mid in seen or mid not in by_id:
            continue
        seen.add(mid)
        stack.extend(by_id[mid].prerequisites)
    return sum(by_id[mid].remaining_minutes for mid in seen)


def time_for_review(
    modules: Sequence[ModuleToPlan],
    sitting_id: int,
    available: Callable[[date], int],
    first: date,
    sitting_day: date,
    target: date | None,
) -> int:
    """Study time review may take before the sitting: the days up to it less the work the
    sitting requires (other work can wait until after it); with a target, no more than the
    plan's slack (the time up to the target less all the work left), so the plan still fits."""
    free = capacity(available, first, sitting_day) - required_minutes(modules, sitting_id)
    if target is not None:
        left = sum(m.remaining_minutes for m in modules)
        free = min(free, capacity(available, first, target + timedelta(days=1)) - left)
    return max(0, free)


def next_sitting(modules: Sequence[ModuleToPlan]) -> ModuleToPlan | None:
    """The first practice exam or exam, in the track's order, not done yet."""
    return next((m for m in modules if m.kind.is_exam and not m.done), None)


def add_review(
    modules: Sequence[ModuleToPlan], sitting_id: int, blocks: Sequence[ReviewBlock], first_id: int
) -> tuple[ModuleToPlan, ...]:
    """The modules with one review lesson per block placed just before the sitting, which then
    requires them. Every other module is kept as it was (done work is never touched)."""
    reviews = tuple(
        ModuleToPlan(first_id + i, f"Review: {b.title}", ModuleKind.LESSON, b.minutes)
        for i, b in enumerate(blocks)
    )
    result: list[ModuleToPlan] = []
    for m in modules:
        if m.id == sitting_id:
            result.extend(reviews)
            m = replace(m, prerequisites=(*m.prerequisites, *(r.id for r in reviews)))
        result.append(m)
    return tuple(result)
