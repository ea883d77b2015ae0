"""Paths that are not what they seem: a certificate that is a folder, a FIFO or a dangling link
is named for what it is; a data folder where none can be (/proc, a read-only file system) exits
6 like any unusable folder; a healthy database that only cannot be written is still checked."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from studyplanner.cli.main import main

TODAY = "2026-11-27"
CEU_ADD = ["ceu", "add", "--date", "2026-03-01", "--units", "1", "--title", "Webinar",
           "--today", TODAY, "--certificate"]  # fmt: skip


def _make(kind: str, path: Path) -> None:
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(path.name)  # relative to the working directory: a short name
    elif kind == "dangling link":
        path.symlink_to(path.with_name("gone.pdf"))


@pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and links")
@pytest.mark.parametrize(("kind", "words"), [
    ("folder", "is a folder, not a file"),
    ("fifo", "is a FIFO (named pipe), not a regular file"),
    ("socket", "is a socket, not a regular file"),
    ("dangling link", "is a symbolic link to nothing"),
    ("missing", "does not exist"),
])  # fmt: skip
def test_a_certificate_path_is_named_for_what_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    kind: str, words: str,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    _make(kind, tmp_path / "cert.pdf")
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), *CEU_ADD, "cert.pdf"]) == 2
    out, err = capsys.readouterr()
    assert (
        out == ""
        and err
        == f"studyplanner: error: The certificate cert.pdf {words}"
        + ("." if kind != "dangling link" else " (what it points to does not exist).")
        + "\n"
    )


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc here")
@pytest.mark.parametrize("command", [["plan", "show"], ["credential", "list"], ["backup"]])
def test_proc_as_a_data_folder_is_an_unusable_folder(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    assert main(["--data-dir", "/proc", *command]) == 6
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "/proc" in err
    assert not Path("/proc/studyplanner.sqlite3").exists()


# -- read-only places: chmod for a normal user; root ignores that, so a read-only bind mount -----


def _read_only_run(target: Path, argv: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the command line while `target` (a folder or a file) cannot be written."""
    command = [sys.executable, "-m", "studyplanner", *argv]
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    if os.geteuid() != 0:
        mode = target.stat().st_mode
        target.chmod(0o555 if target.is_dir() else 0o444)
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=120,
                                  check=False)  # fmt: skip
        finally:
            target.chmod(mode)
    unshare = shutil.which("unshare")
    probe = subprocess.run([unshare or "unshare", "-m", "true"], capture_output=True,
                           check=False) if unshare else None  # fmt: skip
    if probe is None or probe.returncode != 0:
        pytest.skip("root, and no mount namespace to make a read-only place in")
    script = 'mount --bind -o ro "$1" "$1" && shift && exec "$@"'
    return subprocess.run([unshare or "unshare", "-m", "sh", "-c", script, "sh", str(target),
                           *command], capture_output=True, text=True, timeout=120,
                          check=False)  # fmt: skip


@pytest.fixture
def healthy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "credential", "add", "CPC", "--earned", "2025-01-02",
                 "--today", TODAY]) == 0  # fmt: skip
    return data


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_healthy_database_that_cannot_be_written_is_checked(healthy: Path, what: str) -> None:
    """`check` once said a healthy database in a read-only folder "cannot be read"."""
    target = healthy if what == "folder" else healthy / "studyplanner.sqlite3"
    before = sorted(os.listdir(healthy))
    done = _read_only_run(target, ["--data-dir", str(healthy), "check"])
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert "integrity: ok" in done.stdout and done.stdout.endswith("All is well.\n")
    if what == "folder":
        assert sorted(os.listdir(healthy)) == before  # not even a -shm file


def test_a_data_folder_on_a_read_only_place_is_an_unusable_folder(healthy: Path) -> None:
    done = _read_only_run(healthy, ["--data-dir", str(healthy / "new"), "plan", "show"])
    assert done.returncode == 6 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and str(healthy / "new") in done.stderr
