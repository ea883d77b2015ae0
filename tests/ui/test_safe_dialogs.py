"""Destructive and irreversible steps ask first, safely: the button names the verb, Cancel is the
default (Enter and Escape change nothing), and the question states the consequence."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from studyplanner.services import ceu_activities as acts
from studyplanner.services import credentials as service
from studyplanner.services.database import Database
from studyplanner.ui.credentials import credentials_screen as cs
from studyplanner.ui.settings.backups_panel import ConfirmRestore
from studyplanner.ui.shared.plain_text import confirm


def _answer(qtbot: QtBot, act: object) -> list[QMessageBox]:
    """When the question shows, look at it and answer with `act(box)` (a key or a click)."""
    seen: list[QMessageBox] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(box)
        act(box)  # type: ignore[operator]

    QTimer.singleShot(0, answer)
    return seen


def _button(box: QMessageBox, text: str) -> QPushButton:
    return next(b for b in box.findChildren(QPushButton) if b.text() == text)


@pytest.mark.allow_modals
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_enter_or_escape_by_habit_changes_nothing(qtbot: QtBot, key: Qt.Key) -> None:
    seen = _answer(qtbot, lambda box: qtbot.keyClick(box, key))
    answer = confirm(None, "Restore this backup?", "Your data will be replaced.", "Restore backup")
    assert answer is False
    box = seen[0]
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert [b.text() for b in box.buttons() if b.text() == "Restore backup"] == ["Restore backup"]


@pytest.mark.allow_modals
def test_the_named_verb_does_it(qtbot: QtBot) -> None:
    _answer(qtbot, lambda box: _button(box, "Close cycle").click())
    assert confirm(None, "Close cycle", "Close it?", "Close cycle") is True


@pytest.mark.allow_modals
def test_restore_asks_with_its_verb(qtbot: QtBot) -> None:
    seen = _answer(qtbot, lambda box: _button(box, "Restore backup").click())
    assert ConfirmRestore.ask(None, "1 December 2026, 09:30", "1 plan, 3 sessions")  # type: ignore[arg-type]
    assert "1 plan, 3 sessions" in seen[0].text()


def test_close_cycle_says_what_is_missing_and_how_long_is_left(
    qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    cpc = service.add_credential(db, "CPC", date(2025, 4, 10), today, renewal_on=date(2027, 3, 31))
    data = acts.ActivityInput(date(2026, 6, 1), "Webinar", Decimal("21.5"), "coding")
    acts.add_activity(db, data, [(cpc.current.id, Decimal("21.5"))], today)
    screen = cs.CredentialsScreen(db, lambda: today, now=lambda: datetime(2026, 11, 27, 9, 30))
    qtbot.addWidget(screen)
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(cs, "confirm", lambda parent, title, text, verb: asked.append(
        (text, verb)) or False)  # fmt: skip
    status = next(s for s in service.ceu_statuses(db, today) if s.label == "CPC")
    assert screen.close_cycle(status.credential_id) is None  # cancelled: nothing closed
    text, verb = asked[0]
    assert verb == "Close cycle"
    assert f"{status.remaining} CEUs are still missing" in text
    assert f"The cycle ends in {status.days_left} days" in text
    assert not next(c for c in service.list_credentials(db) if c.label == "CPC").current.closed_on


def test_the_ceu_dialog_says_nothing_wrong_before_an_edit_and_never_moves(
    qtbot: QtBot, db: Database, today: date
) -> None:
    from studyplanner.bundled import rule_book
    from studyplanner.ui.credentials.activity_dialog import ActivityDialog

    service.add_credential(db, "CPC", date(2025, 4, 10), today, renewal_on=date(2027, 3, 31))
    dialog = ActivityDialog(rule_book(), service.ceu_statuses(db, today), today)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not any(label.isVisible() for label in dialog.problem_labels().values())
    assert not dialog.ok_button.isEnabled()  # still nothing to save
    below = dialog.units.mapTo(dialog, dialog.units.rect().topLeft())
    qtbot.keyClicks(dialog.title, "Webinar")
    dialog.title.clear()  # typed, then emptied: now it is a mistake, said under the field
    assert dialog.title_problem.isVisible() and dialog.title_problem.text()
    assert dialog.units.mapTo(dialog, dialog.units.rect().topLeft()) == below  # nothing moved


def test_the_rules_warnings_appear_without_moving_the_buttons(
    qtbot: QtBot, db: Database, today: date
) -> None:
    """What the rules make of the activity shows above the buttons in a line kept for it: the
    Log activity button stays under the pointer when a warning comes or goes."""
    from studyplanner.bundled import rule_book
    from studyplanner.core.ceu_reasons import AllocationWarning, WarningCode
    from studyplanner.ui.credentials.activity_dialog import ActivityDialog

    def warnings_for(data: acts.ActivityInput, _allocations: object) -> list[AllocationWarning]:
        return [AllocationWarning(WarningCode.ALREADY_MET, pool=("CPC",))] if data.units > 5 else []

    service.add_credential(db, "CPC", date(2025, 4, 10), today, renewal_on=date(2027, 3, 31))
    dialog = ActivityDialog(
        rule_book(), service.ceu_statuses(db, today), today, warnings_for=warnings_for
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.title, "Webinar")

    def where() -> tuple[object, ...]:
        QApplication.processEvents()
        ok = dialog.ok_button
        return ok.mapTo(dialog, ok.rect().topLeft()), dialog.size()

    before = where()
    assert not dialog.warning_row.isVisible()
    dialog.units.setValue(6)
    qtbot.waitUntil(lambda: dialog.warning_row.isVisible() and bool(dialog.warnings.text()))
    assert where() == before
    dialog.units.setValue(2)
    qtbot.waitUntil(lambda: not dialog.warning_row.isVisible())
    assert where() == before


def test_the_ceu_dialog_keeps_short_fields_short(qtbot: QtBot, db: Database, today: date) -> None:
    """A date and a number are not as wide as the title."""
    from studyplanner.bundled import rule_book
    from studyplanner.ui.credentials.activity_dialog import ActivityDialog

    dialog = ActivityDialog(rule_book(), [], today)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.units.width() < dialog.title.width() / 2
    assert dialog.day.width() < dialog.title.width()
