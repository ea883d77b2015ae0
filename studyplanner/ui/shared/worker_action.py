"""One user action whose work runs on the app's one worker thread (ui/background_job.worker()),
in the style of Anki's CollectionOp: the GUI thread gathers the input, the worker calls the
service (one transaction, or a file written whole), and the result or the problem comes back to
the GUI thread, which shows it and routes the Changes.

While the work runs the controls that start it are disabled (no double start); if it takes more
than half a second a window-modal progress dialog says what is being done. It has no Cancel: the
work is one transaction (or one file written whole), all of it or nothing.

A problem the user can act on (a refused input, a store problem: disk full, folder read-only,
database busy or damaged, a file that cannot be written) is told in its words; anything else is a
bug and goes to the app's error handler (the log) once the controls are usable again."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from studyplanner.core.validation import InvalidInput
from studyplanner.services.errors import StoreProblem
from studyplanner.ui.shared.background_job import BackgroundJob, JobRunner
from studyplanner.ui.shared.formatting import tr
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.shared.problem_words import problems_words, store_words

SHOW_AFTER_MS = 500
"""A job that ends sooner shows no progress dialog (it would only flash)."""

Result = TypeVar("Result")


def problem_text(exc: BaseException) -> str | None:
    """What to tell the user about a problem the work met, naming it; None for a bug."""
    if isinstance(exc, InvalidInput):
        return problems_words(exc.problems)
    if isinstance(exc, StoreProblem):
        return store_words(exc)
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        where = f" ({exc.filename})" if exc.filename else ""
        return tr("Nothing was written: %1.").replace("%1", reason + where)
    return None


def busy_dialog(parent: QWidget, title: str, label: str) -> QProgressDialog:
    """The progress dialog of one job on the worker: window-modal, busy (the work does not count
    its steps), no Cancel (one transaction: no stopping halfway), shown by Qt only if the job
    still runs after SHOW_AFTER_MS. The caller closes it when the job ends."""
    progress = QProgressDialog(parent)
    progress.setLabel(PlainLabel(label))  # it may name a file
    progress.setCancelButton(None)
    progress.setRange(0, 0)
    progress.setWindowTitle(title)
    progress.setAccessibleName(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setMinimumDuration(SHOW_AFTER_MS)
    # The countdown to showing it restarts only at its first value: without this it kept the
    # constructor's 4 s, whatever the minimum duration said.
    progress.setValue(0)
    return progress


class WorkerAction(QObject):
    """A screen's handle on one kind of action run on the worker (one at a time).

    `on_busy(busy)` disables and enables the controls that start it. `run` returns the job, or
    None when one is still running."""

    ended = Signal(bool)
    """The action ended (after its `succeeded` or `failed` ran): whether it worked."""

    def __init__(self, parent: QWidget, title: str, on_busy: Callable[[bool], None]) -> None:
        super().__init__(parent)
        self._parent, self._title, self._on_busy = parent, title, on_busy
        self.runner = JobRunner(self)
        self.job: BackgroundJob | None = None
        self.progress: QProgressDialog | None = None
        self._succeeded: Callable[[Any], None] = lambda _r: None
        self._failed: Callable[[BaseException], None] = lambda _e: None

    def busy(self) -> bool:
        return self.job is not None

    def run(
        self,
        work: Callable[[], Result],
        label: str,
        succeeded: Callable[[Result], None],
        failed: Callable[[BaseException], None],
    ) -> BackgroundJob | None:
        """Run `work` on the worker (it gets no Qt object: what it needs is read before);
        then `succeeded(result)` or `failed(exception)` on the GUI thread."""
        if self.job is not None:
            return None
        job = BackgroundJob(lambda _progress, _cancelled: work())
        progress = busy_dialog(self._parent, self._title, label)
        # Bound methods of this QObject: Qt drops the connections if the owner goes away
        # before the worker reports.
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self.job, self.progress = job, progress
        self._succeeded, self._failed = succeeded, failed
        self._on_busy(True)
        self.runner.start(job)
        return job

    def _on_finished(self, result: object) -> None:
        self._end()
        try:
            self._succeeded(result)
        finally:
            self.ended.emit(True)

    def _on_failed(self, exc: BaseException) -> None:
        self._end()
        try:
            if problem_text(exc) is None:
                # A bug: the app's error handler logs it and tells the user where the log is.
                sys.excepthook(type(exc), exc, exc.__traceback__)
            else:
                self._failed(exc)
        finally:
            self.ended.emit(False)

    def _end(self) -> None:
        progress, self.progress, self.job = self.progress, None, None
        if progress is not None:
            progress.close()
            progress.deleteLater()
        self._on_busy(False)
