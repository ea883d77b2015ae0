"""The audit packet's words in the app's language: services/audit_words.PacketWords filled
through tr() (so its texts are in the .ts like every message), with dates in the locale's short
form and CEU figures and rule checks as the Credentials screen shows them. In English the packet
is the command line's, word for word."""

from __future__ import annotations

from studyplanner.core.ceu_status import ActivityOutcome
from studyplanner.services.audit_words import ENGLISH, PacketWords
from studyplanner.ui.credentials.ceu_check_words import check_words
from studyplanner.ui.credentials.ceu_warning_words import not_counted_words
from studyplanner.ui.shared.formatting import format_date, tr, units_text
from studyplanner.ui.window.language import shown_language


def _t(text: str) -> str:
    return tr(text)


def _reason_words(outcome: ActivityOutcome) -> str:
    """Why an activity does not count, in the app's language (core gives it as a code)."""
    return "" if outcome.why is None else not_counted_words(outcome.why)


def packet_words() -> PacketWords:
    """Built on the GUI thread; its renderers (dates, figures, checks) may run on the worker,
    which tr() and QLocale allow."""
    language = shown_language()
    if language == "en":
        return ENGLISH
    return PacketWords(
        language=language,
        date=format_date,
        units=units_text,
        check=check_words,
        reason=_reason_words,
        title=_t("CEU audit report"),
        document_title=_t("CEU audit report: {credential}"),
        footer=_t("CEU audit report - {credential} - generated {date}"),
        page=_t("Page {n} of {total}"),
        cycle_dates=_t("{start} to {end}"),
        closed_on=_t(" (closed on {date})"),
        credential=_t("Credential"),
        certifying_body=_t("Certifying body"),
        earned_on=_t("Earned on"),
        ceu_cycle=_t("CEU cycle"),
        generated=_t("Report generated"),
        sharing=_t("Sharing the CEU total"),
        note=_t("Note"),
        holder=_t("Holder name / member ID"),
        complete=_t("Complete"),
        on_track=_t("On track"),
        at_risk=_t("At risk"),
        overdue=_t("Overdue"),
        cycle_ended=_t(" (cycle ended {date})"),
        days_left=_t(" ({n} days left)"),
        one_day_left=_t(" (1 day left)"),
        summary=_t("Summary"),
        required=_t("Required"),
        earned=_t("Earned"),
        remaining=_t("Remaining"),
        status=_t("Status"),
        ceus=_t("{n} CEUs"),
        not_met=_t("Not met yet: {checks}."),
        not_met_check=_t("{check}, {earned} earned so far"),
        user_figure=_t("The required figure was entered by the holder."),
        first_cycle=_t(
            "This is a first cycle, which the body may pro-rate: the figure shown is the full "
            "cycle's; the holder's account at the body shows the exact figure."
        ),
        pool=_t(
            "{credentials} share one total; an activity applied to several of them counts once "
            "toward it."
        ),
        pace=_t("To finish on time: {n} CEUs a month."),
        rule_checks=_t("Rule checks"),
        rule=_t("Rule"),
        met=_t("Met"),
        source=_t("Source"),
        checked=_t("Checked"),
        yes=_t("Yes"),
        no=_t("No"),
        to_verify=_t("(marked 'to verify' in the rule book)"),
        activities=_t("Activities applied to this cycle"),
        no_activity=_t("No activity is applied to this cycle yet."),
        column_date=_t("Date"),
        column_title=_t("Title"),
        column_provider=_t("Provider"),
        column_index=_t("Index / approval no."),
        column_applied=_t("Units\napplied"),
        column_counted=_t("Units\ncounted"),
        column_category=_t("Category"),
        column_certificate=_t("Certificate (file in the zip)"),
        column_reason=_t("Not counted because"),
        missing=_t("missing"),
        total_one=_t("Total: 1 activity"),
        total_many=_t("Total: {n} activities"),
        on_file=_t("{n} of {total} on file"),
        counted=_t("Counted toward the cycle's total: {earned} of {required} CEUs required."),
        counted_shared=_t(
            "Counted toward the cycle's total: {earned} of {required} CEUs required (shared by "
            "{credentials})."
        ),
        missing_one=_t("1 activity has no certificate on file (marked 'missing')."),
        missing_many=_t("{n} activities have no certificate on file (marked 'missing')."),
        all_on_file=_t("Every activity's certificate is in the accompanying zip file."),
        attest=_t("I attest that I completed the activities listed above on the dates shown."),
        signature=_t("Signature:"),
        signed_on=_t("Date:"),
    )
