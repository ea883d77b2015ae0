"""`plan create` and `plan replan` with exam sittings: --allow-long-sittings, and the verdict's
codes for a sitting no day can hold (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyplanner.app import main

TODAY = "2026-11-27"
SHORT_SATURDAYS = "mon=60,tue=60,wed=60,thu=60,fri=60,sat=120"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _create(capsys: pytest.CaptureFixture[str], data_dir: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run(
        capsys, "--data-dir", str(data_dir),
        "plan", "create", "--track", "cpc-exam-prep-experienced", "--start", "2027-01-04",
        "--hours-per-week", "7", "--minutes", SHORT_SATURDAYS, *extra,
        "--today", TODAY, "--json",
    )  # fmt: skip
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_no_day_holds_the_exam_the_json_says_which_weekday_needs_how_much(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    created = _create(capsys, data_dir)
    assert created["fits"] is False and created["allow_long_sittings"] is False
    exam = next(m for m in created["modules"] if m["title"] == "CPC exam")
    assert exam["sitting"] is True and exam["due"] is None
    short = {s["title"]: s for s in created["sittings_too_long"]}
    assert short["CPC exam"] == {
        "module_id": exam["id"], "title": "CPC exam", "minutes": 240,
        "longest_weekday": "sat", "longest_minutes": 120,
    }  # fmt: skip
    assert (
        "CPC exam needs one day with 4 h; your longest day is Saturday with 2 h: "
        "give a Saturday 4 h, or allow long sittings."
    ) in created["message"]


def test_allow_long_sittings_on_create_and_off_again_on_replan(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    created = _create(capsys, data_dir, "--allow-long-sittings")
    assert created["allow_long_sittings"] is True and created["sittings_too_long"] == []
    exam = next(m for m in created["modules"] if m["title"] == "CPC exam")
    [block] = [b for b in created["blocks"] if b["module_id"] == exam["id"]]
    assert block["minutes"] == 240 and exam["start"] == exam["due"] == block["date"]

    base = ("--data-dir", str(data_dir), "plan", "replan", "--today", TODAY, "--json")
    code, out, err = run(capsys, *base)  # not given: unchanged
    assert code == 0, err
    assert json.loads(out)["allow_long_sittings"] is True
    code, out, err = run(capsys, *base, "--no-allow-long-sittings")
    assert code == 0, err
    replanned = json.loads(out)
    assert replanned["allow_long_sittings"] is False
    assert "CPC exam" in {s["title"] for s in replanned["sittings_too_long"]}
