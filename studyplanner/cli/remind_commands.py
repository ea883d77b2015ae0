"""CLI commands for reminders and the calendar: remind (list, --notify, --agent), remind dismiss,
remind snooze, export ics."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyplanner.cli.context import open_db, today_of
from studyplanner.cli.output import emit
from studyplanner.core.validation import InvalidInput, Problem

if TYPE_CHECKING:
    from studyplanner.core.reminders import Reminder


def _payload(r: Reminder) -> dict[str, Any]:
    from studyplanner.core.reminder_reasons import reason_values
    from studyplanner.core.reminder_text import english

    return {"key": r.key, "kind": r.kind.value, "severity": r.severity.value,
            "due": r.due.isoformat(), "message": english(r.reason),
            "values": reason_values(r.reason)}  # fmt: skip


def run_remind(args: argparse.Namespace) -> int:
    action = getattr(args, "remind_command", None)
    if action == "dismiss":
        return _dismiss(args)
    if action == "snooze":
        return _snooze(args)
    if args.agent:
        return _agent(args)
    if args.agent_check:
        return _agent_check(args)
    if args.notify:
        return _notify(args)
    from studyplanner.services.reminders import current_reminders

    db = open_db(args)
    try:
        due = current_reminders(db, today_of(args))
    finally:
        db.close()
    from studyplanner.core.reminder_text import english

    lines = [f"{r.severity.value.upper():8} {r.due.isoformat()}  {english(r.reason)}\n"
             f"{'':8} key: {r.key}" for r in due]  # fmt: skip
    emit([_payload(r) for r in due], args.json, "\n".join(lines) or "Nothing is due.")
    return 0


def _dismiss(args: argparse.Namespace) -> int:
    from studyplanner.services.reminders import dismiss

    db = open_db(args)
    try:
        dismiss(db, args.key)
    finally:
        db.close()
    emit({"key": args.key, "dismissed": True}, args.json, f"Dismissed {args.key}.")
    return 0


def _snooze(args: argparse.Namespace) -> int:
    from studyplanner.services.reminders import snooze

    db = open_db(args)
    try:
        snooze(db, args.key, args.until, today_of(args))
    finally:
        db.close()
    emit({"key": args.key, "snoozed_until": args.until.isoformat()}, args.json,
         f"Snoozed {args.key} until {args.until.isoformat()}.")  # fmt: skip
    return 0


def _data_dir(args: argparse.Namespace) -> Path:
    from studyplanner.services.data_folder import resolve_data_dir

    return resolve_data_dir(args.data_dir)


def _notify(args: argparse.Namespace) -> int:
    from studyplanner.services.desktop_notify import Notifier
    from studyplanner.services.reminder_agent import notify_due

    result = notify_due(_data_dir(args), today_of(args), Notifier(), agent=False)
    payload = {"sent": list(result.sent), "failed": list(result.failed)}
    text = f"{len(result.sent)} notification(s) sent."
    if result.failed:
        text += (f" {len(result.failed)} could not be shown (no desktop notification service took"
                 " them); they will be tried again.")  # fmt: skip
    emit(payload, args.json, text)
    return 0 if not result.failed else 1


def _agent(args: argparse.Namespace) -> int:
    """The login agent: a light loop; each check runs in a child process."""
    from studyplanner.services.reminder_agent import run_agent

    run_agent(_data_dir(args), sleep=time.sleep)
    return 0


def _agent_check(args: argparse.Namespace) -> int:
    from studyplanner.services.desktop_notify import Notifier
    from studyplanner.services.reminder_agent import STOP_STATUS, notify_due

    result = notify_due(_data_dir(args), today_of(args), Notifier(), agent=True)
    return 0 if result.keep_running else STOP_STATUS


def run_export_ics(args: argparse.Namespace) -> int:
    from studyplanner.services.calendar_export import write_ics

    if args.file is None:
        raise InvalidInput([Problem("file", "Give the .ics file to write: export ics FILE.")])
    db = open_db(args)
    try:
        result = write_ics(db, Path(args.file), today_of(args), args.from_date, args.to_date,
                           force=args.force)  # fmt: skip
    finally:
        db.close()
    emit({"file": str(result.path), "events": result.events, "alarms": result.alarms}, args.json,
         f"Wrote {result.events} events with {result.alarms} alarms to {result.path}.")  # fmt: skip
    return 0
