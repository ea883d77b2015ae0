"""Wall time of `studyplanner plan create` for a 2,000-module track, as a whole process
(interpreter start, imports, validation, scheduling, writing, the JSON answer), into a new data
folder each run (target: under 0.5 s).

    .venv/bin/python benchmarks/bench_plan_create.py [--runs 9] [--modules 2000]

The built-in tracks are small, so the child process adds one synthetic built-in track before the
command runs: the CPC program's settings with `--modules` lessons of 30 to 180 minutes, each
requiring the one before and the one seven back, a practice exam every 50, and the final exam (a
sitting) last. A second figure times the same command for the shipped CPC program. Each is run
into a data folder that already holds a plan and into a new one (which also creates the database
and runs its migrations). The CPU time (user + system) of the process is printed beside the wall
time: on a shared machine the wall time also counts waiting for a CPU.

The target is below this machine's floor for such a process: `python -c "import sqlalchemy.orm"`
alone takes about 0.42 s (printed first), before any of our code, the database or the work.

Before the bulk writes (same session, 2 shared CPUs, 5 runs), 2,000 modules into an existing
folder: CPU median 4,039 ms (max 5,430), wall 9,744 ms (max 14,031); into a new folder: CPU
4,366 ms (max 5,252). The CPC program (32 modules) costs about 0.8 s of CPU either way: the floor
of a process that imports SQLAlchemy, which the 0.5 s target cannot go under on this machine.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARGS = ["plan", "create", "--start", "2027-01-04", "--hours-per-week", "10", "--json"]
ARGS += ["--today", "2027-01-04"]


def child(modules: int, track: str, data_dir: str) -> int:
    """Run in the measured process: add the synthetic track, then the real command line."""
    from dataclasses import replace

    from studyplanner import bundled
    from studyplanner.cli.main import main
    from studyplanner.core.model import ModuleKind
    from studyplanner.core.tracks import ModuleTemplate

    shipped = bundled.load_track_templates()
    if track == "big":
        cpc = next(t for t in shipped if t.id == "cpc-certificate-program")
        exam = cpc.modules[-1]
        lessons = tuple(
            ModuleTemplate(
                key=f"m{i}",
                title=f"Module {i}",
                topic="Topic",
                kind=ModuleKind.PRACTICE_EXAM if i % 50 == 49 else ModuleKind.LESSON,
                minutes=30 + (i * 37) % 150,
                requires=tuple(f"m{p}" for p in (i - 1, i - 7) if p >= 0),
                term=None,
                credits=None,
            )
            for i in range(modules - 1)
        )
        final = replace(exam, key="final", requires=(f"m{modules - 2}",))
        big = replace(cpc, id="big", name="Big program", modules=(*lessons, final))
        bundled.load_track_templates = lambda: (*shipped, big)  # type: ignore[assignment]
    return main(["--data-dir", data_dir, *ARGS, "--track", track])


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(name: str, modules: int, track: str, runs: int, *, existing: bool) -> None:
    """Wall and CPU time (user + system) of the child process; into a new data folder, or into
    a copy (made before the clock starts) of a data folder that already holds a plan."""
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as tmp:
        prepared = Path(tmp) / "prepared"
        if existing:
            cmd = [sys.executable, __file__, "--child", "cpc-certificate-program", str(prepared)]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        for i in range(runs + 1):
            folder = Path(tmp) / f"data{i}"
            if existing:
                shutil.copytree(prepared, folder)
            cmd = [sys.executable, __file__, "--child", track, "--modules", str(modules)]
            began, cpu = time.perf_counter(), _cpu()
            subprocess.run([*cmd, str(folder)], check=True, stdout=subprocess.DEVNULL)
            if i:  # the first run warms the file cache
                walls.append(time.perf_counter() - began)
                cpus.append(_cpu() - cpu)
    where = "existing data folder" if existing else "new data folder"
    print(
        f"{name}, {where}: wall median {statistics.median(walls) * 1000:.0f} ms, "
        f"max {max(walls) * 1000:.0f} ms; CPU median {statistics.median(cpus) * 1000:.0f} ms, "
        f"max {max(cpus) * 1000:.0f} ms (target < 500 ms)",
        flush=True,
    )


def floor(runs: int) -> None:
    """The floor of any such process on this machine: the interpreter with SQLAlchemy's ORM
    imported, and nothing else (no database opened, none of our modules)."""
    cmd = [sys.executable, "-c", "import sqlalchemy.orm"]
    subprocess.run(cmd, check=True)
    walls = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(cmd, check=True)
        walls.append(time.perf_counter() - began)
    print(
        f"floor (python -c 'import sqlalchemy.orm'): wall median "
        f"{statistics.median(walls) * 1000:.0f} ms, max {max(walls) * 1000:.0f} ms",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--modules", type=int, default=2000)
    parser.add_argument("--child", metavar="TRACK")
    parser.add_argument("data_dir", nargs="?")
    args = parser.parse_args()
    if args.child:
        sys.exit(child(args.modules, args.child, args.data_dir))
    floor(args.runs)
    for existing in (True, False):
        name = f"plan create, {args.modules:,} modules"
        measure(name, args.modules, "big", args.runs, existing=existing)
        name = "plan create, the CPC program (32 modules)"
        measure(name, 0, "cpc-certificate-program", args.runs, existing=existing)


if __name__ == "__main__":
    main()
