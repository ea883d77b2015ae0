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

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

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


class JobRunner(QObject):
    """One worker thread: jobs run one after the other."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: set[BackgroundJob] = set()

    def start(self, job: BackgroundJob) -> None:
        self._running.add(job)
        job.signals.finished.connect(lambda _r: self._running.discard(job))
        job.signals.failed.connect(lambda _e: self._running.discard(job))
        self.pool.start(job)

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
