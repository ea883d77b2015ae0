"""File dialogs that start where the user keeps files: the folder they chose last time (any
export or import, remembered between runs), else their Documents folder, never the working
directory the app happened to be started from (a checkout's source folder, `/`, a launcher's)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from studyplanner.ui.shared.preferences import settings

LAST_FOLDER_KEY = "dialogs/last_folder"


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def start_folder() -> Path:
    """Where the next file dialog opens: the last folder chosen if it still exists."""
    last = settings().value(LAST_FOLDER_KEY, "", str)
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def remember(chosen: Path) -> None:
    settings().setValue(LAST_FOLDER_KEY, str(chosen.parent))


def save_file(parent: QWidget | None, title: str, suggested_name: str, kind: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / suggested_name), kind)
    if not name:
        return None
    remember(Path(name))
    return Path(name)


def open_file(parent: QWidget | None, title: str, kind: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), kind)
    if not name:
        return None
    remember(Path(name))
    return Path(name)
