"""The Modules screen and the completion dialog, on a real database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from studyplanner.services.database import Database
from studyplanner.services.progress import log_session, mark_done, module_statuses
from studyplanner.services.snapshots import ModuleStatus
from studyplanner.ui.shared.formatting import qdate
from studyplanner.ui.study.completion_dialog import CompletionDialog
from studyplanner.ui.study.modules_model import ModuleStatusModel
from studyplanner.ui.study.modules_screen import ModulesScreen

ORIENTATION, TERMINOLOGY, PRACTICE_EXAM_1 = 1, 2, 23  # ids in the CPC template
MODULE_COUNT = 32


CreatePlan = Callable[[Database, date], None]


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def clock(today: date) -> Clock:
    return Clock(today)


@pytest.fixture
def screen(
    qtbot: QtBot, db: Database, today: date, clock: Clock, create_cpc_plan: CreatePlan
) -> ModulesScreen:
    create_cpc_plan(db, today)
    widget = ModulesScreen(db, clock)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _column(screen: ModulesScreen, column: int) -> list[str]:
    return [screen.proxy.index(r, column).data() for r in range(screen.proxy.rowCount())]


def _row(screen: ModulesScreen, module_id: int) -> dict[str, str]:
    screen.select_module(module_id)
    index = screen.table.selectionModel().selectedRows()[0]
    headers = ModuleStatusModel.HEADERS
    return {h: screen.proxy.index(index.row(), c).data() for c, h in enumerate(headers)}


def test_lists_every_module_with_status_words(
    screen: ModulesScreen, db: Database, today: date, clock: Clock
) -> None:
    assert screen.stack.currentIndex() == 1
    assert screen.proxy.rowCount() == MODULE_COUNT
    assert set(_column(screen, ModuleStatusModel.STATUS)) == {"Not started"}
    assert screen.summary.text() == "0 of 32 done"
    log_session(db, TERMINOLOGY, today, 90, "", today)
    mark_done(db, PRACTICE_EXAM_1, today, 74.5, today)
    clock.day = date(2026, 12, 5)  # orientation was due on 1 Dec 2026
    screen.refresh()
    assert _row(screen, ORIENTATION)["Status"] == "Overdue"
    terminology = _row(screen, TERMINOLOGY)
    assert terminology["Status"] == "In progress"
    assert terminology["Logged"] == "1 h 30 min"
    assert terminology["Estimated"] == "45 h"
    exam = _row(screen, PRACTICE_EXAM_1)
    assert (exam["Status"], exam["Score"], exam["Kind"]) == ("Done", "74.5 %", "Practice exam")
    assert screen.summary.text() == "1 of 32 done · 1 overdue"
    status = screen.proxy.index(0, ModuleStatusModel.STATUS)
    assert not status.data(Qt.ItemDataRole.DecorationRole).isNull()  # an icon beside the word


def test_filter_by_text_and_status(qtbot: QtBot, screen: ModulesScreen, db: Database) -> None:
    qtbot.keyClicks(screen.search, "practice exam")
    titles = _column(screen, ModuleStatusModel.TITLE)
    assert len(titles) == 6  # three practice exams, each with its review after it
    assert sum(t.startswith("Practice exam") for t in titles) == 3
    screen.search.clear()
    qtbot.keyClicks(screen.search, "CPT surgery")
    assert len(_column(screen, ModuleStatusModel.TITLE)) == 6
    screen.search.clear()
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("done"))
    assert screen.proxy.rowCount() == 0
    assert screen.no_match.isVisible()
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("not_started"))
    assert screen.proxy.rowCount() == MODULE_COUNT
    assert not screen.no_match.isVisible()


def test_sort_by_clicking_a_header(qtbot: QtBot, screen: ModulesScreen) -> None:
    header = screen.table.horizontalHeader()
    column = ModuleStatusModel.ESTIMATED
    where = QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    minutes = [
        screen.model.module(screen.proxy.mapToSource(screen.proxy.index(r, 0)).row())
        for r in range(screen.proxy.rowCount())
    ]
    estimates = [m.minutes_estimated for m in minutes]
    assert estimates == sorted(estimates)
    assert estimates[0] != estimates[-1]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert screen.proxy.index(0, column).data() == "80 h"  # the externship, largest first


def test_mark_complete_with_a_score_then_reopen(
    qtbot: QtBot, screen: ModulesScreen, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[ModuleStatus] = []

    def typed(module: ModuleStatus, day: date, parent: Any = None, **kwargs: Any) -> Any:
        asked.append(module)
        dialog = CompletionDialog(module, day, parent, **kwargs)
        qtbot.addWidget(dialog)
        dialog.by_section.setChecked(False)  # the score as one figure
        dialog.score.clear()
        dialog.day.setDate(qdate(today - timedelta(days=1)))
        qtbot.keyClicks(dialog.score, "85")
        assert dialog.ok_button.isEnabled()
        return dialog.value()

    monkeypatch.setattr(CompletionDialog, "ask", typed)
    screen.select_module(PRACTICE_EXAM_1)
    assert screen.complete_button.isEnabled()
    assert not screen.reopen_button.isEnabled()
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(screen.complete_button, Qt.MouseButton.LeftButton)
    assert [m.id for m in asked] == [PRACTICE_EXAM_1]
    stored = {m.id: m for m in module_statuses(db, today)}[PRACTICE_EXAM_1]
    assert (stored.done, stored.done_on, stored.score) == (True, today - timedelta(days=1), 85)
    assert _row(screen, PRACTICE_EXAM_1)["Status"] == "Done"
    assert screen.selected() == stored
    assert screen.reopen_button.isEnabled() and not screen.complete_button.isEnabled()

    monkeypatch.setattr(ModulesScreen, "confirm_reopen", lambda self, module: False)
    assert screen.reopen_selected() is None
    assert {m.id: m for m in module_statuses(db, today)}[PRACTICE_EXAM_1].done
    monkeypatch.setattr(ModulesScreen, "confirm_reopen", lambda self, module: True)
    with qtbot.waitSignal(screen.data_changed):
        qtbot.mouseClick(screen.reopen_button, Qt.MouseButton.LeftButton)
    stored = {m.id: m for m in module_statuses(db, today)}[PRACTICE_EXAM_1]
    assert (stored.done, stored.score, stored.status) == (False, None, "not_started")
    row = _row(screen, PRACTICE_EXAM_1)
    assert (row["Status"], row["Score"], row["Completed"]) == ("Not started", "–", "–")


def test_cancelling_the_dialog_changes_nothing(
    screen: ModulesScreen, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CompletionDialog, "ask", lambda *a, **k: None)
    screen.select_module(TERMINOLOGY)
    assert screen.mark_complete() is None
    assert not any(m.done for m in module_statuses(db, today))


def test_completion_dialog_checks_the_score_and_the_date(
    qtbot: QtBot, db: Database, today: date, create_cpc_plan: CreatePlan
) -> None:
    create_cpc_plan(db, today)
    rows = {m.id: m for m in module_statuses(db, today)}
    dialog = CompletionDialog(rows[PRACTICE_EXAM_1], today)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.score.isVisible()
    qtbot.keyClicks(dialog.score, "120")
    assert dialog.score_problem.isVisible()
    assert dialog.score_problem.text() == "A score is a percentage from 0 to 100."
    assert not dialog.ok_button.isEnabled()
    dialog.score.clear()
    qtbot.keyClicks(dialog.score, "abc")
    assert dialog.score_problem.text() == "Enter the score as a number, like 74."
    dialog.score.clear()
    qtbot.keyClicks(dialog.score, "70")
    assert dialog.ok_button.isEnabled()
    assert dialog.value() == (today, 70.0)
    dialog.day.setDate(qdate(today + timedelta(days=2)))
    assert dialog.day_problem.isVisible()
    assert not dialog.ok_button.isEnabled()

    lesson = CompletionDialog(rows[ORIENTATION], today)
    qtbot.addWidget(lesson)
    lesson.show()
    assert not lesson.score.isVisible()  # lessons have no score
    assert lesson.value() == (today, None)


def test_log_and_timer_requests_name_the_module(qtbot: QtBot, screen: ModulesScreen) -> None:
    screen.select_module(TERMINOLOGY)
    with qtbot.waitSignal(screen.log_requested) as logged:
        screen.log_button.click()
    assert logged.args == [TERMINOLOGY]
    with qtbot.waitSignal(screen.timer_requested) as timed:
        screen.timer_button.click()
    assert timed.args == [TERMINOLOGY]


def test_without_a_plan_the_screen_says_what_to_do(qtbot: QtBot, db: Database, today: date) -> None:
    widget = ModulesScreen(db, lambda: today)
    qtbot.addWidget(widget)
    assert widget.stack.currentIndex() == 0
    assert widget.model.rowCount() == 0


def test_every_control_has_an_accessible_name(screen: ModulesScreen) -> None:
    for kind in (QAbstractButton, QComboBox, QTableView, QLineEdit):
        for widget in screen.findChildren(kind):  # type: ignore[type-var]
            ours = not isinstance(widget.parent(), QLineEdit)  # not the line edit's clear button
            if ours and not widget.objectName().startswith("qt_"):  # nor the table's corner
                assert widget.accessibleName(), widget


def test_module_models_pass_the_model_tester(  # type: ignore[no-untyped-def]
    qtmodeltester, screen: ModulesScreen, db: Database, today: date
) -> None:
    mark_done(db, PRACTICE_EXAM_1, today, 80, today)
    screen.refresh()
    qtmodeltester.check(screen.model)
    qtmodeltester.check(screen.proxy)
