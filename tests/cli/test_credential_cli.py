"""Credentials on the command line as a certified coder uses it: a credential held for years lands
in the cycle containing today and the command says which and why; the cycle and the credential
can be corrected; removing a credential or closing a cycle needs --yes, writes nothing without
it, and takes a backup first."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from studyplanner.app import main

TODAY = "2026-12-02"


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> str:
    code, out, err = run(capsys, data_dir, *args)
    assert code == 0, err
    return out


def as_json(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> Any:
    return json.loads(ok(capsys, data_dir, *args, "--json"))


def rows(data_dir: Path) -> tuple[int, int]:
    conn = sqlite3.connect(data_dir / "studyplanner.sqlite3")
    try:
        return (conn.execute("SELECT count(*) FROM credentials").fetchone()[0],
                conn.execute("SELECT count(*) FROM credential_cycles").fetchone()[0])  # fmt: skip
    finally:
        conn.close()


def test_the_readme_example_lands_in_the_current_cycle_and_says_why(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    out = ok(capsys, data_dir, "credential", "add", "CPC", "--earned", "2019-03-10",
             "--renewal", "2027-06-30", "--today", TODAY)  # fmt: skip
    assert "cycle 2026-07-01 to 2028-06-30" in out
    assert "due every 2 years on your membership expiration date (30 June, in even years)" in out
    assert "studyplanner cycle edit CPC --start DATE --end DATE" in out
    [status] = as_json(capsys, data_dir, "ceu", "status", "--today", TODAY)
    assert status["status"] != "overdue" and status["days_left"] == 576
    assert status["required"] == 36.0 and not status["needs_user_figure"]


def test_an_ahima_credential_held_for_years_is_in_its_current_cycle(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    added = as_json(capsys, data_dir, "credential", "add", "CCA", "--earned", "2022-01-10",
                    "--today", TODAY)  # fmt: skip
    assert (added["cycle_start"], added["cycle_end"]) == ("2026-01-10", "2028-01-09")
    assert added["cycle_reason"] == {"code": "pass_date", "first_cycle": False, "cycle_number": 3}


def test_a_credential_earned_this_cycle_asks_for_the_pro_rated_figure(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    out = ok(capsys, data_dir, "credential", "add", "CPC", "--earned", "2026-09-01",
             "--renewal", "2027-06-30", "--today", TODAY)  # fmt: skip
    assert "cycle 2026-09-01 to 2028-06-30" in out
    assert "your first: enter your pro-rated figure with `cycle edit --required`" in out
    ok(capsys, data_dir, "cycle", "edit", "CPC", "--required", "27", "--today", TODAY)
    [status] = as_json(capsys, data_dir, "ceu", "status", "--today", TODAY)
    assert status["required"] == 27.0 and status["required_from_user"]


def test_the_cycle_and_the_credential_can_be_corrected(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    ok(capsys, data_dir, "credential", "add", "CCS", "--earned", "2021-05-03", "--today", TODAY)
    edited = as_json(capsys, data_dir, "cycle", "edit", "ccs", "--start", "2026-01-01",
                     "--end", "2027-12-31", "--today", TODAY)  # fmt: skip
    assert (edited["cycle_start"], edited["cycle_end"]) == ("2026-01-01", "2027-12-31")
    changed = as_json(capsys, data_dir, "credential", "edit", "CCS", "--earned", "2021-05-04",
                      "--note", "dates from my CEU Center", "--today", TODAY)  # fmt: skip
    assert (changed["earned_on"], changed["note"]) == ("2021-05-04", "dates from my CEU Center")
    assert changed["cycle_end"] == "2027-12-31"  # the cycle keeps the dates given
    code, _, err = run(capsys, data_dir, "credential", "edit", "CCS", "--today", TODAY)
    assert code == 2 and "Say what to change" in err


def test_removing_needs_yes_and_backs_up_first(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    ok(capsys, data_dir, "credential", "add", "CCS", "--earned", "2021-05-03", "--today", TODAY)
    before = rows(data_dir)
    code, _, err = run(capsys, data_dir, "credential", "remove", "CCS")
    assert code == 2 and "add --yes to confirm" in err and err.count("\n") == 1
    assert rows(data_dir) == before and not (data_dir / "backups").exists()
    out = ok(capsys, data_dir, "credential", "remove", "ccs", "--yes")
    assert out.startswith("Removed CCS.") and rows(data_dir) == (0, 0)
    assert list((data_dir / "backups").glob("*before-credential-delete*"))


def test_closing_a_cycle_needs_yes_and_opens_the_next(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    ok(capsys, data_dir, "credential", "add", "CCS", "--earned", "2024-02-29", "--today",
       "2024-03-01")  # fmt: skip
    code, _, err = run(capsys, data_dir, "cycle", "close", "CCS", "--today", "2026-03-02")
    assert code == 2 and "--yes" in err and rows(data_dir) == (1, 1)
    closed = as_json(capsys, data_dir, "cycle", "close", "CCS", "--yes", "--today", "2026-03-02")
    assert (closed["cycle_start"], closed["cycle_end"]) == ("2026-03-01", "2028-02-29")
    assert rows(data_dir) == (1, 2) and Path(closed["backup"]).exists()


def test_an_unknown_credential_is_named(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, _, err = run(capsys, data_dir, "cycle", "edit", "RHIA", "--end", "2027-01-01")
    assert code == 2 and "no credential called 'RHIA'" in err
