"""`plan busy import|list|remove|reread`: busy time from calendar files (.ics).

Import, remove and re-read re-plan the active plan and save it as a new baseline; with
--dry-run they only say how the finish date and the verdict would change. A calendar file the
app will not read is refused with one line naming the problem, exit status 2, nothing changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from studyplanner.cli.context import open_db, today_of
from studyplanner.cli.output import emit
from studyplanner.core.durations import english as english_duration
from studyplanner.core.validation import InvalidInput, Problem

_REFUSALS = {
    "not_found": "there is no such file",
    "unreadable": "it cannot be read ({reason})",
    "too_big": "it is {size:,} bytes; calendar files up to {limit:,} bytes are read",
    "binary": "it is not text (a binary file), so not an iCalendar file",
    "not_calendar": "it is not an iCalendar file (it does not begin with BEGIN:VCALENDAR)",
    "truncated": "it is cut short (it does not end with END:VCALENDAR)",
    "broken": "it is not valid iCalendar: {reason}",
    "too_many_events": "it has {count:,} events; up to {limit:,} are read",
    "absurd_date": "it names the year {year}; dates from {first} to {last} are read",
    "too_frequent": "an event repeats too often (every second, minute or hour for years)",
    "too_many_occurrences": "more than {limit:,} events fall in the plan's dates",
    "too_many_sources": "up to {limit} calendars can be used at once",
    "too_slow": "reading it took more than {seconds:.0f} seconds (a repeating event that "
    "never or hardly ever happens)",
}


def refusal_english(code: str, values: dict[str, Any]) -> str:
    template = _REFUSALS.get(code, "it cannot be used ({code})")
    try:
        reason = template.format(code=code, **values)
    except (KeyError, ValueError, IndexError):
        reason = code
    name = values.get("name")
    return f"{name}: {reason}" if name else reason


def add_busy_parser(plan_sub: Any, parser_class: type, parse_date: Any) -> None:
    busy = plan_sub.add_parser("busy", help="busy time from calendar files (.ics)")
    actions = busy.add_subparsers(dest="busy_command", required=True, parser_class=parser_class)
    imp = actions.add_parser("import", help="take busy time from .ics files off study time")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument(
        "--subscribe", action="store_true", help="keep the file's path to re-read it later"
    )
    listed = actions.add_parser("list", help="list the calendars in use")
    remove = actions.add_parser("remove", help="stop using calendars (by name)")
    remove.add_argument("names", nargs="+", metavar="NAME")
    reread = actions.add_parser("reread", help="read subscribed calendar files again")
    for p in (imp, remove, reread):
        p.add_argument("--dry-run", action="store_true", help="show the change, save nothing")
    for p in (imp, listed, remove, reread):
        p.add_argument("--today", type=parse_date, metavar="DATE", help=argparse.SUPPRESS)
        p.add_argument("--json", action="store_true")


def _sources_payload(sources: Any) -> list[dict[str, Any]]:
    return [
        {
            "name": s.name,
            "subscribed_path": s.path,
            "read_on": s.read_on.isoformat(),
            "from": s.first.isoformat(),
            "to": s.last.isoformat(),
            "events": s.occurrences,
            "busy_minutes": s.busy_minutes,
        }
        for s in sources
    ]


def _sources_text(sources: Any) -> str:
    if not sources:
        return "No calendars: study time is as set for each weekday."
    lines = []
    for s in sources:
        how = f"subscribed to {s.path}" if s.path else "imported"
        lines.append(
            f"{s.name}: {s.occurrences} events, {english_duration(s.busy_minutes)} busy "
            f"from {s.first} to {s.last} ({how}, read {s.read_on})"
        )
    return "\n".join(lines)


def run_busy(args: argparse.Namespace) -> int:
    from studyplanner.services import busy_time

    today = today_of(args)
    db = open_db(args)
    try:
        if args.busy_command == "list":
            sources = busy_time.busy_sources(db)
            emit(_sources_payload(sources), args.json, _sources_text(sources))
            return 0
        try:
            if args.busy_command == "import":
                paths = [Path(f) for f in args.files]
                change = busy_time.preview_import(db, paths, today, subscribe=args.subscribe)
            elif args.busy_command == "remove":
                change = busy_time.preview_removal(db, list(args.names), today)
            else:
                change = busy_time.preview_reread(db, today)
        except busy_time.CalendarRefused as exc:
            raise InvalidInput(
                [Problem("file", f"{refusal_english(exc.code, exc.values)}; nothing changed.")]
            ) from exc
        if not args.dry_run:
            busy_time.accept(db, change, today)
    finally:
        db.close()
    before, after = change.before.schedule, change.preview.schedule
    payload = {
        "saved": not args.dry_run,
        "calendars": _sources_payload(change.sources),
        "finish_before": None if before.finish is None else before.finish.isoformat(),
        "finish_after": None if after.finish is None else after.finish.isoformat(),
        "verdict_before": before.verdict.kind.value,
        "verdict_after": after.verdict.kind.value,
    }
    what = "Would change" if args.dry_run else "Changed"
    text = (
        f"{_sources_text(change.sources)}\n{what}: finish {before.finish} -> {after.finish}, "
        f"verdict {before.verdict.kind.value} -> {after.verdict.kind.value}."
    )
    emit(payload, args.json, text)
    return 0
