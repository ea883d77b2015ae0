"""`studyplanner remind`: English text with ISO dates, and --json with each reminder's kind and
the values its words are made of (core/reminder_reasons.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyplanner.app import main

TODAY = "2026-11-27"


def _ok(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> str:
    assert main(["--data-dir", str(data_dir), *args]) == 0
    return capsys.readouterr().out


def test_remind_prints_english_and_its_json_carries_kind_and_values(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    _ok(capsys, data_dir, "credential", "add", "CPC", "--earned", "2019-03-10",
        "--cycle-start", "2024-12-18", "--cycle-end", "2026-12-17", "--renewal", "2026-12-17",
        "--required", "36", "--today", TODAY)  # fmt: skip
    found = json.loads(_ok(capsys, data_dir, "remind", "--today", TODAY, "--json"))
    short = next(r for r in found if r["kind"] == "ceu_shortfall")
    assert short["values"] == {
        "names": ["CPC"], "missing": 36.0, "required": 36.0, "cycle_end": "2026-12-17",
        "days_left": 20, "pace_per_month": short["values"]["pace_per_month"],
    }  # fmt: skip
    assert short["message"].startswith(
        "CPC: 36 of 36 CEUs still missing; the cycle ends in 20 days (2026-12-17) (about "
    )
    opened = next(r for r in found if r["kind"] == "submission")
    assert opened["values"]["body"] == "AAPC" and opened["values"]["cycle_end"] == "2026-12-17"
    text = _ok(capsys, data_dir, "remind", "--today", TODAY)
    assert "URGENT" in text and "CPC: 36 of 36 CEUs still missing" in text
