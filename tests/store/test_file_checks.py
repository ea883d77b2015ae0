"""The data file is checked before anything touches it; problems are named in plain words."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from studyplanner.services.database import (
    DatabaseDamaged,
    NotADatabase,
    StoreProblem,
    open_database,
)
from studyplanner.store.file_check import CheckAhead, inspect_file
from studyplanner.store.location import ENV_VAR, resolve_data_dir


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_random_bytes_are_refused_untouched(data_dir: Path) -> None:
    path = data_dir / "studyplanner.sqlite3"
    path.write_bytes(os.urandom(4096))
    before = _sha(path)
    with pytest.raises(NotADatabase) as info:
        open_database(data_dir)
    assert "not an SQLite file" in info.value.user_message
    assert _sha(path) == before


def _truncated_database(data_dir: Path) -> Path:
    """A database cut to a third of its length, its journal files gone."""
    open_database(data_dir).close()
    path = data_dir / "studyplanner.sqlite3"
    for extra in path.parent.glob("studyplanner.sqlite3-*"):
        extra.unlink()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def test_truncated_database_is_refused_untouched(data_dir: Path) -> None:
    path = _truncated_database(data_dir)
    before = _sha(path)
    with pytest.raises(DatabaseDamaged):
        open_database(data_dir)
    assert _sha(path) == before


def test_new_database_file_is_private(data_dir: Path) -> None:
    db = open_database(data_dir)
    db.close()
    if os.name == "posix":
        assert db.path.stat().st_mode & 0o077 == 0


def test_unwritable_data_folder_gets_a_clear_message(tmp_path: Path) -> None:
    if os.name != "posix" or os.geteuid() == 0:
        blocked = tmp_path / "file-not-folder"
        blocked.write_text("x")
        with pytest.raises(StoreProblem) as info:
            open_database(blocked / "data")
        assert str(blocked) in info.value.user_message
        return
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    with pytest.raises(StoreProblem) as info:
        open_database(folder)
    assert "read-only" in info.value.user_message


def test_foreign_keys_are_enforced(data_dir: Path) -> None:
    db = open_database(data_dir)
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO modules (track_id, position, title, topic, kind, estimated_minutes)"
            " VALUES (999, 0, 'x', '', 'lesson', 60)"
        )
    db.close()


def test_data_dir_resolution_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env"))
    assert resolve_data_dir(None) == (tmp_path / "from-env").resolve()
    assert resolve_data_dir(str(tmp_path / "explicit")) == (tmp_path / "explicit").resolve()
    monkeypatch.delenv(ENV_VAR)
    assert resolve_data_dir(None).name == "StudyPlanner"


# -- the check started ahead, on a thread of its own (store/file_check.CheckAhead) ----------


def test_the_check_ahead_finds_what_the_plain_check_finds(data_dir: Path) -> None:
    open_database(data_dir).close()
    path = data_dir / "studyplanner.sqlite3"
    ahead = CheckAhead(path)
    found = ahead.result()
    assert found == inspect_file(path)
    assert found is not None and found.revision is not None
    assert ahead.result() is None  # handed over once: a later open checks the file again


def test_the_check_ahead_hands_its_problem_to_the_caller(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _truncated_database(data_dir)
    before = _sha(path)
    with pytest.raises(DatabaseDamaged):
        CheckAhead(path).result()
    # Opened with it: the same refusal and no second check; without it, the check is made.
    checked: list[Path] = []

    def counted(p: Path) -> object:
        checked.append(p)
        return inspect_file(p)

    ahead = CheckAhead(path)
    ahead.wait()
    monkeypatch.setattr("studyplanner.store.db.inspect_file", counted)
    with pytest.raises(DatabaseDamaged):
        open_database(data_dir, ahead=ahead)
    assert checked == []
    with pytest.raises(DatabaseDamaged):
        open_database(data_dir)
    assert checked == [path]
    assert _sha(path) == before


def test_the_check_ahead_of_a_missing_or_empty_file_is_made_again_on_opening(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "new"
    ahead = CheckAhead(folder / "studyplanner.sqlite3")
    assert ahead.result() is None
    db = open_database(folder, ahead=CheckAhead(folder / "studyplanner.sqlite3"))
    db.close()  # created and migrated as without it
    assert inspect_file(db.path).revision is not None


def test_a_check_ahead_of_another_file_is_not_taken_for_this_one(
    data_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "studyplanner.sqlite3").write_bytes(os.urandom(4096))  # would be refused
    open_database(data_dir).close()
    ahead = CheckAhead(other / "studyplanner.sqlite3")
    open_database(data_dir, ahead=ahead).close()  # this folder's own file is checked instead


def test_the_check_ahead_runs_on_another_thread(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import studyplanner.store.file_check as file_check

    open_database(data_dir).close()
    threads: list[str] = []
    original = file_check.inspect_file

    def recorded(path: Path) -> object:
        threads.append(threading.current_thread().name)
        return original(path)

    monkeypatch.setattr(file_check, "inspect_file", recorded)
    CheckAhead(data_dir / "studyplanner.sqlite3").result()
    assert threads == ["studyplanner-file-check"]
