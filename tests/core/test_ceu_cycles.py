"""Which cycle a credential is in: the one containing today for a credential held for years
(AAPC from the membership expiration date, AHIMA in two-year cycles from the pass date), the
first (pro-rated) one only when it was earned inside it, the shared one when the body's
credentials share a cycle, and 29 February by one rule on both bodies."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyplanner.bundled import rule_book
from studyplanner.core.ceu_cycles import CycleReason, current_cycle, next_cycle

BOOK = rule_book()
AAPC, AHIMA = BOOK.bodies["AAPC"], BOOK.bodies["AHIMA"]


def test_a_cpc_held_since_2019_is_in_the_cycle_containing_today() -> None:
    """The README's example: earned 2019-03-10, membership renewing 30 June (even years)."""
    choice = current_cycle(AAPC, date(2019, 3, 10), date(2027, 6, 30), date(2026, 12, 2))
    assert (choice.start, choice.end) == (date(2026, 7, 1), date(2028, 6, 30))
    assert choice.reason is CycleReason.RENEWAL_DATE and not choice.first_cycle


def test_a_cca_held_since_2022_is_in_its_third_cycle() -> None:
    choice = current_cycle(AHIMA, date(2022, 1, 10), None, date(2026, 12, 2))
    assert (choice.start, choice.end) == (date(2026, 1, 10), date(2028, 1, 9))
    assert choice.reason is CycleReason.PASS_DATE and choice.cycle_number == 3
    assert not choice.first_cycle


@pytest.mark.parametrize(
    ("earned_on", "renewal_on", "end"),
    [
        # Even renewal month (June): the cycle ends in an even year after the earned date.
        (date(2025, 3, 10), date(2025, 6, 30), date(2026, 6, 30)),
        (date(2026, 3, 10), date(2025, 6, 30), date(2026, 6, 30)),
        (date(2026, 6, 30), date(2025, 6, 30), date(2028, 6, 30)),
        (date(2026, 7, 1), date(2019, 6, 30), date(2028, 6, 30)),
        (date(2025, 12, 31), date(2024, 12, 15), date(2026, 12, 15)),
        # Odd renewal month (March): odd years.
        (date(2025, 1, 5), date(2024, 3, 31), date(2025, 3, 31)),
        (date(2025, 4, 1), date(2024, 3, 31), date(2027, 3, 31)),
        (date(2026, 2, 1), date(2024, 3, 31), date(2027, 3, 31)),
        # A renewal date of 29 February falls on the 28th in other years.
        (date(2025, 1, 10), date(2024, 2, 29), date(2026, 2, 28)),
        (date(2027, 1, 10), date(2024, 2, 29), date(2028, 2, 29)),
    ],
)
def test_a_credential_earned_today_starts_its_first_cycle(
    earned_on: date, renewal_on: date, end: date
) -> None:
    choice = current_cycle(AAPC, earned_on, renewal_on, earned_on)
    assert (choice.start, choice.end) == (earned_on, end) and choice.first_cycle
    assert end.year % 2 == renewal_on.month % 2


def test_earned_inside_the_current_cycle_is_the_pro_rated_first_one() -> None:
    choice = current_cycle(AAPC, date(2026, 9, 1), date(2027, 6, 30), date(2026, 12, 2))
    assert (choice.start, choice.end) == (date(2026, 9, 1), date(2028, 6, 30))
    assert choice.first_cycle


def test_the_shared_cycle_takes_a_new_credential_in() -> None:
    shared = (date(2024, 7, 1), date(2026, 6, 30))
    choice = current_cycle(AAPC, date(2025, 9, 15), date(2024, 12, 31), date(2025, 9, 15), shared)
    assert (choice.start, choice.end) == (date(2025, 9, 15), date(2026, 6, 30))
    assert choice.reason is CycleReason.SHARED and choice.first_cycle
    held_long = current_cycle(AHIMA, date(2015, 5, 1), None, date(2025, 9, 15), shared)
    assert (held_long.start, held_long.end) == shared and not held_long.first_cycle


