"""The command line: JSON output, one-line errors with exit status 2, nothing written on error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studyplanner.app import main

TODAY = "2026-11-27"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_tracks_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "tracks", "--json")
    assert code == 0
    tracks = {t["id"]: t for t in json.loads(out)}
    assert {"cpc-certificate-program", "associate-degree-hit"} <= set(tracks)
    cpc = tracks["cpc-certificate-program"]
    assert cpc["usual_months"] == {"min": 9, "max": 20}
    assert cpc["module_count"] > 10 and cpc["total_hours"] > 100


def test_tracks_does_not_import_qt_or_the_database(tmp_path: Path) -> None:
    code = (
        "import sys; from studyplanner.app import main; rc = main(['tracks', '--json']);"
        "bad = [m for m in ('PySide6', 'sqlalchemy', 'alembic') if m in sys.modules];"
        "sys.exit(rc or (3 if bad else 0))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_plan_create_then_show(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, err = run(
        capsys,
        "--data-dir", str(data_dir),
        "plan", "create", "--track", "cpc-certificate-program", "--start", "2027-01-04",
        "--hours-per-week", "10", "--minutes", "mon=90,tue=90,wed=90,thu=90,sat=240",
        "--blackout", "2027-07-01..2027-07-14", "--today", TODAY, "--json",
    )  # fmt: skip
    assert code == 0, err
    created = json.loads(out)
    assert created["fits"] is True
    assert created["finish"] and created["message"].startswith("Finishes on")
    assert created["minutes_per_weekday"]["fri"] == 0
    module = created["modules"][0]
    assert {"id", "title", "hours", "start", "due", "done"} <= set(module)
    block = created["blocks"][0]
    assert set(block) == {"date", "module_id", "minutes"}
    assert all(not ("2027-07-01" <= b["date"] <= "2027-07-14") for b in created["blocks"])

    code, out, _ = run(capsys, "--data-dir", str(data_dir), "plan", "show", "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["finish"] == created["finish"]
    assert shown["blocks"] == created["blocks"]

    code, out, _ = run(capsys, "--data-dir", str(data_dir), "plan", "show")
    assert code == 0 and "study blocks" in out


def test_plan_show_without_plan(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "plan", "show", "--json")
    assert code == 1
    assert json.loads(out)["plan"] is None


BAD_ARGUMENTS = [
    (["--track", "no-such-track", "--start", "2027-01-04", "--hours-per-week", "10"], "no-such"),
    (["--track", "cpc-certificate-program", "--start", "2027-13-04", "--hours-per-week", "10"],
     "invalid date"),
    (["--track", "cpc-certificate-program", "--start", "2027-01-04", "--hours-per-week", "-3"],
     "invalid hours"),
    (["--track", "cpc-certificate-program", "--start", "2027-01-04", "--hours-per-week", "abc"],
     "invalid hours"),
    (["--track", "cpc-certificate-program", "--start", "2027-01-04"], "required"),
    (["--track", "cpc-certificate-program", "--start", "2027-01-04", "--hours-per-week", "5",
      "--target", "2028-01-01"], "not allowed"),
    (["--track", "cpc-certificate-program", "--start", "2027-01-04", "--target", "2020-01-01"],
     "past"),
    (["--track", "cpc-certificate-program", "--start", "2027-01-04", "--hours-per-week", "5",
      "--minutes", "mon=90,funday=3"], "--minutes"),
    (["--track", "cpc-certificate-program", "--start", "2027-01-04", "--hours-per-week", "5",
      "--minutes", "mon=-5"], "invalid minutes for mon '-5': it cannot be negative"),
    (["--track", "cpc-certificate-program", "--start", "2027-01-04", "--hours-per-week", "5",
      "--minutes", "mon=0"], "at least one day"),
    (["--track", "cpc-certificate-program", "--start", "2027-01-04", "--hours-per-week", "5",
      "--blackout", "2027-02-10..2027-02-01"], "ends"),
    (["--track", "cpc-certificate-program", "--start", "2027-01-04", "--hours-per-week", "40",
      "--minutes", "mon=60"], "only 1 hours"),
]  # fmt: skip


@pytest.mark.parametrize(("extra", "expected"), BAD_ARGUMENTS)
def test_bad_arguments_one_line_exit_2_nothing_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, extra: list[str], expected: str
) -> None:
    data_dir = tmp_path / "never-created"
    code, out, err = run(
        capsys, "--data-dir", str(data_dir), "plan", "create", *extra, "--today", TODAY
    )
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("studyplanner: error:")
    assert expected in err
    assert not data_dir.exists()


def test_unknown_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and err.count("\n") == 1


def test_damaged_database_gives_one_line_and_distinct_status(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    (data_dir / "studyplanner.sqlite3").write_bytes(os.urandom(2048))
    code, _, err = run(capsys, "--data-dir", str(data_dir), "plan", "show")
    assert code not in (0, 1, 2)
    assert err.count("\n") == 1 and "not an SQLite file" in err


def test_a_degree_that_does_not_fit_carries_each_late_terms_need(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, err = run(
        capsys,
        "--data-dir", str(data_dir),
        "plan", "create", "--track", "associate-degree-hit", "--start", "2027-01-04",
        "--hours-per-week", "24", "--minutes", "mon=240,tue=240,wed=240,thu=240,fri=240,sat=240",
        "--today", TODAY, "--json",
    )  # fmt: skip
    assert code == 0, err
    created = json.loads(out)
    assert created["fits"] is False
    assert created["hours_per_week_given"] == 24
    needs = {t["term"]: t["hours_per_week_needed"] for t in created["late_terms"]}
    assert set(needs) == {1, 2, 3, 4} and all(40 < h < 46 for h in needs.values())
    assert "they need: term 1 about 42 h 15 min" in created["message"]
