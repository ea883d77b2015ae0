"""Start the reminder agent at login ("remind me even when Study Planner is closed").

One interface, one implementation per platform:
- Linux and other freedesktop systems: `$XDG_CONFIG_HOME/autostart/<name>.desktop`
  (https://specifications.freedesktop.org/autostart-spec/);
- Windows: a `.cmd` file in the user's Startup folder (`%APPDATA%\\Microsoft\\Windows\\Start Menu
  \\Programs\\Startup`), started by Explorer at login;
- macOS: a LaunchAgent property list in `~/Library/LaunchAgents`, loaded by launchd at login.

The folders are taken from the environment given (tests pass a temporary one), so installing and
removing can be tested on any machine; only Linux is exercised end to end here.

Each value is quoted for its format (the data folder's path may hold spaces, quotes, `&`, `%`,
`$`...), so that the entry runs exactly the command given. A control character (a line break in
the path, say) cannot be written faithfully in any of them: such a command is refused with
UnrepresentablePath, and nothing is written.
"""

from __future__ import annotations

import ntpath
import os
import plistlib
import re
import shlex
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from studyplanner.services.atomic import atomic_write

DESKTOP_READABLE = 0o644
"""Login entries and icons: the desktop (another process of the user's) reads them."""
AGENT_ID = "studyplanner-reminders"
MAC_LABEL = "org.studyplanner.reminders"


def program_command(python: str | None = None, *, frozen: bool | None = None) -> list[str]:
    """How to start this very program again: the bundled executable itself in a standalone
    build (PyInstaller sets `sys.frozen`; there is no Python to give `-m` to), otherwise this
    Python with `-m studyplanner`."""
    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    if frozen:
        return [python or sys.executable]
    return [python or sys.executable, "-m", "studyplanner"]


def agent_command(
    data_dir: Path, python: str | None = None, *, frozen: bool | None = None
) -> list[str]:
    """The command the login session runs: this program, the agent, this data folder."""
    return [*program_command(python, frozen=frozen), "--data-dir", str(data_dir),
            "remind", "--agent"]  # fmt: skip


class UnrepresentablePath(ValueError):
    """The command holds something the login entry's format cannot carry faithfully."""


def _check_representable(command: Sequence[str]) -> None:
    for arg in command:
        if any(unicodedata.category(c) == "Cc" for c in arg):
            raise UnrepresentablePath(
                f"{arg!r} holds a control character (such as a line break), which a login entry "
                "cannot hold; use a data folder whose path has none"
            )


@dataclass(frozen=True)
class Autostart:
    """Where the login entry lives and how it is written."""

    path: Path

    def render(self, command: Sequence[str]) -> bytes:
        raise NotImplementedError

    def install(self, command: Sequence[str]) -> Path:
        """Write the entry (UnrepresentablePath, and nothing written, if it cannot be)."""
        _check_representable(command)
        atomic_write(self.path, self.render(command), DESKTOP_READABLE)
        return self.path

    def remove(self) -> bool:
        """Remove the entry; False if there was none."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        return True

    def is_installed(self) -> bool:
        return self.path.is_file()


DESKTOP_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
"""Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key")."""


def _desktop_quote(arg: str) -> str:
    """One argument of a .desktop Exec value, by the Desktop Entry spec: in double quotes when it
    is empty or holds a reserved character, with `"`, backtick, `$` and backslash escaped by a
    backslash inside them; `%` doubled (a lone one starts a field code, quoted or not)."""
    if arg and not DESKTOP_RESERVED & set(arg):
        return arg.replace("%", "%%")
    return '"' + re.sub(r'(["`$\\])', r"\\\1", arg).replace("%", "%%") + '"'


def _desktop_string(value: str) -> str:
    """A value of type string in a desktop file: its own escape rule (a backslash is written
    `\\\\`) is undone before the Exec quoting is read, so every backslash is doubled again."""
    return value.replace("\\", "\\\\")


def desktop_exec(command: Sequence[str]) -> str:
    """The value of a desktop entry's `Exec=` key that runs exactly `command`."""
    _check_representable(command)
    return _desktop_string(" ".join(_desktop_quote(a) for a in command))


class LinuxAutostart(Autostart):
    def render(self, command: Sequence[str]) -> bytes:
        lines = [
            "[Desktop Entry]",
            "Type=Application",
            "Name=Study Planner reminders",
            "Comment=Reminds you of study, exams and CEU deadlines while Study Planner is closed",
            "Exec=" + _desktop_string(" ".join(_desktop_quote(a) for a in command)),
            "Terminal=false",
            "NoDisplay=true",
            "X-GNOME-Autostart-enabled=true",
        ]
        return ("\n".join(lines) + "\n").encode("utf-8")


def _cmd_quote(arg: str) -> str:
    """One argument of the .cmd file's `start` line. In double quotes, cmd.exe takes `& | < > ^
    ( )` literally; `%` is doubled, because a batch file expands `%VAR%` even inside quotes (and
    `!` stays literal: delayed expansion is switched off); backslashes just before the closing
    quote are doubled, for the program's own reading of its command line (the rules of
    CommandLineToArgvW). A double quote cannot be carried (nor is one allowed in a Windows
    path): refused."""
    if '"' in arg:
        raise UnrepresentablePath(f"{arg!r} holds a double quote, which a Windows path cannot")
    trailing = len(arg) - len(arg.rstrip("\\"))
    return '"' + arg.replace("%", "%%") + "\\" * trailing + '"'


def _windowless(python: str) -> str:
    """pythonw.exe beside python.exe: the agent runs without a console window."""
    folder, name = ntpath.split(python)
    return ntpath.join(folder, "pythonw.exe") if name.lower() == "python.exe" else python


class WindowsAutostart(Autostart):
    def render(self, command: Sequence[str]) -> bytes:
        quoted = " ".join(_cmd_quote(a) for a in [_windowless(command[0]), *command[1:]])
        lines = ["@echo off", "setlocal DisableDelayedExpansion", f'start "" {quoted}']
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")


class MacAutostart(Autostart):
    def render(self, command: Sequence[str]) -> bytes:
        """A property list: plistlib escapes XML's special characters (`&`, `<`, `>`)."""
        return plistlib.dumps({
            "Label": MAC_LABEL, "ProgramArguments": list(command), "RunAtLoad": True,
            "ProcessType": "Background",
        })  # fmt: skip


def autostart_for(
    platform: str | None = None, env: Mapping[str, str] | None = None, home: Path | None = None
) -> Autostart:
    """The login entry for this platform (or the one named), with folders from `env`/`home`."""
    platform = platform or sys.platform
    env = os.environ if env is None else env
    home = home or Path.home()
    if platform.startswith("win"):
        appdata = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
        folder = appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
        return WindowsAutostart(folder / f"{AGENT_ID}.cmd")
    if platform == "darwin":
        return MacAutostart(home / "Library" / "LaunchAgents" / f"{MAC_LABEL}.plist")
    config = env.get("XDG_CONFIG_HOME") or ""
    base = Path(config) if config and Path(config).is_absolute() else home / ".config"
    return LinuxAutostart(base / "autostart" / f"{AGENT_ID}.desktop")


def set_remind_when_closed(
    enabled: bool, data_dir: Path, autostart: Autostart | None = None
) -> Autostart:
    """Install or remove the login entry to match the setting."""
    entry = autostart or autostart_for()
    if enabled:
        entry.install(agent_command(data_dir))
    else:
        entry.remove()
    return entry


def describe(command: Sequence[str]) -> str:
    return shlex.join(command)
