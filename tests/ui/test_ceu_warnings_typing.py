"""The CEU dialog's rules warnings come from records read once when it opens: typing never
waits on the database, and the warnings appear once typing pauses."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot
from sqlalchemy import event

from studyplanner.bundled import rule_book
from studyplanner.services import credentials as service
from studyplanner.services.database import Database
from studyplanner.ui.credentials.activity_dialog import ActivityDialog
from studyplanner.ui.credentials.credentials_screen import CredentialsScreen


def test_typing_in_the_ceu_dialog_reads_nothing_from_the_database(
    qtbot: QtBot, db: Database, today: date
) -> None:
    service.add_credential(db, "CPC", date(2025, 4, 10), today, renewal_on=date(2027, 3, 31))
    screen = CredentialsScreen(db, lambda: today)
    qtbot.addWidget(screen)
    warnings_for = screen._warnings_for(None)  # what log_activity hands the dialog
    dialog = ActivityDialog(
        rule_book(), service.ceu_statuses(db, today), today, warnings_for=warnings_for
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    (cpc,) = dialog.cycle_checks
    dialog.cycle_checks[cpc].setChecked(True)
    qtbot.keyClicks(dialog.title, "E/M auditing webinar")
    qtbot.keyClicks(dialog.units.lineEdit(), "5")
    dialog.day.setDate(dialog.day.date().addYears(-3))  # before CPC was earned
    qtbot.waitUntil(lambda: dialog.warning_row.isVisible())
    assert "before" in dialog.warnings.text()
    assert statements == []
