"""What start-up does around the window once it is built: what follows its first paint, the
opening of a database it was painted without (services/first_paint.py), and the smoke test's
check that it really painted. Called by studyplanner/app.py."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from studyplanner.services import first_paint


def open_deferred(db: Any, window: Any, kept_token: bytes | None, reread: bool = False) -> None:
    """Open the database the window was painted without; every screen re-reads when the file
    changed after its figures were checked (a write by another program meanwhile), the
    Dashboard alone when `reread` (its catch-up offer was not kept)."""
    db.open()
    window.watch_from_now()  # changes from here on are told by the window's own watch
    if first_paint.token_of(db) != kept_token:
        window.routing.refresh_all()
    elif reread:
        window.dashboard.refresh()


def call_after_first_paint(
    window: QMainWindow, callback: Callable[[], None], at_the_latest_ms: int = 2000
) -> None:
    """`callback`, once, when the window has been painted the first time (and that paint is
    done), or after `at_the_latest_ms` if it never is (a window the desktop keeps out of view
    gets no paint, and the database must open all the same)."""
    called: list[bool] = []

    def once() -> None:
        if not called:
            called.append(True)
            callback()

    class _FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, window, once)
            return False

    painted = _FirstPaint(window)  # a child of the window: kept as long as the window
    window.installEventFilter(painted)
    QTimer.singleShot(at_the_latest_ms, window, once)


class SmokeFailures:
    """What went wrong while the smoke test built and painted the window. An exception in a Qt
    slot or event handler (building a screen, painting) does not reach the caller: Qt's binding
    prints it through sys.excepthook and carries on, showing an empty screen. Recorded here, it
    makes the smoke test fail."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self._previous: Any = None

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self._record

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None

    def _record(self, kind: type[BaseException], value: BaseException, tb: Any) -> None:
        self.errors.append(f"{kind.__name__}: {value}")
        if self._previous is not None:
            self._previous(kind, value, tb)


def smoke_test(app: QApplication, window: Any, failures: SmokeFailures | None = None) -> int:
    """Exit 0 once the window, already holding the user's data, has really been painted with
    the screen it opens on built; 1 when building or painting it raised (or nothing was painted
    within 30 seconds)."""

    class _FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                # Leave the loop once this paint is done: work the app queued for after its
                # first paint (the Dashboard's charts) is not part of start-up.
                app.exit(0)
            return False

    painted = _FirstPaint()
    window.installEventFilter(painted)
    window.show()
    QTimer.singleShot(30_000, lambda: app.exit(1))
    status = int(app.exec())
    errors = list(failures.errors) if failures is not None else []
    opened = window.stack.currentIndex()
    if not errors and (opened < 0 or window._screens[opened] is None):
        errors.append("the screen the window opens on was not built")
    if errors:
        print(f"studyplanner: the smoke test failed: {errors[0]}", file=sys.stderr)
        return 1
    return status
