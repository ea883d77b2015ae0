"""Where busy time from calendars is kept: one app setting (JSON), tied to the plan by its uid.

No table of its own (no migration): the value names the plan it is for and lists the sources,
each with its busy stretches in local minutes (core.busy_time.minute_of) as one flat list of
(gap since the previous stretch's end, length) pairs. It stays within what every setting may
be (services/setting_limits.py: MAX_SETTING_TEXT characters, MAX_SETTING_DEPTH levels, which an
archive's import checks too): `fits` says whether sources do. A value that is malformed, too
big or for another plan reads as no busy time at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from studyplanner.core.busy_time import busy_days
from studyplanner.core.model import BusyDay
from studyplanner.services.bounded_json import loads_or_none
from studyplanner.services.setting_limits import MAX_SETTING_DEPTH, MAX_SETTING_TEXT
from studyplanner.store.identity import UID

if TYPE_CHECKING:
    from studyplanner.store import models

BUSY_KEY = "busy_time"
MAX_SOURCES = 8
MAX_STRETCHES = 6_000
"""Busy stretches kept over all sources (a daily event for five years is 1,827)."""
MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class BusySource:
    """One calendar file's busy time. `path` is set for a subscribed file (re-read on request);
    an imported file keeps what was read from it."""

    name: str
    path: str | None
    read_on: date
    first: date
    last: date
    """The span of dates the file was expanded over."""
    occurrences: int
    stretches: tuple[tuple[int, int], ...] = field(default=())

    @property
    def busy_minutes(self) -> int:
        return sum(b - a for a, b in self.stretches)


def _source_json(s: BusySource) -> dict[str, Any]:
    return {
        "name": s.name,
        "path": s.path,
        "read_on": s.read_on.isoformat(),
        "first": s.first.isoformat(),
        "last": s.last.isoformat(),
        "occurrences": s.occurrences,
        "stretches": _flat(s.stretches),
    }


def _flat(stretches: tuple[tuple[int, int], ...]) -> list[int]:
    out: list[int] = []
    end = 0
    for a, b in stretches:
        out += [a - end, b - a]
        end = b
    return out


def _pairs(flat: list[Any]) -> tuple[tuple[int, int], ...]:
    if len(flat) % 2:
        raise ValueError("an odd number of values")
    pairs, end = [], 0
    for i in range(0, len(flat), 2):
        start = end + int(flat[i])
        end = start + int(flat[i + 1])
        pairs.append((start, end))
    return tuple(pairs)


def _source(value: Any) -> BusySource | None:
    try:
        path = value["path"]
        stretches = _pairs(value["stretches"])
        return BusySource(
            name=str(value["name"])[:MAX_NAME],
            path=None if path is None else str(path),
            read_on=date.fromisoformat(value["read_on"]),
            first=date.fromisoformat(value["first"]),
            last=date.fromisoformat(value["last"]),
            occurrences=int(value["occurrences"]),
            stretches=stretches,
        )
    except (KeyError, TypeError, ValueError):
        return None


def sources_from_text(raw: str | None, plan_uid: str) -> tuple[BusySource, ...]:
    if raw is None:
        return ()
    value = loads_or_none(raw, max_depth=MAX_SETTING_DEPTH, max_length=MAX_SETTING_TEXT)
    if not isinstance(value, dict) or value.get("plan") != plan_uid:
        return ()
    listed = value.get("sources")
    if not isinstance(listed, list):
        return ()
    sources = [s for s in (_source(v) for v in listed[:MAX_SOURCES]) if s is not None]
    return tuple(sources)


def sources_to_text(sources: tuple[BusySource, ...], plan_uid: str) -> str:
    return json.dumps(
        {"plan": plan_uid, "sources": [_source_json(s) for s in sources]},
        separators=(",", ":"),
    )


def fits(sources: tuple[BusySource, ...]) -> bool:
    """Whether these sources can be stored (for any plan uid: they are 32 characters)."""
    return (
        len(sources) <= MAX_SOURCES
        and sum(len(s.stretches) for s in sources) <= MAX_STRETCHES
        and len(sources_to_text(sources, "0" * 32)) <= MAX_SETTING_TEXT
    )


def busy_of(sources: tuple[BusySource, ...]) -> tuple[BusyDay, ...]:
    """Busy minutes per date over all sources (time busy in two calendars counts once)."""
    return busy_days(stretch for s in sources for stretch in s.stretches)


def plan_uid(plan: models.Plan) -> str:
    """The plan's identity the busy time is tied to (kept across restores and archives)."""
    return str(getattr(plan, UID))


def read_sources(session: Session, plan_uid: str) -> tuple[BusySource, ...]:
    from studyplanner.store import models  # the ORM: not on the Dashboard's first read

    row = session.get(models.AppSetting, BUSY_KEY)
    return sources_from_text(None if row is None else row.value, plan_uid)


def write_sources(session: Session, sources: tuple[BusySource, ...], plan_uid: str) -> None:
    from studyplanner.store import models

    value = sources_to_text(sources, plan_uid)
    row = session.get(models.AppSetting, BUSY_KEY)
    if row is None:
        session.add(models.AppSetting(key=BUSY_KEY, value=value))
    else:
        row.value = value


def busy_for_plan(conn: Connection, plan_uid: str) -> tuple[BusyDay, ...]:
    """The stored busy time of the plan with this uid (read with plain SQL, for plan_reader)."""
    raw = conn.execute(
        text("SELECT value FROM app_settings WHERE key = :key"), {"key": BUSY_KEY}
    ).scalar()
    return busy_of(sources_from_text(raw, plan_uid))
