"""Log or edit a CEU activity: what, when, how many CEUs, its certificate, and which credentials
it counts for (units each). What the rules will make of it is shown before saving."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QLocale, QSize, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.activity_checks import (
    MAX_INDEX,
    MAX_PROVIDER,
    MAX_TITLE,
    MAX_UNITS,
    check_activity,
)
from studyplanner.core.ceu_reasons import AllocationWarning
from studyplanner.core.ceu_rules import RuleBook
from studyplanner.core.ceu_status import CredentialStatus
from studyplanner.core.validation import Problem
from studyplanner.services.ceu_activities import CERTIFICATE_KINDS, ActivityInfo, ActivityInput
from studyplanner.ui.credentials.ceu_warning_words import warning_words
from studyplanner.ui.shared import file_dialogs
from studyplanner.ui.shared.formatting import date_edit, format_date, pydate, qdate, tr
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import problem_label
from studyplanner.ui.shared.plain_text import PlainLabel, shortcut_safe
from studyplanner.ui.shared.screen_fit import fit_to_screen, scrolled_layout
from studyplanner.ui.shared.validated_dialog import ValidatedDialog
from studyplanner.ui.study.study_log_view import with_problem

EARLIEST = date(2000, 1, 1)
WARN_AFTER_MS = 150
"""The rules' warnings are worked out once typing has paused this long."""
Allocations = list[tuple[int, Decimal]]
WarningsFor = Callable[[ActivityInput, Allocations], list[AllocationWarning]]
FIELD_OF = {"completed_on": "day"}
"""The fields of core/activity_checks' problems, by this dialog's names."""


