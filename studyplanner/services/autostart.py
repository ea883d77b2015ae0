"""Start the reminder agent at login ("remind me even when Study Planner is closed").

One interface, one implementation per platform:
- Linux and other freedesktop systems: `$XDG_CONFIG_HOME/autostart/<name>.desktop`
  (https://specifications.freedesktop.org/autostart-spec/);
- Windows: a `.cmd` file in the user's Startup folder (`%APPDATA%\\Microsoft\\Windows\\Start Menu
  \\Programs\\Startup`), started by Explorer at login;
- macOS: a LaunchAgent property list in `~/Library/LaunchAgents`, loaded by launchd at login.

The folders are taken from the environment given (tests pass a temporary one), so installing and
removing can be tested on any machine; only Linux is exercised end to end here.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

AGENT_ID = "studyplanner-reminders"
MAC_LABEL = "org.studyplanner.reminders"


def agent_command(data_dir: Path, python: str | None = None) -> list[str]:
    """The command the login session runs: this Python, the agent, this data folder."""
    return [python or sys.executable, "-m", "studyplanner", "--data-dir", str(data_dir),
            "remind", "--agent"]  # fmt: skip


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Autostart:
    """Where the login entry lives and how it is written."""

    path: Path

    def render(self, command: Sequence[str]) -> bytes:
        raise NotImplementedError

    def install(self, command: Sequence[str]) -> Path:
        _atomic_write(self.path, self.render(command))
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


def _desktop_quote(arg: str) -> str:
    """Quote one argument for a .desktop Exec line (the spec's rules: double quotes, escapes)."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`%"):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return '"' + escaped.replace("%", "%%") + '"'


class LinuxAutostart(Autostart):
    def render(self, command: Sequence[str]) -> bytes:
        lines = [
            "[Desktop Entry]",
            "Type=Application",
            "Name=Study Planner reminders",
            "Comment=Reminds you of study, exams and CEU deadlines while Study Planner is closed",
            "Exec=" + " ".join(_desktop_quote(a) for a in command),
            "Terminal=false",
            "NoDisplay=true",
            "X-GNOME-Autostart-enabled=true",
        ]
        return ("\n".join(lines) + "\n").encode("utf-8")


class WindowsAutostart(Autostart):
    def render(self, command: Sequence[str]) -> bytes:
        args = [command[0].replace("python.exe", "pythonw.exe"), *command[1:]]
        quoted = " ".join(f'"{a}"' if (" " in a or not a) else a for a in args)
        return f'@echo off\r\nstart "" {quoted}\r\n'.encode()


class MacAutostart(Autostart):
    def render(self, command: Sequence[str]) -> bytes:
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
