"""Reminders outside the window: the stored dismissals and snoozes, the notified-keys file, the
desktop notifier (faked, and end to end over a private session D-Bus), the login entry (against a
temporary XDG config folder), the agent, and the calendar file parsed back with icalendar."""

from __future__ import annotations

import configparser
import os
import plistlib
import shlex
import subprocess
import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from icalendar import Calendar

from studyplanner.core.model import Availability
from studyplanner.core.reminders import Severity
from studyplanner.core.validation import InvalidInput
from studyplanner.services import credentials as creds
from studyplanner.services import reminders
from studyplanner.services.autostart import (
    LinuxAutostart,
    MacAutostart,
    WindowsAutostart,
    agent_command,
    autostart_for,
    set_remind_when_closed,
)
from studyplanner.services.calendar_export import write_ics
from studyplanner.services.database import Database, open_database, open_database_readonly
from studyplanner.services.desktop_notify import Notifier
from studyplanner.services.errors import StoreProblem
from studyplanner.services.plans import create_plan
from studyplanner.services.reminder_agent import next_check, notify_due, run_agent
from studyplanner.services.settings import AppSettings, app_settings, save_app_settings
from studyplanner.services.snapshots import NewPlan, PlanSettings
from tests.notification_bus import HAVE_DBUS, notification_bus

TODAY = date(2026, 11, 27)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


def _short_cycle(db: Database) -> creds.CredentialInfo:
    """A CPC whose cycle ends in 20 days with CEUs missing: a shortfall and a cycle-end soon."""
    return creds.add_credential(
        db, "CPC", date(2024, 12, 17), TODAY, cycle_start=date(2024, 12, 17),
        cycle_end=TODAY + timedelta(days=20), required=Decimal(36),
    )  # fmt: skip


class FakeDesktop:
    """Stands in for desktop-notifier: records (title, body, urgent) and takes or refuses them."""

    def __init__(self, accepts: bool = True) -> None:
        self.calls: list[tuple[str, str, bool]] = []
        self.accepts = accepts

    def deliver(self, title: str, body: str, urgent: bool) -> bool:
        self.calls.append((title, body, urgent))
        return self.accepts


def _notifier(desktop: FakeDesktop) -> Notifier:
    return Notifier(deliver=desktop.deliver)


# -- dismiss, snooze, notified keys ---------------------------------------------------------------


def test_dismiss_and_snooze_are_remembered_by_key(db: Database) -> None:
    _short_cycle(db)
    keys = [r.key for r in reminders.current_reminders(db, TODAY)]
    shortfall = next(k for k in keys if k.startswith("ceu-shortfall:"))
    assert shortfall.endswith(":30")  # 20 days left: the 30-day stage
    reminders.dismiss(db, shortfall)
    assert shortfall not in [r.key for r in reminders.current_reminders(db, TODAY)]
    # A week later the 7-day stage is a new key: the reminder is back.
    later = [r.key for r in reminders.current_reminders(db, TODAY + timedelta(days=13))]
    assert shortfall.replace(":30", ":7") in later
    end_key = next(k for k in later if k.startswith("cycle-end:"))
    reminders.snooze(db, end_key, TODAY + timedelta(days=15), TODAY + timedelta(days=13))
    assert end_key not in [r.key for r in reminders.current_reminders(db, TODAY + timedelta(14))]
    assert end_key in [r.key for r in reminders.current_reminders(db, TODAY + timedelta(15))]
    reminders.restore(db, shortfall)
    assert shortfall in [r.key for r in reminders.current_reminders(db, TODAY)]


@pytest.mark.parametrize("until", [TODAY, TODAY - timedelta(days=1), TODAY + timedelta(days=400)])
def test_snooze_needs_a_day_after_today_within_a_year(db: Database, until: date) -> None:
    with pytest.raises(InvalidInput, match="Snooze until"):
        reminders.snooze(db, "exam:1:2027-01-01:7", until, TODAY)


def test_notified_keys_survive_a_damaged_file_and_drop_old_entries(tmp_path: Path) -> None:
    (tmp_path / reminders.NOTIFIED_FILE).write_text("{not json", encoding="utf-8")
    assert reminders.notified_keys(tmp_path) == {}
    reminders.remember_notified(tmp_path, ["a"], date(2025, 1, 1))
    reminders.remember_notified(tmp_path, ["b"], date(2026, 6, 1))
    assert reminders.notified_keys(tmp_path) == {"b": "2026-06-01"}  # "a" is over 400 days old
    assert oct((tmp_path / reminders.NOTIFIED_FILE).stat().st_mode & 0o777) == "0o600"


