"""Exporting the plan and the credential deadlines to the user's own calendar (an .ics file with
alarms) for a chosen range of dates: the Settings screen's Calendar section. The calendar is
built and written on the one worker (ui/shared/worker_action.py), whole or not at all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.validation import InvalidInput
from studyplanner.services.calendar_export import CalendarExport, write_ics
from studyplanner.services.database import Database
from studyplanner.services.errors import StoreProblem
from studyplanner.ui.settings.calendar_words import calendar_words
from studyplanner.ui.shared import file_dialogs
from studyplanner.ui.shared.background_job import BackgroundJob
from studyplanner.ui.shared.formatting import date_edit, format_date, pydate, tr
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import hint_label, problem_label, wrapped_label
from studyplanner.ui.shared.problem_words import field_words, problems_words, store_words
from studyplanner.ui.shared.save_target import save_target
from studyplanner.ui.shared.worker_action import WorkerAction


def _t(text: str) -> str:
    return tr(text)


class CalendarExportPanel(QWidget):
    def __init__(self, db: Database, clock: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self.action = WorkerAction(self, _t("Export to calendar"), self._set_busy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_calendar())

    def _build_calendar(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        intro = hint_label(
            _t("Put your study blocks, exams and CEU deadlines in your own calendar app, ")
            + _t("with alarms. Importing a newer export updates the events already there.")
        )
        today = self._clock()
        self.export_from = date_edit(today, _t("Export from"))
        self.export_to = date_edit(today + timedelta(days=365), _t("Export to"))
        self.export_from.dateChanged.connect(self._check_range)
        self.export_to.dateChanged.connect(self._check_range)
        row = QHBoxLayout()
        from_label = QLabel(_t("From:"))
        from_label.setBuddy(self.export_from)
        to_label = QLabel(_t("To:"))
        to_label.setBuddy(self.export_to)
        self.export_button = QPushButton(icon("calendar-export"), _t("&Export to calendar (.ics)…"))
        self.export_button.setAccessibleName(_t("Export to calendar"))
        self.export_button.clicked.connect(self.export_calendar)
        for widget in (from_label, self.export_from, to_label, self.export_to):
            row.addWidget(widget)
        row.addSpacing(12)
        row.addWidget(self.export_button)
        row.addStretch(1)
        self.range_problem = problem_label()
        self.range_problem.setAccessibleName(_t("Problem with the dates"))
        self.export_result = wrapped_label()
        self.export_result.hide()
        self.export_result.setAccessibleName(_t("Calendar export result"))
        self.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.range_problem)
        layout.addWidget(self.export_result)
        return page

    def _range(self) -> tuple[date, date]:
        return pydate(self.export_from.date()), pydate(self.export_to.date())

    def _check_range(self, *_args: object) -> bool:
        first, last = self._range()
        message = None
        if last < first:
            message = _t("The end of the range is before its start.")
        elif (last - first).days > 3 * 366:
            message = _t("Export at most three years at a time.")
        self.range_problem.setText(message or "")
        self.range_problem.setVisible(bool(message))
        self.export_button.setEnabled(message is None and not self.action.busy())
        return message is None

    def _set_busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy and not self.range_problem.text())

    def busy(self) -> bool:
        return self.action.busy()

    @staticmethod
    def choose_file(parent: QWidget | None, suggested: Path) -> Path | None:
        """Ask where to write the calendar (the seam tests replace)."""
        return file_dialogs.save_file(
            parent, _t("Export to calendar"), suggested.name, _t("Calendar files (*.ics)")
        )

    def _show_result(self, text: str) -> None:
        self.export_result.setText(text)
        self.export_result.setVisible(bool(text))

    def export_calendar(self) -> BackgroundJob | None:
        """Ask for a file, then write the calendar of the chosen range to it on the worker
        (the result is shown when the job ends). None when nothing was started."""
        if self.action.busy() or not self._check_range():
            return None
        first, last = self._range()
        suggested = file_dialogs.start_folder() / "study-planner.ics"
        target = save_target(self, self.choose_file(self, suggested), ".ics")
        if target is None:
            return None
        db, path, today, force = self._db, target.path, self._clock(), target.force
        words = calendar_words()  # through tr() here, on the GUI thread

        def written(result: CalendarExport) -> None:
            text = _t("{events} events with {alarms} alarms written to {path} ({first} to "
                      "{last}).")  # fmt: skip
            self._show_result(
                text.format(
                    events=result.events, alarms=result.alarms, path=result.path,
                    first=format_date(first), last=format_date(last),
                )
            )  # fmt: skip

        def failed(exc: BaseException) -> None:
            if isinstance(exc, InvalidInput):
                message = field_words(exc, "to")
                if message:
                    self.range_problem.setText(message)
                    self.range_problem.show()
                self._show_result(problems_words(exc.problems))
                return
            reason = store_words(exc) if isinstance(exc, StoreProblem) else (
                exc.strerror if isinstance(exc, OSError) and exc.strerror else exc)  # fmt: skip
            self._show_result(
                _t("Nothing was written to {path}: {reason}").format(path=path, reason=reason)
            )

        self._show_result("")
        return self.action.run(
            lambda: write_ics(db, path, today, first, last, force=force, words=words),
            _t("Writing the calendar to {path}…").format(path=path.name), written, failed,
        )  # fmt: skip
