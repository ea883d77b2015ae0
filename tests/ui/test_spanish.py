"""The app in Spanish: with the Spanish translation installed, every screen of the real main
window with a realistic learner, and its main dialogs, show no English message of the .ts whose
Spanish differs, and no text with English words once the learner's own data and the shipped data
(track templates and credential rules, English as published) are taken out. Reminders and the
rule lines of a CEU cycle are data in core (codes and values) and must show in Spanish too."""

from __future__ import annotations

import importlib.util
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QWidget,
    QWizard,
    QWizardPage,
)
from pytestqt.qtbot import QtBot

from studyplanner.bundled import credential_rules
from studyplanner.services.database import Database, open_database
from studyplanner.services.progress import list_sessions, module_statuses
from studyplanner.ui.credentials.ceu_rule_words import link_title
from studyplanner.ui.window.language import Translation, install_language

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "studyplanner_es.ts"


def _english_sources() -> set[str]:
    """Each English source whose Spanish differs (a text that is the same in both, like "Plan"
    or "{h} h", proves nothing)."""
    found = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        if source.strip() and source != (message.findtext("translation") or ""):
            found.add(source)
            found.add(source.replace("&", ""))
    return found


ENGLISH = _english_sources()


def _shots() -> Any:
    spec = importlib.util.spec_from_file_location("shots", ROOT / "docs" / "make_screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHOTS = _shots()
TODAY = SHOTS.TODAY


@pytest.fixture
def spanish() -> Iterator[Translation]:
    installed = install_language("es")
    assert QCoreApplication.translate("", "&Help") == "Ay&uda"
    yield installed
    installed.remove()


@pytest.fixture
def learner_db(tmp_path: Path) -> Iterator[Database]:
    SHOTS.learner(tmp_path / "data")
    database = open_database(tmp_path / "data")
    yield database
    database.close()


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list widget's own model (its items are read one by one)
        return
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(QModelIndex()), 40)):
        for column in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(model.index(row, column), role)
                if isinstance(value, str):
                    yield value


