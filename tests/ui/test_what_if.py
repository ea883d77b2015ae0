"""The Plan screen's live what-if: sliders and toggles re-plan in memory, nothing is saved until
Keep this, Reset returns to the saved plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.core.what_if import spread_week
from studyplanner.services.changes import PLAN_CHANGES
from studyplanner.services.database import Database
from studyplanner.services.plans import active_plan, create_plan, preview_plan_change
from studyplanner.services.snapshots import NewPlan, PlanChange, PlanSettings
from studyplanner.ui.plan.plan_screen import PlanScreen
from studyplanner.ui.shared.formatting import format_date
from studyplanner.ui.window.main_window import MainWindow
from tests.ui.a11y_audit import Findings

WEEK = (90, 90, 90, 90, 0, 240, 0)


@pytest.fixture
def window(qtbot: QtBot, db: Database, today: date) -> MainWindow:
    from studyplanner.core.model import Availability

    settings = PlanSettings(start=today, availability=Availability(WEEK), weekly_minutes=600)
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), today)
    win = MainWindow(db, lambda: today)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.show_screen(1)
    return win


def _open(window: MainWindow, qtbot: QtBot) -> PlanScreen:
    screen = window.plan_screen
    qtbot.mouseClick(screen.what_if_button, Qt.MouseButton.LeftButton)
    assert screen.what_if.isVisible()
    qtbot.waitUntil(lambda: screen.what_if.replans >= 1)
    return screen


def _everything(db: Database) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Every row of every table: what the database holds."""
    with db.read() as conn:
        names = [
            row[0]
            for row in conn.exec_driver_sql(
                "select name from sqlite_master where type = 'table' order by name"
            )
        ]
        return [
            (name, [tuple(r) for r in conn.exec_driver_sql(f'select * from "{name}"')])
            for name in names
        ]


def test_the_hours_slider_by_keyboard_shows_the_schedulers_finish(
    window: MainWindow, qtbot: QtBot, db: Database, today: date
) -> None:
    screen = _open(window, qtbot)
    panel = screen.what_if
    saved = screen.plan()
    assert saved is not None
    assert screen.header.finish.value.text() == format_date(saved.schedule.finish)
    panel.hours_slider.setFocus()
    for _ in range(2):
        qtbot.keyClick(panel.hours_slider, Qt.Key.Key_PageUp)  # a page is an hour
    assert panel.hours.value() == 12.0
    qtbot.waitUntil(lambda: panel.hours_slider.accessibleDescription() == "12 h")
    qtbot.waitUntil(lambda: "12" in screen.header.load.value.text())
    # what the scheduler gives for 12 hours a week, through the saved plan's own preview
    expected = replace(
        saved.settings,
        availability=spread_week(saved.settings.availability, panel.what_if().days_on, 720),
        weekly_minutes=720,
    )
    preview = preview_plan_change(db, PlanChange(settings=expected), today)
    assert preview.schedule.finish is not None and preview.schedule.finish < saved.schedule.finish  # type: ignore[operator]
    assert screen.header.finish.value.text() == format_date(preview.schedule.finish)
    assert "what-if, not saved" in screen.header.title.text()
    assert panel.keep_button.isEnabled() and panel.reset_button.isEnabled()


def test_nothing_is_saved_until_keep_this(
    window: MainWindow, qtbot: QtBot, db: Database, today: date
) -> None:
    before = _everything(db)
    screen = _open(window, qtbot)
    panel = screen.what_if
    panel.hours_slider.setValue(panel.hours_slider.value() + 10)
    panel.aim.setChecked(True)
    panel.target_slider.setValue(panel.target_slider.value() + 30)
    panel.days[4].setChecked(True)
    panel.days[0].setChecked(False)
    qtbot.waitUntil(lambda: panel.keep_button.isEnabled())
    qtbot.mouseClick(screen.what_if_button, Qt.MouseButton.LeftButton)  # closed: not kept
    assert _everything(db) == before
    assert "what-if" not in screen.header.title.text()


def test_keep_this_saves_settings_and_a_baseline(
    window: MainWindow, qtbot: QtBot, db: Database, today: date
) -> None:
    screen = _open(window, qtbot)
    panel = screen.what_if
    panel.aim.setChecked(True)
    panel.target.setDate(panel.target.date().addDays(-30))
    panel.days[6].setChecked(True)  # Sundays too
    panel.hours.setValue(14.0)
    panel.flush()
    shown = screen.header.finish.value.text()
    with qtbot.waitSignal(screen.plan_changed) as changed:
        qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    assert changed.args == [PLAN_CHANGES]
    kept = active_plan(db, today)
    assert kept is not None
    assert [b.number for b in kept.baselines] == [1, 2]
    assert kept.settings.weekly_minutes is None and kept.settings.target is not None
    assert kept.settings.availability.weekly_minutes == 14 * 60
    assert kept.settings.availability.minutes[6] > 0
    assert screen.header.finish.value.text() == shown == format_date(kept.schedule.finish)
    assert screen.history.model.rowCount() == 2
    qtbot.waitUntil(lambda: not panel.keep_button.isEnabled())  # what shows is saved now
    assert "what-if" in screen.header.title.text()  # still trying, on the kept plan
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert not screen.what_if.isVisible() and not screen.what_if_button.isChecked()
    assert "what-if" not in screen.header.title.text()


