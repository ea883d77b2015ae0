"""A new learner's realistic month in the GUI: a plan, sessions logged from the Dashboard, a
module completed, a practice exam scored, a missed week, and a re-plan that keeps done work."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studyplanner.core.model import Availability
from studyplanner.services.database import Database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.plans import create_plan
from studyplanner.services.progress import list_sessions, module_statuses, progress
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.ui.shared import preview_dialog
from studyplanner.ui.study import completion_dialog, session_dialog
from studyplanner.ui.window.main_window import MainWindow

START = date(2027, 1, 4)  # a Monday


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def test_a_realistic_month(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = PlanSettings(start=START, availability=Availability((60,) * 7), weekly_minutes=420)
    create_plan(db, NewPlan(settings=settings, template_id="cpc-exam-prep-experienced"), START)
    clock = Clock(START)
    window = MainWindow(db, clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    # Two weeks: every day the learner clicks "Log…" on today's block and accepts the dialog.
    def log_as_planned(modules: Any, today: date, parent: Any = None, session: Any = None,
                       module_id: int | None = None) -> dict[str, Any]:  # fmt: skip
        return {"module_id": module_id, "day": today, "minutes": 60, "note": "as planned"}

    monkeypatch.setattr(session_dialog.SessionDialog, "ask", classmethod(
        lambda cls, *a, **k: log_as_planned(*a, **k)))  # fmt: skip
    for offset in range(14):
        clock.day = START + timedelta(days=offset)
        window.show_screen(0)
        dashboard = window.dashboard
        dashboard.refresh()
        blocks = dashboard.snapshot().today_blocks  # type: ignore[union-attr]
        assert blocks, f"nothing planned on {clock.day}"
        dashboard.log_requested.emit(blocks[0][0])
    assert len(list_sessions(db)) == 14
    figures = progress(db, clock.day)
    assert figures is not None and figures.days_ahead == 0 and figures.hours_done == 14

    # The first module is done; the learner marks it complete on the Modules screen.
    first = module_statuses(db, clock.day)[0]
    monkeypatch.setattr(completion_dialog.CompletionDialog, "ask", classmethod(
        lambda cls, module, today, parent=None, **_: (today, None)))  # fmt: skip
    modules = window.show_screen(2)
    modules.select_module(first.id)  # type: ignore[attr-defined]
    qtbot.mouseClick(modules.complete_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert module_statuses(db, clock.day)[0].status == "done"

    # A practice exam, scored 68 % (under the 70 % pass mark).
    exam = next(m for m in module_statuses(db, clock.day) if m.kind.is_exam)
    monkeypatch.setattr(completion_dialog.CompletionDialog, "ask", classmethod(
        lambda cls, module, today, parent=None, **_: (today, 68.0)))  # fmt: skip
    modules.select_module(exam.id)  # type: ignore[attr-defined]
    qtbot.mouseClick(modules.complete_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    # Then nothing for a while (the exam's hours were earned early, so it takes more than a
    # week to fall behind): the Dashboard says so and offers to catch up.
    clock.day = START + timedelta(days=30)
    window.show_screen(0)
    window.dashboard.refresh()
    behind = window.dashboard.snapshot()
    assert behind is not None and behind.days_ahead < 0
    status = window.dashboard.progress_card.status.word.text()
    assert "behind" in status or "late" in status  # late: the forecast is after the finish
    assert window.dashboard.progress_card.catch_up_button.isVisibleTo(window.dashboard)
    assert "68 %" in window.dashboard.exams_card.readiness.text()

    # Re-plan on the Plan screen: more time a week, previewed, then accepted.
    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", classmethod(
        lambda cls, preview, current, parent=None: True))  # fmt: skip
    plan_screen = window.show_screen(1)
    plan_screen.tabs.setCurrentIndex(3)  # type: ignore[attr-defined]
    schedule_settings = plan_screen.settings  # type: ignore[attr-defined]
    schedule_settings.goal.hours.setValue(7.0)
    schedule_settings.availability.spins[5].setValue(120)  # Saturdays: two hours
    with qtbot.waitSignal(plan_screen.plan_changed):  # type: ignore[attr-defined]
        qtbot.mouseClick(schedule_settings.preview_button, Qt.MouseButton.LeftButton)
    plan = active_plan(db, clock.day)
    assert plan is not None and len(plan.baselines) == 2
    assert plan.track.module(first.id).done and plan.track.module(
        first.id
    ).done_on == START + timedelta(days=13)
    assert all(b.day >= clock.day for b in plan.schedule.blocks)
    after = progress(db, clock.day)
    assert after is not None and after.days_ahead == 0
    window.show_screen(0)
    assert "behind" not in window.dashboard.progress_card.status.word.text()
