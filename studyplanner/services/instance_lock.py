"""One app window per data folder: a lock the operating system holds for the process.

Taken first at start-up, before anything opens, migrates, recovers or backs up the database, so
a second launch can never change the file under a running window. The lock is the operating
system's (`flock` on Linux and macOS, `msvcrt.locking` on Windows) on a file in the data folder:
it ends with the process, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from studyplanner.store.errors import DataFolderUnusable
from studyplanner.store.file_lock import try_lock, unlock

LOCK_NAME = "studyplanner.lock"


class InstanceLock:
    """The held lock; `release()` (or leaving the `with` block) lets the next launch in."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd: int | None = fd
        self.path = path

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def take_instance_lock(data_dir: Path) -> InstanceLock | None:
    """The data folder's lock (creating the folder, private to the user), or None when another
    process of the app holds it. An unusable folder raises DataFolderUnusable."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = data_dir / LOCK_NAME
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise DataFolderUnusable(
            f"The data folder {data_dir} cannot be used: {exc.strerror or exc}."
        ) from exc
    if not try_lock(fd):
        os.close(fd)
        return None
    return InstanceLock(fd, path)
