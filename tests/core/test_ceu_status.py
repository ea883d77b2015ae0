"""The CEU status engine on hand-made cases with exact figures (shipped rule book, explicit today).

Domain facts: /work/shared/domain/FACTS.md sections 1.1 (AAPC) and 1.2 (AHIMA).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from studyplanner.bundled import rule_book
from studyplanner.core.ceu_reasons import english
from studyplanner.core.ceu_status import (
    ActivityOutcome,
    Allocation,
    CeuActivity,
    CeuStatus,
    CredentialStatus,
    HeldCycle,
    RuleCheck,
    allocation_warnings,
    credential_statuses,
)

BOOK = rule_book()
AAPC = BOOK.bodies["AAPC"]
AHIMA = BOOK.bodies["AHIMA"]
LONG_AGO = date(2015, 1, 1)

# A two-year AAPC cycle (730 days) ...
START, END = date(2025, 1, 1), date(2026, 12, 31)
# ... an AAPC cycle ending in a renewal month (June 2026) and the cycle after it ...
ENDING = (date(2024, 7, 1), date(2026, 6, 30))
NEXT = (date(2026, 7, 1), date(2028, 6, 30))
# ... and an AHIMA cycle: exam passed 2025-03-15, two years less a day.
AH_START, AH_END = date(2025, 3, 15), date(2027, 3, 14)


def D(value: str | int | Decimal) -> Decimal:
    return Decimal(str(value))


def held(
    cycle_id: int,
    code: str,
    span: tuple[date, date] = (START, END),
    *,
    earned_on: date = LONG_AGO,
    label: str | None = None,
    required: str | None = None,
    quota: str | None = None,
    credential_id: int | None = None,
) -> HeldCycle:
    return HeldCycle(
        credential_id=cycle_id if credential_id is None else credential_id,
        code=code,
        label=label or code,
        earned_on=earned_on,
        cycle_id=cycle_id,
        start=span[0],
        end=span[1],
        required_override=None if required is None else D(required),
        quota_override=None if quota is None else D(quota),
    )


def act(
    activity_id: int,
    day: date,
    units: str | int,
    category: str = "coding",
    *,
    ahima: bool = False,
    provider: str = "",
) -> CeuActivity:
    return CeuActivity(activity_id, day, D(units), category, ahima, provider)


def alloc(activity_id: int, cycle_id: int, units: str | int | Decimal) -> Allocation:
    return Allocation(activity_id, cycle_id, D(units))


def run(
    cycles: list[HeldCycle],
    activities: list[CeuActivity],
    allocations: list[Allocation],
    today: date,
) -> dict[int, CredentialStatus]:
    """Statuses keyed by cycle id (one per cycle given)."""
    result = credential_statuses(BOOK, cycles, activities, allocations, today)
    assert len(result) == len(cycles)
    return {s.cycle_id: s for s in result}


def check(status: CredentialStatus, check_id: str) -> RuleCheck:
    return next(c for c in status.checks if c.id == check_id)


def failed_ids(status: CredentialStatus) -> tuple[str, ...]:
    return tuple(c.id for c in status.failed_checks)


def outcome(status: CredentialStatus, activity_id: int) -> ActivityOutcome:
    return next(o for o in status.activities if o.activity_id == activity_id)


# --------------------------------------------------------------------------------------------
# AAPC totals and quotas


@pytest.mark.parametrize(
    ("codes", "required"),
    [
        (["CPC"], 36),
        (["CPC", "COC"], 40),
        (["CPC", "COC", "CIC"], 44),
        (["CPC", "COC", "CIC", "CRC"], 48),
        (["CPC", "COC", "CIC", "CRC", "CPB"], 52),
        (["CPC", "COC", "CIC", "CRC", "CPB", "CPPM"], 52),
        (["CPC", "COC", "CIC", "CRC", "CPB", "CPPM", "CDEO", "CPCO"], 52),
    ],
    ids=lambda v: str(len(v)) if isinstance(v, list) else str(v),
)
def test_aapc_total_is_set_by_the_number_of_credentials_held(
    codes: list[str], required: int
) -> None:
    cycles = [held(i, code) for i, code in enumerate(codes, start=1)]
    statuses = run(cycles, [], [], date(2025, 2, 1))
    for s in statuses.values():
        assert s.required == D(required)
        assert s.remaining == D(required)
        assert s.earned == 0
        assert not s.required_from_user
        assert s.pool == tuple(sorted(codes))
        assert check(s, "total").required == D(required)


def test_two_specialty_credentials_of_the_same_template_count_as_two() -> None:
    cycles = [
        held(1, "CPC"),
        held(2, "SPECIALTY", label="CEMC"),
        held(3, "SPECIALTY", label="CGSC"),
    ]
    statuses = run(cycles, [], [], date(2025, 2, 1))
    assert {s.required for s in statuses.values()} == {D(44)}
    assert statuses[2].label == "CEMC"
    assert check(statuses[2], "quota").required == D(8)
    assert check(statuses[2], "quota").label == "8 specialty-specific CEUs for CEMC"


def test_aapc_credentials_with_different_cycle_ends_are_separate_pools() -> None:
    cycles = [held(1, "CPC"), held(2, "COC", (START, date(2027, 6, 30)))]
    statuses = run(cycles, [], [], date(2025, 2, 1))
    assert statuses[1].required == D(36) and statuses[1].pool == ("CPC",)
    assert statuses[2].required == D(36) and statuses[2].pool == ("COC",)


def test_cpma_quota_unmet_while_the_total_is_met() -> None:
    today = date(2026, 6, 1)  # 213 days left of 730
    cycles = [held(1, "CPC"), held(2, "CPMA")]
    activities = [act(1, date(2025, 5, 10), 40, "coding")]
    statuses = run(cycles, activities, [alloc(1, 1, 40)], today)
    cpc, cpma = statuses[1], statuses[2]

    assert cpc.required == cpma.required == D(40)
    assert cpc.earned == cpma.earned == D(40)
    assert cpc.status is CeuStatus.COMPLETE
    assert cpc.failed_checks == ()
    assert [c.id for c in cpc.checks] == ["total"]

    assert cpma.status is not CeuStatus.COMPLETE
    assert cpma.status is CeuStatus.AT_RISK  # 0 of 16 with 71 % of the cycle gone
    assert failed_ids(cpma) == ("quota",)
    quota = check(cpma, "quota")
    assert (quota.required, quota.earned, quota.met) == (D(16), D(0), False)
    assert quota.label == "16 auditing CEUs for CPMA"
    assert check(cpma, "total").met
    assert cpma.remaining == 16  # the total is met; the quota's 16 are what is still needed
    # 16 CEUs over 214 days (213 left plus today) = 7.03 months: 2.28 a month, rounded up.
    assert cpma.pace_per_month == D("2.3")


def test_cpma_quota_met_by_auditing_ceus_inside_the_total() -> None:
    cycles = [held(1, "CPC"), held(2, "CPMA")]
    activities = [act(1, date(2025, 5, 10), 24, "coding"), act(2, date(2025, 6, 1), 16, "auditing")]
    allocations = [alloc(1, 1, 24), alloc(2, 2, 16)]
    statuses = run(cycles, activities, allocations, date(2026, 6, 1))
    assert statuses[1].earned == statuses[2].earned == D(40)
    assert check(statuses[2], "quota").earned == D(16)
    assert statuses[1].status is statuses[2].status is CeuStatus.COMPLETE
    assert statuses[2].pace_per_month is None


def test_auditing_ceus_applied_to_cpc_only_still_fill_the_pooled_cpma_quota() -> None:
    """The pool's auditing CEUs count toward CPMA's quota wherever they were ticked: AAPC
    counts the member's CEUs once, in one total, and each quota from them."""
    cycles = [held(1, "CPC"), held(2, "CPMA")]
    activities = [act(1, date(2025, 6, 1), 40, "auditing")]
    statuses = run(cycles, activities, [alloc(1, 1, 40)], date(2026, 6, 1))
    assert statuses[2].earned == D(40)
    assert check(statuses[2], "quota").earned == 40
    assert failed_ids(statuses[2]) == () and statuses[2].remaining == 0


