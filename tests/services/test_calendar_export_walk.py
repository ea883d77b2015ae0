"""The calendar export on a real SQLite file, with every day of the leap year around 29 February
2028 as today, then every 28 February, 29 February and 1 March from 2024 to 2032 with a plan and
the .ics file parsed back with icalendar: nothing raises (a 29 February 'today' used to), and each
renewal, cycle end and exam falls on the day it should.

The held credentials: a CPC whose AAPC membership renews on 29 February (so its cycle ends on
29 February 2028) and a CCS whose exam was passed on 29 February 2028. Expected renewal days come
from the calendar module (`same_day_in`), not from the code under test.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from studyplanner.bundled import credential_rules
from studyplanner.core.model import Availability
from studyplanner.services import credentials as creds
from studyplanner.services.calendar_export import MAX_SPAN_DAYS, build_calendar, write_ics
from studyplanner.services.database import Database, open_database
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.plans import create_plan
from studyplanner.services.snapshots import NewPlan, PlanSettings

LEAP_DAY = date(2028, 2, 29)
RENEWAL_ANCHOR = date(2024, 2, 29)
YEAR_AROUND = [date(2027, 9, 1) + timedelta(days=n) for n in range(366)]
RANGE = [date(2024, 1, 1) + timedelta(days=n) for n in range(3288)]  # to 2032-12-31
EDGES = [day for day in RANGE if (day.month, day.day) in {(2, 28), (2, 29), (3, 1)}]
CPC_CYCLE = (date(2026, 3, 1), LEAP_DAY)
CCS_CYCLE = (LEAP_DAY, date(2030, 2, 28))  # a 29 February pass: ends on 28 February
AAPC_WINDOW = next(
    b["submission"]["window_days_before_due"]
    for b in credential_rules()["bodies"]
    if b["code"] == "AAPC"
)


def same_day_in(day: date, year: int) -> date:
    """`day`'s month and day in `year`, or the last day of the month if it is shorter."""
    return date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def _renewals_between(first: date, last: date) -> list[date]:
    days = (same_day_in(RENEWAL_ANCHOR, year) for year in range(first.year, last.year + 1))
    return [day for day in days if first <= day <= last]


def _open_with_credentials(folder: Path) -> Database:
    db = open_database(folder)
    cpc = creds.add_credential(db, "CPC", CPC_CYCLE[0], LEAP_DAY, renewal_on=RENEWAL_ANCHOR)
    ccs = creds.add_credential(db, "CCS", LEAP_DAY, LEAP_DAY)
    assert (cpc.current.start, cpc.current.end) == CPC_CYCLE
    assert (ccs.current.start, ccs.current.end) == CCS_CYCLE
    return db


@pytest.fixture(scope="module")
def credentials_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = _open_with_credentials(tmp_path_factory.mktemp("walk") / "data")
    yield db
    db.close()


@pytest.fixture(scope="module")
def plan_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The credentials and a plan started on 29 February 2028 (creating it used to raise)."""
    db = _open_with_credentials(tmp_path_factory.mktemp("edges") / "data")
    week = Availability.from_mapping({"mon": 60, "wed": 90, "sat": 120})
    settings = PlanSettings(start=LEAP_DAY, availability=week, weekly_minutes=270)
    create_plan(db, NewPlan(settings, template_id="cpc-exam-prep-experienced"), LEAP_DAY)
    yield db
    db.close()


def _events(cal: Calendar) -> dict[str, list[date]]:
    """Each event's summary with its days (the date part of a study block's start)."""
    found: dict[str, list[date]] = {}
    for event in cal.walk("VEVENT"):
        assert isinstance(event, Event)
        start = event.decoded("dtstart")
        day = start.date() if isinstance(start, datetime) else start
        found.setdefault(str(event["summary"]), []).append(day)
    return found


def _check_deadlines(found: dict[str, list[date]], first: date, last: date | None) -> None:
    def if_within(day: date) -> list[date]:
        return [day] if first <= day and (last is None or day <= last) else []

    renewals_to = last or same_day_in(first, first.year + 2)
    assert found.get("AAPC membership renewal", []) == _renewals_between(first, renewals_to)
    assert found.get("CPC: CEU cycle ends", []) == if_within(CPC_CYCLE[1])
    assert found.get("CCS: CEU cycle ends", []) == if_within(CCS_CYCLE[1])
    opens = CPC_CYCLE[1] - timedelta(days=AAPC_WINDOW)
    assert found.get("CPC: AAPC submission window opens", []) == if_within(opens)


def test_every_day_of_a_leap_year_as_today(credentials_db: Database) -> None:
    for today in YEAR_AROUND:
        cal = build_calendar(credentials_db, today)
        _check_deadlines(_events(cal), today, None)
        uids = [str(e["uid"]) for e in cal.walk("VEVENT")]
        assert len(uids) == len(set(uids)), today


@pytest.mark.parametrize("span", [None, MAX_SPAN_DAYS], ids=["open-ended", "longest-range"])
@pytest.mark.parametrize("today", EDGES, ids=str)
def test_the_ics_of_each_leap_day_and_its_neighbours_parses_back(
    plan_db: Database, tmp_path: Path, today: date, span: int | None
) -> None:
    until = None if span is None else today + timedelta(days=span)

    def in_range(day: date) -> bool:
        return today <= day and (until is None or day <= until)

    out = tmp_path / "plan.ics"
    written = write_ics(plan_db, out, today, today, until)
    found = _events(Calendar.from_ical(out.read_bytes()))
    assert written.events == sum(len(days) for days in found.values())
    _check_deadlines(found, today, until)
    plan = active_plan(plan_db, today)
    assert plan is not None
    exams = {m.id for m in plan.track.modules if m.kind.is_exam}
    assert exams
    assert _days_of(found, "Exam: ") == sorted(
        sm.due
        for sm in plan.schedule.modules
        if sm.module_id in exams and sm.due and in_range(sm.due)
    )
    assert _days_of(found, "Study: ") == sorted(
        b.day for b in plan.schedule.blocks if in_range(b.day)
    )


def _days_of(found: dict[str, list[date]], prefix: str) -> list[date]:
    return sorted(
        day for summary, days in found.items() if summary.startswith(prefix) for day in days
    )
