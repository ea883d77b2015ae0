"""The names and notes of the calendar export's events in the app's language:
services/calendar_export.CalendarWords filled through tr(). In English the file is the command
line's, word for word."""

from __future__ import annotations

from studyplanner.services.calendar_export import ENGLISH, CalendarWords
from studyplanner.ui.shared.formatting import tr, units_text
from studyplanner.ui.window.language import shown_language


def _t(text: str) -> str:
    return tr(text)


def calendar_words() -> CalendarWords:
    if shown_language() == "en":
        return ENGLISH
    return CalendarWords(
        units=units_text,
        study=_t("Study: {title}"),
        study_note=_t("{minutes} minutes planned for {title}."),
        exam=_t("Exam: {title}"),
        sitting_note=_t("{title}: one sitting of {minutes} minutes."),
        exam_note=_t("The planned exam date of your study plan."),
        cycle_ends=_t("{label}: CEU cycle ends"),
        cycle_note=_t(
            "Submit your CEUs to {body} by this day: {required} required, {earned} earned so far."
        ),
        submission_opens=_t("{label}: {body} submission window opens"),
        membership=_t("{body} membership renewal"),
        membership_note=_t("Membership dues keep your credentials active."),
    )
