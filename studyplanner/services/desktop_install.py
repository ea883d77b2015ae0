"""Desktop integration of the standalone app, for the user's own account (`studyplanner --install`,
`studyplanner --uninstall`), by the freedesktop specifications:

- `$XDG_DATA_HOME/applications/<app id>.desktop`: the launcher entry, its Exec the bundled
  executable (Desktop Entry spec);
- `$XDG_DATA_HOME/icons/hicolor/scalable/apps/<app id>.svg` and, when the build rendered them,
  `.../hicolor/<n>x<n>/apps/<app id>.png` (Icon Theme spec);
- `$XDG_DATA_HOME/metainfo/<app id>.metainfo.xml`: what software centres show (AppStream);
- `~/.local/bin/studyplanner`: a symbolic link to the executable, the command line on PATH.

`$XDG_DATA_HOME` defaults to `~/.local/share`. Uninstalling removes exactly these paths (a
`~/.local/bin/studyplanner` that is not a symbolic link is someone else's and is left alone) and
never the user's data folder, backups or settings. The folders are taken from the environment
given, so tests install into a temporary home.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from studyplanner import APP_ID
from studyplanner.bundled import desktop_resource
from studyplanner.services.atomic import atomic_write
from studyplanner.services.autostart import DESKTOP_READABLE, desktop_exec

COMMAND_NAME = "studyplanner"
PNG_SIZES = (48, 128, 256)
"""The PNG sizes rendered from the SVG when the standalone app is built."""


def png_name(size: int) -> str:
    """The name of a rendered PNG icon inside resources/desktop/ (see packaging/make_icons.py)."""
    return f"{APP_ID}-{size}.png"


@dataclass(frozen=True)
class DesktopPlaces:
    """Where each file of the desktop integration goes."""

    data_home: Path
    bin_dir: Path

    @classmethod
    def for_user(
        cls, env: Mapping[str, str] | None = None, home: Path | None = None
    ) -> DesktopPlaces:
        env = os.environ if env is None else env
        home = home or Path(env.get("HOME") or Path.home())
        given = env.get("XDG_DATA_HOME") or ""
        data_home = (
            Path(given) if given and Path(given).is_absolute() else home / ".local" / "share"
        )
        return cls(data_home=data_home, bin_dir=home / ".local" / "bin")

    @property
    def desktop_entry(self) -> Path:
        return self.data_home / "applications" / f"{APP_ID}.desktop"

    @property
    def metainfo(self) -> Path:
        return self.data_home / "metainfo" / f"{APP_ID}.metainfo.xml"

    @property
    def scalable_icon(self) -> Path:
        return self.data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"

    def png_icon(self, size: int) -> Path:
        return self.data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"

    @property
    def command(self) -> Path:
        return self.bin_dir / COMMAND_NAME

    def files(self) -> tuple[Path, ...]:
        """Every regular file an install may write (the command link aside)."""
        return (self.desktop_entry, self.metainfo, self.scalable_icon,
                *(self.png_icon(size) for size in PNG_SIZES))  # fmt: skip


@dataclass(frozen=True)
class InstallReport:
    written: tuple[Path, ...]
    notes: tuple[str, ...]


def desktop_entry_text(executable: Path) -> str:
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=Study Planner",
        "GenericName=Study Planner",
        "Comment=Plan your medical coding studies and keep your credentials current",
        f"Exec={desktop_exec([str(executable)])}",
        "TryExec=" + str(executable).replace("\\", "\\\\"),
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Education;",
        "Keywords=medical coding;CPC;CEU;study;plan;",
        "StartupNotify=true",
        f"StartupWMClass={COMMAND_NAME}",
    ]
    return "\n".join(lines) + "\n"


def install(executable: Path, places: DesktopPlaces, path_env: str | None = None) -> InstallReport:
    """Add the desktop entry, icons, metainfo and the command link for `executable`."""
    executable = executable.resolve()
    written: list[Path] = []
    notes: list[str] = []
    entry = desktop_entry_text(executable).encode("utf-8")  # refuses an unrepresentable path
    svg = desktop_resource(f"{APP_ID}.svg")
    metainfo = desktop_resource(f"{APP_ID}.metainfo.xml")
    if svg is None or metainfo is None:
        raise FileNotFoundError(f"the app's icon or metainfo is missing from {executable.parent}")
    for path, data in ((places.scalable_icon, svg), (places.metainfo, metainfo)):
        atomic_write(path, data, DESKTOP_READABLE)
        written.append(path)
    for size in PNG_SIZES:
        png = desktop_resource(png_name(size))
        if png is not None:
            atomic_write(places.png_icon(size), png, DESKTOP_READABLE)
            written.append(places.png_icon(size))
    atomic_write(
        places.desktop_entry, entry, DESKTOP_READABLE
    )  # last: the menu shows it once its icon is there
    written.append(places.desktop_entry)
    link = places.command
    if link.is_symlink() or not link.exists():
        link.parent.mkdir(parents=True, exist_ok=True)
        tmp = link.with_name(f".{link.name}-new")
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(executable)
        os.replace(tmp, link)
        written.append(link)
        path_env = os.environ.get("PATH", "") if path_env is None else path_env
        if str(link.parent) not in path_env.split(os.pathsep):
            notes.append(f"{link.parent} is not on your PATH: add it to run `{COMMAND_NAME}` "
                         "from a terminal.")  # fmt: skip
    else:
        notes.append(f"{link} exists and is not a link made by Study Planner: left as it is.")
    return InstallReport(tuple(written), tuple(notes))


def uninstall(places: DesktopPlaces) -> tuple[Path, ...]:
    """Remove exactly what `install` adds; the user's data is never touched."""
    removed: list[Path] = []
    for path in places.files():
        if path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(path)
    if places.command.is_symlink():
        places.command.unlink()
        removed.append(places.command)
    return tuple(removed)
