"""The reminders panel and the tray, on a real database: a CPC whose cycle ends in 20 days with
every CEU missing gives an urgent shortfall, a cycle-end soon and an open submission window."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from studyplanner.core.reminder_reasons import ModuleOverdue
from studyplanner.core.reminders import Reminder, ReminderKind, Severity
from studyplanner.services import credentials as creds
from studyplanner.services import reminders
from studyplanner.services.database import Database
from studyplanner.services.settings import AppSettings
from studyplanner.ui.dashboard.reminders_panel import (
    ReminderRow,
    RemindersPanel,
    SnoozeDialog,
)
from studyplanner.ui.shared.formatting import format_date
from studyplanner.ui.window.language import install_language
from studyplanner.ui.window.tray import Tray, should_keep_running_on_close


def _short_cycle(db: Database, today: date) -> None:
    creds.add_credential(
        db, "CPC", date(2024, 12, 17), today, cycle_start=date(2024, 12, 17),
        cycle_end=today + timedelta(days=20), required=Decimal(36),
    )  # fmt: skip


def _keys(db: Database, day: date) -> list[str]:
    return [r.key for r in reminders.current_reminders(db, day)]


def _panel(qtbot: QtBot, db: Database, today: date) -> RemindersPanel:
    panel = RemindersPanel(db, lambda: today)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _row(panel: RemindersPanel, prefix: str) -> ReminderRow:
    return next(row for row in panel.rows if row.reminder.key.startswith(prefix))


@pytest.fixture
def panel(qtbot: QtBot, db: Database, today: date) -> RemindersPanel:
    _short_cycle(db, today)
    return _panel(qtbot, db, today)


# -- the panel ------------------------------------------------------------------------------------


def test_panel_lists_the_reminders_most_urgent_first(panel: RemindersPanel, today: date) -> None:
    kinds = [row.reminder.kind for row in panel.rows]
    assert kinds[0] is ReminderKind.CEU_SHORTFALL
    assert {ReminderKind.CEU_SHORTFALL, ReminderKind.SUBMISSION} <= set(kinds)
    assert panel.count() == len(panel.rows) == len(kinds)
    first = panel.rows[0]
    assert first.reminder.severity is Severity.URGENT
    assert first.word.accessibleName() == "Urgent"  # a word beside the colour and the icon
    assert not first.picture.pixmap().isNull()
    end = today + timedelta(days=20)
    assert first.when.text() == f"Due {format_date(end)}"
    assert end.isoformat() not in first.message.text()  # dates in the user's locale
    assert format_date(end) in first.message.text()
    assert first.accessibleName().startswith("Urgent: CPC: 36 of 36 CEUs still missing")
    assert first.dismiss_button.accessibleName() == "Dismiss"
    assert first.dismiss_button.accessibleDescription() == first.message.text()
    assert panel.summary.text() == f"{panel.count()} reminders, 1 urgent"
    assert not panel.empty.isVisible()
    assert not panel.undo_button.isVisible()
    # every button is reachable with the keyboard
    assert all(row.dismiss_button.focusPolicy() & Qt.FocusPolicy.TabFocus for row in panel.rows)
    assert all(row.snooze_button.focusPolicy() & Qt.FocusPolicy.TabFocus for row in panel.rows)


def test_empty_panel_says_nothing_needs_attention(qtbot: QtBot, db: Database, today: date) -> None:
    panel = _panel(qtbot, db, today)
    assert panel.count() == 0
    assert panel.empty.isVisible()
    assert panel.empty_text.text() == "Nothing needs your attention."
    assert not panel.list_box.isVisible()
    assert not panel.summary.isVisible()


def test_dismiss_by_clicking_hides_it_for_good(
    qtbot: QtBot, panel: RemindersPanel, db: Database, today: date
) -> None:
    before = panel.count()
    row = _row(panel, "ceu-shortfall:")
    key = row.reminder.key
    with qtbot.waitSignal(panel.count_changed) as blocker:
        qtbot.mouseClick(row.dismiss_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [before - 1]
    assert key not in [r.reminder.key for r in panel.rows]
    assert panel.message.text().startswith("Dismissed: CPC: 36 of 36 CEUs still missing")
    assert panel.undo_button.isVisible()
    assert key not in _keys(db, today)
    again = _panel(qtbot, db, today)  # a new panel reads the stored dismissal
    assert key not in [r.reminder.key for r in again.rows]
    assert again.count() == before - 1


def test_snooze_for_a_week_persists_with_the_right_date(
    qtbot: QtBot, panel: RemindersPanel, db: Database, today: date
) -> None:
    row = _row(panel, "submission:")
    key = row.reminder.key
    week = next(a for a in row.snooze_menu.actions() if a.text() == "For 1 week")
    with qtbot.waitSignal(panel.count_changed):
        week.trigger()
    back = today + timedelta(days=7)
    assert panel.message.text().startswith(f"Snoozed until {format_date(back)}:")
    assert key not in [r.reminder.key for r in panel.rows]
    assert key not in _keys(db, back - timedelta(days=1))
    assert key in _keys(db, back)  # shows again on the chosen day
    assert key not in [r.reminder.key for r in _panel(qtbot, db, today).rows]


def test_snooze_until_a_date_asks_through_the_dialog_seam(
    qtbot: QtBot, panel: RemindersPanel, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[date] = []

    def ask(day: date, parent: Any = None) -> date:
        asked.append(day)
        return today + timedelta(days=3)

    monkeypatch.setattr(SnoozeDialog, "ask", ask)
    row = _row(panel, "submission:")
    key = row.reminder.key
    row.snooze_menu.actions()[2].trigger()  # "Until a date…"
    assert asked == [today]
    assert key not in _keys(db, today + timedelta(days=2))
    assert key in _keys(db, today + timedelta(days=3))
    monkeypatch.setattr(SnoozeDialog, "ask", lambda day, parent=None: None)  # cancelled
    count = panel.count()
    _row(panel, "ceu-shortfall:").snooze_menu.actions()[2].trigger()
    assert panel.count() == count


def test_undo_brings_back_the_last_dismissal_or_snooze(
    qtbot: QtBot, panel: RemindersPanel, db: Database, today: date
) -> None:
    counts: list[int] = []
    panel.count_changed.connect(counts.append)
    total = panel.count()
    shortfall = _row(panel, "ceu-shortfall:").reminder.key
    submission = _row(panel, "submission:").reminder.key
    panel.dismiss(_row(panel, "ceu-shortfall:").reminder)
    panel.snooze_for(_row(panel, "submission:").reminder, 1)
    assert counts == [total - 1, total - 2]
    # Ctrl+Z while the panel has the focus: the snooze goes first
    panel.activateWindow()
    panel.undo_button.setFocus()
    qtbot.waitUntil(lambda: panel.undo_button.hasFocus())
    qtbot.keyClick(panel.undo_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: submission in _keys(db, today))
    assert shortfall not in _keys(db, today)
    assert panel.message.text().startswith("Back: CPC: AAPC's submission window is open")
    assert counts == [total - 1, total - 2, total - 1]
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert shortfall in _keys(db, today)
    assert panel.count() == total
    assert counts == [total - 1, total - 2, total - 1, total]
    assert not panel.undo_button.isVisible()
    assert not panel.undo()  # nothing left to undo
    panel.refresh()  # same reminders: no signal
    assert counts == [total - 1, total - 2, total - 1, total]


def test_keyboard_stays_in_the_panel_after_a_dismissal(qtbot: QtBot, panel: RemindersPanel) -> None:
    panel.activateWindow()
    panel.rows[0].dismiss_button.setFocus()
    qtbot.waitUntil(lambda: panel.rows[0].dismiss_button.hasFocus())
    qtbot.keyClick(panel.rows[0].dismiss_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.rows[0].dismiss_button)


def test_a_new_day_refreshes_the_panel(qtbot: QtBot, db: Database, today: date) -> None:
    _short_cycle(db, today)
    days = [today]
    panel = RemindersPanel(db, lambda: days[-1])
    qtbot.addWidget(panel)
    assert not any(r.key.startswith("cycle-end:") for r in panel.reminders())
    days.append(today + timedelta(days=14))  # 6 days left: the cycle-end reminder is due
    panel._check_day()
    assert any(r.key.startswith("cycle-end:") for r in panel.reminders())


def test_snooze_dialog_offers_days_after_today(qtbot: QtBot, today: date) -> None:
    dialog = SnoozeDialog(today)
    qtbot.addWidget(dialog)
    assert dialog.value() == today + timedelta(days=7)
    assert dialog.ok_button.isEnabled()
    dialog.day.setDate(dialog.day.minimumDate())
    assert dialog.value() == today + timedelta(days=1)
    assert dialog.problems() == []


def test_a_date_in_a_module_title_is_shown_as_typed(qtbot: QtBot, today: date) -> None:
    """The title is the learner's: a date in it stays as typed; the due date is the locale's."""
    due = today - timedelta(days=3)
    title = "Mock exam 2026-12-17 (retake 2026-13-45)"
    reminder = Reminder(
        f"module-overdue:7:{due.isoformat()}", ReminderKind.MODULE_OVERDUE, Severity.WARNING,
        due, ModuleOverdue(title, due, 3),
    )  # fmt: skip
    row = ReminderRow(reminder, today)
    qtbot.addWidget(row)
    assert row.message.text() == (
        f"“{title}” was due 3 days ago ({format_date(due)}); mark it complete or re-plan."
    )
    assert due.isoformat() not in row.message.text()


def test_the_panel_in_spanish_shows_spanish_reminders_with_local_dates(
    qtbot: QtBot, db: Database, today: date
) -> None:
    _short_cycle(db, today)
    spanish = install_language("es")
    try:
        assert QLocale().language() is QLocale.Language.Spanish
        panel = _panel(qtbot, db, today)
        end = today + timedelta(days=20)
        first = panel.rows[0].message.text()
        assert first == (
            f"CPC: faltan aún 36 de 36 CEU; el ciclo termina en 20 días ({format_date(end)})"
            " (unos 52,2 al mes)."
        )  # the locale's date and decimal comma
        assert format_date(end) != end.isoformat()
        texts = [row.message.text() for row in panel.rows]
        assert any(t.startswith("CPC: el periodo de presentación de AAPC") for t in texts), texts
        assert not any(re.search(r"\b(the|your|is|ends|cycle)\b", t) for t in texts), texts
    finally:
        spanish.remove()


# -- the tray -------------------------------------------------------------------------------------


def test_no_tray_where_the_desktop_has_none(qtbot: QtBot) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen
    assert Tray.create() is None
    assert not should_keep_running_on_close(AppSettings(keep_in_tray=True), None)


@pytest.fixture
def tray(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Tray]:
    created = Tray.create(available=lambda: True)
    assert created is not None
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    yield created
    created.hide()
    created.deleteLater()


class Messages:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str, QSystemTrayIcon.MessageIcon]] = []

    def __call__(self, title: str, text: str, kind: Any = None, msecs: int = 0) -> None:
        self.calls.append((title, text, kind))


def test_tray_menu_emits_its_signals(qtbot: QtBot, tray: Tray) -> None:
    assert [a.text() for a in tray.menu.actions() if a.text()] == [
        "&Open Study Planner", "&Log a session…", "&Quit",
    ]  # fmt: skip
    for action, signal in (
        (tray.open_action, tray.open_requested),
        (tray.log_action, tray.log_requested),
        (tray.quit_action, tray.quit_requested),
    ):
        with qtbot.waitSignal(signal):
            action.trigger()
    with qtbot.waitSignal(tray.open_requested):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert should_keep_running_on_close(AppSettings(keep_in_tray=True), tray)
    assert not should_keep_running_on_close(AppSettings(keep_in_tray=False), tray)


def test_tray_shows_the_number_of_reminders(tray: Tray, panel: RemindersPanel) -> None:
    assert tray.icon.toolTip() == "Study Planner: nothing needs your attention"
    panel.count_changed.connect(tray.set_count)
    tray.set_count(panel.count())
    assert tray.icon.toolTip() == f"Study Planner: {panel.count()} reminders"
    assert not tray.icon.icon().isNull()
    panel.dismiss(panel.rows[0].reminder)
    assert tray.count() == panel.count()
    tray.set_count(1)
    assert tray.icon.toolTip() == "Study Planner: 1 reminder"


def test_notify_new_shows_each_key_once(
    tray: Tray, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    _short_cycle(db, today)
    messages = Messages()
    monkeypatch.setattr(tray.icon, "showMessage", messages)
    due = reminders.current_reminders(db, today)
    assert len(due) > 1
    shown = tray.notify_new(db, today)
    assert [r.key for r in shown] == [r.key for r in due]
    assert len(messages.calls) == 1  # one message for all: a burst would overwrite itself
    assert messages.calls[0][1].endswith(
        f"and {len(due) - 1} more: open Study Planner to see them."
    )
    assert messages.calls[0][0] == "Study Planner: needs attention"
    assert messages.calls[0][2] == QSystemTrayIcon.MessageIcon.Critical  # urgent
    assert format_date(today + timedelta(days=20)) in messages.calls[0][1]
    assert set(reminders.notified_keys(db.data_dir)) == {r.key for r in due}
    assert tray.notify_new(db, today) == []  # never twice
    assert len(messages.calls) == 1
    # a week later the shortfall reaches a new stage: only that new key is shown
    later = today + timedelta(days=13)
    new = [r.key for r in tray.notify_new(db, later)]
    assert new and all(k not in {r.key for r in due} for k in new)
    assert len(messages.calls) == 2


def test_tray_skips_what_the_login_agent_already_sent(
    tray: Tray, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    _short_cycle(db, today)
    messages = Messages()
    monkeypatch.setattr(tray.icon, "showMessage", messages)
    due = reminders.current_reminders(db, today)
    reminders.remember_notified(db.data_dir, [due[0].key], today)  # as the agent does
    shown = tray.notify_new(db, today)
    assert [r.key for r in shown] == [r.key for r in due[1:]]
    assert len(messages.calls) == 1


def test_many_new_reminders_make_one_summary_message(
    tray: Tray, db: Database, today: date, monkeypatch: pytest.MonkeyPatch, create_cpc_plan: Any
) -> None:
    create_cpc_plan(db, today - timedelta(days=60))  # modules overdue, no study logged
    _short_cycle(db, today)
    messages = Messages()
    monkeypatch.setattr(tray.icon, "showMessage", messages)
    shown = tray.notify_new(db, today)
    assert len(shown) > 3
    assert len(messages.calls) == 1
    assert messages.calls[0][1].endswith(
        f"and {len(shown) - 1} more: open Study Planner to see them."
    )
    assert messages.calls[0][2] == QSystemTrayIcon.MessageIcon.Critical  # the worst one leads
    assert set(reminders.notified_keys(db.data_dir)) == {r.key for r in shown}


def test_without_message_support_nothing_is_marked_sent(
    tray: Tray, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    _short_cycle(db, today)
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: False))
    assert tray.notify_new(db, today) == []
    assert reminders.notified_keys(db.data_dir) == {}  # left for the login agent


# -- a plan far behind ----------------------------------------------------------------------------


def _far_behind(db: Database, today: date) -> None:
    from studyplanner.core.model import Availability
    from studyplanner.services.plans import create_plan
    from studyplanner.services.snapshots import NewPlan, PlanSettings

    start = today - timedelta(days=900)
    settings = PlanSettings(start=start, availability=Availability((120,) * 7), weekly_minutes=840)
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), start)


def test_pages_of_reminders_say_how_many_are_left(
    qtbot: QtBot, db: Database, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With pages of 5: "Show 5 more (n not shown)" until the last page, which shows the rest."""
    from studyplanner.ui.dashboard import reminders_panel

    monkeypatch.setattr(reminders_panel, "PAGE", 5)
    _far_behind(db, today)
    found = reminders.current_reminders(db, today)
    panel = _panel(qtbot, db, today)
    shown = 5
    while shown < len(found):
        assert len(panel.rows) == shown
        left = len(found) - shown
        expected = f"Show 5 more ({left} not shown)" if left > 5 else f"Show the other {left}"
        assert panel.more_button.text() == expected
        qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
        shown += 5
    assert [row.reminder for row in panel.rows] == found
    assert not panel.more_button.isVisible()


