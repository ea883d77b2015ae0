"""GUI test fixtures: a real database in tmp_path, a fixed clock, and no surprise modals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from studyplanner.core.model import Availability
from studyplanner.services.database import Database, open_database
from studyplanner.services.plans import create_plan
from studyplanner.services.snapshots import NewPlan, PlanSettings

TODAY = date(2026, 11, 27)


class UnexpectedModal(AssertionError):
    pass


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "allow_modals: the test answers real modal dialogs itself (with a timer)"
    )


@pytest.fixture(autouse=True)
def _own_preferences(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The app's preferences file (last folder, window state) of each test is its own, never
    the user's."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("config")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


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


@pytest.fixture(autouse=True)
def _widgets_live_until_closed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """qtbot.addWidget keeps only a weak reference. A window whose last reference was the test's
    local (and a reference cycle of its own: bound methods it keeps) then lives on after the test
    returned, shown and still handling events, until the garbage collector deletes it at any
    moment, even halfway through a deferred build in one of its screens. Keep every added widget
    until the teardown has closed it."""
    kept: list[QWidget] = []
    add = QtBot.addWidget

    def add_and_keep(self: QtBot, widget: QWidget, **kwargs: Any) -> None:
        add(self, widget, **kwargs)
        kept.append(widget)

    monkeypatch.setattr(QtBot, "addWidget", add_and_keep)
    yield
    kept.clear()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "data")
    yield database
    database.close()


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def create_cpc_plan() -> Callable[[Database, date], None]:
    """Creates the CPC program plan the screen tests share: evenings and Saturdays, 10 h a week."""

    def create(db: Database, today: date) -> None:
        settings = PlanSettings(
            start=today,
            availability=Availability((90, 90, 90, 90, 0, 240, 0)),
            weekly_minutes=600,
        )
        create_plan(db, NewPlan(settings=settings, template_id="cpc-certificate-program"), today)

    return create
