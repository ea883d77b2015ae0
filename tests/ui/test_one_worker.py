"""Every background job, whichever screen starts it, runs on the app's one worker thread, one
after the other."""

from __future__ import annotations

import threading
from typing import Any

from pytestqt.qtbot import QtBot

from studyplanner.ui.shared.background_job import BackgroundJob, JobRunner, worker


def test_jobs_of_two_screens_run_one_after_the_other_on_one_thread(qtbot: QtBot) -> None:
    exports, imports = JobRunner(), JobRunner()  # as two panels hold them
    assert exports.pool is imports.pool is worker()
    release, log = threading.Event(), []

    def first(_progress: Any, _cancelled: Any) -> None:
        log.append(("first starts", threading.get_ident()))
        release.wait(5)
        log.append(("first ends", threading.get_ident()))

    def second(_progress: Any, _cancelled: Any) -> None:
        log.append(("second starts", threading.get_ident()))

    a, b = BackgroundJob(first), BackgroundJob(second)
    exports.start(a)
    imports.start(b)
    qtbot.waitUntil(lambda: bool(log))
    assert imports.busy() and [entry for entry, _ in log] == ["first starts"]
    release.set()
    qtbot.waitUntil(lambda: a.done.is_set() and b.done.is_set())
    assert [entry for entry, _ in log] == ["first starts", "first ends", "second starts"]
    assert len({ident for _, ident in log}) == 1
    assert threading.get_ident() not in {ident for _, ident in log}
