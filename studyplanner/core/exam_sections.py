"""An exam's sections (its published outline, or our estimate of it) and a score per section.

Pure: template data in, values out. The sections are data of a track template
(`exam_sections`, see resources/README.md): each has a key, a title, how many of the exam's
questions it holds, the keys of the track's modules that teach it, and whether its figures are
an estimate. A sitting's score per section is "questions, missed"; the total is derived from
them (never typed a second time).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

MAX_SECTIONS = 40
MAX_QUESTIONS = 500
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_OUTLINE_FIELDS = frozenset({"exam", "pass_mark_percent", "note", "sources", "sections"})
_SECTION_FIELDS = frozenset({"key", "title", "questions", "teaches", "estimate"})


class SectionsError(ValueError):
    """The exam_sections of a template are malformed; the message says where and what."""


@dataclass(frozen=True, slots=True)
class ExamSection:
    key: str
    title: str
    questions: int
    """How many of the exam's questions are on this section (a practice exam's entry grid
    offers these as the default number of questions)."""
    teaches: tuple[str, ...]
    """Keys of the track's modules that teach this section (where review sends the learner)."""
    estimate: bool = False
    """The question count is our estimate, not a published figure."""


@dataclass(frozen=True, slots=True)
class ExamOutline:
    exam: str
    pass_mark_percent: float
    """The mark a section is judged against (for a scaled-score exam, a guide only)."""
    sections: tuple[ExamSection, ...]
    note: str = ""
    sources: tuple[str, ...] = ()

    @property
    def questions(self) -> int:
        return sum(s.questions for s in self.sections)

    @property
    def estimated(self) -> bool:
        return any(s.estimate for s in self.sections)

    def section(self, key: str) -> ExamSection | None:
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True, slots=True)
class SectionScore:
    """One section of one sitting: how many questions it had and how many were missed."""

    key: str
    title: str
    questions: int
    missed: int

    def __post_init__(self) -> None:
        if not 0 < self.questions <= MAX_QUESTIONS or not 0 <= self.missed <= self.questions:
            raise ValueError(f"section {self.key}: 0 <= missed <= questions (1..{MAX_QUESTIONS})")

    @property
    def right(self) -> int:
        return self.questions - self.missed

    @property
    def percent(self) -> float:
        return 100.0 * self.right / self.questions


def total_percent(scores: Iterable[SectionScore]) -> float | None:
    """The sitting's score: questions right over questions asked (None without sections)."""
    scores = tuple(scores)
    asked = sum(s.questions for s in scores)
    if not asked:
        return None
    return round(100.0 * sum(s.right for s in scores) / asked, 1)


def check_scores(outline: ExamOutline, scores: Sequence[SectionScore]) -> list[str]:
    """Problems (English, for the service's InvalidInput) with a sitting's section scores."""
    problems = []
    keys = [s.key for s in scores]
    if len(set(keys)) != len(keys):
        problems.append("A section is listed twice.")
    for s in scores:
        if outline.section(s.key) is None:
            problems.append(f"{s.key!r} is not a section of the {outline.exam} exam.")
    return problems


# -- reading the template data -----------------------------------------------------------------


def _text(data: dict[str, Any], name: str, where: str, *, optional: bool = False) -> str:
    value = data.get(name)
    if value is None and optional:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise SectionsError(f"{where}: field {name!r} must be a non-empty text")
    return value


def _texts(data: dict[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SectionsError(f"{where}: field {name!r} must be a list of texts")
    return tuple(value)


def _object(data: object, where: str, fields: frozenset[str]) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise SectionsError(f"{where}: expected an object")
    unknown = sorted(str(k) for k in data if k not in fields)
    if unknown:
        raise SectionsError(f"{where}: unknown field(s) {', '.join(map(repr, unknown))}")
    return data


def _section(data: object, where: str, module_keys: frozenset[str]) -> ExamSection:
    d = _object(data, where, _SECTION_FIELDS)
    key = _text(d, "key", where)
    if not _SLUG.fullmatch(key):
        raise SectionsError(f"{where}: field 'key' must be a slug, got {key!r}")
    where = f"{where} ({key})"
    questions = d.get("questions")
    if isinstance(questions, bool) or not isinstance(questions, int):
        raise SectionsError(f"{where}: field 'questions' must be a whole number")
    if not 0 < questions <= MAX_QUESTIONS:
        raise SectionsError(f"{where}: field 'questions' must be from 1 to {MAX_QUESTIONS}")
    teaches = _texts(d, "teaches", where)
    for module in teaches:
        if module not in module_keys:
            raise SectionsError(f"{where}: field 'teaches' names {module!r}, not a module key")
    estimate = d.get("estimate", False)
    if not isinstance(estimate, bool):
        raise SectionsError(f"{where}: field 'estimate' must be true or false")
    return ExamSection(key, _text(d, "title", where), questions, teaches, estimate)


def parse_exam_outline(data: object, where: str, module_keys: Iterable[str]) -> ExamOutline:
    """Check a template's `exam_sections` (see resources/README.md) and build its value."""
    where = f"{where}, field 'exam_sections'"
    d = _object(data, where, _OUTLINE_FIELDS)
    mark = d.get("pass_mark_percent")
    if (
        isinstance(mark, bool)
        or not isinstance(mark, int | float)
        or not math.isfinite(mark)
        or not 0 < mark <= 100
    ):
        raise SectionsError(f"{where}: field 'pass_mark_percent' must be from 0 to 100")
    raw = d.get("sections")
    if not isinstance(raw, list) or not 0 < len(raw) <= MAX_SECTIONS:
        raise SectionsError(f"{where}: field 'sections' needs 1 to {MAX_SECTIONS} sections")
    keys = frozenset(module_keys)
    sections = tuple(_section(s, f"{where}, section {i + 1}", keys) for i, s in enumerate(raw))
    if len({s.key for s in sections}) != len(sections):
        raise SectionsError(f"{where}: a section key is used twice")
    return ExamOutline(
        exam=_text(d, "exam", where),
        pass_mark_percent=float(mark),
        sections=sections,
        note=_text(d, "note", where, optional=True),
        sources=_texts(d, "sources", where),
    )