def test_activity_applied_to_cpc_and_cpma_counts_once_and_toward_the_quota() -> None:
    cycles = [held(1, "CPC"), held(2, "CPMA")]
    activities = [act(1, date(2025, 6, 1), 2, "auditing")]
    statuses = run(cycles, activities, [alloc(1, 1, 2), alloc(1, 2, 2)], date(2025, 7, 1))
    for s in statuses.values():
        assert s.earned == D(2)
        assert s.remaining == D(38)
        o = outcome(s, 1)
        assert (o.applied, o.counted, o.reason) == (D(2), D(2), None)
    assert check(statuses[2], "quota").earned == D(2)


def test_quota_counts_only_the_part_of_an_activity_in_the_quota_category() -> None:
    cycles = [held(1, "CPC"), held(2, "CPMA")]
    activities = [
        act(1, date(2025, 6, 1), 10, "auditing"),
        act(2, date(2025, 6, 2), 10, "compliance"),
    ]
    allocations = [alloc(1, 2, 6), alloc(2, 2, 10)]
    statuses = run(cycles, activities, allocations, date(2025, 7, 1))
    assert statuses[2].earned == D(16)
    assert check(statuses[2], "quota").earned == D(6)


def test_user_quota_figure_replaces_the_rule() -> None:
    cycles = [held(1, "CPMA", quota="8")]
    activities = [act(1, date(2025, 6, 1), 8, "auditing"), act(2, date(2025, 6, 2), 28)]
    statuses = run(cycles, activities, [alloc(1, 1, 8), alloc(2, 1, 28)], date(2025, 7, 1))
    quota = check(statuses[1], "quota")
    assert (quota.required, quota.earned, quota.met) == (D(8), D(8), True)
    assert statuses[1].status is CeuStatus.COMPLETE