def test_a_plan_far_behind_shows_its_reminders_a_page_at_a_time(
    qtbot: QtBot, db: Database, today: date
) -> None:
    """Two years behind on the CPC program: every module is overdue. The panel builds the
    first page of rows (a widget per reminder made every screen switch slow at heavy data),
    names how many are not shown, and builds the next page on request, the keyboard moving
    to its first row; acting on a reminder keeps the pages already opened."""
    from studyplanner.ui.dashboard.reminders_panel import PAGE

    _far_behind(db, today)
    found = reminders.current_reminders(db, today)
    overdue = [r for r in found if r.kind is ReminderKind.MODULE_OVERDUE]
    assert len(overdue) > PAGE  # more than a page, less than two
    assert len(found) < 2 * PAGE
    panel = _panel(qtbot, db, today)

    assert panel.count() == len(found)
    assert [row.reminder for row in panel.rows] == found[:PAGE]
    hidden = len(found) - PAGE
    assert panel.more_button.isVisible()
    assert panel.more_button.text() == f"Show the other {hidden}"
    assert panel.summary.text().startswith(f"{len(found)} reminders")

    panel.more_button.setFocus()
    qtbot.keyClick(panel.more_button, Qt.Key.Key_Space)
    assert [row.reminder for row in panel.rows] == found
    assert not panel.more_button.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.rows[PAGE].dismiss_button)

    last = panel.rows[-1]
    qtbot.mouseClick(last.dismiss_button, Qt.MouseButton.LeftButton)
    assert panel.count() == len(found) - 1
    assert [row.reminder for row in panel.rows] == [r for r in found if r != last.reminder]
    assert not panel.more_button.isVisible()


