"""Test-wide settings: headless Qt, a temporary data folder, and no network."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the user's real data folder, even from a test that forgets --data-dir.
os.environ["STUDYPLANNER_DATA_DIR"] = tempfile.mkdtemp(prefix="studyplanner-test-")


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app is offline by design: any attempt to connect out fails the test."""

    def refuse(self: socket.socket, address: object) -> None:
        family = getattr(self, "family", None)
        if family == socket.AF_UNIX:
            return original_connect(self, address)  # type: ignore[arg-type]
        raise NetworkBlocked(f"network access attempted: {address!r}")

    original_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    yield folder