@pytest.mark.parametrize(
    ("provider", "counts"),
    [
        ("ZHealth Publishing", True),
        ("medlearn publishing (webinar)", True),
        ("Medical Asset Management", True),
        ("Another Vendor", False),
        ("", False),
    ],
)
def test_circc_quota_counts_only_the_contracted_vendors(provider: str, counts: bool) -> None:
    category = "interventional_radiology_cardiovascular"
    cycles = [held(1, "CIRCC")]
    activities = [act(1, date(2025, 6, 1), 16, category, provider=provider)]
    statuses = run(cycles, activities, [alloc(1, 1, 16)], date(2025, 7, 1))
    assert statuses[1].earned == D(16)  # the total takes any approved CEU
    assert check(statuses[1], "quota").earned == (D(16) if counts else 0)


# --------------------------------------------------------------------------------------------
# What counts: certification date, cycle dates, renewal month


def test_activity_before_the_certification_date_does_not_count() -> None:
    earned_on = date(2025, 9, 15)
    cycles = [held(1, "CPC", (earned_on, date(2026, 6, 30)), earned_on=earned_on)]
    activities = [act(1, date(2025, 9, 14), 2), act(2, earned_on, 3)]
    statuses = run(cycles, activities, [alloc(1, 1, 2), alloc(2, 1, 3)], date(2025, 10, 1))
    s = statuses[1]
    assert s.earned == D(3)
    before = outcome(s, 1)
    assert (before.applied, before.counted) == (D(2), D(0))
    assert before.reason == "completed before CPC was earned (2025-09-15)"
    assert outcome(s, 2).reason is None and outcome(s, 2).counted == D(3)


def test_certification_date_check_applies_in_the_renewal_month_too() -> None:
    # Earned mid-June 2026; the new cycle starts 1 July: June CEUs before 15 June never count.
    earned_on = date(2026, 6, 15)
    cycles = [held(1, "CPC", NEXT, earned_on=earned_on)]
    activities = [act(1, date(2026, 6, 10), 2), act(2, date(2026, 6, 20), 3)]
    statuses = run(cycles, activities, [alloc(1, 1, 2), alloc(2, 1, 3)], date(2026, 7, 2))
    assert statuses[1].earned == D(3)
    assert outcome(statuses[1], 1).reason == "completed before CPC was earned (2026-06-15)"


@pytest.mark.parametrize(
    ("day", "counts"),
    [
        (date(2024, 5, 31), False),  # before the cycle and before its renewal month
        (date(2024, 6, 1), True),  # renewal month of the previous cycle
        (date(2024, 7, 1), True),  # first day
        (date(2026, 6, 30), True),  # last day
        (date(2026, 7, 1), False),  # the day after
        (date(2027, 1, 15), False),
    ],
)
def test_activity_outside_the_cycle_does_not_count(day: date, counts: bool) -> None:
    cycles = [held(1, "CPC", ENDING)]
    statuses = run(cycles, [act(1, day, 4)], [alloc(1, 1, 4)], date(2026, 8, 1))
    o = outcome(statuses[1], 1)
    if counts:
        assert (o.counted, o.reason, statuses[1].earned) == (D(4), None, D(4))
    else:
        assert (o.counted, statuses[1].earned) == (D(0), D(0))
        assert o.reason == "completed outside the cycle 2024-07-01 to 2026-06-30"


