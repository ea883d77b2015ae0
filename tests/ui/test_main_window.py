"""The main window ties the screens together: it opens on the Dashboard, builds other screens
when first shown, and a change saved on one screen shows on the others."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget
from pytestqt.qtbot import QtBot

from studyplanner.core.model import Availability
from studyplanner.services.changes import SESSION_CHANGES
from studyplanner.services.database import Database
from studyplanner.services.plans import create_plan
from studyplanner.services.progress import log_session, module_statuses
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.ui.study import session_dialog
from studyplanner.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, db: Database, today: date) -> MainWindow:
    settings = PlanSettings(start=today, availability=Availability((60,) * 7), weekly_minutes=420)
    create_plan(db, NewPlan(settings=settings, template_id="ccs-exam-prep"), today)
    win = MainWindow(db, lambda: today + timedelta(days=3))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_opens_on_the_dashboard_and_builds_screens_when_shown(window: MainWindow) -> None:
    assert window.stack.currentIndex() == 0
    assert window._screens[0] is not None
    assert window._screens[2] is None and window._screens[3] is None
    modules = window.show_screen(2)
    assert window.stack.currentWidget() is modules
    assert window._screens[2] is modules


def test_log_requested_on_the_dashboard_opens_the_study_log(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    module = module_statuses(window._db, today)[0]
    asked: list[int | None] = []

    def answer(*args: object, **kwargs: object) -> None:
        asked.append(kwargs.get("module_id"))  # type: ignore[arg-type]
        return None

    monkeypatch.setattr(session_dialog.SessionDialog, "ask", answer)
    window.dashboard.log_requested.emit(module.id)
    assert window.stack.currentWidget() is window.study_log
    assert asked == [module.id]


def test_a_session_logged_elsewhere_shows_on_the_dashboard(window: MainWindow, today: date) -> None:
    dashboard = window.dashboard
    modules = window.modules_screen
    module = module_statuses(window._db, today)[0]
    log_session(window._db, module.id, today, 50, "", today + timedelta(days=3))
    before = dashboard.grab().toImage()
    modules.data_changed.emit(SESSION_CHANGES)  # what a screen says after it saved a session
    assert dashboard.grab().toImage() != before


def _unnamed_controls(window: MainWindow) -> list[str]:
    """Visible controls that take keyboard focus but have neither an accessible name nor text."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(window):
            continue
        cls = type(widget).__name__
        parent = widget.parent()
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
            continue  # a scroll area's viewport: the scroll area carries the name
        if isinstance(widget, QLabel) and not widget.text():
            continue  # an empty label has nothing to read yet
        if cls in ("QScrollBar", "QTabBar") or (
            cls == "QLineEdit" and widget.parent() is not None and widget.parent().accessibleName()
        ):
            continue
        text = getattr(widget, "text", lambda: "")()
        if not widget.accessibleName() and not text:
            found.append(f"{cls} {widget.objectName()} in {type(widget.parent()).__name__}")
    return found


def test_every_screen_names_its_controls(window: MainWindow) -> None:
    unnamed: list[str] = []
    for row in range(window.sidebar.count()):
        window.show_screen(row)
        unnamed += [f"screen {row}: {name}" for name in _unnamed_controls(window)]
    assert unnamed == []
    assert all(isinstance(window.screen_at(r), QWidget) for r in range(4))


def test_dashboard_charts_follow_right_after_the_first_paint(
    window: MainWindow, qtbot: QtBot
) -> None:
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard._charts is not None)
    qtbot.waitUntil(lambda: dashboard.charts.isVisibleTo(dashboard))
    assert dashboard.charts_card.isVisibleTo(dashboard)
