"""Accessibility checked, not assumed: the real main window with a realistic learner (the
screenshots' CPC learner three months in, with credentials and CEUs), every screen and every tab
of it, and every dialog that opens without changing data (each answered with Cancel): every
interactive control has a name, can be reached by Tab, and Tab follows reading order."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget, QWizard
from pytestqt.qtbot import QtBot

from studyplanner.core.model import Availability, Blackout, ModuleKind
from studyplanner.core.reminders import Severity
from studyplanner.services.credentials import ceu_statuses
from studyplanner.services.database import Database, open_database
from studyplanner.ui.credentials.credential_card import CredentialCard
from studyplanner.ui.dashboard.dashboard_screen import DashboardScreen
from studyplanner.ui.dashboard.reminders_panel import severity_colour
from studyplanner.ui.plan import timeline_view
from studyplanner.ui.plan.calendar_view import StudyCalendar
from studyplanner.ui.plan.timeline_view import TimelineRow, TimelineView
from studyplanner.ui.settings.backups_panel import ConfirmRestore
from studyplanner.ui.shared.colours import contrast_ratio
from studyplanner.ui.shared.formatting import kind_name, qdate
from studyplanner.ui.shared.theme import dark_palette, light_palette
from studyplanner.ui.window.main_window import SETTINGS, MainWindow
from studyplanner.ui.window.start_problem_dialog import StartProblemDialog
from tests.ui.a11y_audit import Findings, RecordingPainter

ROOT = Path(__file__).resolve().parents[2]


def _screenshots_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "make_screenshots", ROOT / "docs" / "make_screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHOTS = _screenshots_module()


@pytest.fixture
def learner_db(tmp_path: Path) -> Iterator[Database]:
    SHOTS.learner(tmp_path / "data")
    database = open_database(tmp_path / "data")
    yield database
    database.close()


def _settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


class Tour:
    """Visits the window's screens and dialogs, auditing each; a dialog's `exec` is answered
    here: audited while shown, then cancelled (nothing is saved)."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window
        self.findings = Findings()
        self.opened: list[str] = []

    def answer(self, dialog: QDialog) -> QDialog.DialogCode:
        name = type(dialog).__name__
        self.opened.append(name)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        _settle()
        if isinstance(dialog, QWizard):
            for step in range(8):
                self.findings.audit(f"{name} page {step + 1}", dialog)
                next_button = dialog.button(QWizard.WizardButton.NextButton)
                if not (next_button.isVisible() and next_button.isEnabled()):
                    break
                dialog.next()
                _settle()
        else:
            self.audit_tabs(name, dialog)
        dialog.reject()
        return QDialog.DialogCode.Rejected

    def audit_tabs(self, where: str, root: QWidget) -> None:
        """The root as it is, then with each tab of each tab widget in it shown."""
        self.findings.audit(where, root)
        for tabs in root.findChildren(QTabWidget):
            if not tabs.isVisible():
                continue
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                _settle()
                self.findings.audit(f"{where} ▸ {tabs.tabText(index).replace('&', '')}", root)
            tabs.setCurrentIndex(0)

    def screen(self, row: int) -> QWidget:
        screen = self.window.show_screen(row)
        _settle()
        title = self.window.sidebar.item(row).text()
        self.audit_tabs(title, screen)
        return screen

    def window_shown(self, where: str, widget: QWidget) -> None:
        self.qtbot.waitExposed(widget)
        _settle()
        self.opened.append(where)
        self.audit_tabs(where, widget)
        widget.close()


