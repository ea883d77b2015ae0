"""Busy time from calendars on the Plan screen: import -> preview -> accept or decline."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studyplanner.core.model import Availability
from studyplanner.services import busy_time
from studyplanner.services.database import Database
from studyplanner.services.plans import active_plan, create_plan
from studyplanner.services.snapshots import NewPlan, PlanPreview, PlanSettings
from studyplanner.ui.plan.busy_calendars import BusyCalendarsDialog
from studyplanner.ui.shared import preview_dialog
from studyplanner.ui.window.main_window import MainWindow
from tests.services.busy_ics import EVERY_DAY_FOR_A_MONTH

START = date(2027, 1, 4)


class Answer:
    def __init__(self, accept: bool) -> None:
        self.accept = accept
        self.previews: list[PlanPreview] = []

    def __call__(self, preview: PlanPreview, *args: object) -> bool:
        self.previews.append(preview)
        return self.accept


@pytest.fixture
def window(qtbot: QtBot, db: Database, today: date) -> MainWindow:
    settings = PlanSettings(
        start=START, availability=Availability((90, 90, 90, 90, 0, 240, 0)), weekly_minutes=600
    )
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), today)
    win = MainWindow(db, lambda: today)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.show_screen(1)
    return win


def _open(qtbot: QtBot, window: MainWindow) -> BusyCalendarsDialog:
    screen = window.plan_screen
    screen.tabs.setCurrentIndex(3)  # Availability and dates
    button = screen.settings.busy_button
    assert button.isEnabled() and button.accessibleName() == "Busy time from calendars"
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # reachable from the keyboard
    dialog = screen.findChild(BusyCalendarsDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def _import(qtbot: QtBot, dialog: BusyCalendarsDialog, path: Path) -> None:
    dialog.choose_files = lambda subscribe: [path]  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.jobs.busy() and dialog.message.isVisibleTo(dialog))


def test_import_preview_accept_changes_the_plan(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    today: date,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = active_plan(db, today)
    assert before is not None and before.schedule.finish is not None
    answer = Answer(accept=True)
    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", answer)
    path = tmp_path / "family.ics"
    path.write_bytes(EVERY_DAY_FOR_A_MONTH)
    dialog = _open(qtbot, window)
    assert dialog.empty.isVisibleTo(dialog) and not dialog.remove_button.isEnabled()
    with qtbot.waitSignal(window.plan_screen.plan_changed):
        _import(qtbot, dialog, path)
    (preview,) = answer.previews
    after = active_plan(db, today)
    assert after is not None and after.schedule.finish == preview.schedule.finish
    assert after.schedule.finish is not None and after.schedule.finish > before.schedule.finish
    january = {START + timedelta(days=n) for n in range(31)}
    assert not january & {b.day for b in after.schedule.blocks}
    assert dialog.sources.count() == 1
    assert dialog.sources.item(0).text().startswith("family.ics\n31 events, 744 h busy")
    assert "Saved" in dialog.message.text()
    summary = window.plan_screen.settings.busy_summary.text()
    assert summary == "Busy time from calendars: 744 h on 31 days."
    assert window.plan_screen.history.model.rowCount() == 2

    # and away again: remove, preview, accept
    dialog.sources.item(0).setSelected(True)
    assert dialog.remove_button.isEnabled()
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    again = active_plan(db, today)
    assert again is not None and again.schedule.finish == before.schedule.finish
    assert dialog.empty.isVisibleTo(dialog)


def test_declining_the_preview_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    today: date,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = active_plan(db, today)
    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", Answer(accept=False))
    path = tmp_path / "family.ics"
    path.write_bytes(EVERY_DAY_FOR_A_MONTH)
    dialog = _open(qtbot, window)
    _import(qtbot, dialog, path)
    assert dialog.message.text() == "Nothing was changed."
    assert active_plan(db, today) == before
    assert busy_time.busy_sources(db) == ()
    assert dialog.sources.count() == 0


def test_a_bad_file_is_named_with_its_problem(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    today: date,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = active_plan(db, today)
    answer = Answer(accept=True)
    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", answer)
    path = tmp_path / "notes.ics"
    path.write_text("Shift on Monday 9 to 5\n")
    dialog = _open(qtbot, window)
    _import(qtbot, dialog, path)
    assert answer.previews == []
    assert dialog.message.text() == (
        "notes.ics: This is not an iCalendar file: it does not begin with BEGIN:VCALENDAR. "
        "Nothing was changed."
    )
    assert active_plan(db, today) == before


def test_the_dialog_is_named_reachable_and_in_reading_order(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    today: date,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.ui.a11y_audit import Findings

    monkeypatch.setattr(preview_dialog.PreviewDialog, "ask", Answer(accept=True))
    path = tmp_path / "shifts.ics"
    path.write_bytes(EVERY_DAY_FOR_A_MONTH)
    dialog = _open(qtbot, window)
    findings = Findings()
    findings.audit("Busy time (empty)", dialog)
    dialog.choose_files = lambda subscribe: [path]  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.subscribe_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisibleTo(dialog))
    assert dialog.reread_button.isEnabled()
    assert "(subscribed, read on" in dialog.sources.item(0).text()
    findings.audit("Busy time (a calendar)", dialog)
    assert not (findings.unnamed or findings.unfocusable or findings.out_of_order), (
        findings.report()
    )
    with qtbot.waitSignal(dialog.changed):  # re-read: the same file, the same plan
        qtbot.mouseClick(dialog.reread_button, Qt.MouseButton.LeftButton)


def test_the_dialog_and_its_refusals_are_in_spanish(
    qtbot: QtBot, db: Database, today: date, tmp_path: Path
) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale

    from studyplanner.ui.plan.busy_words import refusal_text
    from studyplanner.ui.window.language import install_language

    settings = PlanSettings(
        start=START, availability=Availability((90, 90, 90, 90, 0, 240, 0)), weekly_minutes=600
    )
    create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), today)
    path = tmp_path / "turnos.ics"
    path.write_bytes(EVERY_DAY_FOR_A_MONTH)
    busy_time.accept(db, busy_time.preview_import(db, [path], today), today)
    installed = install_language("es")
    try:
        assert QCoreApplication.translate("", "&Help") == "Ay&uda"
        dialog = BusyCalendarsDialog(db, lambda: today)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Tiempo ocupado de los calendarios"
        assert dialog.reread_button.text() == "&Volver a leer los calendarios"
        assert dialog.sources.item(0).text().startswith("turnos.ics\n31 eventos, 744 h ocupadas")
        assert refusal_text("binary", {"name": "foto.ics"}) == (
            "foto.ics: Esto no es un calendario: el archivo no es de texto. No se cambió nada."
        )
        assert refusal_text("too_many_events", {"count": 25000, "limit": 20000}).startswith(
            f"El archivo tiene {QLocale().toString(25000)} eventos"
        )
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.system())
