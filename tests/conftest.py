"""Test-wide settings: headless Qt, a temporary data folder, and no network."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the user's real data folder, even from a test that forgets --data-dir.
os.environ["STUDYPLANNER_DATA_DIR"] = tempfile.mkdtemp(prefix="studyplanner-test-")


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app is offline by design: any attempt to reach the network fails the test (local
    Unix sockets, which the single-instance check uses, stay allowed)."""
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex

    def _local(sock: socket.socket) -> bool:
        return getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX

    def refuse(self: socket.socket, address: object) -> None:
        if _local(self):
            return original_connect(self, address)  # type: ignore[arg-type]
        raise NetworkBlocked(f"network access attempted: {address!r}")

    def refuse_ex(self: socket.socket, address: object) -> int:
        if _local(self):
            return original_connect_ex(self, address)  # type: ignore[arg-type]
        raise NetworkBlocked(f"network access attempted: {address!r}")

    def refuse_send(self: socket.socket, *args: object) -> None:
        raise NetworkBlocked(f"network access attempted: sendto {args[-1]!r}")

    def refuse_lookup(*args: object, **kwargs: object) -> None:
        raise NetworkBlocked(f"name lookup attempted: {args[:1]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse_ex)
    monkeypatch.setattr(socket.socket, "sendto", refuse_send)
    monkeypatch.setattr(socket, "getaddrinfo", refuse_lookup)
    monkeypatch.setattr(socket, "gethostbyname", refuse_lookup)


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    yield folder


@pytest.fixture
def pdf_to_text() -> Callable[..., str]:
    """`pdf_to_text(path, *options)`: the text a PDF shows, as poppler's pdftotext extracts it
    (default options: -raw, drawing order, so each line of a table cell is a line of its own).
    pdftotext is in poppler-utils, which .ci/run installs; elsewhere the test is skipped without
    it."""
    tool = shutil.which("pdftotext")
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext is missing: .ci/run installs poppler-utils")
        pytest.skip("needs pdftotext (Debian/Ubuntu: apt-get install poppler-utils)")

    def extract(path: Path, *options: str) -> str:
        done = subprocess.run(
            [tool, *(options or ("-raw",)), "-enc", "UTF-8", str(path), "-"],
            capture_output=True, check=True, timeout=60,
        )  # fmt: skip
        return done.stdout.decode("utf-8")

    return extract