@pytest.mark.allow_modals
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (1024, 600)])
def test_every_screen_and_dialog_is_named_reachable_and_in_reading_order(
    qtbot: QtBot, learner_db: Database, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    window = MainWindow(learner_db, lambda: SHOTS.TODAY)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    tour = Tour(qtbot, window)
    monkeypatch.setattr(QDialog, "exec", lambda dialog: tour.answer(dialog))
    tour.findings.audit("Sidebar", window.sidebar.parentWidget())

    dashboard = tour.screen(0)
    window.dashboard.build_reminders()
    _settle()
    tour.audit_tabs("Dashboard with reminders", dashboard)
    for row in range(1, SETTINGS + 1):
        tour.screen(row)
    window.show_screen(1)
    window.plan_screen.what_if_button.click()  # the live what-if, open
    _settle()
    tour.findings.audit("Plan with the what-if", window.plan_screen)
    window.plan_screen.what_if_button.click()

    window.log_today()  # the session dialog, on today's block
    window.dashboard._on_catch_up()  # the catch-up (replan) dialog
    modules = window.modules_screen
    modules.table.selectRow(5)
    modules.mark_complete()  # the completion dialog
    modules.table.selectRow(0)
    modules.reopen_selected()  # the question before reopening a module done
    window.show_screen(1)
    edits = window.plan_screen.settings
    edits.availability.set_availability(Availability((120, 120, 120, 120, 0, 240, 0)))
    edits.preview_button.click()  # the preview of a changed plan
    credentials = window.credentials_screen
    credentials.add_credential()  # the credential dialog
    credentials.log_activity()  # the CEU activity dialog
    credentials.add_goal()  # the career roadmap
    credentials.close_cycle(credentials.cards[0].status.credential_id)  # the question first
    credentials.show_rules("CPC")
    assert credentials.rules_window is not None
    tour.window_shown("Rules", credentials.rules_window)
    from studyplanner.ui.dashboard.reminders_panel import SnoozeDialog

    SnoozeDialog.ask(SHOTS.TODAY, window)
    window.run_assistant()  # the plan assistant, page by page (cancelled at the end)
    tour.window_shown("Help", window.show_help())
    window.show_about()
    ConfirmRestore.ask(window, "1 Dec 2026 18:00", "a plan, 3 credentials")
    StartProblemDialog.ask("The data file is damaged.", None, True, window, running=True)

    assert set(tour.opened) >= {
        "SessionDialog", "ReplanDialog", "CompletionDialog", "CredentialDialog",
        "ActivityDialog", "Rules", "SnoozeDialog", "PlanAssistant", "Help", "AboutDialog",
        "PreviewDialog", "QMessageBox", "StartProblemDialog", "RoadmapDialog",
    }  # fmt: skip
    assert tour.opened.count("QMessageBox") == 3  # reopen a module, close a cycle, restore
    f = tour.findings
    assert not (f.unnamed or f.unfocusable or f.out_of_order), f.report()


def test_a_learner_behind_plan_tabs_through_the_dashboard_in_reading_order(
    qtbot: QtBot, db: Database, today: date, create_cpc_plan: Any
) -> None:
    """Behind plan, the Progress card's Catch up button shows (below the Today card's rows)."""
    thursday = today - timedelta(days=1)  # a study day
    create_cpc_plan(db, thursday - timedelta(weeks=6))
    screen = DashboardScreen(db, lambda: thursday)
    qtbot.addWidget(screen)
    screen.resize(1176, 700)
    screen.show()
    qtbot.waitExposed(screen)
    screen.refresh()
    screen.build_reminders()
    _settle()
    assert screen.progress_card.catch_up_button.isVisible()
    assert screen.today_card.log_buttons
    findings = Findings()
    findings.audit("Dashboard, behind plan", screen)
    assert not (findings.unnamed or findings.unfocusable or findings.out_of_order), (
        findings.report()
    )


# -- colours: focus and custom-drawn text in the app's Light and Dark palettes -------------------
PALETTES = {"light": light_palette, "dark": dark_palette}
Role = QPalette.ColorRole
TEXT = 4.5
"""WCAG 2 AA for text; 3:1 for the focus frame and other parts that are not text."""


def _ratio(palette: QPalette, fg: QPalette.ColorRole, bg: QPalette.ColorRole) -> float:
    return contrast_ratio(palette.color(fg), palette.color(bg))


@pytest.mark.parametrize("theme", PALETTES)
def test_focus_is_visible(theme: str) -> None:
    """Fusion draws the focus frame and the current item in Highlight, on Base or Window."""
    palette = PALETTES[theme]()
    assert _ratio(palette, Role.Highlight, Role.Base) >= 3
    assert _ratio(palette, Role.Highlight, Role.Window) >= 3


@pytest.mark.parametrize("theme", PALETTES)
def test_the_palettes_text_roles_read_on_their_backgrounds(theme: str) -> None:
    palette = PALETTES[theme]()
    pairs = [
        (Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.Text, Role.AlternateBase),
        (Role.ButtonText, Role.Button), (Role.HighlightedText, Role.Highlight),
        (Role.ToolTipText, Role.ToolTipBase), (Role.PlaceholderText, Role.Base),
        (Role.Link, Role.Base), (Role.LinkVisited, Role.Base), (Role.Link, Role.Window),
    ]  # fmt: skip
    low = {(fg.name, bg.name): round(_ratio(palette, fg, bg), 2) for fg, bg in pairs}
    assert {k: v for k, v in low.items() if v < TEXT} == {}


def _timeline_rows() -> list[TimelineRow]:
    kinds = list(ModuleKind)
    rows = []
    for i, kind in enumerate(kinds * 2):
        start = date(2026, 11, 2) + timedelta(days=30 * (i % len(kinds)))
        rows.append(TimelineRow(f"{kind_name(kind)} {i}", kind, start, start + timedelta(days=40),
                                60 * (20 + i), done=i >= len(kinds)))  # fmt: skip
    return rows


@pytest.mark.parametrize("theme", PALETTES)
def test_timeline_text_has_contrast(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, theme: str
) -> None:
    """Every text the timeline paints (month labels, Today, Target, titles on plain, striped
    and selected rows, hours on each kind's bar, done bars blended) against what is under it."""
    monkeypatch.setattr(timeline_view, "QPainter", RecordingPainter)
    RecordingPainter.records.clear()
    view = TimelineView()
    qtbot.addWidget(view)
    view.setPalette(PALETTES[theme]())
    view.resize(1600, 400)
    days_off = (Blackout(date(2026, 12, 21), date(2027, 1, 3), "Holidays"),)
    view.set_rows(_timeline_rows(), SHOTS.TODAY, date(2027, 4, 30), days_off)
    view.select_row(1)
    view.grab()
    drawn = RecordingPainter.records[-1].contrasts()
    texts = {text for text, _ in drawn}
    assert {"Today", "Target", "20 h", "29 h"} <= texts and len(texts) > 12
    assert {text: round(ratio, 2) for text, ratio in drawn if ratio < TEXT} == {}


@pytest.mark.parametrize("theme", PALETTES)
def test_chart_and_progress_bar_text_has_contrast(
    qtbot: QtBot, learner_db: Database, theme: str
) -> None:
    """The charts' titles, legends and axis labels on the chart's background; the progress
    bars' text (Fusion draws it in Text on the groove and HighlightedText on the chunk); the
    reminders' severity words on the window."""
    screen = DashboardScreen(learner_db, lambda: SHOTS.TODAY)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.refresh()
    palette = PALETTES[theme]()
    screen.setPalette(palette)
    low: dict[str, float] = {}

    def check(what: str, text: QColor, background: QColor) -> None:
        if contrast_ratio(text, background) < TEXT:
            low[what] = round(contrast_ratio(text, background), 2)

    for view in (screen.charts.burn_up, screen.charts.scores, screen.charts.weekly):
        chart = view.chart()
        background = chart.backgroundBrush().color()
        assert background == palette.color(Role.Window)
        check(f"{chart.title()} title", chart.titleBrush().color(), background)
        check(f"{chart.title()} legend", chart.legend().labelColor(), background)
        for axis in chart.axes():
            check(f"{chart.title()} axis labels", axis.labelsBrush().color(), background)
            check(f"{chart.title()} axis title", axis.titleBrush().color(), background)
    bars = [screen.progress_card.bar, screen.week_card.bar]
    card = CredentialCard(ceu_statuses(learner_db, SHOTS.TODAY)[0], "CPC")
    card.setPalette(palette)
    bars.append(card.bar)
    for bar in bars:
        p = bar.palette()
        check(f"{bar.accessibleName()} on groove", p.color(Role.Text), p.color(Role.Base))
        check(f"{bar.accessibleName()} on chunk",
              p.color(Role.HighlightedText), p.color(Role.Highlight))  # fmt: skip
    for severity in Severity:
        check(f"{severity.name} reminder word", severity_colour(severity, palette),
              palette.color(Role.Window))  # fmt: skip
    assert low == {}


@pytest.mark.parametrize("theme", PALETTES)
def test_calendar_hours_have_contrast(qtbot: QtBot, theme: str) -> None:
    """The hours and "off" the Plan's calendar writes in a day's cell, on a plain cell and on
    the selected one (which Qt fills with Highlight)."""
    palette = PALETTES[theme]()
    calendar = StudyCalendar()
    qtbot.addWidget(calendar)
    calendar.setPalette(palette)
    study, other, off = date(2026, 12, 2), date(2026, 12, 3), date(2026, 12, 24)
    calendar.set_days({study: 90, other: 60}, {study: ModuleKind.COURSE, other: ModuleKind.EXAM},
                      (Blackout(date(2026, 12, 21), date(2027, 1, 3), "Holidays"),))  # fmt: skip
    low: dict[str, float] = {}
    for day in (study, other, off):
        for selected in (False, True):
            calendar.setSelectedDate(qdate(day if selected else date(2026, 12, 10)))
            pixmap = QPixmap(120, 60)
            painter = RecordingPainter(pixmap)
            cell = QRect(0, 0, 120, 60)
            painter.fillRect(cell, palette.color(Role.Highlight if selected else Role.Base))
            calendar.paintCell(painter, cell, qdate(day))
            painter.end()
            for text, ratio in painter.record.contrasts():
                if ratio < TEXT:
                    low[f"{text} on {day}{' (selected)' if selected else ''}"] = round(ratio, 2)
    assert low == {}
