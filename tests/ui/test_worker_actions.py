"""Back up now, restore, the calendar export and closing a cycle (its backup, then the write) run
on the one worker, off the GUI thread (ui/shared/worker_action.py): the button that starts each
is disabled until it ends, its result reaches the database or the file, and a failure is told
in words with nothing changed."""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from studyplanner.services import backups as backup_service
from studyplanner.services import calendar_export, output_files
from studyplanner.services import credentials as creds
from studyplanner.services.changes import CYCLE_CLOSE_CHANGES
from studyplanner.services.database import Database
from studyplanner.services.errors import StoreProblem
from studyplanner.store import copies
from studyplanner.store.errors import DataFolderUnusable
from studyplanner.ui.credentials import credentials_screen as cs
from studyplanner.ui.settings import backups_panel as bp
from studyplanner.ui.settings import calendar_export_panel as cep
from studyplanner.ui.shared import worker_action
from studyplanner.ui.shared.background_job import worker

TODAY = date(2026, 11, 27)
FULL = "The disk holding the backups is full: free some space and try again."


class Held:
    """Wraps a service function: records the thread it ran on and holds it until released, so
    a test sees the window while the job runs."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.threads: list[threading.Thread] = []
        self.started = threading.Event()
        self.release = threading.Event()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread())
        self.started.set()
        assert self.release.wait(10), "never released"
        return self.real(*args, **kwargs)

    def off_the_gui_thread(self) -> bool:
        return bool(self.threads) and threading.main_thread() not in self.threads


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(bp.Tell, "info", staticmethod(lambda parent, text: messages.append(text)))
    monkeypatch.setattr(bp.Tell, "problem",
                        staticmethod(lambda parent, text: messages.append("!" + text)))  # fmt: skip
    monkeypatch.setattr(bp.ConfirmRestore, "ask", staticmethod(lambda *a: True))
    return messages


@pytest.fixture
def panel(qtbot: QtBot, db: Database, told: list[str]) -> Iterator[bp.BackupsPanel]:
    clock = iter(datetime(2026, 11, 27, 9, 0) + timedelta(minutes=m) for m in range(0, 500, 5))
    widget = bp.BackupsPanel(db, lambda: next(clock))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    worker().waitForDone(10_000)


def _labels(db: Database) -> list[str]:
    return sorted(c.label for c in creds.list_credentials(db))


def test_back_up_now_runs_on_the_worker_with_its_buttons_disabled(
    qtbot: QtBot, db: Database, panel: bp.BackupsPanel, told: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    held = Held(backup_service.backup_now)
    monkeypatch.setattr(bp, "backup_now", held)
    job = panel.back_up()
    assert job is not None
    assert held.started.wait(10)
    assert not panel.back_up_button.isEnabled() and not panel.restore_button.isEnabled()
    assert panel.back_up() is None  # no second start while the first runs
    with qtbot.waitSignal(panel.backed_up):
        held.release.set()
    assert held.off_the_gui_thread() and len(held.threads) == 1
    assert panel.back_up_button.isEnabled()
    qtbot.waitUntil(panel.restore_button.isEnabled)  # once what it holds has been read
    assert len(backup_service.list_backups(db.data_dir)) == 1 == panel.table.rowCount()
    assert told == [f"Backed up to {backup_service.list_backups(db.data_dir)[0].path}."]


def test_a_long_job_shows_a_progress_dialog_without_cancel(
    qtbot: QtBot, panel: bp.BackupsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(backup_service.backup_now)
    monkeypatch.setattr(bp, "backup_now", held)
    panel.back_up()
    progress = panel.action.progress
    assert isinstance(progress, QProgressDialog) and not progress.isVisible()  # not at once
    qtbot.waitUntil(progress.isVisible, timeout=2500)  # after half a second (Qt's own: 4 s)
    assert progress.accessibleName() == "Backups"
    assert progress.labelText() == "Backing up your data…"
    assert not any(b.text() == "Cancel" for b in progress.findChildren(type(panel.back_up_button)))
    with qtbot.waitSignal(panel.action.ended):
        held.release.set()
    assert panel.action.progress is None and not progress.isVisible()


def test_a_failed_backup_is_told_and_keeps_nothing(
    qtbot: QtBot, db: Database, panel: bp.BackupsPanel, told: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    threads: list[threading.Thread] = []

    def full(*_args: object) -> Path:
        threads.append(threading.current_thread())
        raise DataFolderUnusable(FULL)

    monkeypatch.setattr(backup_service.copies, "copy_database", full)
    with qtbot.waitSignal(panel.action.ended) as ended:
        panel.back_up_button.click()
    assert ended.args == [False]
    assert threads and threading.main_thread() not in threads
    assert told == ["!" + FULL]
    assert backup_service.list_backups(db.data_dir) == [] and panel.table.rowCount() == 0
    assert panel.back_up_button.isEnabled()


def test_restore_runs_on_the_worker_and_replaces_the_data(
    qtbot: QtBot, db: Database, panel: bp.BackupsPanel, told: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    with qtbot.waitSignal(panel.backed_up):
        panel.back_up()
    creds.add_credential(db, "CCS", date(2025, 1, 2), TODAY)
    held = Held(backup_service.restore_backup)
    monkeypatch.setattr(bp, "restore_backup", held)
    panel.table.selectRow(0)
    qtbot.waitUntil(panel.restore_button.isEnabled)
    assert panel.restore_selected() is not None
    assert held.started.wait(10)
    assert not panel.restore_button.isEnabled() and not panel.back_up_button.isEnabled()
    panel.table.selectRow(0)  # choosing a row again does not enable Restore mid-job
    assert not panel.restore_button.isEnabled()
    with qtbot.waitSignal(panel.data_replaced):
        held.release.set()
    assert held.off_the_gui_thread()
    assert _labels(db) == ["CPC"]
    assert "restore it to undo" in told[-1]
    assert panel.table.item(0, 1).text() == "Before a restore"
    assert panel.back_up_button.isEnabled()


def test_what_a_backup_holds_is_read_on_the_worker(
    qtbot: QtBot, db: Database, panel: bp.BackupsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    backup_service.backup_now(db, datetime(2026, 11, 27, 8, 0))
    held = Held(backup_service.preview_backup)
    monkeypatch.setattr(bp, "preview_backup", held)
    panel.refresh()
    panel.table.selectRow(0)
    assert held.started.wait(10)
    assert panel.reading() and panel.preview.text() == "Reading the backup…"
    assert not panel.restore_button.isEnabled()
    with qtbot.waitSignal(panel.previewed):
        held.release.set()
    assert held.off_the_gui_thread()
    assert "1 credential," in panel.preview.text() and panel.restore_button.isEnabled()
    panel.table.clearSelection()
    panel.table.selectRow(0)  # read once: chosen again, it is shown at once
    assert len(held.threads) == 1 and "1 credential," in panel.preview.text()


def test_a_failed_restore_is_told_and_changes_nothing(
    qtbot: QtBot, db: Database, panel: bp.BackupsPanel, told: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    with qtbot.waitSignal(panel.backed_up):
        panel.back_up()
    creds.add_credential(db, "CCS", date(2025, 1, 2), TODAY)

    def full(*_args: object) -> Path:  # the before-restore backup, inside the transaction
        raise DataFolderUnusable(FULL)

    monkeypatch.setattr(backup_service.copies, "backup_database", full)
    replaced: list[int] = []
    panel.data_replaced.connect(lambda: replaced.append(1))
    panel.table.selectRow(0)
    qtbot.waitUntil(panel.restore_button.isEnabled)
    with qtbot.waitSignal(panel.action.ended) as ended:
        panel.restore_button.click()
    assert ended.args == [False] and replaced == []
    assert told[-1] == "!" + FULL
    assert _labels(db) == ["CCS", "CPC"]  # not restored
    assert len(backup_service.list_backups(db.data_dir)) == 1
    assert not copies.partial_files(db.data_dir)
    assert panel.restore_button.isEnabled()


# -- the calendar ---------------------------------------------------------------------------------


@pytest.fixture
def calendar(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    create_cpc_plan: Callable[[Database, date], None],
) -> Iterator[cep.CalendarExportPanel]:  # fmt: skip
    create_cpc_plan(db, TODAY)
    target = tmp_path / "out" / "plan.ics"
    target.parent.mkdir()
    monkeypatch.setattr(cep.CalendarExportPanel, "choose_file", staticmethod(lambda *a: target))
    widget = cep.CalendarExportPanel(db, lambda: TODAY)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    worker().waitForDone(10_000)


def test_the_calendar_is_written_on_the_worker(
    qtbot: QtBot, tmp_path: Path, calendar: cep.CalendarExportPanel,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    held = Held(calendar_export.write_ics)
    monkeypatch.setattr(cep, "write_ics", held)
    assert calendar.export_calendar() is not None
    assert held.started.wait(10)
    assert not calendar.export_button.isEnabled()
    assert calendar.export_calendar() is None  # no second start
    with qtbot.waitSignal(calendar.action.ended) as ended:
        held.release.set()
    assert ended.args == [True] and held.off_the_gui_thread() and len(held.threads) == 1
    written = tmp_path / "out" / "plan.ics"
    assert written.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert f"alarms written to {written} (" in calendar.export_result.text()
    assert calendar.export_button.isEnabled()


def test_a_failed_calendar_export_is_told_and_writes_nothing(
    qtbot: QtBot, tmp_path: Path, calendar: cep.CalendarExportPanel,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output_files, "put_in_place", full)
    with qtbot.waitSignal(calendar.action.ended) as ended:
        calendar.export_button.click()
    assert ended.args == [False]
    target = tmp_path / "out" / "plan.ics"
    assert calendar.export_result.text() == f"{target} cannot be written: No space left on device."
    assert list((tmp_path / "out").iterdir()) == []  # no file, no half-written temporary
    assert calendar.export_button.isEnabled()


# -- closing a cycle: its backup, then the write ---------------------------------------------------


@pytest.fixture
def credentials(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> Iterator[cs.CredentialsScreen]:
    creds.add_credential(db, "CPC", date(2020, 1, 1), TODAY)
    monkeypatch.setattr(cs.CredentialsScreen, "confirm_close", lambda *a: True)
    screen = cs.CredentialsScreen(db, lambda: TODAY, now=lambda: datetime(2026, 11, 27, 9))
    qtbot.addWidget(screen)
    screen.show()
    yield screen
    worker().waitForDone(10_000)


def test_closing_a_cycle_backs_up_then_writes_on_the_worker(
    qtbot: QtBot, db: Database, credentials: cs.CredentialsScreen,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    order: list[tuple[str, threading.Thread]] = []
    real_backup, real_transaction = copies.backup_database, Database.transaction

    def backup(*args: Any) -> Path:
        order.append(("backup", threading.current_thread()))
        return real_backup(*args)

    def transaction(self: Database) -> Any:
        order.append(("transaction", threading.current_thread()))
        return real_transaction(self)

    monkeypatch.setattr(creds.copies, "backup_database", backup)
    monkeypatch.setattr(Database, "transaction", transaction)
    held = Held(creds.close_cycle)
    monkeypatch.setattr(cs.service, "close_cycle", held)
    card = credentials.cards[0]
    card.close_button.click()
    assert held.started.wait(10)
    assert not card.close_button.isEnabled() and not card.edit_button.isEnabled()
    assert credentials.close_cycle(card.status.credential_id) is None  # no second start
    with qtbot.waitSignal(credentials.data_changed) as changed:
        held.release.set()
    assert changed.args == [CYCLE_CLOSE_CHANGES]
    # Checked, backed up, then closed, all three on the worker (the screen re-reads after).
    assert [what for what, _ in order[:3]] == ["transaction", "backup", "transaction"]
    assert threading.main_thread() not in {thread for _, thread in order[:3]}
    assert "backup" not in [what for what, _ in order[3:]]
    cpc = creds.list_credentials(db)[0]
    assert len(cpc.cycles) == 2 and cpc.cycles[0].closed_on == TODAY
    backups = list((db.data_dir / "backups").glob("*before-cycle-close*"))
    assert len(backups) == 1 and str(backups[0]) in credentials.message.text()
    assert all(c.close_button.isEnabled() for c in credentials.cards)


def test_a_cycle_close_whose_backup_fails_closes_nothing(
    qtbot: QtBot, db: Database, credentials: cs.CredentialsScreen,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    def full(*_args: object) -> Path:
        raise DataFolderUnusable(FULL)

    monkeypatch.setattr(creds.copies, "backup_database", full)
    changed: list[object] = []
    credentials.data_changed.connect(changed.append)
    with qtbot.waitSignal(credentials.closing.ended) as ended:
        credentials.cards[0].close_button.click()
    assert ended.args == [False] and changed == []
    assert credentials.problem.text() == FULL and credentials.problem.isVisibleTo(credentials)
    assert len(creds.list_credentials(db)[0].cycles) == 1  # still open
    assert credentials.cards[0].close_button.isEnabled()


def test_the_words_of_a_problem_name_it() -> None:
    assert worker_action.problem_text(StoreProblem("The file is locked.")) == (
        "The file is locked."
    )
    disk = OSError(errno.ENOSPC, "No space left on device", "/tmp/plan.ics")
    assert worker_action.problem_text(disk) == (
        "Nothing was written: No space left on device (/tmp/plan.ics)."
    )
    assert worker_action.problem_text(ValueError("a bug")) is None
