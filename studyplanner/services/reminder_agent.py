"""The reminder agent: started at login when "remind me even when Study Planner is closed" is on.

It never writes the database (it opens it read-only), sends each due reminder at most once per
key as a desktop notification (the keys already sent are kept in a small file beside the
database, shared with the app's tray notifications), checks again every hour and at midnight, and
stops by itself when the setting is turned off. No Qt and no window; and the process that stays
running between checks imports nothing but the standard library: each check runs in a short-lived
child process (`remind --agent-check`), so the database layers are in memory only for a moment.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studyplanner.services.desktop_notify import Notifier

CHECK_EVERY = timedelta(hours=1)
STOP_STATUS = 3
"""Exit status of `remind --agent-check` when the setting is off: the agent stops."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    sent: tuple[str, ...]  # keys notified now
    failed: tuple[str, ...]  # keys the desktop would not take (tried again next time)
    keep_running: bool


def notify_due(data_dir: Path, today: date, notifier: Notifier, *, agent: bool) -> CheckResult:
    """One check: send what is due and was never sent; remember what went out."""
    from studyplanner.services.database import open_database_readonly
    from studyplanner.services.errors import StoreProblem
    from studyplanner.services.reminders import not_yet_notified, remember_notified
    from studyplanner.services.settings import app_settings

    try:
        db = open_database_readonly(data_dir)
    except StoreProblem:
        return CheckResult((), (), keep_running=agent)
    if db is None:
        return CheckResult((), (), keep_running=agent)
    try:
        if agent and not app_settings(db).remind_when_closed:
            return CheckResult((), (), keep_running=False)
        due = not_yet_notified(db, today)
    finally:
        db.close()
    sent: list[str] = []
    failed: list[str] = []
    for reminder in due:
        (sent if notifier.send_reminder(reminder) else failed).append(reminder.key)
    if sent:
        remember_notified(data_dir, sent, today)
    return CheckResult(tuple(sent), tuple(failed), keep_running=True)


def next_check(now: datetime) -> datetime:
    """In an hour, or just after midnight if that comes first (a new day brings new reminders)."""
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
    return min(now + CHECK_EVERY, midnight + timedelta(minutes=1))


def check_in_child(data_dir: Path) -> bool:
    """One check in a child process; whether the agent should keep running."""
    from studyplanner.services.autostart import program_command  # the bundled executable too

    done = subprocess.run(
        [*program_command(), "--data-dir", str(data_dir), "remind", "--agent-check"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    return done.returncode != STOP_STATUS


def run_agent(
    data_dir: Path,
    notifier: Notifier | None = None,
    *,
    now: Callable[[], datetime] = datetime.now,
    sleep: Callable[[float], None],
    max_checks: int | None = None,
    check: Callable[[Path], bool] | None = None,
) -> int:
    """Check, sleep, check again, until the setting is turned off; returns the checks made.
    With a notifier the check runs in this process (tests); without one, in a child process."""

    def in_process(folder: Path) -> bool:
        assert notifier is not None
        return notify_due(folder, now().date(), notifier, agent=True).keep_running

    one_check = check or (in_process if notifier is not None else check_in_child)
    checks = 0
    while max_checks is None or checks < max_checks:
        keep_running = one_check(data_dir)
        checks += 1
        if not keep_running:
            break
        current = now()
        sleep(max((next_check(current) - current).total_seconds(), 1.0))
    return checks
