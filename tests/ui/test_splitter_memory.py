"""The divider the user moved on the Credentials screen is where they left it next time."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.services import credentials as service
from studyplanner.services.database import Database
from studyplanner.ui.credentials.credentials_screen import CredentialsScreen


def _screen(qtbot: QtBot, db: Database, today: date) -> CredentialsScreen:
    widget = CredentialsScreen(db, lambda: today)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_moved_divider_is_restored_in_the_next_window(
    qtbot: QtBot, db: Database, today: date
) -> None:
    service.add_credential(db, "CPC", date(2025, 4, 10), today, renewal_on=date(2027, 3, 31))
    first = _screen(qtbot, db, today)
    qtbot.waitUntil(lambda: sum(first.splitter.sizes()) > 0)
    total = sum(first.splitter.sizes())
    first.splitter.moveSplitter(total // 4, 1)  # the user drags the divider up
    moved = first.splitter.sizes()
    assert abs(moved[0] - total // 4) <= 2
    first.close()

    second = _screen(qtbot, db, today)
    qtbot.waitUntil(lambda: sum(second.splitter.sizes()) > 0)
    # its own fitting (cards get what they need, run once the layout settles) leaves the
    # user's choice alone
    qtbot.waitUntil(lambda: abs(second.splitter.sizes()[0] - moved[0]) <= 2)
    QApplication.processEvents()  # the deferred fit (a zero timer) has run
    assert abs(second.splitter.sizes()[0] - moved[0]) <= 2
