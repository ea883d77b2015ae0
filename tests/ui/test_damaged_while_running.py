"""The data file is damaged while the window is open: every screen visited and every button
tried gives a plain message (or the damaged-file window), never a traceback or a crash log, and
nothing is written (the damaged file is left exactly as it is, no backup of it is taken). Then
the damaged-file window restores the newest good backup and the app goes on."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from studyplanner.services import backups as backup_service
from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as creds
from studyplanner.services.database import Database
from studyplanner.services.errors import DatabaseDamaged, StoreProblem
from studyplanner.services.progress import list_sessions, log_session, module_statuses
from studyplanner.ui.shared.background_job import worker
from studyplanner.ui.window import error_handler, start_problem_dialog
from studyplanner.ui.window.main_window import MainWindow

TODAY = date(2026, 11, 27)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage(path: Path) -> None:
    """Write the database's pages back to disk, then overwrite all but the first with noise
    (as a failing disk or a bad copy would)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(4096)
        handle.write(os.urandom(size - 4096))


class Seen:
    """What the user was shown: plain messages, damaged-file windows, crash logs."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.damaged: list[StoreProblem] = []


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Seen]:
    """Every modal answered at once (accepted with what it shows), every message recorded,
    no file dialog, no desktop launcher."""
    record = Seen()

    def accept(self: QDialog) -> int:
        return int(QDialog.DialogCode.Accepted)

    def message(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        texts = [a for a in args if isinstance(a, str)]
        record.messages.append(" ".join(texts))
        return QMessageBox.StandardButton.Yes

    def answer(self: QMessageBox) -> int:  # as `message` answers (the app's own boxes)
        texts = [self.windowTitle(), self.text(), self.informativeText()]
        record.messages.append(" ".join(t for t in texts if t))
        return QMessageBox.StandardButton.Yes.value

    monkeypatch.setattr(QDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "exec", answer)
    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, message)
    out = str(tmp_path / "out" / "file")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (out, ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (out, ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: isinstance(url, QUrl))
    yield record


def _buttons(screen: QWidget) -> list[QAbstractButton]:
    return [
        b for b in screen.findChildren(QPushButton)
        if b.isVisibleTo(screen) and b.isEnabled()
    ]  # fmt: skip


def _fill(db: Database, create_cpc_plan: Callable[[Database, date], None]) -> None:
    create_cpc_plan(db, TODAY)
    first = module_statuses(db, TODAY)[0]
    log_session(db, first.id, TODAY, 45, "before the damage", TODAY)
    cpc = creds.add_credential(db, "CPC", date(2025, 3, 10), TODAY)
    data = acts.ActivityInput(date(2026, 5, 1), "Webinar", Decimal(2), "coding")
    acts.add_activity(db, data, [(cpc.current.id, Decimal(2))], TODAY)


@pytest.mark.qt_no_exception_capture
def test_every_screen_and_button_on_a_damaged_file(
    qtbot: QtBot, db: Database, seen: Seen, create_cpc_plan: Callable[[Database, date], None]
) -> None:
    _fill(db, create_cpc_plan)
    window = MainWindow(db, lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    screens = [window.show_screen(row) for row in range(6)]
    for screen in screens:  # every table holds a row: the first button of each acts on it
        for view in screen.findChildren(QWidget):
            if hasattr(view, "selectRow"):
                view.selectRow(0)
    error_handler.install_error_handler(
        db.data_dir,
        notify=lambda _title, text: seen.messages.append(text),
        on_damaged=seen.damaged.append,
    )
    try:
        _damage(db.path)
        before = _digest(db.path)
        backups_before = sorted((db.data_dir / "backups").glob("*")) if (
            db.data_dir / "backups").exists() else []  # fmt: skip
        tried = 0

        def through_qt(action: Callable[[], object]) -> None:
            """As the app runs it: from the event loop (an error reaches the error handler)."""
            QTimer.singleShot(0, action)
            qtbot.wait(5)

        for row, screen in enumerate(screens):
            window.show_screen(row)
            through_qt(screen.refresh)  # type: ignore[attr-defined]
            for button in _buttons(screen):
                if not button.isVisibleTo(screen) or not button.isEnabled():
                    continue  # an earlier click changed what this screen shows
                button.click()
                tried += 1
                qtbot.wait(1)  # let queued work (workers, deferred builds) report
        through_qt(window.check_outside_changes)
        through_qt(window.reload_everything)
        assert worker().waitForDone(30_000)  # the jobs the buttons started (a backup) ended
        qtbot.wait(10)  # and reported
        through_qt(window.close)
        assert tried >= 15, f"only {tried} buttons were tried"
        assert seen.damaged, "the damaged-file window was never offered"
        assert all(isinstance(e, DatabaseDamaged) for e in seen.damaged), seen.damaged
        assert not (db.data_dir / "logs").exists(), "an unexpected error (a traceback)"
        raw = ("Traceback", "sqlalchemy", "sqlite3.", "malformed", "Error calling Python")
        assert not [m for m in seen.messages if any(r in m for r in raw)], seen.messages
        assert _digest(db.path) == before, "the damaged file was written to"
        after = sorted((db.data_dir / "backups").glob("*")) if (
            db.data_dir / "backups").exists() else []  # fmt: skip
        assert after == backups_before, "a damaged file was backed up"
    finally:
        import sys

        sys.excepthook = sys.__excepthook__


def test_the_damaged_file_window_restores_the_newest_good_backup_and_the_app_goes_on(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch,
    create_cpc_plan: Callable[[Database, date], None],
) -> None:  # fmt: skip
    _fill(db, create_cpc_plan)
    backup_service.backup_now(db, datetime(2026, 11, 27, 8, 0))
    window = MainWindow(db, lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    for row in range(6):
        window.show_screen(row)
    # the damage is found by the read below, not by the watch (its timer or an activation)
    monkeypatch.setattr(window, "check_outside_changes", lambda: None)
    _damage(db.path)
    offered: list[str] = []

    def restore(cls: Any, message: str, backup: Any, recoverable: bool, *a: Any,
                **k: Any) -> start_problem_dialog.Choice:  # fmt: skip
        offered.append(message)
        assert backup is not None and recoverable and k.get("running")
        return start_problem_dialog.Choice.RESTORE

    monkeypatch.setattr(start_problem_dialog.StartProblemDialog, "ask", classmethod(restore))
    with pytest.raises(DatabaseDamaged) as caught:
        list_sessions(db)
    window.recover_from_damage(caught.value)
    assert offered and "damaged" in offered[0]
    assert [s.note for s in list_sessions(db)] == ["before the damage"]
    assert window.study_log.model.rowCount() == 1
    assert any(p.name.startswith("studyplanner-damaged-") for p in db.data_dir.iterdir())
    assert "Restored the backup" in window.statusBar().currentMessage()
    log_session(db, module_statuses(db, TODAY)[0].id, TODAY, 30, "after", TODAY)  # goes on
    assert len(list_sessions(db)) == 2
