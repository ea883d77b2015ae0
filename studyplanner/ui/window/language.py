"""The language of the app: English or Spanish, from the Language preference (System by
default: Spanish when the system's language is Spanish). Installed once at start-up, before any
window is built: the app's own translation (resources/i18n, see packaging/translations.py) and
Qt's for its standard buttons and dialogs (qtbase_es from Qt's translations folder, when there).
A change in Settings applies at the next start."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from studyplanner.bundled import translation
from studyplanner.ui.shared.preferences import settings

LANGUAGE_KEY = "ui/language"
SYSTEM = "system"
CHOICES = (SYSTEM, "en", "es")
"""The Language preference's values: the system's language, English, Spanish."""
ENDONYMS = {"en": "English", "es": "Español"}
"""Each language named in itself (never translated: a reader looks for their own word)."""


def chosen_language() -> str:
    """The Language preference: "system", "en" or "es"."""
    value = settings().value(LANGUAGE_KEY, SYSTEM)
    return value if value in CHOICES else SYSTEM


def choose_language(choice: str) -> None:
    if choice not in CHOICES:
        raise ValueError(choice)
    store = settings()
    store.setValue(LANGUAGE_KEY, choice)
    store.sync()


def effective_language(choice: str, system: QLocale | None = None) -> str:
    """The language the app shows for a preference: "es" or "en"."""
    if choice in ENDONYMS:
        return choice
    language = (system or QLocale.system()).language()
    return "es" if language == QLocale.Language.Spanish else "en"


@dataclass
class Translation:
    """The translators installed into the application (kept alive: Qt holds only pointers)."""

    language: str
    translators: list[QTranslator] = field(default_factory=list)
    data: bytes = b""
    """The app's .qm, which its translator reads in place."""

    def remove(self) -> None:
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
        self.translators.clear()
        QLocale.setDefault(QLocale.system())
        _SHOWN[0] = "en"


_SHOWN = ["en"]
"""The language of the translation installed last ("en" when none is)."""


def shown_language() -> str:
    """The language the app shows: "es" while its Spanish translation is installed, else "en".
    What is not a Qt message follows it (the user guide's pages, the audit packet's words)."""
    return _SHOWN[0]


def install_language(language: str, *, locale: bool = True) -> Translation:
    """Show the app in `language` ("en" or "es"): its translators and, with `locale`, dates and
    numbers in that language too (the system's country kept, so a Spanish reader in the US
    gets es_US) when the system's language is another."""
    installed = Translation(language)
    data = translation(language)
    if data is not None:
        installed.data = data
        app_translator = QTranslator()
        if app_translator.load(data):
            installed.translators.append(app_translator)
        qt_translator = QTranslator()
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(f"qtbase_{language}", folder):
            installed.translators.append(qt_translator)
        for translator in installed.translators:
            QCoreApplication.installTranslator(translator)
    _SHOWN[0] = language if installed.translators else "en"
    system = QLocale.system()
    wanted = QLocale(language).language()
    if locale and system.language() != wanted:
        QLocale.setDefault(QLocale(wanted, system.territory()))
    return installed


_INSTALLED: list[Translation] = []
"""The start-up translation, kept for the life of the process."""


def install_chosen_language() -> Translation:
    """At start-up: the language of the Language preference (with "System", the system's
    locale is left as it is)."""
    choice = chosen_language()
    installed = install_language(effective_language(choice), locale=choice != SYSTEM)
    _INSTALLED.append(installed)
    return installed


def switch_language(language: str) -> Translation:
    """Replace the start-up translation by `language` (screenshots and tests in a language)."""
    while _INSTALLED:
        _INSTALLED.pop().remove()
    installed = install_language(language)
    _INSTALLED.append(installed)
    return installed