def test_reset_returns_to_the_saved_plan(window: MainWindow, qtbot: QtBot) -> None:
    screen = _open(window, qtbot)
    panel = screen.what_if
    saved = screen.plan()
    assert saved is not None
    first_finish = screen.header.finish.value.text()
    panel.hours.setValue(4.0)
    panel.days[5].setChecked(False)
    panel.flush()
    assert screen.header.finish.value.text() != first_finish
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    panel.flush()
    assert panel.hours.value() == 10.0
    assert [box.isChecked() for box in panel.days] == [m > 0 for m in WEEK]
    assert not panel.aim.isChecked()
    assert screen.header.finish.value.text() == first_finish
    assert screen.timeline.rows()[0].start == saved.schedule.modules[0].start
    assert not panel.keep_button.isEnabled() and not panel.reset_button.isEnabled()


def test_no_weekday_gives_a_clear_verdict(window: MainWindow, qtbot: QtBot) -> None:
    screen = _open(window, qtbot)
    panel = screen.what_if
    for box in [b for b in panel.days if b.isChecked()]:
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert not any(box.isChecked() for box in panel.days)
    panel.flush()
    assert screen.header.status_word.text() == "Cannot be scheduled"
    assert "no study time" in screen.header.verdict.text()
    assert screen.header.finish.value.text() == format_date(None)
    assert panel.problems.isVisible() and "weekday" in panel.problems.text()
    assert not panel.keep_button.isEnabled()
    panel.aim.setChecked(True)  # with a target too
    panel.flush()
    assert screen.header.status_word.text() == "Cannot be scheduled"
    panel.days[2].setChecked(True)  # a day back: the saved hours come back with it
    panel.flush()
    assert panel.hours.value() > 0 and screen.header.finish.value.text() != format_date(None)


def test_a_change_reads_nothing_from_the_database(
    window: MainWindow, qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _open(window, qtbot)
    panel = screen.what_if
    opened: list[str] = []
    for name in ("read", "transaction"):
        real = getattr(Database, name)

        def counted(self: Database, *args: object, _real: Any = real, _name: str = name) -> Any:
            opened.append(_name)
            return _real(self, *args)

        monkeypatch.setattr(Database, name, counted)
    for change in (
        lambda: panel.hours_slider.setValue(panel.hours_slider.value() + 3),
        lambda: panel.aim.setChecked(True),
        lambda: panel.target_slider.setValue(panel.target_slider.value() + 20),
        lambda: panel.days[4].setChecked(True),
    ):
        change()
        panel.flush()  # the re-plan and the screen's update, here and now
    assert opened == []
    assert "what-if" in screen.header.title.text()
    screen.refresh()  # a re-read, by contrast, is counted
    assert opened


def test_a_drag_replans_once_per_turn_of_the_event_loop(window: MainWindow, qtbot: QtBot) -> None:
    screen = _open(window, qtbot)
    panel = screen.what_if
    before = panel.replans
    for step in range(1, 30):
        panel.hours_slider.setValue(panel.hours_slider.value() + 1)
        panel.target_slider.setValue(step)
    assert panel.replans == before  # nothing yet: all waits for the event loop
    qtbot.waitUntil(lambda: panel.replans == before + 1)
    QApplication.processEvents()
    assert panel.replans == before + 1


def test_the_what_if_is_named_and_reachable(window: MainWindow, qtbot: QtBot) -> None:
    screen = _open(window, qtbot)
    findings = Findings()
    findings.audit("Plan with the what-if", screen)
    assert not (findings.unnamed or findings.unfocusable or findings.out_of_order), (
        findings.report()
    )
    assert screen.what_if.hours_slider.hasFocus()  # opening it goes to its first control


def test_a_re_read_keeps_the_what_if_tried(
    window: MainWindow, qtbot: QtBot, db: Database, today: date
) -> None:
    """A save elsewhere (here a session logged while the Dashboard shows) re-reads the plan: the
    what-if stays open and is tried on the plan as re-read, still unsaved."""
    from studyplanner.services.changes import SESSION_CHANGES
    from studyplanner.services.study_log import log_session

    screen = _open(window, qtbot)
    panel = screen.what_if
    panel.hours.setValue(6.0)
    panel.flush()
    window.show_screen(0)
    plan = screen.plan()
    assert plan is not None
    log_session(db, plan.track.modules[0].id, today, 120, "", today)
    window.routing.route(SESSION_CHANGES)
    window.show_screen(1)
    replans = panel.replans
    qtbot.waitUntil(lambda: screen.plan() is not plan and panel.replans > replans)
    assert "what-if" in screen.header.title.text()
    assert panel.hours.value() == 6.0 and panel.keep_button.isEnabled()
    assert len(active_plan(db, today).baselines) == 1  # type: ignore[union-attr]
