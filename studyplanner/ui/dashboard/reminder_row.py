"""One reminder's row: its severity as an icon and a word (never colour alone), its message and
date, the button for its action (by kind), Snooze and Dismiss; and the Snooze-until dialog."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
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

from studyplanner.core.reminders import Reminder, ReminderKind, Severity, reminder_subject
from studyplanner.core.validation import Problem
from studyplanner.services.reminders import MAX_SNOOZE_DAYS
from studyplanner.ui.dashboard.reminder_words import reminder_words
from studyplanner.ui.shared.colours import is_dark, readable
from studyplanner.ui.shared.formatting import date_edit, format_date, pydate, qdate, tr
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import problem_label
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.shared.validated_dialog import ValidatedDialog

SEVERITY_ICONS = {Severity.URGENT: "urgent", Severity.WARNING: "warning", Severity.INFO: "info"}
_HUES = {Severity.URGENT: 0.0, Severity.WARNING: 0.11}


def _t(text: str) -> str:
    return tr(text, "Reminders")


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
    colour = QColor.fromHslF(_HUES[severity], 0.75, 0.62 if is_dark(palette) else 0.38)
    return readable(colour, palette.color(QPalette.ColorRole.Window))


def action_words(reminder: Reminder) -> tuple[str, str, str] | None:
    """(button text, accessible name, icon) for the reminder's action, by kind; None when it
    has none."""
    kind = reminder.kind
    if kind in (ReminderKind.STUDY_TODAY, ReminderKind.NO_STUDY):
        return _t("Log today's study…"), _t("Log today's study"), "study-log"
    if kind in (ReminderKind.MODULE_OVERDUE, ReminderKind.EXAM):
        if reminder_subject(reminder) is None:
            return None
        return _t("Log study…"), _t("Log study on this module"), "study-log"
    if kind in (ReminderKind.CEU_SHORTFALL, ReminderKind.CEU_RULE):
        if reminder_subject(reminder) is None:
            return None
        return _t("Log a CEU activity…"), _t("Log a CEU activity for this cycle"), "certificate"
    if kind in (ReminderKind.CYCLE_END, ReminderKind.SUBMISSION, ReminderKind.CREDENTIAL_OVERDUE):
        if reminder_subject(reminder) is None:
            return None
        return _t("Open the cycle"), _t("Open the cycle on the Credentials screen"), "credentials"
    if kind is ReminderKind.BACKUP:
        return _t("Back up now"), _t("Back up now"), "export"
    return None


def when_words(due: date, today: date) -> str:
    if due < today:
        return _t("Since {date}").format(date=format_date(due))
    if due == today:
        return _t("Today")
    return _t("Due {date}").format(date=format_date(due))


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
    action_requested = Signal(object)  # Reminder: its action button was clicked
    snooze_requested = Signal(object, int)  # Reminder, days (0: ask for a date)

    def __init__(self, reminder: Reminder, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reminder = reminder
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        word = severity_word(reminder.severity)
        message = reminder_words(reminder.reason)
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
        self.action_button: QPushButton | None = None
        self._action_icon = ""
        words = action_words(reminder)
        if words is not None:
            text, name, self._action_icon = words
            self.action_button = QPushButton(text)
            self.action_button.setAccessibleName(name)
            self.action_button.setAccessibleDescription(message)
            self.action_button.clicked.connect(lambda: self.action_requested.emit(reminder))
            buttons.addWidget(self.action_button)
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
        if self.action_button is not None:
            self.action_button.setIcon(icon(self._action_icon))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()
        super().changeEvent(event)