# -- the desktop notifier -------------------------------------------------------------------------


def test_reminders_go_out_with_their_severity_and_english_reason(db: Database) -> None:
    _short_cycle(db)
    due = reminders.current_reminders(db, TODAY)
    desktop = FakeDesktop()
    assert all(_notifier(desktop).send_reminder(r) for r in due)
    assert len(desktop.calls) == len(due)
    for reminder, (title, body, urgent) in zip(due, desktop.calls, strict=True):
        assert title.startswith("Study Planner")
        assert body and "{" not in body  # the reason, said in English
        assert urgent is (reminder.severity is Severity.URGENT)


def test_a_refused_notification_is_reported_not_raised() -> None:
    assert not _notifier(FakeDesktop(accepts=False)).send("T", "B")


def test_no_session_bus_fails_softly_and_quietly(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """No D-Bus session (a bare console, a service): the real library says no, nothing raised,
    nothing printed; the key is tried again at the next check."""
    for name in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "XDG_RUNTIME_DIR"):
        monkeypatch.delenv(name, raising=False)
    assert not Notifier().send("T", "B", urgent=True)
    assert capfd.readouterr().err == ""


def test_without_the_library_nothing_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "desktop_notifier", None)  # an import that fails
    assert not Notifier().send("T", "B")


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_where_the_library_would_only_pretend(
    platform: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The library's stand-in back end (macOS outside an app bundle, Windows before 10) reports
    success and shows nothing: that is a failure, except that macOS still has osascript."""
    from desktop_notifier import main as library
    from desktop_notifier.backends.dummy import DummyNotificationCenter

    from studyplanner.services import desktop_notify

    ran: list[list[str]] = []

    def run(args: list[str], **_kwargs: object) -> subprocess.CompletedProcess[bytes]:
        ran.append(args)
        return subprocess.CompletedProcess(args, 0)

    monkeypatch.setattr(library, "get_backend_class", lambda: DummyNotificationCenter)
    monkeypatch.setattr(desktop_notify.sys, "platform", platform)
    monkeypatch.setattr(desktop_notify.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(desktop_notify.subprocess, "run", run)
    shown = Notifier().send('Say "hi"', "It's <due>")
    if platform == "darwin":
        assert shown and ran[0][:2] == ["/usr/bin/osascript", "-e"]
        assert ran[0][2] == ('display notification "It\'s <due>" with title "Study Planner" '
                             'subtitle "Say \\"hi\\""')  # fmt: skip
    else:
        assert not shown and ran == []


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_DBUS, reason="needs dbus-daemon (Debian: apt-get install dbus)")
def test_desktop_notifier_delivers_over_a_session_bus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """End to end on Linux: a private session bus, a minimal notification server, the library."""
    with notification_bus(tmp_path) as bus:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
        assert Notifier().send("Exam in 7 days", "CPC exam on 2026-12-04", urgent=True)
        assert Notifier().send("Study Planner", "Log today's study")
        assert bus.received(2) == [
            ["Study Planner", "Exam in 7 days", "CPC exam on 2026-12-04", 2],
            ["Study Planner", "Study Planner", "Log today's study", 1],
        ]
        # No address given (a login entry outside the systemd session): found where GLib looks.
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
        assert Notifier().send("T", "B")
        assert bus.received(1) == [["Study Planner", "T", "B", 1]]


# -- the login entry ------------------------------------------------------------------------------


def test_linux_autostart_entry_is_written_and_removed(tmp_path: Path) -> None:
    config = tmp_path / "xdg-config"
    entry = autostart_for("linux", {"XDG_CONFIG_HOME": str(config)}, tmp_path / "home")
    assert isinstance(entry, LinuxAutostart)
    assert entry.path == config / "autostart" / "studyplanner-reminders.desktop"
    data_dir = tmp_path / "my data"
    set_remind_when_closed(True, data_dir, entry)
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry.path, encoding="utf-8")
    section = parser["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name"] == "Study Planner reminders"
    argv = shlex.split(section["Exec"])
    assert argv == agent_command(data_dir)
    assert argv[-2:] == ["remind", "--agent"] and str(data_dir) in argv
    set_remind_when_closed(False, data_dir, entry)
    assert not entry.path.exists()
    assert not entry.remove()  # removing twice is fine


def test_relative_xdg_config_home_is_ignored(tmp_path: Path) -> None:
    entry = autostart_for("linux", {"XDG_CONFIG_HOME": "relative"}, tmp_path)
    assert entry.path == tmp_path / ".config" / "autostart" / "studyplanner-reminders.desktop"


def test_windows_and_mac_entries(tmp_path: Path) -> None:
    win = autostart_for("win32", {"APPDATA": str(tmp_path / "AppData")}, tmp_path)
    assert isinstance(win, WindowsAutostart)
    win.install([r"C:\Py\python.exe", "-m", "studyplanner", "--data-dir", r"C:\My Data",
                 "remind", "--agent"])  # fmt: skip
    text = win.path.read_text()
    assert "Startup" in str(win.path) and "pythonw.exe" in text and '"C:\\My Data"' in text
    mac = autostart_for("darwin", {}, tmp_path)
    assert isinstance(mac, MacAutostart)
    mac.install(["/usr/bin/python3", "-m", "studyplanner"])
    plist = plistlib.loads(mac.path.read_bytes())
    assert plist["RunAtLoad"] is True and plist["ProgramArguments"][0] == "/usr/bin/python3"
    assert mac.remove() and win.remove()


# -- the agent ------------------------------------------------------------------------------------


def test_agent_notifies_each_key_once_and_never_writes_the_database(db: Database) -> None:
    _short_cycle(db)
    save_app_settings(db, AppSettings(remind_when_closed=True))
    before = db.path.read_bytes()
    mtime = os.stat(db.path).st_mtime_ns
    desktop = FakeDesktop()
    first = notify_due(db.data_dir, TODAY, _notifier(desktop), agent=True)
    assert first.sent and first.keep_running
    assert any(k.startswith("ceu-shortfall:") for k in first.sent)
    again = notify_due(db.data_dir, TODAY, _notifier(desktop), agent=True)
    assert again.sent == ()
    assert len(desktop.calls) == len(first.sent)
    assert db.path.read_bytes() == before and os.stat(db.path).st_mtime_ns == mtime


def test_agent_retries_what_the_desktop_refused(db: Database) -> None:
    _short_cycle(db)
    save_app_settings(db, AppSettings(remind_when_closed=True))
    refused = notify_due(db.data_dir, TODAY, _notifier(FakeDesktop(accepts=False)), agent=True)
    assert refused.sent == () and refused.failed
    assert notify_due(db.data_dir, TODAY, _notifier(FakeDesktop()), agent=True).sent


def test_agent_stops_when_the_setting_is_off(db: Database) -> None:
    _short_cycle(db)
    assert not app_settings(db).remind_when_closed
    sleeps: list[float] = []
    checks = run_agent(db.data_dir, _notifier(FakeDesktop()), now=lambda: datetime(2026, 11, 27, 9),
                       sleep=sleeps.append, max_checks=5)  # fmt: skip
    assert checks == 1 and sleeps == []


def test_agent_checks_hourly_until_turned_off(db: Database) -> None:
    save_app_settings(db, AppSettings(remind_when_closed=True))
    sleeps: list[float] = []
    checks = run_agent(db.data_dir, _notifier(FakeDesktop()), now=lambda: datetime(2026, 11, 27, 9),
                       sleep=sleeps.append, max_checks=3)  # fmt: skip
    assert checks == 3 and sleeps == [3600.0, 3600.0, 3600.0]
    assert next_check(datetime(2026, 11, 27, 23, 30)) == datetime(2026, 11, 28, 0, 1)


def test_agent_without_a_database_does_nothing(tmp_path: Path) -> None:
    result = notify_due(tmp_path / "nothing", TODAY, _notifier(FakeDesktop()), agent=True)
    assert result.sent == () and result.keep_running
    assert not (tmp_path / "nothing").exists()


def test_read_only_database_refuses_writes(db: Database) -> None:
    readonly = open_database_readonly(db.data_dir)
    assert readonly is not None
    with pytest.raises(StoreProblem):
        reminders.dismiss(readonly, "x")
    readonly.close()


# -- the calendar ---------------------------------------------------------------------------------


def _plan(db: Database) -> None:
    # Saturdays hold a 4-hour exam sitting (a shorter week would leave the exams unplaced)
    week = Availability.from_mapping({"mon": 60, "wed": 90, "sat": 240})
    settings = PlanSettings(start=TODAY, availability=week, target=date(2027, 4, 30))
    create_plan(db, NewPlan(settings, template_id="cpc-exam-prep-experienced"), TODAY)


def test_calendar_parses_back_with_blocks_exams_deadlines_and_alarms(
    db: Database, tmp_path: Path
) -> None:
    _plan(db)
    cpc = _short_cycle(db)
    creds.update_cycle(db, cpc.current.id, cpc.current.start, cpc.current.end, Decimal(36), None,
                       TODAY, renewal_on=date(2026, 12, 16))  # fmt: skip
    out = tmp_path / "plan.ics"
    result = write_ics(db, out, TODAY)
    cal = Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert result.events == len(events) > 20
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids))
    blocks = [e for e in events if str(e["summary"]).startswith("Study: ")]
    assert blocks and all(
        (e.decoded("dtend") - e.decoded("dtstart")) <= timedelta(hours=16) for e in blocks
    )  # one event per block, never one spanning weeks
    first = min(blocks, key=lambda e: e.decoded("dtstart"))
    assert first.decoded("dtstart").hour == 18  # the default study time
    assert [a.decoded("trigger") for a in first.walk("VALARM")] == [timedelta(minutes=-15)]
    exams = [e for e in events if str(e["summary"]).startswith("Exam: ")]
    assert exams and all(len(e.walk("VALARM")) == 2 for e in exams)
    cycle_end = next(e for e in events if str(e["summary"]) == "CPC: CEU cycle ends")
    assert cycle_end.decoded("dtstart") == TODAY + timedelta(days=20)
    assert {a.decoded("trigger") for a in cycle_end.walk("VALARM")} == {
        timedelta(days=-90), timedelta(days=-30), timedelta(days=-7)
    }  # fmt: skip
    assert any(str(e["summary"]) == "AAPC membership renewal" for e in events)
    # Re-exporting gives the same UIDs: a calendar updates its events instead of duplicating.
    again = Calendar.from_ical(write_ics(db, tmp_path / "again.ics", TODAY).path.read_bytes())
    assert sorted(str(e["uid"]) for e in again.walk("VEVENT")) == sorted(uids)


def test_calendar_range_and_bad_range(db: Database, tmp_path: Path) -> None:
    _plan(db)
    result = write_ics(db, tmp_path / "week.ics", TODAY, TODAY, TODAY + timedelta(days=6))
    cal = Calendar.from_ical((tmp_path / "week.ics").read_bytes())
    days = {e.decoded("dtstart").date() for e in cal.walk("VEVENT")}
    assert result.events and all(TODAY <= d <= TODAY + timedelta(days=6) for d in days)
    with pytest.raises(InvalidInput, match="before its start"):
        write_ics(db, tmp_path / "bad.ics", TODAY, TODAY, TODAY - timedelta(days=1))
    assert not (tmp_path / "bad.ics").exists()


def test_agent_reads_a_closed_database(tmp_path: Path) -> None:
    """The usual case: the app is closed (no -wal or -shm file next to the database)."""
    database = open_database(tmp_path / "data")
    _short_cycle(database)
    save_app_settings(database, AppSettings(remind_when_closed=True))
    database.close()
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["studyplanner.sqlite3"]
    result = notify_due(tmp_path / "data", TODAY, _notifier(FakeDesktop()), agent=True)
    assert any(k.startswith("ceu-shortfall:") for k in result.sent)


def test_each_agent_check_runs_in_a_child_process(tmp_path: Path) -> None:
    """The agent's own process stays light: checks run in `remind --agent-check` children."""
    from studyplanner.services.reminder_agent import check_in_child

    database = open_database(tmp_path / "data")
    _short_cycle(database)
    database.close()
    assert not check_in_child(tmp_path / "data")  # the setting is off: the agent stops
    database = open_database(tmp_path / "data")
    save_app_settings(database, AppSettings(remind_when_closed=True))
    database.close()
    assert check_in_child(tmp_path / "data")  # on: keep running (no desktop here: nothing sent)
