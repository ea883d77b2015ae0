"""Desktop notifications without Qt, for the reminder agent and `studyplanner remind --notify`.

Linux: `notify-send` (libnotify) or, without it, the freedesktop notification service over D-Bus
with `gdbus`. macOS: `osascript`. Windows: a toast through PowerShell. When none is available the
notifier says so (returns False) and nothing fails: the in-app panel stays the fallback.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from studyplanner.core.reminder_text import english
from studyplanner.core.reminders import Reminder, Severity

APP_NAME = "Study Planner"
Runner = Callable[[Sequence[str]], int]


def _run(args: Sequence[str]) -> int:
    try:
        done = subprocess.run(list(args), capture_output=True, timeout=15, check=False)
    except (OSError, subprocess.SubprocessError):
        return -1
    return done.returncode


def _ps_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _xml(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))  # fmt: skip


def _as_quote(text: str) -> str:
    """An AppleScript string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class Notifier:
    """Sends one notification; `which` and `run` are replaceable for tests."""

    platform: str = sys.platform
    which: Callable[[str], str | None] = shutil.which
    run: Runner = _run

    def command(self, title: str, body: str, urgent: bool) -> list[str] | None:
        if self.platform.startswith("win"):
            ps = self.which("powershell") or self.which("pwsh")
            if ps is None:
                return None
            script = (
                "[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, "
                "ContentType=WindowsRuntime] > $null; "
                "$x = [Windows.Data.Xml.Dom.XmlDocument]::new(); "
                "$x.LoadXml(" + _ps_quote(
                    f"<toast><visual><binding template=\"ToastGeneric\"><text>{_xml(title)}</text>"
                    f"<text>{_xml(body)}</text></binding></visual></toast>"
                ) + "); "
                "[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier("
                + _ps_quote(APP_NAME)
                + ").Show([Windows.UI.Notifications.ToastNotification]::new($x))"
            )  # fmt: skip
            return [ps, "-NoProfile", "-NonInteractive", "-Command", script]
        if self.platform == "darwin":
            osascript = self.which("osascript")
            if osascript is None:
                return None
            return [osascript, "-e",
                    f"display notification {_as_quote(body)} with title {_as_quote(APP_NAME)} "
                    f"subtitle {_as_quote(title)}"]  # fmt: skip
        send = self.which("notify-send")
        if send is not None:
            return [send, f"--app-name={APP_NAME}", "--urgency",
                    "critical" if urgent else "normal", title, body]  # fmt: skip
        gdbus = self.which("gdbus")
        if gdbus is not None:
            return [gdbus, "call", "--session", "--dest", "org.freedesktop.Notifications",
                    "--object-path", "/org/freedesktop/Notifications", "--method",
                    "org.freedesktop.Notifications.Notify", APP_NAME, "0", "", title, body,
                    "[]", "{}", "-1"]  # fmt: skip
        return None

    def available(self) -> bool:
        return self.command("", "", False) is not None

    def send(self, title: str, body: str, *, urgent: bool = False) -> bool:
        args = self.command(title, body, urgent)
        return args is not None and self.run(args) == 0

    def send_reminder(self, reminder: Reminder) -> bool:
        title = {
            Severity.URGENT: "Study Planner: needs attention",
            Severity.WARNING: "Study Planner reminder",
            Severity.INFO: "Study Planner",
        }[reminder.severity]
        text = english(reminder.reason)  # no Qt here, so no translation: English
        return self.send(title, text, urgent=reminder.severity is Severity.URGENT)
