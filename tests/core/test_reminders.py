"""The reminder engine on hand-made dates: every kind with its key, severity, due date and the
important words of its message; settings (kinds on and off, lead times); dismiss and snooze; and a
realistic year (a plan with an exam, a CPC cycle ending with a shortfall) walked day by day.

CEU statuses come from the real status engine and the shipped rule book (AAPC: 30-day submission
window, 30 days' grace, lapse after 90 days; AHIMA: no grace, lapse after 180 days).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal

import pytest

from studyplanner.bundled import rule_book
from studyplanner.core.ceu_status import (
    Allocation,
    CeuActivity,
    CeuStatus,
    CredentialStatus,
    HeldCycle,
    credential_statuses,
)
from studyplanner.core.reminder_reasons import StudyToday, reason_values
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
DEFAULT = ReminderSettings()
K = ReminderKind
LONG_AGO = date(2018, 5, 12)

# A CPC cycle ending on 2026-06-30 (AAPC: renewal date in June, even year).
CPC_ID = 11
CPC_START, CPC_END = date(2024, 7, 1), date(2026, 6, 30)


def D(value: str | int) -> Decimal:
    return Decimal(str(value))


def days(start: date, end: date) -> Iterator[date]:
    """Every day from start to end, both included."""
    for n in range((end - start).days + 1):
        yield start + timedelta(days=n)


def remind(
    today: date,
    *,
    study: StudyFacts | None = None,
    credentials: Sequence[CredentialStatus] = (),
    memberships: Sequence[Membership] = (),
    housekeeping: Housekeeping | None = None,
    settings: ReminderSettings = DEFAULT,
) -> list[Reminder]:
    return all_reminders(study, credentials, memberships, housekeeping, settings, today)


def of_kind(reminders: Iterable[Reminder], kind: ReminderKind) -> list[Reminder]:
    return [r for r in reminders if r.kind is kind]


def only(reminders: Iterable[Reminder], kind: ReminderKind) -> Reminder:
    found = of_kind(reminders, kind)
    assert len(found) == 1, found
    return found[0]


def statuses(
    today: date,
    units: Iterable[tuple[date, str | int, str]],
    *,
    code: str = "CPC",
    cycle_id: int = CPC_ID,
    span: tuple[date, date] = (CPC_START, CPC_END),
    closed: bool = False,
    ahima_sourced: bool = False,
) -> list[CredentialStatus]:
    """The status of one credential's cycle with activities (completed on, units, category)."""
    cycle = HeldCycle(
        credential_id=1,
        code=code,
        label=code,
        earned_on=LONG_AGO,
        cycle_id=cycle_id,
        start=span[0],
        end=span[1],
        closed=closed,
    )
    acts = [
        CeuActivity(i, day, D(u), category, ahima_sourced=ahima_sourced)
        for i, (day, u, category) in enumerate(units, start=1)
    ]
    allocs = [Allocation(a.id, cycle_id, a.units) for a in acts]
    return credential_statuses(BOOK, [cycle], acts, allocs, today)


def cpc(today: date, earned: str | int = 30, *, closed: bool = False) -> list[CredentialStatus]:
    """The CPC cycle with `earned` CEUs of 36, all logged in 2025."""
    return statuses(today, [(date(2025, 3, 8), earned, "coding")], closed=closed)


# --- study -------------------------------------------------------------------------------------

TODAY = date(2026, 3, 10)
ANATOMY = PlannedModule(5, "Anatomy", date(2026, 3, 1))


def test_todays_blocks_make_one_reminder_keyed_by_the_day() -> None:
    study = StudyFacts(today_blocks=((5, "Anatomy", 45), (6, "ICD-10-CM", 30), (5, "Anatomy", 15)))
    r = only(remind(TODAY, study=study), K.STUDY_TODAY)
    assert r == Reminder(
        "study-today:2026-03-10",
        K.STUDY_TODAY,
        Severity.INFO,
        TODAY,
        StudyToday(90, ("Anatomy", "ICD-10-CM")),
    )
    assert r.message == "Today's study: 90 min of Anatomy, ICD-10-CM."
    tomorrow = TODAY + timedelta(days=1)
    assert only(remind(tomorrow, study=study), K.STUDY_TODAY).key == "study-today:2026-03-11"
    assert of_kind(remind(TODAY, study=StudyFacts()), K.STUDY_TODAY) == []


def test_module_past_its_baseline_due_date() -> None:
    study = StudyFacts(open_modules=(ANATOMY,))
    assert remind(date(2026, 3, 1), study=study) == []  # due today: not late yet
    r = only(remind(date(2026, 3, 2), study=study), K.MODULE_OVERDUE)
    assert (r.key, r.severity, r.due) == (
        "module-overdue:5:2026-03-01",
        Severity.WARNING,
        ANATOMY.due,
    )
    assert "'Anatomy' was due 1 day ago (2026-03-01)" in r.message
    r = only(remind(TODAY, study=study), K.MODULE_OVERDUE)
    assert r.key == "module-overdue:5:2026-03-01"  # the same situation, the same key
    assert "was due 9 days ago" in r.message
    assert "mark it complete or re-plan" in r.message
    # Re-planned to a new due date: a new situation, a new key.
    moved = StudyFacts(open_modules=(PlannedModule(5, "Anatomy", date(2026, 3, 6)),))
    assert only(remind(TODAY, study=moved), K.MODULE_OVERDUE).key == "module-overdue:5:2026-03-06"


