"""Data another program wrote into the database (issue 11, item 2): a baseline whose verdict
cannot be read, a credential whose code the rule book does not know and a setting nested far too
deeply. Every screen of the main window is built and shows them (the verdict as unknown, to
re-plan), instead of crashing the start."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from pytestqt.qtbot import QtBot

from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as creds
from studyplanner.services.database import Database
from studyplanner.ui.window.main_window import MainWindow


def test_every_screen_is_built_with_foreign_data_in_the_database(
    qtbot: QtBot, db: Database, today: date, create_cpc_plan: Callable[[Database, date], None]
) -> None:
    create_cpc_plan(db, today)
    cpc = creds.add_credential(db, "CPC", date(2025, 3, 10), today)
    creds.add_credential(db, "CCS", date(2024, 5, 1), today)
    activity = acts.ActivityInput(date(2026, 5, 1), "Webinar", Decimal("1"), "coding")
    acts.add_activity(db, activity, [(cpc.current.id, Decimal("1"))], today)
    with sqlite3.connect(db.path) as conn:
        conn.execute("UPDATE baselines SET verdict_json = '{}'")
        conn.execute("UPDATE credentials SET code = 'ZZZ' WHERE label = 'CPC'")
        conn.execute(
            "INSERT OR REPLACE INTO app_settings VALUES ('app', ?)", ("[" * 50_000 + "]" * 50_000,)
        )
    window = MainWindow(db, lambda: today + timedelta(days=3))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for row in range(window.stack.count()):
        assert window.show_screen(row) is not None
    verdict = window.plan_screen.header.verdict.text()
    assert "cannot be read" in verdict and "Re-plan" in verdict
    screen = window.credentials_screen
    assert not screen.unknown.isHidden()
    assert screen.unknown.text().startswith("CPC (ZZZ, AAPC): unknown credential.")
