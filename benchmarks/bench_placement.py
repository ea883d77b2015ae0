"""Scheduling the degree shape at scale: many terms, many courses in parallel in each term, each
course requiring courses of the term before, and a practice exam and an exam closing each term
that wait for courses of their own term (target: 10,000 modules under 200 ms, growing linearly).

    .venv/bin/python benchmarks/bench_placement.py [--runs 7] [--sizes 2500,5000,10000]

Each size is scheduled twice: in weekly-hours mode (one placement; the target applies to it) and
in target mode (a full placement, the search for the smallest weekly budget, then a placement
with that budget: two placements, for information). Figures on a shared 2-CPU machine, 7 runs:
before the waiting courses were indexed, 10,000 modules took 6,455 ms (weekly hours) and
16,250 ms (target mode); 2,500 took 406 and 862 ms: quadratic.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date, timedelta

from studyplanner.core.model import Availability, ModuleKind, ModuleToPlan, PlanRequest, Term
from studyplanner.core.scheduler import schedule_plan

START = date(2027, 1, 4)
TARGET_MS = 200.0
COURSES_PER_TERM = 20
TERM_WEEKS = 1


def degree_shape(count: int, *, target: bool) -> PlanRequest:
    """`count` modules in terms of COURSES_PER_TERM (TERM_WEEKS weeks each, a week apart): 48
    courses of 2 to 8 hours, each requiring one or two courses of the term before (by a
    stride, so the links cross), then a practice exam requiring four courses of its term and an
    exam (a sitting) requiring the practice exam. Full-time availability (54 hours a week)."""
    term_count = -(-count // COURSES_PER_TERM)
    terms = tuple(
        Term(
            k + 1,
            START + timedelta(weeks=TERM_WEEKS * k),
            START + timedelta(weeks=TERM_WEEKS * (k + 1), days=-1),
        )
        for k in range(term_count)
    )
    modules: list[ModuleToPlan] = []
    for i in range(count):
        term, j = divmod(i, COURSES_PER_TERM)
        first = term * COURSES_PER_TERM
        if j == COURSES_PER_TERM - 2:
            kind, minutes, sitting = ModuleKind.PRACTICE_EXAM, 120, False
            prereqs: tuple[int, ...] = tuple(first + k * 4 for k in range(4))
        elif j == COURSES_PER_TERM - 1:
            kind, minutes, sitting = ModuleKind.EXAM, 180, True
            prereqs = (i - 1,)
        else:
            kind, minutes, sitting = ModuleKind.COURSE, 60 + (i * 37) % 91, False
            earlier = first - COURSES_PER_TERM
            prereqs = (
                tuple(sorted({earlier + j, earlier + (j * 7 + 3) % (COURSES_PER_TERM - 2)}))[
                    : 1 + j % 2
                ]
                if term
                else ()
            )
        modules.append(
            ModuleToPlan(i, f"Course {i}", kind, minutes, prereqs, term=term + 1, sitting=sitting)
        )
    end = terms[-1].end
    return PlanRequest(
        tuple(modules),
        Availability((540, 540, 540, 540, 540, 360, 180)),
        START,
        START,
        target=end + timedelta(days=30) if target else None,
        weekly_minutes=None if target else 54 * 60,
        terms=terms,
        usual_months=(18, 30),
        program_label="associate degrees",
    )


def measure(name: str, request: PlanRequest, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        schedule = schedule_plan(request)
        times.append((time.perf_counter() - began) * 1000)
    verdict = schedule.verdict
    print(
        f"{name}: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms | "
        f"{len(schedule.blocks)} blocks, finish {schedule.finish}, {verdict.kind.value}, "
        f"{verdict.weekly_minutes_used / 60:.2f} h/week, late terms {len(verdict.late_terms)}",
        flush=True,
    )
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="2500,5000,10000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    worst = 0.0
    for size in sizes:
        median = measure(
            f"{size:,} modules, weekly hours", degree_shape(size, target=False), args.runs
        )
        measure(f"{size:,} modules, target mode", degree_shape(size, target=True), args.runs)
        if size == 10_000:
            worst = max(worst, median)
    if 10_000 in sizes:
        print(
            f"OK: one placement under {TARGET_MS:.0f} ms at 10,000 modules"
            if worst < TARGET_MS
            else f"SLOWER than {TARGET_MS:.0f} ms at 10,000 modules"
        )


if __name__ == "__main__":
    main()
