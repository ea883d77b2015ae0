"""Checks of a credential and its cycle as the user gives them, shared by the credential dialog
(messages next to fields) and services/credentials.py (nothing invalid reaches the database).
Each returns problems with a code and values (core/problem_codes.py); it never raises."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from studyplanner.core.calendar_steps import years_later
from studyplanner.core.validation import Problem, problem

EARLIEST_EARNED = date(1970, 1, 1)
LATEST_YEARS_AHEAD = 10
"""A cycle or a renewal date at most this many years after today."""
LONGEST_CYCLE = timedelta(days=3700)
"""A cycle longer than about ten years is a typo."""
MAX_NAME = 40
MAX_CEUS = Decimal(500)


def check_name(name: str | None) -> list[Problem]:
    """A credential's name (None: not being changed)."""
    if name is not None and not 1 <= len(name) <= MAX_NAME:
        return [problem("label", "credential_name")]
    return []


def check_earned(earned_on: date | None, renewal_on: date | None, today: date) -> list[Problem]:
    """The date earned (not in the future) and the membership renewal date (None: not given)."""
    problems = []
    if earned_on is not None and not EARLIEST_EARNED <= earned_on <= today:
        problems.append(problem("earned_on", "credential_earned_range"))
    latest = years_later(today, LATEST_YEARS_AHEAD)
    if renewal_on is not None and not EARLIEST_EARNED <= renewal_on <= latest:
        problems.append(problem("renewal_on", "credential_renewal_range"))
    return problems


def check_cycle(
    start: date | None, end: date | None, earned_on: date | None, today: date
) -> list[Problem]:
    """A cycle's dates: inside 1970 to ten years ahead, ending after it starts, at most about
    ten years long, not starting long before the credential was earned."""
    problems = []
    latest = years_later(today, LATEST_YEARS_AHEAD)
    year = str(latest.year)
    if start is not None and not EARLIEST_EARNED <= start <= latest:
        problems.append(problem("cycle_start", "cycle_start_range", year=year))
    if end is not None and not EARLIEST_EARNED <= end <= latest:
        problems.append(problem("cycle_end", "cycle_end_range", year=year))
    elif start is not None and end is not None and end <= start:
        problems.append(problem("cycle_end", "cycle_reversed"))
    elif end is not None and (start or end) and end - (start or end) > LONGEST_CYCLE:
        problems.append(problem("cycle_end", "cycle_too_long"))
    if start is not None and earned_on is not None and start < earned_on - LONGEST_CYCLE:
        problems.append(problem("cycle_start", "cycle_before_credential"))
    return problems


def check_figure(field: str, value: Decimal | None) -> list[Problem]:
    """The user's own required total or quota (None: the rule's)."""
    if value is not None and (not value.is_finite() or value < 0 or value > MAX_CEUS):
        return [problem(field, "ceus_range")]
    if value is not None and value != value.quantize(Decimal("0.01")):
        return [problem(field, "ceus_decimals")]
    return []


def check_figures(required: Decimal | None, quota: Decimal | None) -> list[Problem]:
    return check_figure("required", required) + check_figure("quota", quota)
