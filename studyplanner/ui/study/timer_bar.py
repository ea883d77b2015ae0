"""The study timer: start on a module, pause, resume, stop (which logs the session).

The timer is stored in the database, so a bar built anew (after the window was closed) shows the
same timer still counting."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from studyplanner.core.validation import InvalidInput
from studyplanner.services.database import Database
from studyplanner.services.progress import (
    current_timer,
    pause_timer,
    resume_timer,
    start_timer,
    stop_timer,
)
from studyplanner.services.snapshots import ModuleStatus, TimerInfo
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.study.study_log_model import format_minutes


def format_elapsed(seconds: int) -> str:
    hours, rest = divmod(max(0, seconds), 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


class TimerBar(QFrame):
    session_logged = Signal(object)
    """A StudySessionInfo after Stop logged one (None when it ran under a minute)."""
    timer_changed = Signal()

    def __init__(
        self,
        db: Database,
        clock: Callable[[], date],
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self._now = now
        self._info: TimerInfo | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Study timer"))
        picture = QLabel()
        picture.setPixmap(icon("clock").pixmap(22, 22))
        self.status = PlainLabel()
        self.status.setAccessibleName(self.tr("Timer status"))
        self.elapsed = QLabel(format_elapsed(0))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.elapsed.setFont(font)
        self.elapsed.setAccessibleName(self.tr("Time studied"))
        self.module = QComboBox()
        self.module.setAccessibleName(self.tr("Module to time"))
        self.module.setMinimumContentsLength(24)
        self.module.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.start_button = self._button("add", self.tr("&Start timer"), self._on_start)
        self.pause_button = self._button(None, self.tr("&Pause"), self._on_pause)
        self.resume_button = self._button(None, self.tr("&Resume"), self._on_resume)
        self.stop_button = self._button("check", self.tr("S&top and log"), self._on_stop)
        self.message = PlainLabel()
        self.message.setAccessibleName(self.tr("Timer message"))
        self.message.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.addWidget(picture)
        layout.addWidget(self.elapsed)
        layout.addWidget(self.status)
        layout.addWidget(self.module)
        layout.addWidget(self.message, 1)
        for button in (self.start_button, self.pause_button, self.resume_button, self.stop_button):
            layout.addWidget(button)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)
        self.reload()

    def _button(self, icon_name: str | None, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(icon(icon_name), text) if icon_name else QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        return button

    # -- state -------------------------------------------------------------------------------
    def info(self) -> TimerInfo | None:
        return self._info

    def set_modules(self, modules: Sequence[ModuleStatus]) -> None:
        """The modules offered by Start (the unfinished ones of the plan)."""
        current = self.module.currentData()
        self.module.clear()
        for m in modules:
            if not m.done:
                self.module.addItem(m.title, m.id)
        index = self.module.findData(current)
        if index >= 0:
            self.module.setCurrentIndex(index)
        self._show()

    def reload(self) -> None:
        """Read the stored timer again (it may have been changed elsewhere)."""
        self._info = current_timer(self._db)
        self._show()

    def tick(self) -> None:
        seconds = self._info.elapsed_seconds(self._now()) if self._info else 0
        self.elapsed.setText(format_elapsed(seconds))

    def _show(self) -> None:
        info = self._info
        if info is None:
            self.status.setText(self.tr("No timer running. Study:"))
        elif info.running:
            self.status.setText(self.tr("Studying {module}").format(module=info.module_title))
        else:
            self.status.setText(self.tr("Paused: {module}").format(module=info.module_title))
        self.module.setVisible(info is None)
        self.start_button.setVisible(info is None)
        self.start_button.setEnabled(self.module.count() > 0)
        self.pause_button.setVisible(info is not None and info.running)
        self.resume_button.setVisible(info is not None and not info.running)
        self.stop_button.setVisible(info is not None)
        self.tick()
        if info is not None and info.running:
            self.ticker.start()
        else:
            self.ticker.stop()

    # -- actions -----------------------------------------------------------------------------
    def start(self, module_id: int | None = None) -> bool:
        """Start timing `module_id` (default: the module chosen in the list)."""
        if module_id is None:
            module_id = self.module.currentData()
        if module_id is None:
            return False
        return self._do(lambda: start_timer(self._db, module_id, self._now()))

    def _do(self, action: Callable[[], TimerInfo]) -> bool:
        try:
            self._info = action()
        except InvalidInput as exc:
            self.message.setText(" ".join(p.message for p in exc.problems))
            self.reload()
            return False
        self.message.clear()
        self._show()
        self.timer_changed.emit()
        return True

    def _on_start(self) -> None:
        self.start()

    def _on_pause(self) -> None:
        self._do(lambda: pause_timer(self._db, self._now()))

    def _on_resume(self) -> None:
        self._do(lambda: resume_timer(self._db, self._now()))

    def _on_stop(self) -> None:
        try:
            logged = stop_timer(self._db, self._now(), self._clock())
        except InvalidInput as exc:
            self.message.setText(" ".join(p.message for p in exc.problems))
            self.reload()
            return
        if logged is None:
            self.message.setText(self.tr("Under a minute: nothing was logged."))
        else:
            self.message.setText(
                self.tr("Logged {time} on {module}.").format(
                    time=format_minutes(logged.minutes), module=logged.module_title
                )
            )
        self.reload()
        self.timer_changed.emit()
        self.session_logged.emit(logged)

    def hideEvent(self, event: QHideEvent) -> None:
        self.ticker.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._show()
        super().showEvent(event)
