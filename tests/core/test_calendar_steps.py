"""Yearly and monthly steps and anniversaries, above all from and to 29 February."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyplanner.core.calendar_steps import (
    anniversaries,
    anniversary_in,
    months_later,
    next_anniversary,
    years_later,
)

LEAP_DAY = date(2028, 2, 29)
DAYS = st.dates(min_value=date(1970, 1, 1), max_value=date(2090, 12, 31))


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(2028, 2, 29), 1, date(2029, 2, 28)),
        (date(2028, 2, 29), 2, date(2030, 2, 28)),
        (date(2028, 2, 29), 4, date(2032, 2, 29)),  # leap year: the 29th is kept
        (date(2028, 2, 29), 10, date(2038, 2, 28)),
        (date(2028, 2, 29), 12, date(2040, 2, 29)),
        (date(2028, 2, 29), -1, date(2027, 2, 28)),
        (date(2028, 2, 29), -4, date(2024, 2, 29)),
        (date(2027, 2, 28), 1, date(2028, 2, 28)),  # the 28th never becomes the 29th
        (date(2028, 3, 1), -1, date(2027, 3, 1)),
        (date(2026, 12, 31), 2, date(2028, 12, 31)),
        (date(2026, 6, 15), 0, date(2026, 6, 15)),
    ],
)
def test_years_later(day: date, years: int, expected: date) -> None:
    assert years_later(day, years) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2028, 1, 31), 2, date(2028, 3, 31)),  # from the anchor, not via February
        (date(2028, 3, 31), 1, date(2028, 4, 30)),
        (date(2028, 3, 31), -1, date(2028, 2, 29)),
        (date(2027, 3, 31), -1, date(2027, 2, 28)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2028, 2, 29), 48, date(2032, 2, 29)),
        (date(2027, 12, 1), 1, date(2028, 1, 1)),
        (date(2028, 1, 1), -1, date(2027, 12, 1)),
        (date(2027, 11, 1), 3, date(2028, 2, 1)),
        (date(2028, 2, 1), -3, date(2027, 11, 1)),
    ],
)
def test_months_later(day: date, months: int, expected: date) -> None:
    assert months_later(day, months) == expected


@given(DAYS, st.integers(min_value=-8, max_value=8))
def test_a_year_step_keeps_the_month_and_the_day_unless_it_is_29_february(
    day: date, years: int
) -> None:
    later = years_later(day, years)
    assert (later.year, later.month) == (day.year + years, day.month)
    if (day.month, day.day) == (2, 29) and not calendar.isleap(later.year):
        assert later.day == 28
    else:
        assert later.day == day.day


@given(DAYS, st.integers(min_value=-30, max_value=30))
def test_a_month_step_lands_on_the_same_day_or_the_months_last(day: date, months: int) -> None:
    later = months_later(day, months)
    assert later.year * 12 + later.month == day.year * 12 + day.month + months
    last = calendar.monthrange(later.year, later.month)[1]
    assert later.day == min(day.day, last)


@pytest.mark.parametrize(
    ("anchor", "year", "expected"),
    [
        (date(2024, 2, 29), 2025, date(2025, 2, 28)),
        (date(2024, 2, 29), 2028, date(2028, 2, 29)),
        (date(2024, 2, 29), 2020, date(2020, 2, 29)),
        (date(2024, 2, 29), 2023, date(2023, 2, 28)),
        (date(2030, 6, 30), 2026, date(2026, 6, 30)),  # an anchor in the future works too
    ],
)
def test_anniversary_in(anchor: date, year: int, expected: date) -> None:
    assert anniversary_in(anchor, year) == expected


@pytest.mark.parametrize(
    ("anchor", "on_or_after", "expected"),
    [
        (date(2024, 2, 29), date(2025, 2, 28), date(2025, 2, 28)),  # due today
        (date(2024, 2, 29), date(2025, 3, 1), date(2026, 2, 28)),
        (date(2024, 2, 29), date(2027, 3, 1), date(2028, 2, 29)),
        (date(2024, 2, 29), date(2028, 2, 29), date(2028, 2, 29)),
        (date(2025, 2, 28), date(2028, 2, 29), date(2029, 2, 28)),
        (date(2024, 12, 31), date(2026, 12, 31), date(2026, 12, 31)),
        (date(2024, 12, 31), date(2027, 1, 1), date(2027, 12, 31)),
        (date(2031, 3, 1), LEAP_DAY, date(2028, 3, 1)),
    ],
)
def test_next_anniversary(anchor: date, on_or_after: date, expected: date) -> None:
    assert next_anniversary(anchor, on_or_after) == expected


def test_anniversaries_of_29_february_fall_on_the_months_last_day() -> None:
    assert anniversaries(date(2024, 2, 29), date(2024, 1, 1), date(2029, 12, 31)) == [
        date(2024, 2, 29),
        date(2025, 2, 28),
        date(2026, 2, 28),
        date(2027, 2, 28),
        date(2028, 2, 29),
        date(2029, 2, 28),
    ]


def test_anniversaries_include_both_ends_and_nothing_outside() -> None:
    anchor = date(2020, 6, 30)
    assert anniversaries(anchor, date(2026, 6, 30), date(2028, 6, 30)) == [
        date(2026, 6, 30),
        date(2027, 6, 30),
        date(2028, 6, 30),
    ]
    assert anniversaries(anchor, date(2026, 7, 1), date(2027, 6, 29)) == []
    assert anniversaries(anchor, date(2026, 7, 1), date(2026, 6, 30)) == []


@given(
    DAYS,
    st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)),
    st.integers(min_value=0, max_value=3000),
)
def test_the_anniversary_series_agrees_with_the_single_steps(
    anchor: date, first: date, span: int
) -> None:
    last = first + timedelta(days=span)
    series = anniversaries(anchor, first, last)
    expected = [
        day
        for year in range(first.year, last.year + 1)
        if first <= (day := anniversary_in(anchor, year)) <= last
    ]
    assert series == expected
    if series:
        assert series[0] == next_anniversary(anchor, first)
