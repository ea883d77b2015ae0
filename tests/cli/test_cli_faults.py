"""The command line against a locked, damaged or too-new data file: one line, its own exit
status, the file never changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from studyplanner.cli.main import main
from studyplanner.store import db as store_db


def _prepared(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "credential", "add", "CPC", "--earned", "2025-01-02",
                 "--today", "2026-11-27"]) == 0  # fmt: skip
    return data


def test_a_write_waits_briefly_for_a_locked_file_then_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _prepared(tmp_path)
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 300)
    capsys.readouterr()
    argv = ["--data-dir", str(data), "ceu", "add", "--date", "2026-01-05", "--units", "1",
            "--title", "Webinar", "--credential", "CPC", "--today", "2026-11-27"]  # fmt: skip
    other = sqlite3.connect(data / "studyplanner.sqlite3")
    other.execute("BEGIN EXCLUSIVE")
    try:
        status = main(argv)
    finally:
        other.rollback()
        other.close()
    err = capsys.readouterr().err
    assert status == 3
    assert err.count("\n") == 1 and "in use by another program" in err and str(data) in err
    assert main(["--data-dir", str(data), "check"]) == 0


@pytest.mark.parametrize(
    ("content", "status", "words"),
    [(b"garbage" * 500, 4, "not a Study Planner database"),
     (b"SQLite format 3\x00" + b"\x00" * 200, 4, "cannot be read")],
)  # fmt: skip
def test_a_damaged_file_exits_with_its_own_status_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, status: int, words: str
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "studyplanner.sqlite3"
    path.write_bytes(content)
    assert main(["--data-dir", str(data), "ceu", "status"]) == status
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err
    assert path.read_bytes() == content
    assert not (data / "backups").exists()


def test_arguments_that_are_not_text_are_refused_up_front(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _prepared(tmp_path)
    capsys.readouterr()
    # Undecodable bytes in argv reach Python as lone surrogates ("surrogateescape").
    assert main(["--data-dir", str(data), "remind", "dismiss", "ceu-\udcff"]) == 2
    assert main(["--data-dir", str(data), "ceu", "add", "--date", "2026-01-05", "--units", "1",
                 "--title", "Caf\udce9"]) == 2  # fmt: skip
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "is not valid text" in err
