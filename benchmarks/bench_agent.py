"""Memory of the reminder agent (the process started at login when "remind me even when Study
Planner is closed" is on), compared with the GUI app holding the same data.

.venv/bin/python benchmarks/bench_agent.py

It builds a realistic data folder (a CPC plan with a year of sessions, three credentials, 60 CEU
activities), then measures resident memory (VmRSS, Linux) of:
- `studyplanner remind --agent` after its first check, while it sleeps until the next one;
- `studyplanner --smoke-test` (the GUI painting its first window), at its peak (ru_maxrss).
No notification reaches the desktop: the agent's session bus address leads nowhere.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path


def _build(data_dir: Path) -> None:
    from studyplanner.core.model import Availability
    from studyplanner.services import ceu_activities as acts
    from studyplanner.services import credentials as creds
    from studyplanner.services.database import open_database
    from studyplanner.services.plans import create_plan
    from studyplanner.services.progress import log_session
    from studyplanner.services.settings import AppSettings, save_app_settings
    from studyplanner.services.snapshots import NewPlan, PlanSettings

    today = date(2026, 11, 27)
    db = open_database(data_dir)
    start = today - timedelta(days=300)
    settings = PlanSettings(start=start, availability=Availability((90,) * 5 + (180, 0)),
                            weekly_minutes=630)  # fmt: skip
    plan = create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), start)
    first = plan.track.modules[0].id
    for n in range(250):
        log_session(db, first, start + timedelta(days=n), 30, "", today)
    cpc = creds.add_credential(db, "CPC", date(2024, 1, 5), today, renewal_on=date(2026, 12, 31))
    cpma = creds.add_credential(db, "CPMA", date(2025, 2, 1), today)
    ccs = creds.add_credential(db, "CCS", date(2025, 3, 3), today)
    for n in range(60):
        cycle = (cpc, cpma, ccs)[n % 3].current.id
        data = acts.ActivityInput(today - timedelta(days=5 * n), f"Webinar {n}", Decimal("0.5"),
                                   "coding")  # fmt: skip
        acts.add_activity(db, data, [(cycle, Decimal("0.5"))], today)
    save_app_settings(db, AppSettings(remind_when_closed=True))
    db.close()


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        _build(data_dir)
        env = dict(os.environ, PATH=str(Path(sys.executable).parent), QT_QPA_PLATFORM="offscreen",
                   DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/bus")  # fmt: skip
        agent = subprocess.Popen(
            [sys.executable, "-m", "studyplanner", "--data-dir", str(data_dir), "remind",
             "--agent"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        time.sleep(8)  # the first check is done; the agent now sleeps until the next hour
        agent_kib = _rss_kib(agent.pid)
        agent.kill()
        agent.wait()
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        subprocess.run(
            [sys.executable, "-m", "studyplanner", "--data-dir", str(data_dir), "--smoke-test",
             "--today", "2026-11-27"], env=env, check=True, capture_output=True,
        )  # fmt: skip
        gui_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if gui_kib <= before:
            print("(the GUI peak could not be told apart from the agent's)")
        print(f"reminder agent, sleeping between checks: {agent_kib / 1024:.0f} MiB resident")
        print(f"GUI app, first paint (peak):             {gui_kib / 1024:.0f} MiB")
        print(f"agent / app: {agent_kib / gui_kib:.2f}")


if __name__ == "__main__":
    main()
