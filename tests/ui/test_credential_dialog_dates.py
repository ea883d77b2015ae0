"""The credential dialog on 29 February: its checks used to raise ValueError (ten years ahead of a
leap day); the latest cycle end is now 28 February ten years on."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from studyplanner.bundled import rule_book
from studyplanner.ui.credentials.credential_dialog import CredentialDialog
from studyplanner.ui.shared.formatting import qdate

LEAP_DAY = date(2028, 2, 29)


@pytest.fixture
def dialog(qtbot: QtBot) -> CredentialDialog:
    dialog = CredentialDialog(rule_book(), [], LEAP_DAY, code="CPC", earned_on=date(2027, 1, 10))
    qtbot.addWidget(dialog)
    return dialog


def test_the_suggested_cycle_ends_on_the_29_february_renewal(dialog: CredentialDialog) -> None:
    dialog.renewal.setDate(qdate(date(2024, 2, 29)))
    assert (dialog.value().cycle_start, dialog.value().cycle_end) == (
        date(2027, 1, 10),
        LEAP_DAY,
    )
    assert [p.field for p in dialog.problems() if p.field in ("start", "end")] == []


@pytest.mark.parametrize(("end", "refused"), [(date(2038, 2, 28), False), (date(2038, 3, 1), True)])
def test_a_cycle_may_end_up_to_ten_years_after_a_leap_day(
    dialog: CredentialDialog, end: date, refused: bool
) -> None:
    dialog.start.setDate(qdate(date(2036, 3, 1)))
    dialog.end.setDate(qdate(end))
    assert ("end" in [p.field for p in dialog.problems()]) is refused
