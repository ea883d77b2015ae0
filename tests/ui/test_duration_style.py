"""Every duration in the GUI has one style, in the user's locale digits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from studyplanner.ui.dashboard.dashboard_card import hours_words
from studyplanner.ui.shared.formatting import format_hours
from studyplanner.ui.study.study_log_model import format_minutes


@pytest.fixture
def english_us():
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(45, "45 min"), (360, "6 h"), (90, "1 h 30 min"), (725, "12 h 5 min"), (164_040, "2,734 h")],
)
def test_one_style_in_every_helper(english_us: None, minutes: int, text: str) -> None:
    assert format_hours(minutes) == text
    assert hours_words(minutes) == text
    assert format_minutes(minutes) == text


def test_locale_digits() -> None:
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        assert format_hours(164_040) == "2.734 h"
    finally:
        QLocale.setDefault(before)
