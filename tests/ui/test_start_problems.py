"""Damaged, foreign and too-new files at start-up, the unexpected-error handler, and the single
instance that a second start brings to the front. Each fault: what the user sees, nothing lost."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QPushButton
from pytestqt.qtbot import QtBot

from studyplanner import app as app_module
from studyplanner.services import backups
from studyplanner.services import credentials as creds
from studyplanner.services.database import open_database
from studyplanner.services.errors import StoreProblem
from studyplanner.ui.window import start_problem_dialog as spd
from studyplanner.ui.window.error_handler import handle_error

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 9, 30)


def _folder_with_backup(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    db = open_database(data_dir)
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    backups.backup_now(db, datetime(2026, 11, 20, 8, 0))
    db.close()
    return data_dir


def _damage(path: Path, how: str) -> bytes:
    data = path.read_bytes()
    if how == "random bytes":
        damaged = bytes((i * 7919) % 256 for i in range(8192))
    elif how == "truncated":
        damaged = data[: len(data) // 3 + 100]
    elif how == "wrecked page":
        damaged = data[:4096] + b"\x00\xff" * 2048 + data[8192:]
    else:
        raise AssertionError(how)
    path.write_bytes(damaged)
    return damaged


def _open_error(data_dir: Path) -> StoreProblem:
    with pytest.raises(StoreProblem) as err:
        open_database(data_dir)
    return err.value


@pytest.mark.parametrize("how", ["random bytes", "truncated", "wrecked page"])
def test_damaged_file_is_untouched_until_the_user_chooses(
    tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = _folder_with_backup(tmp_path)
    path = data_dir / "studyplanner.sqlite3"
    damaged = _damage(path, how)
    error = _open_error(data_dir)
    assert path.read_bytes() == damaged  # opening did not change it
    seen: list[tuple[str, object, bool]] = []

    def quit_choice(message: str, backup: object, recoverable: bool) -> spd.Choice:
        seen.append((message, backup, recoverable))
        return spd.Choice.QUIT

    monkeypatch.setattr(spd.StartProblemDialog, "ask", staticmethod(quit_choice))
    assert spd.recover_at_start(error, data_dir) == (False, "")
    assert path.read_bytes() == damaged  # quitting changes nothing
    message, backup, recoverable = seen[0]
    assert recoverable and backup is not None and str(path) in message


def test_restore_the_newest_good_backup_keeps_the_damaged_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = _folder_with_backup(tmp_path)
    damaged = _damage(data_dir / "studyplanner.sqlite3", "random bytes")
    monkeypatch.setattr(spd.StartProblemDialog, "ask",
                        staticmethod(lambda *a: spd.Choice.RESTORE))  # fmt: skip
    retry, notice = spd.recover_at_start(_open_error(data_dir), data_dir, lambda: NOW)
    assert retry and "2026-11-20 08:00" in notice
    aside = data_dir / "studyplanner-damaged-20261127-093000.sqlite3"
    assert aside.read_bytes() == damaged
    db = open_database(data_dir)
    assert [c.label for c in creds.list_credentials(db)] == ["CPC"]
    db.close()


def test_start_fresh_moves_the_damaged_file_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = _folder_with_backup(tmp_path)
    damaged = _damage(data_dir / "studyplanner.sqlite3", "truncated")
    monkeypatch.setattr(spd.StartProblemDialog, "ask", staticmethod(lambda *a: spd.Choice.FRESH))
    retry, notice = spd.recover_at_start(_open_error(data_dir), data_dir, lambda: NOW)
    assert retry and "studyplanner-damaged-20261127-093000.sqlite3" in notice
    assert (data_dir / "studyplanner-damaged-20261127-093000.sqlite3").read_bytes() == damaged
    db = open_database(data_dir)
    assert creds.list_credentials(db) == []
    db.close()


def test_a_newer_file_can_only_be_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = _folder_with_backup(tmp_path)
    path = data_dir / "studyplanner.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    before = path.read_bytes()
    seen = []

    def ask(message: str, backup: object, recoverable: bool) -> spd.Choice:
        seen.append((message, backup, recoverable))
        return spd.Choice.QUIT

    monkeypatch.setattr(spd.StartProblemDialog, "ask", staticmethod(ask))
    assert spd.recover_at_start(_open_error(data_dir), data_dir) == (False, "")
    message, backup, recoverable = seen[0]
    assert "newer version" in message and not recoverable and backup is None
    assert path.read_bytes() == before


def test_the_window_offers_the_three_ways_out(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = _folder_with_backup(tmp_path)
    _damage(data_dir / "studyplanner.sqlite3", "random bytes")
    error = _open_error(data_dir)
    from studyplanner.services.recovery import newest_good_backup

    dialog = spd.StartProblemDialog(error.user_message, newest_good_backup(data_dir), True)
    qtbot.addWidget(dialog)
    labels = [b.text() for b in dialog.findChildren(QPushButton)]
    assert labels == ["Restore the backup of 2026-11-20 08:00", "Start with a fresh database",
                      "Quit"]  # fmt: skip
    restore = dialog.findChildren(QPushButton)[0]
    assert "1 credential," in restore.toolTip()
    restore.click()
    assert dialog.choice is spd.Choice.RESTORE


def test_unexpected_errors_are_logged_and_explained(tmp_path: Path) -> None:
    shown: list[tuple[str, str]] = []
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        log = handle_error(tmp_path, type(exc), exc, exc.__traceback__,
                           lambda t, m: shown.append((t, m)), lambda: NOW)  # fmt: skip
    assert log is not None and "ZeroDivisionError: boom" in log.read_text()
    assert oct(log.stat().st_mode & 0o777) == "0o600"
    assert str(log) in shown[0][1] and "Traceback" not in shown[0][1]


def test_data_file_problems_are_shown_in_plain_words(tmp_path: Path) -> None:
    shown: list[tuple[str, str]] = []
    exc = StoreProblem("The disk holding /x is full; free some space and try again.")
    assert (
        handle_error(tmp_path, StoreProblem, exc, None, lambda t, m: shown.append((t, m))) is None
    )
    assert shown[0][1] == exc.user_message
    assert not (tmp_path / "logs").exists()


def test_a_second_start_brings_the_first_window_to_the_front(qtbot: QtBot, tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.hide()  # e.g. closed to the tray
    server = app_module._listen_for_second_instances(tmp_path, window)
    assert server.isListening()
    assert app_module._raise_first_instance(tmp_path)
    qtbot.waitUntil(window.isVisible)
    other = tmp_path / "elsewhere"
    assert not app_module._raise_first_instance(other)  # another data folder: no answer


def test_an_empty_file_where_backups_exist_is_not_quietly_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = _folder_with_backup(tmp_path)
    path = data_dir / "studyplanner.sqlite3"
    path.write_bytes(b"")  # e.g. truncated to nothing by a crash
    error = _open_error(data_dir)
    assert "is empty" in error.user_message and path.read_bytes() == b""
    monkeypatch.setattr(spd.StartProblemDialog, "ask",
                        staticmethod(lambda *a: spd.Choice.RESTORE))  # fmt: skip
    retry, _notice = spd.recover_at_start(error, data_dir, lambda: NOW)
    assert retry
    db = open_database(data_dir)
    assert [c.label for c in creds.list_credentials(db)] == ["CPC"]
    db.close()


def test_an_empty_file_without_backups_is_refused_too_then_starts_fresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "new"
    data_dir.mkdir()
    (data_dir / "studyplanner.sqlite3").write_bytes(b"")
    error = _open_error(data_dir)
    assert "is empty (0 bytes)" in error.user_message
    assert (data_dir / "studyplanner.sqlite3").read_bytes() == b""
    monkeypatch.setattr(spd.StartProblemDialog, "ask", staticmethod(lambda *a: spd.Choice.FRESH))
    assert spd.recover_at_start(error, data_dir, lambda: NOW)[0]
    db = open_database(data_dir)
    assert creds.list_credentials(db) == []
    db.close()
