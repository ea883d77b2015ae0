"""Dashboard and Modules refresh after logging a session, with ten years of heavy use:
2,000 modules and 100,000 study sessions (target: under 100 ms).

    .venv/bin/python benchmarks/bench_progress.py [--runs 15]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from studyplanner.core.model import Availability, ModuleKind
from studyplanner.services.database import open_database
from studyplanner.services.plans import create_plan
from studyplanner.services.progress import log_session, module_statuses, progress
from studyplanner.services.snapshots import ModuleDraft, NewPlan, PlanSettings
from studyplanner.store import tables

START = date(2017, 1, 2)
TODAY = date(2026, 12, 31)


def build(folder: Path) -> tuple[object, list[int]]:
    db = open_database(folder)
    drafts = tuple(
        ModuleDraft(-(i + 1), f"Module {i + 1}", ModuleKind.LESSON, 60 + (i * 7) % 240,
                    (-i,) if i else ())
        for i in range(2000)
    )  # fmt: skip
    settings = PlanSettings(start=START, availability=Availability((90,) * 7), weekly_minutes=600)
    plan = create_plan(
        db, NewPlan(settings=settings, custom_name="Ten years", custom_modules=drafts), START
    )
    ids = [m.id for m in plan.track.modules]
    rng = random.Random(7)
    rows = [
        {
            "module_id": rng.choice(ids),
            "day": START + timedelta(days=rng.randrange((TODAY - START).days)),
            "minutes": rng.randrange(15, 120),
            "note": "",
            "created_at": datetime(2020, 1, 1),
        }
        for _ in range(100_000)
    ]
    with db.engine.begin() as conn:
        conn.execute(insert(tables.study_sessions), rows)
    return db, ids


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        db, ids = build(Path(tmp) / "data")
        print(f"built 2,000 modules and 100,000 sessions in {time.perf_counter() - began:.1f} s")
        times = []
        for i in range(args.runs):
            began = time.perf_counter()
            log_session(db, ids[i], TODAY, 30, "", TODAY)  # type: ignore[arg-type]
            snapshot = progress(db, TODAY)  # type: ignore[arg-type]
            rows = module_statuses(db, TODAY)  # type: ignore[arg-type]
            times.append((time.perf_counter() - began) * 1000)
        assert snapshot is not None and len(rows) == 2000
        print(
            f"log a session + dashboard figures + modules list: median "
            f"{statistics.median(times):.1f} ms, max {max(times):.1f} ms (target < 100 ms)"
        )
        db.close()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
