"""Start-up time of `studyplanner --smoke-test` against the floor of our own stack.

Builds a data folder holding a two-year plan (the associate degree, 4 terms, with every accepted
baseline's study blocks), then runs, alternately and N times each, whole processes:

  app        python -m studyplanner --smoke-test   (exits after the window painted the plan)
  reference  imports SQLAlchemy's ORM, runs one query on the same file, shows an empty
             QMainWindow and exits after its first paint
  bare       an empty PySide6 QMainWindow until its first paint

The app runs twice each round: "app" with the Dashboard's figures the run before kept (the usual
start: painted before SQLAlchemy is imported, services/first_paint.py), "app cold" with none kept
(as after a write by another program, or on a new day: the database is read first).

It prints the medians and the ratios app/reference (target: at most 1.3) and app/bare, twice:
to the first paint (each process prints the clock when its window has painted; the issue's
"start-up to the painted Dashboard") and for the whole process (which adds its exit: closing the
database, tearing down the window's widgets and the interpreter).

With --heavy the data folder holds ten years of heavy use instead: 2,000 modules, 100,000 study
sessions (benchmarks/bench_progress.py builds them) and a CPC with 1,000 CEU activities (target:
app/reference at most 1.2).

    .venv/bin/python benchmarks/bench_startup.py [--runs 15] [--heavy]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
status = app.exec()
import time
print(f"painted {time.time():.6f}", flush=True)
sys.exit(status)
"""

# The app, as `python -m studyplanner ... --smoke-test` runs it, printing the clock when its
# window's first paint is done: a zero timer posted at the window's first Paint event fires once
# that paint (the window and every child, one pass) is over, as BARE's quit does. Work the app
# queued for after its first paint (the charts, the reminders, opening a database the window was
# painted without) runs later and counts in the whole process only.
APP = r"""
import sys, time
import studyplanner.app as app
smoke_test = app._smoke_test
stamp = []
def stamped(qt_app, window, *args, **kwargs):
    from PySide6.QtCore import QEvent, QObject, QTimer
    class Painted(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not stamp:
                stamp.append(None)
                QTimer.singleShot(0, lambda: stamp.__setitem__(0, time.time()))
            return False
    painted = Painted()
    window.installEventFilter(painted)
    status = smoke_test(qt_app, window, *args, **kwargs)
    print(f"painted {stamp[0] if stamp and stamp[0] else time.time():.6f}", flush=True)
    return status
app._smoke_test = stamped
sys.exit(app.main(sys.argv[1:]))
"""

# The floor of our own stack: the ORM imported, one query on the same file, then BARE.
REFERENCE = (
    r"""
import sys
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
engine = create_engine(f"sqlite:///{sys.argv[1]}")
with Session(engine) as session:
    session.execute(text("SELECT count(*) FROM baseline_blocks")).scalar()
"""
    + BARE
)


def build_data(folder: Path) -> Path:
    from studyplanner.core.model import Availability
    from studyplanner.services.database import open_database
    from studyplanner.services.plans import create_plan, suggest_terms
    from studyplanner.services.snapshots import NewPlan, PlanSettings

    start = date(2025, 8, 25)
    db = open_database(folder)
    settings = PlanSettings(
        start=start,
        availability=Availability((420, 420, 420, 420, 420, 300, 120)),
        target=date(2027, 8, 1),
        terms=suggest_terms("associate-degree-hit", start),
    )
    create_plan(db, NewPlan(settings=settings, template_id="associate-degree-hit"), start)
    db.close()
    return folder / "studyplanner.sqlite3"


def build_heavy(folder: Path) -> Path:
    import random
    from datetime import timedelta
    from decimal import Decimal

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_progress import build

    from studyplanner.services import ceu_activities as acts
    from studyplanner.services import credentials as creds

    db, _ids = build(folder)
    today = date.today()
    earned = today - timedelta(days=600)
    cred = creds.add_credential(db, "CPC", earned, today)  # type: ignore[arg-type]
    assert cred.current is not None
    rng = random.Random(11)
    for number in range(1000):
        day = earned + timedelta(days=rng.randrange(590))
        units = Decimal(rng.choice(("0.5", "1", "1.5", "2")))
        data = acts.ActivityInput(day, f"Webinar {number + 1}", units, "coding", provider="AAPC")
        acts.add_activity(db, data, [(cred.current.id, units)], today)  # type: ignore[arg-type]
    db.close()  # type: ignore[attr-defined]
    return folder / "studyplanner.sqlite3"


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting `cmd` to its window's first paint, and to its exit."""
    began = time.time()
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    ended = time.time()
    painted = float(out.split("painted ", 1)[1].split()[0])
    return painted - began, ended - began


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--heavy", action="store_true", help="2,000 modules, 100,000 sessions")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        db_file = build_heavy(folder) if args.heavy else build_data(folder)
        app = [sys.executable, "-c", APP, "--data-dir", str(folder), "--smoke-test"]
        commands = {
            "app": app,  # the Dashboard's figures kept by the run before: the usual start
            "app cold": app,  # none kept (a write by another program since, or a new day)
            "reference": [sys.executable, "-c", REFERENCE, str(db_file)],
            "bare": [sys.executable, "-c", BARE],
        }  # fmt: skip
        kept = folder / "dashboard-figures.json"
        for cmd in commands.values():  # warm the file cache once
            timed(cmd, env)
        paint: dict[str, list[float]] = {name: [] for name in commands}
        warm_runs = 0  # "app" runs that found figures kept (none with a build that keeps none)
        whole: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                if name == "app cold":
                    kept.unlink(missing_ok=True)
                elif name == "app":
                    warm_runs += kept.exists()
                to_paint, to_exit = timed(cmd, env)
                paint[name].append(to_paint)
                whole[name].append(to_exit)
    target = 1.2 if args.heavy else 1.3
    print(f"'app' found the figures kept in {warm_runs} of {args.runs} runs")
    for title, times in (("to the first paint", paint), ("whole process", whole)):
        med = {name: statistics.median(values) for name, values in times.items()}
        print(f"{title} ({args.runs} runs each, alternating):")
        for name, value in med.items():
            print(
                f"  {name:>9}: median {value * 1000:7.1f} ms  (min {min(times[name]) * 1000:.1f},"
                f" max {max(times[name]) * 1000:.1f})"
            )
        print(f"  app / reference = {med['app'] / med['reference']:.2f}  (target <= {target:.2f})")
        print(f"  app cold / reference = {med['app cold'] / med['reference']:.2f}")
        print(f"  app / bare      = {med['app'] / med['bare']:.2f}")


if __name__ == "__main__":
    main()
