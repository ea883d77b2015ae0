"""The reminder agent's notification check: the former subprocess back end against
desktop-notifier.

.venv/bin/python benchmarks/bench_notify.py [--runs 5]

Issue 14 asks whether a well-kept cross-platform library (desktop-notifier, asyncio, dbus-fast on
Linux) keeps the agent small. The agent's loop imports only the standard library; every check runs
in a short-lived child (`remind --agent-check`) that reads the database and sends what is due. This
script runs that child's work (open the data folder read-only, find what is due, send it) once per
run and variant, in a fresh interpreter, and prints the medians of:
- the notifier's import time in a fresh interpreter (before anything else of ours is imported);
- the resident memory the notifier's import adds (VmRSS after minus before);
- the whole cycle's wall time and the child's peak resident memory (VmHWM, its own process;
  `gdbus`, which the subprocess back end started, is a separate process and reported apart).
The subprocess variant is the former Linux back end (notify-send, else gdbus), kept here only to
compare; the app now sends through desktop-notifier (studyplanner/services/desktop_notify.py).

Under a session D-Bus: it re-runs itself inside `dbus-run-session` when no session bus is set,
and serves a minimal org.freedesktop.Notifications (dbus-fast, in its own process) that counts
what it receives, so both variants really deliver. Needs desktop-notifier installed in the venv
(`pip install desktop-notifier`); without `dbus-run-session` it measures import and a send attempt.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The child's work, in a fresh interpreter; its variant is "subprocess" or "desktop-notifier".
CHILD = r"""
import sys, time
from datetime import date
from pathlib import Path

def status(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])

def rss():
    return status("VmRSS")

variant, data_dir = sys.argv[1], Path(sys.argv[2])
before = rss()
start = time.perf_counter()
if variant == "subprocess":
    # The former Linux back end (before issue 14): notify-send, else gdbus, one process each.
    # (Its gdbus call lacked the "--" before the arguments, so gdbus took -1 for an option and
    # every notification failed; it is fixed here so that both variants really deliver.)
    import shutil, subprocess
    from studyplanner.services.desktop_notify import APP_NAME, Notifier

    def deliver(title, body, urgent):
        send, gdbus = shutil.which("notify-send"), shutil.which("gdbus")
        if send:
            args = [send, f"--app-name={APP_NAME}", "--urgency",
                    "critical" if urgent else "normal", title, body]
        elif gdbus:
            args = [gdbus, "call", "--session", "--dest", "org.freedesktop.Notifications",
                    "--object-path", "/org/freedesktop/Notifications", "--method",
                    "org.freedesktop.Notifications.Notify", "--", APP_NAME, "0", "", title,
                    body, "[]", "{}", "-1"]
        else:
            return False
        try:
            return subprocess.run(args, capture_output=True, timeout=15).returncode == 0
        except (OSError, subprocess.SubprocessError):
            return False

    notifier = Notifier(deliver=deliver)
else:
    import asyncio  # what the library's first send imports (it is imported lazily)
    from desktop_notifier import DesktopNotifier
    from desktop_notifier.main import get_backend_class
    get_backend_class()  # the platform's back end: dbus-fast on Linux
    from studyplanner.services.desktop_notify import Notifier

    notifier = Notifier()
imported = time.perf_counter()
after_import = rss()
from studyplanner.services.reminder_agent import notify_due
result = notify_due(data_dir, date(2026, 11, 27), notifier, agent=True)
done = time.perf_counter()
peak = status("VmHWM")  # not ru_maxrss: after fork and exec it holds the parent's size
print(f"{(imported - start) * 1000:.1f} {after_import - before} {(done - start) * 1000:.1f} "
      f"{peak} {len(result.sent)} {len(result.failed)}")
"""


# A minimal freedesktop notification server, run as its own process (dbus-fast reads the D-Bus
# signatures from the annotations); each Notify call appends a line to the file in argv[1].
SERVER = r"""
import asyncio, json, sys
from pathlib import Path
from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface, method, signal

log = Path(sys.argv[1])

class Notifications(ServiceInterface):
    def __init__(self):
        super().__init__("org.freedesktop.Notifications")
        self.count = 0

    @method()
    def Notify(self, app: "s", replaces: "u", icon: "s", summary: "s", body: "s",
               actions: "as", hints: "a{sv}", timeout: "i") -> "u":
        self.count += 1
        with log.open("a", encoding="utf-8") as out:
            out.write(json.dumps([app, summary, body]) + "\n")
        return self.count

    @method()
    def GetCapabilities(self) -> "as":
        return ["body"]

    @method()
    def GetServerInformation(self) -> "ssss":
        return ["bench", "studyplanner", "1", "1.2"]

    @method()
    def CloseNotification(self, ident: "u"):
        pass

    @signal()
    def NotificationClosed(self) -> "uu":
        return [0, 0]

