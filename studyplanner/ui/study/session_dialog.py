"""Log or edit one study session by hand: date, module, minutes and a note."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.model import MAX_MINUTES_PER_DAY
from studyplanner.core.validation import EARLIEST_DATE, MAX_NOTE, Problem
from studyplanner.services.snapshots import ModuleStatus, StudySessionInfo
from studyplanner.ui.shared.formatting import date_edit, pydate, qdate
from studyplanner.ui.shared.labels import problem_label
from studyplanner.ui.shared.validated_dialog import ValidatedDialog
from studyplanner.ui.study.study_log_view import with_problem


class SessionDialog(ValidatedDialog):
    def __init__(
        self,
        modules: Sequence[ModuleStatus],
        today: date,
        parent: QWidget | None = None,
        session: StudySessionInfo | None = None,
        module_id: int | None = None,
        minutes: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        title = self.tr("Edit study session") if session else self.tr("Log a study session")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.day = date_edit(session.day if session else today, self.tr("Date"))
        self.day.setMinimumDate(qdate(EARLIEST_DATE))
        self.day_problem = problem_label()
        self.module = QComboBox()
        self.module.setAccessibleName(self.tr("Module"))
        for m in modules:
            label = m.title if not m.done else self.tr("{title} (done)").format(title=m.title)
            self.module.addItem(label, m.id)
        wanted = session.module_id if session else module_id
        if wanted is not None:
            index = self.module.findData(wanted)
            if index < 0 and session is not None:  # a module no longer in the plan's list
                self.module.addItem(session.module_title, session.module_id)
                index = self.module.count() - 1
            self.module.setCurrentIndex(index)
        self.module_problem = problem_label()
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 9999)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(session.minutes if session else minutes or 30)
        self.minutes.setAccessibleName(self.tr("Minutes"))
        self.minutes_problem = problem_label()
        self.note = QPlainTextEdit(session.note if session else "")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("What did you study? (optional)"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.note_problem = problem_label()
        form = QFormLayout()
        for text, field, problem in (
            (self.tr("&Date:"), self.day, self.day_problem),
            (self.tr("&Module:"), self.module, self.module_problem),
            (self.tr("M&inutes:"), self.minutes, self.minutes_problem),
            (self.tr("&Note:"), self.note, self.note_problem),
        ):
            form.addRow(text, with_problem(field, problem))
            problem.setAccessibleName(self.tr("Problem: {field}").format(field=text.strip(":&")))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save") if session else self.tr("Log session"))
        self.ok_button.setAccessibleName(self.ok_button.text())
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Sessions cannot be in the future; up to 16 hours each."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.day.dateChanged.connect(self._on_changed)
        self.module.currentIndexChanged.connect(self._on_changed)
        self.minutes.valueChanged.connect(self._on_changed)
        self.note.textChanged.connect(self._on_changed)
        self._on_changed()

    @classmethod
    def ask(
        cls,
        modules: Sequence[ModuleStatus],
        today: date,
        parent: QWidget | None = None,
        session: StudySessionInfo | None = None,
        module_id: int | None = None,
        minutes: int | None = None,
    ) -> dict[str, Any] | None:
        """The session as {"module_id", "day", "minutes", "note"}, or None when cancelled."""
        dialog = cls(modules, today, parent, session, module_id, minutes)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()

    def value(self) -> dict[str, Any]:
        return {
            "module_id": self.module.currentData(),
            "day": pydate(self.day.date()),
            "minutes": self.minutes.value(),
            "note": self.note.toPlainText().strip(),
        }

    def problems(self) -> list[Problem]:
        problems = []
        value = self.value()
        if value["module_id"] is None:
            problems.append(Problem("module", self.tr("Choose the module you studied.")))
        if value["day"] > self._today:
            problems.append(Problem("day", self.tr("A session cannot be in the future.")))
        if value["minutes"] < 1:
            problems.append(Problem("minutes", self.tr("Enter at least 1 minute.")))
        elif value["minutes"] > MAX_MINUTES_PER_DAY:
            problems.append(
                Problem("minutes", self.tr("At most 960 minutes (16 hours) in one session."))
            )
        if len(value["note"]) > MAX_NOTE:
            problems.append(
                Problem("note", self.tr("Keep the note under {n} characters.").format(n=MAX_NOTE))
            )
        return problems

    def problem_labels(self) -> dict[str, QLabel]:
        return {
            "day": self.day_problem,
            "module": self.module_problem,
            "minutes": self.minutes_problem,
            "note": self.note_problem,
        }