EXAM_DAY = date(2026, 10, 17)
EXAM = PlannedModule(9, "CPC exam", EXAM_DAY, is_exam=True)


@pytest.mark.parametrize(
    ("days_before", "stage", "severity", "when"),
    [
        (31, None, None, None),
        (30, 30, Severity.INFO, "is in 30 days"),
        (8, 30, Severity.INFO, "is in 8 days"),
        (7, 7, Severity.WARNING, "is in 7 days"),
        (2, 7, Severity.WARNING, "is in 2 days"),
        (1, 1, Severity.WARNING, "is tomorrow"),
        (0, 1, Severity.WARNING, "is today"),
        (-1, None, None, None),
    ],
)
def test_exam_approaching_by_stage(
    days_before: int, stage: int | None, severity: Severity | None, when: str | None
) -> None:
    today = EXAM_DAY - timedelta(days=days_before)
    found = of_kind(remind(today, study=StudyFacts(open_modules=(EXAM,))), K.EXAM)
    if stage is None:
        assert found == []
        return
    [r] = found
    assert r.key == f"exam:9:2026-10-17:{stage}"
    assert (r.severity, r.due) == (severity, EXAM_DAY)
    assert r.message == f"'CPC exam' {when} (2026-10-17)."


def test_exam_not_logged_after_its_day_is_a_late_module() -> None:
    found = remind(EXAM_DAY + timedelta(days=1), study=StudyFacts(open_modules=(EXAM,)))
    assert [r.key for r in found] == ["module-overdue:9:2026-10-17"]


def test_no_study_for_n_days() -> None:
    last = date(2026, 3, 1)
    study = StudyFacts(open_modules=(EXAM,), last_study_day=last, plan_start=date(2026, 1, 5))
    assert of_kind(remind(date(2026, 3, 7), study=study), K.NO_STUDY) == []  # 6 days
    r = only(remind(date(2026, 3, 8), study=study), K.NO_STUDY)
    assert (r.key, r.severity, r.due) == ("no-study:2026-03-01", Severity.WARNING, date(2026, 3, 8))
    assert r.message.startswith("No study logged for 7 days.")
    later = only(remind(date(2026, 3, 20), study=study), K.NO_STUDY)
    assert (later.key, later.due) == (r.key, r.due)  # the same gap, the same key
    assert "No study logged for 19 days" in later.message
    # Studying again starts a new gap with a new key.
    again = StudyFacts(open_modules=(EXAM,), last_study_day=date(2026, 3, 12))
    assert of_kind(remind(date(2026, 3, 18), study=again), K.NO_STUDY) == []
    assert only(remind(date(2026, 3, 19), study=again), K.NO_STUDY).key == "no-study:2026-03-12"


def test_no_study_yet_counts_from_the_plan_start() -> None:
    study = StudyFacts(open_modules=(EXAM,), plan_start=date(2026, 3, 2))
    assert of_kind(remind(date(2026, 3, 8), study=study), K.NO_STUDY) == []
    r = only(remind(date(2026, 3, 9), study=study), K.NO_STUDY)
    assert (r.key, r.due) == ("no-study:2026-03-02", date(2026, 3, 9))
    assert r.message.startswith("No study logged yet for 7 days.")
    # A plan that starts later does not nag, nor does a plan with nothing left to do.
    assert remind(date(2026, 2, 1), study=study) == []
    done = StudyFacts(open_modules=(), last_study_day=date(2026, 1, 2))
    assert remind(TODAY, study=done) == []


# --- credentials -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "stage", "severity", "when", "pace"),
    [
        (date(2026, 3, 31), None, None, None, None),
        (date(2026, 4, 1), 90, Severity.WARNING, "in 90 days", "2.1"),
        (date(2026, 4, 30), 90, Severity.WARNING, "in 61 days", "3"),
        (date(2026, 5, 1), 60, Severity.WARNING, "in 60 days", "3"),
        (date(2026, 5, 30), 60, Severity.WARNING, "in 31 days", "5.8"),
        (date(2026, 5, 31), 30, Severity.URGENT, "in 30 days", "5.9"),
        (date(2026, 6, 22), 30, Severity.URGENT, "in 8 days", "20.3"),
        (date(2026, 6, 23), 7, Severity.URGENT, "in 7 days", "22.9"),
        (date(2026, 6, 29), 7, Severity.URGENT, "tomorrow", "91.4"),
        (date(2026, 6, 30), 7, Severity.URGENT, "today", "182.7"),
        (date(2026, 7, 1), None, None, None, None),
    ],
)
def test_ceu_shortfall_by_stage_with_how_many_and_the_pace(
    today: date, stage: int | None, severity: Severity | None, when: str | None, pace: str | None
) -> None:
    found = of_kind(remind(today, credentials=cpc(today)), K.CEU_SHORTFALL)
    if stage is None:
        assert found == []
        return
    [r] = found
    assert r.key == f"ceu-shortfall:{CPC_ID}:{stage}"
    assert (r.severity, r.due) == (severity, CPC_END)
    assert r.message == (
        f"CPC: 6 of 36 CEUs still missing; the cycle ends {when} (2026-06-30) "
        f"(about {pace} a month)."
    )