def open_file(path: Path) -> bool:
    """Open a stored certificate with the system's viewer (the seam tests replace)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def to_units(value: float) -> Decimal:
    return Decimal(str(round(value, 2)))


class UnitsBox(QDoubleSpinBox):
    """CEUs with up to two decimals, shown without trailing zeros (1, 1.5, 0.25)."""

    def textFromValue(self, value: float) -> str:
        text = QLocale().toString(value, "f", 2)
        point = QLocale().decimalPoint()
        return text.rstrip("0").rstrip(point) if point in text else text


def units_box(accessible_name: str) -> QDoubleSpinBox:
    box = UnitsBox()
    box.setDecimals(2)
    box.setRange(0, float(MAX_UNITS))
    box.setSingleStep(0.5)
    box.setAccessibleName(accessible_name)
    return box


class ActivityDialog(ValidatedDialog):
    def __init__(
        self,
        book: RuleBook,
        cycles: Sequence[CredentialStatus],
        today: date,
        parent: QWidget | None = None,
        *,
        activity: ActivityInfo | None = None,
        warnings_for: WarningsFor | None = None,
        for_cycle: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._activity = activity
        self._for_cycle = for_cycle
        self._warnings_for = warnings_for
        self._warn_timer = QTimer(self)
        self._warn_timer.setSingleShot(True)
        self._warn_timer.setInterval(WARN_AFTER_MS)
        self._warn_timer.timeout.connect(self.show_warnings)
        self._new_certificate: Path | None = None
        self._drop_certificate = False
        title = self.tr("Edit CEU activity") if activity else self.tr("Log a CEU activity")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.day = date_edit(activity.completed_on if activity else today, self.tr("Completed on"))
        self.day.setMinimumDate(qdate(EARLIEST))
        self.title = QLineEdit(activity.title if activity else "")
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setPlaceholderText(self.tr("as on the certificate"))
        self.title.setMaxLength(MAX_TITLE)
        self.provider = QLineEdit(activity.provider if activity else "")
        self.provider.setAccessibleName(self.tr("Provider"))
        self.provider.setPlaceholderText(self.tr("for example AAPC, AHIMA, a local chapter"))
        self.provider.setMaxLength(MAX_PROVIDER)
        self.index_number = QLineEdit(activity.index_number if activity else "")
        self.index_number.setAccessibleName(self.tr("Index or approval number"))
        self.index_number.setMaxLength(MAX_INDEX)
        self.units = units_box(self.tr("CEUs"))
        self.units.setValue(float(activity.units) if activity else 1.0)
        self._last_units = self.units.value()
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category"))
        for cat in book.categories.values():
            self.category.addItem(cat.label, cat.id)
            self.category.setItemData(self.category.count() - 1, cat.text, 3)  # tooltip
        if activity is not None:
            self.category.setCurrentIndex(max(0, self.category.findData(activity.category)))
        self.ahima = QCheckBox(self.tr("From AHIMA or an AHIMA state &association"))
        self.ahima.setAccessibleName(self.tr("From AHIMA or an AHIMA state association"))
        self.ahima.setChecked(bool(activity and activity.ahima_sourced))
        self.note = QPlainTextEdit(activity.note if activity else "")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self._build_certificate_row()
        self._build_counts(cycles)
        self.day_problem, self.title_problem = problem_label(), problem_label()
        self.units_problem, self.note_problem = problem_label(), problem_label()
        self.certificate_problem, self.counts_problem = problem_label(), problem_label()
        self.warnings = PlainLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName(self.tr("What the rules make of it"))
        self.warning_icon = QLabel()
        self.warning_icon.setPixmap(icon("warning").pixmap(20, 20))
        self._build_layout()
        self.day.dateChanged.connect(self._on_changed)
        self.title.textChanged.connect(self._on_changed)
        self.provider.textChanged.connect(self._on_changed)
        self.units.valueChanged.connect(self._on_units)
        self.category.currentIndexChanged.connect(self._on_changed)
        self.ahima.toggled.connect(self._on_changed)
        self.note.textChanged.connect(self._on_changed)
        self._on_changed()
        self._fit()

    def _build_certificate_row(self) -> None:
        a = self._activity
        self.certificate_name = PlainLabel()
        self.certificate_name.setAccessibleName(self.tr("Certificate file"))
        self.choose_button = QPushButton(icon("choose-file"), self.tr("C&hoose…"))
        self.choose_button.setAccessibleName(self.tr("Choose a certificate file"))
        self.choose_button.clicked.connect(self._on_choose)
        self.remove_button = QPushButton(icon("remove"), self.tr("Re&move"))
        self.remove_button.setAccessibleName(self.tr("Remove the certificate"))
        self.remove_button.clicked.connect(self._on_remove)
        self.open_button = QPushButton(icon("open-external"), self.tr("O&pen certificate"))
        self.open_button.setAccessibleName(self.tr("Open certificate"))
        self.open_button.clicked.connect(self._on_open)
        self.open_button.setEnabled(bool(a and a.certificate))
        self.certificate_box = QWidget()
        row = QHBoxLayout(self.certificate_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.certificate_name, 1)
        for button in (self.choose_button, self.remove_button, self.open_button):
            row.addWidget(button)
        self.certificate_box.setFocusProxy(self.choose_button)
        self._show_certificate()

    def _build_counts(self, cycles: Sequence[CredentialStatus]) -> None:
        self.counts = QGroupBox(self.tr("Counts for"))
        grid = QGridLayout(self.counts)
        grid.setColumnStretch(0, 1)
        self.cycle_checks: dict[int, QCheckBox] = {}
        self.cycle_units: dict[int, QDoubleSpinBox] = {}
        applied = {p.cycle_id: p.units for p in self._activity.applied} if self._activity else {}
        full = self.units.value()
        for row, s in enumerate(cycles):
            check = QCheckBox(
                self.tr("{label} (cycle ends {end})").format(
                    label=shortcut_safe(s.label), end=format_date(s.cycle_end)
                )
            )
            check.setAccessibleName(self.tr("Counts for {label}").format(label=s.label))
            spin = units_box(self.tr("CEUs for {label}").format(label=s.label))
            spin.setMaximum(full)
            if self._activity:
                ticked = s.cycle_id in applied
            elif self._for_cycle is not None:  # logged for one cycle (a reminder's action)
                ticked = s.cycle_id == self._for_cycle
            else:
                ticked = len(cycles) == 1
            check.setChecked(ticked)
            spin.setValue(float(applied.get(s.cycle_id, Decimal(str(full)))))
            spin.setEnabled(ticked)
            check.toggled.connect(spin.setEnabled)
            check.toggled.connect(self._on_changed)
            spin.valueChanged.connect(self._on_changed)
            grid.addWidget(check, row, 0)
            grid.addWidget(spin, row, 1)
            self.cycle_checks[s.cycle_id], self.cycle_units[s.cycle_id] = check, spin
        if not cycles:
            grid.addWidget(QLabel(self.tr("No open credential cycle: add a credential first.")))

    def _build_layout(self) -> None:
        form = QFormLayout()
        for text, field, problem in (
            (self.tr("Completed &on:"), self.day, self.day_problem),
            (self.tr("&Title:"), self.title, self.title_problem),
            (self.tr("Pro&vider:"), self.provider, None),
            (self.tr("&Index / approval no.:"), self.index_number, None),
            (self.tr("C&EUs:"), self.units, self.units_problem),
            (self.tr("Cate&gory:"), self.category, None),
            ("", self.ahima, None),
            (self.tr("Certificate:"), self.certificate_box, self.certificate_problem),
            (self.tr("&Note:"), self.note, self.note_problem),
        ):
            form.addRow(text, with_problem(field, problem) if problem else field)
            if problem is not None:
                problem.setAccessibleName(
                    self.tr("Problem: {field}").format(field=text.strip(":").replace("&", ""))
                )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save") if self._activity else self.tr("Log activity"))
        self.ok_button.setAccessibleName(self.ok_button.text())
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.warning_row = QWidget()
        warn = QHBoxLayout(self.warning_row)
        warn.setContentsMargins(0, 0, 0, 0)
        warn.addWidget(self.warning_icon, 0)
        warn.addWidget(self.warnings, 1)
        # The rules' warnings keep their line while there is none: appearing, they do not push
        # the buttons down under the pointer.
        self.warnings.setMinimumHeight(self.fontMetrics().lineSpacing())
        policy = self.warning_row.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.warning_row.setSizePolicy(policy)
        # Short answers get short fields: a date and a number do not span the dialog.
        em = self.fontMetrics().horizontalAdvance("M")
        self.day.setMaximumWidth(max(self.day.sizeHint().width(), em * 12))
        self.units.setMaximumWidth(em * 8)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        # The fields scroll on a low screen (or with many credentials); the buttons never do.
        fields = QWidget()
        content = scrolled_layout(fields, self.tr("Activity details"))
        content.addLayout(form)
        content.addWidget(self.counts)
        content.addWidget(self.counts_problem)
        layout = QVBoxLayout(self)
        layout.addWidget(fields, 1)
        layout.addWidget(self.warning_row)
        self.warning_row.hide()  # until the rules have something to say
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._fields = content.parentWidget()

    def _fit(self) -> None:
        """As tall as the fields with their problem lines, where the screen has the room."""
        layout = self.layout()
        assert self._fields is not None and layout is not None
        rest = self.warning_row.sizeHint().height() + self.buttons.sizeHint().height()
        margins = layout.contentsMargins()
        rest += margins.top() + margins.bottom() + 2 * layout.spacing() + 2
        hint = self._fields.sizeHint().expandedTo(self._fields.minimumSizeHint())
        wanted = hint + QSize(margins.left() + margins.right(), rest)
        fit_to_screen(self, wanted.expandedTo(QSize(560, 0)))

    @classmethod
    def ask(
        cls,
        book: RuleBook,
        cycles: Sequence[CredentialStatus],
        today: date,
        parent: QWidget | None = None,
        *,
        activity: ActivityInfo | None = None,
        warnings_for: WarningsFor | None = None,
        for_cycle: int | None = None,
    ) -> tuple[ActivityInput, Allocations] | None:
        """(the activity, [(cycle id, units)]), or None when cancelled. `for_cycle` ticks
        that cycle alone in "Counts for"."""
        dialog = cls(
            book, cycles, today, parent, activity=activity, warnings_for=warnings_for,
            for_cycle=for_cycle,
        )  # fmt: skip
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()

    # -- the certificate ---------------------------------------------------------------------
    @staticmethod
    def choose_certificate(parent: QWidget | None) -> Path | None:
        """Ask for a certificate file (the seam tests replace)."""
        patterns = " ".join(f"*{suffix}" for suffix in CERTIFICATE_KINDS)
        kinds = tr("PDF or image")  # lupdate does not read inside f-strings
        return file_dialogs.open_file(parent, tr("Choose the certificate"), f"{kinds} ({patterns})")

    def _show_certificate(self) -> None:
        if self._new_certificate is not None:
            text = self._new_certificate.name
        elif self._activity and self._activity.certificate_name and not self._drop_certificate:
            text = self._activity.certificate_name
        else:
            text = ""
        self.certificate_name.setText(text or self.tr("none"))
        self.remove_button.setEnabled(bool(text))
        has_stored = bool(self._activity and self._activity.certificate)
        self.open_button.setEnabled(
            self._new_certificate is not None or (has_stored and not self._drop_certificate)
        )

    def _on_choose(self) -> None:
        path = type(self).choose_certificate(self)
        if path is not None:
            self._new_certificate = path
            self._show_certificate()
            self._on_changed()

    def _on_remove(self) -> None:
        self._new_certificate = None
        self._drop_certificate = True
        self._show_certificate()
        self._on_changed()

    def _on_open(self) -> None:
        path = self._new_certificate
        if path is None and self._activity is not None:
            path = self._activity.certificate
        if path is not None:
            open_file(path)

    # -- the answer --------------------------------------------------------------------------
    def _on_units(self, value: float) -> None:
        for spin in self.cycle_units.values():
            follows = abs(spin.value() - self._last_units) < 0.005
            spin.setMaximum(value)
            if follows:
                spin.setValue(value)
        self._last_units = value
        self._on_changed()

    def allocations(self) -> Allocations:
        return [
            (cycle_id, to_units(self.cycle_units[cycle_id].value()))
            for cycle_id, check in self.cycle_checks.items()
            if check.isChecked()
        ]

    def activity_input(self) -> ActivityInput:
        return ActivityInput(
            completed_on=pydate(self.day.date()),
            title=self.title.text().strip(),
            units=to_units(self.units.value()),
            category=self.category.currentData() or "",
            provider=self.provider.text().strip(),
            index_number=self.index_number.text().strip(),
            ahima_sourced=self.ahima.isChecked(),
            note=self.note.toPlainText().strip(),
            certificate=self._new_certificate,
            drop_certificate=self._drop_certificate and self._new_certificate is None,
        )

    def value(self) -> tuple[ActivityInput, Allocations]:
        return self.activity_input(), self.allocations()

    def problems(self) -> list[Problem]:
        data, allocations = self.value()
        # The limits the service applies (core/activity_checks), under this dialog's fields;
        # the provider and the index number cannot be typed longer than theirs.
        same = check_activity(data.completed_on, data.title, data.provider, data.index_number,
                              data.note, data.units, self._today)  # fmt: skip
        labels = self.problem_labels()
        moved = [replace(p, field=FIELD_OF.get(p.field, p.field)) for p in same]
        problems = [p for p in moved if p.field in labels]
        cert = data.certificate
        if cert is not None and cert.suffix.lower() not in CERTIFICATE_KINDS:
            problems.append(
                Problem("certificate", self.tr("Choose a PDF or an image (PNG, JPEG, …)."))
            )
        if self.cycle_checks and not allocations:
            problems.append(Problem("counts", self.tr("Tick the credentials it counts for.")))
        if any(units <= 0 for _, units in allocations):
            problems.append(
                Problem("counts", self.tr("Each ticked credential needs more than zero CEUs."))
            )
        return problems

    def problem_labels(self) -> dict[str, QLabel]:
        return {
            "day": self.day_problem,
            "title": self.title_problem,
            "units": self.units_problem,
            "note": self.note_problem,
            "certificate": self.certificate_problem,
            "counts": self.counts_problem,
        }

    def _on_changed(self, *_args: object) -> None:
        super()._on_changed()
        self._warn_timer.start()  # the rules' warnings once typing pauses

    def done(self, result: int) -> None:
        self._warn_timer.stop()
        super().done(result)

    def show_warnings(self) -> list[str]:
        """The rules' verdict on this activity as entered (it does not block saving)."""
        data, allocations = self.value()
        found: list[str] = []
        if self._warnings_for is not None and data.units > 0 and allocations:
            found = [warning_words(w) for w in self._warnings_for(data, allocations)]
        self.warnings.setText("\n".join(found))
        self.warning_row.setVisible(bool(found))
        return found
