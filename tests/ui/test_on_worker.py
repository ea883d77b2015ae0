"""ui/shared/on_worker.py: a write run on the one worker that reads, to its caller, as a plain
call: the result or the exception comes back, and the GUI thread keeps handling its events
meanwhile (no frozen window). That user input from the window system waits is Qt's
ExcludeUserInputEvents; offscreen tests cannot send such input, so it is not tested here."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from studyplanner.core.validation import InvalidInput, problem
from studyplanner.ui.shared.on_worker import on_worker


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_result_comes_back_from_another_thread(parent: QWidget) -> None:
    here = threading.get_ident()
    assert on_worker(parent, "Working", lambda: (threading.get_ident() != here, 42)) == (True, 42)


def test_the_work_s_problem_is_raised_in_the_caller(parent: QWidget) -> None:
    def refuse() -> None:
        raise InvalidInput([problem("plan", "no_plan")])

    with pytest.raises(InvalidInput) as raised:
        on_worker(parent, "Working", refuse)
    assert raised.value.problems[0].code == "no_plan"


def test_the_gui_thread_keeps_running_its_timers_while_the_work_runs(parent: QWidget) -> None:
    """The work waits until the GUI thread's timer has ticked three times: with a blocked GUI
    thread it would give up after 10 s and say so."""
    ticked = threading.Event()
    ticks: list[int] = []

    def tick() -> None:
        ticks.append(1)
        if len(ticks) == 3:
            ticked.set()

    timer = QTimer(parent)
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    assert on_worker(parent, "Working", lambda: ticked.wait(10)) is True
    timer.stop()
    assert len(ticks) >= 3


def test_a_long_write_names_itself_in_a_progress_dialog_after_half_a_second(
    parent: QWidget,
) -> None:
    """The work waits until its progress dialog shows; the clock says when that was (Qt's own
    default, 4 s, is what a dialog that never restarted its countdown would take)."""
    import time

    from PySide6.QtWidgets import QProgressDialog

    shown = threading.Event()
    seen: list[tuple[float, str]] = []
    began = time.perf_counter()

    def look() -> None:
        for dialog in parent.findChildren(QProgressDialog):
            if dialog.isVisible() and not seen:
                seen.append((time.perf_counter() - began, dialog.labelText()))
                shown.set()

    timer = QTimer(parent)
    timer.setInterval(20)
    timer.timeout.connect(look)
    timer.start()
    assert on_worker(parent, "Saving the plan…", lambda: shown.wait(10)) is True
    timer.stop()
    ((after, label),) = seen
    assert 0.4 <= after < 2.5
    assert label == "Saving the plan…"
    assert not [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]