def test_new_ceus_change_the_figures_but_not_the_key_within_a_stage() -> None:
    today = date(2026, 5, 10)
    before = only(remind(today, credentials=cpc(today, 30)), K.CEU_SHORTFALL)
    after = only(remind(today, credentials=cpc(today, 34)), K.CEU_SHORTFALL)
    assert before.key == after.key == f"ceu-shortfall:{CPC_ID}:60"
    assert "6 of 36 CEUs still missing" in before.message
    assert "2 of 36 CEUs still missing" in after.message


def test_a_complete_cycle_has_no_shortfall_but_still_a_cycle_end_and_submission() -> None:
    today = date(2026, 6, 25)
    found = remind(today, credentials=cpc(today, 36))
    assert [r.kind for r in found] == [K.CYCLE_END, K.SUBMISSION]
    assert remind(date(2026, 4, 1), credentials=cpc(date(2026, 4, 1), 40)) == []


def test_quota_not_met() -> None:
    """CPMA: 36 CEUs in total, 16 of them in auditing; the total is met, the quota is not."""
    today = date(2026, 5, 20)
    units = [(date(2025, 2, 1), 30, "coding"), (date(2025, 9, 1), 10, "auditing")]
    [status] = statuses(today, units, code="CPMA")
    assert status.remaining == 6 and status.status is CeuStatus.AT_RISK  # the quota's 6
    found = remind(today, credentials=[status])
    assert of_kind(found, K.CEU_SHORTFALL) == []
    r = only(found, K.CEU_RULE)
    assert (r.key, r.severity, r.due) == (f"ceu-rule:{CPC_ID}:quota:60", Severity.WARNING, CPC_END)
    assert r.message == "CPMA: not met yet: 16 auditing CEUs for CPMA; 10 so far."
    assert reason_values(r.reason) == {  # the reason as data: the command line's JSON
        "names": ["CPMA"],
        "check": {"id": "quota", "code": "quota", "required": 16.0, "earned": 10.0,
                  "met": False, "category": "Auditing", "credential": "CPMA"},
    }  # fmt: skip
    # The stage moves on: a new key.
    later = date(2026, 6, 1)
    r = only(remind(later, credentials=statuses(later, units, code="CPMA")), K.CEU_RULE)
    assert r.key == f"ceu-rule:{CPC_ID}:quota:30"
    # Before the first lead time: nothing yet.
    early = date(2026, 3, 1)
    assert remind(early, credentials=statuses(early, units, code="CPMA")) == []


def test_shares_not_met() -> None:
    """AHIMA CCS: 20 CEUs; 80 % in the HIIM domains and 40 % AHIMA-sourced are separate checks."""
    span = (date(2024, 10, 1), date(2026, 9, 30))
    today = date(2026, 9, 10)
    [status] = statuses(today, [(date(2025, 5, 5), 20, "outside_hiim")], code="CCS", span=span)
    found = remind(today, credentials=[status])
    assert of_kind(found, K.CEU_SHORTFALL) == []
    assert of_kind(found, K.SUBMISSION) == []  # AHIMA has no submission window
    rules = {r.key: r for r in of_kind(found, K.CEU_RULE)}
    assert set(rules) == {
        f"ceu-rule:{CPC_ID}:hiim-domains:30",
        f"ceu-rule:{CPC_ID}:ahima-sourced:30",
    }
    hiim = rules[f"ceu-rule:{CPC_ID}:hiim-domains:30"]
    assert hiim.message == (
        "CCS: not met yet: 80 % in the health-information (HIIM) domains (16 CEUs); 0 so far."
    )
    sourced = rules[f"ceu-rule:{CPC_ID}:ahima-sourced:30"]
    assert "40 % from AHIMA or its state associations (8 CEUs)" in sourced.message
    assert all(r.severity is Severity.WARNING and r.due == span[1] for r in rules.values())


@pytest.mark.parametrize(
    ("today", "when"),
    [
        (date(2026, 6, 22), None),
        (date(2026, 6, 23), "ends in 7 days"),
        (date(2026, 6, 29), "ends tomorrow"),
        (date(2026, 6, 30), "ends today"),
        (date(2026, 7, 1), None),
    ],
)
def test_cycle_end_itself(today: date, when: str | None) -> None:
    found = of_kind(remind(today, credentials=cpc(today, 36)), K.CYCLE_END)
    if when is None:
        assert found == []
        return
    [r] = found
    assert (r.key, r.severity, r.due) == (
        f"cycle-end:{CPC_ID}:2026-06-30",
        Severity.WARNING,
        CPC_END,
    )
    assert r.message == (
        f"CPC: the cycle 2024-07-01 to 2026-06-30 {when}: submit your CEUs and pay any fee to "
        "AAPC by 2026-06-30."
    )


@pytest.mark.parametrize(
    ("today", "shown"),
    [
        (date(2026, 5, 30), False),
        (date(2026, 5, 31), True),
        (date(2026, 6, 30), True),
        (date(2026, 7, 1), False),
    ],
)
def test_submission_window_opening(today: date, shown: bool) -> None:
    found = of_kind(remind(today, credentials=cpc(today, 36)), K.SUBMISSION)
    if not shown:
        assert found == []
        return
    [r] = found
    opens = date(2026, 5, 31)
    assert (r.key, r.severity, r.due) == (f"submission:{CPC_ID}:2026-05-31", Severity.INFO, opens)
    assert r.message == (
        "CPC: AAPC's submission window is open since 2026-05-31; the cycle ends on 2026-06-30."
    )


