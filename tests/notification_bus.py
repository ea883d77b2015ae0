"""A private session D-Bus with a minimal freedesktop notification server, for the tests that send
real notifications through desktop-notifier (the reminder channels, the standalone build)."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HAVE_DBUS = shutil.which("dbus-daemon") is not None
"""dbus-daemon (Debian: apt-get install dbus) runs the private bus."""

SERVER = """
import asyncio, json, sys
from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface, method

class Notifications(ServiceInterface):
    def __init__(self):
        super().__init__("org.freedesktop.Notifications")

    @method()
    def Notify(self, app: "s", replaces: "u", icon: "s", summary: "s", body: "s",
               actions: "as", hints: "a{sv}", timeout: "i") -> "u":
        print(json.dumps([app, summary, body, hints["urgency"].value]), flush=True)
        return 1

    @method()
    def GetCapabilities(self) -> "as":
        return ["body"]

    @method()
    def GetServerInformation(self) -> "ssss":
        return ["fake", "tests", "1", "1.2"]

async def main():
    bus = await MessageBus().connect()
    bus.export("/org/freedesktop/Notifications", Notifications())
    await bus.request_name("org.freedesktop.Notifications")
    print(json.dumps("ready"), flush=True)
    await asyncio.Event().wait()

asyncio.run(main())
"""


@dataclass
class NotificationBus:
    address: str  # for DBUS_SESSION_BUS_ADDRESS
    server: subprocess.Popen[bytes]
    pending: bytes = b""

    def received(self, count: int, timeout: float = 30) -> list[list[object]]:
        """The next `count` notifications, [app name, title, body, urgency 0-2] each; fewer if
        no more come within `timeout` seconds."""
        assert self.server.stdout is not None
        fd = self.server.stdout.fileno()
        while self.pending.count(b"\n") < count and select.select([fd], [], [], timeout)[0]:
            data = os.read(fd, 65536)
            if not data:
                break
            self.pending += data
        lines = self.pending.split(b"\n")
        taken, self.pending = lines[:count], b"\n".join(lines[count:])
        return [json.loads(line) for line in taken if line]


@contextmanager
def notification_bus(folder: Path) -> Iterator[NotificationBus]:
    """The bus listens at folder/bus, where a session's bus is found in $XDG_RUNTIME_DIR."""
    config = folder / "session.conf"
    config.write_text(
        f"<busconfig><type>session</type><listen>unix:path={folder / 'bus'}</listen>"
        '<policy context="default"><allow send_destination="*" eavesdrop="true"/>'
        '<allow eavesdrop="true"/><allow own="*"/></policy></busconfig>',
        encoding="utf-8",
    )
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    server: subprocess.Popen[bytes] | None = None
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        server = subprocess.Popen(
            [sys.executable, "-c", SERVER], stdout=subprocess.PIPE,
            env=dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address),
        )  # fmt: skip
        bus = NotificationBus(address, server)
        assert bus.received(1) == ["ready"]
        yield bus
    finally:
        for process in (server, daemon):
            if process is not None:
                process.kill()
                process.wait()
                if process.stdout is not None:
                    process.stdout.close()
