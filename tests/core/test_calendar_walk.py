"""Every day from 2024-01-01 to 2032-12-31 (three 29 Februaries) as today, as the date a
credential was earned, as a membership renewal date and as an exam date, through the cycle
suggestions, the status engine and the reminder engine: nothing raises, and every cycle is as long
as the shipped rules say.

The expected dates come from `same_day_in`, written here with the calendar module, not from the
code under test: a date's month and day in another year, or the month's last day when it is
shorter (the 29 February rule of studyplanner/core/calendar_steps.py).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

import pytest

from studyplanner.bundled import credential_rules, rule_book
from studyplanner.core.ceu_cycles import current_cycle, next_cycle
from studyplanner.core.ceu_status import (
    Allocation,
    CeuActivity,
    CeuStatus,
    CredentialStatus,
    HeldCycle,
    credential_statuses,
)
from studyplanner.core.reminders import (
    Membership,
    PlannedModule,
    Reminder,
    ReminderKind,
    ReminderSettings,
    StudyFacts,
    all_reminders,
)

FIRST, LAST = date(2024, 1, 1), date(2032, 12, 31)
DAYS = [FIRST + timedelta(days=n) for n in range((LAST - FIRST).days + 1)]
BOOK = rule_book()
AAPC, AHIMA = BOOK.bodies["AAPC"], BOOK.bodies["AHIMA"]
CYCLE_YEARS = {body["code"]: body["cycle_years"] for body in credential_rules()["bodies"]}
# Renewal dates and todays where a year step is most likely to go wrong.
TRICKY = (
    date(2024, 2, 29), date(2025, 2, 28), date(2025, 3, 1), date(2024, 12, 31), date(2025, 1, 1),
    date(2028, 2, 29),
)  # fmt: skip
EVERY_LEAD = ReminderSettings(membership_lead_days=366)  # every renewal shows its due date


def same_day_in(day: date, year: int) -> date:
    """`day`'s month and day in `year`, or the last day of the month if it is shorter."""
    return date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def next_same_day(anchor: date, today: date) -> date:
    this_year = same_day_in(anchor, today.year)
    return this_year if this_year >= today else same_day_in(anchor, today.year + 1)


def cycle_last_day(start: date, years: int) -> date:
    """The day before `start`'s anniversary `years` later; a cycle starting on 29 February
    ends on 28 February (never a day short)."""
    anniversary = same_day_in(start, start.year + years)
    if (start.month, start.day) == (2, 29) and anniversary.day == 28:
        return anniversary
    return anniversary - timedelta(days=1)


