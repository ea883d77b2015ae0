"""Plan date checks around 29 February: the latest sensible date is ten years ahead, on 28 February
when today is a leap day (it used to raise ValueError)."""

from __future__ import annotations

from datetime import date

import pytest

from studyplanner.core.validation import check_plan_dates

LEAP_DAY = date(2028, 2, 29)


@pytest.mark.parametrize("replanning", [False, True])
def test_a_plan_starting_on_a_leap_day_passes(replanning: bool) -> None:
    assert check_plan_dates(LEAP_DAY, None, 9 * 60, LEAP_DAY, replanning=replanning) == []
    assert check_plan_dates(LEAP_DAY, date(2029, 2, 28), None, LEAP_DAY) == []


@pytest.mark.parametrize(
    ("start", "target", "fields"),
    [
        (date(2038, 2, 28), None, []),
        (date(2038, 3, 1), None, ["start"]),
        (LEAP_DAY, date(2038, 2, 28), []),
        (LEAP_DAY, date(2038, 3, 1), ["target"]),
    ],
)
def test_ten_years_from_a_leap_day_end_on_28_february(
    start: date, target: date | None, fields: list[str]
) -> None:
    weekly = None if target else 9 * 60
    problems = check_plan_dates(start, target, weekly, LEAP_DAY)
    assert [p.field for p in problems] == fields
    assert all("2038" in p.message for p in problems)
