"""The command line's four exports (`export FILE`, `export ics FILE`, `ceu export --csv FILE`,
`ceu report CODE --out FILE`) never clobber: a destination that is not a regular file is refused
with one line naming what it is (exit 2) and left as it was; an existing file needs --force."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from studyplanner.cli.main import main
from studyplanner.services import output_files

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and devices")

TODAY = "2026-11-27"
COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "export": lambda f: ["export", f],
    "export ics": lambda f: ["export", "ics", f, "--today", TODAY],
    "ceu export": lambda f: ["ceu", "export", "--csv", f],
    "ceu report": lambda f: ["ceu", "report", "CPC", "--out", f, "--today", TODAY],
}
SUFFIX = {"export": ".zip", "export ics": ".ics", "ceu export": ".csv", "ceu report": ".pdf"}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "credential", "add", "CPC", "--earned", "2025-01-02",
                 "--today", TODAY]) == 0  # fmt: skip
    return folder


def _run(data: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(data), *argv])
    out, err = capsys.readouterr()
    if code == 2:
        assert out == "" and err.count("\n") == 1 and err.startswith("studyplanner: error: ")
    return code, err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_existing_file_needs_force(
    data: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"mine{SUFFIX[command]}"
    path.write_text("my own file")
    code, err = _run(data, COMMANDS[command](str(path)), capsys)
    assert code == 2
    assert err == (f"studyplanner: error: {path} already exists; it was left as it is. "
                   "Give --force to replace it.\n")  # fmt: skip
    assert path.read_text() == "my own file"
    assert _run(data, [*COMMANDS[command](str(path)), "--force"], capsys)[0] == 0
    assert path.read_bytes() != b"my own file"


@pytest.mark.parametrize("kind", ["fifo", "symlink", "socket", "folder"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_what_is_not_a_regular_file_is_named_and_left_alone(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], command: str, kind: str,
) -> None:  # fmt: skip
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)  # the socket is bound by a short, relative name
    name = f"x{SUFFIX[command]}"
    target = tmp_path / "target.txt"
    target.write_text("kept")
    if kind == "fifo":
        os.mkfifo(name)
    elif kind == "symlink":
        os.symlink(target, name)
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(name)
    else:
        os.mkdir(name)
    before = os.lstat(name)
    code, err = _run(data, [*COMMANDS[command](name), "--force"], capsys)
    assert code == 2
    words = {"fifo": "is a FIFO (named pipe), not a regular file",
             "symlink": "is a symbolic link, not a regular file",
             "socket": "is a socket, not a regular file", "folder": "is a folder"}  # fmt: skip
    assert f"{name} {words[kind]}" in err
    after = os.lstat(name)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert os.listdir(".") == [name] and target.read_text() == "kept"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_dev_null_is_refused_before_any_write(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """`studyplanner export /dev/null` (as root it once replaced the device): refused before a
    temporary file is made or anything renamed (each would fail this test), device unchanged."""
    null = os.devnull
    if not stat.S_ISCHR(os.lstat(null).st_mode):
        pytest.skip("no character device at /dev/null")
    before = os.lstat(null)

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a write was attempted towards /dev/null")

    monkeypatch.setattr(output_files, "temporary", never)
    monkeypatch.setattr(output_files, "put_in_place", never)
    monkeypatch.setattr(os, "replace", never)
    monkeypatch.setattr(os, "link", never)
    code, err = _run(data, [*COMMANDS[command](null), "--force"], capsys)
    assert code == 2
    if command.startswith("ceu "):  # refused for its name first (it must end in .pdf, .csv)
        assert f"null must end in {SUFFIX[command]}" in err
    else:
        assert f"{null} is a character device, not a regular file" in err
    after = os.lstat(null)
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
