"""Reminder engine invariants on random plans, credentials, memberships, housekeeping, settings
and days (hypothesis): deterministic and order-free keys, unique keys, dismissals that stick until
the key changes, snoozes that end exactly on their date, well-formed reminders, and keys that stay
put while a situation lasts (so dismissing on sight shows each situation once per stage)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyplanner.bundled import rule_book
from studyplanner.core.ceu_status import (
    Allocation,
    CeuActivity,
    CredentialStatus,
    HeldCycle,
    credential_statuses,
)
from studyplanner.core.reminders import (
    Housekeeping,
    Membership,
    PlannedModule,
    Reminder,
    ReminderKind,
    ReminderSettings,
    ReminderState,
    Severity,
    StudyFacts,
    all_reminders,
    due_reminders,
)

BOOK = rule_book()
CODES = sorted(BOOK.credentials)
CATEGORIES = sorted(BOOK.categories)
PROVIDERS = ["", "ZHealth Publishing", "AHIMA", "Some Vendor"]
TITLES = ["Anatomy", "ICD-10-CM", "CPT coding", "Medical terminology", "CPC exam", "Mock exam 2"]
BASE = date(2025, 1, 1)
ALL_KINDS = frozenset(ReminderKind)
PROPERTY = settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
WALK = settings(deadline=None, max_examples=50, suppress_health_check=[HealthCheck.too_slow])


def days_from_base(low: int, high: int) -> st.SearchStrategy[date]:
    return st.integers(low, high).map(lambda n: BASE + timedelta(days=n))


def hundredths(low: int, high: int) -> st.SearchStrategy[Decimal]:
    return st.integers(low, high).map(lambda n: Decimal(n).scaleb(-2))


@dataclass(frozen=True)
class World:
    """Everything the engine is given except today; credential statuses are computed per day."""

    study: StudyFacts | None
    cycles: tuple[HeldCycle, ...]
    activities: tuple[CeuActivity, ...]
    allocations: tuple[Allocation, ...]
    memberships: tuple[Membership, ...]
    housekeeping: Housekeeping | None
    prefs: ReminderSettings

    def statuses(self, today: date) -> list[CredentialStatus]:
        return credential_statuses(BOOK, self.cycles, self.activities, self.allocations, today)

    def all(self, today: date) -> list[Reminder]:
        return all_reminders(
            self.study,
            self.statuses(today),
            self.memberships,
            self.housekeeping,
            self.prefs,
            today,
        )

    def due(self, states: dict[str, ReminderState], today: date) -> list[Reminder]:
        return due_reminders(
            self.study,
            self.statuses(today),
            self.memberships,
            self.housekeeping,
            self.prefs,
            states,
            today,
        )


@st.composite
def study_facts(draw: st.DrawFn) -> StudyFacts | None:
    if draw(st.integers(0, 5)) == 0:
        return None
    blocks = draw(
        st.lists(
            st.tuples(st.integers(1, 6), st.sampled_from(TITLES), st.integers(5, 240)),
            max_size=4,
        )
    )
    modules = draw(
        st.lists(
            st.builds(
                PlannedModule,
                module_id=st.integers(1, 6),
                title=st.sampled_from(TITLES),
                due=days_from_base(0, 900),
                is_exam=st.booleans(),
            ),
            max_size=5,
            unique_by=lambda m: m.module_id,
        )
    )
    return StudyFacts(
        today_blocks=tuple(blocks),
        open_modules=tuple(modules),
        last_study_day=draw(st.none() | days_from_base(0, 900)),
        plan_start=draw(st.none() | days_from_base(0, 900)),
    )


@st.composite
def leads(draw: st.DrawFn, default: tuple[int, ...]) -> tuple[int, ...]:
    if draw(st.booleans()):
        return default
    return tuple(draw(st.lists(st.integers(0, 120), unique=True, max_size=4)))


@st.composite
def reminder_settings(draw: st.DrawFn) -> ReminderSettings:
    enabled = draw(st.just(ALL_KINDS) | st.frozensets(st.sampled_from(list(ReminderKind))))
    return ReminderSettings(
        enabled=enabled,
        exam_leads=draw(leads((30, 7, 1))),
        cycle_leads=draw(leads((90, 60, 30, 7))),
        no_study_days=draw(st.integers(1, 30)),
        membership_lead_days=draw(st.integers(0, 90)),
        backup_days=draw(st.integers(1, 60)),
        rules_age_days=draw(st.integers(1, 800)),
    )


@st.composite
def worlds(draw: st.DrawFn) -> World:
    ends = draw(st.lists(st.integers(0, 900), min_size=1, max_size=3))
    cycles = []
    for i in range(1, draw(st.integers(0, 4)) + 1):
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
                closed=draw(st.integers(0, 4)) == 0,
            )
        )
    activities = [
        CeuActivity(
            id=i,
            completed_on=draw(days_from_base(-800, 900)),
            units=draw(hundredths(1, 2000)),
            category=draw(st.sampled_from(CATEGORIES)),
            ahima_sourced=draw(st.booleans()),
            provider=draw(st.sampled_from(PROVIDERS)),
        )
        for i in range(1, draw(st.integers(0, 8)) + 1)
    ]
    allocations = [
        Allocation(a.id, c.cycle_id, draw(hundredths(1, 2000)))
        for a in activities
        for c in cycles
        if draw(st.booleans())
    ]
    memberships = draw(
        st.lists(
            st.builds(
                Membership,
                body=st.sampled_from(["AAPC", "AHIMA"]),
                renewal_on=days_from_base(-800, 900),
            ),
            max_size=3,
        )
    )
    housekeeping = draw(
        st.none()
        | st.builds(
            Housekeeping,
            last_backup=st.none() | days_from_base(-100, 900),
            data_since=st.none() | days_from_base(-400, 900),
            rules_checked=st.none() | days_from_base(-800, 900),
        )
    )
    return World(
        study=draw(study_facts()),
        cycles=tuple(cycles),
        activities=tuple(activities),
        allocations=tuple(allocations),
        memberships=tuple(memberships),
        housekeeping=housekeeping,
        prefs=draw(reminder_settings()),
    )


TODAY = days_from_base(-100, 1000)


def anchors(world: World) -> list[date]:
    """The days things happen around: cycle ends, module due dates, membership renewals."""
    spots = [c.end for c in world.cycles] + [m.renewal_on for m in world.memberships]
    if world.study is not None:
        spots += [m.due for m in world.study.open_modules]
    return spots


@st.composite
def scenes(draw: st.DrawFn, before: int = 100, after: int = 120) -> tuple[World, date]:
    """A world and a day, mostly near one of its anchors (where lead-time stages, grace periods
    and renewals happen), sometimes anywhere."""
    world = draw(worlds())
    spots = anchors(world)
    if spots and draw(st.integers(0, 4)) > 0:
        offset = timedelta(days=draw(st.integers(-before, after)))
        return world, draw(st.sampled_from(spots)) + offset
    return world, draw(TODAY)


def keys(reminders: list[Reminder]) -> list[str]:
    return [r.key for r in reminders]


def without_messages(reminders: list[Reminder]) -> list[tuple[str, str, str, date]]:
    return [(r.key, r.kind.value, r.severity.value, r.due) for r in reminders]


@PROPERTY
@given(scenes(), st.data())
def test_the_same_inputs_give_the_same_keys_in_any_order(
    scene: tuple[World, date], data: st.DataObject
) -> None:
    world, today = scene
    found = world.all(today)
    assert world.all(today) == found
    # The same facts given in another order: the engine's own inputs ...
    study = world.study
    if study is not None:
        study = StudyFacts(
            today_blocks=tuple(data.draw(st.permutations(study.today_blocks))),
            open_modules=tuple(data.draw(st.permutations(study.open_modules))),
            last_study_day=study.last_study_day,
            plan_start=study.plan_start,
        )
    statuses = data.draw(st.permutations(world.statuses(today)))
    memberships = data.draw(st.permutations(world.memberships))
    shuffled = all_reminders(study, statuses, memberships, world.housekeeping, world.prefs, today)
    assert without_messages(shuffled) == without_messages(found)
    # Only the list of today's titles may follow the order of the blocks.
    assert [r.message for r in shuffled if r.kind is not ReminderKind.STUDY_TODAY] == [
        r.message for r in found if r.kind is not ReminderKind.STUDY_TODAY
    ]
    # ... and the credential data the statuses are computed from.
    reordered = replace(
        world,
        cycles=tuple(data.draw(st.permutations(world.cycles))),
        activities=tuple(data.draw(st.permutations(world.activities))),
        allocations=tuple(data.draw(st.permutations(world.allocations))),
    )
    assert without_messages(reordered.all(today)) == without_messages(found)


@PROPERTY
@given(scenes())
def test_keys_are_unique_and_no_two_situations_share_one(scene: tuple[World, date]) -> None:
    world, today = scene
    found = world.all(today)
    assert len(set(keys(found))) == len(found)
    # Each pool of credentials (one body, one cycle end: they share one total and one
    # reminder of it) and each module on its own: their keys never collide, so dismissing one
    # never hides another.
    pools: dict[tuple[str, date], list[object]] = {}
    for status in world.statuses(today):
        pools.setdefault((status.body, status.cycle_end), []).append(status)
    one_each = [
        set(keys(all_reminders(None, members, [], None, world.prefs, today)))  # type: ignore[arg-type]
        for members in pools.values()
    ]
    together = set(keys(all_reminders(None, world.statuses(today), [], None, world.prefs, today)))
    assert sum(len(k) for k in one_each) == len(together)
    assert set().union(*one_each) == together
    modules = world.study.open_modules if world.study else ()
    one_each = [
        set(keys(all_reminders(StudyFacts(open_modules=(m,)), [], [], None, world.prefs, today)))
        for m in modules
    ]
    study = StudyFacts(open_modules=modules)
    together = set(keys(all_reminders(study, [], [], None, world.prefs, today)))
    assert sum(len(k) for k in one_each) == len(together)
    assert set().union(*one_each) == together


@PROPERTY
@given(scenes())
def test_every_reminder_is_well_formed(scene: tuple[World, date]) -> None:
    world, today = scene
    found = world.all(today)
    for r in found:
        assert isinstance(r.kind, ReminderKind) and r.kind in world.prefs.enabled
        assert isinstance(r.severity, Severity)
        assert type(r.due) is date and date.fromisoformat(r.due.isoformat()) == r.due
        # The key names its kind first, then the situation.
        prefix, _, rest = r.key.partition(":")
        assert prefix == r.kind.value.replace("_", "-") and rest, r.key
        # Plain words: a sentence, with no stray code in it.
        assert r.message.strip() == r.message and r.message.endswith("."), r.message
        for junk in ("None", "Decimal", "{", "}", "E+", "datetime", "<", ">"):
            assert junk not in r.message, r.message
    order = [(-r.severity.rank, r.due, r.key) for r in found]
    assert order == sorted(order)


@PROPERTY
@given(scenes(), st.lists(st.integers(0, 400), min_size=1, max_size=6), st.data())
def test_a_dismissed_key_never_shows_again_unless_the_key_differs(
    scene: tuple[World, date], later: list[int], data: st.DataObject
) -> None:
    world, today = scene
    seen = keys(world.all(today))
    dismissed = data.draw(st.sets(st.sampled_from(seen))) if seen else set()
    dismissed |= data.draw(st.sets(st.sampled_from(["backup:2025-01-01", "study-today:x"])))
    states = {k: ReminderState(k, dismissed=True) for k in dismissed}
    for offset in [0, *later]:
        day = today + timedelta(days=offset)
        shown = world.due(states, day)
        assert not dismissed & set(keys(shown))
        # Everything else that applies shows, in the same order.
        assert shown == [r for r in world.all(day) if r.key not in dismissed]


@PROPERTY
@given(scenes(), st.integers(1, 45))
def test_snoozed_keys_reappear_exactly_on_the_snooze_date(
    scene: tuple[World, date], length: int
) -> None:
    world, today = scene
    until = today + timedelta(days=length)
    snoozed = set(keys(world.all(today)))
    states = {k: ReminderState(k, snoozed_until=until) for k in snoozed}
    for offset in range(length + 3):
        day = today + timedelta(days=offset)
        applies = world.all(day)
        shown = world.due(states, day)
        if day < until:
            assert shown == [r for r in applies if r.key not in snoozed]
        else:
            assert shown == applies  # the snooze is over: every snoozed key that applies is back


@WALK
@given(scenes(before=130, after=60), st.integers(1, 120))
def test_keys_stay_put_while_a_situation_lasts(scene: tuple[World, date], length: int) -> None:
    """Walking the days with the same facts: each key shows on one unbroken run of days (a key
    never comes back for another situation); dismissing on sight shows each key exactly once, on
    the first day of its run; and the number of keys is bounded by the situations and stages."""
    world, start = scene
    walk = [start + timedelta(days=n) for n in range(length)]
    runs: dict[str, list[int]] = defaultdict(list)
    by_kind: dict[ReminderKind, set[str]] = defaultdict(set)
    states: dict[str, ReminderState] = {}
    shown: dict[str, list[int]] = defaultdict(list)
    for n, day in enumerate(walk):
        for r in world.all(day):
            runs[r.key].append(n)
            by_kind[r.kind].add(r.key)
        for r in world.due(states, day):
            shown[r.key].append(n)
            states[r.key] = ReminderState(r.key, dismissed=True)
    for key, on in runs.items():
        assert on == list(range(on[0], on[-1] + 1)), key
    assert dict(shown) == {k: [v[0]] for k, v in runs.items()}

    study = world.study or StudyFacts()
    exams = sum(m.is_exam for m in study.open_modules)
    open_statuses = [s for s in world.statuses(start) if not s.closed]
    cycles = len(open_statuses)
    checks = sum(len(s.checks) - 1 for s in open_statuses)
    cycle_stages = max(len(set(world.prefs.cycle_leads)), 1)
    bounds = {
        ReminderKind.STUDY_TODAY: length if study.today_blocks else 0,
        ReminderKind.MODULE_OVERDUE: len(study.open_modules),
        ReminderKind.EXAM: exams * len(set(world.prefs.exam_leads)),
        ReminderKind.NO_STUDY: 1,
        ReminderKind.CEU_SHORTFALL: cycles * len(set(world.prefs.cycle_leads)),
        ReminderKind.CEU_RULE: checks * cycle_stages,
        ReminderKind.CYCLE_END: cycles,
        ReminderKind.SUBMISSION: cycles,
        ReminderKind.MEMBERSHIP: 2 * len(world.memberships),
        ReminderKind.CREDENTIAL_OVERDUE: 3 * cycles,
        ReminderKind.BACKUP: 1,
        ReminderKind.RULES_OLD: 1,
    }
    for kind, found in by_kind.items():
        assert len(found) <= bounds[kind], (kind, sorted(found))
