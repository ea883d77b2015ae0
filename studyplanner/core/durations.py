"""The one way a duration is shown, everywhere: "45 min", "6 h", "1 h 30 min", "2,734 h".

Minutes are shown under 100 hours; from 100 hours on the figure is rounded to the hour (a degree's
2,734 h, not 2,733 h 50 min). The GUI renders these parts through tr() and QLocale
(ui/formatting.format_hours), the CLI through `english` below: the same style in both.
"""

from __future__ import annotations

from typing import NamedTuple

WHOLE_HOURS_FROM = 100 * 60
"""From this many minutes on, a duration is rounded to whole hours."""


class DurationParts(NamedTuple):
    hours: int
    minutes: int


def duration_parts(minutes: int) -> DurationParts:
    """(hours, minutes) to show for `minutes` (negative counts as 0)."""
    minutes = max(0, int(minutes))
    if minutes >= WHOLE_HOURS_FROM:
        return DurationParts((minutes + 30) // 60, 0)
    hours, rest = divmod(minutes, 60)
    return DurationParts(hours, rest)


def english(minutes: int) -> str:
    """The CLI's rendering: "45 min", "6 h", "1 h 30 min", "2,734 h"."""
    hours, rest = duration_parts(minutes)
    if not hours:
        return f"{rest} min"
    if not rest:
        return f"{hours:,} h"
    return f"{hours:,} h {rest} min"
