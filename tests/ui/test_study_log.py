"""The Study log screen, the session dialog and the stored timer, on a real database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studyplanner.services.database import Database
from studyplanner.services.progress import (
    current_timer,
    list_sessions,
    log_session,
    module_statuses,
)
from studyplanner.ui.shared.formatting import qdate
from studyplanner.ui.study.session_dialog import SessionDialog
from studyplanner.ui.study.study_log_screen import StudyLogScreen
from studyplanner.ui.study.timer_bar import TimerBar, format_elapsed

TERMINOLOGY = 2  # "Medical terminology" in the CPC template


CreatePlan = Callable[[Database, date], None]


class FakeNow:
    """The timer's clock: time passes when the test says so."""

    def __init__(self, start: datetime) -> None:
        self.value = start

    def __call__(self) -> datetime:
        return self.value

    def advance(self, **delta: int) -> None:
        self.value += timedelta(**delta)


@pytest.fixture
def now(today: date) -> FakeNow:
    return FakeNow(datetime(today.year, today.month, today.day, 9, 0, 0))


@pytest.fixture
def screen(
    qtbot: QtBot, db: Database, today: date, now: FakeNow, create_cpc_plan: CreatePlan
) -> StudyLogScreen:
    create_cpc_plan(db, today)
    widget = StudyLogScreen(db, lambda: today, now=now)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _type_session(qtbot: QtBot, dialog: SessionDialog, minutes: str, note: str) -> None:
    dialog.minutes.clear()
    qtbot.keyClicks(dialog.minutes, minutes)
    qtbot.keyClicks(dialog.note, note)


def test_dialog_shows_problems_next_to_fields_and_blocks_ok(
    qtbot: QtBot, db: Database, today: date, create_cpc_plan: CreatePlan
) -> None:
    create_cpc_plan(db, today)
    dialog = SessionDialog(module_statuses(db, today), today)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.isEnabled()
    dialog.minutes.clear()
    qtbot.keyClicks(dialog.minutes, "0")
    assert dialog.minutes_problem.isVisible()
    assert dialog.minutes_problem.text() == "Enter at least 1 minute."
    assert not dialog.ok_button.isEnabled()
    dialog.minutes.clear()
    qtbot.keyClicks(dialog.minutes, "1000")
    assert "960" in dialog.minutes_problem.text()
    dialog.minutes.clear()
    qtbot.keyClicks(dialog.minutes, "45")
    assert not dialog.minutes_problem.isVisible()
    assert dialog.ok_button.isEnabled()
    dialog.day.setFocus()
    qtbot.keyClick(dialog.day, Qt.Key.Key_Up)  # the day section goes one day up: tomorrow
    assert dialog.value()["day"] == today + timedelta(days=1)
    assert dialog.day_problem.text() == "A session cannot be in the future."
    assert dialog.day_problem.isVisible()
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # refused while there are problems
    assert dialog.result() != SessionDialog.DialogCode.Accepted
    dialog.day.setDate(qdate(today))
    assert dialog.ok_button.isEnabled()


