"""What is wrong with an input, as a code: each code's English template, with {placeholders}
for the values a Problem carries (core/validation.py). The command line says the template in
English with the values filled in; the GUI says the same code through tr() with the values in
the user's locale (ui/shared/problem_words.py), so the templates are marked for lupdate here.

A template is marked with QT_TRANSLATE_NOOP, a marker only (core never imports Qt): lupdate reads
it by name and files the template under the empty context, as a free tr() looks it up."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for lupdate under `context` (""); returns it unchanged."""
    return source


TEMPLATES: dict[str, str] = {
    # The plan: dates, budget, availability, days off, modules (core/validation.py)
    "start_missing": QT_TRANSLATE_NOOP("", "Choose the date you start studying."),
    "start_range": QT_TRANSLATE_NOOP("", "The start date must be between 2000 and {year}."),
    "start_long_ago": QT_TRANSLATE_NOOP("", "The start date is more than a year ago."),
    "target_or_hours": QT_TRANSLATE_NOOP(
        "", "Give either a target date or a number of hours a week."
    ),
    "target_past": QT_TRANSLATE_NOOP("", "The target date is in the past."),
    "target_before_start": QT_TRANSLATE_NOOP("", "The target date must be after the start date."),
    "target_too_late": QT_TRANSLATE_NOOP("", "The target date must be before {year}."),
    "weekly_zero": QT_TRANSLATE_NOOP("", "Hours a week must be more than zero."),
    "weekly_too_many": QT_TRANSLATE_NOOP("", "That is more hours a week than anyone can study."),
    "availability_empty": QT_TRANSLATE_NOOP("", "Give at least one day with some study time."),
    "availability_short": QT_TRANSLATE_NOOP(
        "",
        "Your weekdays add up to only {hours} hours a week; raise the daily minutes or lower the "
        "weekly hours.",
    ),
    "minutes_negative": QT_TRANSLATE_NOOP("", "Minutes cannot be negative."),
    "day_too_long": QT_TRANSLATE_NOOP("", "More than 16 hours in a day is not realistic."),
    "days_off_reversed": QT_TRANSLATE_NOOP("", "A day off period ends before it starts."),
    "days_off_too_long": QT_TRANSLATE_NOOP(
        "", "A day off period longer than a year is not realistic."
    ),
    "days_off_overlap": QT_TRANSLATE_NOOP(
        "",
        "The days off {start} to {end} overlap {other_start} to {other_end}; join them into "
        "one period.",
    ),
    "module_title_missing": QT_TRANSLATE_NOOP("", "Give the module a title."),
    "module_title_long": QT_TRANSLATE_NOOP("", "Keep the title under 200 characters."),
    "module_hours_zero": QT_TRANSLATE_NOOP("", "Estimated hours must be more than zero."),
    "module_hours_many": QT_TRANSLATE_NOOP(
        "", "More than 2,000 hours for one module looks like a typo."
    ),
    "note_long": QT_TRANSLATE_NOOP("", "Keep the note under {limit} characters."),
    # Credentials and their cycles (core/credential_checks.py, services/credentials.py)
    "credential_unknown": QT_TRANSLATE_NOOP(
        "", "Unknown credential '{credential}'. Known: {known}."
    ),
    "credential_name": QT_TRANSLATE_NOOP("", "Give the credential a name of 1 to 40 characters."),
    "credential_earned_range": QT_TRANSLATE_NOOP(
        "", "The date earned must be between 1970 and today."
    ),
    "credential_renewal_range": QT_TRANSLATE_NOOP("", "The renewal date is not a sensible date."),
    "credential_taken": QT_TRANSLATE_NOOP("", "You already have a credential called {name}."),
    "credential_gone": QT_TRANSLATE_NOOP("", "There is no credential {id}."),
    "credential_no_open_cycle": QT_TRANSLATE_NOOP("", "This credential has no open cycle."),
    "credential_unjudged": QT_TRANSLATE_NOOP(
        "",
        "The rules cannot judge the credential {credential} ({body}): an unknown code or dates out "
        "of range; its cycle cannot be closed.",
    ),
    "cycle_start_range": QT_TRANSLATE_NOOP("", "The cycle start must be between 1970 and {year}."),
    "cycle_end_range": QT_TRANSLATE_NOOP("", "The cycle end must be between 1970 and {year}."),
    "cycle_reversed": QT_TRANSLATE_NOOP("", "The cycle must end after it starts."),
    "cycle_too_long": QT_TRANSLATE_NOOP("", "A cycle longer than ten years is not realistic."),
    "cycle_before_credential": QT_TRANSLATE_NOOP(
        "", "The cycle starts long before the credential."
    ),
    "cycle_gone": QT_TRANSLATE_NOOP("", "There is no cycle {id}."),
    "cycle_closed": QT_TRANSLATE_NOOP("", "A closed cycle is kept as it was; it cannot change."),
    "ceus_range": QT_TRANSLATE_NOOP("", "Give a number of CEUs between 0 and 500."),
    "ceus_decimals": QT_TRANSLATE_NOOP("", "Use at most two decimals."),
    # Study sessions and completions (services/study_log.py)
    "session_gone": QT_TRANSLATE_NOOP("", "That session no longer exists."),
    "session_exists": QT_TRANSLATE_NOOP("", "That session exists already."),
    "session_module_gone": QT_TRANSLATE_NOOP("", "Its module no longer exists."),
    "session_minutes_zero": QT_TRANSLATE_NOOP("", "Minutes must be more than zero."),
    "session_too_long": QT_TRANSLATE_NOOP(
        "", "More than 16 hours in one session is not realistic."
    ),
    "session_before_2000": QT_TRANSLATE_NOOP("", "The date is before 2000."),
    "timer_not_running": QT_TRANSLATE_NOOP("", "No timer is running."),
    "timer_running": QT_TRANSLATE_NOOP("", "A timer is already on for “{title}”; stop it first."),
    "session_future": QT_TRANSLATE_NOOP("", "A session cannot be in the future."),
    "completion_future": QT_TRANSLATE_NOOP("", "A module cannot be completed in the future."),
    "module_not_in_plan": QT_TRANSLATE_NOOP("", "There is no module {id} in your plan."),
    "module_not_done": QT_TRANSLATE_NOOP("", "Module {id} is not marked done."),
    "score_range": QT_TRANSLATE_NOOP("", "A score is a percentage from 0 to 100."),
    "score_not_exam": QT_TRANSLATE_NOOP("", "Only exams and practice exams have a score."),
    "section_twice": QT_TRANSLATE_NOOP("", "A section is listed twice."),
    # CEU activities (services/ceu_activities.py)
    "activity_gone": QT_TRANSLATE_NOOP("", "There is no activity {id}."),
    "activity_exists": QT_TRANSLATE_NOOP("", "That activity exists already."),
    "activity_title_missing": QT_TRANSLATE_NOOP("", "Give the activity a title."),
    "activity_date_range": QT_TRANSLATE_NOOP(
        "", "The completion date must be between 2000 and today."
    ),
    "units_not_number": QT_TRANSLATE_NOOP("", "CEUs must be a number."),
    "units_not_parsed": QT_TRANSLATE_NOOP("", "'{text}' is not a number of CEUs."),
    "activity_title_long": QT_TRANSLATE_NOOP("", "Keep the title under 300 characters."),
    "provider_long": QT_TRANSLATE_NOOP("", "Keep the provider under 200 characters."),
    "index_long": QT_TRANSLATE_NOOP("", "Keep the index number under 100 characters."),
    "category_unknown": QT_TRANSLATE_NOOP("", "Unknown category '{category}'. Known: {known}."),
    "credential_cycle_gone": QT_TRANSLATE_NOOP("", "There is no credential cycle {id}."),
    "allocation_closed": QT_TRANSLATE_NOOP(
        "", "The {credential} cycle ending {end} is closed; it cannot change."
    ),
    "allocation_twice": QT_TRANSLATE_NOOP("", "{credential} is listed twice."),
    "allocation_range": QT_TRANSLATE_NOOP("", "Apply between 0 and {units} CEUs to {credential}."),
    "activity_closed_edit": QT_TRANSLATE_NOOP(
        "", "This activity counts in a closed cycle; it is kept as it was and cannot change."
    ),
    "activity_closed_delete": QT_TRANSLATE_NOOP(
        "", "This activity counts in a closed cycle; it is kept as it was."
    ),
    "certificate_kind": QT_TRANSLATE_NOOP("", "{name} is not a PDF or an image (PNG, JPEG, ...)."),
    "certificate_dangling": QT_TRANSLATE_NOOP(
        "",
        "The certificate {path} is a symbolic link to nothing (what it points to does not exist).",
    ),
    "certificate_missing": QT_TRANSLATE_NOOP("", "The certificate {path} does not exist."),
    "certificate_folder": QT_TRANSLATE_NOOP("", "The certificate {path} is a folder, not a file."),
    "certificate_special": QT_TRANSLATE_NOOP(
        "", "The certificate {path} is {kind}, not a regular file."
    ),
    "certificate_unreadable": QT_TRANSLATE_NOOP(
        "", "The certificate {path} cannot be read: {why}."
    ),
    "certificate_large": QT_TRANSLATE_NOOP("", "{name} is larger than 50 MB."),
    "certificate_fake": QT_TRANSLATE_NOOP("", "{name} is not really a {kind} file."),
    "units_zero": QT_TRANSLATE_NOOP("", "CEUs must be more than zero."),
    "units_too_many": QT_TRANSLATE_NOOP(
        "", "More than {limit} CEUs for one activity is not realistic."
    ),
    "units_decimals": QT_TRANSLATE_NOOP("", "Use at most two decimals (for example 0.25)."),
    # The plan's records (services/plans.py)
    "no_plan": QT_TRANSLATE_NOOP("", "There is no plan yet: start the plan assistant first."),
    "terms_missing": QT_TRANSLATE_NOOP("", "Give the dates of all {count} terms."),
    "terms_overlap": QT_TRANSLATE_NOOP("", "Term {term} starts before term {earlier} ends."),
    "track_no_modules": QT_TRANSLATE_NOOP("", "A track needs at least one module."),
    "track_name_missing": QT_TRANSLATE_NOOP("", "Give the track a name."),
    "modules_same_ref": QT_TRANSLATE_NOOP("", "Two modules have the same reference."),
    "module_requires_itself": QT_TRANSLATE_NOOP("", "Module {n} cannot require itself."),
    "module_term_range": QT_TRANSLATE_NOOP("", "Choose a term from 1 to {count}."),
    "module_not_in_track": QT_TRANSLATE_NOOP("", "Module “{title}” is not part of this track."),
    "module_remove_done": QT_TRANSLATE_NOOP(
        "", "“{title}” is completed; reopen it before removing it."
    ),
    "module_remove_logged": QT_TRANSLATE_NOOP(
        "", "“{title}” has study sessions logged; delete them before removing it."
    ),
    # Settings and reminders (services/settings.py, services/reminders.py)
    "lead_days_range": QT_TRANSLATE_NOOP("", "Give lead times between 0 and {limit} days."),
    "days_range": QT_TRANSLATE_NOOP("", "Give a number of days from 1 to {limit}."),
    "study_time_form": QT_TRANSLATE_NOOP("", "Give the time as HH:MM, e.g. 18:30."),
    "snooze_range": QT_TRANSLATE_NOOP("", "Snooze until a day after today, within a year."),
    # Backups, exports and the files they write (services/backups.py, output_files.py, ...)
    "backup_gone": QT_TRANSLATE_NOOP("", "There is no backup {path}."),
    "backup_unusable": QT_TRANSLATE_NOOP("", "The backup {name} cannot be restored: {why}."),
    "range_reversed": QT_TRANSLATE_NOOP("", "The end of the range is before its start."),
    "range_too_long": QT_TRANSLATE_NOOP("", "Export at most three years at a time."),
    "output_is_own_data": QT_TRANSLATE_NOOP(
        "", "{path} is Study Planner's own data; choose another file to write."
    ),
    "output_exists": QT_TRANSLATE_NOOP("", "{path} already exists; it was left as it is."),
    "output_is_folder": QT_TRANSLATE_NOOP("", "{path} is a folder; give a file name."),
    "output_no_folder": QT_TRANSLATE_NOOP("", "The folder {path} does not exist."),
    "output_unwritable": QT_TRANSLATE_NOOP("", "{path} cannot be written: {why}."),
    "output_special": QT_TRANSLATE_NOOP(
        "",
        "{path} is {kind}, not a regular file; an export writes only regular files, so it "
        "was left as it is.",
    ),
    "credential_none_called": QT_TRANSLATE_NOOP(
        "", "There is no credential called '{name}'; none is recorded yet."
    ),
    "credential_not_called": QT_TRANSLATE_NOOP(
        "", "There is no credential called '{name}'. Known: {known}."
    ),
    "report_unjudged": QT_TRANSLATE_NOOP(
        "",
        "The rules cannot judge the credential {credential} (an unknown code or dates out "
        "of range); there is no report to make for it.",
    ),
    "report_certificate_unreadable": QT_TRANSLATE_NOOP(
        "", "The certificate of '{title}' ({path}) cannot be read: {why}."
    ),
    # Archives refused on import (services/archive/read.py): said after the place, "x.zip: ..."
    "archive_is_folder": QT_TRANSLATE_NOOP("", "is a folder, not an archive file"),
    "archive_missing": QT_TRANSLATE_NOOP("", "does not exist"),
    "archive_unreadable": QT_TRANSLATE_NOOP("", "cannot be read: {why}"),
    "archive_too_large": QT_TRANSLATE_NOOP("", "is larger than {gb} GB"),
    "archive_not_zip": QT_TRANSLATE_NOOP(
        "", "is not a Study Planner archive (not a zip file, or a damaged one)"
    ),
    "archive_no_document": QT_TRANSLATE_NOOP(
        "", "has no {document}: it is not a Study Planner archive"
    ),
    "archive_password": QT_TRANSLATE_NOOP(
        "", "is password-protected; Study Planner cannot read it"
    ),
    "archive_newer": QT_TRANSLATE_NOOP(
        "",
        "the archive was written by a newer version of Study Planner ({version}); install "
        "the newer version to import it",
    ),
    # The data file (store/errors.py): one sentence each, what happened, what was not done,
    # what to do
    "store_busy": QT_TRANSLATE_NOOP(
        "",
        "The database {path} is in use by another program, which kept it locked for more "
        "than five seconds.",
    ),
    "store_busy_what": QT_TRANSLATE_NOOP("", "Close the other program (or wait) and try again."),
    "store_full": QT_TRANSLATE_NOOP("", "The disk holding {path} is full; nothing was written."),
    "store_full_what": QT_TRANSLATE_NOOP("", "Free some space and try again."),
    "store_read_only": QT_TRANSLATE_NOOP(
        "", "The database {path} is read-only; nothing was written."
    ),
    "store_read_only_what": QT_TRANSLATE_NOOP(
        "", "Check the permissions of the file and its folder (the app needs to write there)."
    ),
    "store_io": QT_TRANSLATE_NOOP("", "The disk holding {path} reported a read or write error."),
    "store_io_what": QT_TRANSLATE_NOOP(
        "",
        "Check the disk (or the network or removable drive it is on) and try again; your "
        "backups are in the data folder's backups folder.",
    ),
    "store_damaged": QT_TRANSLATE_NOOP("", "The database {path} is damaged and cannot be read."),
    "store_damaged_what": QT_TRANSLATE_NOOP(
        "",
        "Restore a backup (they are in the data folder's backups folder); nothing more was "
        "written to it.",
    ),
    "store_cannot_open": QT_TRANSLATE_NOOP(
        "", "The database {path} cannot be opened: its folder is missing, unreadable or full."
    ),
    "store_cannot_open_what": QT_TRANSLATE_NOOP("", "Check the data folder and try again."),
    "store_not_backed_up": QT_TRANSLATE_NOOP("", "It was not backed up."),
    "store_not_checked": QT_TRANSLATE_NOOP("", "It was not checked."),
    "store_not_upgraded": QT_TRANSLATE_NOOP("", "It was not upgraded."),
    "store_not_restored": QT_TRANSLATE_NOOP("", "It was not restored."),
    "store_not_recovered": QT_TRANSLATE_NOOP("", "It was not recovered."),
    # A track that cannot be scheduled at all (core/placement.py)
    "plan_same_id": QT_TRANSLATE_NOOP("", "two modules share the same id"),
    "prerequisite_unknown": QT_TRANSLATE_NOOP(
        "", "'{title}' requires a module that is not in the track (id {id})"
    ),
    "prerequisite_self": QT_TRANSLATE_NOOP("", "'{title}' cannot require itself"),
    "term_without_dates": QT_TRANSLATE_NOOP(
        "", "'{title}' belongs to term {term}, which has no dates"
    ),
    "prerequisites_each_other": QT_TRANSLATE_NOOP(
        "", "'{first}' and '{second}' require each other"
    ),
    "prerequisites_circle": QT_TRANSLATE_NOOP(
        "", "the prerequisites go round in a circle: {links}"
    ),
    # Why a backup cannot be restored (services/backups.py), said after "cannot be restored:"
    "backup_cannot_open": QT_TRANSLATE_NOOP("", "cannot be opened: {why}"),
    "backup_damaged": QT_TRANSLATE_NOOP("", "it is damaged"),
    "backup_not_database": QT_TRANSLATE_NOOP("", "it is not a database ({why})"),
    "backup_not_ours": QT_TRANSLATE_NOOP("", "it holds no Study Planner data"),
    "backup_newer": QT_TRANSLATE_NOOP("", "it was written by a newer version"),
}
"""Every code a Problem may carry, with its English template."""


def english(code: str, values: dict[str, str]) -> str:
    """The template of `code` in English with `values` (already in words) filled in."""
    return TEMPLATES[code].format(**values)