def texts_of(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every text a person sees or hears in `root` and its children."""
    for widget in (root, *root.findChildren(QWidget)):
        where = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()!r}"
        yield where, widget.windowTitle()
        yield where, widget.toolTip()
        yield where, widget.accessibleName()
        yield where, widget.accessibleDescription()
        if isinstance(widget, QLabel):
            yield where, widget.text()
        if isinstance(widget, QAbstractButton):
            yield where, widget.text()
        if isinstance(widget, QGroupBox):
            yield where, widget.title()
        if isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield where, widget.tabText(i)
                yield where, widget.tabToolTip(i)
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield where, widget.itemText(i)
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                yield where, widget.item(i).text()
        if isinstance(widget, QAbstractItemView):
            for text in _model_texts(widget):
                yield where, text
        if isinstance(widget, QWizardPage):
            yield where, widget.title()
            yield where, widget.subTitle()
        if isinstance(widget, QWizard):
            for button in QWizard.WizardButton:
                if button.value <= QWizard.WizardButton.CustomButton3.value:
                    yield where, widget.buttonText(button)
    for action in root.findChildren(QAction):
        yield f"action {action.text()!r}", action.text()
        yield f"action {action.text()!r}", action.toolTip()


TAG = re.compile(r"<[^>]+>")
ENGLISH_WORDS = re.compile(
    r"\b(the|your|you|is|are|was|with|and|of|this|to|for|not|in|on|at|by|days|hours|week|"
    r"left|done|due|yet|no longer|before|after|study|log|ahead|behind|created|changed|module|"
    r"modules|sessions?|credentials?|reminders?|today|tomorrow|yesterday|none|minutes|weeks|"
    r"months?|exams?|practice|course|lesson|dates?|cycles?|start|finish|save|open|close|delete|"
    r"edit|add|remove|undo|settings|backups?|export|import|planned|earned|required)\b"
)
"""Words of English sentences that no Spanish sentence has."""
PATH = re.compile(r"\S*[/\\]\S*")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def shipped_data() -> list[str]:
    """Every text of the track templates and the credential rules (English as the bodies and
    programs publish them: data, not messages of the app)."""
    found = []
    for path in (ROOT / "resources" / "tracks").glob("*.json"):
        found += _strings(json.loads(path.read_text(encoding="utf-8")))
    found += _strings(credential_rules())
    # as the Rules window and the cards' tooltips show them: a page by the title its address
    # gives, a rule's words without the rule book's notes to the researcher
    found += [link_title(s.split(" ", 1)[0]) for s in found if s.startswith("https://")]
    found += [re.sub(r"\s*\([^)]*\bverify\b[^)]*\)", "", s) for s in found]
    return found


class Checker:
    def __init__(self, db: Database, data_dir: Path) -> None:
        learner_data = [m.title for m in module_statuses(db, TODAY)]
        learner_data += [s.note for s in list_sessions(db) if s.note]
        learner_data.append(str(data_dir))
        known = [*shipped_data(), *learner_data]
        self.known = sorted({t for t in known if len(t) > 3}, key=len, reverse=True)

    def untranslated(self, root: QWidget) -> set[str]:
        found = set()
        for where, text in texts_of(root):
            plain = TAG.sub("", text).strip()
            for candidate in {text, plain, plain.replace("&", "")}:
                if candidate in ENGLISH:
                    found.add(f"{where}: {candidate!r}")
            for known in self.known:
                plain = plain.replace(known, "")
            plain = PATH.sub("", plain)  # file names and links are not words
            if ENGLISH_WORDS.search(plain):
                found.add(f"{where}: English words in {text!r}")
        return found


class DialogCollector:
    """Every dialog the window opens with exec(): its texts are checked and it is cancelled (a
    wizard is walked to its last page first)."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self.seen: list[str] = []
        self.found: set[str] = set()

    def exec(self, dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        self.seen.append(type(dialog).__name__)
        self.found |= self.checker.untranslated(dialog)
        if isinstance(dialog, QWizard):
            while dialog.currentPage() is not None and not dialog.currentPage().isFinalPage():
                dialog.next()
                QApplication.processEvents()
                self.found |= self.checker.untranslated(dialog)
        dialog.reject()
        return int(QDialog.DialogCode.Rejected)


def test_every_screen_and_main_dialog_is_in_spanish(
    spanish: Translation,
    learner_db: Database,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from studyplanner.ui.window.main_window import MainWindow

    checker = Checker(learner_db, tmp_path / "data")
    collector = DialogCollector(checker)
    monkeypatch.setattr(QDialog, "exec", lambda dialog: collector.exec(dialog))
    window = MainWindow(learner_db, lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    found: set[str] = set()
    for row in range(6):
        screen = window.show_screen(row)
        QApplication.processEvents()
        if row == 0:
            window.dashboard.build_reminders()
            QApplication.processEvents()
        found |= checker.untranslated(screen)
    found |= checker.untranslated(window)
    plan_screen = window.show_screen(1)
    plan_screen.what_if_button.click()  # the live what-if, trying a change
    plan_screen.what_if.days[6].click()
    plan_screen.what_if.flush()
    found |= checker.untranslated(plan_screen)
    plan_screen.what_if_button.click()

    window.log_action.trigger()  # the study session dialog
    modules = window.show_screen(2)
    for row in range(10):  # the first module not done yet
        modules.table.selectRow(row)
        if modules.complete_button.isEnabled():
            modules.complete_button.click()
            break
    credentials = window.show_screen(4)
    credentials.add_button.click()
    credentials.log_button.click()
    children = credentials.findChildren(QWidget)
    for button_name in ("edit_button", "close_button", "rules_button"):
        for widget in children:
            button = getattr(widget, button_name, None)
            if isinstance(button, QAbstractButton) and button.isEnabled():
                button.click()
                break
    window.dashboard.progress_card.catch_up_button.click()
    window.show_screen(0)
    rows = [w for w in window.dashboard.findChildren(QWidget) if hasattr(w, "snooze_menu")]
    assert rows, "the learner has a reminder"
    rows[0].snooze_menu.actions()[-1].trigger()  # Until a date…: the snooze dialog
    window.show_about()
    found |= checker.untranslated(window.show_help())
    rules = [  # this window's (an earlier test's English window may still be alive)
        w
        for w in QApplication.topLevelWidgets()
        if type(w).__name__ == "RulesWindow" and _owned_by(w, window)
    ]
    assert rules, "the Rules window of a credential"
    for shown in rules:
        found |= checker.untranslated(shown)
        shown.close()
    found |= collector.found
    assert {"SessionDialog", "CompletionDialog", "CredentialDialog", "ActivityDialog",
            "ReplanDialog", "AboutDialog", "SnoozeDialog"} <= set(collector.seen)  # fmt: skip
    assert sorted(found) == []


def test_the_plan_assistant_is_in_spanish(
    spanish: Translation, db: Database, tmp_path: Path, qtbot: QtBot
) -> None:
    from studyplanner.ui.plan.assistant import PlanAssistant

    checker = Checker(db, tmp_path / "data")
    wizard = PlanAssistant(db, TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    found = checker.untranslated(wizard)
    for _page in range(3):
        wizard.next()
        QApplication.processEvents()
        found |= checker.untranslated(wizard)
    assert sorted(found) == []


@pytest.mark.parametrize("running", [False, True])
def test_the_damaged_data_window_is_in_spanish(
    spanish: Translation, db: Database, tmp_path: Path, qtbot: QtBot, running: bool
) -> None:
    from studyplanner.ui.window.start_problem_dialog import StartProblemDialog

    dialog = StartProblemDialog("…", None, True, running=running)
    qtbot.addWidget(dialog)
    dialog.show()
    assert sorted(Checker(db, tmp_path / "data").untranslated(dialog)) == []


def _owned_by(widget: QWidget, owner: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not owner:
        parent = parent.parentWidget()
    return parent is owner
