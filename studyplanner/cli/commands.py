"""What each CLI command does: call one service, print text or JSON."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from studyplanner.cli.arguments import DEFAULT_MINUTES
from studyplanner.cli.context import today_of
from studyplanner.cli.output import emit
from studyplanner.core.model import WEEKDAYS, Availability
from studyplanner.core.validation import hours_to_minutes


def run_tracks(args: argparse.Namespace) -> int:
    from studyplanner.services.catalog import list_track_templates

    templates = list_track_templates()
    payload = [
        {
            "id": t.id,
            "name": t.name,
            "goal_credential": t.goal_credential,
            "body": t.body,
            "usual_months": {"min": t.usual_months[0], "max": t.usual_months[1]},
            "module_count": t.module_count,
            "total_hours": round(t.total_minutes / 60, 1),
            "terms": t.term_count,
        }
        for t in templates
    ]
    width = max(len(t.id) for t in templates)
    lines = [f"{'ID':<{width}}  MONTHS  MODULES   HOURS  NAME"]
    for t in templates:
        months = f"{t.usual_months[0]}-{t.usual_months[1]}"
        lines.append(
            f"{t.id:<{width}}  {months:>6}  {t.module_count:>7}  "
            f"{t.total_minutes / 60:>6.0f}  {t.name}"
        )
    emit(payload, args.json, "\n".join(lines))
    return 0


def run_plan_create(args: argparse.Namespace) -> int:
    from studyplanner.services.database import open_database
    from studyplanner.services.plans import create_plan, suggest_terms
    from studyplanner.services.snapshots import NewPlan, PlanSettings

    today = today_of(args)
    availability = args.minutes or Availability.from_mapping(DEFAULT_MINUTES)
    settings = PlanSettings(
        start=args.start,
        availability=availability,
        target=args.target,
        weekly_minutes=hours_to_minutes(args.hours_per_week) if args.hours_per_week else None,
        blackouts=tuple(args.blackout),
        terms=suggest_terms(args.track, args.start),
        allow_long_sittings=args.allow_long_sittings,
    )
    new = NewPlan(settings=settings, template_id=args.track)
    # Validate (and schedule) before the database is even opened: nothing is written on error.
    from studyplanner.services.plans import preview_new_plan

    preview = preview_new_plan(new, today)
    db = open_database(args.data_dir)
    try:
        snapshot = create_plan(db, new, today, preview=preview)
    finally:
        db.close()
    emit(plan_payload(snapshot), args.json, plan_text(snapshot))
    return 0


def run_plan_show(args: argparse.Namespace) -> int:
    from studyplanner.services.database import open_database
    from studyplanner.services.plans import active_plan

    db = open_database(args.data_dir)
    try:
        snapshot = active_plan(db, today_of(args))
    finally:
        db.close()
    if snapshot is None:
        emit(
            {"plan": None, "message": "No plan yet."},
            args.json,
            "No plan yet: create one with `studyplanner plan create` or in the app.",
        )
        return 1
    emit(plan_payload(snapshot), args.json, plan_text(snapshot))
    return 0


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


UNKNOWN_VERDICT_TEXT = (
    "The verdict saved with this plan cannot be read (it was written by another program); "
    "re-plan (`studyplanner plan replan`) to judge the plan again."
)


def plan_payload(snapshot: Any) -> dict[str, Any]:
    from studyplanner.core.verdict_text import describe_verdict

    schedule = snapshot.schedule
    settings = snapshot.settings
    scheduled = {m.module_id: m for m in schedule.modules}
    return {
        "plan_id": snapshot.id,
        "track": {
            "id": snapshot.track.id,
            "name": snapshot.track.name,
            "template": snapshot.track.template_id,
        },
        "start": settings.start.isoformat(),
        "target": _iso(settings.target),
        "hours_per_week": settings.weekly_minutes / 60 if settings.weekly_minutes else None,
        "minutes_per_weekday": settings.availability.as_mapping(),
        "blackouts": [
            {"start": b.start.isoformat(), "end": b.end.isoformat(), "label": b.label}
            for b in settings.blackouts
        ],
        "terms": [
            {"number": t.number, "start": t.start.isoformat(), "end": t.end.isoformat()}
            for t in settings.terms
        ],
        "allow_long_sittings": settings.allow_long_sittings,
        "finish": _iso(schedule.finish),
        "fits": schedule.verdict.fits,
        "verdict": schedule.verdict.kind.value,
        "message": (
            UNKNOWN_VERDICT_TEXT
            if schedule.verdict.kind.value == "unknown"
            else describe_verdict(schedule.verdict)
        ),
        "late_terms": [
            {"term": n.number, "hours_per_week_needed": round(n.minutes_per_week / 60, 2)}
            for n in schedule.verdict.term_needs
        ],
        "hours_per_week_given": round(schedule.verdict.weekly_minutes_given / 60, 2),
        "sittings_too_long": [
            {
                "module_id": s.module_id,
                "title": s.title,
                "minutes": s.minutes,
                "longest_weekday": WEEKDAYS[s.longest_weekday],
                "longest_minutes": s.longest_minutes,
            }
            for s in schedule.verdict.sittings_too_long
        ],
        "baselines": len(snapshot.baselines),
        "modules": [
            {
                "id": m.id,
                "title": m.title,
                "kind": m.kind.value,
                "hours": round(m.minutes / 60, 2),
                "term": m.term,
                "sitting": m.sitting,
                "prerequisites": list(m.prerequisite_ids),
                "start": _iso(scheduled[m.id].start) if m.id in scheduled else None,
                "due": _iso(scheduled[m.id].due) if m.id in scheduled else None,
                "done": m.done,
            }
            for m in snapshot.track.modules
        ],
        "blocks": [
            {"date": b.day.isoformat(), "module_id": b.module_id, "minutes": b.minutes}
            for b in schedule.blocks
        ],
    }


def plan_text(snapshot: Any) -> str:
    payload = plan_payload(snapshot)
    lines = [f"{payload['track']['name']}", payload["message"], ""]
    lines.append(f"{'DUE':<10}  {'START':<10}  {'HOURS':>6}  MODULE")
    for m in payload["modules"]:
        mark = "done" if m["done"] else ""
        lines.append(
            f"{m['due'] or '-':<10}  {m['start'] or '-':<10}  {m['hours']:>6.1f}  "
            f"{m['title']} {mark}"
        )
    lines.append("")
    lines.append(f"{len(payload['blocks'])} study blocks; finish {payload['finish'] or 'unknown'}.")
    return "\n".join(lines)
