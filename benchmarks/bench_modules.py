"""The Modules screen at ten years of heavy use (2,000 modules, 100,000 sessions; data from
bench_progress.py), offscreen: its first visit in a new window, until the visit has been
processed and painted (target: under 150 ms), and, for comparison, the first visit of
Credentials & CEUs (little data), which shows what switching screens costs anyway.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_modules.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_progress import TODAY, build
from bench_study_log import CREDENTIALS, freeze_like_the_app, report, settle
from PySide6.QtWidgets import QApplication

from studyplanner.ui.window.main_window import MainWindow

MODULES = 2


def first_visits(app: QApplication, db: object, screen: int, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        window = MainWindow(db, lambda: TODAY)  # type: ignore[arg-type]
        window.resize(1366, 768)
        window.show()
        settle(app)
        began = time.perf_counter()
        window.show_screen(screen)
        window.repaint()
        app.processEvents()
        times.append((time.perf_counter() - began) * 1000)
        window.close()
        window.deleteLater()
        settle(app, 0.2)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        db, _ids = build(Path(tmp) / "data")
        print(f"built 2,000 modules and 100,000 sessions in {time.perf_counter() - began:.1f} s")
        freeze_like_the_app()
        report("Modules, first visit", first_visits(app, db, MODULES, args.runs), 150)
        report("  for comparison, the first visit of Credentials & CEUs",
               first_visits(app, db, CREDENTIALS, args.runs), 150)  # fmt: skip
        db.close()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
