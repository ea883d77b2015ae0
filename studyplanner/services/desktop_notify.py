"""Desktop notifications without Qt, for the reminder agent and `studyplanner remind --notify`.

They go through desktop-notifier (freedesktop notifications over D-Bus with dbus-fast on Linux,
the Notification Center on macOS, WinRT toasts on Windows), which replaced four hand-written back
ends (notify-send, gdbus, osascript, PowerShell) in issue 14. `osascript` stays for the one case
the library does not cover: macOS outside an app bundle (a Python from pip), where it would only
pretend to send. Measured with benchmarks/bench_notify.py (docs/notifications.md), one check
sending 25 notifications on Debian 12 under a session D-Bus: peak memory 51.4 -> 55.3 MiB, the
notifier's import 144 -> 222 ms, the check 1325 -> 1093 ms; the library is imported at the first
send only, and the agent's long-running loop never imports it. When no notification service
answers, sending returns False and nothing fails: the key is tried again at the next check and
the in-app panel stays the fallback.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from studyplanner.core.reminder_text import english
from studyplanner.core.reminders import Reminder, Severity

APP_NAME = "Study Planner"
SEND_TIMEOUT = 15.0
"""Seconds one notification may take before it counts as not shown (a hung session bus)."""

Deliver = Callable[[str, str, bool], bool]
"""(title, body, urgent) -> whether the desktop took the notification."""


def _osascript(title: str, body: str) -> bool:
    """macOS outside an app bundle (a Python from pip): the library cannot reach the Notification
    Center there, AppleScript's `display notification` can."""
    osascript = shutil.which("osascript")
    if osascript is None:
        return False
    script = (f"display notification {_as_quote(body)} with title {_as_quote(APP_NAME)} "
              f"subtitle {_as_quote(title)}")  # fmt: skip
    try:
        done = subprocess.run([osascript, "-e", script], capture_output=True, timeout=SEND_TIMEOUT,
                              check=False)  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def _as_quote(text: str) -> str:
    """An AppleScript string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _find_session_bus() -> None:
    """GLib programs find the session bus at $XDG_RUNTIME_DIR/bus when DBUS_SESSION_BUS_ADDRESS
    is not set (a login entry started outside the user's systemd session); dbus-fast does not."""
    if not sys.platform.startswith("linux") or os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    bus = os.path.join(runtime, "bus")
    try:
        if runtime and stat.S_ISSOCK(os.stat(bus).st_mode):
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={bus}"
    except OSError:
        pass


def deliver_to_desktop(title: str, body: str, urgent: bool) -> bool:
    """One notification through desktop-notifier, in a short event loop of its own."""
    import asyncio

    _find_session_bus()
    # It logs a failed send with its traceback (to stderr without a handler); we return False.
    logging.getLogger("desktop_notifier").setLevel(logging.CRITICAL)
    try:
        from desktop_notifier import DesktopNotifier, Urgency
        from desktop_notifier.backends.dummy import DummyNotificationCenter
        from desktop_notifier.main import get_backend_class

        backend = get_backend_class()
    except Exception:  # a broken install: the in-app panel still shows the reminders
        return False
    if backend is DummyNotificationCenter:  # it would pretend: nothing is shown
        return sys.platform == "darwin" and _osascript(title, body)
    shown: list[bool] = []

    async def send() -> None:
        center = DesktopNotifier(app_name=APP_NAME, app_icon=None)
        try:
            await center.send(title, body, urgency=Urgency.Critical if urgent else Urgency.Normal,
                              on_dispatched=lambda: shown.append(True))  # fmt: skip
        finally:  # the library keeps its D-Bus connection open for callbacks we do not use
            bus = getattr(getattr(center, "_backend", None), "bus", None)
            if bus is not None:
                bus.disconnect()

    try:
        asyncio.run(asyncio.wait_for(send(), SEND_TIMEOUT))
    except Exception:  # no session bus, no service, a timeout: not shown, tried again later
        return False
    return bool(shown)


@dataclass(frozen=True)
class Notifier:
    """Sends one notification; `deliver` is replaceable for tests."""

    deliver: Deliver = deliver_to_desktop

    def send(self, title: str, body: str, *, urgent: bool = False) -> bool:
        return self.deliver(title, body, urgent)

    def send_reminder(self, reminder: Reminder) -> bool:
        title = {
            Severity.URGENT: "Study Planner: needs attention",
            Severity.WARNING: "Study Planner reminder",
            Severity.INFO: "Study Planner",
        }[reminder.severity]
        text = english(reminder.reason)  # no Qt here, so no translation: English
        return self.send(title, text, urgent=reminder.severity is Severity.URGENT)