# -- read on the worker ---------------------------------------------------------------------------


def test_a_background_read_shows_what_the_service_says_once_read(
    qtbot: QtBot, panel: RemindersPanel, db: Database, today: date
) -> None:
    """The hidden Dashboard's reminders after an action are read on the worker: the panel
    changes when the read comes back, and then says what the service says."""
    before = panel.reminders()
    key = before[0].key
    reminders.dismiss(db, key)  # a write the panel has not read yet
    with qtbot.waitSignal(panel.count_changed, timeout=10_000) as counted:
        panel.refresh_in_background()
        assert panel.reading() and panel.reminders() == before  # not read yet
    assert counted.args == [len(before) - 1]
    assert not panel.reading()
    assert [r.key for r in panel.reminders()] == _keys(db, today)


def test_a_refresh_made_meanwhile_wins_over_an_older_background_read(
    qtbot: QtBot, panel: RemindersPanel, monkeypatch: pytest.MonkeyPatch, db: Database, today: date
) -> None:
    """A read on the worker that a refresh on the GUI thread overtook is not shown: here the
    worker's read would say "nothing due", and the panel keeps what the refresh read."""
    import threading

    from studyplanner.ui.dashboard import reminders_panel
    from studyplanner.ui.shared.background_job import worker

    gui = threading.get_ident()
    real = reminders_panel.current_reminders

    def by_thread(db_: Database, day: date) -> list[Reminder]:
        return real(db_, day) if threading.get_ident() == gui else []

    monkeypatch.setattr(reminders_panel, "current_reminders", by_thread)
    shown = panel.reminders()
    assert shown
    panel.refresh_in_background()
    panel.refresh()
    assert not panel.reading()
    assert worker().waitForDone(10_000)
    QApplication.processEvents()  # the worker's report, queued to the GUI thread: dropped
    assert panel.reminders() == shown