def _renewal_month_case(targets: list[int]) -> dict[int, CredentialStatus]:
    cycles = [held(2, "CPC", NEXT), held(1, "CPC", ENDING)]  # order given does not matter
    activities = [act(1, date(2026, 6, 20), 3)]
    return run(cycles, activities, [alloc(1, t, 3) for t in targets], date(2026, 6, 25))


def test_renewal_month_activity_counts_in_the_ending_cycle() -> None:
    statuses = _renewal_month_case([1])
    assert statuses[1].earned == D(3)
    assert statuses[2].earned == 0


def test_renewal_month_activity_counts_in_the_next_cycle() -> None:
    statuses = _renewal_month_case([2])
    assert statuses[1].earned == 0
    assert statuses[2].earned == D(3)
    assert outcome(statuses[2], 1).reason is None


def test_renewal_month_activity_applied_to_both_cycles_counts_once() -> None:
    statuses = _renewal_month_case([1, 2])
    assert statuses[1].earned == D(3)
    assert outcome(statuses[1], 1).reason is None
    assert statuses[2].earned == 0
    second = outcome(statuses[2], 1)
    assert (second.applied, second.counted) == (D(3), D(0))
    assert second.reason == "already counted in the cycle ending 2026-06-30"


def test_activity_before_the_renewal_month_does_not_count_in_the_next_cycle() -> None:
    cycles = [held(1, "CPC", NEXT)]
    statuses = run(cycles, [act(1, date(2026, 5, 31), 3)], [alloc(1, 1, 3)], date(2026, 7, 2))
    assert statuses[1].earned == 0
    assert outcome(statuses[1], 1).reason == "completed outside the cycle 2026-07-01 to 2028-06-30"


def test_ahima_has_no_renewal_month_overlap() -> None:
    span = (date(2027, 3, 15), date(2029, 3, 14))
    cycles = [held(1, "CCS", span)]
    statuses = run(cycles, [act(1, date(2027, 3, 1), 3)], [alloc(1, 1, 3)], date(2027, 4, 1))
    assert statuses[1].earned == 0
    assert outcome(statuses[1], 1).reason == "completed outside the cycle 2027-03-15 to 2029-03-14"


def test_allocation_larger_than_the_activity_counts_the_activity_only() -> None:
    cycles = [held(1, "CPC")]
    statuses = run(cycles, [act(1, date(2025, 6, 1), 3)], [alloc(1, 1, 5)], date(2025, 7, 1))
    o = outcome(statuses[1], 1)
    assert (o.applied, o.counted, o.reason) == (D(5), D(3), None)
    assert statuses[1].earned == D(3)


def test_allocation_of_an_unknown_activity_is_ignored() -> None:
    cycles = [held(1, "CPC")]
    statuses = run(cycles, [act(1, date(2025, 6, 1), 3)], [alloc(9, 1, 5)], date(2025, 7, 1))
    assert statuses[1].earned == 0
    assert statuses[1].activities == ()


def test_activity_split_across_two_bodies_counts_its_part_in_each() -> None:
    cycles = [held(1, "CPC"), held(2, "CCS", (AH_START, AH_END))]
    activities = [act(1, date(2025, 6, 1), 3)]
    statuses = run(cycles, activities, [alloc(1, 1, 2), alloc(1, 2, 1)], date(2025, 7, 1))
    assert statuses[1].earned == D(2)
    assert statuses[2].earned == D(1)
    assert outcome(statuses[1], 1).counted == D(2)
    assert outcome(statuses[2], 1).counted == D(1)
    assert statuses[1].remaining == D(34)
    assert statuses[2].remaining == D(19)


def test_whole_activity_may_count_for_each_body() -> None:
    cycles = [held(1, "CPC"), held(2, "CCS", (AH_START, AH_END))]
    activities = [act(1, date(2025, 6, 1), 3)]
    statuses = run(cycles, activities, [alloc(1, 1, 3), alloc(1, 2, 3)], date(2025, 7, 1))
    assert statuses[1].earned == statuses[2].earned == D(3)


# --------------------------------------------------------------------------------------------
# The user's figures


