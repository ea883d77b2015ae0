"""Each reminder carries the button for its action, and the main window routes it: today's
study is logged from the Dashboard (the dialog prefilled), a CEU shortfall opens the CEU
activity dialog for its cycle, a cycle end opens that cycle on Credentials, the backup reminder
backs up now."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studyplanner.bundled import rule_book
from studyplanner.core.model import Availability
from studyplanner.core.reminder_reasons import BackupDue
from studyplanner.core.reminders import Reminder, ReminderKind, Severity
from studyplanner.services import credentials as creds
from studyplanner.services.backups import list_backups
from studyplanner.services.database import Database
from studyplanner.services.plans import create_plan
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.services.study_log import list_sessions
from studyplanner.ui.credentials import activity_dialog
from studyplanner.ui.dashboard.reminder_row import ReminderRow
from studyplanner.ui.dashboard.reminders_panel import RemindersPanel
from studyplanner.ui.settings import backups_panel
from studyplanner.ui.study import session_dialog
from studyplanner.ui.window.main_window import CREDENTIALS, SETTINGS, STUDY_LOG, MainWindow


@pytest.fixture
def window(qtbot: QtBot, db: Database, today: date) -> MainWindow:
    start = today - timedelta(days=3)
    settings = PlanSettings(start=start, availability=Availability((60,) * 7), weekly_minutes=420)
    create_plan(db, NewPlan(settings=settings, template_id="ccs-exam-prep"), start)
    creds.add_credential(
        db, "CPC", date(2024, 12, 17), today, cycle_start=date(2024, 12, 17),
        cycle_end=today + timedelta(days=5), required=Decimal(36),
    )  # fmt: skip
    win = MainWindow(db, lambda: today)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def _panel(window: MainWindow) -> RemindersPanel:
    panel = window.dashboard.build_reminders()
    assert panel is not None
    return panel


def _row(panel: RemindersPanel, kind: ReminderKind) -> ReminderRow:
    return next(row for row in panel.rows if row.reminder.kind is kind)


def _cycle_id(db: Database, today: date) -> int:
    return creds.ceu_statuses(db, today)[0].cycle_id


def test_every_reminder_with_an_action_names_it(window: MainWindow) -> None:
    panel = _panel(window)
    words = {
        row.reminder.kind: row.action_button.text()
        for row in panel.rows
        if row.action_button is not None
    }
    assert words[ReminderKind.STUDY_TODAY] == "Log today's study…"
    assert words[ReminderKind.CEU_SHORTFALL] == "Log a CEU activity…"
    assert words[ReminderKind.CYCLE_END] == "Open the cycle"
    for row in panel.rows:
        if row.action_button is not None:
            assert row.action_button.accessibleName()
            assert row.action_button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_todays_study_is_logged_from_the_dashboard_prefilled(
    window: MainWindow, qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    snapshot = window.dashboard.snapshot()
    assert snapshot is not None and snapshot.today_blocks
    module, _title, minutes = snapshot.today_blocks[0]
    asked: list[dict[str, Any]] = []

    def answer(modules: object, day: date, parent: object = None, **kw: Any) -> dict[str, Any]:
        asked.append(kw)
        return {"module_id": kw["module_id"], "day": day, "minutes": kw["minutes"], "note": ""}

    monkeypatch.setattr(session_dialog.SessionDialog, "ask", answer)
    row = _row(_panel(window), ReminderKind.STUDY_TODAY)
    assert row.action_button is not None
    with qtbot.waitSignal(window.dashboard.data_changed):
        qtbot.mouseClick(row.action_button, Qt.MouseButton.LeftButton)
    assert asked == [{"module_id": module, "minutes": minutes}]
    logged = [(s.module_id, s.day, s.minutes) for s in list_sessions(db)]
    assert logged == [(module, today, minutes)]
    assert window.stack.currentIndex() == 0  # stays on the Dashboard
    assert window.stack.currentIndex() != STUDY_LOG


def test_a_ceu_shortfall_opens_the_activity_dialog_for_its_cycle(
    window: MainWindow, qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[int | None] = []

    def ask(*args: object, **kw: Any) -> None:
        opened.append(kw.get("for_cycle"))
        return None

    monkeypatch.setattr(activity_dialog.ActivityDialog, "ask", ask)
    row = _row(_panel(window), ReminderKind.CEU_SHORTFALL)
    assert row.action_button is not None
    qtbot.mouseClick(row.action_button, Qt.MouseButton.LeftButton)
    assert opened == [_cycle_id(db, today)]
    assert window.stack.currentIndex() == CREDENTIALS


def test_the_ceu_dialog_ticks_only_that_cycle(qtbot: QtBot, db: Database, today: date) -> None:
    for code in ("CPC", "CRC"):
        creds.add_credential(
            db, code, date(2024, 12, 17), today, cycle_start=date(2024, 12, 17),
            cycle_end=today + timedelta(days=200), required=Decimal(36),
        )  # fmt: skip
    statuses = creds.ceu_statuses(db, today)
    chosen = statuses[-1].cycle_id
    dialog = activity_dialog.ActivityDialog(rule_book(), statuses, today, for_cycle=chosen)
    qtbot.addWidget(dialog)
    ticked = [cid for cid, check in dialog.cycle_checks.items() if check.isChecked()]
    assert ticked == [chosen]


def test_a_cycle_end_opens_that_cycle_on_credentials(
    window: MainWindow, qtbot: QtBot, db: Database, today: date
) -> None:
    row = _row(_panel(window), ReminderKind.CYCLE_END)
    assert row.action_button is not None
    qtbot.mouseClick(row.action_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == CREDENTIALS
    screen = window.credentials_screen
    qtbot.waitUntil(lambda: any(card.hasFocus() for card in screen.cards))
    focused = next(card for card in screen.cards if card.hasFocus())
    assert focused.status.cycle_id == _cycle_id(db, today)


def test_the_backup_reminder_backs_up_now(
    window: MainWindow, qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(backups_panel.Tell, "info", lambda parent, text: told.append(text))
    before = len(list_backups(db.data_dir))
    reminder = Reminder(
        "backup:2026-10-01", ReminderKind.BACKUP, Severity.WARNING, today,
        BackupDue(None),
    )  # fmt: skip
    row = ReminderRow(reminder, today)
    qtbot.addWidget(row)
    assert row.action_button is not None and row.action_button.text() == "Back up now"
    row.action_requested.connect(_panel(window).action_requested)
    qtbot.mouseClick(row.action_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == SETTINGS
    qtbot.waitUntil(lambda: len(told) == 1)  # backed up on the worker
    assert len(list_backups(db.data_dir)) == before + 1
