"""The automatic backup: at start-up (after the first paint) and every half hour while the app
runs, a backup when something changed since the newest one. It is taken on the one worker
(ui/background_job.worker()): at heavy data a checked online backup takes seconds, and the
window never waits for it. A problem (disk full, folder read-only, a damaged file) is shown in
the status bar; nothing is half-written (a backup is checked before it is kept)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from studyplanner.services.backups import BackupInfo, backup_if_changed
from studyplanner.services.database import Database
from studyplanner.services.errors import StoreProblem
from studyplanner.ui.shared.background_job import BackgroundJob, JobRunner

BACKUP_EVERY_MS = 30 * 60 * 1000
FIRST_AFTER_MS = 2000
"""After the first paint: the window is shown before the start-up backup is taken."""


class AutoBackup(QObject):
    checked = Signal(object)
    """A check ended: the backup taken (BackupInfo), or None (nothing changed, or a problem)."""

    def __init__(
        self,
        db: Database,
        window: QMainWindow,
        now: Callable[[], datetime] = datetime.now,
        every_ms: int = BACKUP_EVERY_MS,
        first_after_ms: int = FIRST_AFTER_MS,
    ) -> None:
        super().__init__(window)
        self._db, self._window, self._now = db, window, now
        self.runner = JobRunner(self)
        self.job: BackgroundJob | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        QTimer.singleShot(first_after_ms, self, self.tick)

    def tick(self) -> BackgroundJob | None:
        """Back up on the worker if something changed (None: the last check still runs)."""
        if self.job is not None:
            return None
        db, now = self._db, self._now()
        job = BackgroundJob(lambda _progress, _cancelled: backup_if_changed(db, now))
        # Bound methods of this QObject: Qt drops the connections if it goes away first.
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self.job = job
        self.runner.start(job)
        return job

    def _on_finished(self, info: BackupInfo | None) -> None:
        self.job = None
        self.checked.emit(info)

    def _on_failed(self, exc: BaseException) -> None:
        self.job = None
        try:
            if not isinstance(exc, StoreProblem):
                sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: logged
            else:
                self._window.statusBar().showMessage(exc.user_message, 15_000)
        finally:
            self.checked.emit(None)
