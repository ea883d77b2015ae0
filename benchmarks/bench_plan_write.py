"""A change of the plan at ten years of heavy use (2,000 modules, 100,000 sessions; data from
bench_progress.py), offscreen, with every screen built: the longest time the GUI thread went
without handling events (a 5 ms timer ticks meanwhile) while the Plan screen previews a new
weekly budget, saves it as a new baseline and shows it, and the whole action's time.

The preview and the write run on the one worker (ui/shared/on_worker.py) while the GUI thread
keeps painting; what stays on the GUI thread is showing the new plan (the timeline, the header)
and telling the other screens.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_plan_write.py [--runs 7]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_progress import TODAY, build
from bench_study_log import Gaps, settle
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from studyplanner.services.plan_reader import active_plan
from studyplanner.services.snapshots import PlanChange
from studyplanner.ui.shared import preview_dialog
from studyplanner.ui.shared.background_job import worker
from studyplanner.ui.window.main_window import MainWindow

PLAN = 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    preview_dialog.PreviewDialog.ask = staticmethod(lambda *_a, **_k: True)  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        db: Any
        db, _ids = build(Path(tmp) / "data")
        print(f"built 2,000 modules and 100,000 sessions in {time.perf_counter() - began:.1f} s")
        window = MainWindow(db, lambda: TODAY)
        window.resize(1366, 768)
        window.show()
        window.start_tray()
        for row in range(6):
            window.show_screen(row)
            settle(app, 0.2)
        screen: Any = window.show_screen(PLAN)
        settle(app)
        gc.collect()
        gc.freeze()  # as the app does after its first paint
        gaps = Gaps()
        blocked, whole = [], []
        for run in range(args.runs):
            plan = active_plan(db, TODAY)
            assert plan is not None
            minutes = 480 + 15 * (run % 4)
            change = PlanChange(settings=replace(plan.settings, weekly_minutes=minutes))
            done: list[bool] = []
            gaps.start()
            began = time.perf_counter()

            def act(change: PlanChange = change, done: list[bool] = done) -> None:
                done.append(screen._preview_and_apply(change, QLabel(), "Schedule changed"))

            QTimer.singleShot(0, act)
            while not done:
                app.processEvents()
            whole.append((time.perf_counter() - began) * 1000)
            blocked.append(gaps.stop())
            assert done == [True]
            settle(app, 0.3)
        for name, values in (("GUI thread blocked, longest", blocked), ("whole action", whole)):
            print(
                f"Plan change (new weekly budget, saved and shown), {name}: median "
                f"{statistics.median(values):.0f} ms, max {max(values):.0f} ms",
                flush=True,
            )
        window.close()
        worker().waitForDone()  # a read the window started on the worker ends first
        db.close()


if __name__ == "__main__":
    main()