@pytest.mark.parametrize(
    ("today", "phase", "due", "words"),
    [
        (date(2026, 7, 1), "grace", date(2026, 7, 30), "the grace period ends on 2026-07-30"),
        (date(2026, 7, 30), "grace", date(2026, 7, 30), "the grace period ends on 2026-07-30"),
        (date(2026, 7, 31), "lapsing", date(2026, 9, 28), "the credential lapses on 2026-09-28"),
        (date(2026, 9, 28), "lapsing", date(2026, 9, 28), "the credential lapses on 2026-09-28"),
    ],
)
def test_aapc_credential_past_its_end_grace_then_lapse(
    today: date, phase: str, due: date, words: str
) -> None:
    found = remind(today, credentials=cpc(today))
    r = only(found, K.CREDENTIAL_OVERDUE)
    assert [x.kind for x in found] == [K.CREDENTIAL_OVERDUE]  # no stage, no cycle end any more
    assert (r.key, r.severity) == (f"credential-overdue:{CPC_ID}:{phase}", Severity.URGENT)
    # The due date is the date the message speaks of: the end of the grace period, then the day
    # the credential lapses.
    assert r.due == due
    assert r.message == f"CPC: the cycle ended on 2026-06-30 without 36 CEUs in the cycle; {words}."


def test_aapc_credential_lapsed() -> None:
    today = date(2026, 9, 29)
    r = only(remind(today, credentials=cpc(today)), K.CREDENTIAL_OVERDUE)
    assert (r.key, r.severity) == (f"credential-overdue:{CPC_ID}:lapsed", Severity.URGENT)
    assert r.due <= today
    assert r.message.endswith("check your status with the body: it may have lapsed.")
    much_later = date(2027, 3, 1)
    assert only(remind(much_later, credentials=cpc(much_later)), K.CREDENTIAL_OVERDUE).key == r.key


def test_ahima_credential_past_its_end_has_no_grace() -> None:
    span = (date(2024, 10, 1), date(2026, 9, 30))
    units = [(date(2025, 5, 5), 10, "coding")]
    day_after = date(2026, 10, 1)
    r = only(
        remind(day_after, credentials=statuses(day_after, units, code="CCS", span=span)),
        K.CREDENTIAL_OVERDUE,
    )
    assert (r.key, r.due) == (f"credential-overdue:{CPC_ID}:lapsing", date(2027, 3, 29))
    assert "the credential lapses on 2027-03-29" in r.message
    assert "20 CEUs in the cycle" in r.message
    after = date(2027, 3, 30)
    r = only(
        remind(after, credentials=statuses(after, units, code="CCS", span=span)),
        K.CREDENTIAL_OVERDUE,
    )
    assert r.key == f"credential-overdue:{CPC_ID}:lapsed"


def test_a_quota_missed_at_the_end_is_named() -> None:
    today = date(2026, 7, 2)
    units = [(date(2025, 2, 1), 40, "coding")]
    r = only(remind(today, credentials=statuses(today, units, code="CPMA")), K.CREDENTIAL_OVERDUE)
    assert "without 16 auditing CEUs for CPMA;" in r.message


def test_a_closed_cycle_reminds_of_nothing() -> None:
    for today in (date(2026, 4, 1), date(2026, 6, 30), date(2026, 7, 15), date(2026, 10, 1)):
        assert remind(today, credentials=cpc(today, closed=True)) == []


# --- membership and housekeeping --------------------------------------------------------------

AAPC_MEMBER = Membership("AAPC", date(2024, 6, 30))


@pytest.mark.parametrize(
    ("today", "due", "when"),
    [
        (date(2026, 5, 30), None, None),
        (date(2026, 5, 31), date(2026, 6, 30), "in 30 days"),
        (date(2026, 6, 29), date(2026, 6, 30), "tomorrow"),
        (date(2026, 6, 30), date(2026, 6, 30), "today"),
        (date(2026, 7, 1), None, None),
        (date(2027, 5, 31), date(2027, 6, 30), "in 30 days"),
    ],
)
def test_membership_renewal(today: date, due: date | None, when: str | None) -> None:
    found = remind(today, memberships=[AAPC_MEMBER])
    if due is None:
        assert found == []
        return
    [r] = found
    assert (r.key, r.kind, r.severity, r.due) == (
        f"membership:AAPC:{due.isoformat()}",
        K.MEMBERSHIP,
        Severity.WARNING,
        due,
    )
    assert r.message == (
        f"Your AAPC membership renews {when} ({due.isoformat()}); "
        "dues keep your credentials active."
    )


def test_membership_on_29_february_and_duplicates() -> None:
    leap = Membership("AAPC", date(2024, 2, 29))
    [r] = remind(date(2027, 2, 1), memberships=[leap])
    assert (r.key, r.due) == ("membership:AAPC:2027-02-28", date(2027, 2, 28))
    [r] = remind(date(2028, 2, 1), memberships=[leap])
    assert r.due == date(2028, 2, 29)
    # The same body and renewal date given twice (two AAPC credentials): one reminder.
    twice = [AAPC_MEMBER, Membership("AAPC", date(2025, 6, 30)), AAPC_MEMBER]
    assert [r.key for r in remind(date(2026, 6, 1), memberships=twice)] == [
        "membership:AAPC:2026-06-30"
    ]


