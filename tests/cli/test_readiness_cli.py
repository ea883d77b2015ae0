"""Scores by exam section on the command line: `done --missed`, `readiness` (text and JSON),
`readiness --accept`; and bad sections that write nothing (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyplanner.app import main

TODAY = ("--today", "2026-12-03")


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def practice(capsys: pytest.CaptureFixture[str], data_dir: Path) -> int:
    code, out, err = run(
        capsys, data_dir, "plan", "create", "--track", "cpc-exam-prep-experienced",
        "--start", "2026-10-05", "--target", "2027-06-30",
        "--minutes", "mon=120,tue=120,wed=120,thu=120,fri=120,sat=240", "--json",
    )  # fmt: skip
    assert code == 0, err
    modules = json.loads(out)["modules"]
    return next(m["id"] for m in modules if m["kind"] == "practice_exam")  # type: ignore[no-any-return]


def test_missed_questions_give_the_score_and_readiness(
    capsys: pytest.CaptureFixture[str], data_dir: Path, practice: int
) -> None:
    code, out, err = run(
        capsys, data_dir, "done", str(practice), "--date", "2026-11-30", "--json", *TODAY,
        "--missed", "anesthesia=3", "--missed", "radiology=4", "--missed", "icd-10-cm=2",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["score"] == 91.0
    code, out, err = run(capsys, data_dir, "readiness", "--json", *TODAY)
    assert code == 0, err
    found = json.loads(out)
    assert found["exam"] == "CPC" and found["pass_mark_percent"] == 70
    assert found["attempts"][0]["total_percent"] == 91.0
    weak = [s["key"] for s in found["sections"] if s["weak"]]
    assert weak == ["anesthesia", "radiology"]
    assert found["review"]["verdict"] == "fits"
    assert found["review"]["priority"] == ["radiology", "anesthesia"]
    code, out, err = run(capsys, data_dir, "readiness", "--accept", *TODAY)
    assert code == 0, err
    assert "added to the plan" in out
    code, out, _ = run(capsys, data_dir, "readiness", "--json", *TODAY)
    again = json.loads(out)["review"]
    assert again["verdict"] == "planned" and again["already_planned"] == ["anesthesia", "radiology"]
    code, out, _ = run(capsys, data_dir, "plan", "show", "--json")
    titles = [m["title"] for m in json.loads(out)["modules"]]
    assert "Review: Radiology" in titles and "Review: Anesthesia" in titles


@pytest.mark.parametrize(
    ("missed", "message"),
    [("nope=1", "not a section"), ("anesthesia=9", "9 missed of 4"), ("anesthesia", "SECTION")],
)
def test_bad_sections_write_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, practice: int, missed: str, message: str
) -> None:
    code, _, err = run(
        capsys, data_dir, "done", str(practice), "--date", "2026-11-30", "--missed", missed
    )
    assert code == 2 and message in err
    code, out, _ = run(capsys, data_dir, "readiness", "--json", *TODAY)
    assert json.loads(out)["review"]["verdict"] == "no_scores"
