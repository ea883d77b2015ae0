"""One window per data folder, and the lock comes first: a second launch touches nothing (no
migration, no recovery, no backup), it only raises the first window. Real processes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyplanner.services.instance_lock import take_instance_lock
from studyplanner.store import migrate
from studyplanner.store.db import make_engine, prepare_data_dir

HOLD_LOCK = """
import sys
from pathlib import Path
from studyplanner.services.instance_lock import take_instance_lock
lock = take_instance_lock(Path(sys.argv[1]))
print("held" if lock else "busy", flush=True)
sys.stdin.read()
"""


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def _digest(folder: Path) -> dict[str, str]:
    """Every file in the data folder (but the lock) with its content's hash."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "studyplanner.lock"
    }


def _old_database(data_dir: Path) -> Path:
    """A database an earlier version wrote: opening it would migrate it (after a backup)."""
    from alembic import command

    path = prepare_data_dir(data_dir)
    engine = make_engine(path)
    with migrate.alembic_config(engine) as config:
        command.upgrade(config, migrate.KNOWN_REVISIONS[-2])
    engine.dispose()
    return path


@pytest.fixture
def lock_holder(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the data folder's lock (as a running window does)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env(),
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    yield holder
    holder.communicate("", timeout=30)


@pytest.mark.slow
def test_a_second_launch_neither_migrates_nor_backs_up(
    data_dir: Path, lock_holder: subprocess.Popen[str]
) -> None:
    _old_database(data_dir)
    before = _digest(data_dir)
    second = subprocess.run(
        [sys.executable, "-m", "studyplanner", "--data-dir", str(data_dir), "--smoke-test"],
        capture_output=True, text=True, env=_env(), timeout=120,
    )  # fmt: skip
    assert second.returncode == 7, second.stderr
    assert "already running" in second.stderr
    assert _digest(data_dir) == before  # not migrated, no backup taken
    assert not (data_dir / "backups").exists()


def test_the_lock_is_held_once_and_freed_with_its_process(data_dir: Path) -> None:
    lock = take_instance_lock(data_dir)
    assert lock is not None
    assert take_instance_lock(data_dir) is None  # even in the same process
    lock.release()
    again = take_instance_lock(data_dir)
    assert again is not None
    again.release()


def test_a_crashed_holder_leaves_no_stale_lock(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env(),
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    assert take_instance_lock(data_dir) is None
    holder.kill()
    holder.communicate(timeout=30)  # closes the pipes too
    lock = take_instance_lock(data_dir)
    assert lock is not None
    lock.release()


@pytest.mark.slow
def test_a_second_window_only_raises_the_first(data_dir: Path, qtbot: QtBot) -> None:
    """Two real app processes on one data folder: the second exits 0 at once (it asked the
    first to come to the front), and the first keeps running."""
    _old_database(data_dir)
    first = subprocess.Popen(
        [sys.executable, "-m", "studyplanner", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
    )  # fmt: skip
    try:

        def first_is_up() -> None:
            assert first.poll() is None, first.communicate()
            assert _revision(data_dir) == migrate.HEAD_REVISION  # it migrated under its lock
            assert _listening(data_dir)

        qtbot.waitUntil(first_is_up, timeout=60_000)
        second = subprocess.run(
            [sys.executable, "-m", "studyplanner", "--data-dir", str(data_dir)],
            capture_output=True, text=True, env=_env(), timeout=60,
        )  # fmt: skip
        assert second.returncode == 0, second.stderr
        assert first.poll() is None
    finally:
        first.terminate()
        first.communicate(timeout=30)


def _revision(data_dir: Path) -> str | None:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{data_dir / 'studyplanner.sqlite3'}?mode=ro", uri=True) as c:
            row = c.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _listening(data_dir: Path) -> bool:
    """Whether the first window's single-instance server answers."""
    from PySide6.QtNetwork import QLocalSocket

    from studyplanner.app import _instance_name

    socket = QLocalSocket()
    socket.connectToServer(_instance_name(data_dir))
    up = socket.waitForConnected(200)
    socket.abort()
    return up
