"""`studyplanner roadmap`: codes and values in JSON, English for people, after the active plan."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from studyplanner.app import main

TODAY = "2026-12-03"


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> Any:
    code, out, err = run(capsys, data_dir, *args, "--json", "--today", TODAY)
    assert code == 0, err
    return json.loads(out)


def test_roadmap_json_for_a_cpc(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, _, err = run(
        capsys, data_dir, "credential", "add", "CPC", "--earned", "2025-03-10",
        "--renewal", "2027-06-30", "--today", TODAY,
    )  # fmt: skip
    assert code == 0, err
    road = as_json(capsys, data_dir, "roadmap")
    assert road["start"] == TODAY and road["active_plan"] is None
    codes = [c["code"] for c in road["credentials"]]
    assert "CPC" not in codes and codes[:3] == ["CCA", "CCS", "RHIT"]
    cpma = as_json(capsys, data_dir, "roadmap", "CPMA")["credentials"][0]
    assert cpma["ceus"]["effect"] == "joins_shared_cycle"
    assert (cpma["ceus"]["before"], cpma["ceus"]["after"]) == (36, 40)
    assert cpma["ceus"]["quota"] == {"category": "auditing", "units": 16}
    assert cpma["ceus"]["sources"][0].startswith("https://www.aapc.com/")
    ccs = as_json(capsys, data_dir, "roadmap", "ccs")["credentials"][0]
    assert ccs["ceus"]["effect"] == "new_cycle" and ccs["ceus"]["after"] == 20
    assert ccs["exam"]["minutes"] == 240 and ccs["exam"]["pass"]["value"] == 300
    track = ccs["tracks"][0]
    assert track["template_id"] == "ccs-exam-prep" and track["minutes"] == 135 * 60
    assert track["start"] == TODAY and track["finish"] > TODAY and track["weekly_minutes"] == 690


def test_roadmap_dates_goals_after_the_active_plan(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, _, err = run(
        capsys, data_dir, "plan", "create", "--track", "cpc-exam-prep-experienced",
        "--start", TODAY, "--hours-per-week", "8", "--today", TODAY,
    )  # fmt: skip
    assert code == 0, err
    plan = json.loads(run(capsys, data_dir, "plan", "show", "--json", "--today", TODAY)[1])
    road = as_json(capsys, data_dir, "roadmap", "CCA")
    assert road["active_finish"] == plan["finish"] and road["start"] > plan["finish"]
    assert road["weekly_minutes"] == 480
    code, out, _ = run(capsys, data_dir, "roadmap", "CCA", "--today", TODAY)
    assert code == 0 and "After your plan" in out and "CCA / facility coding" in out
    assert "a new AHIMA cycle of 20 CEUs every 2 years" in out


def test_unknown_credential(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, _, err = run(capsys, data_dir, "roadmap", "XYZ", "--today", TODAY)
    assert code == 2 and "XYZ" in err


def test_done_on_the_goal_exam_says_how_to_add_the_credential(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    """The CCS plan a CCA holder chose: marking its exam done names the command that adds CCS
    into the shared AHIMA cycle; once added, it joins CCA's cycle."""
    for args in (
        ("credential", "add", "CCA", "--earned", "2025-09-14"),
        ("plan", "create", "--track", "ccs-exam-prep", "--start", TODAY, "--hours-per-week", "8"),
    ):
        code, _, err = run(capsys, data_dir, *args, "--today", TODAY)
        assert code == 0, err
    plan = json.loads(run(capsys, data_dir, "plan", "show", "--json", "--today", TODAY)[1])
    exam = next(m for m in plan["modules"] if m["kind"] == "exam")
    code, out, _ = run(
        capsys, data_dir, "done", str(exam["id"]), "--date", "2027-04-06", "--today", "2027-04-06"
    )
    assert code == 0
    assert "studyplanner credential add CCS --earned 2027-04-06" in out
    code, _, err = run(
        capsys, data_dir, "credential", "add", "CCS", "--earned", "2027-04-06",
        "--today", "2027-04-06",
    )  # fmt: skip
    assert code == 0, err
    listed = json.loads(run(capsys, data_dir, "credential", "list", "--json")[1])
    ends = {c["label"]: c["cycle_end"] for c in listed}
    assert ends["CCS"] == ends["CCA"]
    code, out, _ = run(capsys, data_dir, "undone", str(exam["id"]))
    code, out, _ = run(
        capsys, data_dir, "done", str(exam["id"]), "--date", "2027-04-06", "--today", "2027-04-06"
    )
    assert "credential add" not in out  # held now: nothing to add