def test_prorated_first_cycle_needs_the_users_figure() -> None:
    earned_on = date(2025, 9, 15)
    span = (earned_on, date(2026, 6, 30))
    activities = [act(1, date(2025, 10, 1), 20)]
    today = date(2025, 11, 1)

    without = run([held(1, "CPC", span, earned_on=earned_on)], activities, [alloc(1, 1, 20)], today)
    s = without[1]
    assert s.needs_user_figure is True
    assert s.required_from_user is False
    assert s.required == D(36)
    assert s.remaining == D(16)

    with_figure = run(
        [held(1, "CPC", span, earned_on=earned_on, required="24")],
        activities,
        [alloc(1, 1, 20)],
        today,
    )
    s = with_figure[1]
    assert s.needs_user_figure is False
    assert s.required_from_user is True
    assert s.required == D(24)
    assert check(s, "total").required == D(24)
    assert check(s, "total").label == "24 CEUs in the cycle"
    assert s.remaining == D(4)


def test_later_cycle_needs_no_user_figure() -> None:
    statuses = run([held(1, "CPC", NEXT, earned_on=date(2020, 3, 1))], [], [], date(2026, 8, 1))
    assert statuses[1].needs_user_figure is False


def test_ahima_first_cycle_needs_no_user_figure() -> None:
    cycles = [held(1, "CCS", (AH_START, AH_END), earned_on=AH_START)]
    statuses = run(cycles, [], [], date(2025, 4, 1))
    assert statuses[1].needs_user_figure is False
    assert statuses[1].required == D(20)


def test_user_required_figure_wins_for_the_whole_pool() -> None:
    cycles = [held(1, "CPC", required="30"), held(2, "COC")]
    statuses = run(cycles, [], [], date(2025, 2, 1))
    for s in statuses.values():
        assert s.required == D(30)
        assert s.required_from_user is True


# --------------------------------------------------------------------------------------------
# AHIMA totals and shares


@pytest.mark.parametrize(
    ("codes", "required"),
    [
        (["CCS"], 20),
        (["RHIA"], 30),
        (["CCS", "RHIT"], 30),
        (["CCS", "CCS-P"], 30),
        (["RHIT", "CHPS"], 40),
        (["RHIA", "CDIP"], 40),
        (["RHIA", "CCS", "CCS-P"], 50),
        (["RHIA", "CDIP", "CHPS"], 50),
        (["RHIA", "CDIP", "CHPS", "CHDA"], 50),
        (["RHIA", "CCS", "CCS-P", "CCA"], 50),
        (["RHIA", "RHIT"], 30),
        (["RHIA", "RHIT", "CCS"], 40),
    ],
    ids=lambda v: "+".join(v) if isinstance(v, list) else str(v),
)
def test_ahima_total_highest_plus_ten_per_additional_capped(
    codes: list[str], required: int
) -> None:
    cycles = [held(i, code, (AH_START, AH_END)) for i, code in enumerate(codes, start=1)]
    statuses = run(cycles, [], [], date(2025, 4, 1))
    assert {s.required for s in statuses.values()} == {D(required)}
    assert {s.pool for s in statuses.values()} == {tuple(sorted(codes))}


def _rhia(
    activities: list[CeuActivity],
    span: tuple[date, date] = (AH_START, AH_END),
    required: str | None = None,
) -> CredentialStatus:
    cycles = [held(1, "RHIA", span, required=required)]
    allocations = [alloc(a.id, 1, a.units) for a in activities]
    return run(cycles, activities, allocations, date(2026, 9, 1))[1]


def test_ahima_shares_are_measured_against_the_required_total() -> None:
    s = _rhia([])
    assert [c.id for c in s.checks] == ["total", "hiim-domains", "ahima-sourced"]
    hiim, sourced = check(s, "hiim-domains"), check(s, "ahima-sourced")
    assert hiim.required == D(24)
    assert hiim.label == "80 % in the health-information (HIIM) domains (24 CEUs)"
    assert sourced.required == D(12)
    assert sourced.label == "40 % from AHIMA or its state associations (12 CEUs)"


def test_ahima_shares_both_met() -> None:
    s = _rhia(
        [
            act(1, date(2025, 5, 1), 12, "coding", ahima=True),
            act(2, date(2025, 6, 1), 12, "hiim_other"),
            act(3, date(2025, 7, 1), 6, "outside_hiim"),
        ]
    )
    assert s.earned == D(30)
    assert (check(s, "hiim-domains").earned, check(s, "ahima-sourced").earned) == (D(24), D(12))
    assert s.failed_checks == ()
    assert s.status is CeuStatus.COMPLETE


