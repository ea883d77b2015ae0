"""The automatic backup (at start-up and every half hour) is taken on the one worker, off the
GUI thread; a problem is shown in the status bar and leaves no backup behind."""

from __future__ import annotations

import threading
from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from studyplanner.services import backups as backup_service
from studyplanner.services import credentials as creds
from studyplanner.services.database import Database
from studyplanner.store.errors import DataFolderUnusable
from studyplanner.ui.shared.background_job import worker
from studyplanner.ui.window import auto_backup

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 9, 0)


@pytest.fixture
def window(qtbot: QtBot) -> Any:
    widget = QMainWindow()
    qtbot.addWidget(widget)
    yield widget
    worker().waitForDone(10_000)


def test_the_start_up_backup_is_taken_on_the_worker(
    qtbot: QtBot, db: Database, window: QMainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    threads: list[threading.Thread] = []
    real = backup_service.backup_if_changed

    def recorded(*args: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(auto_backup, "backup_if_changed", recorded)
    timer = auto_backup.AutoBackup(db, window, lambda: NOW, first_after_ms=0)
    with qtbot.waitSignal(timer.checked) as checked:
        pass  # the first check, just after start-up
    info = checked.args[0]
    assert info is not None and info.reason == "auto"
    assert threads and threading.main_thread() not in threads
    assert backup_service.list_backups(db.data_dir) == [info]
    assert timer.timer.isActive() and timer.timer.interval() == auto_backup.BACKUP_EVERY_MS
    with qtbot.waitSignal(timer.checked) as again:
        assert timer.tick() is not None
    assert again.args == [None]  # nothing changed since: no second backup


def test_a_failed_automatic_backup_is_shown_in_the_status_bar(
    qtbot: QtBot, db: Database, window: QMainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)

    def full(*_args: object) -> None:
        raise DataFolderUnusable("The disk is full.")

    monkeypatch.setattr(backup_service.copies, "copy_database", full)
    timer = auto_backup.AutoBackup(db, window, lambda: NOW, first_after_ms=60_000)
    with qtbot.waitSignal(timer.checked) as checked:
        timer.tick()
    assert checked.args == [None]
    assert window.statusBar().currentMessage() == "The disk is full."
    assert backup_service.list_backups(db.data_dir) == []
