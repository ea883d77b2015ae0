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


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour (0 black to 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours: 1 (none) to 21 (black on white); text
    needs 4.5, large text and focus frames 3."""
    lighter, darker = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def over(colour: QColor, background: QColor) -> QColor:
    """`colour` (perhaps translucent) as it shows painted over an opaque `background`."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def readable_on(colour: QColor, background: QColor, minimum: float = 4.5) -> QColor:
    """`colour` made darker (on a light background) or lighter (on a dark one), keeping its
    hue, until text in it has `minimum` contrast with `background`."""
    hue, saturation = colour.hslHueF(), colour.hslSaturationF()
    lightness = colour.lightnessF()
    step = -0.02 if relative_luminance(background) > 0.18 else 0.02
    result = QColor(colour)
    while contrast_ratio(result, background) < minimum and 0.0 < lightness < 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        result = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
    return result


def text_on(colour: QColor) -> QColor:
    """Readable text colour on a filled shape of `colour` (opaque): black or white, whichever
    has the higher contrast (at least 4.58:1 for any colour)."""
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    return black if contrast_ratio(colour, black) >= contrast_ratio(colour, white) else white


def muted(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
