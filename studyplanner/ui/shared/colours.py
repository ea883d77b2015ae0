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
    """Readable text colour on a filled shape of `colour`: black or white, whichever contrasts
    more (at least 4.58:1 on any colour)."""
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    return max((black, white), key=lambda c: contrast_ratio(c, colour))


def muted(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour (0 black, 1 white)."""
    return (
        0.2126 * _linear(colour.redF())
        + 0.7152 * _linear(colour.greenF())
        + 0.0722 * _linear(colour.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio between two opaque colours, from 1 (same) to 21 (black on white);
    body text needs 4.5."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def blend(top: QColor, bottom: QColor, alpha: float) -> QColor:
    """`top` painted with opacity `alpha` over an opaque `bottom`: the colour the eye sees."""
    return QColor.fromRgbF(
        top.redF() * alpha + bottom.redF() * (1 - alpha),
        top.greenF() * alpha + bottom.greenF() * (1 - alpha),
        top.blueF() * alpha + bottom.blueF() * (1 - alpha),
    )


def readable(colour: QColor, background: QColor, ratio: float = 4.5) -> QColor:
    """`colour`, darkened on a light background or lightened on a dark one just enough to reach
    `ratio` against `background` (its hue kept); black or white when no shade of it does."""
    if contrast_ratio(colour, background) >= ratio:
        return QColor(colour)
    hue, saturation = max(colour.hslHueF(), 0.0), colour.hslSaturationF()
    lighter = relative_luminance(background) < 0.18
    lightness = colour.lightnessF()
    for _ in range(100):
        lightness = min(1.0, lightness + 0.01) if lighter else max(0.0, lightness - 0.01)
        shade = QColor.fromHslF(hue, saturation, lightness)
        if contrast_ratio(shade, background) >= ratio:
            return shade.toRgb()
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    return max((black, white), key=lambda c: contrast_ratio(c, background))


def over(colour: QColor, background: QColor) -> QColor:
    """`colour` (perhaps translucent) as it shows painted over an opaque `background`."""
    return blend(colour, background, colour.alphaF())
