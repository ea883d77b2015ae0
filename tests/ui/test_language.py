"""The Language preference: System (Spanish when the system's language is Spanish) by default,
English or Español chosen on the Settings screen, applied at the next start."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale
from pytestqt.qtbot import QtBot

from studyplanner.services.database import Database
from studyplanner.ui.settings.language_field import LanguageField
from studyplanner.ui.settings.settings_screen import SettingsScreen
from studyplanner.ui.shared.formatting import format_date, tr
from studyplanner.ui.window.language import (
    SYSTEM,
    chosen_language,
    effective_language,
    install_chosen_language,
    install_language,
)


def test_system_follows_the_system_language_and_a_choice_wins() -> None:
    spanish_us, english_us = QLocale("es_US"), QLocale("en_US")
    assert effective_language(SYSTEM, spanish_us) == "es"
    assert effective_language(SYSTEM, english_us) == "en"
    assert effective_language(SYSTEM, QLocale.c()) == "en"
    assert effective_language("en", spanish_us) == "en"
    assert effective_language("es", english_us) == "es"


def test_spanish_translates_the_app_qt_and_dates_then_goes_away(qapp: object) -> None:
    installed = install_language("es")
    try:
        assert QCoreApplication.translate("SettingsScreen", "Settings") == "Configuración"
        assert tr("{n} days", "Verdict") == "{n} días"  # a free tr() with its disambiguation
        assert tr("Study Planner archive (*.zip)") == "Archivo de Study Planner (*.zip)"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # qtbase_es
        assert "diciembre" in format_date(date(2026, 12, 2), long=True)
    finally:
        installed.remove()
    assert QCoreApplication.translate("SettingsScreen", "Settings") == "Settings"


def test_english_is_the_default_here_and_installs_no_translator(qapp: object) -> None:
    assert chosen_language() == SYSTEM
    installed = install_chosen_language()
    try:
        assert installed.language == effective_language(SYSTEM)
        assert (installed.translators == []) == (installed.language == "en")
    finally:
        installed.remove()


def test_the_settings_screen_saves_the_choice_for_the_next_start(
    db: Database, today: date, qtbot: QtBot, create_cpc_plan: Callable[[Database, date], None]
) -> None:
    create_cpc_plan(db, today)
    screen = SettingsScreen(db, lambda: today, tray_available=False)
    qtbot.addWidget(screen)
    field = screen.language_box.findChild(LanguageField)
    assert field is not None
    assert [field.combo.itemData(i) for i in range(field.combo.count())] == ["system", "en", "es"]
    assert field.combo.itemText(2) == "Español"
    assert field.combo.currentData() == SYSTEM
    field.combo.setCurrentIndex(2)
    assert chosen_language() == "es"
    assert "next time" in field.note.text()
    field.combo.setCurrentIndex(0)
    assert chosen_language() == SYSTEM
    assert "next time" not in field.note.text()
