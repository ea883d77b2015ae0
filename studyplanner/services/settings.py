"""The user's settings, stored as JSON values in the database (one transaction per change).

Unknown or malformed stored values fall back to the default, so a hand-edited or older database
never stops the app.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from studyplanner.core.reminders import ReminderKind, ReminderSettings
from studyplanner.core.validation import InvalidInput, problem
from studyplanner.services.bounded_json import loads_or_none
from studyplanner.services.database import Database
from studyplanner.services.setting_limits import MAX_SETTING_DEPTH, MAX_SETTING_TEXT
from studyplanner.store import models

_REMINDERS = "reminders"
_APP = "app"
MAX_LEAD_DAYS = 366
KNOWN_SETTINGS = (_REMINDERS, _APP)


@dataclass(frozen=True, slots=True)
class AppSettings:
    keep_in_tray: bool = True
    """Closing the window keeps Study Planner in the system tray (where there is one)."""
    remind_when_closed: bool = False
    """A light reminder agent starts at login and notifies even when the app is closed."""
    study_time: str = "18:00"
    """When study blocks start in the exported calendar (HH:MM, local time)."""
    extra: dict[str, Any] = field(default_factory=dict)


def _read(db: Database, key: str) -> Any:
    with db.transaction() as session:
        return _stored(session, key)


def _stored(session: Session, key: str) -> Any:
    row = session.get(models.AppSetting, key)
    if row is None:
        return None
    return loads_or_none(row.value, max_depth=MAX_SETTING_DEPTH, max_length=MAX_SETTING_TEXT)


def _write(db: Database, key: str, value: Any) -> None:
    text = json.dumps(value, sort_keys=True)
    with db.transaction() as session:
        row = session.get(models.AppSetting, key)
        if row is None:
            session.add(models.AppSetting(key=key, value=text))
        else:
            row.value = text


def _leads(value: Any, default: tuple[int, ...]) -> tuple[int, ...]:
    if not isinstance(value, list) or not value:
        return default
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_LEAD_DAYS
               for v in value):  # fmt: skip
        return default
    return tuple(sorted(set(value), reverse=True))


def _days(value: Any, default: int) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_LEAD_DAYS:
        return value
    return default


def reminder_settings(db: Database) -> ReminderSettings:
    with db.transaction() as session:
        return read_reminder_settings(session)


def read_reminder_settings(session: Session) -> ReminderSettings:
    """The reminder settings, on the caller's session."""
    raw = _stored(session, _REMINDERS)
    base = ReminderSettings()
    if not isinstance(raw, dict):
        return base
    kinds = raw.get("enabled")
    enabled = base.enabled
    if isinstance(kinds, list):
        enabled = frozenset(k for k in ReminderKind if k.value in kinds)
    return ReminderSettings(
        enabled=enabled,
        exam_leads=_leads(raw.get("exam_leads"), base.exam_leads),
        cycle_leads=_leads(raw.get("cycle_leads"), base.cycle_leads),
        no_study_days=_days(raw.get("no_study_days"), base.no_study_days),
        membership_lead_days=_days(raw.get("membership_lead_days"), base.membership_lead_days),
        backup_days=_days(raw.get("backup_days"), base.backup_days),
        rules_age_days=_days(raw.get("rules_age_days"), base.rules_age_days),
    )


def save_reminder_settings(db: Database, settings: ReminderSettings) -> None:
    problems = []
    for name in ("exam_leads", "cycle_leads"):
        leads = getattr(settings, name)
        if not leads or not all(0 <= d <= MAX_LEAD_DAYS for d in leads):
            problems.append(problem(name, "lead_days_range", limit=MAX_LEAD_DAYS))
    for name in ("no_study_days", "membership_lead_days", "backup_days", "rules_age_days"):
        if not 1 <= getattr(settings, name) <= MAX_LEAD_DAYS:
            problems.append(problem(name, "days_range", limit=MAX_LEAD_DAYS))
    if problems:
        raise InvalidInput(problems)
    _write(db, _REMINDERS, {
        "enabled": sorted(k.value for k in settings.enabled),
        "exam_leads": list(settings.exam_leads), "cycle_leads": list(settings.cycle_leads),
        "no_study_days": settings.no_study_days,
        "membership_lead_days": settings.membership_lead_days,
        "backup_days": settings.backup_days, "rules_age_days": settings.rules_age_days,
    })  # fmt: skip


def _valid_time(text: Any) -> bool:
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":":
        return False
    hours, minutes = text[:2], text[3:]
    return hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60


def app_settings(db: Database) -> AppSettings:
    raw = _read(db, _APP)
    base = AppSettings()
    if not isinstance(raw, dict):
        return base
    return replace(
        base,
        keep_in_tray=bool(raw.get("keep_in_tray", base.keep_in_tray)),
        remind_when_closed=bool(raw.get("remind_when_closed", base.remind_when_closed)),
        study_time=raw["study_time"] if _valid_time(raw.get("study_time")) else base.study_time,
    )


def save_app_settings(db: Database, settings: AppSettings) -> None:
    if not _valid_time(settings.study_time):
        raise InvalidInput([problem("study_time", "study_time_form")])
    _write(db, _APP, {
        "keep_in_tray": settings.keep_in_tray,
        "remind_when_closed": settings.remind_when_closed,
        "study_time": settings.study_time,
    })  # fmt: skip
