"""A long-life test (issue 10): one process, the real main window, a learner's year driven through
the real widgets: thousands of actions (screens, timer, sessions, modules, re-plans, CEUs,
backups, restores, imports, a new plan) with the clock advancing day by day. After every action
that changes data, each screen built so far shows what the services answer to the same question.

Run with `-s` to see the seed and how many actions of each kind were done."""

from __future__ import annotations

import os
import random
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyplanner.services.database import Database
from tests.ui.learner import (
    TIMER,
    Actions,
    Clock,
    Learner,
    check_reminders,
    check_screens,
    check_timer,
)

SEED = int(os.environ.get("LONG_LIFE_SEED", "20261203"))
"""Fixed; another seed (LONG_LIFE_SEED) explores other years."""
START = date(2027, 1, 4)  # a Monday
END = date(2028, 1, 4)
"""The run goes on until a year has passed and ACTIONS actions were done."""
ACTIONS = int(os.environ.get("LONG_LIFE_ACTIONS", "3000"))
NONE_DROP_LIMIT = 1000
"""A binding that leaks a reference to None on void Qt calls (PySide6 6.12 on Python 3.11)
loses about one per call: thousands over this run."""

REMINDER_ACTIONS = {"next_day", "answer_reminder", "back_up_now", "restore", "replace_import",
                    "merge_import", "log_ceu", "add_credential", "close_cycle"}  # fmt: skip
"""After these the reminders are compared too (after the others, at every fifth check)."""

WEIGHTS = {
    # looking around: most of a learner's clicks (each checks what it sees)
    "switch_screen": 30,
    "look_at_row": 16,
    "plan_tab": 8,
    "sort_table": 8,
    "find_module": 4,
    "open_and_cancel": 3,
    # the days pass (1 to 7 at a time) and the timer runs
    "next_day": 3.3,
    "timer": 5,
    # study
    "log_from_dashboard": 2.2,
    "log_by_hand": 1.1,
    "edit_session": 0.8,
    "delete_session": 0.5,
    "undo_session_delete": 0.5,
    "complete_module": 0.9,
    "reopen_module": 0.25,
    "replan": 0.8,
    "catch_up": 0.5,
    "new_plan": 0.06,
    # credentials, CEUs and reminders
    "add_credential": 0.4,
    "log_ceu": 1.0,
    "edit_ceu": 0.4,
    "delete_ceu": 0.3,
    "close_cycle": 0.15,
    "answer_reminder": 0.5,
    # data safety
    "back_up_now": 0.4,
    "restore": 0.2,
    "export": 0.2,
    "replace_import": 0.12,
    "merge_import": 0.2,
}


def test_a_learners_year_in_one_window(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(SEED)
    clock = Clock(START)
    files = tmp_path / "files"
    files.mkdir()
    none_before = sys.getrefcount(None)
    started = time.perf_counter()
    learner = Learner(qtbot, db, monkeypatch, rng, clock, files)
    actions = Actions(learner)
    spent: Counter[str] = Counter()
    assert actions.new_plan()  # the first run: the assistant
    learner.counts["new_plan"] += 1
    check_screens(learner.window, db, clock.day)
    spent["new_plan"] += time.perf_counter() - started
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
    done = 1
    history: list[str] = []
    checks = 0
    while done < ACTIONS or clock.day < END:
        kind = rng.choices(kinds, weights)[0]
        began = time.perf_counter()
        with qtbot.captureExceptions() as raised:  # from a slot: fail here, not at the end
            try:
                changed = getattr(actions, kind)()
            except AssertionError as exc:
                history.append(f"{done + 1}: {kind} on {clock.day}")
                raise AssertionError(f"{exc} after: " + "; ".join(history[-12:])) from exc
        if raised:
            _type, error, trace = raised[0]
            history.append(f"{done + 1}: {kind} on {clock.day}")
            message = f"{kind} raised {error!r} after: " + "; ".join(history[-8:])
            raise AssertionError(message).with_traceback(trace)
        if changed is None:
            continue  # nothing to act on now: the learner does something else
        learner.counts[kind] += 1
        done += 1
        history.append(f"{done}: {kind} on {clock.day}")
        try:
            learner.done_with_dialogs()
            if changed == TIMER:
                check_timer(learner.window, db)
            elif changed:
                check_screens(learner.window, db, clock.day)
                checks += 1
                if kind in REMINDER_ACTIONS or checks % 5 == 0:
                    check_reminders(learner.window, db, clock.day)
        except AssertionError as exc:
            raise AssertionError(f"{exc} after: " + "; ".join(history[-8:])) from exc
        spent[kind] += time.perf_counter() - began
    for row in range(6):
        learner.screen(row)
    check_screens(learner.window, db, clock.day)
    elapsed = time.perf_counter() - started
    none_drop = none_before - sys.getrefcount(None)
    print(f"\nlong life: seed {SEED}, {done} actions over {(clock.day - START).days} days "
          f"in {elapsed:.1f} s; None refcount drop {none_drop}")  # fmt: skip
    for kind, n in sorted(learner.counts.items(), key=lambda kv: -kv[1]):
        print(f"  {kind:22} {n:5}  {1000 * spent[kind] / n:6.0f} ms each")
    assert none_drop < NONE_DROP_LIMIT, f"the binding leaks None: {none_drop} references"
