"""File dialogs start in the user's Documents folder (never the folder the app was started
from), then in the folder the user chose last, by any export or import, in this run or the next."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from studyplanner.ui.shared import file_dialogs


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """Each dialog's starting place; the user answers with a file in `tmp_path/chosen`."""
    starts: list[str] = []
    chosen = tmp_path / "chosen"
    chosen.mkdir()

    def answer(parent: object, title: str, start: str, kind: str) -> tuple[str, str]:
        starts.append(start)
        return str(chosen / "answer.zip"), kind

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    return starts


def test_the_first_dialog_opens_in_documents_not_the_working_folder(
    asked: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    file_dialogs.save_file(None, "Export everything", "study-planner.zip", "*.zip")
    documents = file_dialogs.documents_folder()
    assert asked == [str(documents / "study-planner.zip")]
    assert Path(asked[0]).parent != Path(os.getcwd())


def test_the_next_dialog_opens_where_the_user_chose_last(asked: list[str], tmp_path: Path) -> None:
    assert file_dialogs.open_file(None, "Import", "*.zip") == tmp_path / "chosen" / "answer.zip"
    file_dialogs.save_file(None, "Export to calendar", "study-planner.ics", "*.ics")
    assert asked[1] == str(tmp_path / "chosen" / "study-planner.ics")
    file_dialogs.settings().sync()  # the next run reads the same file
    assert file_dialogs.start_folder() == tmp_path / "chosen"


def test_a_folder_removed_since_is_not_offered(asked: list[str], tmp_path: Path) -> None:
    file_dialogs.open_file(None, "Import", "*.zip")
    (tmp_path / "chosen").rmdir()
    assert file_dialogs.start_folder() == file_dialogs.documents_folder()
