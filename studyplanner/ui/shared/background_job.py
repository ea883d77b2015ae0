"""Slow work (exports) off the GUI thread: one worker, progress and the result back through
signals, and a cancel flag the work polls. The work gets no Qt object, only two callables.

Database access from the worker is safe: every service call opens its own session and
transaction, and the engine's pool hands each one its own SQLite connection
(`check_same_thread` is off for file databases), so no connection is shared at the same time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from studyplanner.ui.shared.plain_text import PlainLabel

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]
"""work(progress(done, total), cancelled()) -> result"""


class JobSignals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)  # the exception


class BackgroundJob(QRunnable):
    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it until its signals have been handled
        self.signals = JobSignals()
        self._work = work
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._work(self.signals.progressed.emit, self._cancel.is_set)
        except BaseException as exc:  # reported to the GUI thread, which decides what to say
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            self.done.set()


_WORKER: QThreadPool | None = None


def worker() -> QThreadPool:
    """The app's one worker thread: every background job, from any screen, runs on it one
    after the other (two writes never race, and the database sees one writer at a time)."""
    global _WORKER
    if _WORKER is None:
        _WORKER = QThreadPool(QCoreApplication.instance())
        _WORKER.setMaxThreadCount(1)
        _WORKER.setExpiryTimeout(-1)  # the thread stays for the next job
    return _WORKER


_KEPT: list[BackgroundJob] = []


def start_kept(job: BackgroundJob) -> None:
    """Start `job` on the one worker, kept alive here rather than by whoever started it: the
    worker reports a job's end from inside its run(), which the binding may still be leaving
    when the starter has the result, and the starter (a screen) may be gone meanwhile (a job
    freed under the worker, or its signals deleted before it reports). A job is let go once it
    has ended and four newer ones have ended after it on the same single thread."""
    _KEPT.append(job)
    ended = [kept for kept in _KEPT if kept.done.is_set()]
    for old in ended[:-4]:
        _KEPT.remove(old)
    worker().start(job)


class JobRunner(QObject):
    """A screen's handle on the one worker: its jobs, and whether any still runs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = worker()
        self._running: set[BackgroundJob] = set()

    def start(self, job: BackgroundJob) -> None:
        self._running.add(job)
        job.signals.finished.connect(lambda _r: self._running.discard(job))
        job.signals.failed.connect(lambda _e: self._running.discard(job))
        start_kept(job)

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)


class ProgressJobs(QObject):
    """One job at a time on the worker, behind a window-modal progress dialog with Cancel.

    `failure(exc, cancel_requested)` turns an exception into (what to tell, whether it is fine);
    `on_busy(busy)` lets the owner disable its buttons while a job runs. `finished` carries what
    to tell the user and whether it worked."""

    finished = Signal(str, bool)

    def __init__(
        self,
        parent: QWidget,
        title: str,
        failure: Callable[[BaseException, bool], tuple[str, bool]],
        on_busy: Callable[[bool], None],
        still_running: str,
    ) -> None:
        super().__init__(parent)
        self._parent, self._title, self._failure = parent, title, failure
        self._on_busy, self._still_running = on_busy, still_running
        self.runner = JobRunner(self)
        self.job: BackgroundJob | None = None
        self.progress: QProgressDialog | None = None
        self._done: Callable[[Any], str] = str
        self._updating = 0
        self._ended: list[QProgressDialog] = []

    def busy(self) -> bool:
        return self.job is not None

    def start(self, work: Work, done: Callable[[Any], str], label: str) -> BackgroundJob | None:
        if self.job is not None:
            self.finished.emit(self._still_running, False)
            return None
        job = BackgroundJob(work)
        progress = QProgressDialog(label, QCoreApplication.translate("Jobs", "Cancel"), 0, 0,
                                   self._parent)  # fmt: skip
        progress.setLabel(PlainLabel(label))  # it may name a credential or a file
        progress.setWindowTitle(self._title)
        progress.setAccessibleName(self._title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        progress.canceled.connect(self.cancel)
        # Bound methods of this QObject: Qt drops the connections if the owner goes away
        # before the worker reports.
        job.signals.progressed.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self.job, self.progress, self._done = job, progress, done
        self._on_busy(True)
        progress.show()
        self.runner.start(job)
        return job

    def cancel(self) -> None:
        """Ask the running job to stop (the work removes what it wrote)."""
        if self.job is not None:
            self.job.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is None:
            return
        # A modal progress dialog handles pending events inside setValue(): the job's end may
        # come in there and must not delete the dialog under it (a crash seen on exports).
        self._updating += 1
        try:
            progress.setMaximum(max(total, 1))
            progress.setValue(done)
        finally:
            self._updating -= 1
        if not self._updating:
            for ended in self._ended:
                ended.deleteLater()
            self._ended.clear()

    def _on_finished(self, result: object) -> None:
        self._end(self._done(result), True)

    def _on_failed(self, exc: BaseException) -> None:
        job = self.job
        self._end(*self._failure(exc, job is not None and job.cancel_requested))

    def _end(self, text: str, ok: bool) -> None:
        progress, self.progress, self.job = self.progress, None, None
        if progress is not None:
            progress.canceled.disconnect(self.cancel)
            progress.close()
            if self._updating:
                self._ended.append(progress)  # deleted once its setValue() has returned
            else:
                progress.deleteLater()
        self._on_busy(False)
        self.finished.emit(text, ok)
