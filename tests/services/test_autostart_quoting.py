"""The login entry runs exactly the command given, whatever the data folder's path holds: each
file is read back the way its reader would (a desktop file by the Desktop Entry spec, the .cmd
by cmd.exe's and CommandLineToArgvW's rules, the plist by plistlib) and must give the command
back, with no extra line or key. A control character (a line break...) is refused, unwritten."""

from __future__ import annotations

import plistlib
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyplanner.services.autostart import (
    LinuxAutostart,
    MacAutostart,
    UnrepresentablePath,
    WindowsAutostart,
    agent_command,
)

HOSTILE_PATHS = [
    "/home/a b/data", "/srv/R&D/data", "/x/%HOME%/y", "/x/100%/y", "/x/$HOME/`id`/y",
    '/x/"quoted"/y', "/x/it's/y", "/x/back\\slash/y", "/x/trailing\\", "/x/a;b|c>d<e/y",
    "/x/~/*?#()/y", "/x/<key>&amp;</key>/y", "/x/]]>/y", "/x/%%f/y", "/x/%f/y", "/x/é ü 🙂/y",
    "C:\\Users\\R&D\\%APPDATA%\\dir\\", "C:\\a^b\\!x!\\(y)", "",
]  # fmt: skip
SAFE_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=40)


# -- readers, written from each format's rules ------------------------------------------------


def read_desktop_exec(data: bytes) -> list[str]:
    """The Exec argv of a desktop file: key=value lines (a string value's escapes \\s \\n \\t \\r
    \\\\ undone), then the Exec quoting rules, then %% for %."""
    lines = data.decode("utf-8").split("\n")
    assert lines[-1] == "" and lines[0] == "[Desktop Entry]"
    entries = dict(line.split("=", 1) for line in lines[1:-1])
    assert set(entries) == {"Type", "Name", "Comment", "Exec", "Terminal", "NoDisplay",
                            "X-GNOME-Autostart-enabled"}  # fmt: skip
    value = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r",
                                         "\\": "\\"}[m.group(1)], entries["Exec"])  # fmt: skip
    argv, i = [], 0
    while i < len(value):
        if value[i] == " ":
            i += 1
            continue
        arg = ""
        if value[i] == '"':
            i += 1
            while value[i] != '"':
                if value[i] == "\\":
                    assert value[i + 1] in '"`$\\', f"undefined escape in {value!r}"
                    i += 1
                arg += value[i]
                i += 1
            i += 1
            assert i == len(value) or value[i] == " "
        else:
            while i < len(value) and value[i] != " ":
                assert value[i] not in "\"'\\><~|&;$*?#()`\t\n", f"unquoted in {value!r}"
                arg += value[i]
                i += 1
        assert "%" not in arg.replace("%%", ""), f"a field code in {arg!r}"
        argv.append(arg.replace("%%", "%"))
    return argv


def read_cmd_start(data: bytes) -> list[str]:
    """The program and arguments the .cmd file starts: cmd.exe's percent phase (%% is %, any
    %NAME% would expand: not allowed), no special character outside quotes, then the Microsoft
    C runtime's splitting (CommandLineToArgvW)."""
    lines = data.decode("utf-8").split("\r\n")
    assert lines[:2] == ["@echo off", "setlocal DisableDelayedExpansion"] and lines[3:] == [""]
    line = lines[2]
    assert "%" not in line.replace("%%", ""), f"a variable would expand in {line!r}"
    line = line.replace("%%", "%")
    assert line.startswith('start "" ')
    quoted = False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif not quoted:
            assert c not in "&|<>^()!", f"{c!r} outside quotes in {line!r}"
    assert not quoted
    return _command_line_to_argv(line.removeprefix('start "" '))


def _command_line_to_argv(line: str) -> list[str]:
    argv: list[str] = []
    arg, quoted, i, started = "", False, 0, False
    while i < len(line):
        c = line[i]
        if c == "\\":
            n = len(line[i:]) - len(line[i:].lstrip("\\"))
            i += n
            if i < len(line) and line[i] == '"':
                arg += "\\" * (n // 2)
                if n % 2:
                    arg += '"'
                    i += 1
                continue
            arg += "\\" * n
            started = True
            continue
        if c == '"':
            quoted, started = not quoted, True
        elif c == " " and not quoted:
            if started:
                argv.append(arg)
            arg, started = "", False
        else:
            arg, started = arg + c, True
        i += 1
    if started:
        argv.append(arg)
    return argv


# -- the properties ---------------------------------------------------------------------------


def _round_trip(tmp_path: Path, data_dir: str) -> None:
    command = agent_command(Path("/opt/py 3/bin"), "/usr/bin/python3")
    command[command.index("--data-dir") + 1] = data_dir
    linux = LinuxAutostart(tmp_path / "linux.desktop")
    assert read_desktop_exec(linux.install(command).read_bytes()) == command
    windows = WindowsAutostart(tmp_path / "windows.cmd")
    win_command = [r"C:\Program Files\Py (3)\python.exe", *command[1:]]
    if '"' in data_dir:  # no Windows path holds one: refused, nothing written
        with pytest.raises(UnrepresentablePath):
            windows.install(win_command)
        assert not windows.path.exists()
    else:
        argv = read_cmd_start(windows.install(win_command).read_bytes())
        assert argv == [r"C:\Program Files\Py (3)\pythonw.exe", *command[1:]]
    mac = MacAutostart(tmp_path / "mac.plist")
    plist = plistlib.loads(mac.install(command).read_bytes())
    assert set(plist) == {"Label", "ProgramArguments", "RunAtLoad", "ProcessType"}
    assert plist["ProgramArguments"] == command


@pytest.mark.parametrize("data_dir", HOSTILE_PATHS)
def test_hostile_paths_are_carried_exactly(tmp_path: Path, data_dir: str) -> None:
    _round_trip(tmp_path, data_dir)


@settings(max_examples=150, deadline=None)
@given(data_dir=SAFE_TEXT)
def test_any_path_without_control_characters_is_carried_exactly(
    tmp_path_factory: pytest.TempPathFactory, data_dir: str
) -> None:
    _round_trip(tmp_path_factory.mktemp("entry"), data_dir)


@pytest.mark.parametrize("control", ["\n", "\r", "\t", "\x1b", "\x85", "\x00"])
@pytest.mark.parametrize("entry", [LinuxAutostart, WindowsAutostart, MacAutostart])
def test_a_control_character_is_refused_and_nothing_written(
    tmp_path: Path, control: str, entry: type[LinuxAutostart]
) -> None:
    """A line break in the path once added lines (keys) to the desktop file's Exec entry."""
    autostart = entry(tmp_path / "entry")
    data_dir = f"/home/me/data{control}X-Injected=true{control}Exec=rm -rf ~"
    with pytest.raises(UnrepresentablePath, match="control character"):
        autostart.install(agent_command(Path(data_dir), "/usr/bin/python3"))
    assert not autostart.path.exists()


def test_only_the_program_named_python_exe_becomes_pythonw() -> None:
    render = WindowsAutostart(Path("x.cmd")).render
    first = read_cmd_start(render([r"C:\python.exe-tools\python.exe", "-m", "studyplanner"]))
    assert first[0] == r"C:\python.exe-tools\pythonw.exe"
    assert read_cmd_start(render([r"C:\py\mypython.exe", "-m"]))[0] == r"C:\py\mypython.exe"
