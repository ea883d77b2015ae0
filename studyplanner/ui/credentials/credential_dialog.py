"""Add an earned credential, or edit the open cycle of one: the credential from the rule book,
the date earned, the cycle (suggested from the rules until the user changes it), the AAPC
membership renewal date, and the user's own required CEUs. The rules and their sources are shown
beside the fields."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QLocale, QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.ceu_cycles import CycleChoice, CycleReason, current_cycle
from studyplanner.core.ceu_rules import CredentialRule, RuleBook
from studyplanner.core.credential_checks import check_cycle, check_earned, check_figure
from studyplanner.core.validation import MAX_NOTE, Problem
from studyplanner.services.credentials import CredentialInfo, add_credential
from studyplanner.services.database import Database
from studyplanner.ui.credentials.ceu_rule_words import apprentice_notes, rules_html
from studyplanner.ui.shared.formatting import date_edit, format_date, pydate, qdate, units_text
from studyplanner.ui.shared.labels import problem_label
from studyplanner.ui.shared.plain_text import escaped
from studyplanner.ui.shared.screen_fit import fit_to_screen, room_for
from studyplanner.ui.shared.validated_dialog import ValidatedDialog
from studyplanner.ui.study.study_log_view import with_problem

EARLIEST = date(1970, 1, 1)
SPECIALTY = "SPECIALTY"


@dataclass(frozen=True, slots=True)
class CredentialAnswer:
    code: str
    label: str
    earned_on: date
    cycle_start: date
    cycle_end: date
    renewal_on: date | None
    required: Decimal | None
    quota: Decimal | None
    note: str


FIELD_OF = {"cycle_start": "start", "cycle_end": "end", "earned_on": "earned",
            "renewal_on": "renewal"}  # fmt: skip
"""The fields of core/credential_checks' problems, by this dialog's names."""


def parse_figure(text: str) -> tuple[Decimal | None, bool]:
    """(CEUs or None when empty, whether the text is a number) in the user's locale or with a
    point."""
    text = text.strip()
    if not text:
        return None, True
    value, ok = QLocale().toDouble(text)
    try:
        number = Decimal(str(value)) if ok else Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None, False
    return (number, True) if number.is_finite() else (None, False)


def save_credential(db: Database, answer: CredentialAnswer, today: date) -> CredentialInfo:
    """Record what the dialog collected (InvalidInput names what the service refused)."""
    return add_credential(
        db,
        answer.code,
        answer.earned_on,
        today,
        label=answer.label,
        cycle_start=answer.cycle_start,
        cycle_end=answer.cycle_end,
        renewal_on=answer.renewal_on,
        required=answer.required,
        quota=answer.quota,
        note=answer.note,
    )


def uses_renewal_date(book: RuleBook, code: str) -> bool:
    return book.body_of(code).cycle_anchor == "membership_expiration_date"


class CredentialDialog(ValidatedDialog):
    def __init__(
        self,
        book: RuleBook,
        held: Sequence[CredentialInfo],
        today: date,
        parent: QWidget | None = None,
        *,
        code: str | None = None,
        earned_on: date | None = None,
        credential: CredentialInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._book, self._held, self._today = book, tuple(held), today
        self._editing = credential
        self._suggesting = False
        self._cycle_touched = credential is not None
        title = self.tr("Edit the open cycle") if credential else self.tr("Add a credential")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.credential = QComboBox()
        self.credential.setAccessibleName(self.tr("Credential"))
        # as wide as the form, not as its longest name (that made the dialog 1150 pixels wide)
        self.credential.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.credential.setMinimumContentsLength(24)
        self._fill_credentials()
        chosen = credential.code if credential else code
        if chosen is not None and self.credential.findData(chosen) >= 0:
            self.credential.setCurrentIndex(self.credential.findData(chosen))
        self.credential_problem = problem_label()
        self.label = QLineEdit(credential.label if credential else "")
        self.label.setAccessibleName(self.tr("Specialty credential name"))
        self.label.setPlaceholderText(self.tr("as on your certificate, for example CEMC"))
        self.label.setMaxLength(40)
        self.label_problem = problem_label()
        self.earned = date_edit(
            credential.earned_on if credential else earned_on or today, self.tr("Date earned")
        )
        self.earned.setMinimumDate(qdate(EARLIEST))
        self.earned_problem = problem_label()
        cycle = credential.current if credential else None
        self.start = date_edit(cycle.start if cycle else today, self.tr("Cycle starts"))
        self.end = date_edit(cycle.end if cycle else today, self.tr("Cycle ends"))
        for edit in (self.start, self.end):
            edit.setMinimumDate(qdate(EARLIEST))
        self.start_problem, self.end_problem = problem_label(), problem_label()
        self.renewal = date_edit(self._renewal_default(), self.tr("Membership renews on"))
        self.renewal.setMinimumDate(qdate(EARLIEST))
        self.renewal_problem = problem_label()
        self.required = QLineEdit(self._figure(cycle.required if cycle else None))
        self.required.setAccessibleName(self.tr("Required CEUs"))
        self.required_problem = problem_label()
        self.required_hint = QLabel()
        self.required_hint.setWordWrap(True)
        self.required_hint.setObjectName("hint")
        self.quota = QLineEdit(self._figure(cycle.quota if cycle else None))
        self.quota.setAccessibleName(self.tr("Quota CEUs"))
        self.quota_problem = problem_label()
        self.note = QLineEdit(credential.note if credential else "")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("member ID, where the certificate is… (optional)"))
        self.note.setMaxLength(MAX_NOTE)
        self.suggestion_text = QLabel()
        self.suggestion_text.setWordWrap(True)
        self.suggestion_text.setAccessibleName(self.tr("Suggested cycle"))
        self.suggest_button = QPushButton(self.tr("Use the suggested &dates"))
        self.suggest_button.setAccessibleName(self.tr("Use the suggested dates"))
        self.suggest_button.clicked.connect(self._on_use_suggestion)
        self.apprentice = QLabel()
        self.apprentice.setWordWrap(True)
        self.apprentice.setAccessibleName(self.tr("What removes the A"))
        self.rules = QTextBrowser()
        self.rules.setOpenExternalLinks(True)
        self.rules.setAccessibleName(self.tr("Rules and sources"))
        self.rules.setMinimumWidth(340)
        self._build_layout(title)
        self.credential.currentIndexChanged.connect(self._on_credential)
        self.earned.dateChanged.connect(self._on_suggestion_input)
        self.renewal.dateChanged.connect(self._on_suggestion_input)
        self.start.dateChanged.connect(self._on_cycle_edited)
        self.end.dateChanged.connect(self._on_cycle_edited)
        for line in (self.label, self.required, self.quota, self.note):
            line.textChanged.connect(self._on_changed)
        self._on_credential()

    def _build_layout(self, title: str) -> None:
        form = QFormLayout()
        self._form = form
        rows = (
            (self.tr("&Credential:"), self.credential, self.credential_problem),
            (self.tr("&Name:"), self.label, self.label_problem),
            (self.tr("Date &earned:"), self.earned, self.earned_problem),
            (self.tr("Membership &renews on:"), self.renewal, self.renewal_problem),
            (self.tr("Cycle &starts:"), self.start, self.start_problem),
            (self.tr("Cycle en&ds:"), self.end, self.end_problem),
            (self.tr("Re&quired CEUs:"), self.required, self.required_problem),
            (self.tr("&Quota CEUs:"), self.quota, self.quota_problem),
            (self.tr("N&ote:"), self.note, None),
        )
        for text, field, problem in rows:
            form.addRow(text, with_problem(field, problem) if problem else field)
            if problem is not None:
                problem.setAccessibleName(
                    self.tr("Problem: {field}").format(field=text.strip(":").replace("&", ""))
                )
        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(self.suggestion_text, 1)
        suggestion_row.addWidget(self.suggest_button)
        form.insertRow(6, "", suggestion_row)
        form.insertRow(8, "", self.required_hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save") if self._editing else self.tr("Add credential"))
        self.ok_button.setAccessibleName(self.ok_button.text())
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.apprentice)
        left.addStretch(1)
        right = QVBoxLayout()
        caption = QLabel(self.tr("Rules and sources"))
        caption.setBuddy(self.rules)
        right.addWidget(caption)
        right.addWidget(self.rules, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min(820, room_for(self).width()))
        fit_to_screen(self, QSize(900, 560))
        if self._editing is not None:
            for field in (self.credential, self.label, self.earned, self.note):
                field.setEnabled(False)

    @classmethod
    def ask(
        cls,
        book: RuleBook,
        held: Sequence[CredentialInfo],
        today: date,
        parent: QWidget | None = None,
        *,
        code: str | None = None,
        earned_on: date | None = None,
        credential: CredentialInfo | None = None,
    ) -> CredentialAnswer | None:
        """What the user entered, or None when cancelled."""
        dialog = cls(
            book, held, today, parent, code=code, earned_on=earned_on, credential=credential
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()

    # -- the fields --------------------------------------------------------------------------
    def _fill_credentials(self) -> None:
        for body in self._book.bodies.values():
            if self.credential.count():
                self.credential.insertSeparator(self.credential.count())
            for rule in self._book.credentials.values():
                if rule.body == body.code:
                    self.credential.addItem(
                        self.tr("{code} – {name} ({body})").format(
                            code=rule.code, name=rule.name, body=body.code
                        ),
                        rule.code,
                    )

    @staticmethod
    def _figure(units: Decimal | None) -> str:
        return "" if units is None else units_text(units)

    def rule(self) -> CredentialRule:
        code = self.credential.currentData()
        return self._book.credentials[code]

    def _renewal_default(self) -> date:
        if self._editing is not None and self._editing.renewal_on is not None:
            return self._editing.renewal_on
        known = [c.renewal_on for c in self._held if c.renewal_on is not None]
        if known:
            return known[0]
        return self._today

    def _shared(self, rule: CredentialRule) -> tuple[date, date] | None:
        """The user's open cycle with this body, for bodies whose credentials share one cycle
        (as the service decides); not the one being edited."""
        body = self._book.bodies[rule.body]
        if not body.shared_cycle:
            return None
        open_cycles = [
            (c.current.end, c.current.start)
            for c in self._held
            if c.body == body.code and c.current.closed_on is None
            and (self._editing is None or c.id != self._editing.id)
        ]  # fmt: skip
        if not open_cycles:
            return None
        end, start = max(open_cycles)
        return start, end

    def suggestion(self) -> CycleChoice:
        """The cycle that contains today for what the fields say, and why (core/ceu_cycles)."""
        rule = self.rule()
        renewal = pydate(self.renewal.date()) if uses_renewal_date(self._book, rule.code) else None
        return current_cycle(
            self._book.bodies[rule.body],
            pydate(self.earned.date()),
            renewal,
            self._today,
            self._shared(rule),
        )

    def suggested_cycle(self) -> tuple[date, date]:
        choice = self.suggestion()
        return choice.start, choice.end

    def _why(self, choice: CycleChoice) -> str:
        """Why the rules give this cycle, in the user's words."""
        body = self._book.bodies[self.rule().body]
        dates = {"start": format_date(choice.start), "end": format_date(choice.end)}
        if choice.reason is CycleReason.SHARED:
            text = self.tr("It shares your open {body} cycle, {start} – {end}.")
        elif choice.reason is CycleReason.RENEWAL_DATE:
            renewal = pydate(self.renewal.date())
            parity = self.tr("even") if renewal.month % 2 == 0 else self.tr("odd")
            text = self.tr(
                "{body} CEUs are due every {years} years on your membership expiration date "
                "({day}, in {parity} years): this cycle runs {start} – {end}."
            ).replace("{day}", QLocale().toString(qdate(renewal), "d MMMM")).replace(
                "{parity}", parity)  # fmt: skip
        elif choice.reason is CycleReason.NO_RENEWAL_DATE:
            text = self.tr("Give your membership expiration date for {body}'s real cycle; "
                           "until then cycles run {years} years from the date earned.")  # fmt: skip
        elif choice.cycle_number > 1:
            text = self.tr(
                "{body} cycles run {years} years from the day you passed: this is your cycle "
                "number {n}, {start} – {end}."
            ).replace("{n}", str(choice.cycle_number))
        else:
            text = self.tr("{body} cycles run {years} years from the day you passed: "
                           "{start} – {end}.")  # fmt: skip
        text = text.format(body=body.code, years=body.cycle_years, **dates)
        if choice.first_cycle:
            text += " " + self.tr("You earned it during this cycle, your first.")
        return text

    def _show_row(self, field: QWidget, visible: bool) -> None:
        box = field.parentWidget()  # the field with its problem label below
        assert box is not None
        self._form.setRowVisible(box, visible)

    def _on_credential(self, *_args: object) -> None:
        rule = self.rule()
        renewal = uses_renewal_date(self._book, rule.code)
        self._show_row(self.label, rule.code == SPECIALTY)
        self._show_row(self.renewal, renewal)
        self._show_row(self.quota, rule.quota is not None)
        if rule.quota is not None:
            self.quota.setPlaceholderText(
                self.tr("{n} from the rules").format(n=units_text(rule.quota.units))
            )
        self.required.setPlaceholderText(self.tr("empty: the rules' figure"))
        notes = apprentice_notes(rule)
        self.apprentice.setVisible(bool(notes))
        self.apprentice.setText(
            self.tr("<b>What removes the “A”:</b> {notes}").format(notes=escaped(" ".join(notes)))
        )
        self.rules.setHtml(rules_html(self._book, rule))
        self._on_suggestion_input()

    def _on_suggestion_input(self, *_args: object) -> None:
        start, end = self.suggested_cycle()
        if not self._cycle_touched:
            self._suggesting = True
            self.start.setDate(qdate(start))
            self.end.setDate(qdate(end))
            self._suggesting = False
        self._on_changed()

    def _on_cycle_edited(self, *_args: object) -> None:
        if not self._suggesting:
            self._cycle_touched = True
        self._on_changed()

    def _on_use_suggestion(self) -> None:
        self._cycle_touched = False
        self._on_suggestion_input()

    def _on_changed(self, *_args: object) -> None:
        self._show_hints()
        super()._on_changed()

    def _show_hints(self) -> None:
        rule = self.rule()
        choice = self.suggestion()
        here = (pydate(self.start.date()), pydate(self.end.date()))
        why = self._why(choice)
        if here != (choice.start, choice.end):
            why = self.tr("Your dates differ from the rules'. ") + why
        self.suggestion_text.setText(why)
        self.suggest_button.setVisible(here != (choice.start, choice.end))
        body = self._book.bodies[rule.body]
        first_cycle = here[0] <= pydate(self.earned.date())
        prorated = body.first_cycle_user_enters and first_cycle
        self.required_hint.setVisible(prorated)
        self.required_hint.setText(
            self.tr("Pro-rated first cycle: enter the figure from your {body} account.").format(
                body=body.code
            )
        )

    # -- the answer --------------------------------------------------------------------------
    def value(self) -> CredentialAnswer:
        rule = self.rule()
        label = self.label.text().strip().upper() if rule.code == SPECIALTY else rule.code
        if self._editing is not None:
            label = self._editing.label
        renewal = pydate(self.renewal.date()) if uses_renewal_date(self._book, rule.code) else None
        return CredentialAnswer(
            code=rule.code,
            label=label,
            earned_on=pydate(self.earned.date()),
            cycle_start=pydate(self.start.date()),
            cycle_end=pydate(self.end.date()),
            renewal_on=renewal,
            required=parse_figure(self.required.text())[0],
            quota=parse_figure(self.quota.text())[0] if rule.quota is not None else None,
            note=self.note.text().strip(),
        )

    def problems(self) -> list[Problem]:
        problems = []
        v = self.value()
        if self._editing is None:
            if not v.label:
                problems.append(Problem("label", self.tr("Give the specialty credential's name.")))
            elif any(c.label == v.label for c in self._held):
                problems.append(
                    Problem(
                        "credential", self.tr("You already have {label}.").format(label=v.label)
                    )
                )
            if v.earned_on > self._today:
                problems.append(
                    Problem("earned", self.tr("The date earned cannot be in the future."))
                )
        # The limits the service applies (core/credential_checks), under this dialog's fields.
        earned = v.earned_on if self._editing is None else None
        same = check_cycle(v.cycle_start, v.cycle_end, earned, self._today)
        same += check_earned(None, v.renewal_on, self._today)
        for name, field in (("required", self.required), ("quota", self.quota)):
            figure, ok = parse_figure(field.text())
            if not ok:
                problems.append(Problem(name, self.tr("Enter a number of CEUs, like 36 or 17.5.")))
            else:
                same += check_figure(name, figure)
        problems += [replace(p, field=FIELD_OF.get(p.field, p.field)) for p in same]
        return problems

    def problem_labels(self) -> dict[str, QLabel]:
        return {
            "credential": self.credential_problem,
            "label": self.label_problem,
            "earned": self.earned_problem,
            "renewal": self.renewal_problem,
            "start": self.start_problem,
            "end": self.end_problem,
            "required": self.required_problem,
            "quota": self.quota_problem,
        }
