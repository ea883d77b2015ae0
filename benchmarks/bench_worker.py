"""How long the GUI thread is blocked by Back up now, restoring a backup and the calendar (.ics)
export, at heavy data: 2,000 modules and 100,000 study sessions (bench_progress.py's data) plus
three credentials and 1,000 CEU activities.

A QTimer ticks every 5 ms on the GUI thread; the longest gap between two ticks, from the click
on the real button until the action is done (its result shown), is how long the window could not
repaint or answer a key (on a loaded machine the operating system's scheduling adds to it: the
same is measured with nothing running, as the floor). The panels are driven on their own
(Settings' Backups and Calendar sections), so the figure is the action's, not the re-reading of
every screen a restore causes.
Target: under 50 ms (ui/background_job.py's one worker does the work).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_worker.py [--runs 5]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_progress import TODAY, build
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import insert

from studyplanner.services import credentials as creds
from studyplanner.services.backups import list_backups, preview_backup
from studyplanner.services.database import Database
from studyplanner.store import tables
from studyplanner.ui.settings import backups_panel as bp
from studyplanner.ui.settings.calendar_export_panel import CalendarExportPanel

TICK_MS = 5


def add_ceus(db: Database, count: int = 1000) -> None:
    """Three credentials and `count` CEU activities, each applied to a CPC cycle."""
    cpc = creds.add_credential(db, "CPC", date(2024, 1, 5), TODAY, renewal_on=date(2026, 12, 31))
    creds.add_credential(db, "CPMA", date(2025, 2, 1), TODAY)
    creds.add_credential(db, "CCS", date(2025, 3, 3), TODAY)
    cycle = cpc.current.id
    with db.engine.begin() as conn:
        for n in range(count):
            day = cpc.current.start + timedelta(days=n % 600)
            row = conn.execute(
                insert(tables.ceu_activities).values(
                    completed_on=day,
                    title=f"Webinar {n}",
                    provider="AAPC",
                    index_number=f"IDX-{n}",
                    units_hundredths=50,
                    category="coding",
                    created_at=datetime(2026, 1, 1),
                )
            )
            activity = row.inserted_primary_key[0]
            conn.execute(
                insert(tables.ceu_allocations).values(
                    activity_id=activity, cycle_id=cycle, units_hundredths=50
                )
            )


class Blocked:
    """The longest gap between the 5 ms ticks of a timer on the GUI thread, and the longest
    pause of Python's garbage collector meanwhile (a full collection stops every thread, so
    work on the worker that makes many objects, such as the calendar's events, still pauses
    the window while it runs)."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0
        self.collecting = 0.0
        self.longest_collection = 0.0
        self.collections: list[float] = []
        gc.callbacks.append(self._collection)

    def _collection(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self.collecting = time.perf_counter()
        else:
            pause = time.perf_counter() - self.collecting
            self.longest_collection = max(self.longest_collection, pause)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def measure(
        self, app: QApplication, start: Callable[[], Any], done: Callable[[], bool]
    ) -> float:
        """ms: `start` runs from the event loop (as a click does); until `done()`."""
        self.longest = self.longest_collection = 0.0
        self.last = time.perf_counter()
        self.timer.start()
        QTimer.singleShot(0, start)
        deadline = time.perf_counter() + 120
        began = time.perf_counter()
        while True:
            app.processEvents()
            if time.perf_counter() - began > 0.02 and done():
                break
            if time.perf_counter() > deadline:
                raise TimeoutError("the action did not end")
        self._tick()  # the gap up to the end counts too
        self.timer.stop()
        self.collections.append(self.longest_collection * 1000)
        return self.longest * 1000


def settle(app: QApplication, seconds: float = 0.3) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()


def report(name: str, times: list[float], collections: list[float] | None = None) -> None:
    pauses = ""
    if collections:
        median, most = statistics.median(collections), max(collections)
        pauses = f"; longest garbage collection meanwhile: median {median:.0f}, max {most:.0f} ms"
    print(
        f"{name}: GUI thread blocked at most median {statistics.median(times):.0f} ms, "
        f"max {max(times):.0f} ms over {len(times)} runs (target < 50 ms){pauses}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    bp.Tell.info = staticmethod(lambda *_a: None)  # type: ignore[method-assign]
    bp.Tell.problem = staticmethod(lambda _p, text: print("problem:", text))  # type: ignore[method-assign]
    bp.ConfirmRestore.ask = staticmethod(lambda *_a: True)  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        db: Any
        db, _ids = build(Path(tmp) / "data")
        add_ceus(db)
        size = db.path.stat().st_size / 1e6
        print(f"built 2,000 modules, 100,000 sessions and 1,000 CEU activities ({size:.0f} MB) "
              f"in {time.perf_counter() - began:.1f} s")  # fmt: skip
        clock = iter(datetime(2026, 12, 31, 9, 0) + timedelta(minutes=m) for m in range(10_000))
        panel = bp.BackupsPanel(db, lambda: next(clock))
        panel.show()
        calendar = CalendarExportPanel(db, lambda: TODAY)
        out = Path(tmp) / "plan.ics"
        CalendarExportPanel.choose_file = staticmethod(lambda *_a: out)  # type: ignore[method-assign]
        calendar.show()
        replaced: list[int] = []
        panel.data_replaced.connect(lambda: replaced.append(1))
        blocked = Blocked()
        settle(app)
        # what the app does after its first paint (app._freeze_start_up_objects): the objects
        # made so far, here also the 100,000 sessions built in this process (which the app
        # never holds), leave the collector's reach
        gc.collect()
        gc.freeze()

        def idle(button: QPushButton) -> bool:
            """The job has ended, and what the chosen backup holds has been read."""
            reading = getattr(panel, "reading", lambda: False)()
            return button.isEnabled() and QApplication.activeModalWidget() is None and not reading

        quiet = []
        for _ in range(args.runs):  # the floor: how long the GUI thread waits with no job at all
            until = time.perf_counter() + 2
            quiet.append(
                blocked.measure(app, lambda: None, lambda t=until: time.perf_counter() > t)
            )
        report("Nothing running (2 s: the machine's own noise)", quiet, blocked.collections)
        blocked.collections = []
        backups, restores, exports = [], [], []
        for _ in range(args.runs):
            count = len(list_backups(db.data_dir))
            backups.append(blocked.measure(
                app, panel.back_up_button.click,
                lambda n=count: len(list_backups(db.data_dir)) > n and idle(panel.back_up_button),
            ))  # fmt: skip
            settle(app)
        report("Back up now", backups, blocked.collections)
        blocked.collections = []
        for _ in range(args.runs):
            before = len(replaced)
            manual = next(
                row for row, b in enumerate(panel._backups) if b.reason == "manual"
            )  # restore the manual backup (the before-restore ones pile up on top)

            clicked: list[int] = []

            def restored(n: int = before, clicked: list[int] = clicked) -> bool:
                """Restore is clicked once what the row holds is read (at once when it was
                read on the GUI thread); done when the data was replaced."""
                if not clicked and panel.restore_button.isEnabled():
                    clicked.append(1)
                    panel.restore_button.click()
                return len(replaced) > n and idle(panel.back_up_button)

            panel.table.clearSelection()
            restores.append(blocked.measure(
                app, lambda row=manual: panel.table.selectRow(row), restored
            ))  # fmt: skip
            settle(app)
        report("Restore (choosing the row and restoring)", restores, blocked.collections)
        blocked.collections = []
        previews = []
        for _ in range(args.runs):
            began = time.perf_counter()
            preview_backup(panel._backups[-1].path)
            previews.append((time.perf_counter() - began) * 1000)
        print(
            f"What a backup holds, read (on the GUI thread before, on the worker now): median "
            f"{statistics.median(previews):.0f} ms, max {max(previews):.0f} ms",
            flush=True,
        )
        for _ in range(args.runs):
            out.unlink(missing_ok=True)
            exports.append(blocked.measure(
                app, calendar.export_button.click,
                lambda: out.exists() and idle(calendar.export_button)
                and calendar.export_result.isVisible(),
            ))  # fmt: skip
            calendar.export_result.hide()
            settle(app)
        report("Calendar export (a year)", exports, blocked.collections)
        panel.close()
        calendar.close()
        db.close()


if __name__ == "__main__":
    main()
