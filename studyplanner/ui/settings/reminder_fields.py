"""The pieces of the reminder settings: each reminder kind in plain words and its group, lead-time
lists typed as "30, 7, 1" (checked, with the problem shown next to the field), and the small
labels the Settings sections share."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.reminders import ReminderKind
from studyplanner.core.validation import InvalidInput, Problem
from studyplanner.services.settings import (
    MAX_LEAD_DAYS,
)
from studyplanner.ui.shared.formatting import tr
from studyplanner.ui.shared.labels import problem_label
from studyplanner.ui.shared.problem_words import field_words


def _t(text: str) -> str:
    return tr(text)


_SEPARATORS = re.compile(r"[\s,;]+")


def kind_words(kind: ReminderKind) -> str:
    """A reminder kind in the user's words."""
    return {
        ReminderKind.STUDY_TODAY: _t("Today's study"),
        ReminderKind.MODULE_OVERDUE: _t("Modules past their due date"),
        ReminderKind.NO_STUDY: _t("No study logged for a while"),
        ReminderKind.EXAM: _t("Exams coming up"),
        ReminderKind.CEU_SHORTFALL: _t("CEUs still missing before a cycle ends"),
        ReminderKind.CEU_RULE: _t("CEU quotas not met yet (CPMA auditing…)"),
        ReminderKind.CYCLE_END: _t("A CEU cycle ending: submit and pay"),
        ReminderKind.SUBMISSION: _t("The submission window is open"),
        ReminderKind.CREDENTIAL_OVERDUE: _t("A cycle ended short of CEUs (grace, lapse)"),
        ReminderKind.MEMBERSHIP: _t("Membership renewal"),
        ReminderKind.BACKUP: _t("Time to back up your data"),
        ReminderKind.RULES_OLD: _t("The credential rules are over a year old"),
    }[kind]


def kind_groups() -> tuple[tuple[str, tuple[ReminderKind, ...]], ...]:
    """The reminder kinds under a heading each, in the order the settings list them."""
    return (
        (_t("Study"), (ReminderKind.STUDY_TODAY, ReminderKind.MODULE_OVERDUE,
                       ReminderKind.NO_STUDY, ReminderKind.EXAM)),
        (_t("Credentials and CEUs"), (ReminderKind.CEU_SHORTFALL, ReminderKind.CEU_RULE,
                                      ReminderKind.CYCLE_END, ReminderKind.SUBMISSION,
                                      ReminderKind.CREDENTIAL_OVERDUE, ReminderKind.MEMBERSHIP)),
        (_t("Your data"), (ReminderKind.BACKUP, ReminderKind.RULES_OLD)),
    )  # fmt: skip


def parse_lead_days(text: str, field: str) -> tuple[int, ...]:
    """'30, 7, 1' -> (30, 7, 1): whole days from 0 to 366, largest first, each once."""
    parts = [p for p in _SEPARATORS.split(text.strip()) if p]
    if not parts:
        raise InvalidInput([Problem(field, _t("Give at least one number of days, e.g. 30, 7, 1."))])
    if not all(p.isdigit() and int(p) <= MAX_LEAD_DAYS for p in parts):
        raise InvalidInput([Problem(field, _t(
            "Give whole days from 0 to {max}, separated by commas, e.g. 30, 7, 1."
        ).format(max=MAX_LEAD_DAYS))])  # fmt: skip
    return tuple(sorted({int(p) for p in parts}, reverse=True))


def lead_days_text(leads: tuple[int, ...]) -> str:
    return ", ".join(str(d) for d in leads)


class LeadDaysField(QWidget):
    """A list of days like '30, 7, 1', checked on every edit; the screen places `problem` (the
    message about it) under the field."""

    committed = Signal(tuple)

    def __init__(self, field: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.edit = QLineEdit()
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText("30, 7, 1")
        self.edit.setMinimumWidth(110)
        self.edit.setMaximumWidth(180)
        self.problem = problem_label()
        self.problem.setAccessibleName(_t("Problem with {field}").format(field=accessible_name))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self._saved: tuple[int, ...] = ()
        self.edit.textEdited.connect(self._check)
        self.edit.editingFinished.connect(self._commit)

    def set_value(self, leads: tuple[int, ...]) -> None:
        self._saved = leads
        self.edit.setText(lead_days_text(leads))
        self.show_problem(None)

    def mark_saved(self, leads: tuple[int, ...]) -> None:
        """The stored value changed: tidy the text if it is what was saved, else keep the
        user's unfinished input (and its message) as it is."""
        self._saved = leads
        try:
            typed = self.value()
        except InvalidInput:
            return
        if typed == leads:
            self.edit.setText(lead_days_text(leads))

    def value(self) -> tuple[int, ...]:
        return parse_lead_days(self.edit.text(), self.field)

    def show_problem(self, message: str | None) -> None:
        self.problem.setText(message or "")
        self.problem.setVisible(bool(message))

    def _check(self, *_args: object) -> bool:
        try:
            self.value()
        except InvalidInput as exc:
            self.show_problem(field_words(exc, self.field))
            return False
        self.show_problem(None)
        return True

    def _commit(self) -> None:
        if not self._check():
            return
        leads = self.value()
        if leads != self._saved:
            self.committed.emit(leads)