def test_an_ended_shared_cycle_is_not_joined() -> None:
    shared = (date(2023, 7, 1), date(2025, 6, 30))
    choice = current_cycle(AAPC, date(2019, 3, 10), date(2027, 6, 30), date(2025, 9, 1), shared)
    assert choice.reason is CycleReason.RENEWAL_DATE
    assert (choice.start, choice.end) == (date(2024, 7, 1), date(2026, 6, 30))


def test_aapc_without_a_membership_date_counts_from_the_date_earned_and_says_so() -> None:
    choice = current_cycle(AAPC, date(2025, 3, 15), None, date(2025, 3, 15))
    assert (choice.start, choice.end) == (date(2025, 3, 15), date(2027, 3, 14))
    assert choice.reason is CycleReason.NO_RENEWAL_DATE


# -- 29 February ------------------------------------------------------------------------------


def test_ahima_pass_on_29_february_ends_its_cycle_on_28_february() -> None:
    """Not on the 27th like a 28 February pass: a two-year cycle is never a day short."""
    leap = current_cycle(AHIMA, date(2024, 2, 29), None, date(2024, 2, 29))
    day_before = current_cycle(AHIMA, date(2024, 2, 28), None, date(2024, 2, 28))
    assert leap.end == date(2026, 2, 28)
    assert day_before.end == date(2026, 2, 27)
    assert next_cycle(AHIMA, leap.end) == (date(2026, 3, 1), date(2028, 2, 29))


def test_aapc_renewal_on_29_february_is_due_on_the_last_day_of_february() -> None:
    renewal = date(2024, 2, 29)
    first = current_cycle(AAPC, date(2025, 1, 10), renewal, date(2025, 1, 10))
    assert first.end == date(2026, 2, 28)
    assert next_cycle(AAPC, first.end, renewal) == (date(2026, 3, 1), date(2028, 2, 29))
    assert next_cycle(AAPC, date(2028, 2, 29), renewal) == (date(2028, 3, 1), date(2030, 2, 28))


@pytest.mark.parametrize(
    ("body", "end", "renewal", "following"),
    [
        ("AAPC", date(2026, 6, 30), date(2025, 6, 30), (date(2026, 7, 1), date(2028, 6, 30))),
        ("AHIMA", date(2027, 3, 14), None, (date(2027, 3, 15), date(2029, 3, 14))),
        ("AHIMA", date(2028, 2, 29), None, (date(2028, 3, 1), date(2030, 2, 28))),
        ("AAPC", date(2026, 2, 28), None, (date(2026, 3, 1), date(2028, 2, 29))),
    ],
)
def test_next_cycle(
    body: str, end: date, renewal: date | None, following: tuple[date, date]
) -> None:
    assert next_cycle(BOOK.bodies[body], end, renewal) == following


# -- properties -------------------------------------------------------------------------------

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@given(earned=days, later=st.integers(0, 9000), renewal=st.none() | days)
def test_the_cycle_contains_today_lasts_two_years_at_most_and_never_precedes_the_credential(
    earned: date, later: int, renewal: date | None
) -> None:
    today = earned + timedelta(days=later)
    for body in (AAPC, AHIMA):
        choice = current_cycle(body, earned, renewal, today)
        assert choice.start <= today <= choice.end
        assert choice.start >= earned and choice.end > choice.start
        assert (choice.end - choice.start).days <= 2 * 366
        assert choice.first_cycle == (choice.start == earned)


@given(earned=days, later=st.integers(0, 9000))
def test_ahima_cycles_follow_each_other_from_the_pass_date(earned: date, later: int) -> None:
    today = earned + timedelta(days=later)
    choice = current_cycle(AHIMA, earned, None, today)
    start, end = earned, current_cycle(AHIMA, earned, None, earned).end
    for _ in range(choice.cycle_number - 1):
        start, end = next_cycle(AHIMA, end)
    assert (start, end) == (choice.start, choice.end)
