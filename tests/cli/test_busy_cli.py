"""`plan busy import|list|remove|reread` on a real data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyplanner.app import main
from tests.services.busy_ics import EVERY_DAY_FOR_A_MONTH

TODAY = "2026-11-27"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def plan_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    code, _, err = run(
        capsys, "--data-dir", str(folder), "plan", "create", "--track", "cpc-certificate-program",
        "--start", "2027-01-04", "--hours-per-week", "10", "--today", TODAY,
    )  # fmt: skip
    assert code == 0, err
    return folder


def test_import_list_remove(
    plan_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics = tmp_path / "family.ics"
    ics.write_bytes(EVERY_DAY_FOR_A_MONTH)
    base = ("--data-dir", str(plan_dir), "plan", "busy")
    code, out, err = run(capsys, *base, "import", str(ics), "--dry-run", "--today", TODAY, "--json")
    assert code == 0, err
    dry = json.loads(out)
    assert dry["saved"] is False and dry["finish_after"] > dry["finish_before"]
    assert json.loads(run(capsys, *base, "list", "--json")[1]) == []

    code, out, err = run(capsys, *base, "import", str(ics), "--subscribe", "--today", TODAY)
    assert code == 0, err
    assert "family.ics: 31 events" in out and "Changed: finish" in out
    (listed,) = json.loads(run(capsys, *base, "list", "--json")[1])
    assert listed["events"] == 31 and listed["busy_minutes"] == 31 * 1440
    assert listed["subscribed_path"] == str(ics.resolve())

    code, out, err = run(capsys, *base, "reread", "--today", TODAY, "--json")
    assert code == 0 and json.loads(out)["finish_after"] == dry["finish_after"]
    code, out, err = run(capsys, *base, "remove", "family.ics", "--today", TODAY, "--json")
    assert code == 0, err
    assert json.loads(out)["finish_after"] == dry["finish_before"]
    assert "No calendars" in run(capsys, *base, "list")[1]


def test_a_bad_file_is_one_line_and_changes_nothing(
    plan_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "photo.ics"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    base = ("--data-dir", str(plan_dir), "plan", "busy")
    code, out, err = run(capsys, *base, "import", str(bad), "--today", TODAY)
    assert code == 2 and out == ""
    assert err.strip() == (
        "studyplanner: error: photo.ics: it is not text (a binary file), so not an iCalendar "
        "file; nothing changed."
    )
    assert json.loads(run(capsys, *base, "list", "--json")[1]) == []
