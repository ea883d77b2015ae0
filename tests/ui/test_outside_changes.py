"""No data outlives its source: a restore, a replace import, a merge import and a write by
another program (the command line, a second process) are each seen at once by a running window,
and what the user then does reaches the record they see (not one an old id pointed at)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyplanner.core.model import Availability
from studyplanner.services import backups as backup_service
from studyplanner.services.archive.transfer import export_archive
from studyplanner.services.database import Database, open_database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.plans import create_plan, suggest_terms
from studyplanner.services.progress import list_sessions, log_session, module_statuses, progress
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.ui.settings import backups_panel
from studyplanner.ui.study import completion_dialog
from studyplanner.ui.window.main_window import (
    CREDENTIALS,
    MODULES,
    PLAN,
    SETTINGS,
    STUDY_LOG,
    MainWindow,
)

TODAY = date(2026, 11, 27)


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line in a process of its own (another program writing the same file)."""
    run = subprocess.run(
        [sys.executable, "-m", "studyplanner", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return run


def _window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db, lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for row in (PLAN, MODULES, STUDY_LOG, CREDENTIALS, SETTINGS):
        window.show_screen(row)  # every screen built: each must follow
    window.show_screen(0)
    return window


def _degree(db: Database) -> None:
    start = date(2027, 1, 11)
    settings = PlanSettings(
        start=start, availability=Availability((180, 180, 180, 180, 180, 240, 0)),
        target=date(2029, 1, 1), terms=suggest_terms("associate-degree-hit", start),
    )  # fmt: skip
    create_plan(db, NewPlan(settings, template_id="associate-degree-hit"), TODAY)


def _shown_titles(window: MainWindow) -> list[str]:
    return [m.title for m in window.modules_screen.model.rows()]


def _complete_on_screen(window: MainWindow, title: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Mark the module shown as `title` complete on the Modules screen, as the user would."""
    monkeypatch.setattr(completion_dialog.CompletionDialog, "ask", classmethod(
        lambda cls, module, today, parent=None, **_: (today, None)))  # fmt: skip
    window.show_screen(MODULES)
    row = _shown_titles(window).index(title)
    window.modules_screen.select_module(window.modules_screen.model.rows()[row].id)
    window.modules_screen.complete_button.click()


def _check_plan_everywhere(window: MainWindow, db: Database) -> None:
    """Each built screen shows the plan the services read now."""
    plan = active_plan(db, TODAY)
    assert plan is not None
    assert _shown_titles(window) == [m.title for m in module_statuses(db, TODAY)]
    assert window.plan_screen.plan() == plan
    assert window.dashboard.snapshot() == progress(db, TODAY)
    assert window.study_log.model.rowCount() == len(list_sessions(db))


def test_a_session_logged_by_the_command_line_appears_at_once(
    qtbot: QtBot, db: Database, create_cpc_plan: Callable[[Database, date], None]
) -> None:
    create_cpc_plan(db, TODAY)
    window = _window(qtbot, db)
    first = module_statuses(db, TODAY)[0]
    _cli(db.data_dir, "log", "--module", str(first.id), "--date", TODAY.isoformat(),
         "--minutes", "45", "--note", "from the terminal",
         "--today", TODAY.isoformat())  # fmt: skip
    qtbot.waitUntil(lambda: window.study_log.model.rowCount() == 1, timeout=5000)
    assert window.study_log.model.rows()[0].note == "from the terminal"
    assert window.dashboard.snapshot() == progress(db, TODAY)
    assert window.dashboard.snapshot().hours_done > 0  # type: ignore[union-attr]


def test_our_own_writes_are_not_taken_for_outside_ones(
    qtbot: QtBot, db: Database, create_cpc_plan: Callable[[Database, date], None]
) -> None:
    """The window's own saves refresh what they change; the watch stays quiet about them."""
    create_cpc_plan(db, TODAY)
    window = _window(qtbot, db)
    reloads: list[int] = []
    window.reload_everything = lambda: reloads.append(1)  # type: ignore[method-assign]
    log_session(db, module_statuses(db, TODAY)[0].id, TODAY, 30, "", TODAY)
    window.check_outside_changes()
    assert reloads == []
    other = open_database(db.data_dir)  # another connection, as another program has
    try:
        log_session(other, module_statuses(other, TODAY)[0].id, TODAY, 20, "", TODAY)
    finally:
        other.close()
    window.check_outside_changes()
    assert reloads == [1]


def test_a_replace_import_by_the_command_line_shows_the_archive_and_acts_on_it(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    create_cpc_plan: Callable[[Database, date], None],
) -> None:  # fmt: skip
    create_cpc_plan(db, TODAY)
    window = _window(qtbot, db)
    cpc_titles = _shown_titles(window)
    elsewhere = open_database(tmp_path / "elsewhere")
    try:
        _degree(elsewhere)
        archive = export_archive(elsewhere, tmp_path / "degree.zip", now=datetime(2026, 11, 27))
    finally:
        elsewhere.close()
    _cli(db.data_dir, "import", str(archive.path), "--replace")
    qtbot.waitUntil(lambda: _shown_titles(window) != cpc_titles, timeout=5000)
    _check_plan_everywhere(window, db)
    assert window.plan_screen.plan().track.template_id == "associate-degree-hit"  # type: ignore[union-attr]
    _complete_on_screen(window, "Medical terminology", monkeypatch)
    done = [m.title for m in module_statuses(db, TODAY) if m.status == "done"]
    assert done == ["Medical terminology"]


def test_restore_then_a_new_plan_shows_the_new_plan_everywhere(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch,
    create_cpc_plan: Callable[[Database, date], None],
) -> None:  # fmt: skip
    """The situation of issue 10: restore an older backup in Settings, then make a new plan
    (the associate degree): every screen shows it, and Mark complete on Medical terminology
    completes that very module."""
    create_cpc_plan(db, TODAY)
    older = backup_service.backup_now(db, datetime(2026, 11, 20, 8, 0))
    create_cpc_plan(db, TODAY)  # a second plan since: its baseline gets the next id
    log_session(db, module_statuses(db, TODAY)[1].id, TODAY, 50, "after the backup", TODAY)
    window = _window(qtbot, db)
    assert window.study_log.model.rowCount() == 1
    monkeypatch.setattr(backups_panel.ConfirmRestore, "ask", staticmethod(lambda *a: True))
    monkeypatch.setattr(backups_panel.Tell, "info", staticmethod(lambda *a: None))
    panel = window.settings_screen.backups_panel  # type: ignore[attr-defined]
    panel.refresh()
    row = [b.path for b in panel._backups].index(older.path)
    panel.table.selectRow(row)
    qtbot.waitUntil(panel.restore_button.isEnabled)  # what it holds is read on the worker
    with qtbot.waitSignal(panel.data_replaced):  # on the worker
        panel.restore_selected()
    assert window.study_log.model.rowCount() == 0  # the backup had no session
    _degree(db)  # what the assistant does with the user's answers
    window.reload_everything()  # the assistant refreshes every screen when it is accepted
    _check_plan_everywhere(window, db)
    _complete_on_screen(window, "Medical terminology", monkeypatch)
    statuses = module_statuses(db, TODAY)
    assert [m.title for m in statuses if m.status == "done"] == ["Medical terminology"]
    assert statuses[0].title == "English composition I"  # the degree, not the old CPC plan
    assert window.modules_screen.model.rows()[_shown_titles(window).index(
        "Medical terminology")].status == "done"  # fmt: skip


def test_a_merge_import_by_the_command_line_appears_and_a_second_adds_nothing(
    qtbot: QtBot, db: Database, tmp_path: Path,
    create_cpc_plan: Callable[[Database, date], None],
) -> None:  # fmt: skip
    create_cpc_plan(db, TODAY)
    log_session(db, module_statuses(db, TODAY)[0].id, TODAY, 30, "mine", TODAY)
    elsewhere = tmp_path / "elsewhere"
    _cli(db.data_dir, "export", str(tmp_path / "mine.zip"))
    other = open_database(elsewhere)
    try:
        _degree(other)
        log_session(other, module_statuses(other, TODAY)[0].id, TODAY, 40, "theirs", TODAY)
        export_archive(other, tmp_path / "theirs.zip", now=datetime(2026, 11, 27))
    finally:
        other.close()
    window = _window(qtbot, db)
    _cli(db.data_dir, "import", str(tmp_path / "theirs.zip"))
    qtbot.waitUntil(lambda: window.study_log.model.rowCount() == 2, timeout=5000)
    assert sorted(s.note for s in window.study_log.model.rows()) == ["mine", "theirs"]
    _cli(db.data_dir, "import", str(tmp_path / "theirs.zip"))
    _cli(db.data_dir, "import", str(tmp_path / "mine.zip"))
    window.check_outside_changes()
    assert window.study_log.model.rowCount() == 2 == len(list_sessions(db))
    assert window.modules_screen.model.rowCount() == len(module_statuses(db, TODAY))


@pytest.mark.parametrize("screen", [0, PLAN, MODULES, STUDY_LOG, CREDENTIALS, SETTINGS])
def test_the_watch_follows_from_any_screen(
    qtbot: QtBot, db: Database, screen: int, create_cpc_plan: Callable[[Database, date], None]
) -> None:
    create_cpc_plan(db, TODAY)
    window = _window(qtbot, db)
    window.show_screen(screen)
    first = module_statuses(db, TODAY)[0]
    _cli(db.data_dir, "done", str(first.id), "--date", TODAY.isoformat(), "--today",
         TODAY.isoformat())  # fmt: skip
    qtbot.waitUntil(lambda: window.modules_screen.model.rows()[0].status == "done", timeout=5000)
    assert window.dashboard.snapshot() == progress(db, TODAY)


def test_a_new_day_while_the_window_stays_open_refreshes_every_screen(
    qtbot: QtBot, db: Database, create_cpc_plan: Callable[[Database, date], None]
) -> None:
    """Left open overnight: at the first check of a new day, what is due and overdue follows."""
    create_cpc_plan(db, TODAY)
    day = [TODAY]
    window = MainWindow(db, lambda: day[0])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_screen(MODULES)
    later = TODAY + timedelta(days=60)
    assert window.dashboard.snapshot() == progress(db, TODAY)
    day[0] = later
    qtbot.waitUntil(lambda: window.dashboard.snapshot() == progress(db, later), timeout=5000)
    assert [r.status for r in window.modules_screen.model.rows()] == [
        m.status for m in module_statuses(db, later)
    ]


def test_back_up_now_answers_the_backup_reminder(
    qtbot: QtBot, db: Database, create_cpc_plan: Callable[[Database, date], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Weeks without a backup: the Dashboard reminds; Back up now (at the window's own time)
    takes the reminder away, on the hidden Dashboard and in its badge a moment after the backup
    (ui/change_routing.py), without waiting for the Dashboard to be shown."""
    create_cpc_plan(db, TODAY)
    later = TODAY + timedelta(days=40)
    window = MainWindow(db, lambda: later, now=lambda: datetime.combine(later, time(9, 30)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = window.dashboard.build_reminders()
    assert panel is not None

    def backup_reminders() -> list[str]:
        return [r.key for r in panel.reminders() if r.key.startswith("backup:")]

    assert backup_reminders() != []
    before = panel.count()
    assert window.sidebar.item(0).text() == f"Dashboard ({before})"
    monkeypatch.setattr(backups_panel.Tell, "info", staticmethod(lambda *a: None))
    window.show_screen(SETTINGS)
    window.settings_screen.backups_panel.back_up_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: backup_reminders() == [])
    assert window.is_stale(0)  # the rest of the Dashboard re-reads when shown
    assert window.sidebar.item(0).text() == f"Dashboard ({before - 1})"  # and in the badge


def test_an_export_and_an_import_on_the_worker_run_beside_the_window(
    qtbot: QtBot, db: Database, create_cpc_plan: Callable[[Database, date], None],
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The window's watch is asked from the worker thread that writes: it must work there."""
    from studyplanner.ui.settings import data_transfer_panel as dtp

    create_cpc_plan(db, TODAY)
    window = _window(qtbot, db)
    panel = window.settings_screen.transfer_panel  # type: ignore[attr-defined]
    told: list[tuple[str, bool]] = []
    archive = tmp_path / "everything.zip"
    monkeypatch.setattr(dtp.Ask, "tell", staticmethod(lambda p, t, ok: told.append((t, ok))))
    monkeypatch.setattr(dtp.Ask, "save_path", staticmethod(lambda *a: archive))
    with qtbot.waitSignal(panel.finished, timeout=30_000):
        assert panel.export_archive() is not None
    qtbot.waitUntil(lambda: not panel.busy())
    monkeypatch.setattr(dtp.Ask, "open_path", staticmethod(lambda *a: archive))
    monkeypatch.setattr(dtp.Ask, "import_choice", staticmethod(lambda *a: dtp.ImportChoice.MERGE))
    with qtbot.waitSignal(panel.finished, timeout=30_000) as done:
        assert panel.import_archive() is not None
    qtbot.waitUntil(lambda: not panel.busy())
    assert done.args[1] is True, done.args
    assert all(ok for _text, ok in told), told
    _check_plan_everywhere(window, db)
