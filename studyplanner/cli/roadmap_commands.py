"""`studyplanner roadmap`: what each credential of the rules would cost this learner (the study
tracks' hours and dated plans at their week, the exam, the CEU consequence, with sources).

`--json` carries codes and values (ISO dates, minutes, CEUs as numbers); the text is English.
Light at import: the services are imported inside the command.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from studyplanner.cli.context import open_db, today_of
from studyplanner.cli.output import emit
from studyplanner.core.durations import english

if TYPE_CHECKING:
    from studyplanner.core.ceu_rules import ExamFormat, RuleSource
    from studyplanner.core.roadmap import CeuConsequence, RoadmapEntry, TrackCost
    from studyplanner.services.roadmap import Roadmap


def _ceus(units: Decimal | None) -> float | None:
    return None if units is None else float(units)


def _sources(rules: tuple[RuleSource, ...]) -> list[str]:
    return list(dict.fromkeys(s for rule in rules for s in rule.sources))


def _exam(exam: ExamFormat | None) -> dict[str, Any] | None:
    if exam is None:
        return None
    return {
        "questions": exam.questions,
        "scored_questions": exam.scored_questions,
        "minutes": exam.minutes,
        "pass": {"kind": exam.pass_kind, "value": exam.pass_value, "of": exam.pass_of},
        "online_parts_minutes": list(exam.online_parts_minutes),
        "verify": exam.source.verify,
        "sources": list(exam.source.sources),
    }


def _consequence(c: CeuConsequence) -> dict[str, Any]:
    return {
        "body": c.body,
        "effect": c.effect.value,
        "before": _ceus(c.before),
        "after": _ceus(c.after),
        "cycle_years": c.cycle_years,
        "shared_cycle_end": c.shared_cycle_end.isoformat() if c.shared_cycle_end else None,
        "quota": None
        if c.quota is None
        else {"category": c.quota.category, "units": float(c.quota.units)},
        "replaces": list(c.replaces),
        "verify": any(s.verify for s in c.sources),
        "sources": _sources(c.sources),
    }


def _track(t: TrackCost) -> dict[str, Any]:
    verdict = t.schedule.verdict if t.schedule is not None else None
    return {
        "template_id": t.template_id,
        "name": t.name,
        "minutes": t.minutes,
        "start": t.start.isoformat(),
        "weekly_minutes": t.weekly_minutes,
        "target": t.target.isoformat() if t.target else None,
        "finish": t.finish.isoformat() if t.finish else None,
        "verdict": verdict.kind.value if verdict is not None else None,
        "fits": verdict.fits if verdict is not None else False,
        "sittings": t.sittings,
    }


def roadmap_payload(road: Roadmap) -> dict[str, Any]:
    return {
        "start": road.start.isoformat(),
        "active_plan": road.active_plan,
        "active_finish": road.active_finish.isoformat() if road.active_finish else None,
        "weekly_minutes": road.week.weekly_minutes,
        "credentials": [
            {
                "code": e.code,
                "name": e.name,
                "body": e.body,
                "kind": e.kind,
                "tracks": [_track(t) for t in e.tracks],
                "exam": _exam(e.exam),
                "ceus": _consequence(e.ceus),
            }
            for e in road.entries
        ],
    }


def _units(units: Decimal) -> str:
    return f"{units.normalize():f}"


def _exam_line(exam: ExamFormat | None) -> str:
    if exam is None:
        return "  exam: not in the rules data"
    parts = [f"{exam.questions} questions"] if exam.questions else []
    parts.append(english(exam.minutes))
    if exam.pass_kind == "percent":
        parts.append(f"{exam.pass_value} % to pass")
    else:
        parts.append(f"scaled {exam.pass_value} of {exam.pass_of} to pass")
    if exam.online_parts_minutes:
        parts.append("online in parts of " + " + ".join(map(english, exam.online_parts_minutes)))
    return "  exam: " + ", ".join(parts) + (" (verify)" if exam.source.verify else "")


def _ceu_line(c: CeuConsequence) -> str:
    years = f"{c.cycle_years} years"
    if c.before is None:
        text = f"  CEUs: a new {c.body} cycle of {_units(c.after)} CEUs every {years}"
    else:
        text = f"  CEUs: {c.body} {_units(c.before)} -> {_units(c.after)} every {years}"
        if c.shared_cycle_end is not None:
            text += f", in your shared cycle ending {c.shared_cycle_end.isoformat()}"
    if c.quota is not None:
        text += f"; {_units(c.quota.units)} of them on {c.quota.category.replace('_', ' ')}"
    if c.replaces:
        text += f"; replaces {', '.join(c.replaces)}"
    return text


def _entry_text(e: RoadmapEntry) -> list[str]:
    lines = [f"{e.code}  {e.name} ({e.body})"]
    for t in e.tracks:
        pace = f"{english(t.weekly_minutes)} a week" if t.weekly_minutes else "its terms"
        finish = t.finish.isoformat() if t.finish else "cannot be scheduled"
        if t.schedule is not None and not t.schedule.verdict.fits and t.target is not None:
            finish += f" (misses the target {t.target.isoformat()}: more hours a week needed)"
        lines.append(
            f"  study: {t.name}: {english(t.minutes)}, {t.start.isoformat()} to {finish} at {pace}"
        )
    if not e.tracks:
        lines.append("  study: no built-in track; build your own in the plan assistant")
    lines.append(_exam_line(e.exam))
    lines.append(_ceu_line(e.ceus))
    lines += [f"  source: {s}" for s in _sources(e.ceus.sources)]
    return lines


def roadmap_text(road: Roadmap) -> str:
    if road.active_finish is not None:
        head = f"After your plan {road.active_plan} (finishing {road.active_finish.isoformat()}),"
    else:
        head = "From today,"
    lines = [f"{head} at {english(road.week.weekly_minutes)} a week:", ""]
    for e in road.entries:
        lines += [*_entry_text(e), ""]
    lines.append("Rules change: confirm them with the credentialing body.")
    return "\n".join(lines)


def run_roadmap(args: argparse.Namespace) -> int:
    from studyplanner.services.roadmap import career_roadmap

    db = open_db(args)
    try:
        road = career_roadmap(db, today_of(args))
    finally:
        db.close()
    wanted = (args.credential or "").strip().upper()
    if wanted:
        road = type(road)(
            road.start, road.week, road.active_plan, road.active_finish, (road.entry(wanted),)
        )
    emit(roadmap_payload(road), args.json, roadmap_text(road))
    return 0
