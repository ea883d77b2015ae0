"""29 February as today on the command line: creating a plan, re-planning and exporting the
calendar used to stop with `ValueError: day is out of range for month`."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from studyplanner.app import main

LEAP_DAY = "2028-02-29"


def ok(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> Any:
    code = main(["--data-dir", str(data_dir), *args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_a_plan_created_on_29_february(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    created = ok(
        capsys, data_dir, "plan", "create", "--track", "cpc-certificate-program",
        "--start", LEAP_DAY, "--hours-per-week", "9", "--today", LEAP_DAY,
    )  # fmt: skip
    assert created["start"] == LEAP_DAY and created["fits"] is True
    assert created["blocks"][0]["date"] == LEAP_DAY
    assert all(b["date"] >= LEAP_DAY for b in created["blocks"])
    assert LEAP_DAY < created["finish"] < "2030-02-28"  # 9 to 20 months at 9 hours a week
    shown = ok(capsys, data_dir, "plan", "show", "--today", LEAP_DAY)
    assert shown["blocks"] == created["blocks"]


def test_a_replan_on_29_february_keeps_done_work(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    plan = ok(
        capsys, data_dir, "plan", "create", "--track", "cpc-certificate-program",
        "--start", "2028-01-03", "--hours-per-week", "9", "--today", "2028-01-03",
    )  # fmt: skip
    first, second = plan["modules"][0]["id"], plan["modules"][1]["id"]
    ok(capsys, data_dir, "done", str(first), "--date", "2028-01-20", "--today", "2028-01-20")
    ok(capsys, data_dir, "log", "--module", str(second), "--date", "2028-02-10",
       "--minutes", "120", "--today", "2028-02-10")  # fmt: skip
    before = ok(capsys, data_dir, "progress", "--today", LEAP_DAY)

    replanned = ok(capsys, data_dir, "plan", "replan", "--hours-per-week", "9", "--today", LEAP_DAY)
    assert replanned["baselines"] == 2
    modules = {m["id"]: m for m in replanned["modules"]}
    assert modules[first]["done"] and modules[first]["due"] == "2028-01-20"
    assert not modules[second]["done"]
    assert replanned["blocks"] and all(b["date"] >= LEAP_DAY for b in replanned["blocks"])
    assert first not in {b["module_id"] for b in replanned["blocks"]}
    after = ok(capsys, data_dir, "progress", "--today", LEAP_DAY)
    assert after["hours_done"] == before["hours_done"] > 0
    assert after["percent_done"] == before["percent_done"]


RENEWAL = "AAPC membership renewal"
CYCLE_END = "CPC: CEU cycle ends"
WINDOW = "CPC: AAPC submission window opens"


@pytest.mark.parametrize(
    ("renewal", "expected"),
    [
        ("2027-06-30", {
            RENEWAL: [date(2028, 6, 30), date(2029, 6, 30)],
            CYCLE_END: [date(2028, 6, 30)],
            WINDOW: [date(2028, 5, 31)],  # 30 days before the cycle ends
        }),
        # Renewing on 29 February: due on the 28th in common years. An open-ended export runs
        # two years from today, to 2030-02-28 included; the cycle ends today, so its submission
        # window opened before the export begins.
        ("2024-02-29", {
            RENEWAL: [date(2028, 2, 29), date(2029, 2, 28), date(2030, 2, 28)],
            CYCLE_END: [date(2028, 2, 29)],
        }),
    ],
)  # fmt: skip
def test_the_calendar_exported_on_29_february_parses(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    renewal: str,
    expected: dict[str, list[date]],
) -> None:
    ok(capsys, data_dir, "credential", "add", "CPC", "--earned", "2027-01-10",
       "--renewal", renewal, "--today", LEAP_DAY)  # fmt: skip
    out = tmp_path / "out.ics"
    written = ok(capsys, data_dir, "export", "ics", str(out), "--today", LEAP_DAY)
    events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert written["events"] == len(events)
    by_summary: dict[str, list[date]] = {}
    for event in events:
        start = event.decoded("dtstart")
        assert not isinstance(start, datetime)  # deadlines are all-day events
        by_summary.setdefault(str(event["summary"]), []).append(start)
    assert by_summary == expected