def test_logging_a_session_adds_a_row_and_reaches_the_database(
    qtbot: QtBot, screen: StudyLogScreen, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert screen.stack.currentIndex() == 1
    assert screen.empty_hint.isVisible()

    def typed(modules: Any, day: date, parent: Any = None, **kwargs: Any) -> dict[str, Any]:
        dialog = SessionDialog(modules, day, parent, **kwargs)
        qtbot.addWidget(dialog)
        dialog.module.setCurrentIndex(dialog.module.findData(TERMINOLOGY))
        _type_session(qtbot, dialog, "45", "Prefixes and suffixes")
        assert dialog.ok_button.isEnabled()
        return dialog.value()

    monkeypatch.setattr(SessionDialog, "ask", typed)
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(screen.log_button, Qt.MouseButton.LeftButton)
    [stored] = list_sessions(db)
    assert (stored.module_id, stored.day, stored.minutes, stored.note) == (
        TERMINOLOGY,
        today,
        45,
        "Prefixes and suffixes",
    )
    assert screen.model.rowCount() == 1
    assert screen.model.index(0, 1).data() == "Medical terminology"
    assert screen.model.index(0, 2).data() == "45 min"
    assert screen.selected() == stored
    assert not screen.empty_hint.isVisible()


def test_sessions_are_listed_newest_first(
    screen: StudyLogScreen, db: Database, today: date
) -> None:
    for days_ago in (3, 0, 7):
        log_session(db, TERMINOLOGY, today - timedelta(days=days_ago), 30, "", today)
    screen.refresh()
    shown = [screen.model.index(row, 0).data() for row in range(screen.model.rowCount())]
    days = [s.day for s in list_sessions(db)]
    assert days == sorted(days, reverse=True)
    from studyplanner.ui.shared.formatting import format_date

    assert shown == [format_date(d) for d in days]


def test_a_refused_session_shows_why_and_writes_nothing(
    screen: StudyLogScreen, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = {"module_id": 999, "day": today, "minutes": 30, "note": ""}
    monkeypatch.setattr(SessionDialog, "ask", lambda *a, **k: answer)
    assert screen.log_for(None) is None
    assert screen.problem.isVisibleTo(screen)
    assert "no module 999" in screen.problem.text()
    assert list_sessions(db) == ()


def test_log_for_opens_the_dialog_with_the_module_chosen(
    qtbot: QtBot, screen: StudyLogScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen: list[int] = []

    def typed(modules: Any, day: date, parent: Any = None, **kwargs: Any) -> None:
        dialog = SessionDialog(modules, day, parent, **kwargs)
        qtbot.addWidget(dialog)
        chosen.append(dialog.module.currentData())
        return None  # cancelled

    monkeypatch.setattr(SessionDialog, "ask", typed)
    assert screen.log_for(5) is None
    assert chosen == [5]


def test_edit_changes_the_session(
    qtbot: QtBot, screen: StudyLogScreen, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    logged = log_session(db, TERMINOLOGY, today, 30, "first try", today)
    screen.refresh()
    screen.select_session(logged.id)

    def typed(modules: Any, day: date, parent: Any = None, **kwargs: Any) -> dict[str, Any]:
        dialog = SessionDialog(modules, day, parent, **kwargs)
        qtbot.addWidget(dialog)
        assert dialog.value()["minutes"] == 30  # the dialog opens with the session's values
        assert dialog.note.toPlainText() == "first try"
        dialog.note.clear()
        _type_session(qtbot, dialog, "50", "second go")
        return dialog.value()

    monkeypatch.setattr(SessionDialog, "ask", typed)
    qtbot.mouseClick(screen.edit_button, Qt.MouseButton.LeftButton)
    [stored] = list_sessions(db)
    assert (stored.id, stored.minutes, stored.note) == (logged.id, 50, "second go")
    assert screen.model.index(0, 3).data() == "second go"


def test_delete_then_undo_restores_the_session(
    qtbot: QtBot, screen: StudyLogScreen, db: Database, today: date
) -> None:
    kept = log_session(db, TERMINOLOGY, today - timedelta(days=1), 20, "kept", today)
    gone = log_session(db, TERMINOLOGY, today, 40, "oops", today)
    screen.refresh()
    assert not screen.undo_button.isVisible()
    screen.select_session(gone.id)
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(screen.delete_button, Qt.MouseButton.LeftButton)
    assert list_sessions(db) == (kept,)
    assert screen.model.rowCount() == 1
    assert screen.undo_button.isVisible()
    assert "Undo" in screen.message.text()
    assert screen.undo_action.shortcut().toString() == "Ctrl+Z"
    screen.activateWindow()
    qtbot.waitActive(screen)
    screen.table.setFocus()
    with qtbot.waitSignal(screen.data_changed):
        qtbot.keyClick(screen.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert list_sessions(db) == (gone, kept)
    assert screen.selected() == gone
    assert not screen.undo_button.isVisible()
    assert screen.undo() is False  # nothing more to undo


def test_the_delete_key_deletes_the_selected_session(
    qtbot: QtBot, screen: StudyLogScreen, db: Database, today: date
) -> None:
    logged = log_session(db, TERMINOLOGY, today, 40, "", today)
    screen.refresh()
    screen.select_session(logged.id)
    screen.delete_action.trigger()
    assert list_sessions(db) == ()
    screen.undo_button.click()
    assert list_sessions(db) == (logged,)


def test_timer_counts_injected_time_and_stop_logs_the_minutes(
    qtbot: QtBot, screen: StudyLogScreen, db: Database, today: date, now: FakeNow
) -> None:
    bar = screen.timer_bar
    assert bar.start_button.isVisible()
    assert screen.start_timer(TERMINOLOGY)
    assert bar.ticker.isActive()
    assert bar.pause_button.isVisible() and bar.stop_button.isVisible()
    assert not bar.start_button.isVisible()
    assert bar.status.text() == "Studying Medical terminology"
    now.advance(minutes=25, seconds=10)
    bar.tick()
    assert bar.elapsed.text() == "0:25:10"
    qtbot.mouseClick(bar.pause_button, Qt.MouseButton.LeftButton)
    assert bar.status.text() == "Paused: Medical terminology"
    assert not bar.ticker.isActive()
    now.advance(hours=2)  # a break: not counted
    bar.tick()
    assert bar.elapsed.text() == "0:25:10"
    qtbot.mouseClick(bar.resume_button, Qt.MouseButton.LeftButton)
    now.advance(minutes=4, seconds=50)
    bar.tick()
    assert bar.elapsed.text() == "0:30:00"
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(bar.stop_button, Qt.MouseButton.LeftButton)
    [stored] = list_sessions(db)
    assert (stored.module_id, stored.minutes, stored.day) == (TERMINOLOGY, 30, today)
    assert current_timer(db) is None
    assert bar.message.text() == "Logged 30 min on Medical terminology."
    assert screen.model.rowCount() == 1
    assert bar.start_button.isVisible()


def test_the_timer_ticks_every_second(qtbot: QtBot, screen: StudyLogScreen, now: FakeNow) -> None:
    bar = screen.timer_bar
    bar.start(TERMINOLOGY)
    assert bar.ticker.interval() == 1000
    now.advance(seconds=3)
    bar.ticker.timeout.emit()
    assert bar.elapsed.text() == "0:00:03"


def test_under_a_minute_logs_nothing(screen: StudyLogScreen, db: Database, now: FakeNow) -> None:
    bar = screen.timer_bar
    bar.start(TERMINOLOGY)
    now.advance(seconds=20)
    bar.stop_button.click()
    assert list_sessions(db) == ()
    assert bar.message.text() == "Under a minute: nothing was logged."


def test_a_new_timer_bar_shows_the_running_timer(
    qtbot: QtBot, db: Database, today: date, now: FakeNow, create_cpc_plan: CreatePlan
) -> None:
    create_cpc_plan(db, today)
    first = TimerBar(db, lambda: today, now)
    qtbot.addWidget(first)
    first.set_modules(module_statuses(db, today))
    first.module.setCurrentIndex(first.module.findData(TERMINOLOGY))
    qtbot.mouseClick(first.start_button, Qt.MouseButton.LeftButton)
    first.close()  # the window goes away; the timer is stored
    now.advance(hours=1, minutes=2, seconds=3)
    again = TimerBar(db, lambda: today, now)
    qtbot.addWidget(again)
    again.show()
    assert again.info() is not None
    assert again.status.text() == "Studying Medical terminology"
    assert again.elapsed.text() == "1:02:03"
    assert again.ticker.isActive()
    assert again.stop_button.isVisible() and not again.start_button.isVisible()


def test_starting_a_second_timer_says_why_not(
    screen: StudyLogScreen, db: Database, today: date
) -> None:
    assert screen.start_timer(TERMINOLOGY)
    assert not screen.start_timer(3)
    assert "already on" in screen.timer_bar.message.text()
    timer = current_timer(db)
    assert timer is not None and timer.module_id == TERMINOLOGY


def test_elapsed_format() -> None:
    assert format_elapsed(0) == "0:00:00"
    assert format_elapsed(3661) == "1:01:01"
    assert format_elapsed(36000) == "10:00:00"


def test_without_a_plan_the_screen_says_what_to_do(qtbot: QtBot, db: Database, today: date) -> None:
    widget = StudyLogScreen(db, lambda: today)
    qtbot.addWidget(widget)
    assert widget.stack.currentIndex() == 0
    assert not widget.timer_bar.start_button.isEnabled()


def test_every_control_has_an_accessible_name(screen: StudyLogScreen) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QTableView

    for kind in (QAbstractButton, QComboBox, QTableView):
        for widget in screen.findChildren(kind):  # type: ignore[type-var]
            if not widget.objectName().startswith("qt_"):  # Qt's own corner button
                assert widget.accessibleName(), widget


def test_session_models_pass_the_model_tester(  # type: ignore[no-untyped-def]
    qtmodeltester, screen: StudyLogScreen, db: Database, today: date
) -> None:
    log_session(db, TERMINOLOGY, today, 30, "note\nwith a line break", today)
    log_session(db, 3, today - timedelta(days=2), 90, "", today)
    screen.refresh()
    qtmodeltester.check(screen.model)


def test_enter_on_a_session_opens_it_for_editing(
    qtbot: QtBot, screen: StudyLogScreen, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    logged = log_session(db, TERMINOLOGY, today, 30, "", today)
    screen.refresh()
    screen.select_session(logged.id)
    opened: list[Any] = []
    monkeypatch.setattr(SessionDialog, "ask", lambda *a, **k: opened.append(k) or None)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert opened == [{"session": logged}]
