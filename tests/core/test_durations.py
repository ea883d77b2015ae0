"""The one duration style, in the CLI's English and in the GUI through QLocale."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyplanner.core.durations import WHOLE_HOURS_FROM, duration_parts, english


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, "0 min"),
        (45, "45 min"),
        (60, "1 h"),
        (90, "1 h 30 min"),
        (725, "12 h 5 min"),
        (486, "8 h 6 min"),
        (WHOLE_HOURS_FROM - 1, "99 h 59 min"),
        (WHOLE_HOURS_FROM, "100 h"),
        (164_040, "2,734 h"),
        (164_010, "2,734 h"),  # 2,733 h 30 min rounds half up
        (-5, "0 min"),
    ],
)
def test_english(minutes: int, text: str) -> None:
    assert english(minutes) == text


@given(st.integers(min_value=0, max_value=10_000_000))
def test_parts_are_never_further_than_half_an_hour_from_the_truth(minutes: int) -> None:
    hours, rest = duration_parts(minutes)
    assert 0 <= rest < 60
    assert abs(hours * 60 + rest - minutes) <= 30
    if minutes < WHOLE_HOURS_FROM:
        assert hours * 60 + rest == minutes
