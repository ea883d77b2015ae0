"""The timeline's date axis: the mapping from days to pixels, the month marks whose labels never
collide, the term bands of a degree, and the header that paints them with the today and target
markers. The header is painted by one function, whether above the rows in a fixed widget (the
Plan screen) or at the top of the rows themselves (the assistant's preview)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen

from studyplanner.core.calendar_steps import months_later
from studyplanner.core.model import Term
from studyplanner.ui.shared.colours import blend, muted, readable
from studyplanner.ui.shared.formatting import tr

MONTH_STEPS = (1, 2, 3, 6, 12)
BAND_TINT = 0.1
"""How much of the accent colours every other term's band: faint, in light and dark."""


@dataclass(frozen=True)
class Scale:
    """Days to x in the rows' coordinates: the title column is `label_width` wide, the first
    day starts right after it; `left` and `width` are the part of the rows now in view."""

    first: date
    last: date
    label_width: int
    pixels_per_day: float
    left: int
    width: int

    def x(self, day: date) -> float:
        return self.label_width + (day - self.first).days * self.pixels_per_day

    def day_at(self, x: float) -> date:
        days = int((x - self.label_width) // max(self.pixels_per_day, 1e-6))
        return self.first + timedelta(days=days)

    @property
    def chart_left(self) -> int:
        """Where the bars start to show: right of the titles, which stay in view."""
        return self.left + self.label_width

    @property
    def right(self) -> int:
        return self.left + self.width


def month_marks(scale: Scale, fm: QFontMetrics, locale: QLocale) -> list[tuple[float, str]]:
    """Month lines in view with their labels (x, label; "" for a line without a label): a step
    of 1, 2, 3, 6 or 12 months wide enough for a label (and the 8th, 15th and 22nd when zoomed
    in far enough), a label only where it does not touch the one before, and the month at the left
    edge named (with its year) even when it began out of
    view, so labels never collide at any zoom and the axis always says where it is."""
    widest = fm.horizontalAdvance(locale.toString(QDate(2000, 9, 1), "MMM yyyy"))
    widest += fm.horizontalAdvance("  ")
    per_month = scale.pixels_per_day * 365.25 / 12
    step = next((s for s in MONTH_STEPS if per_month * s >= widest), MONTH_STEPS[-1])
    edge = max(scale.first, scale.day_at(scale.chart_left))
    month = date(edge.year, edge.month, 1)
    marks: list[tuple[float, str]] = []
    labelled_year = None
    free = float(scale.chart_left)
    space = fm.horizontalAdvance(" ")

    def label_of(day: date, pattern: str) -> str:
        return locale.toString(QDate(day.year, day.month, day.day), pattern)

    if scale.x(month) < scale.chart_left:  # the month in view at the left edge began before it
        label = label_of(month, "MMM yyyy")
        end = float(scale.chart_left + 3 + fm.horizontalAdvance(label))
        if end + 4 <= scale.right:
            marks.append((float(scale.chart_left), label))
            labelled_year, free = month.year, end + space
    if step > 1:  # lines on calendar boundaries: quarters, half years, years
        month = date(month.year, ((month.month - 1) // step) * step + 1, 1)
    weekly = step == 1 and scale.pixels_per_day * 7 >= fm.horizontalAdvance("30  ") + 6

    def place(x: float, label: str) -> bool:
        nonlocal free
        end = x + 3 + fm.horizontalAdvance(label)
        if x + 3 < free or end + 4 > scale.right:
            marks.append((x, ""))
            return False
        marks.append((x, label))
        free = end + space
        return True

    while month <= scale.last and scale.x(month) <= scale.right:
        x = scale.x(month)
        if x >= scale.chart_left:
            label = label_of(month, "MMM yyyy" if month.year != labelled_year else "MMM")
            if place(x, label):
                labelled_year = month.year
        for day in (8, 15, 22) if weekly else ():  # zoomed in: the weeks too, by day number
            week = month.replace(day=day)
            if scale.chart_left <= scale.x(week) <= scale.right and week <= scale.last:
                place(scale.x(week), locale.toString(day))
        month = months_later(month, step)
    return marks


@dataclass(frozen=True)
class TimelineColours:
    """Every colour the timeline paints with, from the palette; text colours are adjusted to
    reach 4.5:1 against what they are painted on, in light and dark palettes alike."""

    base: QColor
    alternate: QColor
    text: QColor
    grid: QColor
    band: QColor
    """Every other term's band: the accent, faint, over the base colour."""
    today: QColor
    target: QColor
    selected: QColor
    selected_text: QColor
    faint_text: QColor

    @staticmethod
    def of(palette: QPalette) -> TimelineColours:
        """The colours of `palette` (worked out once per palette: a paint asks several times)."""
        key = palette.cacheKey()
        colours = _COLOURS.get(key)
        if colours is None:
            if len(_COLOURS) > 16:
                _COLOURS.clear()
            colours = _COLOURS[key] = TimelineColours._worked_out(palette)
        return colours

    @staticmethod
    def _worked_out(palette: QPalette) -> TimelineColours:
        base = palette.color(QPalette.ColorRole.Base)
        alternate = palette.color(QPalette.ColorRole.AlternateBase)
        selected = palette.color(QPalette.ColorRole.Highlight)
        band = blend(selected, base, BAND_TINT)
        text = readable(readable(palette.color(QPalette.ColorRole.Text), alternate), band)
        return TimelineColours(
            base=base,
            alternate=alternate,
            text=readable(text, base),
            grid=palette.color(QPalette.ColorRole.Mid),
            band=band,
            today=readable(readable(selected, base), alternate),
            target=readable(palette.color(QPalette.ColorRole.WindowText), base),
            selected=selected,
            selected_text=readable(palette.color(QPalette.ColorRole.HighlightedText), selected),
            faint_text=readable(muted(palette), base),
        )


_COLOURS: dict[int, TimelineColours] = {}
"""TimelineColours by QPalette.cacheKey() (which changes with the palette's colours)."""


@dataclass
class TextLog:
    """Draws text and remembers each colour pair it used (text, what it is painted on), so a
    test can check the contrast of what was really painted."""

    painted: list[tuple[str, QColor, QColor]] = field(default_factory=list)

    def draw(
        self,
        painter: QPainter,
        rect: QRect,
        flags: Qt.AlignmentFlag,
        text: str,
        colour: QColor,
        background: QColor,
    ) -> None:
        painter.setPen(colour)
        painter.drawText(rect, flags, text)
        self.painted.append((text, QColor(colour), QColor(background)))


def header_rows(fm: QFontMetrics, terms: tuple[Term, ...]) -> int:
    return 3 if terms else 2


def row_height(fm: QFontMetrics) -> int:
    return fm.height() + 6


def header_height(fm: QFontMetrics, terms: tuple[Term, ...]) -> int:
    return header_rows(fm, terms) * row_height(fm) + 2


def term_spans(scale: Scale, terms: tuple[Term, ...]) -> list[tuple[int, int, Term]]:
    """Each term's band (left, right in x, clipped to the chart in view) and the term."""
    spans = []
    for term in terms:
        left = max(scale.chart_left, int(scale.x(term.start)))
        right = min(scale.right, int(scale.x(term.end + timedelta(days=1))))
        if right > left:
            spans.append((left, right, term))
    return spans


@dataclass
class Header:
    """What the header shows: the scale, the terms, today and the target."""

    scale: Scale
    terms: tuple[Term, ...]
    today: date
    target: date | None
    colours: TimelineColours
    font: QFont
    locale: QLocale

    def paint(self, painter: QPainter, log: TextLog) -> None:
        """Paints the header in the rows' x coordinates, from y = 0 down."""
        fm = QFontMetrics(self.font)
        c, scale = self.colours, self.scale
        height, row = header_height(fm, self.terms), row_height(fm)
        painter.fillRect(QRect(scale.left, 0, scale.width, height), c.base)
        top = 0
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if self.terms:
            for x1, x2, term in term_spans(scale, self.terms):
                fill = c.band if term.number % 2 else c.base
                painter.fillRect(QRect(x1, 0, x2 - x1, row), fill)
                painter.setPen(c.grid)
                painter.drawLine(x1, 0, x1, row)
                text = tr("Term {number}").format(number=term.number)
                if fm.horizontalAdvance(text) + 8 > x2 - x1:
                    text = str(term.number)
                if fm.horizontalAdvance(text) + 8 <= x2 - x1:
                    log.draw(painter, QRect(x1 + 4, 0, x2 - x1 - 4, row), left, text, c.text, fill)
            top += row
        for x, label in month_marks(scale, fm, self.locale):
            painter.setPen(c.grid)
            painter.drawLine(int(x), top + row - 4, int(x), height)
            if label:
                width = fm.horizontalAdvance(label) + 2
                log.draw(painter, QRect(int(x) + 3, top, width, row), left, label, c.text, c.base)
        top += row
        self._paint_markers(painter, log, fm, top, height)
        painter.setPen(c.grid)
        painter.drawLine(scale.left, height - 1, scale.right, height - 1)

    def _paint_markers(
        self, painter: QPainter, log: TextLog, fm: QFontMetrics, top: int, height: int
    ) -> None:
        """Today (right of its line, bold) and the target (left of its line), clear of each
        other and of the titles' column."""
        c, scale = self.colours, self.scale
        row = row_height(fm)
        taken = scale.chart_left
        today_x = int(scale.x(self.today))
        if scale.chart_left <= today_x <= scale.right:
            painter.setPen(QPen(c.today, 2))
            painter.drawLine(today_x, top, today_x, height)
            bold = QFont(self.font)
            bold.setBold(True)
            painter.setFont(bold)
            text = tr("Today")
            width = QFontMetrics(bold).horizontalAdvance(text) + 2
            rect = QRect(today_x + 4, top, width, row)
            if rect.right() <= scale.right:
                log.draw(painter, rect, Qt.AlignmentFlag.AlignVCenter, text, c.today, c.base)
                taken = rect.right() + 4
            painter.setFont(self.font)
        if self.target is None:
            return
        target_x = int(scale.x(self.target + timedelta(days=1)))
        if not scale.chart_left <= target_x <= scale.right:
            return
        pen = QPen(c.target, 2)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(target_x, top, target_x, height)
        text = tr("Target")
        width = fm.horizontalAdvance(text) + 2
        rect = QRect(target_x - width - 4, top, width, row)
        if rect.left() < taken:  # beside today's label: on the other side of the line
            rect.moveLeft(target_x + 4)
        if rect.left() >= taken and rect.right() <= scale.right:
            log.draw(painter, rect, Qt.AlignmentFlag.AlignVCenter, text, c.target, c.base)
