"""A realistic month on the command line: sessions, completions, a practice exam, a missed week,
a re-plan; and bad input that writes nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from studyplanner.app import main


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run(capsys, data_dir, *args, "--json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


@pytest.fixture
def plan(capsys: pytest.CaptureFixture[str], data_dir: Path) -> dict:  # type: ignore[type-arg]
    return _json(
        capsys, data_dir, "plan", "create", "--track", "cpc-exam-prep-experienced",
        "--start", "2027-01-04", "--hours-per-week", "7",
        "--minutes", "mon=60,tue=60,wed=60,thu=60,fri=60,sat=60,sun=60", "--today", "2027-01-01",
    )  # fmt: skip


def _log_plan_days(capsys, data_dir: Path, plan: dict, first: date, last: date) -> None:  # type: ignore[no-untyped-def, type-arg]
    """Log exactly what the plan asked for on each day from first to last."""
    for block in plan["blocks"]:
        day = date.fromisoformat(block["date"])
        if first <= day <= last:
            code, _, err = run(
                capsys, data_dir, "log", "--module", str(block["module_id"]),
                "--date", block["date"], "--minutes", str(block["minutes"]), "--today", str(last),
            )  # fmt: skip
            assert code == 0, err


def test_a_realistic_month(capsys, data_dir: Path, plan: dict) -> None:  # type: ignore[no-untyped-def, type-arg]
    start = date(2027, 1, 4)
    # Two weeks exactly as planned: 0 days ahead.
    _log_plan_days(capsys, data_dir, plan, start, start + timedelta(days=13))
    today = start + timedelta(days=13)
    on_plan = _json(capsys, data_dir, "progress", "--today", str(today))
    assert on_plan["days_ahead"] == 0
    assert on_plan["hours_done"] == on_plan["hours_planned_to_date"] == 14.0
    assert {"percent_done", "forecast_finish", "baseline_finish"} <= set(on_plan)
    # A missed week: about a week behind.
    later = today + timedelta(days=7)
    behind = _json(capsys, data_dir, "progress", "--today", str(later))
    assert behind["days_ahead"] == -7
    assert behind["hours_planned_to_date"] == 21.0
    # The first module is finished; a practice exam is taken and scored.
    first_id = plan["modules"][0]["id"]
    done = _json(
        capsys, data_dir, "done", str(first_id), "--date", str(later), "--today", str(later)
    )
    assert done["done"] is True
    exam = next(m for m in plan["modules"] if "Practice exam" in m["title"])
    scored = _json(
        capsys, data_dir, "done", str(exam["id"]), "--date", str(later), "--score", "74",
        "--today", str(later),
    )  # fmt: skip
    assert scored["score"] == 74
    after = _json(capsys, data_dir, "progress", "--today", str(later))
    assert after["percent_done"] > behind["percent_done"]
    assert "74 %" in after["readiness"]
    # Re-plan with more hours: finished modules keep their dates, the rest moves from today.
    replanned = _json(
        capsys, data_dir, "plan", "replan", "--today", str(later), "--hours-per-week", "7"
    )
    assert replanned["baselines"] == 2
    modules = {m["id"]: m for m in replanned["modules"]}
    assert modules[first_id]["done"] and modules[first_id]["due"] == str(later)
    assert all(b["date"] >= str(later) for b in replanned["blocks"])
    assert _json(capsys, data_dir, "progress", "--today", str(later))["days_ahead"] == 0
    # Reopen a module marked done by mistake.
    reopened = _json(capsys, data_dir, "undone", str(exam["id"]))
    assert reopened["done"] is False


def _counts(data_dir: Path) -> tuple[int, int]:
    conn = sqlite3.connect(data_dir / "studyplanner.sqlite3")
    try:
        sessions = conn.execute("SELECT count(*) FROM study_sessions").fetchone()[0]
        done = conn.execute("SELECT count(*) FROM module_completions").fetchone()[0]
        return sessions, done
    finally:
        conn.close()


BAD = [
    (["log", "--module", "999", "--date", "2027-01-05", "--minutes", "30"], "no module 999"),
    (["log", "--module", "1", "--date", "2027-02-05", "--minutes", "30"], "future"),
    (["log", "--module", "1", "--date", "2027-01-05", "--minutes", "0"], "more than zero"),
    (["log", "--module", "1", "--date", "2027-01-05", "--minutes", "-30"],
     "argument --minutes: invalid minutes '-30': it cannot be negative"),
    (["log", "--module", "1", "--date", "2027-01-05", "--minutes", "lots"],
     "argument --minutes: invalid minutes 'lots': give a whole number in the digits 0-9"),
    (["log", "--module", "1", "--date", "2027-01-05", "--minutes", "4_5"], "digits 0-9"),
    (["log", "--module", "1", "--date", "20270105", "--minutes", "45"],
     "argument --date: invalid date '20270105': use YYYY-MM-DD"),
    (["log", "--module", "x", "--date", "2027-01-05", "--minutes", "30"], "invalid module id"),
    (["done", "1", "--date", "2027-01-05", "--score", "101"], "0 to 100"),
    (["done", "1", "--date", "2027-01-05", "--score", "-1"], "cannot be negative"),
    (["done", "1", "--date", "2027-01-05", "--score", "80"], "Only exams"),
    (["done", "999", "--date", "2027-01-05"], "no module 999"),
    (["done", "1", "--date", "2027-03-01"], "future"),
    (["undone", "1"], "not marked done"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), BAD)
def test_bad_input_one_line_exit_2_nothing_written(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    plan: dict,
    args: list[str],
    message: str,  # type: ignore[type-arg]
) -> None:
    extra = ["--today", "2027-01-10"] if args[0] in ("log", "done") else []
    before = _counts(data_dir)
    code, out, err = run(capsys, data_dir, *args, *extra)
    assert code == 2
    assert out == "" and err.count("\n") == 1 and message in err
    assert _counts(data_dir) == before
