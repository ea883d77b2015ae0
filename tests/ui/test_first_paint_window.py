"""The window painted from kept figures before its database is opened (app start-up): nothing
reads the database until the app opens it after the first paint, and a write made meanwhile by
another program is shown once it is open."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from studyplanner.core.model import Availability
from studyplanner.services import first_paint
from studyplanner.services.database import Database, open_database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.plans import create_plan
from studyplanner.services.progress import log_session, progress
from studyplanner.services.snapshots import NewPlan, PlanSettings
from studyplanner.store.migrate import HEAD_REVISION
from studyplanner.ui.window.main_window import MainWindow
from studyplanner.ui.window.start_up import call_after_first_paint, open_deferred

DAY = date(2026, 12, 3)


def test_a_write_between_the_check_and_the_open_is_shown(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    db = open_database(folder)
    settings = PlanSettings(
        start=date(2026, 9, 7), availability=Availability((60,) * 7), weekly_minutes=420
    )
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"),
                date(2026, 9, 7))  # fmt: skip
    plan = active_plan(db, DAY)
    assert plan is not None
    token = first_paint.token_of(db)
    first_paint.keep(folder, token, progress(db, DAY))
    found = first_paint.kept(folder, token, HEAD_REVISION, DAY)
    assert found is not None and not found.offer_pending
    kept = found.figures
    opened: list[Database] = []

    def opener() -> Database:
        opened.append(open_database(folder))
        return opened[-1]

    deferred = first_paint.DeferredDatabase(folder, opener)
    window = MainWindow(deferred, lambda: DAY, kept_figures=kept)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.check_outside_changes()  # the window coming to the front, before the open
    assert not deferred.is_open  # painted, and nothing read the database
    assert window.dashboard.snapshot() == kept
    log_session(db, plan.track.modules[0].id, DAY, 50, "", DAY)  # the command line, meanwhile
    expected = progress(db, DAY)
    open_deferred(deferred, window, token)
    assert deferred.is_open
    assert window.dashboard.snapshot() == expected
    assert window.dashboard.snapshot() != kept
    # from here on the window's own watch tells outside changes
    log_session(db, plan.track.modules[0].id, DAY, 20, "", DAY)
    window.check_outside_changes()
    assert window.dashboard.snapshot() == progress(db, DAY)
    db.close()
    window.close()
    deferred.close()


def test_a_kept_late_plan_gets_its_catch_up_offer_once_open(qtbot: QtBot, tmp_path: Path) -> None:
    """The headline's fix is not kept; once the database is open the Dashboard reads it, so its
    button previews the fix (and says it in its tooltip) as after a start without kept figures."""
    folder = tmp_path / "data"
    db = open_database(folder)
    start, day = date(2026, 10, 5), date(2026, 11, 27)
    settings = PlanSettings(
        start=start, availability=Availability((90, 90, 90, 90, 0, 240, 0)), weekly_minutes=600
    )
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), start)
    plan = active_plan(db, day)
    assert plan is not None
    log_session(db, plan.track.modules[0].id, day - timedelta(days=2), 60, "", day)
    token = first_paint.token_of(db)
    first_paint.keep(folder, token, progress(db, day))
    found = first_paint.kept(folder, token, HEAD_REVISION, day)
    assert found is not None and found.offer_pending
    deferred = first_paint.DeferredDatabase(folder, lambda: open_database(folder))
    window = MainWindow(deferred, lambda: day, kept_figures=found.figures)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not deferred.is_open
    button = window.dashboard.headline.action_button
    assert button.isVisibleTo(window) and button.toolTip() == ""  # no offer painted
    open_deferred(deferred, window, token, reread=True)
    snapshot = window.dashboard.snapshot()
    assert snapshot is not None and snapshot.catch_up is not None
    assert button.toolTip() != ""  # the fix's own sentence, as without kept figures
    db.close()
    window.close()
    deferred.close()


def test_what_follows_the_first_paint_runs_once_even_without_a_paint(qtbot: QtBot) -> None:
    """A window the desktop keeps out of view is never painted: the database must open all the
    same, and only once when the paint comes after all."""
    from PySide6.QtWidgets import QMainWindow

    calls: list[str] = []
    hidden = QMainWindow()
    qtbot.addWidget(hidden)
    call_after_first_paint(hidden, lambda: calls.append("hidden"), 50)
    qtbot.waitUntil(lambda: calls == ["hidden"], timeout=5_000)
    shown = QMainWindow()
    qtbot.addWidget(shown)
    call_after_first_paint(shown, lambda: calls.append("shown"), 300)
    shown.show()
    qtbot.waitUntil(lambda: "shown" in calls, timeout=5_000)
    qtbot.wait(400)  # past the latest moment: not called a second time
    assert calls == ["hidden", "shown"]
