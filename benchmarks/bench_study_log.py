"""The Study log at ten years of heavy use (2,000 modules, 100,000 sessions; data from
bench_progress.py), offscreen: its first visit in a new window (targets: under 300 ms), and
logging one session from it with every screen built (under 50 ms), until the window has
processed the change; and that again with the other screens not told, to show the Study log's
own part. Hidden screens re-read when shown (ui/change_routing.py): what the hidden Dashboard
does a moment after the log (its reminders, for the badge) and when it is next shown is timed
too. For comparison, the first visit of another
screen (Credentials & CEUs, little data) shows what switching screens in the window costs anyway,
and the Study log is also built and painted on its own.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_study_log.py [--runs 7]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_progress import TODAY, build
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from studyplanner.ui.shared.background_job import worker
from studyplanner.ui.study.session_dialog import SessionDialog
from studyplanner.ui.study.study_log_screen import StudyLogScreen
from studyplanner.ui.window.main_window import MainWindow

DASHBOARD = 0
STUDY_LOG = 3
CREDENTIALS = 4
SCREENS = 6


def report(name: str, times: list[float], target: float) -> None:
    print(
        f"{name}: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms "
        f"(target < {target:.0f} ms)",
        flush=True,
    )


def settle(app: QApplication, seconds: float = 1.0) -> None:
    """Let the window finish what it defers after its first paint (the Dashboard's charts and
    reminders), so that it is not counted in what is timed next."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()


class Gaps:
    """The longest gap between two ticks of a 5 ms timer: how long the GUI thread was busy."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.longest, self.last = 0.0, time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        """ms: the longest gap since start()."""
        self._tick()
        self.timer.stop()
        return self.longest * 1000


def freeze_like_the_app() -> None:
    """What the app does once its window has painted (app._freeze_start_up_objects): the
    objects made so far leave the garbage collector's reach. Here they are also the 100,000
    sessions built in this process, which the app never holds (they are on disk): without
    this, a full collection walking them landed in whatever was being timed (80 ms)."""
    gc.collect()
    gc.freeze()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        db, ids = build(Path(tmp) / "data")
        print(f"built 2,000 modules and 100,000 sessions in {time.perf_counter() - began:.1f} s")
        freeze_like_the_app()
        visits = []
        for _ in range(args.runs):
            window = MainWindow(db, lambda: TODAY)  # type: ignore[arg-type]
            window.show()
            settle(app)
            began = time.perf_counter()
            window.show_screen(STUDY_LOG)
            app.processEvents()
            visits.append((time.perf_counter() - began) * 1000)
            window.close()
            window.deleteLater()
            app.processEvents()
        report("Study log, first visit", visits, 300)
        floor = []
        for _ in range(args.runs):
            window = MainWindow(db, lambda: TODAY)  # type: ignore[arg-type]
            window.show()
            settle(app)
            began = time.perf_counter()
            window.show_screen(CREDENTIALS)
            app.processEvents()
            floor.append((time.perf_counter() - began) * 1000)
            window.close()
            window.deleteLater()
            settle(app, 0.2)
        report("  for comparison, the first visit of Credentials & CEUs", floor, 300)
        alone = []
        for _ in range(args.runs):
            began = time.perf_counter()
            screen = StudyLogScreen(db, lambda: TODAY)  # type: ignore[arg-type]
            screen.resize(1400, 900)
            screen.show()
            app.processEvents()
            alone.append((time.perf_counter() - began) * 1000)
            screen.close()
            screen.deleteLater()
            settle(app, 0.2)
        report("  the Study log alone (built, shown, painted)", alone, 300)

        window = MainWindow(db, lambda: TODAY)  # type: ignore[arg-type]
        window.show()
        window.start_tray()  # as the app does after its first paint: the reminders panel too
        for row in range(SCREENS):
            window.show_screen(row)
            app.processEvents()
        window.show_screen(STUDY_LOG)
        settle(app)
        freeze_like_the_app()
        answers = iter(range(10**6))

        def typed(*_args: Any, **_kwargs: Any) -> dict[str, Any]:
            i = next(answers)
            return {"module_id": ids[i % len(ids)], "day": TODAY, "minutes": 30, "note": ""}

        SessionDialog.ask = typed  # type: ignore[method-assign]
        logs = []
        for _ in range(args.runs):
            began = time.perf_counter()
            assert window.study_log.log_for(None) is not None
            app.processEvents()
            logs.append((time.perf_counter() - began) * 1000)
        report("log one session, every screen built", logs, 50)
        later, shown = [], []
        gaps = Gaps()
        for _ in range(args.runs):
            assert window.study_log.log_for(None) is not None
            app.processEvents()
            window.routing.reminders_timer.stop()  # what it does a moment later, timed here
            panel = window.dashboard.reminders_panel
            assert panel is not None
            gaps.start()
            window._hidden_reminders()  # read on the worker: the GUI thread's longest wait
            while panel.reading():
                app.processEvents()
            later.append(gaps.stop())
            began = time.perf_counter()
            window.show_screen(DASHBOARD)  # hidden since the change: it re-reads now
            app.processEvents()
            shown.append((time.perf_counter() - began) * 1000)
            window.show_screen(STUDY_LOG)
            app.processEvents()
        report(
            "  then, a moment later, the hidden Dashboard's reminders (badge, tray; the GUI "
            "thread's longest wait while they are read and shown)",
            later,
            50,
        )
        report("  then showing the Dashboard (it re-reads when shown)", shown, 300)
        window.study_log.data_changed.disconnect(window._on_data_changed)
        own = []
        for _ in range(args.runs):
            began = time.perf_counter()
            assert window.study_log.log_for(None) is not None
            app.processEvents()
            own.append((time.perf_counter() - began) * 1000)
        report("  of which the Study log's own part (other screens not told)", own, 50)
        window.close()
        worker().waitForDone()  # a read the window started on the worker ends first
        db.close()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
