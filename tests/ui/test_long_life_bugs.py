"""Bugs the long-life test (test_long_life.py) found, each pinned by a small test of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from studyplanner.services.database import Database
from studyplanner.services.progress import log_session, module_statuses
from studyplanner.ui.main_window import STUDY_LOG, MainWindow

CreatePlan = Callable[[Database, date], None]


def test_a_change_elsewhere_does_not_reset_or_resort_the_study_log(
    qtbot: QtBot, db: Database, today: date, create_cpc_plan: CreatePlan
) -> None:
    """Every save anywhere refreshes every screen. The Study log reset its model each time, so
    its sorted proxy sorted every session again and the selection was lost: after a year of
    sessions each click anywhere took a visible moment. The same rows again change nothing."""
    create_cpc_plan(db, today)
    first = module_statuses(db, today)[0]
    for n in range(200):
        day = today - timedelta(days=n % 300)
        log_session(db, first.id, day, 30, f"session {n}", today)
    window = MainWindow(db, lambda: today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    log = window.show_screen(STUDY_LOG)
    log.table.selectRow(5)  # type: ignore[attr-defined]
    chosen = log.selected()  # type: ignore[attr-defined]
    resets: list[int] = []
    log.model.modelReset.connect(lambda: resets.append(1))  # type: ignore[attr-defined]
    window.reload_everything()  # what any save elsewhere, an outside write or a new day does
    assert resets == []
    assert log.selected() == chosen  # type: ignore[attr-defined]
    log_session(db, first.id, today, 45, "a new one", today)
    window.reload_everything()
    assert resets == [1]  # a real change still shows
    assert log.model.rowCount() == 201  # type: ignore[attr-defined]


def test_a_refresh_that_changes_no_figure_does_not_redraw_the_charts(
    qtbot: QtBot, db: Database, today: date, create_cpc_plan: CreatePlan
) -> None:
    """The Dashboard redrew its three charts at every save anywhere (a CEU, a backup): the same
    series again leaves the charts as they are; a new session redraws them."""
    create_cpc_plan(db, today)
    window = MainWindow(db, lambda: today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dashboard = window.dashboard
    dashboard.refresh()
    chart = dashboard.charts.burn_up.chart()
    first = chart.series()[0]
    window.reload_everything()
    assert chart.series()[0] is first  # not drawn again
    log_session(db, module_statuses(db, today)[0].id, today, 45, "", today)
    window.reload_everything()
    assert chart.series()[0] is not first
