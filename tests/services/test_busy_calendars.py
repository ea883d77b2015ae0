"""Busy time from calendar files against a real SQLite file: expansion, preview, accept, refuse."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from studyplanner.core.busy_time import busy_days, busy_on
from studyplanner.core.model import Availability
from studyplanner.services import busy_time
from studyplanner.services.database import Database, open_database
from studyplanner.services.ics_busy import MAX_FILE_BYTES, CalendarRefused, busy_from_ics
from studyplanner.services.plans import active_plan, create_plan
from studyplanner.services.snapshots import NewPlan, PlanSettings
from tests.services.busy_ics import (
    ALL_DAY,
    EVERY_DAY_FOR_A_MONTH,
    NY_SHIFT,
    SHIFT_WITH_CHANGES,
    calendar,
    event,
)

NY = ZoneInfo("America/New_York")
TODAY = date(2026, 11, 27)
START = date(2027, 1, 4)


def _busy(data: bytes, first: date, last: date, zone: ZoneInfo = NY) -> dict[date, int]:
    return busy_on(busy_days(busy_from_ics(data, first, last, zone).stretches))


@pytest.mark.parametrize("zone", ["America/New_York", "UTC", "Asia/Tokyo"])
def test_a_weekly_shift_stays_eight_hours_across_daylight_saving(zone: str) -> None:
    busy = _busy(NY_SHIFT, date(2027, 3, 1), date(2027, 12, 31), ZoneInfo(zone))
    assert sum(busy.values()) == 39 * 480  # every Sunday from 03-07 to 11-28
    if zone == "America/New_York":
        sundays = [date(2027, 3, 7) + timedelta(weeks=n) for n in range(39)]
        assert busy == dict.fromkeys(sundays, 480)
        assert busy[date(2027, 3, 14)] == busy[date(2027, 11, 7)] == 480


def test_exdate_and_a_moved_occurrence() -> None:
    busy = _busy(SHIFT_WITH_CHANGES, date(2027, 3, 1), date(2027, 4, 30))
    assert busy == {
        date(2027, 3, 1): 480,
        date(2027, 3, 15): 120,
        date(2027, 3, 22): 480,
        date(2027, 3, 29): 480,
    }


def test_all_day_free_and_cancelled_events() -> None:
    busy = _busy(ALL_DAY, date(2027, 3, 1), date(2027, 4, 30))
    assert busy == {date(2027, 3, 10): 1440, date(2027, 3, 11): 1440, date(2027, 3, 20): 1440}


def test_only_the_span_is_read() -> None:
    assert _busy(NY_SHIFT, date(2027, 3, 8), date(2027, 3, 13)) == {}


def test_a_second_parser_reads_the_shift_the_same_way() -> None:
    from ical.calendar_stream import IcsCalendarStream

    parsed = IcsCalendarStream.calendar_from_ics(NY_SHIFT.decode())
    ours = _busy(NY_SHIFT, date(2027, 1, 1), date(2027, 12, 31))
    theirs = {
        e.dtstart.date(): int((e.dtend - e.dtstart).total_seconds() // 60)  # type: ignore[operator]
        for e in parsed.timeline_tz(NY)
    }
    assert theirs == ours


# -- the plan --------------------------------------------------------------------------------


@pytest.fixture
def db(data_dir: Path) -> Database:
    database = open_database(data_dir)
    settings = PlanSettings(
        start=START, availability=Availability((90, 90, 90, 90, 90, 180, 0)), weekly_minutes=600
    )
    create_plan(database, NewPlan(settings=settings, template_id="cpc-certificate-program"), TODAY)
    yield database  # type: ignore[misc]
    database.close()


def _dump(data_dir: Path) -> list[str]:
    files = [p for p in data_dir.rglob("*.sqlite3")] + [p for p in data_dir.rglob("*.db")]
    connection = sqlite3.connect(files[0])
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_import_previews_then_accept_changes_the_plan(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "family.ics"
    path.write_bytes(EVERY_DAY_FOR_A_MONTH)
    before = active_plan(db, TODAY)
    assert before is not None and before.schedule.finish is not None
    change = busy_time.preview_import(db, [path], TODAY, zone=NY)
    assert change.preview.schedule.finish is not None
    assert change.preview.schedule.finish > before.schedule.finish
    assert busy_time.busy_sources(db) == ()  # a preview saves nothing
    snapshot, changes = busy_time.accept(db, change, TODAY, now=datetime(2026, 11, 27, 9))
    assert changes == busy_time.BUSY_CHANGES
    assert snapshot.schedule.finish == change.preview.schedule.finish
    assert len(snapshot.baselines) == len(before.baselines) + 1
    january = {START + timedelta(days=n) for n in range(31)}
    assert not january & {b.day for b in snapshot.schedule.blocks}
    (source,) = busy_time.busy_sources(db)
    assert source.name == "family.ics" and source.path is None and source.occurrences == 31
    reread = active_plan(db, TODAY)
    assert reread is not None and reread.settings.busy == snapshot.settings.busy

    removal = busy_time.preview_removal(db, ["family.ics"], TODAY)
    snapshot, _ = busy_time.accept(db, removal, TODAY)
    assert busy_time.busy_sources(db) == ()
    assert snapshot.schedule.finish == before.schedule.finish


def test_a_subscribed_file_is_read_again_on_request(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "shifts.ics"
    path.write_bytes(calendar())
    busy_time.accept(db, busy_time.preview_import(db, [path], TODAY, subscribe=True), TODAY)
    (source,) = busy_time.busy_sources(db)
    assert source.path == str(path.resolve()) and source.stretches == ()
    path.write_bytes(EVERY_DAY_FOR_A_MONTH)
    change = busy_time.preview_reread(db, TODAY, zone=NY)
    assert change.sources[0].occurrences == 31
    snapshot, _ = busy_time.accept(db, change, TODAY)
    assert START not in {b.day for b in snapshot.schedule.blocks}


def test_other_changes_keep_the_busy_time(db: Database, tmp_path: Path) -> None:
    from dataclasses import replace

    from studyplanner.services.plans import apply_plan_change
    from studyplanner.services.snapshots import PlanChange

    path = tmp_path / "family.ics"
    path.write_bytes(EVERY_DAY_FOR_A_MONTH)
    busy_time.accept(db, busy_time.preview_import(db, [path], TODAY), TODAY)
    plan = active_plan(db, TODAY)
    assert plan is not None
    fresh = replace(plan.settings, weekly_minutes=540, busy=None)  # as a settings form makes it
    snapshot = apply_plan_change(db, PlanChange(settings=fresh), TODAY)
    assert START not in {b.day for b in snapshot.schedule.blocks}


HOSTILE = {
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10,
    "not_calendar": b"Name,Start,End\nShift,2027-03-01 09:00,2027-03-01 17:00\n",
    "truncated": SHIFT_WITH_CHANGES[: len(SHIFT_WITH_CHANGES) // 2],
    "broken": calendar(event("x", "DTSTART:2027XX01T090000", "DTEND:20270301T170000")),
    "absurd_date": calendar(event("x", "DTSTART:00010101T090000", "RRULE:FREQ=DAILY")),
    "too_frequent": calendar(event("x", "DTSTART:20270101T090000", "RRULE:FREQ=SECONDLY")),
    "too_frequent_since_long_ago": calendar(
        event("x", "DTSTART:19000101T090000", "DTEND:19000101T091500", "RRULE:FREQ=HOURLY")
    ),
    "too_many_occurrences": calendar(
        event("x", "DTSTART:20270101T090000", "DTEND:20270101T091000", "RRULE:FREQ=HOURLY")
    ),
    "too_many_events": calendar(
        *(event(f"e{n}", "DTSTART;VALUE=DATE:20270101") for n in range(20_001))
    ),
}


def test_a_rule_that_never_happens_is_stopped_in_time(
    db: Database, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studyplanner.services import ics_busy

    monkeypatch.setattr(ics_busy, "MAX_SECONDS", 0.5)  # python-dateutil would look until 9999
    never = calendar(
        event("x", "DTSTART:20270101T090000", "RRULE:FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30")
    )
    path = tmp_path / "never.ics"
    path.write_bytes(never)
    before = _dump(data_dir)
    with pytest.raises(CalendarRefused) as refused:
        busy_time.preview_import(db, [path], TODAY)
    assert refused.value.code == "too_slow" and refused.value.values["seconds"] == 0.5
    assert _dump(data_dir) == before
    assert sum(range(100_000)) == 4_999_950_000  # a late _TooSlow would land here: none does


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_are_refused_and_nothing_changes(
    db: Database, data_dir: Path, tmp_path: Path, name: str
) -> None:
    path = tmp_path / f"{name}.ics"
    path.write_bytes(HOSTILE[name])
    before = _dump(data_dir)
    with pytest.raises(CalendarRefused) as refused:
        busy_time.preview_import(db, [path], TODAY)
    assert refused.value.code == name.removesuffix("_since_long_ago")
    assert refused.value.values["name"] == path.name
    assert _dump(data_dir) == before


def test_huge_and_missing_files_are_refused(db: Database, tmp_path: Path) -> None:
    huge = tmp_path / "huge.ics"
    with huge.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(CalendarRefused) as refused:
        busy_time.preview_import(db, [huge], TODAY)
    assert refused.value.code == "too_big"
    with pytest.raises(CalendarRefused) as refused:
        busy_time.preview_import(db, [tmp_path / "gone.ics"], TODAY)
    assert refused.value.code == "not_found"


def test_what_is_stored_stays_within_what_an_archive_accepts(db: Database, tmp_path: Path) -> None:
    from studyplanner.services.bounded_json import loads
    from studyplanner.services.busy_store import (
        MAX_STRETCHES,
        BusySource,
        fits,
        sources_from_text,
        sources_to_text,
    )
    from studyplanner.services.setting_limits import MAX_SETTING_DEPTH, MAX_SETTING_TEXT

    day = 24 * 60
    stretches = tuple((n * day + 500, n * day + 500 + 479) for n in range(MAX_STRETCHES))
    biggest = BusySource("x" * 200, "/" + "p" * 300, TODAY, START, START, 10_000, stretches)
    assert fits((biggest,))
    text = sources_to_text((biggest,), "u" * 32)
    assert len(text) <= MAX_SETTING_TEXT
    loads(text, max_depth=MAX_SETTING_DEPTH)  # what archive_meaning checks on import
    assert sources_from_text(text, "u" * 32) == (biggest,)
    assert sources_from_text(text, "another plan") == ()
    assert not fits((biggest, BusySource("y", None, TODAY, START, START, 1, ((0, 1),))))

    path = tmp_path / "hourly.ics"
    path.write_bytes(
        calendar(
            event(
                "x",
                "DTSTART:20270104T000000",
                "DTEND:20270104T001000",
                "RRULE:FREQ=HOURLY;COUNT=7000",
            )
        )
    )
    with pytest.raises(CalendarRefused) as refused:
        busy_time.preview_import(db, [path], TODAY)
    assert refused.value.code == "too_many_occurrences"
    assert refused.value.values["limit"] == MAX_STRETCHES


def test_busy_time_travels_in_an_archive(db: Database, tmp_path: Path) -> None:
    from studyplanner.services.archive.transfer import export_archive, import_archive

    path = tmp_path / "family.ics"
    path.write_bytes(EVERY_DAY_FOR_A_MONTH)
    snapshot, _ = busy_time.accept(db, busy_time.preview_import(db, [path], TODAY), TODAY)
    archive = tmp_path / "all.zip"
    export_archive(db, archive, now=datetime(2026, 11, 27, 10))
    other = open_database(tmp_path / "other")
    try:
        import_archive(other, archive, "replace", now=datetime(2026, 11, 27, 11))
        assert [s.name for s in busy_time.busy_sources(other)] == ["family.ics"]
        moved = active_plan(other, TODAY)
        assert moved is not None and moved.settings.busy == snapshot.settings.busy
    finally:
        other.close()