def test_no_backup_in_a_long_time() -> None:
    never = Housekeeping(last_backup=None, data_since=date(2026, 1, 1), rules_checked=None)
    assert remind(date(2026, 1, 14), housekeeping=never) == []  # day one is no reason to nag
    [r] = remind(date(2026, 1, 15), housekeeping=never)
    assert (r.key, r.kind, r.severity, r.due) == (
        "backup:2026-01-01",
        K.BACKUP,
        Severity.WARNING,
        date(2026, 1, 15),
    )
    assert r.message == "Your data has never been backed up. Back up now to keep it safe."
    backed = Housekeeping(
        last_backup=date(2026, 2, 1), data_since=date(2026, 1, 1), rules_checked=None
    )
    assert remind(date(2026, 2, 14), housekeeping=backed) == []
    [r] = remind(date(2026, 3, 1), housekeeping=backed)
    assert (r.key, r.due) == ("backup:2026-02-01", date(2026, 2, 15))
    assert "was last backed up on 2026-02-01" in r.message
    assert remind(TODAY, housekeeping=Housekeeping(None, None, None)) == []


def test_rules_whose_source_is_older_than_a_year() -> None:
    old = Housekeeping(last_backup=None, data_since=None, rules_checked=date(2025, 3, 1))
    assert remind(date(2026, 2, 28), housekeeping=old) == []
    [r] = remind(date(2026, 3, 1), housekeeping=old)
    assert (r.key, r.kind, r.severity, r.due) == (
        "rules-old:2025-03-01",
        K.RULES_OLD,
        Severity.INFO,
        date(2026, 3, 1),
    )
    assert "last checked on 2025-03-01" in r.message
    assert "compare them with your body's current requirements" in r.message


def test_the_shipped_rules_get_old_a_year_after_their_oldest_check() -> None:
    checked = BOOK.oldest_check()
    shipped = Housekeeping(last_backup=None, data_since=None, rules_checked=checked)
    year_on = checked + timedelta(days=365)
    assert remind(year_on - timedelta(days=1), housekeeping=shipped) == []
    assert [r.key for r in remind(year_on, housekeeping=shipped)] == [
        f"rules-old:{checked.isoformat()}"
    ]


# --- settings, order, dismiss and snooze ------------------------------------------------------

BUSY_DAY = date(2026, 6, 25)


def busy_day(settings: ReminderSettings = DEFAULT) -> list[Reminder]:
    """A day on which every kind of reminder applies."""
    study = StudyFacts(
        today_blocks=((3, "ICD-10-CM", 60),),
        open_modules=(
            PlannedModule(2, "Anatomy", date(2026, 6, 1)),
            PlannedModule(9, "CPC exam", date(2026, 6, 30), is_exam=True),
        ),
        last_study_day=date(2026, 6, 10),
    )
    units = [(date(2025, 2, 1), 20, "coding"), (date(2025, 9, 1), 4, "auditing")]
    cpma = statuses(BUSY_DAY, units, code="CPMA")
    overdue = statuses(
        BUSY_DAY, units, code="CPC", cycle_id=12, span=(date(2024, 6, 1), date(2026, 5, 31))
    )
    housekeeping = Housekeeping(date(2026, 5, 1), date(2025, 1, 1), date(2025, 1, 1))
    return remind(
        BUSY_DAY,
        study=study,
        credentials=[*cpma, *overdue],
        memberships=[AAPC_MEMBER],
        housekeeping=housekeeping,
        settings=settings,
    )


def test_every_kind_on_a_busy_day_most_urgent_first() -> None:
    found = busy_day()
    assert {r.kind for r in found} == set(ReminderKind)
    assert [r.key for r in found] == [
        "ceu-shortfall:11:7",
        "credential-overdue:12:grace",
        "backup:2026-05-01",
        "module-overdue:2:2026-06-01",
        "no-study:2026-06-10",
        "ceu-rule:11:quota:7",
        "cycle-end:11:2026-06-30",
        "exam:9:2026-06-30:7",
        "membership:AAPC:2026-06-30",
        "rules-old:2025-01-01",
        "submission:11:2026-05-31",
        "study-today:2026-06-25",
    ]
    ranks = [r.severity.rank for r in found]
    assert ranks == sorted(ranks, reverse=True)


@pytest.mark.parametrize("kind", list(ReminderKind))
def test_disabling_a_kind_removes_it_and_nothing_else(kind: ReminderKind) -> None:
    everything = busy_day()
    fewer = busy_day(ReminderSettings(enabled=frozenset(ReminderKind) - {kind}))
    assert fewer == [r for r in everything if r.kind is not kind]
    assert of_kind(everything, kind) != []


def test_all_kinds_off_means_no_reminders() -> None:
    assert busy_day(ReminderSettings(enabled=frozenset())) == []


def test_cycle_lead_times_are_settings() -> None:
    leads = ReminderSettings(cycle_leads=(120, 45, 14))
    stages = {
        date(2026, 3, 1): None,  # 121 days left
        date(2026, 3, 2): 120,
        date(2026, 5, 16): 45,
        date(2026, 6, 16): 14,
        date(2026, 6, 30): 14,
    }
    for today, stage in stages.items():
        found = remind(today, credentials=cpc(today), settings=leads)
        keys = [r.key for r in of_kind(found, K.CEU_SHORTFALL)]
        assert keys == ([] if stage is None else [f"ceu-shortfall:{CPC_ID}:{stage}"]), today
        assert bool(of_kind(found, K.CYCLE_END)) is (today >= date(2026, 6, 16)), today
    # With the default lead times 2026-05-16 is in the 60-day stage, and no cycle end yet.
    found = remind(date(2026, 5, 16), credentials=cpc(date(2026, 5, 16)))
    assert [r.key for r in found] == [f"ceu-shortfall:{CPC_ID}:60"]


