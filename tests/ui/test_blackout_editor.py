"""Days off: a period that shares a day with one already listed is refused with the reason (and
the other period named as typed), so the plan never counts a day off twice."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studyplanner.core.model import Blackout
from studyplanner.core.validation import check_blackouts
from studyplanner.ui.plan.blackout_editor import BlackoutEditor
from studyplanner.ui.shared.formatting import qdate

TODAY = date(2026, 11, 27)


def _add(qtbot: QtBot, editor: BlackoutEditor, first: date, last: date, label: str) -> None:
    editor.first.setDate(qdate(first))
    editor.last.setDate(qdate(last))
    editor.label.clear()
    qtbot.keyClicks(editor.label, label)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)


def test_overlapping_days_off_are_refused_with_the_reason(qtbot: QtBot) -> None:
    editor = BlackoutEditor(TODAY)
    qtbot.addWidget(editor)
    editor.show()
    _add(qtbot, editor, date(2026, 12, 21), date(2027, 1, 3), "<b>Winter</b> break")
    with qtbot.assertNotEmitted(editor.changed):
        _add(qtbot, editor, date(2027, 1, 2), date(2027, 1, 6), "Trip")
    assert editor.blackouts() == (
        Blackout(date(2026, 12, 21), date(2027, 1, 3), "<b>Winter</b> break"),
    )
    assert editor.error.isVisible()
    assert "overlap" in editor.error.text()
    assert "(<b>Winter</b> break)" in editor.error.text()  # the label as typed
    assert editor.error.textFormat() == Qt.TextFormat.PlainText
    _add(qtbot, editor, date(2027, 1, 4), date(2027, 1, 6), "Trip")  # the day after: fine
    assert len(editor.blackouts()) == 2
    assert not editor.error.isVisible()


def test_the_rule_holds_for_every_caller() -> None:
    winter = Blackout(date(2026, 12, 21), date(2027, 1, 3))
    assert check_blackouts([winter, Blackout(date(2027, 1, 4), date(2027, 1, 4))]) == []
    problems = check_blackouts([winter, Blackout(date(2027, 1, 3), date(2027, 1, 9))])
    assert [p.field for p in problems] == ["blackouts.1"]
    assert "overlap 2026-12-21 to 2027-01-03" in problems[0].message
