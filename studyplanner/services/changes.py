"""What a user action changed: the small value each operation reports, so that the window
re-reads only the screens that show it (and a hidden screen when it is next shown).

Each service that owns an operation names its Changes next to it (`study_log.SESSION_CHANGES`,
`ceu_activities.ACTIVITY_CHANGES`, `plans.PLAN_CHANGES`, ...); the GUI emits that value after
the call succeeded. A restore, an import, a write by another program or a new day is `ALL`."""

from __future__ import annotations

from enum import Flag, auto


class Changes(Flag):
    NONE = 0
    PLAN = auto()
    """The active plan: its settings, modules, schedule or baselines."""
    MODULES = auto()
    """What a module shows: done or not, its logged time, its status."""
    SESSIONS = auto()
    """The study sessions (and the running timer)."""
    PROGRESS = auto()
    """The figures read from the plan and the study: percent done, forecast, this week."""
    CREDENTIALS = auto()
    """Credentials and their cycles."""
    CEUS = auto()
    """CEU activities and what they count for."""
    REMINDERS = auto()
    """What is due: anything a reminder is made from, or a reminder answered."""
    SETTINGS = auto()
    """The app's and the reminders' settings."""
    BACKUPS = auto()
    """The backups in the data folder."""
    ALL = PLAN | MODULES | SESSIONS | PROGRESS | CREDENTIALS | CEUS | REMINDERS | SETTINGS | BACKUPS


SESSION_CHANGES = Changes.SESSIONS | Changes.PROGRESS | Changes.MODULES | Changes.REMINDERS
"""A study session logged, edited, deleted or brought back (also by the timer)."""
COMPLETION_CHANGES = Changes.MODULES | Changes.PROGRESS | Changes.REMINDERS
"""A module marked done or reopened."""
PLAN_CHANGES = Changes.PLAN | Changes.MODULES | Changes.PROGRESS | Changes.REMINDERS
"""A new plan, a re-plan, a fix or a change of its modules or schedule (a new baseline)."""
ACTIVITY_CHANGES = Changes.CEUS | Changes.REMINDERS
"""A CEU activity added, edited, deleted or brought back."""
CREDENTIAL_CHANGES = Changes.CREDENTIALS | Changes.CEUS | Changes.REMINDERS
"""A credential added or its cycle edited (what its CEUs count for may move)."""
CYCLE_CLOSE_CHANGES = CREDENTIAL_CHANGES | Changes.BACKUPS
"""A cycle closed (or a credential deleted): a backup is taken first."""
SETTINGS_CHANGES = Changes.SETTINGS | Changes.REMINDERS
"""A setting saved (reminder settings decide what is due)."""
BACKUP_CHANGES = Changes.BACKUPS | Changes.REMINDERS
"""A backup taken by hand (the reminder about the last backup's age is answered)."""
