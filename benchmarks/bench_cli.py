"""Wall time of `studyplanner tracks --json` (target: under 0.5 s; no Qt import on this path).

.venv/bin/python benchmarks/bench_cli.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    cmd = [sys.executable, "-m", "studyplanner", "tracks", "--json"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    times = []
    for _ in range(args.runs):
        began = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - began)
    print(
        f"studyplanner tracks --json: median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms (target < 500 ms)"
    )


if __name__ == "__main__":
    main()
