"""Desktop integration in a temporary home: `install` writes the desktop entry, icons, AppStream
metainfo and the command link, each valid by its format's own checker when it is installed;
`uninstall` removes exactly those and leaves the user's data, settings and foreign files alone.
The login agent and its checks start the bundled executable when the app is frozen."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studyplanner import APP_ID
from studyplanner.services import autostart, desktop_install
from studyplanner.services.desktop_install import DesktopPlaces


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def app_exe(tmp_path: Path) -> Path:
    """A stand-in for the unpacked app's executable (its path holds a space and a quote)."""
    folder = tmp_path / "Apps" / "Study Planner's"
    folder.mkdir(parents=True)
    exe = folder / "studyplanner"
    exe.write_text("#!/bin/sh\necho 'Study Planner'\n")
    exe.chmod(0o755)
    return exe


@pytest.fixture
def places(home: Path, tmp_path: Path) -> DesktopPlaces:
    env = {"HOME": str(home), "XDG_DATA_HOME": str(tmp_path / "xdg-data")}
    return DesktopPlaces.for_user(env)


def test_places_follow_xdg_and_default_to_local_share(home: Path) -> None:
    default = DesktopPlaces.for_user({"HOME": str(home)})
    assert default.desktop_entry == home / ".local/share/applications" / f"{APP_ID}.desktop"
    assert default.command == home / ".local/bin/studyplanner"
    relative = DesktopPlaces.for_user({"HOME": str(home), "XDG_DATA_HOME": "rel/share"})
    assert relative.data_home == home / ".local/share"  # a relative value is ignored (spec)


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_install_writes_valid_files_and_uninstall_removes_exactly_them(
    places: DesktopPlaces, app_exe: Path, home: Path
) -> None:
    data = home / ".local/share/StudyPlanner"  # the user's data beside what is installed
    data.mkdir(parents=True)
    (data / "studyplanner.sqlite3").write_bytes(b"data")
    autostart_entry = home / ".config/autostart/studyplanner-reminders.desktop"
    autostart_entry.parent.mkdir(parents=True)
    autostart_entry.write_text("[Desktop Entry]\n")
    foreign = places.data_home / "applications" / "other.desktop"
    foreign.parent.mkdir(parents=True)
    foreign.write_text("[Desktop Entry]\n")

    report = desktop_install.install(app_exe, places, path_env="/usr/bin")
    entry = _entry(places.desktop_entry)
    assert entry["Exec"] == '"' + str(app_exe) + '"'  # quoted: the path holds a space
    assert entry["Icon"] == APP_ID and entry["Type"] == "Application"
    assert places.scalable_icon.read_bytes().lstrip().startswith(b"<?xml")
    assert places.metainfo.is_file()
    assert places.command.is_symlink() and places.command.resolve() == app_exe.resolve()
    assert any("not on your PATH" in note for note in report.notes)
    assert set(report.written) <= {*places.files(), places.command}
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(places.desktop_entry)],
                               capture_output=True, text=True)  # fmt: skip
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    if shutil.which("appstreamcli"):
        check = subprocess.run(["appstreamcli", "validate", "--no-net", str(places.metainfo)],
                               capture_output=True, text=True)  # fmt: skip
        assert check.returncode == 0, check.stdout

    again = desktop_install.install(app_exe, places, path_env=str(places.bin_dir))
    assert not again.notes  # installing twice just refreshes; the link's folder is on PATH

    removed = desktop_install.uninstall(places)
    assert set(removed) == set(report.written)
    for path in (*places.files(), places.command):
        assert not path.exists() and not path.is_symlink()
    assert (data / "studyplanner.sqlite3").read_bytes() == b"data"
    assert autostart_entry.exists() and foreign.exists()
    assert desktop_install.uninstall(places) == ()


def test_a_command_that_is_not_ours_is_left_alone(places: DesktopPlaces, app_exe: Path) -> None:
    places.bin_dir.mkdir(parents=True)
    places.command.write_text("#!/bin/sh\n# someone else's studyplanner\n")
    report = desktop_install.install(app_exe, places, path_env="")
    assert any("left as it is" in note for note in report.notes)
    desktop_install.uninstall(places)
    assert "someone else's" in places.command.read_text()


def test_the_shipped_metainfo_is_valid_appstream() -> None:
    if not shutil.which("appstreamcli"):
        pytest.skip("appstreamcli is not installed")
    source = Path(__file__).resolve().parents[1] / "resources/desktop"
    check = subprocess.run(["appstreamcli", "validate", "--no-net",
                            str(source / f"{APP_ID}.metainfo.xml")],
                           capture_output=True, text=True)  # fmt: skip
    assert check.returncode == 0, check.stdout


def test_frozen_agent_starts_the_bundled_executable(tmp_path: Path) -> None:
    data = tmp_path / "my data"
    frozen = autostart.agent_command(data, "/opt/studyplanner/studyplanner", frozen=True)
    assert frozen == ["/opt/studyplanner/studyplanner", "--data-dir", str(data), "remind",
                      "--agent"]  # fmt: skip
    venv = autostart.agent_command(data, "/venv/bin/python", frozen=False)
    assert venv[:3] == ["/venv/bin/python", "-m", "studyplanner"]


def test_frozen_agent_check_runs_the_bundled_executable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from studyplanner.services import reminder_agent

    seen: list[list[str]] = []

    def fake_run(argv: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        seen.append(argv)
        return subprocess.CompletedProcess(argv, reminder_agent.STOP_STATUS)

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/studyplanner/studyplanner")
    monkeypatch.setattr(reminder_agent.subprocess, "run", fake_run)
    assert reminder_agent.check_in_child(tmp_path) is False
    assert seen == [["/opt/studyplanner/studyplanner", "--data-dir", str(tmp_path), "remind",
                     "--agent-check"]]  # fmt: skip


def test_install_from_a_checkout_is_refused_and_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from studyplanner.app import main

    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert main(["--install"]) == 2
    assert "standalone app" in capsys.readouterr().err
    assert list(home.iterdir()) == []
    assert main(["--uninstall"]) == 0  # nothing to remove: says so
    assert "Nothing to remove" in capsys.readouterr().out
