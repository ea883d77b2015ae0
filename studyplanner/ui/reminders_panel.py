"""The reminders panel: what needs the user's attention today, most urgent first. Each reminder
shows its severity as an icon and a word (never colour alone), its message and date, and can be
dismissed for good or snoozed; Ctrl+Z or Undo brings back the last one dismissed or snoozed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.reminders import Reminder, Severity
from studyplanner.core.validation import InvalidInput, Problem
from studyplanner.services.database import Database
from studyplanner.services.errors import StoreProblem
from studyplanner.services.reminders import (
    MAX_SNOOZE_DAYS,
    current_reminders,
    dismiss,
    restore,
    snooze,
)
from studyplanner.ui.colours import is_dark
from studyplanner.ui.dashboard_card import Card
from studyplanner.ui.formatting import date_edit, format_date, pydate, qdate, tr
from studyplanner.ui.goal_editor import problem_label
from studyplanner.ui.icons import icon
from studyplanner.ui.plain_text import PlainLabel
from studyplanner.ui.validated_dialog import ValidatedDialog

SEVERITY_ICONS = {Severity.URGENT: "urgent", Severity.WARNING: "warning", Severity.INFO: "info"}
_HUES = {Severity.URGENT: 0.0, Severity.WARNING: 0.11}
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DAY_CHECK_MS = 60_000
"""How often the panel looks whether the day changed (a new day brings new reminders)."""
UNDO_DEPTH = 20


def _t(text: str) -> str:
    return tr(text)


def severity_word(severity: Severity) -> str:
    return {
        Severity.URGENT: _t("Urgent"),
        Severity.WARNING: _t("Important"),
        Severity.INFO: _t("Note"),
    }[severity]


def severity_colour(severity: Severity, palette: QPalette) -> QColor:
    """Red or amber at a lightness that reads on the window colour; plain text for a note."""
    if severity not in _HUES:
        return palette.color(QPalette.ColorRole.WindowText)
    return QColor.fromHslF(_HUES[severity], 0.75, 0.62 if is_dark(palette) else 0.38)


def local_dates(message: str) -> str:
    """The message with its ISO dates (2026-12-17) written in the user's locale."""

    def local(match: re.Match[str]) -> str:
        try:
            return format_date(date(*(int(g) for g in match.groups())))
        except ValueError:
            return match.group(0)

    return _ISO_DATE.sub(local, message)


def when_words(due: date, today: date) -> str:
    if due < today:
        return _t("Since {date}").format(date=format_date(due))
    if due == today:
        return _t("Today")
    return _t("Due {date}").format(date=format_date(due))


@dataclass(frozen=True, slots=True)
class _Undo:
    reminder: Reminder
    snoozed_until: date | None  # None: it was dismissed


