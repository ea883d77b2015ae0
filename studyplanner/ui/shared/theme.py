"""The app's appearance: the platform's own (System), or Light or Dark on every platform.

System leaves the platform's style and palette untouched. Light and Dark use the Fusion style
(drawn by Qt itself, the same everywhere) with an explicit palette: every colour role in every
group (active, inactive, disabled), chosen so text, links, selections and focus frames keep WCAG
contrast (4.5:1 for text, 3:1 for the focus frame). The choice is a preference (QSettings), applied
when the application is built and at once when it changes: widgets that paint themselves read the
palette when they paint and redraw on the palette change Qt sends them."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from studyplanner.ui.shared.preferences import settings

THEME_KEY = "appearance/theme"
_ORIGINAL_STYLE = "studyplanner_original_style"
"""Property of the QApplication: the platform's style name, kept the first time a theme applies."""

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


# role -> (active and inactive colour, disabled colour)
_LIGHT: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#efefef", "#efefef"),
    Role.WindowText: ("#1a1a1a", "#6e6e6e"),
    Role.Base: ("#ffffff", "#f4f4f4"),
    Role.AlternateBase: ("#f5f5f5", "#f0f0f0"),
    Role.ToolTipBase: ("#ffffdc", "#ffffdc"),
    Role.ToolTipText: ("#000000", "#6e6e6e"),
    Role.PlaceholderText: ("#6b6b6b", "#8a8a8a"),
    Role.Text: ("#1a1a1a", "#6e6e6e"),
    Role.Button: ("#efefef", "#efefef"),
    Role.ButtonText: ("#1a1a1a", "#6e6e6e"),
    Role.BrightText: ("#ffffff", "#ffffff"),
    Role.Light: ("#ffffff", "#ffffff"),
    Role.Midlight: ("#e3e3e3", "#e3e3e3"),
    Role.Mid: ("#b8b8b8", "#c4c4c4"),
    Role.Dark: ("#9f9f9f", "#aaaaaa"),
    Role.Shadow: ("#767676", "#8a8a8a"),
    Role.Highlight: ("#1d5fa8", "#a8a8a8"),
    Role.Accent: ("#1d5fa8", "#a8a8a8"),
    Role.HighlightedText: ("#ffffff", "#ffffff"),
    Role.Link: ("#0b57d0", "#6e6e6e"),
    Role.LinkVisited: ("#7a2fb0", "#6e6e6e"),
}

_DARK: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#2b2b2b", "#2b2b2b"),
    Role.WindowText: ("#e8e8e8", "#9a9a9a"),
    Role.Base: ("#1e1e1e", "#252525"),
    Role.AlternateBase: ("#262626", "#2a2a2a"),
    Role.ToolTipBase: ("#3c3c3c", "#3c3c3c"),
    Role.ToolTipText: ("#e8e8e8", "#9a9a9a"),
    Role.PlaceholderText: ("#a0a0a0", "#7a7a7a"),
    Role.Text: ("#e8e8e8", "#9a9a9a"),
    Role.Button: ("#353535", "#303030"),
    Role.ButtonText: ("#e8e8e8", "#9a9a9a"),
    Role.BrightText: ("#ffffff", "#ffffff"),
    Role.Light: ("#505050", "#484848"),
    Role.Midlight: ("#424242", "#3c3c3c"),
    Role.Mid: ("#5c5c5c", "#505050"),
    Role.Dark: ("#1a1a1a", "#1a1a1a"),
    Role.Shadow: ("#0a0a0a", "#0a0a0a"),
    Role.Highlight: ("#6cb4ff", "#505050"),
    Role.Accent: ("#6cb4ff", "#505050"),
    Role.HighlightedText: ("#000000", "#9a9a9a"),
    Role.Link: ("#8ab4f8", "#9a9a9a"),
    Role.LinkVisited: ("#c58af9", "#9a9a9a"),
}


def _palette(colours: dict[QPalette.ColorRole, tuple[str, str]]) -> QPalette:
    palette = QPalette()
    for role, (normal, disabled) in colours.items():
        palette.setColor(Group.Active, role, QColor(normal))
        palette.setColor(Group.Inactive, role, QColor(normal))
        palette.setColor(Group.Disabled, role, QColor(disabled))
    return palette


def light_palette() -> QPalette:
    return _palette(_LIGHT)


def dark_palette() -> QPalette:
    return _palette(_DARK)


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Show the whole app in `theme` at once (open windows too); System gives back the
    platform's style and palette as they were before any theme was applied."""
    original = app.property(_ORIGINAL_STYLE)
    if not original:
        style = app.style()
        original = style.name() if style is not None else "Fusion"
        app.setProperty(_ORIGINAL_STYLE, original)
    if theme is Theme.SYSTEM:
        if app.style().name() != original:
            app.setStyle(original)
        app.setPalette(QPalette())  # nothing set: the style's and platform's own, followed live
        return
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(dark_palette() if theme is Theme.DARK else light_palette())


def saved_theme() -> Theme:
    value = settings().value(THEME_KEY, Theme.SYSTEM.value)
    try:
        return Theme(str(value))
    except ValueError:
        return Theme.SYSTEM


def save_theme(theme: Theme) -> None:
    store = settings()
    store.setValue(THEME_KEY, theme.value)
    store.sync()


def apply_saved_theme(app: QApplication) -> Theme:
    """At start-up: the appearance the user chose last time (nothing changes for System)."""
    theme = saved_theme()
    if theme is not Theme.SYSTEM:
        apply_theme(app, theme)
    return theme
