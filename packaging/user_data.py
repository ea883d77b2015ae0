"""A realistic data folder made the way a user makes one: through the app's own command line.

Shared by packaging/bundle.py (start-up timing) and tests/bundle/test_bundle.py; only the
standard library, so either Python can load it. A learner three months into the CPC program
(sessions logged, two modules done) who already holds a CPC and a CPMA with CEUs."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path

START = date(2026, 9, 7)
"""The plan's start: a Monday."""


def commands(certificate: Path) -> list[list[str]]:
    """The commands, each without the program and `--data-dir`."""
    steps: list[list[str]] = [
        ["plan", "create", "--track", "cpc-certificate-program", "--start", START.isoformat(),
         "--hours-per-week", "10", "--minutes", "mon=90,tue=90,wed=90,thu=90,sat=240",
         "--blackout", "2026-12-21..2027-01-03", "--json"],
    ]  # fmt: skip
    for week in range(0, 12, 2):  # one command a session: a few, to keep the build quick
        for day, module in ((0, 1 + week // 4), (5, 2 + week // 4)):
            when = START + timedelta(weeks=week, days=day)
            steps.append(["log", "--module", str(module), "--date", when.isoformat(),
                          "--minutes", "150", "--note", f"week {week + 1}"])  # fmt: skip
    steps += [
        ["done", "1", "--date", "2026-09-30"],
        ["done", "2", "--date", "2026-10-28"],
        ["credential", "add", "CPC", "--earned", "2019-03-10", "--renewal", "2027-06-30"],
        ["credential", "add", "CPMA", "--earned", "2024-02-01"],
        ["ceu", "add", "--date", "2026-02-20", "--units", "8", "--title", "Audit workshop",
         "--category", "auditing", "--credential", "CPC", "--credential", "CPMA",
         "--certificate", str(certificate)],
        ["ceu", "add", "--date", "2026-05-14", "--units", "1,5", "--title", "Webinar: E/M 2026",
         "--provider", "Local chapter", "--credential", "CPC"],
        ["ceu", "add", "--date", "2026-10-02", "--units", "4", "--title", "Chapter meeting",
         "--credential", "CPC"],
    ]  # fmt: skip
    return steps


MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def make(program: Sequence[str], data_dir: Path, env: Mapping[str, str] | None = None) -> None:
    """Fill `data_dir` by running each command with `program` (raises on any failure)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    certificate = data_dir.parent / f"{data_dir.name}-certificate.pdf"
    certificate.write_bytes(MINIMAL_PDF)
    try:
        for step in commands(certificate):
            done = subprocess.run([*program, "--data-dir", str(data_dir), *step],
                                  capture_output=True, text=True, env=env)  # fmt: skip
            if done.returncode != 0:
                raise RuntimeError(f"{' '.join(step)} -> {done.returncode}: {done.stderr.strip()}")
    finally:
        certificate.unlink(missing_ok=True)
