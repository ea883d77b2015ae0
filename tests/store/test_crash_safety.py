"""Crash safety: a writer process commits records in a loop and is killed with SIGKILL at random
moments; every time, the file passes `integrity_check` and every record reported committed is
there. (A power cut is not simulated: SIGKILL loses the process, not the OS page cache.)"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

WRITER = r"""
import sys
from datetime import date
from decimal import Decimal
from studyplanner.services.database import open_database
from studyplanner.services import credentials as svc
from studyplanner.services import ceu_activities as acts

db = open_database(sys.argv[1])
today = date(2026, 11, 27)
n = 0
while True:
    n += 1
    info = acts.add_activity(
        db, acts.ActivityInput(today, f"Webinar {n}", Decimal("1.5"), "coding"), [], today
    )
    print(info.id, flush=True)  # reported only after the commit returned
"""

KILLS = 20


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_sigkill_at_random_moments_never_loses_committed_records(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    rng = random.Random(20261127)
    committed: set[int] = set()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(data_dir)], stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=env, text=True,
        )  # fmt: skip
        assert proc.stdout is not None
        wanted = rng.randint(1, 25)
        for _line in range(wanted):
            line = proc.stdout.readline()
            if not line:
                break
            committed.add(int(line))
        time.sleep(rng.uniform(0, 0.01))  # land the kill anywhere in the next write
        proc.send_signal(signal.SIGKILL)
        rest, err = proc.communicate(timeout=30)
        committed.update(int(x) for x in rest.split())  # printed before the kill landed
        assert proc.returncode == -signal.SIGKILL, err
        conn = sqlite3.connect(data_dir / "studyplanner.sqlite3")
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            present = {row[0] for row in conn.execute("SELECT id FROM ceu_activities")}
        finally:
            conn.close()
        assert committed <= present, f"lost {sorted(committed - present)[:5]}"
    assert len(committed) >= KILLS
