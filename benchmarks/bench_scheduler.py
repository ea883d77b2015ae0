"""Scheduling speed: a 600-module track over about two years, and the associate degree.

    .venv/bin/python benchmarks/bench_scheduler.py [--runs 20]
Target: under 50 ms each (including the search for the smallest weekly budget).
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

from studyplanner import bundled
from studyplanner.core.model import Availability, ModuleKind, ModuleToPlan, PlanRequest
from studyplanner.core.scheduler import schedule_plan
from studyplanner.core.tracks import default_terms

START = date(2027, 1, 4)


def big_track() -> PlanRequest:
    modules = tuple(
        ModuleToPlan(
            i, f"Module {i}", ModuleKind.LESSON, 30 + (i * 37) % 150,
            tuple(p for p in (i - 1, i - 7) if p >= 0),
        )
        for i in range(600)
    )  # fmt: skip
    hours = sum(m.minutes for m in modules) / 60
    return PlanRequest(
        modules,
        Availability((90, 90, 90, 90, 90, 240, 120)),
        START,
        START,
        target=date(2029, 1, 1),
        usual_months=(9, 24),
    ), hours  # type: ignore[return-value]


def degree() -> PlanRequest:
    t = bundled.track_template("associate-degree-hit")
    ids = {m.key: i for i, m in enumerate(t.modules)}
    assert t.terms is not None
    return PlanRequest(
        tuple(
            ModuleToPlan(
                ids[m.key],
                m.title,
                m.kind,
                m.minutes,
                tuple(ids[k] for k in m.requires),
                term=m.term,
            )
            for m in t.modules
        ),
        Availability((540, 540, 540, 540, 540, 360, 180)),
        START,
        START,
        target=date(2029, 1, 1),
        terms=default_terms(t.terms, START),
    )


def measure(name: str, request: PlanRequest, runs: int) -> None:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        schedule = schedule_plan(request)
        times.append((time.perf_counter() - began) * 1000)
    print(
        f"{name}: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms "
        f"(target < 50 ms); {len(schedule.blocks)} blocks, finish {schedule.finish}, "
        f"{schedule.verdict.kind.value}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    request, hours = big_track()  # type: ignore[misc]
    print(f"600-module track: {hours:.0f} hours")
    measure("600 modules, target mode", request, args.runs)
    measure("associate degree, 4 terms", degree(), args.runs)


if __name__ == "__main__":
    main()
