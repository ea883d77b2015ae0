"""Export to the user's own calendar: an iCalendar (.ics) file written with the `icalendar` library.

One event per study block (at the user's study time, lasting the block's minutes), the exam dates
(an exam sat in one go is one timed event, its sitting, never a study block besides) and the
credential deadlines (cycle end, submission window, membership renewal), each with alarms.
UIDs are derived from what an event is about (the module's or cycle's record identity and the
day, the renewal date) and this data folder's own identity, so importing a newer export updates
events instead of duplicating them, and two data folders (or two people) never share a UID.
Timed events are in UTC (the user's local study time on that day, daylight saving included), so
every reader places them at the same moment; deadlines are all-day dates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from icalendar import Alarm, Calendar, Event
from sqlalchemy import select

from studyplanner.bundled import rule_book
from studyplanner.core.calendar_steps import anniversaries, years_later
from studyplanner.core.validation import InvalidInput, problem
from studyplanner.services.audit_words import units_text
from studyplanner.services.credentials import can_be_judged, ceu_statuses, list_credentials
from studyplanner.services.database import Database
from studyplanner.services.output_files import check_destination, replaced_whole
from studyplanner.services.plan_reader import active_plan
from studyplanner.services.settings import app_settings
from studyplanner.store import tables
from studyplanner.store.location import folder_identity

UID_DOMAIN = "studyplanner.invalid"
PRODID = "-//Study Planner//Study Planner for medical coders//EN"
MAX_SPAN_DAYS = 3 * 366
BLOCK_ALARM = timedelta(minutes=-15)
EXAM_ALARMS = (timedelta(days=-7), timedelta(days=-1))
CYCLE_ALARMS = (timedelta(days=-90), timedelta(days=-30), timedelta(days=-7))
RENEWAL_ALARMS = (timedelta(days=-30), timedelta(days=-7))
RENEWAL_YEARS_AHEAD = 2  # membership renewals exported when the range has no end


@dataclass(frozen=True, slots=True)
class CalendarWords:
    """The words of the exported events: English here (the command line's calendar); the GUI
    fills the same templates through tr() in its language (ui/settings/calendar_words.py)."""

    units: Callable[[Decimal], str] = units_text
    study: str = "Study: {title}"
    study_note: str = "{minutes} minutes planned for {title}."
    exam: str = "Exam: {title}"
    sitting_note: str = "{title}: one sitting of {minutes} minutes."
    exam_note: str = "The planned exam date of your study plan."
    cycle_ends: str = "{label}: CEU cycle ends"
    cycle_note: str = (
        "Submit your CEUs to {body} by this day: {required} required, {earned} earned so far."
    )
    submission_opens: str = "{label}: {body} submission window opens"
    membership: str = "{body} membership renewal"
    membership_note: str = "Membership dues keep your credentials active."


ENGLISH = CalendarWords()


@dataclass(frozen=True, slots=True)
class _Uids:
    """Event UIDs: what the event is about (a record's identity, a day), then this folder."""

    folder: str
    modules: dict[int, str]
    cycles: dict[int, str]

    def of(self, *parts: str) -> str:
        return f"{'-'.join(parts)}@{self.folder}.{UID_DOMAIN}"

    @classmethod
    def read(cls, db: Database) -> _Uids:
        m, c = tables.modules, tables.credential_cycles
        with db.read() as conn:
            modules = {i: u for i, u in conn.execute(select(m.c.id, m.c.uid))}
            cycles = {i: u for i, u in conn.execute(select(c.c.id, c.c.uid))}
        return cls(folder_identity(db.data_dir), modules, cycles)


def _local(day: date, at: time) -> datetime:
    """The user's local time `at` on `day` as a UTC moment (the offset of that very day)."""
    return datetime.combine(day, at).astimezone(UTC)


@dataclass(frozen=True, slots=True)
class CalendarExport:
    path: Path
    events: int
    alarms: int


def _alarm(trigger: timedelta, text: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", trigger)
    return alarm


def _event(uid: str, summary: str, start: date | datetime, stamp: datetime, *,
           end: datetime | None = None, description: str = "",
           alarms: tuple[timedelta, ...] = ()) -> Event:  # fmt: skip
    """`uid` is already whole (see _Uids); timed events are given in UTC."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    else:  # an all-day event lasts one day
        assert isinstance(start, date) and not isinstance(start, datetime)
        event.add("dtend", start + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    if description:
        event.add("description", description)
    for trigger in alarms:
        event.add_component(_alarm(trigger, summary))
    return event


def build_calendar(
    db: Database, today: date, first: date | None = None, last: date | None = None,
    *, stamp: datetime | None = None, words: CalendarWords = ENGLISH,
) -> Calendar:  # fmt: skip
    """The calendar of the plan and the credentials between `first` and `last` (both included;
    by default from today on, for everything planned), its events named in `words`."""
    first = first or today
    if last is not None and last < first:
        raise InvalidInput([problem("to", "range_reversed")])
    if last is not None and (last - first).days > MAX_SPAN_DAYS:
        raise InvalidInput([problem("to", "range_too_long")])
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    at = time.fromisoformat(app_settings(db).study_time)

    def within(day: date) -> bool:
        return first <= day and (last is None or day <= last)

    uids = _Uids.read(db)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Study Planner")
    plan = active_plan(db, today)
    if plan is not None:
        modules = {m.id: m for m in plan.track.modules}
        sat = {  # sittings with their day: the block is the exam's one event
            b.module_id
            for b in plan.schedule.blocks
            if (m := modules.get(b.module_id)) is not None and m.sitting
        }
        for block in plan.schedule.blocks:
            module = modules.get(block.module_id)
            if module is None or module.done or not within(block.day):
                continue
            start = _local(block.day, at)
            if module.sitting:  # sat in one go: one event, the exam itself, at its length
                cal.add_component(_event(
                    uids.of("exam", uids.modules[module.id]),
                    words.exam.format(title=module.title), start,
                    stamp, end=start + timedelta(minutes=block.minutes),
                    description=words.sitting_note.format(title=module.title,
                                                          minutes=block.minutes),
                    alarms=EXAM_ALARMS,
                ))  # fmt: skip
                continue
            cal.add_component(_event(
                uids.of("block", uids.modules[block.module_id], block.day.isoformat()),
                words.study.format(title=module.title), start, stamp,
                end=start + timedelta(minutes=block.minutes),
                description=words.study_note.format(minutes=block.minutes, title=module.title),
                alarms=(BLOCK_ALARM,),
            ))  # fmt: skip
        for sm in plan.schedule.modules:
            module = modules.get(sm.module_id)
            if module is None or module.done or not module.kind.is_exam or sm.due is None:
                continue
            if module.id in sat:
                continue  # its block is the exam's event
            if within(sm.due):
                cal.add_component(_event(
                    uids.of("exam", uids.modules[module.id]),
                    words.exam.format(title=module.title), sm.due, stamp,
                    description=words.exam_note, alarms=EXAM_ALARMS,
                ))  # fmt: skip
    for s in ceu_statuses(db, today):
        if within(s.cycle_end):
            cal.add_component(_event(
                uids.of("cycle-end", uids.cycles[s.cycle_id]),
                words.cycle_ends.format(label=s.label), s.cycle_end, stamp,
                description=words.cycle_note.format(body=s.body, required=words.units(s.required),
                                                    earned=words.units(s.earned)),
                alarms=CYCLE_ALARMS,
            ))  # fmt: skip
        if s.submission_opens is not None and within(s.submission_opens):
            cal.add_component(_event(
                uids.of("submission", uids.cycles[s.cycle_id]),
                words.submission_opens.format(label=s.label, body=s.body),
                s.submission_opens, stamp,
            ))  # fmt: skip
    book = rule_book()
    renewals = {
        (c.body, c.renewal_on)
        for c in list_credentials(db)
        if c.renewal_on is not None
        and can_be_judged(book, c)
        and book.bodies[c.body].membership_required
    }
    renewals_until = last if last is not None else years_later(first, RENEWAL_YEARS_AHEAD)
    for body, anchor in sorted(renewals):
        for day in anniversaries(anchor, first, renewals_until):
            cal.add_component(_event(
                uids.of("membership", body, day.isoformat()), words.membership.format(body=body),
                day, stamp, description=words.membership_note,
                alarms=RENEWAL_ALARMS,
            ))  # fmt: skip
    return cal


def write_ics(
    db: Database,
    path: Path,
    today: date,
    first: date | None = None,
    last: date | None = None,
    *,
    force: bool = False,
    words: CalendarWords = ENGLISH,
) -> CalendarExport:
    """Write the calendar to `path` (whole or not at all; an existing file is replaced only
    with `force`), its events named in `words` (English unless the GUI passes its own)."""
    path = Path(path)
    check_destination(db, path, "file", force=force)
    cal = build_calendar(db, today, first, last, words=words)
    with replaced_whole(db, path, "file", force=force) as tmp:
        tmp.write_bytes(cal.to_ical())
    events = list(cal.walk("VEVENT"))
    return CalendarExport(path, len(events), sum(len(e.walk("VALARM")) for e in events))
