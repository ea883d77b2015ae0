"""Study Planner in the system tray: a menu (open, log a session, quit), the number of reminders
in the tooltip and on the icon, and desktop messages for reminders that became due.

Only where the desktop has a tray (`Tray.create` returns None otherwise, and the in-app reminders
panel is all there is). Each reminder key is shown at most once, in the tray or by the login agent:
both go through the notified-keys file of services/reminders.py.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date, timedelta

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from studyplanner.core.reminders import Reminder, Severity
from studyplanner.services.database import Database
from studyplanner.services.errors import StoreProblem
from studyplanner.services.reminders import not_yet_notified, remember_notified
from studyplanner.services.settings import AppSettings
from studyplanner.ui.dashboard.reminder_words import reminder_words
from studyplanner.ui.shared.formatting import tr
from studyplanner.ui.shared.icons import icon

CHECK_EVERY = timedelta(hours=1)
MESSAGE_MS = 10_000

_MESSAGE_ICONS = {
    Severity.URGENT: QSystemTrayIcon.MessageIcon.Critical,
    Severity.WARNING: QSystemTrayIcon.MessageIcon.Warning,
    Severity.INFO: QSystemTrayIcon.MessageIcon.Information,
}


def _t(text: str) -> str:
    return tr(text)


def _title(severity: Severity) -> str:
    return {
        Severity.URGENT: _t("Study Planner: needs attention"),
        Severity.WARNING: _t("Study Planner reminder"),
        Severity.INFO: _t("Study Planner"),
    }[severity]


def should_keep_running_on_close(settings: AppSettings, tray: Tray | None) -> bool:
    """Closing the window only hides it when the user wants the tray and there is one."""
    return settings.keep_in_tray and tray is not None


def badge_icon(base: QIcon, count: int) -> QIcon:
    """The app icon with the number of reminders in a round badge (nothing when zero)."""
    if count <= 0:
        return base
    result = QIcon()
    palette = QApplication.palette()
    fill = palette.color(QPalette.ColorRole.Highlight)
    text_colour = palette.color(QPalette.ColorRole.HighlightedText)
    for size in (16, 22, 24, 32, 48, 64):
        pixmap = base.pixmap(size, size)
        if pixmap.isNull():
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        diameter = size * 0.62
        circle = QRectF(size - diameter, size - diameter, diameter, diameter)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(circle)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(7, round(diameter * (0.72 if count < 10 else 0.55))))
        painter.setFont(font)
        painter.setPen(text_colour)
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(count) if count < 100 else "99+")
        painter.end()
        result.addPixmap(pixmap)
    return result


class Tray(QObject):
    """Wraps the QSystemTrayIcon; build it with `Tray.create(...)`."""

    open_requested = Signal()
    log_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self.open_action = QAction(icon("open-window"), _t("&Open Study Planner"), self)
        self.log_action = QAction(icon("study-log"), _t("&Log a session…"), self)
        self.quit_action = QAction(icon("quit"), _t("&Quit"), self)
        self.open_action.triggered.connect(self.open_requested)
        self.log_action.triggered.connect(self.log_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.log_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.icon.messageClicked.connect(self.open_requested)
        self._timer: QTimer | None = None
        self.set_count(0)

    @classmethod
    def create(
        cls,
        parent: QObject | None = None,
        *,
        available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
    ) -> Tray | None:
        """The tray, shown; None where the desktop has no system tray."""
        if not available():
            return None
        tray = cls(parent)
        tray.icon.show()
        return tray

    # -- what it shows --------------------------------------------------------------------------
    def count(self) -> int:
        return self._count

    def set_count(self, count: int) -> None:
        """Show how many reminders there are (connect the panel's `count_changed` here)."""
        self._count = max(0, count)
        self.icon.setIcon(badge_icon(icon("app"), self._count))
        if self._count == 0:
            tip = _t("Study Planner: nothing needs your attention")
        elif self._count == 1:
            tip = _t("Study Planner: 1 reminder")
        else:
            tip = _t("Study Planner: {n} reminders").format(n=self._count)
        self.icon.setToolTip(tip)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    # -- desktop messages -----------------------------------------------------------------------
    def notify_new(self, db: Database, today: date) -> list[Reminder]:
        """Show the due reminders never notified before (by the tray or the login agent), and
        remember them; returns those reminders."""
        if not QSystemTrayIcon.supportsMessages():
            return []  # leave them to the login agent, if it runs
        try:
            due = not_yet_notified(db, today)
        except StoreProblem:
            return []
        if not due:
            return []
        # One message: a burst of them would replace each other before anyone reads them.
        first = due[0]  # the most urgent
        worst = first.severity
        text = reminder_words(first.reason)
        if len(due) > 1:
            text += "\n" + _t("and {n} more: open Study Planner to see them.").format(
                n=len(due) - 1
            )
        self.icon.showMessage(_title(worst), text, _MESSAGE_ICONS[worst], MESSAGE_MS)
        with suppress(OSError):  # shown now; shown again later is better than never
            remember_notified(db.data_dir, [r.key for r in due], today)
        return due

    def start_checks(
        self, db: Database, clock: Callable[[], date], every: timedelta = CHECK_EVERY
    ) -> None:
        """Check for new reminders now and then every hour while the app runs."""
        if self._timer is None:
            self._timer = QTimer(self)
            self._timer.timeout.connect(lambda: self.notify_new(db, clock()))
        self._timer.start(int(every.total_seconds() * 1000))
        self.notify_new(db, clock())

    def hide(self) -> None:
        self.icon.hide()
        if self._timer is not None:
            self._timer.stop()