def cycle_days_allowed(years: int) -> range:
    """A cycle of whole years lasts 365 days a year plus its leap days."""
    return range(365 * years, 365 * years + (years + 3) // 4 + 1)


def test_the_walk_covers_every_day_and_three_leap_days() -> None:
    assert len(DAYS) == 3288
    assert [d for d in DAYS if (d.month, d.day) == (2, 29)] == [
        date(2024, 2, 29), date(2028, 2, 29), date(2032, 2, 29)
    ]  # fmt: skip
    assert CYCLE_YEARS == {"AAPC": 2, "AHIMA": 2}


def test_every_exam_date_starts_an_ahima_cycle_of_the_rules_length() -> None:
    years = CYCLE_YEARS["AHIMA"]
    for exam in DAYS:
        choice = current_cycle(AHIMA, exam, None, exam)
        assert (choice.start, choice.end) == (exam, cycle_last_day(exam, years)), exam
        assert (choice.end - choice.start).days + 1 in cycle_days_allowed(years), exam


def test_every_day_as_earned_and_renewal_date_ends_the_aapc_cycle_on_a_renewal_date() -> None:
    for day in DAYS:
        for earned, renewal in [(day, day), *((day, r) for r in TRICKY),
                                *((e, day) for e in TRICKY)]:  # fmt: skip
            choice = current_cycle(AAPC, earned, renewal, earned)
            start, end = choice.start, choice.end
            assert start == earned < end and choice.first_cycle, (earned, renewal)
            assert end == same_day_in(renewal, end.year), (earned, renewal)
            assert end.year % 2 == renewal.month % 2, (earned, renewal)
            # The first cycle is pro-rated: the same renewal date two years earlier was not
            # after the earned date, so the cycle is at most the rules' length.
            assert same_day_in(renewal, end.year - CYCLE_YEARS["AAPC"]) <= earned, (earned, renewal)
            assert (end - earned).days <= max(cycle_days_allowed(CYCLE_YEARS["AAPC"]))


def test_every_day_as_today_puts_a_credential_held_for_years_in_a_whole_cycle() -> None:
    """Earned long ago: the cycle containing today, of the rules' length, not the first one."""
    earned = date(2015, 6, 1)
    for today in DAYS:
        for body, renewal in ((AAPC, date(2016, 6, 30)), (AAPC, date(2016, 2, 29)),
                              (AHIMA, None)):  # fmt: skip
            choice = current_cycle(body, earned, renewal, today)
            assert choice.start <= today <= choice.end and not choice.first_cycle, today
            length = (choice.end - choice.start).days + 1
            assert length in cycle_days_allowed(CYCLE_YEARS[body.code]), (today, body.code)


@pytest.mark.parametrize("body", ["AAPC", "AHIMA"])
def test_every_cycle_end_is_followed_by_a_cycle_of_the_rules_length(body: str) -> None:
    years = CYCLE_YEARS[body]
    for end in DAYS:
        start, following_end = next_cycle(BOOK.bodies[body], end)
        assert start == end + timedelta(days=1)
        assert following_end == cycle_last_day(start, years), end
        assert (following_end - start).days + 1 in cycle_days_allowed(years), end


def _first_cycles(day: date) -> list[HeldCycle]:
    """A CPC earned on `day` with its renewal date on `day`, and a CCS whose exam was that day."""
    cpc, ccs = current_cycle(AAPC, day, day, day), current_cycle(AHIMA, day, None, day)
    return [
        HeldCycle(1, "CPC", "CPC", day, 11, cpc.start, cpc.end),
        HeldCycle(2, "CCS", "CCS", day, 22, ccs.start, ccs.end),
    ]


def _statuses(cycles: list[HeldCycle], done_on: date, today: date) -> list[CredentialStatus]:
    """One CEU completed on `done_on` applied to every cycle."""
    activity = CeuActivity(1, done_on, Decimal(2), "coding")
    allocations = [Allocation(1, c.cycle_id, Decimal(2)) for c in cycles]
    return credential_statuses(BOOK, cycles, [activity], allocations, today)


def _reminders(day: date, statuses: list[CredentialStatus], today: date) -> list[Reminder]:
    exam = PlannedModule(7, "CPC exam", day, is_exam=True)
    study = StudyFacts(open_modules=(exam,), last_study_day=day - timedelta(days=1))
    return all_reminders(study, statuses, [Membership("AAPC", day)], None, EVERY_LEAD, today)


def test_every_day_as_today_earned_and_exam_date_through_statuses_and_reminders() -> None:
    window = {"AAPC": AAPC.submission_window_days, "AHIMA": AHIMA.submission_window_days}
    for day in DAYS:
        cycles = _first_cycles(day)
        # The first day, the CPC's last day (0 days left) and the day after the CCS's last day.
        for today in (day, cycles[0].end, cycles[1].end + timedelta(days=1)):
            statuses = _statuses(cycles, day, today)
            assert len(statuses) == 2
            for s in statuses:
                assert s.earned == 2 and s.days_left == (s.cycle_end - today).days, (day, today)
                assert (s.status is CeuStatus.OVERDUE) == (today > s.cycle_end), (day, today)
                days_before = window[s.body]
                opens = s.cycle_end - timedelta(days=days_before) if days_before else None
                assert s.submission_opens == opens
            reminders = _reminders(day, statuses, today)
            renewals = {r.due for r in reminders if r.kind is ReminderKind.MEMBERSHIP}
            assert renewals == {next_same_day(day, today)}, (day, today)
            ending = {r.due for r in reminders if r.kind is ReminderKind.CYCLE_END}
            assert ending == {c.end for c in cycles if 0 <= (c.end - today).days <= 7}
            exams = [r.due for r in reminders if r.kind is ReminderKind.EXAM]
            assert exams == ([day] if today == day else []), (day, today)


def test_every_day_as_today_finds_the_next_anniversary_of_each_renewal_date() -> None:
    members = [Membership("AAPC", r) for r in TRICKY]
    for today in DAYS:
        reminders = all_reminders(None, [], members, None, EVERY_LEAD, today)
        assert {r.due for r in reminders} == {next_same_day(r, today) for r in TRICKY}, today


def test_every_day_as_renewal_date_is_due_on_its_next_anniversary() -> None:
    members = [Membership("AAPC", r) for r in DAYS]
    for today in TRICKY:
        reminders = all_reminders(None, [], members, None, EVERY_LEAD, today)
        expected = {next_same_day(r, today) for r in DAYS}
        assert {r.due for r in reminders} == expected, today
        assert all((r.due - today).days <= 366 for r in reminders)