async def main():
    bus = await MessageBus().connect()
    bus.export("/org/freedesktop/Notifications", Notifications())
    await bus.request_name("org.freedesktop.Notifications")
    log.touch()
    await asyncio.Event().wait()

asyncio.run(main())
"""


def _child(variant: str, data_dir: Path, env: dict[str, str]) -> list[float]:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, variant, str(data_dir)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"{variant} failed:\n{err}")
    return [float(x) for x in out.split()]


def _tool_path(tmp: Path) -> str:
    """The venv's bin plus gdbus/notify-send only (what the hand-written back end looks for)."""
    tools = tmp / "tools"
    tools.mkdir()
    for name in ("gdbus", "notify-send"):
        found = shutil.which(name)
        if found:
            (tools / name).symlink_to(found)
    return os.pathsep.join([str(Path(sys.executable).parent), str(tools)])


def _gdbus_peak_kib() -> int | None:
    """gdbus's own peak (VmHWM, sampled until it ends: ru_maxrss would hold this process's)."""
    gdbus = shutil.which("gdbus")
    if gdbus is None:
        return None
    proc = subprocess.Popen([gdbus, "call", "--session", "--dest", "org.freedesktop.Notifications",
                             "--object-path", "/org/freedesktop/Notifications", "--method",
                             "org.freedesktop.Notifications.GetServerInformation"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    peak = 0
    status = Path(f"/proc/{proc.pid}/status")
    while proc.poll() is None:
        try:
            lines = status.read_text().splitlines()
        except OSError:
            break
        peak = max([peak] + [int(x.split()[1]) for x in lines if x.startswith("VmHWM:")])
        time.sleep(0.001)
    return peak or None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-server", action="store_true", help="measure a send attempt only")
    args = parser.parse_args()
    if "DBUS_SESSION_BUS_ADDRESS" not in os.environ and shutil.which("dbus-run-session"):
        os.execvp("dbus-run-session", ["dbus-run-session", "--", sys.executable, *sys.argv])
    sys.path.insert(0, str(HERE))
    from bench_agent import _build

    from studyplanner.services.reminders import NOTIFIED_FILE

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        data_dir = tmp / "data"
        _build(data_dir)
        log = tmp / "received.jsonl"
        env = dict(os.environ, PATH=_tool_path(tmp))
        server = None
        bus = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
        if bus and not args.no_server:
            server = subprocess.Popen([sys.executable, "-c", SERVER, str(log)], env=env)
            for _ in range(200):
                if log.exists() or server.poll() is not None:
                    break
                time.sleep(0.05)
            if not log.exists():
                raise SystemExit("the minimal notification server did not start")
        print(
            f"session D-Bus: {'yes' if bus else 'none'}; notification server: "
            f"{'a minimal one (this script)' if server else 'none (send attempts only)'}"
        )
        try:
            rows: dict[str, list[list[float]]] = {"subprocess": [], "desktop-notifier": []}
            for _ in range(args.runs):
                for variant, runs in rows.items():  # interleaved, so both share the machine's load
                    (data_dir / NOTIFIED_FILE).unlink(missing_ok=True)
                    runs.append(_child(variant, data_dir, env))
        finally:
            if server is not None:
                server.terminate()
                server.wait()
        received = len(log.read_text().splitlines()) if log.exists() else 0
        print(f"{'':18} {'import':>9} {'import RSS':>11} {'cycle':>9} {'peak RSS':>9}  sent/failed")
        for variant, runs in rows.items():
            imp, imp_rss, cycle, peak, sent, failed = (
                statistics.median(c) for c in zip(*runs, strict=True)
            )
            print(
                f"{variant:18} {imp:7.0f} ms {imp_rss / 1024:7.1f} MiB {cycle:6.0f} ms "
                f"{peak / 1024:5.1f} MiB  {sent:.0f}/{failed:.0f}"
            )
        print(f"notifications the server received: {received} ({args.runs} runs x 2 variants)")
        gdbus = _gdbus_peak_kib()
        if gdbus is not None:
            print(
                f"each gdbus the subprocess back end started: {gdbus / 1024:.1f} MiB peak, "
                "a separate short-lived process"
            )


if __name__ == "__main__":
    main()
