"""The catalog of built-in tracks. Deliberately free of the database, so `studyplanner tracks`
answers without importing SQLAlchemy or Qt."""

from __future__ import annotations

from datetime import date

from studyplanner import bundled
from studyplanner.core.model import Term
from studyplanner.core.tracks import PlanDefaults, TrackTemplate, default_terms, plan_defaults
from studyplanner.core.validation import InvalidInput, Problem
from studyplanner.services.snapshots import ModuleInfo, TrackTemplateInfo


def _template_info(t: TrackTemplate) -> TrackTemplateInfo:
    return TrackTemplateInfo(
        id=t.id,
        name=t.name,
        goal_credential=t.goal_credential,
        body=t.body,
        usual_months=t.usual_months,
        module_count=len(t.modules),
        total_minutes=sum(m.minutes for m in t.modules),
        term_count=t.terms.count if t.terms else 0,
        basis=t.basis,
        part_time_terms=t.terms.part_time.count if t.terms and t.terms.part_time else 0,
        longest_sitting_minutes=max((m.sitting.minutes for m in t.modules if m.sitting), default=0),
    )


def list_track_templates() -> tuple[TrackTemplateInfo, ...]:
    return tuple(_template_info(t) for t in bundled.load_track_templates())


def get_template(template_id: str) -> TrackTemplate:
    try:
        return bundled.track_template(template_id)
    except KeyError:
        raise InvalidInput(
            [Problem("track", f"There is no built-in track {template_id!r}.")]
        ) from None


def suggest_terms(template_id: str, start: date) -> tuple[Term, ...]:
    """Default term dates for a degree track starting on `start` (empty for other tracks)."""
    template = get_template(template_id)
    return default_terms(template.terms, start) if template.terms else ()


def track_defaults(template_id: str, start: date, *, part_time: bool = False) -> PlanDefaults:
    """What the assistant proposes for a built-in track starting on `start`: a degree's target
    is the end of its last term (part-time: its part-time terms, the courses spread over them);
    a program's weekly hours land inside its usual months."""
    return plan_defaults(get_template(template_id), start, part_time=part_time)


def module_term_refs(
    template_id: str, module_terms: tuple[tuple[str, int], ...]
) -> tuple[tuple[int, int], ...]:
    """(module key, term) pairs as (template module ref, term), the refs template_modules uses."""
    refs = {m.key: -(i + 1) for i, m in enumerate(get_template(template_id).modules)}
    return tuple((refs[key], term) for key, term in module_terms)


def template_modules(template_id: str) -> tuple[ModuleInfo, ...]:
    """A template's modules as ModuleInfo with negative refs (they have no ids until copied)."""
    template = get_template(template_id)
    refs = {m.key: -(i + 1) for i, m in enumerate(template.modules)}
    return tuple(
        ModuleInfo(
            id=refs[m.key],
            position=i,
            title=m.title,
            topic=m.topic,
            kind=m.kind,
            minutes=m.minutes,
            prerequisite_ids=tuple(refs[k] for k in m.requires),
            term=m.term,
            done=False,
            done_on=None,
            sitting=m.sitting is not None,
        )
        for i, m in enumerate(template.modules)
    )
