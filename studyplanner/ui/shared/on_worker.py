"""A write the caller needs done before it goes on (a change of the plan: the screens show the new
plan right after), run on the app's one worker while the GUI thread keeps painting.

`on_worker(parent, label, work)` returns what `work()` returned, or raises what it raised, as a
plain call would, so callers and their tests read the same. Meanwhile the GUI thread handles its
events except user input (clicks and keys wait until the work is done; painting, timers and the
worker's reports go on) and, after half a second, shows a window-modal progress
dialog naming the work. There is nothing to cancel: the work is one transaction.

The asynchronous kind (a screen goes on and shows the result when it comes) is
ui/shared/worker_action.WorkerAction; both run on the same serial worker, so a write waits for a
backup under way rather than racing it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Slot
from PySide6.QtWidgets import QWidget

from studyplanner.ui.shared.background_job import BackgroundJob, start_kept
from studyplanner.ui.shared.worker_action import busy_dialog

Result = TypeVar("Result")

_WAIT = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
_NO_INPUT = QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents


class _Outcome(QObject):
    """Receives the worker's report on the GUI thread (a queued connection)."""

    def __init__(self) -> None:
        super().__init__()
        self.value: tuple[bool, Any] | None = None

    @Slot(object)
    def finished(self, result: object) -> None:
        self.value = (True, result)

    @Slot(object)
    def failed(self, exc: object) -> None:
        self.value = (False, exc)


def on_worker(parent: QWidget, label: str, work: Callable[[], Result]) -> Result:
    """Run `work` (no Qt object in it) on the one worker; return its result here."""
    job = BackgroundJob(lambda _progress, _cancelled: work())
    outcome = _Outcome()
    job.signals.finished.connect(outcome.finished)
    job.signals.failed.connect(outcome.failed)
    progress = busy_dialog(parent, label, label)
    start_kept(job)
    try:
        # Events as they come (sleeping in between), not a nested QEventLoop.exec(): with one,
        # a later dialog crashed the binding in the accessibility test.
        while outcome.value is None:
            QCoreApplication.processEvents(_WAIT | _NO_INPUT)
    finally:
        progress.close()
        progress.deleteLater()
    ok, value = outcome.value
    if ok:
        return value  # type: ignore[no-any-return]
    raise value
