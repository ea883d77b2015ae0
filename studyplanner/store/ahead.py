"""Work started now on a thread of its own, its result (or what it raised) handed over when asked.

Start-up checks the database file this way (`PRAGMA quick_check`, about 50 ms at 18 MB) while
the GUI thread imports SQLAlchemy: SQLite lets go of Python's GIL for the whole check, which is
one step. Work that hands rows back one at a time gains nothing: each row waits for the GIL,
which the importing thread holds (the Dashboard's first read, tried, finished later than when read
after the imports; docs/architecture.md, "Start-up and the first paint").
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Ahead(Generic[T]):
    """`work()` started on a daemon thread; `result()` waits for it and returns its value or
    raises its exception, as a plain call would have."""

    def __init__(self, work: Callable[[], T], name: str) -> None:
        self._work = work
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._work()
        except BaseException as exc:  # handed to the caller by result()
            self._error = exc

    def wait(self) -> None:
        """Until the work has ended (whatever it opened is closed again)."""
        self._thread.join()

    def result(self) -> T:
        """The work's value; what it raised is raised here, once."""
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        return self._value  # type: ignore[return-value]
