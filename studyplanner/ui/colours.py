"""Colours derived from the palette (never hard-coded), so dark mode and high contrast work."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from studyplanner.core.model import ModuleKind

_HUE_STEPS = {
    ModuleKind.LESSON: 0,
    ModuleKind.COURSE: 1,
    ModuleKind.PRACTICE_EXAM: 2,
    ModuleKind.EXAM: 3,
    ModuleKind.EXTERNSHIP: 4,
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def kind_colour(kind: ModuleKind, palette: QPalette) -> QColor:
    """The palette's accent rotated around the colour wheel, one step per kind; lighter on dark
    backgrounds and darker on light ones, so bars keep contrast with the base colour."""
    accent = palette.color(QPalette.ColorRole.Highlight)
    hue = accent.hslHueF()
    if hue < 0:  # a grey accent has no hue: start from blue
        hue = 0.6
    hue = (hue + _HUE_STEPS[kind] * 0.18) % 1.0
    saturation = max(0.45, min(0.75, accent.hslSaturationF() or 0.6))
    lightness = 0.68 if is_dark(palette) else 0.42
    return QColor.fromHslF(hue, saturation, lightness)


def text_on(colour: QColor) -> QColor:
    """Readable text colour on a filled shape of `colour`."""
    return (
        QColor.fromHslF(0, 0, 0.08) if colour.lightnessF() > 0.55 else QColor.fromHslF(0, 0, 0.98)
    )


def muted(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