class SnoozeDialog(ValidatedDialog):
    """Choose the day a snoozed reminder comes back."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.setWindowTitle(self.tr("Snooze until a date"))
        self.day = date_edit(today + timedelta(days=7), self.tr("Show the reminder again on"))
        self.day.setMinimumDate(qdate(today + timedelta(days=1)))
        self.day.setMaximumDate(qdate(today + timedelta(days=MAX_SNOOZE_DAYS)))
        self.day.dateChanged.connect(self._on_changed)
        self.day_problem = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("Show it again on:"), self.day)
        form.addRow("", self.day_problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button = ok
        self.ok_button.setText(self.tr("Snooze"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._on_changed()

    def value(self) -> date:
        return pydate(self.day.date())

    def problems(self) -> list[Problem]:
        day = self.value()
        if not self._today < day <= self._today + timedelta(days=MAX_SNOOZE_DAYS):
            return [Problem("until", self.tr("Choose a day after today, within a year."))]
        return []

    def problem_labels(self) -> dict[str, QLabel]:
        return {"until": self.day_problem}

    @classmethod
    def ask(cls, today: date, parent: QWidget | None = None) -> date | None:
        """The day chosen, or None when cancelled (the seam tests replace)."""
        dialog = cls(today, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()


class ReminderRow(QFrame):
    """One reminder: severity icon and word, the date, the message, Snooze and Dismiss."""

    dismiss_requested = Signal(object)  # Reminder
    snooze_requested = Signal(object, int)  # Reminder, days (0: ask for a date)

    def __init__(self, reminder: Reminder, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reminder = reminder
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        word = severity_word(reminder.severity)
        message = local_dates(reminder.message)
        when = when_words(reminder.due, today)
        self.setAccessibleName(
            _t("{severity}: {message} {when}.").format(severity=word, message=message, when=when)
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        row.setSpacing(10)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.word = QLabel()
        self.word.setAccessibleName(word)
        self.when = QLabel(when)
        self.message = PlainLabel(message)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.word)
        head.addWidget(self.when)
        head.addStretch(1)
        self.snooze_button = QPushButton(self.tr("&Snooze"))
        self.snooze_button.setAccessibleName(_t("Snooze"))
        self.snooze_button.setAccessibleDescription(message)
        self.snooze_button.setToolTip(_t("Hide this reminder for a while"))
        menu = QMenu(self.snooze_button)
        menu.setAccessibleName(_t("Snooze for"))
        for text, days in (
            (_t("For 1 day"), 1),
            (_t("For 1 week"), 7),
            (_t("Until a date…"), 0),
        ):
            action = menu.addAction(text)
            action.triggered.connect(
                lambda _=False, d=days: self.snooze_requested.emit(reminder, d)
            )
        self.snooze_menu = menu
        self.snooze_button.setMenu(menu)
        self.dismiss_button = QPushButton(self.tr("&Dismiss"))
        self.dismiss_button.setAccessibleName(_t("Dismiss"))
        self.dismiss_button.setAccessibleDescription(message)
        self.dismiss_button.setToolTip(_t("Hide this reminder for good"))
        self.dismiss_button.clicked.connect(lambda: self.dismiss_requested.emit(reminder))
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.dismiss_button)
        lines = QVBoxLayout()
        lines.setSpacing(2)
        lines.addLayout(head)
        lines.addWidget(self.message)
        top = Qt.AlignmentFlag.AlignTop
        row.addWidget(self.picture, 0, top)
        row.addLayout(lines, 1)
        row.addLayout(buttons)
        buttons.setAlignment(top)
        self._paint()

    def _on_snooze_action(self, days: int) -> None:
        self.snooze_requested.emit(self.reminder, days)

    def _paint(self) -> None:
        severity = self.reminder.severity
        colour = severity_colour(severity, self.palette())
        self.picture.setPixmap(icon(SEVERITY_ICONS[severity], colour).pixmap(22, 22))
        self.word.setText(f"<b style='color:{colour.name()}'>{severity_word(severity)}</b>")
        self.snooze_button.setIcon(icon("snooze"))
        self.dismiss_button.setIcon(icon("dismiss"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()
        super().changeEvent(event)


class RemindersPanel(Card):
    """The current reminders as a card. `refresh()` re-reads them; `count_changed` tells how many
    there are (for a badge), emitted whenever the number changes."""

    count_changed = Signal(int)

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
        self._shown_day = today
        try:
            found = current_reminders(self._db, today)
        except StoreProblem as exc:
            self._show_problem(exc.user_message)
            found = []
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
        for reminder in found:
            row = ReminderRow(reminder, today)
            row.dismiss_requested.connect(self.dismiss)
            row.snooze_requested.connect(self._on_snooze)
            self.list_layout.addWidget(row)
            self.rows.append(row)
        self.empty.setVisible(not found)
        self.list_box.setVisible(bool(found))
        urgent = sum(r.severity is Severity.URGENT for r in found)
        if not found:
            self.summary.hide()
        else:
            self.summary.show()
            text = _t("1 reminder") if len(found) == 1 else _t("{n} reminders")
            text = text.format(n=len(found))
            if urgent:
                text = _t("{reminders}, {n} urgent").format(reminders=text, n=urgent)
            self.summary.setText(text)
        self.undo_button.setVisible(bool(self._undo))
        self.undo_action.setEnabled(bool(self._undo))
        if had_focus:
            self._refocus(at)

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
                message=local_dates(reminder.message)
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
                date=format_date(until), message=local_dates(reminder.message)
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
        self._after_change(_t("Back: {message}").format(message=local_dates(last.reminder.message)))
        return True

    def _remember(self, entry: _Undo) -> None:
        self._undo.append(entry)
        del self._undo[:-UNDO_DEPTH]

    def _run(self, action: Callable[[], None]) -> bool:
        try:
            action()
        except InvalidInput as exc:
            self._show_problem("\n".join(p.message for p in exc.problems))
            return False
        except StoreProblem as exc:
            self._show_problem(exc.user_message)
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
