"""The standalone app, tested as a user runs it: the archive unpacked into a fresh folder and
every command run with an environment that has no virtualenv and no Python on PATH (only an empty
temporary folder), a temporary HOME and XDG folders, and a private session D-Bus with a minimal
notification server (tests/notification_bus.py) for the reminders.

Runs when the archive exists: built by `python3 dev.py bundle` (which runs this file itself),
or named by $STUDYPLANNER_BUNDLE_ARCHIVE. Skipped otherwise, so a fresh clone's test run does not
build anything. Linux only (the archive is the Linux build).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.notification_bus import HAVE_DBUS, NotificationBus, notification_bus

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
DEFAULT_ARCHIVE = ROOT / "dist" / f"studyplanner-{VERSION}-linux-x86_64.tar.gz"
ARCHIVE = Path(os.environ.get("STUDYPLANNER_BUNDLE_ARCHIVE") or DEFAULT_ARCHIVE)
APP_ID = "org.studyplanner.StudyPlanner"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build"),
    pytest.mark.skipif(
        not ARCHIVE.is_file(),
        reason=f"no standalone build at {ARCHIVE} (python3 dev.py bundle makes and tests one)",
    ),
]


def _user_data():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("user_data", ROOT / "packaging" / "user_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tree(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry of the unpacked app: its size, modification time and mode."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        found[path.relative_to(folder).as_posix()] = (info.st_size, info.st_mtime_ns, info.st_mode)
    return found


@dataclass
class Bundle:
    app: Path  # the unpacked folder
    exe: Path
    home: Path
    data: Path  # the realistic data folder
    env: dict[str, str]
    notifications: NotificationBus | None  # None without dbus-daemon
    cwd: Path
    tree: dict[str, tuple[int, int, int]]

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.exe), *args], env=self.env, cwd=self.cwd, text=True,
                              capture_output=True, timeout=timeout)  # fmt: skip

    def ok(self, *args: str, timeout: float = 120) -> str:
        done = self.run(*args, timeout=timeout)
        assert done.returncode == 0, f"{args} -> {done.returncode}: {done.stderr}"
        return done.stdout


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bundle]:
    top = tmp_path_factory.mktemp("user")
    unpacked = top / "Applications"
    with tarfile.open(ARCHIVE) as tar:
        tar.extractall(unpacked, filter="data")
    app = unpacked / "studyplanner"
    exe = app / "studyplanner"
    assert exe.is_file() and os.access(exe, os.X_OK)
    home = top / "home"
    bin_dir = top / "bin"  # the only folder on PATH: no Python
    for folder in (home, bin_dir, top / "cwd", top / "runtime"):
        folder.mkdir()
    (top / "runtime").chmod(0o700)
    env = {
        "HOME": str(home),
        "PATH": str(bin_dir),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_RUNTIME_DIR": str(top / "runtime"),
    }
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None
    data = home / "Study data"
    tree = _tree(app)
    bus_folder = top / "bus"
    bus_folder.mkdir()
    with contextlib.ExitStack() as stack:
        bus = stack.enter_context(notification_bus(bus_folder)) if HAVE_DBUS else None
        if bus is not None:
            env["DBUS_SESSION_BUS_ADDRESS"] = bus.address
        b = Bundle(app, exe, home, data, env, bus, top / "cwd", tree)
        _user_data().make([str(exe)], data, env)  # plan create, log, done, credential add, ceu add
        yield b


def test_version_is_the_projects(bundle: Bundle) -> None:
    assert bundle.ok("--version").strip() == f"Study Planner {VERSION}"


def test_smoke_test_paints_a_realistic_data_folder(bundle: Bundle) -> None:
    done = bundle.run("--data-dir", str(bundle.data), "--smoke-test", timeout=120)
    assert done.returncode == 0, done.stderr


def test_the_spanish_translation_ships_and_a_spanish_system_starts_with_it(
    bundle: Bundle,
) -> None:
    assert [p.name for p in bundle.app.rglob("studyplanner_es.qm")] == ["studyplanner_es.qm"]
    assert list(bundle.app.rglob("qtbase_es.qm")), "Qt's own Spanish (its standard buttons)"
    env = dict(bundle.env, LANG="es_US.UTF-8")  # the Language preference's System: Spanish
    done = subprocess.run([str(bundle.exe), "--data-dir", str(bundle.data), "--smoke-test"],
                          env=env, cwd=bundle.cwd, text=True, capture_output=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_tracks_json(bundle: Bundle) -> None:
    tracks = json.loads(bundle.ok("tracks", "--json"))
    ids = {t["id"] for t in tracks}
    assert {"cpc-certificate-program", "associate-degree-hit"} <= ids
    assert len(ids) == 5


def test_plan_show_json(bundle: Bundle) -> None:
    plan = json.loads(bundle.ok("--data-dir", str(bundle.data), "plan", "show", "--json"))
    assert plan["track"]["template"] == "cpc-certificate-program"
    progress = json.loads(bundle.ok("--data-dir", str(bundle.data), "progress", "--json"))
    assert progress  # sessions and completions were logged through the bundle


def test_ceu_report_pdf_with_the_bundled_fonts(bundle: Bundle) -> None:
    out = bundle.home / "cpc-audit.pdf"
    bundle.ok("--data-dir", str(bundle.data), "ceu", "report", "CPC", "--out", str(out))
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:]
    # The report's fonts (resources/fonts/) came from inside the bundle and are embedded.
    assert b"/FontFile2" in pdf and b"DejaVuSansCondensed" in pdf
    packet = out.with_suffix(".zip")
    if packet.exists():  # the certificates beside the report
        assert packet.stat().st_size > 0


def test_export_ics(bundle: Bundle) -> None:
    out = bundle.home / "plan.ics"
    bundle.ok("--data-dir", str(bundle.data), "export", "ics", str(out))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and text.count("BEGIN:VEVENT") > 10


def test_reminder_agent_checks_with_the_bundled_executable(bundle: Bundle) -> None:
    """Setting off: the agent's first check (a child process: the bundle started again, not
    `python -m`) says stop, and the agent ends. Setting on: one check sends what is due."""
    done = bundle.run("--data-dir", str(bundle.data), "remind", "--agent", timeout=90)
    assert done.returncode == 0, done.stderr

    from studyplanner.services.database import open_database
    from studyplanner.services.settings import app_settings, save_app_settings

    db = open_database(bundle.data)  # what ticking the box in Settings does to the data
    try:
        from dataclasses import replace

        save_app_settings(db, replace(app_settings(db), remind_when_closed=True))
    finally:
        db.close()
    due = json.loads(bundle.ok("--data-dir", str(bundle.data), "remind", "--json"))
    done = bundle.run("--data-dir", str(bundle.data), "remind", "--agent-check")
    assert done.returncode == 0, done.stderr
    if bundle.notifications is None:
        pytest.skip("needs dbus-daemon (Debian: apt-get install dbus) to see the notifications")
    sent = bundle.notifications.received(len(due))  # through desktop-notifier, frozen
    assert len(sent) == len(due) > 0
    assert all(app == "Study Planner" for app, *_ in sent)


def test_default_data_folder_is_the_users(bundle: Bundle) -> None:
    """Without --data-dir the data goes to $XDG_DATA_HOME/StudyPlanner."""
    bundle.ok("remind", "--json")
    assert (bundle.home / ".local" / "share" / "StudyPlanner" / "studyplanner.sqlite3").is_file()


def test_install_and_uninstall_for_the_user(bundle: Bundle) -> None:
    out = bundle.ok("--install")
    share = bundle.home / ".local" / "share"
    entry = share / "applications" / f"{APP_ID}.desktop"
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    icons = [share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"] + [
        share / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in (48, 128, 256)
    ]
    link = bundle.home / ".local" / "bin" / "studyplanner"
    for path in (entry, metainfo, *icons):
        assert path.is_file(), out
    for png in icons[1:]:
        assert png.read_bytes().startswith(b"\x89PNG")
    assert link.is_symlink() and link.resolve() == bundle.exe.resolve()
    assert f"Exec={bundle.exe}" in entry.read_text()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True
        )
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    if shutil.which("appstreamcli"):
        check = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)],
                               capture_output=True, text=True)  # fmt: skip
        assert check.returncode == 0, check.stdout
    # The link on PATH runs the app like the folder does.
    assert subprocess.run([str(link), "--version"], env=bundle.env, capture_output=True,
                          text=True).stdout.strip() == f"Study Planner {VERSION}"  # fmt: skip

    data_before = _tree(bundle.data)
    bundle.ok("--uninstall")
    for path in (entry, metainfo, *icons):
        assert not path.exists()
    assert not link.is_symlink()
    assert _tree(bundle.data) == data_before  # user data untouched


def test_everything_written_went_to_the_users_folders(bundle: Bundle) -> None:
    """Last (tests run in file order): nothing was written beside the executable (no
    __pycache__ beside the migrations, no logs, no settings) nor in the working folder."""
    assert _tree(bundle.app) == bundle.tree
    assert list(bundle.cwd.iterdir()) == []
