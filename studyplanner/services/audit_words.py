"""Every word of the audit packet's PDF that is not the holder's data, as a plain table: English
here (the command line's packet), another language from the GUI, which fills the same table
through tr() (ui/credentials/packet_words.py) and passes it to write_audit_packet. No Qt: a
table of templates ({placeholders} filled by the report) and three small renderers (dates,
CEU figures, a rule check), so the report is laid out the same in every language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from studyplanner.core.ceu_status import ActivityOutcome, CeuStatus
from studyplanner.core.rule_check import RuleCheck


def units_text(value: Decimal) -> str:
    """A CEU figure without trailing zeros: 36, 2.5."""
    return f"{value.normalize():f}"


def iso_date(day: date) -> str:
    return day.isoformat()


def check_label(check: RuleCheck) -> str:
    return check.label


def outcome_reason(outcome: ActivityOutcome) -> str:
    return outcome.reason or ""


@dataclass(frozen=True, slots=True)
class PacketWords:
    """The words of the audit report (English by default); `language` names them for the PDF's
    metadata ("en", "es")."""

    language: str = "en"
    # renderers
    date: Callable[[date], str] = iso_date
    units: Callable[[Decimal], str] = units_text
    check: Callable[[RuleCheck], str] = check_label
    reason: Callable[[ActivityOutcome], str] = outcome_reason
    # the front page
    title: str = "CEU audit report"
    document_title: str = "CEU audit report: {credential}"
    footer: str = "CEU audit report - {credential} - generated {date}"
    page: str = "Page {n} of {total}"
    cycle_dates: str = "{start} to {end}"
    closed_on: str = " (closed on {date})"
    credential: str = "Credential"
    certifying_body: str = "Certifying body"
    earned_on: str = "Earned on"
    ceu_cycle: str = "CEU cycle"
    generated: str = "Report generated"
    sharing: str = "Sharing the CEU total"
    note: str = "Note"
    holder: str = "Holder name / member ID"
    complete: str = "Complete"
    on_track: str = "On track"
    at_risk: str = "At risk"
    overdue: str = "Overdue"
    cycle_ended: str = " (cycle ended {date})"
    days_left: str = " ({n} days left)"
    one_day_left: str = " (1 day left)"
    summary: str = "Summary"
    required: str = "Required"
    earned: str = "Earned"
    remaining: str = "Remaining"
    status: str = "Status"
    ceus: str = "{n} CEUs"
    not_met: str = "Not met yet: {checks}."
    not_met_check: str = "{check}, {earned} earned so far"
    list_separator: str = "; "
    user_figure: str = "The required figure was entered by the holder."
    first_cycle: str = (
        "This is a first cycle, which the body may pro-rate: the figure shown is the full "
        "cycle's; the holder's account at the body shows the exact figure."
    )
    pool: str = (
        "{credentials} share one total; an activity applied to several of them counts once "
        "toward it."
    )
    pace: str = "To finish on time: {n} CEUs a month."
    # rule checks
    rule_checks: str = "Rule checks"
    rule: str = "Rule"
    met: str = "Met"
    source: str = "Source"
    checked: str = "Checked"
    yes: str = "Yes"
    no: str = "No"
    to_verify: str = "(marked 'to verify' in the rule book)"
    # activities
    activities: str = "Activities applied to this cycle"
    no_activity: str = "No activity is applied to this cycle yet."
    column_date: str = "Date"
    column_title: str = "Title"
    column_provider: str = "Provider"
    column_index: str = "Index / approval no."
    column_applied: str = "Units\napplied"
    column_counted: str = "Units\ncounted"
    column_category: str = "Category"
    column_certificate: str = "Certificate (file in the zip)"
    column_reason: str = "Not counted because"
    missing: str = "missing"
    total_one: str = "Total: 1 activity"
    total_many: str = "Total: {n} activities"
    on_file: str = "{n} of {total} on file"
    # closing
    counted: str = "Counted toward the cycle's total: {earned} of {required} CEUs required."
    counted_shared: str = (
        "Counted toward the cycle's total: {earned} of {required} CEUs required (shared by "
        "{credentials})."
    )
    missing_one: str = "1 activity has no certificate on file (marked 'missing')."
    missing_many: str = "{n} activities have no certificate on file (marked 'missing')."
    all_on_file: str = "Every activity's certificate is in the accompanying zip file."
    attest: str = "I attest that I completed the activities listed above on the dates shown."
    signature: str = "Signature:"
    signed_on: str = "Date:"

    def status_word(self, status: CeuStatus) -> str:
        return {
            CeuStatus.COMPLETE: self.complete,
            CeuStatus.ON_TRACK: self.on_track,
            CeuStatus.AT_RISK: self.at_risk,
            CeuStatus.OVERDUE: self.overdue,
        }[status]


ENGLISH = PacketWords()
"""The packet as the command line writes it."""
