"""GUI test fixtures: a real database in tmp_path, a fixed clock, and no surprise modals."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from studyplanner.services.database import Database, open_database

TODAY = date(2026, 11, 27)


class UnexpectedModal(AssertionError):
    pass


@pytest.fixture(autouse=True)
def _no_unexpected_modals(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """A forgotten modal dialog would hang the run: make it fail at once instead."""
    if request.node.get_closest_marker("allow_modals"):
        return

    def refuse(*args: object, **kwargs: object) -> None:
        raise UnexpectedModal(f"a modal dialog was opened: {args!r}")

    monkeypatch.setattr(QDialog, "exec", refuse)
    for name in ("critical", "warning", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


@pytest.fixture
def today() -> date:
    return TODAY
