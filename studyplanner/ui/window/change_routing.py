"""Which built screens re-read after an action: the one in view that shows what changed re-reads
now, a hidden one that shows it re-reads when next shown, the others are left alone.

Each screen says what it shows (`shows`, services/changes.Changes); each action reports what it
changed (the `data_changed` signal of the screen that did it). A restore, an import, a write by
another program or a new day re-reads every screen at once (`refresh_all`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from studyplanner.services.changes import Changes

REMINDERS_AFTER_MS = 250
"""A hidden Dashboard's reminders (the sidebar's badge, the tray's count) follow this soon after
the action, not inside it: the action is shown done first."""


def shows(screen: QWidget) -> Changes:
    """What a screen shows (a screen that does not say re-reads after everything)."""
    value = getattr(screen, "shows", Changes.ALL)
    assert isinstance(value, Changes)
    return value


class ChangeRouting(QObject):
    def __init__(
        self,
        screens: Sequence[QWidget | None],
        current: Callable[[], int],
        reminders: Callable[[], None],
        reminders_row: int,
        parent: QObject | None = None,
    ) -> None:
        """`screens` is the window's list of screens (None until built), `current` the row in
        view, `reminders` re-reads the hidden Dashboard's reminders alone (row
        `reminders_row`)."""
        super().__init__(parent)
        self._screens = screens
        self._current = current
        self._reminders_row = reminders_row
        self._stale: set[int] = set()
        self.reminders_timer = QTimer(self)
        self.reminders_timer.setSingleShot(True)
        self.reminders_timer.setInterval(REMINDERS_AFTER_MS)
        self.reminders_timer.timeout.connect(lambda: self._reminders_if_stale(reminders))

    def is_stale(self, row: int) -> bool:
        """Whether the screen at `row` waits to re-read until it is shown."""
        return row in self._stale

    def route(self, changes: Changes, sender: QObject | None = None) -> None:
        """`changes` were saved by `sender` (a screen that shows them itself already)."""
        current = self._current()
        for row, screen in enumerate(self._screens):
            if screen is None or screen is sender or not changes & shows(screen):
                continue
            if row == current:
                self._stale.discard(row)
                screen.refresh()  # type: ignore[attr-defined]
            else:
                self._stale.add(row)
        if changes & Changes.REMINDERS and self.is_stale(self._reminders_row):
            self.reminders_timer.start()

    def shown(self, row: int) -> None:
        """The screen at `row` comes into view: it re-reads if something it shows changed."""
        screen = self._screens[row]
        if screen is not None and row in self._stale:
            self._stale.discard(row)
            screen.refresh()  # type: ignore[attr-defined]

    def refresh_all(self) -> None:
        """Everything may have changed: every built screen re-reads now."""
        self._stale.clear()
        self.reminders_timer.stop()
        for screen in self._screens:
            if screen is not None:
                screen.refresh()  # type: ignore[attr-defined]

    def _reminders_if_stale(self, reminders: Callable[[], None]) -> None:
        if self.is_stale(self._reminders_row):
            reminders()
