"""The app's own small preferences (window size and place, splitters, the last folder a file
dialog used): QSettings in an INI file of the user's configuration folder. Never user data:
plans, sessions and credentials live only in the database."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

WINDOW_GEOMETRY_KEY = "window/geometry"


def settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "StudyPlanner", "studyplanner"
    )


def save_geometry(window: QWidget) -> None:
    store = settings()
    store.setValue(WINDOW_GEOMETRY_KEY, window.saveGeometry())
    store.sync()


def restore_geometry(window: QWidget) -> bool:
    """Put the window where and as large as it was when it was last closed (maximized if it
    was); False when there is nothing to restore (the first start) or it cannot be used."""
    saved = settings().value(WINDOW_GEOMETRY_KEY)
    return isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved)


def remember_splitter(splitter: QSplitter, key: str) -> bool:
    """Give `splitter` the sizes the user last left it with (True when there were some), and
    save them whenever the user moves its divider."""
    name = f"splitters/{key}"
    saved = settings().value(name)
    restored = isinstance(saved, QByteArray) and not saved.isEmpty()
    if restored:
        restored = splitter.restoreState(saved)

    def save(*_args: object) -> None:
        store = settings()
        store.setValue(name, splitter.saveState())
        store.sync()

    splitter.splitterMoved.connect(save)
    return restored
