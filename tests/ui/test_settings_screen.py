"""The Settings screen on a real database: every change saved at once, bad input named next to its
field with nothing saved, the login entry in a temporary XDG folder, and the calendar export
parsed back with icalendar."""

from __future__ import annotations

import configparser
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import QPoint, Qt, QTime
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel
from pytestqt.qtbot import QtBot

from studyplanner.core.reminders import ReminderKind, ReminderSettings
from studyplanner.core.validation import InvalidInput
from studyplanner.services import credentials as creds
from studyplanner.services.autostart import AGENT_ID
from studyplanner.services.database import Database, open_database
from studyplanner.services.settings import app_settings, reminder_settings
from studyplanner.ui.settings.calendar_export_panel import CalendarExportPanel
from studyplanner.ui.settings.reminder_fields import kind_words, parse_lead_days
from studyplanner.ui.settings.settings_screen import SettingsScreen
from studyplanner.ui.shared.formatting import qdate


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


@pytest.fixture
def screen(qtbot: QtBot, db: Database, today: date, xdg: Path) -> SettingsScreen:
    widget = SettingsScreen(db, lambda: today, tray_available=True)
    qtbot.addWidget(widget)
    widget.resize(1176, 700)  # a 1366x768 screen less the sidebar and the window frame
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _type(qtbot: QtBot, edit: Any, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _click(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its indicator (its middle may be empty space)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_shows_the_stored_settings_without_saving(
    qtbot: QtBot, db: Database, today: date, xdg: Path
) -> None:
    widget = SettingsScreen(db, lambda: today, tray_available=True)
    qtbot.addWidget(widget)
    with qtbot.assertNotEmitted(widget.data_changed):
        widget.refresh()
    assert widget.exam_leads.edit.text() == "30, 7, 1"
    assert widget.cycle_leads.edit.text() == "90, 60, 30, 7"
    assert widget.no_study_days.value() == 7
    assert all(box.isChecked() for box in widget.kind_boxes.values())
    assert set(widget.kind_boxes) == set(ReminderKind)
    assert widget.kind_boxes[ReminderKind.EXAM].text() == kind_words(ReminderKind.EXAM)
    assert widget.keep_in_tray.isChecked()
    assert not widget.remind_when_closed.isChecked()
    assert widget.study_time.time() == QTime(18, 0)
    assert [b.title() for b in widget.findChildren(QGroupBox)] == [
        "Reminders",
        "App",
        "Appearance",
        "Language",
        "Calendar",
    ]


def test_a_kind_turned_off_is_saved_and_its_field_disabled(
    qtbot: QtBot, screen: SettingsScreen, db: Database
) -> None:
    with qtbot.waitSignal(screen.data_changed):
        _click(qtbot, screen.kind_boxes[ReminderKind.EXAM])
    assert ReminderKind.EXAM not in reminder_settings(db).enabled
    assert not screen.exam_leads.isEnabled()
    assert screen.status.text() == "Saved: reminders."
    # the cycle lead days serve three kinds: disabled only when all three are off
    for kind in (ReminderKind.CEU_SHORTFALL, ReminderKind.CEU_RULE):
        screen.kind_boxes[kind].setChecked(False)
    assert screen.cycle_leads.isEnabled()
    screen.kind_boxes[ReminderKind.CYCLE_END].setChecked(False)
    assert not screen.cycle_leads.isEnabled()
    assert len(reminder_settings(db).enabled) == len(ReminderKind) - 4


def test_bad_lead_days_are_named_next_to_the_field_and_nothing_is_saved(
    qtbot: QtBot, screen: SettingsScreen, db: Database
) -> None:
    with qtbot.assertNotEmitted(screen.data_changed):
        _type(qtbot, screen.exam_leads.edit, "30, seven, 1")
    assert screen.exam_leads.problem.isVisible()
    assert screen.exam_leads.problem.text().startswith("Give whole days from 0 to 366")
    assert reminder_settings(db) == ReminderSettings()
    with qtbot.assertNotEmitted(screen.data_changed):
        _type(qtbot, screen.cycle_leads.edit, "400")
    assert screen.cycle_leads.problem.isVisible()
    assert reminder_settings(db) == ReminderSettings()
    # another change still saves (with the stored lead days, not the bad text)
    screen.kind_boxes[ReminderKind.BACKUP].setChecked(False)
    assert reminder_settings(db).exam_leads == (30, 7, 1)
    assert screen.cycle_leads.edit.text() == "400"  # the unfinished input stays, with its message
    assert screen.cycle_leads.problem.isVisible()
    with qtbot.waitSignal(screen.data_changed):
        _type(qtbot, screen.exam_leads.edit, "3 14;14")
    assert not screen.exam_leads.problem.isVisible()
    assert reminder_settings(db).exam_leads == (14, 3)
    assert screen.exam_leads.edit.text() == "14, 3"


def test_day_counts_are_saved(qtbot: QtBot, screen: SettingsScreen, db: Database) -> None:
    with qtbot.waitSignal(screen.data_changed):
        screen.no_study_days.setValue(10)
    screen.membership_days.setValue(45)
    screen.backup_days.setValue(30)
    saved = reminder_settings(db)
    assert (saved.no_study_days, saved.membership_lead_days, saved.backup_days) == (10, 45, 30)


def test_parse_lead_days() -> None:
    assert parse_lead_days(" 1,30 , 7 ", "f") == (30, 7, 1)
    assert parse_lead_days("0", "f") == (0,)
    for bad in ("", " , ", "-1", "7.5", "367", "a"):
        with pytest.raises(InvalidInput) as info:
            parse_lead_days(bad, "f")
        assert info.value.for_field("f")


def test_keep_in_tray_and_study_time_are_saved(
    qtbot: QtBot, screen: SettingsScreen, db: Database
) -> None:
    screen.keep_in_tray.setChecked(False)
    assert not app_settings(db).keep_in_tray
    screen.study_time.setTime(QTime(7, 30))
    assert app_settings(db).study_time == "07:30"
    assert screen.status.text() == "Saved: study time."


def test_without_a_tray_the_tray_setting_is_explained(
    qtbot: QtBot, db: Database, today: date
) -> None:
    widget = SettingsScreen(db, lambda: today, tray_available=False)
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.keep_in_tray.isEnabled()
    assert widget.tray_hint.isVisible()


def test_remind_when_closed_writes_and_removes_the_login_entry(
    qtbot: QtBot, screen: SettingsScreen, db: Database, xdg: Path
) -> None:
    entry = xdg / "autostart" / f"{AGENT_ID}.desktop"
    with qtbot.waitSignal(screen.data_changed):
        _click(qtbot, screen.remind_when_closed)
    assert entry.is_file()
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(entry, encoding="utf-8")
    assert str(db.data_dir) in parser["Desktop Entry"]["Exec"]
    assert app_settings(db).remind_when_closed
    assert str(entry) in screen.autostart_hint.text()
    _click(qtbot, screen.remind_when_closed)
    assert not entry.exists()
    assert not app_settings(db).remind_when_closed
    assert screen.autostart_hint.text() == f"Removed the login entry {entry}."


def test_a_login_entry_that_cannot_be_written_reverts_the_checkbox(
    qtbot: QtBot, screen: SettingsScreen, db: Database, xdg: Path
) -> None:
    xdg.write_text("a file where the config folder should be", encoding="utf-8")
    with qtbot.assertNotEmitted(screen.data_changed):
        _click(qtbot, screen.remind_when_closed)
    assert not screen.remind_when_closed.isChecked()
    assert not app_settings(db).remind_when_closed
    assert screen.autostart_problem.isVisible()
    assert screen.autostart_problem.text().startswith("Could not write the login entry")
    assert screen.autostart_problem.text().endswith("The setting is unchanged.")


def test_a_data_folder_with_a_line_break_gets_no_login_entry(
    qtbot: QtBot, tmp_path: Path, today: date, xdg: Path
) -> None:
    """A line break in the path would add lines to the entry (its own Exec, say): refused."""
    db = open_database(tmp_path / "data\nExec=evil")
    try:
        widget = SettingsScreen(db, lambda: today, tray_available=True)
        qtbot.addWidget(widget)
        widget.show()
        with qtbot.assertNotEmitted(widget.data_changed):
            _click(qtbot, widget.remind_when_closed)
        assert not widget.remind_when_closed.isChecked()
        assert not app_settings(db).remind_when_closed
        assert "control character" in widget.autostart_problem.text()
        assert widget.autostart_problem.text().endswith("The setting is unchanged.")
        assert not (xdg / "autostart").exists()
    finally:
        db.close()


def test_calendar_export_writes_a_file_icalendar_reads(
    qtbot: QtBot,
    screen: SettingsScreen,
    db: Database,
    today: date,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    create_cpc_plan: Any,
) -> None:
    create_cpc_plan(db, today)
    creds.add_credential(
        db, "CPC", date(2024, 12, 17), today, cycle_start=date(2024, 12, 17),
        cycle_end=today + timedelta(days=20), required=Decimal(36),
    )  # fmt: skip
    target = tmp_path / "exports" / "my plan"
    target.parent.mkdir()
    suggested: list[Path] = []

    def choose(parent: Any, default: Path) -> Path:
        suggested.append(default)
        return target

    monkeypatch.setattr(CalendarExportPanel, "choose_file", staticmethod(choose))
    screen.calendar_panel.export_to.setDate(qdate(today + timedelta(days=60)))
    with qtbot.waitSignal(screen.calendar_panel.action.ended):  # written on the worker
        qtbot.mouseClick(screen.calendar_panel.export_button, Qt.MouseButton.LeftButton)
    written = target.with_name("my plan.ics")
    assert suggested and suggested[0].name == "study-planner.ics"
    calendar = Calendar.from_ical(written.read_bytes())
    events = list(calendar.walk("VEVENT"))
    alarms = sum(len(e.walk("VALARM")) for e in events)
    assert events and alarms
    assert any(str(e["summary"]).startswith("Study: ") for e in events)
    assert any("CEU cycle ends" in str(e["summary"]) for e in events)
    assert screen.calendar_panel.export_result.text().startswith(
        f"{len(events)} events with {alarms} alarms written to {written}"
    )


def test_calendar_range_checked_before_asking_for_a_file(
    qtbot: QtBot, screen: SettingsScreen, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: Any) -> None:
        raise AssertionError("no file should be asked for")

    monkeypatch.setattr(CalendarExportPanel, "choose_file", staticmethod(refuse))
    screen.calendar_panel.export_to.setDate(qdate(today - timedelta(days=1)))
    assert screen.calendar_panel.range_problem.isVisible()
    assert screen.calendar_panel.range_problem.text() == "The end of the range is before its start."
    assert not screen.calendar_panel.export_button.isEnabled()
    assert screen.calendar_panel.export_calendar() is None
    screen.calendar_panel.export_to.setDate(qdate(today + timedelta(days=30)))
    assert screen.calendar_panel.export_button.isEnabled()
    monkeypatch.setattr(CalendarExportPanel, "choose_file", staticmethod(lambda *_a: None))
    assert (
        screen.calendar_panel.export_calendar() is None
    )  # cancelled: nothing written, nothing said
    assert not screen.calendar_panel.export_result.isVisible()


def test_a_later_section_goes_below_the_others(qtbot: QtBot, screen: SettingsScreen) -> None:
    box = screen.add_section("Backups", QLabel("Back up now"))
    boxes = [b.title() for b in screen.findChildren(QGroupBox)]
    assert boxes == ["Reminders", "App", "Appearance", "Language", "Calendar", "Backups"]
    last = screen.sections.itemAt(screen.sections.count() - 1)
    assert last.spacerItem() is not None  # the stretch stays at the bottom
    assert box.accessibleName() == "Backups"


def test_fits_a_small_laptop_screen(qtbot: QtBot, screen: SettingsScreen) -> None:
    """At 1366x768 the sections scroll up and down, never sideways."""
    qtbot.waitUntil(lambda: screen.scroll_area.verticalScrollBar().maximum() > 0)
    assert screen.scroll_area.horizontalScrollBar().maximum() == 0
