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


def test_truncated_database_is_refused_untouched(data_dir: Path) -> None:
    open_database(data_dir).close()
    path = data_dir / "studyplanner.sqlite3"
    for extra in path.parent.glob("studyplanner.sqlite3-*"):
        extra.unlink()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
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