def test_hiim_share_fails_when_too_much_is_outside_the_domains() -> None:
    s = _rhia(
        [
            act(1, date(2025, 5, 1), 12, "coding", ahima=True),
            act(2, date(2025, 6, 1), 11, "hiim_other"),
            act(3, date(2025, 7, 1), 7, "outside_hiim"),
        ]
    )
    assert s.earned == D(30)
    assert check(s, "total").met
    assert failed_ids(s) == ("hiim-domains",)
    assert check(s, "hiim-domains").earned == D(23)
    assert s.status is not CeuStatus.COMPLETE
    assert s.remaining == 1  # 24 of the 30 must be in the HIIM domains: one more is needed


def test_unknown_category_is_not_in_the_hiim_domains() -> None:
    s = _rhia(
        [
            act(1, date(2025, 5, 1), 12, "coding", ahima=True),
            act(2, date(2025, 6, 1), 18, "my_own_category"),
        ]
    )
    assert check(s, "hiim-domains").earned == D(12)
    assert failed_ids(s) == ("hiim-domains",)


def test_ahima_sourced_share_fails_and_passes() -> None:
    failing = _rhia(
        [
            act(1, date(2025, 5, 1), 11, "coding", ahima=True),
            act(2, date(2025, 6, 1), 19, "coding"),
        ]
    )
    assert failed_ids(failing) == ("ahima-sourced",)
    assert check(failing, "ahima-sourced").earned == D(11)
    passing = _rhia(
        [
            act(1, date(2025, 5, 1), 12, "coding", ahima=True),
            act(2, date(2025, 6, 1), 18, "coding"),
        ]
    )
    assert passing.failed_checks == ()
    assert passing.status is CeuStatus.COMPLETE


def test_ahima_sourced_share_applies_only_to_cycles_ending_from_2025() -> None:
    activities = [act(1, date(2023, 5, 1), 30, "coding")]
    old = _rhia(activities, (date(2023, 1, 1), date(2024, 12, 31)))
    assert [c.id for c in old.checks] == ["total", "hiim-domains"]
    assert old.status is CeuStatus.COMPLETE
    first = _rhia(activities, (date(2023, 1, 2), date(2025, 1, 1)))
    assert [c.id for c in first.checks] == ["total", "hiim-domains", "ahima-sourced"]
    assert failed_ids(first) == ("ahima-sourced",)


def test_shares_follow_the_users_required_figure_rounded_up_to_the_cent() -> None:
    s = _rhia([], required="20.01")
    assert check(s, "hiim-domains").required == D("16.01")  # 16.008
    assert check(s, "ahima-sourced").required == D("8.01")  # 8.004
    s = _rhia([], required="25")
    assert check(s, "hiim-domains").required == D(20)
    assert check(s, "ahima-sourced").required == D(10)


def test_aapc_has_no_shares() -> None:
    statuses = run([held(1, "CPC")], [], [], date(2025, 2, 1))
    assert [c.id for c in statuses[1].checks] == ["total"]


# --------------------------------------------------------------------------------------------
# Statuses, pace, days left and the body's dates


def _cpc_with(earned: int, today: date) -> CredentialStatus:
    activities = [act(1, date(2025, 3, 1), earned)] if earned else []
    allocations = [alloc(1, 1, earned)] if earned else []
    return run([held(1, "CPC")], activities, allocations, today)[1]


@pytest.mark.parametrize(
    ("earned", "today", "status", "pace", "days_left"),
    [
        # Half-way (day 365 of 730): the even pace is 18; 90 days of slack is 4.44 CEUs.
        (18, date(2025, 12, 31), CeuStatus.ON_TRACK, "1.5", 365),
        (14, date(2025, 12, 31), CeuStatus.ON_TRACK, "1.9", 365),
        (13, date(2025, 12, 31), CeuStatus.AT_RISK, "2.0", 365),  # well behind even pace
        # 36 over 730 days is 1.501 a month: rounded up to the next tenth.
        (0, date(2025, 1, 1), CeuStatus.ON_TRACK, "1.6", 729),
        # 91 days left is still on track; 90 or fewer with CEUs missing is at risk.
        (35, date(2026, 10, 1), CeuStatus.ON_TRACK, "0.4", 91),
        (35, date(2026, 10, 2), CeuStatus.AT_RISK, "0.4", 90),
        (35, date(2026, 12, 31), CeuStatus.AT_RISK, "30.5", 0),
        (36, date(2025, 6, 1), CeuStatus.COMPLETE, None, 578),
        (40, date(2026, 12, 31), CeuStatus.COMPLETE, None, 0),
        (36, date(2027, 2, 1), CeuStatus.COMPLETE, None, -32),
        (10, date(2027, 1, 1), CeuStatus.OVERDUE, None, -1),
    ],
)
def test_status_pace_and_days_left(
    earned: int, today: date, status: CeuStatus, pace: str | None, days_left: int
) -> None:
    s = _cpc_with(earned, today)
    assert s.status is status
    assert s.pace_per_month == (None if pace is None else D(pace))
    assert s.days_left == days_left
    assert s.remaining == max(D(36) - earned, D(0))


