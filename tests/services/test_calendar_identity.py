"""Calendar events other programs can trust: UIDs unique across data folders and stable across
exports (the folder's identity plus the record's), times in UTC that are the user's local study
time on each day across a daylight-saving change, and a file a strict RFC 5545 reader accepts."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from studyplanner.core.model import Availability
from studyplanner.services import credentials as creds
from studyplanner.services.calendar_export import write_ics
from studyplanner.services.database import Database, open_database
from studyplanner.services.plans import create_plan
from studyplanner.services.settings import AppSettings, save_app_settings
from studyplanner.services.snapshots import NewPlan, PlanSettings

TODAY = date(2027, 2, 1)


def _learner(folder: Path) -> Database:
    db = open_database(folder)
    settings = PlanSettings(start=TODAY, availability=Availability((60,) * 7), weekly_minutes=420)
    create_plan(db, NewPlan(settings=settings, template_id="cpc-exam-prep-experienced"), TODAY)
    creds.add_credential(db, "CPC", date(2019, 3, 10), TODAY, renewal_on=date(2027, 6, 30))
    save_app_settings(db, AppSettings(study_time="19:00"))
    return db


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _uids(path: Path) -> list[str]:
    return [str(e["uid"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def test_a_strict_reader_accepts_the_file(tmp_path: Path) -> None:
    db = _learner(tmp_path / "data")
    try:
        written = write_ics(db, tmp_path / "plan.ics", TODAY)
    finally:
        db.close()
    strict = IcsCalendarStream.calendar_from_ics(written.path.read_text(encoding="utf-8"))
    assert len(strict.events) == written.events > 10
    assert len({e.uid for e in strict.events}) == written.events
    timed = [e for e in strict.events if isinstance(e.dtstart, datetime)]
    assert timed and all(e.dtstart.tzinfo is not None for e in timed)  # never floating


def test_uids_are_stable_across_exports_and_unique_across_folders(tmp_path: Path) -> None:
    mine, theirs = _learner(tmp_path / "mine"), _learner(tmp_path / "theirs")
    try:
        first = _uids(write_ics(mine, tmp_path / "1.ics", TODAY).path)
        again = _uids(write_ics(mine, tmp_path / "2.ics", TODAY).path)
        other = _uids(write_ics(theirs, tmp_path / "3.ics", TODAY).path)
    finally:
        mine.close()
        theirs.close()
    assert first == again
    assert not set(first) & set(other)  # the same plan in another folder: other events
    assert all(uid.endswith(".studyplanner.invalid") and "-" in uid for uid in first)


def test_study_blocks_are_the_local_study_time_in_utc_across_dst(
    tmp_path: Path, new_york: None
) -> None:
    """19:00 in New York is 00:00 UTC in winter (EST, -5) and 23:00 UTC in summer (EDT, -4)."""
    db = _learner(tmp_path / "data")
    try:
        written = write_ics(db, tmp_path / "plan.ics", TODAY)
    finally:
        db.close()
    starts = [
        e.decoded("dtstart")
        for e in Calendar.from_ical(written.path.read_bytes()).walk("VEVENT")
        if str(e["summary"]).startswith("Study:")
    ]
    assert all(s.tzinfo is not None and s.utcoffset() == timedelta(0) for s in starts)
    winter = [s for s in starts if s.date() < date(2027, 3, 1)]
    summer = [s for s in starts if date(2027, 3, 15) <= s.date() <= date(2027, 10, 31)]
    assert winter and summer
    assert {s.astimezone().strftime("%H:%M") for s in starts} == {"19:00"}
    assert {s.hour for s in winter} == {0} and {s.hour for s in summer} == {23}
