"""Desktop notifications without Qt, for the reminder agent and `studyplanner remind --notify`.

They go through desktop-notifier (freedesktop notifications over D-Bus with dbus-fast on Linux,
the Notification Center on macOS, WinRT toasts on Windows), which replaced four hand-written back
ends (notify-send, gdbus, osascript, PowerShell). Measured with benchmarks/bench_notify.py on
Debian 12 under a session D-Bus (docs/notifications.md): the check child's peak memory grows by
about 3.5 MiB and its notifier import by about 8 MiB and 100 ms, and only when something is due,
since the library is imported at the first send; the agent's long-running loop is unchanged.
When no notification service answers, sending returns False and nothing fails: the key is tried
again at the next check and the in-app panel stays the fallback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from studyplanner.core.reminder_text import english
from studyplanner.core.reminders import Reminder, Severity

APP_NAME = "Study Planner"
SEND_TIMEOUT = 15.0
"""Seconds one notification may take before it counts as not shown (a hung session bus)."""

Deliver = Callable[[str, str, bool], bool]
"""(title, body, urgent) -> whether the desktop took the notification."""


def deliver_to_desktop(title: str, body: str, urgent: bool) -> bool:
    """One notification through desktop-notifier, in a short event loop of its own."""
    import asyncio

    try:
        from desktop_notifier import DesktopNotifier, Urgency
    except ImportError:  # a broken install: the in-app panel still shows the reminders
        return False
    # It logs a failed send with its traceback (to stderr without a handler); we return False.
    logging.getLogger("desktop_notifier").setLevel(logging.CRITICAL)
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
