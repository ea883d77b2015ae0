"""CEU status invariants on random cycles, activities and allocations (hypothesis)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyplanner.bundled import rule_book
from studyplanner.core.ceu_status import (
    Allocation,
    CeuActivity,
    CeuStatus,
    CredentialStatus,
    HeldCycle,
    credential_statuses,
)

BOOK = rule_book()
CODES = sorted(BOOK.credentials)
CATEGORIES = [*sorted(BOOK.categories), "not_a_category"]
PROVIDERS = ["", "ZHealth Publishing", "AHIMA", "Some Vendor"]
BASE = date(2024, 1, 1)
ZERO = Decimal(0)
PROPERTY_SETTINGS = settings(
    deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow]
)


@dataclass(frozen=True)
class Scenario:
    cycles: list[HeldCycle]
    activities: list[CeuActivity]
    allocations: list[Allocation]
    today: date

    def statuses(self) -> list[CredentialStatus]:
        return credential_statuses(BOOK, self.cycles, self.activities, self.allocations, self.today)

    def without(self, activity_id: int) -> Scenario:
        return Scenario(
            self.cycles,
            [a for a in self.activities if a.id != activity_id],
            [a for a in self.allocations if a.activity_id != activity_id],
            self.today,
        )


def hundredths(low: int, high: int) -> st.SearchStrategy[Decimal]:
    """Units as the database stores them: whole hundredths."""
    return st.integers(low, high).map(lambda n: Decimal(n).scaleb(-2))


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    # A few shared end dates so that cycles of one body often form pools.
    ends = draw(st.lists(st.integers(0, 1100), min_size=1, max_size=3))
    cycles = []
    for i in range(1, draw(st.integers(1, 5)) + 1):
        code = draw(st.sampled_from(CODES))
        end = BASE + timedelta(days=draw(st.sampled_from(ends)))
        start = end - timedelta(days=draw(st.integers(20, 800)))
        cycles.append(
            HeldCycle(
                credential_id=i,
                code=code,
                label=f"{code} {i}",
                earned_on=start + timedelta(days=draw(st.integers(-400, 60))),
                cycle_id=100 + i,
                start=start,
                end=end,
                required_override=draw(st.none() | hundredths(0, 6000)),
                quota_override=draw(st.none() | hundredths(0, 2000)),
                closed=draw(st.booleans()),
            )
        )
    activities = [
        CeuActivity(
            id=i,
            completed_on=BASE + timedelta(days=draw(st.integers(-900, 1200))),
            units=draw(hundredths(1, 4000)),
            category=draw(st.sampled_from(CATEGORIES)),
            ahima_sourced=draw(st.booleans()),
            provider=draw(st.sampled_from(PROVIDERS)),
        )
        for i in range(1, draw(st.integers(0, 8)) + 1)
    ]
    allocations: list[Allocation] = []
    if activities:
        pairs = draw(
            st.lists(
                st.tuples(
                    st.sampled_from([a.id for a in activities]),
                    st.sampled_from([c.cycle_id for c in cycles]),
                ),
                unique=True,  # the database keys allocations by (activity, cycle)
                max_size=16,
            )
        )
        allocations = [Allocation(a, c, draw(hundredths(1, 5000))) for a, c in pairs]
    today = BASE + timedelta(days=draw(st.integers(-100, 1300)))
    return Scenario(cycles, activities, allocations, today)


def pools(statuses: list[CredentialStatus]) -> dict[tuple[str, date], list[CredentialStatus]]:
    grouped: dict[tuple[str, date], list[CredentialStatus]] = defaultdict(list)
    for s in statuses:
        grouped[(s.body, s.cycle_end)].append(s)
    return grouped


@PROPERTY_SETTINGS
@given(scenarios())
def test_pool_earned_never_exceeds_the_units_applied_to_it(case: Scenario) -> None:
    statuses = case.statuses()
    assert sorted(s.cycle_id for s in statuses) == sorted(c.cycle_id for c in case.cycles)
    units = {a.id: a.units for a in case.activities}
    all_units = sum(units.values(), ZERO)
    by_body: dict[str, Decimal] = defaultdict(Decimal)
    for (body, _end), members in pools(statuses).items():
        earned = members[0].earned
        assert all(m.earned == earned for m in members)
        assert all(m.required == members[0].required for m in members)
        assert all(m.pool == tuple(x.label for x in members) for m in members)
        cycle_ids = {m.cycle_id for m in members}
        applied = {al.activity_id for al in case.allocations if al.cycle_id in cycle_ids}
        assert earned <= sum((units[a] for a in applied), ZERO)
        assert earned <= sum(
            (al.units for al in case.allocations if al.cycle_id in cycle_ids), ZERO
        )
        assert earned <= all_units
        by_body[body] += earned
    # An activity counts in one cycle of a body only: all of a body's pools together stay within
    # the units of all activities.
    for earned in by_body.values():
        assert earned <= all_units


@PROPERTY_SETTINGS
@given(scenarios())
def test_an_activity_counts_in_one_cycle_of_a_body_only(case: Scenario) -> None:
    counted_in: dict[tuple[str, int], set[date]] = defaultdict(set)
    units = {a.id: a.units for a in case.activities}
    for s in case.statuses():
        for o in s.activities:
            assert ZERO <= o.counted <= min(o.applied, units[o.activity_id])
            assert (o.counted > 0) == (o.reason is None)
            if o.reason is None:
                counted_in[(s.body, o.activity_id)].add(s.cycle_end)
    assert all(len(ends) == 1 for ends in counted_in.values())


@PROPERTY_SETTINGS
@given(scenarios(), st.data())
def test_removing_an_activity_never_raises_what_is_earned(
    case: Scenario, data: st.DataObject
) -> None:
    if not case.activities:
        return
    gone = data.draw(st.sampled_from([a.id for a in case.activities]), label="removed activity")
    before = {s.cycle_id: s for s in case.statuses()}
    after = {s.cycle_id: s for s in case.without(gone).statuses()}
    assert before.keys() == after.keys()
    for cycle_id, now in after.items():
        was = before[cycle_id]
        assert now.earned <= was.earned
        assert now.required == was.required
        assert [c.id for c in now.checks] == [c.id for c in was.checks]
        for c_now, c_was in zip(now.checks, was.checks, strict=True):
            assert c_now.earned <= c_was.earned
        assert all(o.activity_id != gone for o in now.activities)


@PROPERTY_SETTINGS
@given(scenarios(), st.data())
def test_adding_an_activity_never_raises_what_remains(case: Scenario, data: st.DataObject) -> None:
    """Removing an activity (the same as not having added it) never lowers `remaining`: adding
    a qualifying activity never raises what is still needed."""
    if not case.activities:
        return
    gone = data.draw(st.sampled_from([a.id for a in case.activities]), label="removed activity")
    with_it = {s.cycle_id: s for s in case.statuses()}
    without = {s.cycle_id: s for s in case.without(gone).statuses()}
    for cycle_id, was in without.items():
        assert with_it[cycle_id].remaining <= was.remaining


@PROPERTY_SETTINGS
@given(scenarios())
def test_figures_and_status_agree(case: Scenario) -> None:
    statuses = case.statuses()
    order = [(s.body, s.cycle_end, s.label) for s in statuses]
    assert order == sorted(order)
    for s in statuses:
        assert s.earned >= 0
        # what is still needed to meet every check: zero exactly when they are all met
        assert s.remaining == max([c.required - c.earned for c in s.checks] + [ZERO])
        assert (s.remaining == 0) == (not s.failed_checks)
        assert s.days_left == (s.cycle_end - case.today).days
        total = s.checks[0]
        assert total.id == "total"
        assert (total.required, total.earned) == (s.required, s.earned)
        for c in s.checks:
            assert c.earned >= 0
            assert c.met == (c.earned >= c.required)
        if not s.failed_checks:
            assert s.status is CeuStatus.COMPLETE
            assert s.pace_per_month is None
        elif s.days_left < 0:
            assert s.status is CeuStatus.OVERDUE
            assert s.pace_per_month is None
            assert s.lapses_on is not None and s.lapses_on > s.cycle_end
        else:
            assert s.status in (CeuStatus.ON_TRACK, CeuStatus.AT_RISK)
            assert s.pace_per_month is not None and s.pace_per_month > 0
            if s.days_left <= 90:
                assert s.status is CeuStatus.AT_RISK
        if s.status is not CeuStatus.OVERDUE:
            assert s.grace_ends is None and s.lapses_on is None
        own = next(h for h in case.cycles if h.cycle_id == s.cycle_id)
        assert s.required_from_user == any(
            m.required_override is not None
            for m in case.cycles
            if m.end == own.end and BOOK.credentials[m.code].body == s.body
        )
