"""Checks of a CEU activity as the user gives it, shared by the activity dialog (messages next
to fields) and services/ceu_activities.py (nothing invalid reaches the database; the service
adds what needs the rules or the disk: the category, the certificate file, the cycles). Each
returns problems with a code and values (core/problem_codes.py); it never raises."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from studyplanner.core.validation import Problem, check_note, problem

EARLIEST_ACTIVITY = date(2000, 1, 1)
MAX_UNITS = Decimal(100)
"""The most CEUs one activity may carry."""
MAX_TITLE = 300
MAX_PROVIDER = 200
MAX_INDEX = 100


def check_units(units: Decimal, field: str = "units") -> list[Problem]:
    """CEUs: a number above zero, at most MAX_UNITS, at most two decimals."""
    if not units.is_finite():
        return [problem(field, "units_not_number")]
    if units <= 0:
        return [problem(field, "units_zero")]
    if units > MAX_UNITS:
        return [problem(field, "units_too_many", limit=str(MAX_UNITS))]
    if units != units.quantize(Decimal("0.01")):
        return [problem(field, "units_decimals")]
    return []


def check_activity(
    completed_on: date,
    title: str,
    provider: str,
    index_number: str,
    note: str,
    units: Decimal,
    today: date,
) -> list[Problem]:
    """The date (from 2000 to today), the texts' lengths, the note, the CEUs."""
    problems = []
    if not EARLIEST_ACTIVITY <= completed_on <= today:
        problems.append(problem("completed_on", "activity_date_range"))
    if not title.strip():
        problems.append(problem("title", "activity_title_missing"))
    elif len(title) > MAX_TITLE:
        problems.append(problem("title", "activity_title_long"))
    if len(provider) > MAX_PROVIDER:
        problems.append(problem("provider", "provider_long"))
    if len(index_number) > MAX_INDEX:
        problems.append(problem("index_number", "index_long"))
    return problems + check_note(note) + check_units(units)
