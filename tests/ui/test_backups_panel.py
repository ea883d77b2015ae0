"""The Backups section: back up now, see what a backup holds, restore it (undoable)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studyplanner.services import credentials as creds
from studyplanner.services.database import Database
from studyplanner.ui.settings import backups_panel as bp

TODAY = date(2026, 11, 27)


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(bp.Tell, "info", staticmethod(lambda parent, text: messages.append(text)))
    monkeypatch.setattr(bp.Tell, "problem",
                        staticmethod(lambda parent, text: messages.append("!" + text)))  # fmt: skip
    return messages


def test_back_up_now_then_restore_and_undo(
    qtbot: QtBot, db: Database, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = iter(datetime(2026, 11, 27, 9, 0) + timedelta(minutes=m) for m in range(0, 100, 5))
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    panel = bp.BackupsPanel(db, lambda: next(clock))
    qtbot.addWidget(panel)
    assert panel.table.rowCount() == 0 and not panel.restore_button.isEnabled()
    with qtbot.waitSignal(panel.backed_up):  # on the worker (tests/ui/test_worker_actions.py)
        qtbot.mouseClick(panel.back_up_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 1 and "Backed up to" in told[-1]
    assert panel.table.item(0, 1).text() == "Backed up by you"
    qtbot.waitUntil(lambda: "1 credential," in panel.preview.text())  # read on the worker
    creds.add_credential(db, "CCS", date(2025, 1, 2), TODAY)
    asked: list[str] = []

    def confirm(parent: object, when: str, holds: str) -> bool:
        asked.append(holds)
        return True

    monkeypatch.setattr(bp.ConfirmRestore, "ask", staticmethod(confirm))
    panel.table.selectRow(0)
    qtbot.waitUntil(panel.restore_button.isEnabled)  # once what it holds has been read
    with qtbot.waitSignal(panel.data_replaced):
        qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert asked and "1 credential," in asked[0]
    assert [c.label for c in creds.list_credentials(db)] == ["CPC"]
    assert "restore it to undo" in told[-1]
    # The data from before the restore is now the newest backup: restoring it undoes.
    assert panel.table.item(0, 1).text() == "Before a restore"
    panel.table.selectRow(0)
    qtbot.waitUntil(panel.restore_button.isEnabled)  # once what it holds has been read
    with qtbot.waitSignal(panel.data_replaced):
        qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert sorted(c.label for c in creds.list_credentials(db)) == ["CCS", "CPC"]
    leftovers = [p.name for p in (db.data_dir / "backups").iterdir()
                 if not p.name.endswith(".sqlite3")]  # fmt: skip
    assert leftovers == []  # no -wal, -shm or -journal beside the backups


def test_declining_the_confirmation_changes_nothing(
    qtbot: QtBot, db: Database, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = bp.BackupsPanel(db, lambda: datetime(2026, 11, 27, 9, 0))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.backed_up):
        panel.back_up()
    creds.add_credential(db, "CPC", date(2025, 1, 2), TODAY)
    monkeypatch.setattr(bp.ConfirmRestore, "ask", staticmethod(lambda *a: False))
    panel.table.selectRow(0)
    qtbot.waitUntil(panel.restore_button.isEnabled)
    assert panel.restore_selected() is None  # nothing started
    assert [c.label for c in creds.list_credentials(db)] == ["CPC"]


def test_a_damaged_backup_cannot_be_chosen(qtbot: QtBot, db: Database, told: list[str]) -> None:
    folder = db.data_dir / "backups"
    folder.mkdir()
    (folder / "studyplanner-20261101-100000-auto.sqlite3").write_bytes(b"junk" * 1000)
    panel = bp.BackupsPanel(db)
    qtbot.addWidget(panel)
    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: "cannot be restored" in panel.preview.text())
    assert not panel.restore_button.isEnabled()
