"""The reminders panel: what needs the user's attention today, most urgent first. Each reminder
shows its severity as an icon and a word (never colour alone), its message and date, and can be
dismissed for good or snoozed; Ctrl+Z or Undo brings back the last one dismissed or snoozed."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studyplanner.core.reminders import Reminder, Severity
from studyplanner.core.validation import InvalidInput
from studyplanner.services.database import Database
from studyplanner.services.errors import StoreProblem
from studyplanner.services.reminders import current_reminders, dismiss, restore, snooze
from studyplanner.ui.dashboard.dashboard_card import Card
from studyplanner.ui.dashboard.reminder_row import (
    ReminderRow,
    SnoozeDialog,
    severity_colour,
    severity_word,
    when_words,
)
from studyplanner.ui.dashboard.reminder_words import reminder_words
from studyplanner.ui.shared.background_job import BackgroundJob, start_kept
from studyplanner.ui.shared.formatting import format_date, tr
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import problem_label
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.shared.problem_words import problems_words, store_words

__all__ = [
    "ReminderRow",
    "RemindersPanel",
    "SnoozeDialog",
    "reminder_words",
    "severity_colour",
    "severity_word",
    "when_words",
]


def _t(text: str) -> str:
    return tr(text)


DAY_CHECK_MS = 60_000
"""How often the panel looks whether the day changed (a new day brings new reminders)."""
UNDO_DEPTH = 20
PAGE = 20
"""Rows built at a time: a plan far behind can have hundreds of overdue modules, and a widget
per reminder made the Dashboard (and every screen switch) slow. The rest are a click away."""


@dataclass(frozen=True, slots=True)
class _Undo:
    reminder: Reminder
    snoozed_until: date | None  # None: it was dismissed


class RemindersPanel(Card):
    """The current reminders as a card. `refresh()` re-reads them; `count_changed` tells how many
    there are (for a badge), emitted whenever the number changes."""

    count_changed = Signal(int)
    action_requested = Signal(object)
    """A Reminder whose action button was clicked (the Dashboard routes it by kind)."""

    def __init__(
        self, db: Database, clock: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__("reminders", _t("Reminders"), parent)
        self._db = db
        self._clock = clock
        self._reminders: list[Reminder] = []
        self._count = -1
        self._shown_day: date | None = None
        self._drawn: tuple[list[Reminder], date] | None = None
        self._undo: list[_Undo] = []
        self.rows: list[ReminderRow] = []
        self._limit = PAGE
        self._reading: BackgroundJob | None = None
        self._reading_day = clock()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        self.empty = QWidget()
        empty_row = QHBoxLayout(self.empty)
        empty_row.setContentsMargins(0, 0, 0, 0)
        self.empty_picture = QLabel()
        self.empty_text = QLabel(_t("Nothing needs your attention."))
        self.empty_text.setWordWrap(True)
        empty_row.addWidget(self.empty_picture)
        empty_row.addWidget(self.empty_text, 1)
        self.empty.setAccessibleName(self.empty_text.text())
        self.body.addWidget(self.empty)
        self.list_box = QWidget()
        self.list_layout = QVBoxLayout(self.list_box)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(10)
        self.body.addWidget(self.list_box)
        self.more_button = QPushButton()
        self.more_button.setAccessibleName(_t("Show more reminders"))
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()
        self.body.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.problem = problem_label()
        self.problem.setAccessibleName(_t("Problem"))
        self.body.addWidget(self.problem)
        feedback = QHBoxLayout()
        self.message = PlainLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_t("Reminders message"))
        self.undo_button = QPushButton(icon("undo"), self.tr("&Undo"))
        self.undo_button.setAccessibleName(_t("Undo"))
        self.undo_button.setToolTip(
            _t("Bring back the last reminder dismissed or snoozed (Ctrl+Z)")
        )
        self.undo_button.clicked.connect(self.undo)
        self._icons.append((self.undo_button, "undo"))
        feedback.addWidget(self.message, 1)
        feedback.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(feedback)
        self.undo_action = QAction(_t("Undo dismiss or snooze"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.triggered.connect(self.undo)
        self.addAction(self.undo_action)
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()
        self._paint_icons()
        self.refresh()

    # -- reading --------------------------------------------------------------------------------
    def reminders(self) -> list[Reminder]:
        return list(self._reminders)

    def count(self) -> int:
        return len(self._reminders)

    def refresh(self) -> None:
        """Read the current reminders again (after a change elsewhere, or on a new day)."""
        today = self._clock()
        self._reading = None  # this read is newer than any still running on the worker
        try:
            found = current_reminders(self._db, today)
        except StoreProblem as exc:
            self._show_problem(store_words(exc))
            found = []
        self._found(found, today)

    def refresh_in_background(self) -> None:
        """Read them on the one worker and show them when read (the hidden Dashboard's
        reminders after an action, for the sidebar's badge and the tray: about 100 ms of
        reading at ten years of heavy use, which the window no longer waits for). A refresh
        made meanwhile wins over this one."""
        today, db = self._clock(), self._db
        job = BackgroundJob(lambda _progress, _cancelled: current_reminders(db, today))
        self._reading = job
        job.signals.finished.connect(self._read_in_background)
        job.signals.failed.connect(self._failed_in_background)
        self._reading_day = today
        start_kept(job)

    def reading(self) -> bool:
        """Whether a read started by refresh_in_background is still to be shown."""
        return self._reading is not None

    def _read_in_background(self, found: object) -> None:
        job = self._reading
        if job is None or job.signals is not self.sender():
            return  # an older read, or one a refresh made meanwhile replaced: not shown
        self._reading = None
        assert isinstance(found, list)
        self._found(found, self._reading_day)

    def _failed_in_background(self, exc: object) -> None:
        job = self._reading
        if job is None or job.signals is not self.sender():
            return
        self._reading = None
        if isinstance(exc, StoreProblem):
            self._show_problem(store_words(exc))
            self._found([], self._reading_day)
        elif isinstance(exc, BaseException):
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _found(self, found: list[Reminder], today: date) -> None:
        self._shown_day = today
        self._reminders = found
        if (found, today) != self._drawn:
            self._drawn = (found, today)
            self._show(found, today)
        else:  # the same rows on the same day (a change elsewhere): nothing to build again
            self.undo_button.setVisible(bool(self._undo))
            self.undo_action.setEnabled(bool(self._undo))
        if len(found) != self._count:
            self._count = len(found)
            self.count_changed.emit(self._count)

    def _check_day(self) -> None:
        if self._clock() != self._shown_day:
            self.refresh()

    def _show(self, found: list[Reminder], today: date) -> None:
        focused = QApplication.focusWidget()
        had_focus = focused is not None and (focused is self or self.isAncestorOf(focused))
        at = next(
            (i for i, row in enumerate(self.rows) if focused and row.isAncestorOf(focused)), 0
        )
        for row in self.rows:
            self.list_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        self._add_rows(found[: self._limit], today)
        self._show_more_button()
        self.empty.setVisible(not found)
        self.list_box.setVisible(bool(found))
        urgent = sum(r.severity is Severity.URGENT for r in found)
        if not found:
            self.summary.hide()
        else:
            self.summary.show()
            text = _t("1 reminder") if len(found) == 1 else _t("{n} reminders")
            text = text.format(n=QLocale().toString(len(found)))
            if urgent:
                text = _t("{reminders}, {n} urgent").format(
                    reminders=text, n=QLocale().toString(urgent)
                )
            self.summary.setText(text)
        self.undo_button.setVisible(bool(self._undo))
        self.undo_action.setEnabled(bool(self._undo))
        if had_focus:
            self._refocus(at)

    def _add_rows(self, reminders: list[Reminder], today: date) -> None:
        for reminder in reminders:
            row = ReminderRow(reminder, today)
            row.dismiss_requested.connect(self.dismiss)
            row.snooze_requested.connect(self._on_snooze)
            row.action_requested.connect(self.action_requested)
            self.list_layout.addWidget(row)
            self.rows.append(row)

    def _show_more_button(self) -> None:
        hidden = len(self._reminders) - len(self.rows)
        self.more_button.setVisible(hidden > 0)
        if 0 < hidden <= PAGE:
            self.more_button.setText(_t("Show the other {n}").format(n=QLocale().toString(hidden)))
        elif hidden > PAGE:
            self.more_button.setText(
                _t("Show {n} more ({hidden} not shown)").format(
                    n=QLocale().toString(PAGE), hidden=QLocale().toString(hidden)
                )
            )

    def show_more(self) -> None:
        """Build the next page of rows (the keyboard moves to the first of them)."""
        if self._drawn is None:
            return
        first = len(self.rows)
        self._limit = first + PAGE
        self._add_rows(self._reminders[first : self._limit], self._drawn[1])
        self._show_more_button()
        if first < len(self.rows):
            self.rows[first].dismiss_button.setFocus()

    def _refocus(self, at: int) -> None:
        """Keep the keyboard in the panel (on the row that took the place of the one acted on)."""
        if self.rows:
            self.rows[min(at, len(self.rows) - 1)].dismiss_button.setFocus()
        elif self.undo_button.isVisibleTo(self):
            self.undo_button.setFocus()
        else:
            self.setFocus()

    # -- actions --------------------------------------------------------------------------------
    def dismiss(self, reminder: Reminder) -> bool:
        """Hide the reminder for good (until Undo)."""
        if not self._run(lambda: dismiss(self._db, reminder.key)):
            return False
        self._remember(_Undo(reminder, None))
        self._after_change(
            _t("Dismissed: {message} Undo with Ctrl+Z.").format(
                message=reminder_words(reminder.reason)
            )
        )
        return True

    def snooze_for(self, reminder: Reminder, days: int) -> bool:
        return self.snooze_until(reminder, self._clock() + timedelta(days=days))

    def snooze_until(self, reminder: Reminder, until: date) -> bool:
        """Hide the reminder until `until` (it shows again on that day)."""
        if not self._run(lambda: snooze(self._db, reminder.key, until, self._clock())):
            return False
        self._remember(_Undo(reminder, until))
        self._after_change(
            _t("Snoozed until {date}: {message} Undo with Ctrl+Z.").format(
                date=format_date(until), message=reminder_words(reminder.reason)
            )
        )
        return True

    def _on_snooze(self, reminder: Reminder, days: int) -> None:
        if days:
            self.snooze_for(reminder, days)
            return
        until = SnoozeDialog.ask(self._clock(), self)
        if until is not None:
            self.snooze_until(reminder, until)

    def undo(self) -> bool:
        """Bring back the last reminder dismissed or snoozed."""
        if not self._undo:
            return False
        last = self._undo.pop()
        if not self._run(lambda: restore(self._db, last.reminder.key)):
            self._undo.append(last)
            return False
        self._after_change(
            _t("Back: {message}").format(message=reminder_words(last.reminder.reason))
        )
        return True

    def _remember(self, entry: _Undo) -> None:
        self._undo.append(entry)
        del self._undo[:-UNDO_DEPTH]

    def _run(self, action: Callable[[], None]) -> bool:
        try:
            action()
        except InvalidInput as exc:
            self._show_problem(problems_words(exc.problems))
            return False
        except StoreProblem as exc:
            self._show_problem(store_words(exc))
            return False
        self.problem.hide()
        return True

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _after_change(self, text: str) -> None:
        self.message.setText(text)
        self.refresh()

    def _paint_icons(self) -> None:
        super()._paint_icons()
        if hasattr(self, "empty_picture"):
            self.empty_picture.setPixmap(icon("check").pixmap(22, 22))
