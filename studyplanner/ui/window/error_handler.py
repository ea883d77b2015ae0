"""One handler for errors nobody expected: the details go to a log in the data folder, the user
gets a plain sentence saying where it is. A data-file problem (disk full, read-only folder,
locked file) is shown in its own plain words, never as a traceback; a data file found damaged
while the app runs opens the damaged-file window (restore the newest good backup, start fresh,
or quit) when the app gave one."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from studyplanner.services.errors import DatabaseDamaged, NotADatabase, StoreProblem
from studyplanner.services.recovery import write_crash_log
from studyplanner.ui.shared.formatting import tr
from studyplanner.ui.shared.plain_text import tell
from studyplanner.ui.shared.problem_words import store_words

Notify = Callable[[str, str], None]
OnDamaged = Callable[[StoreProblem], None]


def _show(title: str, text: str) -> None:
    tell(None, title, text, problem=True)


def handle_error(
    data_dir: Path,
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    notify: Notify = _show,
    now: Callable[[], datetime] = datetime.now,
    on_damaged: OnDamaged | None = None,
) -> Path | None:
    """Tell the user; for an unexpected error also save the details. Returns the log file."""
    if isinstance(exc, (DatabaseDamaged, NotADatabase)) and on_damaged is not None:
        on_damaged(exc)
        return None
    if isinstance(exc, StoreProblem):
        notify(tr("Study Planner"), store_words(exc))
        return None
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    try:
        log = write_crash_log(data_dir, details, now())
    except OSError:
        text = tr("Something went wrong and the details could not be saved. "
                  "The last action may not have been saved.")  # fmt: skip
        notify(tr("Study Planner"), text)
        return None
    notify(
        tr("Study Planner"),
        tr("Something went wrong; the last action may not have been saved. Your data is safe. "
           "The details are in %1 (please include that file if you report the problem).")
        .replace("%1", str(log)),
    )  # fmt: skip
    return log


def install_error_handler(
    data_dir: Path, notify: Notify = _show, on_damaged: OnDamaged | None = None
) -> None:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        handle_error(data_dir, exc_type, exc, tb, notify, on_damaged=on_damaged)

    sys.excepthook = hook
