"""iCalendar texts for the busy-time tests (written like real exports: CRLF, folded names)."""

from __future__ import annotations


def calendar(*events: str, extra: str = "") -> bytes:
    body = "".join(events)
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Tests//Busy//EN\n{extra}{body}END:VCALENDAR\n"
    return text.replace("\n", "\r\n").encode()


def event(uid: str, *lines: str) -> str:
    inner = "".join(f"{line}\n" for line in lines)
    return f"BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20260101T000000Z\n{inner}END:VEVENT\n"


NY_SHIFT = calendar(
    event(
        "shift@example.org",
        "SUMMARY:Shift",
        "DTSTART;TZID=America/New_York:20270307T090000",
        "DTEND;TZID=America/New_York:20270307T170000",
        "RRULE:FREQ=WEEKLY;BYDAY=SU;UNTIL=20271128T140000Z",
    ),
    extra=(
        "BEGIN:VTIMEZONE\nTZID:America/New_York\n"
        "BEGIN:DAYLIGHT\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nTZNAME:EDT\n"
        "DTSTART:19700308T020000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\nEND:DAYLIGHT\n"
        "BEGIN:STANDARD\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nTZNAME:EST\n"
        "DTSTART:19701101T020000\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\nEND:STANDARD\n"
        "END:VTIMEZONE\n"
    ),
)
"""A Sunday 09:00-17:00 shift in New York from 2027-03-07 to 2027-11-28: across the change to
summer time (2027-03-14) and back (2027-11-07)."""

SHIFT_WITH_CHANGES = calendar(
    event(
        "weekly@example.org",
        "DTSTART:20270301T090000",
        "DTEND:20270301T170000",
        "RRULE:FREQ=WEEKLY;COUNT=5",
        "EXDATE:20270308T090000",
    ),
    event(
        "weekly@example.org",
        "RECURRENCE-ID:20270315T090000",
        "DTSTART:20270315T120000",
        "DTEND:20270315T140000",
    ),
)
"""Mondays 09:00-17:00 floating (local) time, five of them: 03-08 left out, 03-15 moved to
12:00-14:00."""

ALL_DAY = calendar(
    event("trip@example.org", "DTSTART;VALUE=DATE:20270310", "DTEND;VALUE=DATE:20270312"),
    event("day@example.org", "DTSTART;VALUE=DATE:20270320"),
    event(
        "free@example.org", "DTSTART:20270322T100000", "DTEND:20270322T120000", "TRANSP:TRANSPARENT"
    ),
    event(
        "off@example.org", "DTSTART:20270323T100000", "DTEND:20270323T120000", "STATUS:CANCELLED"
    ),
)
"""A two-day trip (03-10, 03-11), a one-day event without an end (03-20), and a free and a
cancelled event that are not busy."""

EVERY_DAY_FOR_A_MONTH = calendar(
    event("month@example.org", "DTSTART;VALUE=DATE:20270104", "RRULE:FREQ=DAILY;COUNT=31"),
)