def test_cycle_not_started_yet_is_on_track() -> None:
    s = _cpc_with(0, date(2024, 11, 1))
    assert s.status is CeuStatus.ON_TRACK
    assert s.days_left == 790


def test_aapc_overdue_has_grace_and_lapse_dates() -> None:
    s = _cpc_with(10, date(2027, 1, 1))
    assert s.status is CeuStatus.OVERDUE
    assert s.grace_ends == date(2027, 1, 30)  # 30 days after 2026-12-31
    assert s.lapses_on == date(2027, 3, 31)  # 90 days after
    assert s.submission_opens == date(2026, 12, 1)  # 30 days before the end


def test_aapc_dates_when_not_overdue() -> None:
    s = _cpc_with(10, date(2026, 1, 1))
    assert s.grace_ends is None and s.lapses_on is None
    assert s.submission_opens == date(2026, 12, 1)
    done = _cpc_with(36, date(2027, 6, 1))
    assert done.status is CeuStatus.COMPLETE
    assert done.grace_ends is None and done.lapses_on is None


def test_ahima_overdue_has_no_grace_and_lapses_after_180_days() -> None:
    cycles = [held(1, "CCS", (AH_START, AH_END))]
    s = run(cycles, [], [], date(2027, 3, 15))[1]
    assert s.status is CeuStatus.OVERDUE
    assert s.days_left == -1
    assert s.grace_ends is None
    assert s.lapses_on == date(2027, 9, 10)  # 2027-03-14 + 180 days
    assert s.submission_opens is None
    assert s.pace_per_month is None


def test_ahima_share_missing_near_the_end_is_at_risk() -> None:
    cycles = [held(1, "CCS", (AH_START, AH_END))]
    activities = [act(1, date(2025, 5, 1), 20, "coding")]
    s = run(cycles, activities, [alloc(1, 1, 20)], date(2027, 1, 1))[1]
    assert failed_ids(s) == ("ahima-sourced",)
    assert s.status is CeuStatus.AT_RISK
    assert s.days_left == 72
    # 8 AHIMA-sourced CEUs over 73 days (2.40 months): 3.34 a month, rounded up.
    assert s.pace_per_month == D("3.4")


def test_statuses_are_ordered_by_body_end_and_label() -> None:
    cycles = [
        held(1, "CCS", (AH_START, AH_END)),
        held(2, "COC"),
        held(3, "CPC", ENDING),
        held(4, "CPB"),
        held(5, "CCA", (date(2024, 1, 1), date(2025, 12, 31))),
    ]
    result = credential_statuses(BOOK, cycles, [], [], date(2025, 2, 1))
    assert [s.cycle_id for s in result] == [3, 2, 4, 5, 1]
    assert [s.body for s in result] == ["AAPC"] * 3 + ["AHIMA"] * 2


def test_status_echoes_the_cycle() -> None:
    h = HeldCycle(7, "CPC", "My CPC", LONG_AGO, 70, START, END, closed=True)
    s = credential_statuses(BOOK, [h], [], [], date(2025, 2, 1))[0]
    assert (s.credential_id, s.cycle_id, s.code, s.label, s.body) == (
        7,
        70,
        "CPC",
        "My CPC",
        "AAPC",
    )
    assert (s.cycle_start, s.cycle_end, s.closed) == (START, END, True)
    assert s.pool == ("My CPC",)


# --------------------------------------------------------------------------------------------
# allocation_warnings: one activity's applications judged together