def test_exam_and_other_lead_times_are_settings() -> None:
    leads = ReminderSettings(
        exam_leads=(14, 3),
        no_study_days=3,
        membership_lead_days=60,
        backup_days=30,
        rules_age_days=30,
    )
    study = StudyFacts(open_modules=(EXAM,), last_study_day=date(2026, 10, 1))
    assert of_kind(remind(date(2026, 10, 2), study=study, settings=leads), K.EXAM) == []
    found = remind(date(2026, 10, 3), study=study, settings=leads)
    assert [r.key for r in found] == ["exam:9:2026-10-17:14"]
    found = remind(date(2026, 10, 4), study=study, settings=leads)
    assert [r.key for r in found] == ["no-study:2026-10-01", "exam:9:2026-10-17:14"]
    assert of_kind(found, K.NO_STUDY)[0].due == date(2026, 10, 4)
    assert only(remind(date(2026, 10, 14), study=study, settings=leads), K.EXAM).key == (
        "exam:9:2026-10-17:3"
    )
    assert [r.key for r in remind(date(2026, 5, 1), memberships=[AAPC_MEMBER], settings=leads)] == [
        "membership:AAPC:2026-06-30"
    ]
    house = Housekeeping(date(2026, 1, 1), None, date(2026, 1, 10))
    assert remind(date(2026, 1, 30), housekeeping=house, settings=leads) == []
    assert [r.key for r in remind(date(2026, 2, 9), housekeeping=house, settings=leads)] == [
        "backup:2026-01-01",
        "rules-old:2026-01-10",
    ]


def test_dismissed_and_snoozed_keys() -> None:
    today = date(2026, 5, 10)
    creds = cpc(today)
    members = [AAPC_MEMBER]
    shortfall = f"ceu-shortfall:{CPC_ID}:60"
    everything = all_reminders(None, creds, members, None, DEFAULT, today)
    assert [r.key for r in everything] == [shortfall]

    def shown(states: dict[str, ReminderState], day: date) -> list[str]:
        cs = cpc(day)
        return [r.key for r in due_reminders(None, cs, members, None, DEFAULT, states, day)]

    dismissed = {shortfall: ReminderState(shortfall, dismissed=True)}
    assert shown(dismissed, today) == []
    assert shown(dismissed, date(2026, 5, 30)) == []
    # The next stage is a new key: it shows, with the reminders that begin that day.
    assert shown(dismissed, date(2026, 5, 31)) == [
        f"ceu-shortfall:{CPC_ID}:30",
        "membership:AAPC:2026-06-30",
        f"submission:{CPC_ID}:2026-05-31",
    ]
    snoozed = {shortfall: ReminderState(shortfall, snoozed_until=date(2026, 5, 20))}
    assert shown(snoozed, today) == []
    assert shown(snoozed, date(2026, 5, 19)) == []
    assert shown(snoozed, date(2026, 5, 20)) == [shortfall]
    assert shown(snoozed, date(2026, 5, 21)) == [shortfall]
    # A state for another key changes nothing.
    other = {"backup:2026-01-01": ReminderState("backup:2026-01-01", dismissed=True)}
    assert shown(other, today) == [shortfall]


# --- a realistic year --------------------------------------------------------------------------

YEAR = (date(2026, 1, 1), date(2026, 12, 31))
PLAN_START = date(2026, 1, 5)
VACATION = (date(2026, 8, 3), date(2026, 8, 14))
LAST_STUDY = date(2026, 10, 16)
# (module id, title, due in the baseline, logged as done on): the exam is on a Saturday and its
# result is logged on the Sunday; Anatomy is finished eight days late.
MODULES = (
    (1, "Medical terminology", date(2026, 2, 27), date(2026, 2, 20), False),
    (2, "Anatomy and physiology", date(2026, 4, 30), date(2026, 5, 8), False),
    (3, "ICD-10-CM and CPT", date(2026, 8, 28), date(2026, 8, 27), False),
    (4, "CPC exam", date(2026, 10, 17), date(2026, 10, 18), True),
)
# CEUs for the CPC cycle 2024-07-01..2026-06-30, logged as they are earned: 30 of 36 by April,
# 32 from mid-May, and a late one in August that no longer counts for the ended cycle.
YEAR_ACTIVITIES = (
    CeuActivity(1, date(2024, 9, 14), D(10), "coding"),
    CeuActivity(2, date(2025, 3, 8), D(8), "coding"),
    CeuActivity(3, date(2025, 10, 18), D(8), "coding"),
    CeuActivity(4, date(2026, 2, 21), D(4), "coding"),
    CeuActivity(5, date(2026, 5, 16), D(2), "coding"),
    CeuActivity(6, date(2026, 8, 20), D(6), "coding"),
)
YEAR_CYCLES = (
    HeldCycle(1, "CPC", "CPC", LONG_AGO, CPC_ID, CPC_START, CPC_END),
    # The next cycle, already entered; nothing is due for it in 2026.
    HeldCycle(1, "CPC", "CPC", LONG_AGO, 12, date(2026, 7, 1), date(2028, 6, 30)),
)


