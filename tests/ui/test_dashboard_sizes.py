"""The Dashboard at every size: no sideways scrolling at 1024x600 (the cards reflow into one
column), a long module title elided to one line with the full text in its tooltip, and the
Practice exams card only as tall as what it says."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.core.model import Availability
from studyplanner.services import credentials as creds
from studyplanner.services.database import Database
from studyplanner.services.plans import create_plan
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.ui.dashboard.dashboard_cards import TodayCard
from studyplanner.ui.dashboard.dashboard_screen import DashboardScreen
from studyplanner.ui.window.main_window import MainWindow

LONG_TITLE = (
    "Evaluation and management services for established outpatients including "
    "prolonged services, care management, transitional care, and the documentation "
    "each level of medical decision making requires (chapter 12)"
)


def _plan(db: Database, today: date) -> None:
    start = today - timedelta(days=3)
    settings = PlanSettings(start=start, availability=Availability((90,) * 7), weekly_minutes=630)
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), start)
    creds.add_credential(
        db, "CPC", date(2024, 12, 17), today, cycle_start=date(2024, 12, 17),
        cycle_end=today + timedelta(days=5), required=Decimal(36),
    )  # fmt: skip


@pytest.fixture(params=[1.0, 1.25], ids=["100%", "125% text"])
def text_scale(request: pytest.FixtureRequest) -> Iterator[float]:
    """The application's font as set, or a quarter larger (a larger system font or scaling)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    larger = QFont(font)
    larger.setPointSizeF(font.pointSizeF() * request.param)
    app.setFont(larger)
    yield request.param
    app.setFont(font)


def test_no_sideways_scrolling_at_1024x600(
    qtbot: QtBot, db: Database, today: date, text_scale: float
) -> None:
    _plan(db, today)
    window = MainWindow(db, lambda: today)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    dashboard = window.dashboard
    assert dashboard.build_reminders() is not None
    snapshot = dashboard.snapshot()
    assert snapshot is not None and snapshot.today_blocks  # a block with its three buttons
    scroll = dashboard.scroll_area
    qtbot.waitUntil(lambda: scroll.widget().width() <= scroll.viewport().width())
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.horizontalScrollBar().maximum() == 0
    # the headline and the most urgent deadline are above the fold
    top = dashboard.headline.mapTo(scroll.viewport(), dashboard.headline.rect().bottomLeft())
    assert top.y() <= scroll.viewport().height()
    assert dashboard.headline.deadline.isVisibleTo(dashboard)


def test_a_long_module_title_is_elided_to_one_line_with_a_tooltip(qtbot: QtBot) -> None:
    title = (LONG_TITLE + " ") * 2
    assert len(title) >= 200
    card = TodayCard()
    qtbot.addWidget(card)
    card.resize(600, 300)
    card.show()
    qtbot.waitExposed(card)
    card.show_blocks(date(2026, 11, 27), ((1, title, 90),))
    label = card.titles[0]
    qtbot.waitUntil(lambda: label.isVisible() and label.width() < card.width())
    assert label.is_elided() and label.text() == title  # painted cut, its text whole
    qtbot.waitUntil(lambda: title.strip() in label.toolTip())
    assert label.accessibleName() == title
    assert label.height() <= 2 * label.fontMetrics().lineSpacing()
    assert label.textFormat() is Qt.TextFormat.PlainText


def test_the_practice_exams_card_is_only_as_tall_as_its_words(
    qtbot: QtBot, db: Database, today: date
) -> None:
    _plan(db, today)
    screen = DashboardScreen(db, lambda: today)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitExposed(screen)
    screen.refresh()
    exams, progress = screen.exams_card, screen.progress_card
    qtbot.waitUntil(lambda: exams.y() == progress.y())  # side by side
    assert exams.height() < progress.height() * 0.85
    assert exams.height() <= exams.sizeHint().height() + 1