def _warn(
    cycles: list[HeldCycle],
    activities: list[CeuActivity],
    others: list[Allocation],
    new: Allocation | list[Allocation],
    today: date = date(2026, 6, 25),
) -> list[str]:
    wanted = new if isinstance(new, list) else [new]
    return [english(w) for w in allocation_warnings(BOOK, cycles, activities, others, wanted,
                                                    today)]  # fmt: skip


def test_no_warning_for_a_plain_allocation() -> None:
    assert _warn([held(1, "CPC")], [act(1, date(2025, 6, 1), 2)], [], alloc(1, 1, 2)) == []


def test_warning_outside_the_cycle() -> None:
    warnings = _warn([held(1, "CPC")], [act(1, date(2024, 11, 30), 2)], [], alloc(1, 1, 2))
    assert warnings == [
        "It will not count for CPC: completed outside the cycle 2025-01-01 to 2026-12-31."
    ]


def test_warning_before_the_certification_date() -> None:
    earned_on = date(2025, 9, 15)
    cycles = [held(1, "CPC", (earned_on, date(2026, 6, 30)), earned_on=earned_on, label="My CPC")]
    warnings = _warn(cycles, [act(1, date(2025, 9, 1), 2)], [], alloc(1, 1, 2))
    assert warnings == [
        "It will not count for My CPC: completed before My CPC was earned (2025-09-15)."
    ]


def test_warning_already_used_in_another_cycle() -> None:
    cycles = [held(1, "CPC", ENDING), held(2, "CPC", NEXT)]
    activities = [act(1, date(2026, 6, 20), 3), act(2, date(2026, 6, 1), 1)]
    warnings = _warn(cycles, activities, [alloc(1, 1, 3)], alloc(1, 2, 3))
    assert warnings == [
        "It will not count for CPC: already counted in the cycle ending 2026-06-30."
    ]


def test_an_auditing_activity_applied_to_cpc_and_cpma_warns_of_nothing() -> None:
    """Issue 12: CPC + CPMA with 36 of 40 earned, 10 auditing CEUs applied to both. The total
    grows by 10 (to 46) and CPMA's 16 auditing CEUs are still unmet: nothing to warn of, and
    what remains is the quota's 6, not 0."""
    cycles = [held(1, "CPC"), held(2, "CPMA")]
    activities = [act(1, date(2025, 5, 1), 36), act(2, date(2025, 6, 1), 10, "auditing")]
    others = [alloc(1, 1, 36)]
    both = [alloc(2, 1, 10), alloc(2, 2, 10)]
    assert _warn(cycles, activities, others, both) == []
    statuses = run(cycles, activities, [*others, *both], date(2026, 6, 25))
    assert statuses[1].earned == Decimal(46)
    cpma = statuses[2]
    assert [(c.id, c.earned, c.met) for c in cpma.checks] == [
        ("total", Decimal(46), True), ("quota", Decimal(10), False)
    ]  # fmt: skip
    assert cpma.remaining == Decimal(6) and cpma.status is not CeuStatus.COMPLETE


def test_warning_no_carry_over_when_every_requirement_is_met() -> None:
    activities = [act(1, date(2025, 6, 1), 36), act(2, date(2025, 7, 1), 2)]
    warnings = _warn([held(1, "CPC")], activities, [alloc(1, 1, 36)], alloc(2, 1, 2))
    assert warnings == [
        "CPC's cycle already meets every requirement; extra CEUs do not carry over to the "
        "next cycle."
    ]


def test_warning_when_it_helps_nothing_still_missing() -> None:
    """The total is met but CPMA's auditing quota is not: a coding CEU does not help."""
    cycles = [held(1, "CPC"), held(2, "CPMA")]
    activities = [act(1, date(2025, 6, 1), 40), act(2, date(2025, 7, 1), 2)]
    warnings = _warn(cycles, activities, [alloc(1, 1, 40)], alloc(2, 1, 2))
    assert warnings == [
        "It does not help with what CPC and CPMA's cycle still needs (16 auditing CEUs for "
        "CPMA); extra CEUs do not carry over."
    ]


def test_changing_an_existing_allocation_is_not_counted_twice() -> None:
    cycles = [held(1, "CPC")]
    activities = [act(1, date(2025, 6, 1), 4)]
    assert _warn(cycles, activities, [], alloc(1, 1, 4)) == []


def test_no_warnings_for_an_unknown_cycle() -> None:
    assert _warn([held(1, "CPC")], [act(1, date(2025, 6, 1), 2)], [], alloc(1, 99, 2)) == []
