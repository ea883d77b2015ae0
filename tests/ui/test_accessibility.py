"""Accessibility checked, not assumed: the real main window with a realistic learner (the
screenshots' CPC learner three months in, with credentials and CEUs), every screen and every tab
of it, and every dialog that opens without changing data (each answered with Cancel): every
interactive control has a name, can be reached by Tab, and Tab follows reading order."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget, QWizard
from pytestqt.qtbot import QtBot

from studyplanner.services.database import Database, open_database
from studyplanner.ui.main_window import SETTINGS, MainWindow
from tests.ui.a11y_audit import Findings

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
def test_every_screen_and_dialog_is_named_reachable_and_in_reading_order(
    qtbot: QtBot, learner_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(learner_db, lambda: SHOTS.TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
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

    window.log_today()  # the session dialog, on today's block
    window.dashboard._on_catch_up()  # the catch-up (replan) dialog
    modules = window.modules_screen
    modules.table.selectRow(5)
    modules.mark_complete()  # the completion dialog
    credentials = window.credentials_screen
    credentials.add_credential()  # the credential dialog
    credentials.log_activity()  # the CEU activity dialog
    credentials.show_rules("CPC")
    assert credentials.rules_window is not None
    tour.window_shown("Rules", credentials.rules_window)
    from studyplanner.ui.reminders_panel import SnoozeDialog

    SnoozeDialog.ask(SHOTS.TODAY, window)
    window.run_assistant()  # the plan assistant, page by page (cancelled at the end)
    tour.window_shown("Help", window.show_help())
    window.show_about()

    assert set(tour.opened) >= {
        "SessionDialog", "ReplanDialog", "CompletionDialog", "CredentialDialog",
        "ActivityDialog", "Rules", "SnoozeDialog", "PlanAssistant", "Help", "AboutDialog",
    }  # fmt: skip
    f = tour.findings
    assert not (f.unnamed or f.unfocusable or f.out_of_order), f.report()
