"""Scheduling speed: a synthetic 600-module track over about two years in target mode, the shipped
associate-degree-hit template (default term dates, full-time availability, target mode), and a
synthetic 24-course degree in 4 terms shaped like it.

    .venv/bin/python benchmarks/bench_scheduler.py [--runs 20]

Target: under 50 ms each, including the search for the smallest weekly budget. Two variants that
miss their target (all the time is used, then the extra weekly minutes are searched for) are
timed too, for information.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace
from datetime import date, timedelta

from studyplanner.bundled import track_template
from studyplanner.core.model import Availability, ModuleKind, ModuleToPlan, PlanRequest, Term
from studyplanner.core.scheduler import schedule_plan
from studyplanner.core.tracks import default_terms

START = date(2027, 1, 4)
TARGET_MS = 50.0


def big_track() -> PlanRequest:
    """600 lessons of 30 to 180 minutes (about 1,045 hours), each requiring the one before and
    the one seven back, with a practice exam every 50 modules; 13.5 hours a week; target 2 years."""
    modules = tuple(
        ModuleToPlan(
            i,
            f"Module {i}",
            ModuleKind.PRACTICE_EXAM if i % 50 == 49 else ModuleKind.LESSON,
            30 + (i * 37) % 150,
            tuple(p for p in (i - 1, i - 7) if p >= 0),
        )
        for i in range(600)
    )
    return PlanRequest(
        modules,
        Availability((90, 90, 90, 90, 90, 240, 120)),
        START,
        START,
        target=date(2029, 1, 1),
        blackouts=(),
        usual_months=(9, 24),
        program_label="certification programs",
    )


def degree() -> PlanRequest:
    """4 terms of 16 weeks, 26 weeks apart; 6 courses a term (135 or 180 hours), each requiring
    one or two courses of the term before; the last term ends with a practice exam and an exam
    that wait for other courses of the same term. Full-time availability (54 hours a week)."""
    terms = tuple(
        Term(k + 1, START + timedelta(weeks=26 * k), START + timedelta(weeks=26 * k + 16, days=-1))
        for k in range(4)
    )
    modules: list[ModuleToPlan] = []
    for term in range(1, 5):
        for j in range(6):
            i = (term - 1) * 6 + j
            if term == 1:
                prereqs: tuple[int, ...] = ()
            else:
                earlier = (term - 2) * 6
                prereqs = tuple(sorted({earlier + j, earlier + (j + 2) % 6}))[: 1 + j % 2]
            kind, minutes = ModuleKind.COURSE, 180 * 60 if j == 0 else 135 * 60
            if term == 4 and j == 4:
                kind, minutes, prereqs = ModuleKind.PRACTICE_EXAM, 30 * 60, (i - 4, i - 3, i - 2)
            if term == 4 and j == 5:
                kind, minutes, prereqs = ModuleKind.EXAM, 4 * 60, (i - 1,)
            modules.append(ModuleToPlan(i, f"Course {i}", kind, minutes, prereqs, term=term))
    return PlanRequest(
        tuple(modules),
        Availability((540, 540, 540, 540, 540, 360, 180)),
        START,
        START,
        target=date(2029, 1, 1),
        terms=terms,
        usual_months=(18, 30),
        program_label="associate degrees",
    )


def shipped_degree() -> PlanRequest:
    """The shipped associate degree (24 modules, 2,947 h, 4 terms from default_terms), 60 hours a
    week (its fourth term needs 51.8 h a week), target at the end of its usual 24 months."""
    template = track_template("associate-degree-hit")
    assert template.terms is not None
    ids = {m.key: i for i, m in enumerate(template.modules, start=1)}
    modules = tuple(
        ModuleToPlan(
            ids[m.key], m.title, m.kind, m.minutes, tuple(ids[k] for k in m.requires), term=m.term
        )
        for m in template.modules
    )
    return PlanRequest(
        modules,
        Availability((600, 600, 600, 600, 600, 360, 240)),
        START,
        START,
        target=START + timedelta(days=round(template.usual_months[1] * 30.44)),
        terms=default_terms(template.terms, START),
        usual_months=template.usual_months,
        program_label=template.program_label,
    )


def measure(name: str, request: PlanRequest, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        schedule = schedule_plan(request)
        times.append((time.perf_counter() - began) * 1000)
    hours = sum(m.remaining_minutes for m in request.modules) / 60
    verdict = schedule.verdict
    print(
        f"{name}: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms "
        f"(target < {TARGET_MS:.0f} ms) | {len(request.modules)} modules, {hours:.0f} h, "
        f"{len(schedule.blocks)} blocks, finish {schedule.finish}, {verdict.kind.value}, "
        f"{verdict.weekly_minutes_used / 60:.2f} h/week"
        + (
            f", +{verdict.extra_minutes_per_week} min/week"
            if verdict.extra_minutes_per_week
            else ""
        )
    )
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    medians = [
        measure("600 modules, target mode", big_track(), runs),
        measure("associate-degree-hit template", shipped_degree(), runs),
        measure("degree, 24 courses in 4 terms", degree(), runs),
    ]
    measure("600 modules, target too tight", replace(big_track(), target=date(2028, 1, 3)), runs)
    measure("degree, target too tight", replace(degree(), target=date(2028, 9, 1)), runs)
    print("OK: all under the target" if max(medians) < TARGET_MS else "SLOWER than the target")


if __name__ == "__main__":
    main()
