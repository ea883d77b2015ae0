"""Which CEU cycle a credential is in, from what the user knows.

Most people entering a credential have held it for years: their cycle is the one that contains
today, not the one that followed their exam. The bodies' rules (rules.json, FACTS.md):

- **Membership expiration date** (AAPC): CEUs are due every `cycle_years` on the membership
  expiration date, in years of the month's parity (a June member reports in even years). The
  cycle is the one ending on the first such date on or after today; it started the day after
  the one before. Without a membership date, cycles are counted from the date earned (and the
  reason says so: the user should give the date).
- **Exam pass date** (AHIMA): cycles of `cycle_years` from the day the exam was passed, each
  starting the day after the last ended (see calendar_steps.cycle_end for 29 February).
- **Shared**: a body whose credentials share one cycle puts a newly added credential in the
  user's open cycle with that body.
- A credential earned inside the cycle found is in its **first cycle** (pro-rated: the user
  enters the figure where the body says so); one earned before it starts the cycle in full. No
  history before the current cycle is invented.

The user can always correct the dates (the body's records win): this only proposes, and says
why (`CycleChoice.reason` with its values; the words are the caller's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from studyplanner.core.calendar_steps import anniversary_in, cycle_end
from studyplanner.core.ceu_rules import BodyRules

MEMBERSHIP_ANCHOR = "membership_expiration_date"


class CycleReason(StrEnum):
    SHARED = "shared"
    """It joins the user's open cycle with the same body."""
    RENEWAL_DATE = "renewal_date"
    """Every `cycle_years` on the membership expiration date, in years of its month's parity."""
    PASS_DATE = "pass_date"
    """Cycles of `cycle_years` from the date earned (the exam pass date)."""
    NO_RENEWAL_DATE = "no_renewal_date"
    """The body counts from the membership date, which the user has not given: cycles are
    counted from the date earned until they do."""


@dataclass(frozen=True, slots=True)
class CycleChoice:
    start: date
    end: date
    reason: CycleReason
    first_cycle: bool
    """Earned inside this cycle: the body's first, possibly pro-rated, requirement."""
    cycle_number: int
    """1 for the cycle that followed the exam, 2 for the one after it... (0 when shared or
    counted from a membership date, where the number is not known)."""


def current_cycle(
    body: BodyRules,
    earned_on: date,
    renewal_on: date | None,
    today: date,
    shared: tuple[date, date] | None = None,
) -> CycleChoice:
    """The cycle of a credential earned on `earned_on` that contains `today` (or, for one
    earned today, the one it starts). `shared` is the user's open cycle with the body, if its
    credentials share one and it has not ended."""
    day = max(today, earned_on)
    if shared is not None and shared[1] >= day and shared[1] > earned_on:
        start = max(earned_on, shared[0])
        return CycleChoice(start, shared[1], CycleReason.SHARED, earned_on >= shared[0], 0)
    if body.cycle_anchor == MEMBERSHIP_ANCHOR and renewal_on is not None:
        end = renewal_due_on_or_after(body, renewal_on, day, after=earned_on)
        previous_due = anniversary_in(renewal_on, end.year - body.cycle_years)
        if earned_on >= previous_due:  # earned inside this cycle (or on the day before it)
            return CycleChoice(earned_on, end, CycleReason.RENEWAL_DATE, True, 0)
        start = previous_due + timedelta(days=1)
        return CycleChoice(start, end, CycleReason.RENEWAL_DATE, False, 0)
    reason = (
        CycleReason.NO_RENEWAL_DATE
        if body.cycle_anchor == MEMBERSHIP_ANCHOR
        else CycleReason.PASS_DATE
    )
    start, end, number = earned_on, cycle_end(earned_on, body.cycle_years), 1
    while end < day:
        start = end + timedelta(days=1)
        end, number = cycle_end(start, body.cycle_years), number + 1
    return CycleChoice(start, end, reason, number == 1, number)


def renewal_due_on_or_after(
    body: BodyRules, renewal_on: date, day: date, *, after: date | None = None
) -> date:
    """The first date CEUs are due on or after `day` (and strictly after `after`): the
    membership date's anniversary in a year of its month's parity (29 February: 28 February in
    common years)."""
    year = day.year - 1
    while True:
        due = anniversary_in(renewal_on, year)
        if (
            due >= day
            and (after is None or due > after)
            and (body.cycle_years != 2 or year % 2 == renewal_on.month % 2)
        ):
            return due
        year += 1


def next_cycle(body: BodyRules, end: date, renewal_on: date | None = None) -> tuple[date, date]:
    """The cycle after one ending on `end`: it starts the next day and ends on the next due
    date (membership bodies with a date) or `cycle_years` later."""
    start = end + timedelta(days=1)
    if body.cycle_anchor == MEMBERSHIP_ANCHOR and renewal_on is not None:
        return start, renewal_due_on_or_after(body, renewal_on, start, after=end)
    return start, cycle_end(start, body.cycle_years)
