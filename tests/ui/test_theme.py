"""Settings ▸ Appearance: System, Light or Dark, applied to the whole app at once (no restart),
remembered in the preferences and applied again at the next start; System gives back the
platform's own style and palette."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studyplanner.core.model import ModuleKind
from studyplanner.services.database import Database
from studyplanner.ui.dashboard.dashboard_screen import DashboardScreen
from studyplanner.ui.plan.timeline_view import TimelineRow, TimelineView
from studyplanner.ui.settings.settings_screen import SettingsScreen
from studyplanner.ui.shared.colours import is_dark
from studyplanner.ui.shared.preferences import settings
from studyplanner.ui.shared.theme import (
    THEME_KEY,
    Theme,
    apply_theme,
    dark_palette,
    light_palette,
    saved_theme,
)

Role = QPalette.ColorRole


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


@pytest.fixture(autouse=True)
def _system_look_afterwards() -> Iterator[None]:
    """Every other test runs in the platform's own look: give it back whatever happens here."""
    yield
    apply_theme(_app(), Theme.SYSTEM)


@pytest.fixture
def screen(qtbot: QtBot, db: Database, today: date, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> SettingsScreen:  # fmt: skip
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    widget = SettingsScreen(db, lambda: today, tray_available=True)
    qtbot.addWidget(widget)
    widget.resize(1176, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _choose(screen: SettingsScreen, words: str) -> None:
    combo = screen.appearance.theme
    combo.setCurrentIndex(combo.findText(words))


def test_the_appearance_choice_is_a_named_combo_starting_at_system(
    screen: SettingsScreen,
) -> None:
    combo = screen.appearance.theme
    assert combo.accessibleName() == "Appearance"
    assert [combo.itemText(i) for i in range(combo.count())] == ["System", "Light", "Dark"]
    assert combo.currentText() == "System"
    assert screen.appearance_box.title() == "Appearance"


def test_dark_darkens_the_whole_app_at_once_and_is_remembered(
    qtbot: QtBot, screen: SettingsScreen
) -> None:
    assert not is_dark(QApplication.palette())
    _choose(screen, "Dark")
    palette = QApplication.palette()
    assert is_dark(palette)
    assert palette.color(Role.Window) == dark_palette().color(Role.Window)
    assert _app().style().name().lower() == "fusion"
    qtbot.waitUntil(lambda: is_dark(screen.palette()))  # the open screen follows, no restart
    assert settings().value(THEME_KEY) == "dark"
    assert "appearance" in screen.status.text()


def test_light_is_the_apps_own_light_palette(screen: SettingsScreen) -> None:
    _choose(screen, "Light")
    assert QApplication.palette().color(Role.Window) == light_palette().color(Role.Window)
    assert QApplication.palette().color(Role.Highlight) == light_palette().color(Role.Highlight)
    assert settings().value(THEME_KEY) == "light"


def test_system_gives_back_the_original_style_and_palette(screen: SettingsScreen) -> None:
    app = _app()
    style, palette = app.style().name(), QPalette(app.palette())
    _choose(screen, "Dark")
    _choose(screen, "Light")
    _choose(screen, "System")
    assert app.style().name() == style
    assert app.palette() == palette
    assert settings().value(THEME_KEY) == "system"


def test_the_saved_choice_applies_at_the_next_start() -> None:
    from studyplanner.app import _application

    app = _app()
    names = (app.applicationName(), app.organizationName(), app.applicationDisplayName())
    store = settings()
    store.setValue(THEME_KEY, "dark")
    store.sync()
    try:
        assert _application([]) is app
        assert is_dark(QApplication.palette())
        assert app.style().name().lower() == "fusion"
    finally:
        app.setApplicationName(names[0])
        app.setOrganizationName(names[1])
        app.setApplicationDisplayName(names[2])


def test_a_settings_screen_shows_the_saved_choice(qtbot: QtBot, db: Database, today: date) -> None:
    store = settings()
    store.setValue(THEME_KEY, "light")
    store.sync()
    widget = SettingsScreen(db, lambda: today, tray_available=True)
    qtbot.addWidget(widget)
    assert widget.appearance.theme.currentText() == "Light"


def test_charts_and_cards_follow_a_theme_change(
    qtbot: QtBot, db: Database, today: date, create_cpc_plan: Callable[[Database, date], None]
) -> None:
    create_cpc_plan(db, today)
    dashboard = DashboardScreen(db, lambda: today)
    qtbot.addWidget(dashboard)
    dashboard.resize(1366, 768)
    dashboard.refresh()
    dashboard.show()
    qtbot.waitExposed(dashboard)
    apply_theme(_app(), Theme.DARK)
    dark_window = dark_palette().color(Role.Window)
    qtbot.waitUntil(lambda: is_dark(dashboard.charts.palette()))
    for view in (dashboard.charts.burn_up, dashboard.charts.scores, dashboard.charts.weekly):
        assert view.chart().backgroundBrush().color() == dark_window
        assert view.chart().titleBrush().color() == dark_palette().color(Role.WindowText)
    assert dashboard.progress_card.bar.palette().color(Role.Highlight) == dark_palette().color(
        Role.Highlight
    )
    apply_theme(_app(), Theme.LIGHT)
    qtbot.waitUntil(lambda: not is_dark(dashboard.charts.palette()))
    for view in (dashboard.charts.burn_up, dashboard.charts.scores, dashboard.charts.weekly):
        assert view.chart().backgroundBrush().color() == light_palette().color(Role.Window)


def test_the_timeline_paints_in_the_new_theme(qtbot: QtBot, today: date) -> None:
    """The timeline reads the palette when it paints: its background follows a switch."""
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, 200)
    view.set_rows([TimelineRow("Anatomy", ModuleKind.COURSE, today, today, 600, False)], today)
    view.show()
    qtbot.waitExposed(view)
    for theme, palette in ((Theme.DARK, dark_palette()), (Theme.LIGHT, light_palette())):
        apply_theme(_app(), theme)
        qtbot.waitUntil(lambda p=palette: view.palette().color(Role.Base) == p.color(Role.Base))
        corner = view.grab().toImage().pixelColor(2, view.height() - 2)
        assert corner == palette.color(Role.Base)


def test_an_unknown_saved_value_means_system() -> None:
    store = settings()
    store.setValue(THEME_KEY, "purple")
    store.sync()
    assert saved_theme() is Theme.SYSTEM
