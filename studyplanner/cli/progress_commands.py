"""CLI commands for logging study and following progress: log, done, undone, progress, replan."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from studyplanner.cli.commands import plan_payload, plan_text
from studyplanner.cli.context import open_db, today_of
from studyplanner.cli.output import emit
from studyplanner.core.durations import english
from studyplanner.core.validation import InvalidInput, Problem, hours_to_minutes

if TYPE_CHECKING:
    from studyplanner.services.database import Database


def _require_plan(db: Database) -> None:
    from studyplanner.services.plan_reader import active_plan

    if active_plan(db, date.today()) is None:
        raise InvalidInput([Problem("plan", "There is no plan yet: create one first.")])


def run_log(args: argparse.Namespace) -> int:
    from studyplanner.services.progress import log_session

    db = open_db(args)
    try:
        _require_plan(db)
        info = log_session(db, args.module, args.date, args.minutes, args.note, today_of(args))
    finally:
        db.close()
    payload = {
        "id": info.id, "module_id": info.module_id, "module": info.module_title,
        "date": info.day.isoformat(), "minutes": info.minutes, "note": info.note,
    }  # fmt: skip
    emit(
        payload, args.json, f"Logged {english(info.minutes)} on {info.module_title!r} ({info.day})."
    )
    return 0


def _status_payload(status: Any) -> dict[str, Any]:
    return {
        "id": status.id,
        "title": status.title,
        "status": status.status,
        "done": status.done,
        "done_on": status.done_on.isoformat() if status.done_on else None,
        "score": status.score,
    }


def run_done(args: argparse.Namespace) -> int:
    from studyplanner.cli.readiness_commands import section_scores
    from studyplanner.services.progress import mark_done
    from studyplanner.services.roadmap import credential_earned

    db = open_db(args)
    try:
        _require_plan(db)
        sections = section_scores(db, getattr(args, "missed", []))
        status = mark_done(db, args.module, args.date, args.score, today_of(args), sections)
        earned = credential_earned(db, status, today_of(args))
    finally:
        db.close()
    text = f"Marked {status.title!r} done on {status.done_on}."
    if earned is not None and status.done_on is not None:
        text += (
            f"\nPassed? Add your {earned} credential (it joins your shared cycle): "
            f"studyplanner credential add {earned} --earned {status.done_on.isoformat()}"
        )
    emit(_status_payload(status), args.json, text)
    return 0


def run_undone(args: argparse.Namespace) -> int:
    from studyplanner.services.progress import reopen

    db = open_db(args)
    try:
        _require_plan(db)
        status = reopen(db, args.module)
    finally:
        db.close()
    emit(_status_payload(status), args.json, f"Reopened {status.title!r}.")
    return 0


def run_progress(args: argparse.Namespace) -> int:
    from studyplanner.core.headline import Situation
    from studyplanner.services.progress import progress

    db = open_db(args)
    try:
        snapshot = progress(db, today_of(args))
    finally:
        db.close()
    if snapshot is None:
        emit({"plan": None}, args.json, "No plan yet.")
        return 1
    payload = {
        "today": snapshot.today.isoformat(),
        "percent_done": snapshot.percent_done,
        "hours_done": snapshot.hours_done,
        "hours_planned_to_date": snapshot.hours_planned_to_date,
        "hours_total": snapshot.hours_total,
        "days_ahead": snapshot.days_ahead,
        "forecast_finish": _iso(snapshot.forecast_finish),
        "baseline_finish": _iso(snapshot.baseline_finish),
        "pace_hours_per_week": round(snapshot.pace_minutes_per_week / 60, 1),
        "week_planned_minutes": snapshot.week_planned_minutes,
        "week_done_minutes": snapshot.week_done_minutes,
        "readiness": snapshot.readiness,
    }
    h = snapshot.headline
    if h is not None:  # the Dashboard's headline, as codes (one rule: core/headline.py)
        payload["headline"] = {
            "situation": h.situation.value,
            "next_action": h.next_action.value,
            "days_ahead": h.days_ahead,
            "weekly_minutes_needed": h.weekly_minutes_needed,
            "modules_open": h.modules_open,
        }
    ahead = h.days_ahead if h is not None else snapshot.days_ahead

    def days(n: int) -> str:
        return f"{abs(n)} day" if abs(n) == 1 else f"{abs(n)} days"

    where = (
        "on plan"
        if ahead == 0
        else (f"{days(ahead)} ahead" if ahead > 0 else f"{days(ahead)} behind")
    )
    if h is not None and h.situation is Situation.LATE:
        where = f"{days(h.days_late)} late at your pace"

    def hours(value: float) -> str:
        return english(round(value * 60))

    text = (
        f"{snapshot.percent_done:g} % done "
        f"({hours(snapshot.hours_done)} of {hours(snapshot.hours_total)}); "
        f"{hours(snapshot.hours_planned_to_date)} planned to date; {where}.\n"
        f"Forecast finish {payload['forecast_finish'] or 'unknown (no recent study)'}; "
        f"plan finish {payload['baseline_finish']}."
    )
    if h is not None and h.situation is Situation.ALL_LOGGED:
        count = f"{h.modules_open} module" + ("" if h.modules_open == 1 else "s")
        text += (
            f"\nThe planned time of every module is logged; {count} not marked complete yet "
            "(`done ID --date DATE` marks one)."
        )
    emit(payload, args.json, text)
    return 0


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def run_replan(args: argparse.Namespace) -> int:
    from studyplanner.services.plan_reader import active_plan
    from studyplanner.services.plans import apply_plan_change
    from studyplanner.services.snapshots import PlanChange

    today = today_of(args)
    db = open_db(args)
    try:
        plan = active_plan(db, today)
        if plan is None:
            raise InvalidInput([Problem("plan", "There is no plan yet: create one first.")])
        settings = plan.settings
        if args.hours_per_week is not None:
            settings = replace(
                settings, weekly_minutes=hours_to_minutes(args.hours_per_week), target=None
            )
        elif args.target is not None:
            settings = replace(settings, target=args.target, weekly_minutes=None)
        if args.allow_long_sittings is not None:
            settings = replace(settings, allow_long_sittings=args.allow_long_sittings)
        snapshot = apply_plan_change(db, PlanChange(settings=settings), today, note="Re-planned")
    finally:
        db.close()
    emit(plan_payload(snapshot), args.json, plan_text(snapshot))
    return 0
