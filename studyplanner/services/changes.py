"""What a user action changed: the small value each operation reports, so that the window
re-reads only the screens that show it (and a hidden screen when it is next shown).

Below, one value per operation, each naming the service functions it is for (one table, so the
GUI and anything else that reports a change agree); the GUI emits it after the call succeeded.
A restore, an import, a write by another program or a new day is `ALL`.

tests/services/test_changes_cover_writes.py runs every operation below on a learner's database
and fails when a table it wrote (or a backup it took) is not named by its value."""

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
"""study_log.log_session, update_session, delete_session, restore_session, stop_timer."""
COMPLETION_CHANGES = Changes.MODULES | Changes.PROGRESS | Changes.REMINDERS
"""progress.mark_done, reopen (study_log.set_completion, clear_completion)."""
PLAN_CHANGES = Changes.PLAN | Changes.MODULES | Changes.PROGRESS | Changes.REMINDERS
"""plans.create_plan, apply_plan_change; plan_fixes.apply_plan_fix: a new baseline."""
ACTIVITY_CHANGES = Changes.CEUS | Changes.REMINDERS
"""ceu_activities.add_activity, update_activity, delete_activity, restore_activity."""
CREDENTIAL_CHANGES = Changes.CREDENTIALS | Changes.CEUS | Changes.REMINDERS
"""credentials.add_credential, update_cycle, edit_credential (what CEUs count for may move)."""
CYCLE_CLOSE_CHANGES = CREDENTIAL_CHANGES | Changes.BACKUPS
"""credentials.close_cycle, delete_credential: a backup is taken first."""
SETTINGS_CHANGES = Changes.SETTINGS | Changes.REMINDERS
"""settings.save_reminder_settings, save_app_settings (reminder settings decide what is due)."""
BACKUP_CHANGES = Changes.BACKUPS | Changes.REMINDERS
"""backups.backup_now by hand: the reminder about the last backup's age is answered."""
TIMER_CHANGES = Changes.SESSIONS
"""study_log.start_timer (pause, resume): the running timer shows only in the Study log's timer
bar, which did it, so the GUI routes nothing (no other screen re-reads for it)."""
REMINDER_ANSWER_CHANGES = Changes.REMINDERS
"""reminders.dismiss, snooze: a reminder answered. Only the Dashboard's reminders panel shows
reminders and it did it; its count reaches the sidebar's badge and the tray through its
`count_changed`, so the GUI routes nothing either."""