def study_days() -> list[date]:
    return [
        d
        for d in days(PLAN_START, LAST_STUDY)
        if d.weekday() < 5 and not VACATION[0] <= d <= VACATION[1]
    ]


def year_facts(today: date) -> tuple[StudyFacts, list[CredentialStatus], Housekeeping]:
    """What the user's data says on `today`: only what was logged by then."""
    studied = [d for d in study_days() if d <= today]
    open_modules = tuple(
        PlannedModule(mid, title, due, is_exam)
        for mid, title, due, done, is_exam in MODULES
        if today < done
    )
    blocks = ((open_modules[0].module_id, open_modules[0].title, 60),) if today in studied else ()
    study = StudyFacts(blocks, open_modules, studied[-1] if studied else None, PLAN_START)
    logged = [a for a in YEAR_ACTIVITIES if a.completed_on <= today]
    allocations = [Allocation(a.id, CPC_ID, a.units) for a in logged]
    creds = credential_statuses(BOOK, YEAR_CYCLES, logged, allocations, today)
    backups = [d for d in days(date(2026, 1, 4), date(2026, 8, 30)) if d.weekday() == 6]
    last_backup = max((d for d in backups if d <= today), default=None)
    house = Housekeeping(last_backup, date(2026, 1, 1), rules_checked=date(2025, 4, 15))
    return study, creds, house


YEAR_MEMBERSHIPS = (Membership("AAPC", date(2024, 6, 30)),)


def year_reminders(today: date, states: dict[str, ReminderState] | None = None) -> list[Reminder]:
    study, creds, house = year_facts(today)
    if states is None:
        return all_reminders(study, creds, YEAR_MEMBERSHIPS, house, DEFAULT, today)
    return due_reminders(study, creds, YEAR_MEMBERSHIPS, house, DEFAULT, states, today)


# key: (first day, last day): every key below shows on each day in between and on no other day.
YEAR_EXPECTED = {
    "module-overdue:2:2026-04-30": (date(2026, 5, 1), date(2026, 5, 7)),
    f"ceu-shortfall:{CPC_ID}:90": (date(2026, 4, 1), date(2026, 4, 30)),
    f"ceu-shortfall:{CPC_ID}:60": (date(2026, 5, 1), date(2026, 5, 30)),
    f"ceu-shortfall:{CPC_ID}:30": (date(2026, 5, 31), date(2026, 6, 22)),
    f"ceu-shortfall:{CPC_ID}:7": (date(2026, 6, 23), date(2026, 6, 30)),
    f"submission:{CPC_ID}:2026-05-31": (date(2026, 5, 31), date(2026, 6, 30)),
    "membership:AAPC:2026-06-30": (date(2026, 5, 31), date(2026, 6, 30)),
    f"cycle-end:{CPC_ID}:2026-06-30": (date(2026, 6, 23), date(2026, 6, 30)),
    f"credential-overdue:{CPC_ID}:grace": (date(2026, 7, 1), date(2026, 7, 30)),
    f"credential-overdue:{CPC_ID}:lapsing": (date(2026, 7, 31), date(2026, 9, 28)),
    f"credential-overdue:{CPC_ID}:lapsed": (date(2026, 9, 29), date(2026, 12, 31)),
    "no-study:2026-07-31": (date(2026, 8, 7), date(2026, 8, 16)),
    "exam:4:2026-10-17:30": (date(2026, 9, 17), date(2026, 10, 9)),
    "exam:4:2026-10-17:7": (date(2026, 10, 10), date(2026, 10, 15)),
    "exam:4:2026-10-17:1": (date(2026, 10, 16), date(2026, 10, 17)),
    "rules-old:2025-04-15": (date(2026, 4, 15), date(2026, 12, 31)),
    "backup:2026-08-30": (date(2026, 9, 13), date(2026, 12, 31)),
}


@pytest.fixture(scope="module")
def year() -> dict[date, list[Reminder]]:
    return {d: year_reminders(d) for d in days(*YEAR)}


def test_a_realistic_year_every_reminder_on_its_days(year: dict[date, list[Reminder]]) -> None:
    seen: dict[str, list[date]] = defaultdict(list)
    for d, found in year.items():
        for r in found:
            seen[r.key].append(d)
    study_keys = {k for k in seen if k.startswith("study-today:")}
    assert study_keys == {f"study-today:{d.isoformat()}" for d in study_days()}
    spans = {k: (v[0], v[-1]) for k, v in seen.items() if k not in study_keys}
    assert spans == YEAR_EXPECTED
    for key, (first, last) in YEAR_EXPECTED.items():
        assert seen[key] == list(days(first, last)), key


