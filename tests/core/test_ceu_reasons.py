"""The CEU warnings and the reasons an activity does not count are data (codes and values):
the words are the caller's (English here and on the command line, tr() in the GUI)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from studyplanner.bundled import rule_book
from studyplanner.core.ceu_reasons import (
    AllocationWarning,
    NotCounted,
    NotCountedCode,
    WarningCode,
    english,
    not_counted_english,
    warning_values,
)
from studyplanner.core.ceu_status import Allocation, CeuActivity, HeldCycle, allocation_warnings

BOOK = rule_book()
START, END = date(2025, 1, 1), date(2026, 12, 31)
TODAY = date(2026, 6, 25)


def held(cycle_id: int, code: str, earned_on: date = date(2015, 1, 1)) -> HeldCycle:
    return HeldCycle(cycle_id, code, code, earned_on, cycle_id, START, END)


def act(activity_id: int, day: date, units: int, category: str = "coding") -> CeuActivity:
    return CeuActivity(activity_id, day, Decimal(units), category)


def test_outside_the_cycle_is_a_code_with_the_cycle_dates() -> None:
    [warning] = allocation_warnings(BOOK, [held(1, "CPC")], [act(1, date(2024, 11, 30), 2)],
                                    [], [Allocation(1, 1, Decimal(2))], TODAY)  # fmt: skip
    assert warning == AllocationWarning(
        WarningCode.WILL_NOT_COUNT, "CPC", NotCounted(NotCountedCode.OUTSIDE_CYCLE, start=START,
                                                      end=END)
    )  # fmt: skip
    assert warning_values(warning) == {
        "code": "will_not_count", "credential": "CPC",
        "message": "It will not count for CPC: completed outside the cycle 2025-01-01 to "
                   "2026-12-31.",
        "why": {"code": "outside_cycle", "start": "2025-01-01", "end": "2026-12-31"},
    }  # fmt: skip


def test_no_help_names_the_checks_still_missing_as_data() -> None:
    cycles = [held(1, "CPC"), held(2, "CPMA")]
    activities = [act(1, date(2025, 6, 1), 40), act(2, date(2025, 7, 1), 2)]
    [warning] = allocation_warnings(BOOK, cycles, activities, [Allocation(1, 1, Decimal(40))],
                                    [Allocation(2, 1, Decimal(2))], TODAY)  # fmt: skip
    assert warning.code is WarningCode.DOES_NOT_HELP and warning.pool == ("CPC", "CPMA")
    assert [(c.id, c.credential, c.required) for c in warning.missing] == [
        ("quota", "CPMA", Decimal(16))
    ]
    values = warning_values(warning)
    assert values["pool"] == ["CPC", "CPMA"] and values["missing"][0]["code"] == "quota"
    json.dumps(values)  # plain JSON


def test_already_met_carries_the_pool() -> None:
    activities = [act(1, date(2025, 6, 1), 36), act(2, date(2025, 7, 1), 2)]
    [warning] = allocation_warnings(BOOK, [held(1, "CPC")], activities,
                                    [Allocation(1, 1, Decimal(36))],
                                    [Allocation(2, 1, Decimal(2))], TODAY)  # fmt: skip
    assert warning == AllocationWarning(WarningCode.ALREADY_MET, pool=("CPC",))
    assert english(warning).startswith("CPC's cycle already meets every requirement")


def test_an_outcome_keeps_its_english_reason_for_the_audit_packet() -> None:
    from studyplanner.core.ceu_status import credential_statuses

    earned = date(2025, 9, 15)
    [status] = credential_statuses(BOOK, [held(1, "CPC", earned)], [act(1, date(2025, 9, 1), 2)],
                                   [Allocation(1, 1, Decimal(2))], TODAY)  # fmt: skip
    [outcome] = status.activities
    assert outcome.why == NotCounted(NotCountedCode.BEFORE_EARNED, "CPC", earned_on=earned)
    assert outcome.reason == "completed before CPC was earned (2025-09-15)"


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
reasons = st.one_of(
    st.builds(
        NotCounted, st.just(NotCountedCode.BEFORE_EARNED), st.text(min_size=1), earned_on=days
    ),
    st.builds(
        lambda a, n: NotCounted(NotCountedCode.OUTSIDE_CYCLE, start=a, end=a + timedelta(days=n)),
        days,
        st.integers(0, 3650),
    ),
    st.builds(lambda d: NotCounted(NotCountedCode.ALREADY_COUNTED, end=d), days),
)


@given(reasons)
def test_every_reason_is_said_in_english_with_its_dates_and_carried_in_json(
    why: NotCounted,
) -> None:
    warning = AllocationWarning(WarningCode.WILL_NOT_COUNT, "CPC", why)
    text = english(warning)
    assert text.startswith("It will not count for CPC: ") and text.endswith(".")
    assert not_counted_english(why) in text
    for day in (why.earned_on, why.start, why.end):
        if day is not None:
            assert day.isoformat() in text
    values = warning_values(warning)
    assert json.loads(json.dumps(values)) == values
    assert values["why"]["code"] == why.code.value
