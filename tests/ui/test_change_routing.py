"""An action re-reads only the screens that show what it changed: the one in view now, hidden
ones when next shown; a restore (or any outside change) still re-reads every screen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from studyplanner.services import backups
from studyplanner.services import credentials as creds
from studyplanner.services.ceu_activities import ActivityInput
from studyplanner.services.changes import SESSION_CHANGES, Changes
from studyplanner.services.database import Database
from studyplanner.services.progress import module_statuses, progress
from studyplanner.services.reminders import current_reminders
from studyplanner.ui.credentials.activity_dialog import ActivityDialog
from studyplanner.ui.study.session_dialog import SessionDialog
from studyplanner.ui.window.main_window import (
    CREDENTIALS,
    DASHBOARD,
    MODULES,
    PLAN,
    SETTINGS,
    STUDY_LOG,
    MainWindow,
)

NAMES = {DASHBOARD: "dashboard", PLAN: "plan", MODULES: "modules", STUDY_LOG: "study log",
         CREDENTIALS: "credentials", SETTINGS: "settings"}  # fmt: skip


@pytest.fixture
def window(
    qtbot: QtBot,
    db: Database,
    today: date,
    create_cpc_plan: Callable[[Database, date], None],
) -> MainWindow:
    create_cpc_plan(db, today - timedelta(days=14))
    creds.add_credential(db, "CPC", date(2025, 1, 2), today)
    win = MainWindow(db, lambda: today, now=lambda: datetime(2026, 11, 27, 9, 0))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.dashboard.reminders_panel is not None)  # after the first paint
    for row in NAMES:  # every screen built, as after a while in the app
        win.show_screen(row)
    return win


@pytest.fixture
def refreshed(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each screen re-read (its refresh() wrapped with a counter)."""
    counts: Counter[str] = Counter()
    for row, name in NAMES.items():
        screen = window.screen_at(row)
        original = screen.refresh

        def counted(*args: Any, _name: str = name, _original: Any = original) -> Any:
            counts[_name] += 1
            return _original(*args)

        monkeypatch.setattr(screen, "refresh", counted)
    return counts


def log_from_study_log(window: MainWindow, monkeypatch: pytest.MonkeyPatch, today: date) -> int:
    module = module_statuses(window._db, today)[0]
    answer = {"module_id": module.id, "day": today, "minutes": 45, "note": ""}
    monkeypatch.setattr(SessionDialog, "ask", lambda *a, **k: answer)
    window.show_screen(STUDY_LOG)
    assert window.study_log.log_for(None) is not None
    return module.id


def test_each_screen_says_what_it_shows() -> None:
    from studyplanner.ui.credentials.credentials_screen import CredentialsScreen
    from studyplanner.ui.settings.settings_screen import SettingsScreen
    from studyplanner.ui.study.study_log_screen import StudyLogScreen
    from studyplanner.ui.window.change_routing import shows

    assert not SESSION_CHANGES & CredentialsScreen.shows
    assert not SESSION_CHANGES & SettingsScreen.shows
    assert Changes.SESSIONS in StudyLogScreen.shows
    assert shows(object()) == Changes.ALL  # type: ignore[arg-type]  # a screen that does not say


def test_logging_a_session_leaves_credentials_and_settings_alone(
    window: MainWindow, refreshed: Counter[str], monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    log_from_study_log(window, monkeypatch, today)
    assert refreshed == Counter()  # the Study log moved its row; the others are hidden
    stale = {NAMES[row] for row in NAMES if window.is_stale(row)}
    assert stale == {"dashboard", "plan", "modules"}
    for row in (CREDENTIALS, SETTINGS):
        window.show_screen(row)
    assert refreshed == Counter()  # nothing they show changed


def test_a_ceu_activity_leaves_modules_and_the_study_log_alone(
    window: MainWindow, refreshed: Counter[str], monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    cycle = creds.list_credentials(window._db)[0].current.id
    data = ActivityInput(today, "Webinar", Decimal(1), "coding")
    monkeypatch.setattr(ActivityDialog, "ask", lambda *a, **k: (data, [(cycle, Decimal(1))]))
    window.show_screen(CREDENTIALS)
    assert window.credentials_screen.log_activity() is not None
    assert refreshed == Counter(credentials=1)  # its own re-read, showing the new activity
    assert {NAMES[row] for row in NAMES if window.is_stale(row)} == {"dashboard"}
    for row in (MODULES, STUDY_LOG, PLAN, SETTINGS):
        window.show_screen(row)
    assert refreshed == Counter(credentials=1)


def test_a_hidden_dashboard_reads_the_new_figures_when_shown(
    window: MainWindow,
    refreshed: Counter[str],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    today: date,
    db: Database,
) -> None:
    before = window.dashboard.snapshot()
    log_from_study_log(window, monkeypatch, today)
    assert refreshed["dashboard"] == 0 and window.dashboard.snapshot() == before
    # Its reminders (the sidebar's badge, the tray) follow a moment later, on their own.
    qtbot.waitUntil(lambda: not window.routing.reminders_timer.isActive())
    panel = window.dashboard.reminders_panel
    assert panel is not None
    qtbot.waitUntil(lambda: not panel.reading())  # read on the worker
    due = current_reminders(db, today)
    assert [r.key for r in panel.reminders()] == [r.key for r in due]
    assert window.sidebar.item(DASHBOARD).text() == (
        f"Dashboard ({len(due)})" if due else "Dashboard"
    )
    assert refreshed["dashboard"] == 0
    window.show_screen(DASHBOARD)
    assert refreshed["dashboard"] == 1 and not window.is_stale(DASHBOARD)
    figures = progress(db, today)
    assert figures is not None and figures != before
    assert window.dashboard.snapshot() == figures
    assert window.dashboard.week_card.isVisible()
    window.show_screen(MODULES)
    assert refreshed["modules"] == 1
    assert tuple(window.modules_screen.model.rows()) == module_statuses(db, today)


def test_the_screen_in_view_follows_at_once(
    window: MainWindow, refreshed: Counter[str], today: date
) -> None:
    window.show_screen(MODULES)
    window._on_data_changed(SESSION_CHANGES)  # e.g. the tray's Log a session... on this screen
    assert refreshed["modules"] == 1 and not window.is_stale(MODULES)
    assert refreshed["credentials"] == 0 and window.is_stale(DASHBOARD)


def test_a_restore_still_re_reads_every_screen(
    window: MainWindow, refreshed: Counter[str], monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    log_from_study_log(window, monkeypatch, today)  # some screens wait to re-read
    backup = backups.backup_now(window._db, datetime(2026, 11, 27, 8, 0))
    backups.restore_backup(window._db, backup.path, datetime(2026, 11, 27, 9, 0))
    window.settings_screen.backups_panel.data_replaced.emit()  # type: ignore[attr-defined]
    assert refreshed == Counter({name: 1 for name in NAMES.values()})
    assert not any(window.is_stale(row) for row in NAMES)
