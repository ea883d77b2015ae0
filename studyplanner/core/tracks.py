"""Track templates: parsing and checking the built-in (or user-supplied) template data.

Pure: the caller reads the JSON (studyplanner.bundled does, for the shipped ones) and passes the
decoded value in. Every problem raises TemplateError naming the template, the module and the field.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from studyplanner.core.exam_sections import ExamOutline, SectionsError, parse_exam_outline
from studyplanner.core.model import MAX_MODULE_MINUTES, ModuleKind, ModuleToPlan, Term

TEMPLATE_FORMAT = 1
MAX_MODULE_HOURS = MAX_MODULE_MINUTES // 60
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TRACK_FIELDS = frozenset(
    {
        "format", "id", "name", "goal_credential", "body", "usual_months", "program_label",
        "pass_mark_percent", "pass_note", "terms", "basis", "sources", "checked", "modules",
        "exam_sections",
    }
)  # fmt: skip
_MODULE_FIELDS = frozenset(
    {"key", "title", "topic", "kind", "hours", "requires", "term", "credits", "sitting"}
)
_SITTING_FIELDS = frozenset({"hours", "online_parts_hours"})
_TERM_FIELDS = frozenset({"count", "weeks", "spacing_weeks", "part_time"})


class TemplateError(ValueError):
    """A track template is malformed; the message says where and what."""


@dataclass(frozen=True, slots=True)
class SittingTemplate:
    """An exam sat in one go (a module of kind exam or practice_exam).

    `minutes` is the sitting's length, equal to the module's hours: the scheduler places it
    whole on one day. `online_parts` are the minutes of each part when the exam is sat online
    in parts (AAPC's online CPC: two 2-hour parts, which may be sat on different days); each
    part is then a sitting of its own (see `online_delivery`). Empty when there is no such
    delivery."""

    minutes: int
    online_parts: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ModuleTemplate:
    key: str
    title: str
    topic: str
    kind: ModuleKind
    minutes: int
    requires: tuple[str, ...]
    term: int | None
    credits: float | None
    sitting: SittingTemplate | None = None


@dataclass(frozen=True, slots=True)
class TermLayout:
    count: int
    weeks: int
    spacing_weeks: int
    part_time: TermLayout | None = None
    """The terms of a part-time plan (more, shorter or closer terms), when the track has one."""


@dataclass(frozen=True, slots=True)
class TrackTemplate:
    id: str
    name: str
    goal_credential: str
    body: str
    usual_months: tuple[int, int]
    program_label: str
    pass_mark_percent: float | None
    terms: TermLayout | None
    basis: str
    sources: tuple[str, ...]
    checked: date
    modules: tuple[ModuleTemplate, ...]
    pass_note: str = ""
    """How the exam is passed when it is not a plain percentage (AHIMA's scaled 300)."""
    exam_sections: ExamOutline | None = None
    """The exam's sections, for scores by section and review (core/exam_sections.py)."""

    @property
    def total_minutes(self) -> int:
        return sum(m.minutes for m in self.modules)


class _Reader:
    """Typed access to one JSON object, with errors that say where."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise TemplateError(f"{where}: expected an object, got {type(data).__name__}")
        self.data: dict[str, Any] = data
        self.where = where

    def only(self, allowed: frozenset[str]) -> None:
        unknown = sorted(str(k) for k in self.data if k not in allowed)
        if unknown:
            raise TemplateError(f"{self.where}: unknown field(s) {', '.join(map(repr, unknown))}")

    def _get(self, name: str, types: type | tuple[type, ...], optional: bool = False) -> Any:
        if name not in self.data or self.data[name] is None:
            if optional:
                return None
            raise TemplateError(f"{self.where}: missing field {name!r}")
        value = self.data[name]
        if isinstance(value, bool) or not isinstance(value, types):
            raise TemplateError(f"{self.where}: field {name!r} has the wrong type")
        return value

    def text(self, name: str, *, optional: bool = False) -> str:
        value = self._get(name, str, optional)
        if value is None:
            return ""
        if not optional and not value.strip():
            raise TemplateError(f"{self.where}: field {name!r} is empty")
        return str(value)

    def number(self, name: str, *, optional: bool = False) -> float | None:
        value = self._get(name, (int, float), optional)
        if value is None:
            return None
        if not math.isfinite(value):
            raise TemplateError(f"{self.where}: field {name!r} must be a finite number")
        return float(value)

    def slug(self, name: str) -> str:
        value = self.text(name)
        if not _SLUG.fullmatch(value):
            raise TemplateError(
                f"{self.where}: field {name!r} must be a slug (a-z, 0-9 and single hyphens), "
                f"got {value!r}"
            )
        return value

    def integer(self, name: str, *, optional: bool = False) -> int | None:
        value = self._get(name, int, optional)
        return None if value is None else int(value)

    def strings(self, name: str) -> tuple[str, ...]:
        value = self._get(name, list, optional=True) or []
        if not all(isinstance(v, str) for v in value):
            raise TemplateError(f"{self.where}: field {name!r} must be a list of texts")
        if len(set(value)) != len(value):
            raise TemplateError(f"{self.where}: field {name!r} lists an entry twice")
        return tuple(value)


def _module(
    data: Any, index: int, origin: str, earlier: set[str], terms: TermLayout | None
) -> ModuleTemplate:
    r = _Reader(data, f"{origin}, module {index + 1}")
    key = r.slug("key")
    r.where = f"{origin}, module {index + 1} ({key})"
    r.only(_MODULE_FIELDS)
    if key in earlier:
        raise TemplateError(f"{r.where}: field 'key': the key is used twice")
    kind_text = r.text("kind")
    try:
        kind = ModuleKind(kind_text)
    except ValueError:
        choices = ", ".join(k.value for k in ModuleKind)
        raise TemplateError(
            f"{r.where}: field 'kind': unknown kind {kind_text!r} (one of {choices})"
        ) from None
    hours = r.number("hours")
    assert hours is not None
    minutes = round(hours * 60)
    if not 0 < hours <= MAX_MODULE_HOURS or minutes <= 0:
        raise TemplateError(
            f"{r.where}: field 'hours': hours must be more than 0 and at most "
            f"{MAX_MODULE_HOURS}, got {hours:g}"
        )
    requires = r.strings("requires")
    for other in requires:
        if other not in earlier:
            raise TemplateError(
                f"{r.where}: field 'requires': requires {other!r}, which is not an earlier "
                "module of the track"
            )
    term = r.integer("term", optional=True)
    if terms is not None:
        if term is None or not 1 <= term <= terms.count:
            raise TemplateError(
                f"{r.where}: field 'term': a degree module needs a term from 1 to {terms.count}"
                f", got {term}"
            )
    elif term is not None:
        raise TemplateError(f"{r.where}: field 'term': has a term but the track has no terms")
    credits = r.number("credits", optional=True)
    if credits is not None and not 0 <= credits <= 100:
        raise TemplateError(f"{r.where}: field 'credits' must be from 0 to 100, got {credits:g}")
    sitting = _sitting(r.data.get("sitting"), r.where, kind, minutes)
    return ModuleTemplate(
        key=key,
        title=r.text("title"),
        topic=r.text("topic", optional=True),
        kind=kind,
        minutes=minutes,
        requires=requires,
        term=term,
        credits=credits,
        sitting=sitting,
    )


def _sitting(data: Any, where: str, kind: ModuleKind, minutes: int) -> SittingTemplate | None:
    """`"sitting": {"hours": 4, "online_parts_hours": [2, 2]}`: the module is sat in one go."""
    if data is None:
        return None
    r = _Reader(data, f"{where}, sitting")
    r.only(_SITTING_FIELDS)
    if not kind.is_exam:
        raise TemplateError(f"{r.where}: only an exam or a practice exam can be a sitting")
    hours = r.number("hours")
    assert hours is not None
    if round(hours * 60) != minutes:
        raise TemplateError(
            f"{r.where}: field 'hours' must equal the module's hours (the module is the "
            f"sitting), got {hours:g}"
        )
    raw_parts = r.data.get("online_parts_hours")
    parts: tuple[int, ...] = ()
    if raw_parts is not None:
        if (
            not isinstance(raw_parts, list)
            or len(raw_parts) < 2
            or not all(
                isinstance(p, int | float) and not isinstance(p, bool) and p > 0 for p in raw_parts
            )
        ):
            raise TemplateError(
                f"{r.where}: field 'online_parts_hours' must list two or more hours above 0"
            )
        parts = tuple(round(p * 60) for p in raw_parts)
        if sum(parts) != minutes:
            raise TemplateError(
                f"{r.where}: field 'online_parts_hours' must add up to the sitting's hours"
            )
    return SittingTemplate(minutes, parts)


def online_delivery(template: TrackTemplate) -> TrackTemplate:
    """The track as taken with the online exam: each sitting with online parts becomes one
    sitting module per part ("<title>, online part 1 of 2"), each requiring the one before;
    what required the exam requires its last part."""
    modules: list[ModuleTemplate] = []
    last_part: dict[str, str] = {}
    for m in template.modules:
        requires = tuple(last_part.get(k, k) for k in m.requires)
        parts = m.sitting.online_parts if m.sitting else ()
        if not parts:
            modules.append(replace(m, requires=requires))
            continue
        previous: tuple[str, ...] = requires
        for i, minutes in enumerate(parts, 1):
            key = f"{m.key}-online-part-{i}"
            modules.append(
                replace(
                    m,
                    key=key,
                    title=f"{m.title}, online part {i} of {len(parts)}",
                    minutes=minutes,
                    requires=previous,
                    credits=m.credits if i == 1 else None,
                    sitting=SittingTemplate(minutes),
                )
            )
            previous = (key,)
        last_part[m.key] = previous[0]
    return replace(template, modules=tuple(modules))


def _terms(data: Any, origin: str, part_time: bool = False) -> TermLayout | None:
    if data is None:
        return None
    where = f"{origin}, field 'terms'" + (", part_time" if part_time else "")
    r = _Reader(data, where)
    r.only(_TERM_FIELDS)
    count, weeks, spacing = r.integer("count"), r.integer("weeks"), r.integer("spacing_weeks")
    assert count is not None and weeks is not None and spacing is not None
    if not 1 <= count <= 20 or not 1 <= weeks <= 52 or spacing < weeks:
        raise TemplateError(f"{where}: count 1-20, weeks 1-52 and spacing_weeks at least weeks")
    slower = None
    if not part_time and r.data.get("part_time") is not None:
        slower = _terms(r.data["part_time"], origin, part_time=True)
        assert slower is not None
        if slower.count < count:
            raise TemplateError(f"{where}: part_time needs at least as many terms ({count})")
    elif part_time and "part_time" in r.data:
        raise TemplateError(f"{where}: a part-time layout has no part_time of its own")
    return TermLayout(count, weeks, spacing, slower)


def parse_track_template(data: object, *, origin: str = "<template>") -> TrackTemplate:
    """Check a decoded template (format 1, see resources/README.md) and build its value.

    `origin` (usually the file name) starts every error message, followed by the track id, the
    module's position and key, and the field at fault.
    """
    r = _Reader(data, origin)
    if r.integer("format") != TEMPLATE_FORMAT:
        raise TemplateError(f"{origin}: unsupported format (expected {TEMPLATE_FORMAT})")
    track_id = r.slug("id")
    origin = f"{origin} ({track_id})"
    r.where = origin
    r.only(_TRACK_FIELDS)
    usual = r.data.get("usual_months")
    if (
        not isinstance(usual, list)
        or len(usual) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in usual)
        or not 0 < usual[0] <= usual[1]
    ):
        raise TemplateError(
            f"{origin}: field 'usual_months' must be [min, max] months with 0 < min <= max"
        )
    pass_mark = r.number("pass_mark_percent", optional=True)
    if pass_mark is not None and not 0 < pass_mark <= 100:
        raise TemplateError(f"{origin}: field 'pass_mark_percent' must be from 0 to 100")
    checked_text = r.text("checked")
    try:
        checked = date.fromisoformat(checked_text)
    except ValueError:
        raise TemplateError(
            f"{origin}: field 'checked' must be a date (YYYY-MM-DD), got {checked_text!r}"
        ) from None
    terms = _terms(r.data.get("terms"), origin)
    raw_modules = r.data.get("modules")
    if not isinstance(raw_modules, list) or not raw_modules:
        raise TemplateError(f"{origin}: field 'modules' needs a non-empty list of modules")
    modules: list[ModuleTemplate] = []
    keys: set[str] = set()
    for i, raw in enumerate(raw_modules):
        module = _module(raw, i, origin, keys, terms)
        keys.add(module.key)
        modules.append(module)
    outline = None
    if r.data.get("exam_sections") is not None:
        try:
            outline = parse_exam_outline(r.data["exam_sections"], origin, keys)
        except SectionsError as exc:
            raise TemplateError(str(exc)) from None
    return TrackTemplate(
        id=track_id,
        name=r.text("name"),
        goal_credential=r.text("goal_credential"),
        body=r.text("body"),
        usual_months=(usual[0], usual[1]),
        program_label=r.text("program_label"),
        pass_mark_percent=pass_mark,
        terms=terms,
        basis=r.text("basis", optional=True),
        sources=r.strings("sources"),
        checked=checked,
        modules=tuple(modules),
        pass_note=r.text("pass_note", optional=True),
        exam_sections=outline,
    )


def _spread_evenly(template: TrackTemplate, count: int) -> dict[str, int]:
    """Each module's term (by key) when the degree is spread evenly over `count` terms."""
    # Imported here: reading a template needs only the standard library (the scheduler behind
    # plan_fixes needs dateutil), and bundled's loaders must work without site-packages.
    from studyplanner.core.plan_fixes import spread_evenly

    ids = {m.key: i + 1 for i, m in enumerate(template.modules)}
    modules = [
        ModuleToPlan(ids[m.key], m.title, m.kind, m.minutes, tuple(ids[k] for k in m.requires),
                     term=m.term)
        for m in template.modules
    ]  # fmt: skip
    assigned = spread_evenly(modules, count)
    return {m.key: assigned[ids[m.key]] for m in template.modules}


def default_terms(layout: TermLayout, start: date) -> tuple[Term, ...]:
    """Term k starts (k-1) * spacing weeks after `start` and lasts `weeks` weeks."""
    return tuple(
        Term(
            number=k,
            start=start + timedelta(weeks=(k - 1) * layout.spacing_weeks),
            end=start + timedelta(weeks=(k - 1) * layout.spacing_weeks + layout.weeks, days=-1),
        )
        for k in range(1, layout.count + 1)
    )


@dataclass(frozen=True, slots=True)
class PlanDefaults:
    """What the plan assistant proposes for a track starting on a day: a degree finishes at the
    end of its last term; a program studies a number of hours a week that lands it in the middle
    of its usual months. `minutes_per_week` is the weekly study these defaults ask for (the
    availability proposed must hold at least that)."""

    target: date | None
    weekly_minutes: int | None
    terms: tuple[Term, ...]
    minutes_per_week: int
    target_if_chosen: date
    """The target to propose when the learner prefers a target date to weekly hours."""
    module_terms: tuple[tuple[str, int], ...] = ()
    """Part-time: the term of each degree module (by key) over the part-time terms."""


HALF_HOUR = 30
WEEKS_PER_MONTH = 30.44 / 7


def _round_up(minutes: float, step: int = HALF_HOUR) -> int:
    return max(step, math.ceil(minutes / step - 1e-9) * step)


def plan_defaults(template: TrackTemplate, start: date, *, part_time: bool = False) -> PlanDefaults:
    """The assistant's defaults for `template` from `start` (see PlanDefaults); `part_time`
    lays a degree out over its part-time terms, courses spread evenly (prerequisites first)."""
    if template.terms is not None:
        layout = template.terms
        keys: dict[str, int] = {m.key: m.term or 1 for m in template.modules}
        module_terms: tuple[tuple[str, int], ...] = ()
        if part_time and layout.part_time is not None:
            layout = layout.part_time
            keys = _spread_evenly(template, layout.count)
            module_terms = tuple(keys.items())
        terms = default_terms(layout, start)
        per_term: dict[int, int] = {}
        for m in template.modules:
            per_term[keys[m.key]] = per_term.get(keys[m.key], 0) + m.minutes
        heaviest = max(per_term.values(), default=0)
        return PlanDefaults(
            target=terms[-1].end,
            weekly_minutes=None,
            terms=terms,
            minutes_per_week=_round_up(heaviest / layout.weeks),
            target_if_chosen=terms[-1].end,
            module_terms=module_terms,
        )
    low, high = template.usual_months
    months = (low + high) / 2
    weekly = _round_up(template.total_minutes / (months * WEEKS_PER_MONTH))
    return PlanDefaults(
        target=None,
        weekly_minutes=weekly,
        terms=(),
        minutes_per_week=weekly,
        target_if_chosen=start + timedelta(days=round(months * 30.44)),
    )