def test_a_realistic_year_severities_and_figures(year: dict[date, list[Reminder]]) -> None:
    def find(day: date, key: str) -> Reminder:
        return next(r for r in year[day] if r.key == key)

    short = f"ceu-shortfall:{CPC_ID}"
    assert find(date(2026, 4, 1), f"{short}:90").severity is Severity.WARNING
    assert find(date(2026, 5, 1), f"{short}:60").severity is Severity.WARNING
    assert find(date(2026, 5, 31), f"{short}:30").severity is Severity.URGENT
    assert find(date(2026, 6, 23), f"{short}:7").severity is Severity.URGENT
    # The CEU logged on 2026-05-16 changes the figure in the message, not the key.
    assert "6 of 36 CEUs still missing" in find(date(2026, 5, 15), f"{short}:60").message
    assert "4 of 36 CEUs still missing" in find(date(2026, 5, 16), f"{short}:60").message
    assert "about 2.1 a month" in find(date(2026, 4, 1), f"{short}:90").message
    overdue = f"credential-overdue:{CPC_ID}"
    assert find(date(2026, 7, 1), f"{overdue}:grace").due == date(2026, 7, 30)
    # The CEU completed in August does not rescue the ended cycle.
    assert "lapses on 2026-09-28" in find(date(2026, 8, 21), f"{overdue}:lapsing").message
    exam = "exam:4:2026-10-17"
    assert find(date(2026, 9, 17), f"{exam}:30").severity is Severity.INFO
    assert "'CPC exam' is in 30 days" in find(date(2026, 9, 17), f"{exam}:30").message
    assert find(date(2026, 10, 10), f"{exam}:7").severity is Severity.WARNING
    assert "'CPC exam' is tomorrow" in find(date(2026, 10, 16), f"{exam}:1").message
    assert "'CPC exam' is today" in find(date(2026, 10, 17), f"{exam}:1").message
    assert "No study logged for 7 days" in find(date(2026, 8, 7), "no-study:2026-07-31").message
    # Quiet days: before the plan starts, and after the exam is logged outside backups and CEUs.
    assert year[date(2026, 1, 1)] == []
    assert [r.kind for r in year[date(2026, 10, 18)]] == [
        K.CREDENTIAL_OVERDUE,
        K.BACKUP,
        K.RULES_OLD,
    ]


def test_a_realistic_year_dismissing_on_sight_shows_each_key_once() -> None:
    """A user who dismisses every reminder the day it shows sees each key exactly once, on its
    first day; each new lead-time stage (a new key) shows again."""
    states: dict[str, ReminderState] = {}
    shown: dict[str, list[date]] = defaultdict(list)
    for d in days(*YEAR):
        for r in year_reminders(d, states):
            shown[r.key].append(d)
            states[r.key] = ReminderState(r.key, dismissed=True)
    assert all(len(v) == 1 for v in shown.values())
    firsts = {k: v[0] for k, v in shown.items() if not k.startswith("study-today:")}
    assert firsts == {k: first for k, (first, _) in YEAR_EXPECTED.items()}
    shortfall_days = sorted(d for k, [d] in shown.items() if k.startswith("ceu-shortfall:"))
    assert shortfall_days == [
        date(2026, 4, 1),
        date(2026, 5, 1),
        date(2026, 5, 31),
        date(2026, 6, 23),
    ]


def test_a_realistic_year_snooze_hides_until_the_date() -> None:
    sixty = f"ceu-shortfall:{CPC_ID}:60"
    states = {
        sixty: ReminderState(sixty, snoozed_until=date(2026, 5, 15)),
        # Snoozed past the day it stops applying: it never shows again.
        "membership:AAPC:2026-06-30": ReminderState(
            "membership:AAPC:2026-06-30", snoozed_until=date(2026, 7, 1)
        ),
    }
    shown: dict[str, list[date]] = defaultdict(list)
    for d in days(date(2026, 4, 20), date(2026, 7, 5)):
        for r in year_reminders(d, states):
            shown[r.key].append(d)
    assert shown[sixty] == list(days(date(2026, 5, 15), date(2026, 5, 30)))
    assert "membership:AAPC:2026-06-30" not in shown
    # The next stage is not snoozed.
    assert shown[f"ceu-shortfall:{CPC_ID}:30"][0] == date(2026, 5, 31)


def test_credentials_sharing_a_cycle_get_one_shortfall_and_their_own_quota() -> None:
    from decimal import Decimal as D

    from studyplanner.bundled import rule_book
    from studyplanner.core.ceu_status import (
        Allocation,
        CeuActivity,
        HeldCycle,
        credential_statuses,
    )
    from studyplanner.core.reminders import ReminderSettings, all_reminders

    today = date(2026, 11, 27)
    end = date(2026, 12, 31)
    cycles = [HeldCycle(1, "CPC", "CPC", date(2020, 1, 1), 7, date(2025, 1, 1), end),
              HeldCycle(2, "CPMA", "CPMA", date(2020, 1, 1), 8, date(2025, 1, 1), end)]  # fmt: skip
    acts = [CeuActivity(1, date(2025, 6, 1), D(10), "auditing")]
    allocs = [Allocation(1, 7, D(10)), Allocation(1, 8, D(10))]
    statuses = credential_statuses(rule_book(), cycles, acts, allocs, today)
    found = all_reminders(None, statuses, [], None, ReminderSettings(), today)
    shortfalls = [r for r in found if r.kind.value == "ceu_shortfall"]
    assert [(r.key, r.message.split(":")[0]) for r in shortfalls] == [
        ("ceu-shortfall:7:60", "CPC and CPMA")
    ]
    assert "30 of 40 CEUs still missing" in shortfalls[0].message
    quotas = [r for r in found if r.kind.value == "ceu_rule"]
    assert [(r.key, r.message.split(":")[0]) for r in quotas] == [("ceu-rule:8:quota:60", "CPMA")]
    assert [r.key for r in found if r.kind.value == "submission"] == []  # opens 2026-12-01
