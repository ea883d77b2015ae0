"""A timeline of modules: one row each, a bar from first to last study day, coloured by kind,
over term bands, days off, month lines and the today and target lines.

Custom painted with palette colours only; keyboard: Up/Down move the selected row, and the
selected module is announced through the accessible description and a tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QSizePolicy, QToolTip, QWidget

from studyplanner.core.model import Blackout, ModuleKind, Term
from studyplanner.ui.plan.timeline_axis import (
    BAND_TINT,
    Header,
    Scale,
    TextLog,
    TimelineColours,
    header_height,
    month_marks,
    term_spans,
)
from studyplanner.ui.shared.colours import blend, kind_colour, text_on
from studyplanner.ui.shared.formatting import format_date, format_hours, kind_name, tr
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.plain_text import tooltip

LABEL_WIDTH = 300
MAX_DAY_WIDTH = 48.0
"""The widest zoom: pixels per day."""


@dataclass(frozen=True)
class TimelineRow:
    title: str
    kind: ModuleKind
    start: date | None
    due: date | None
    minutes: int
    done: bool


class TimelineView(QWidget):
    """The rows: each module's title (kept in view when scrolled sideways) and its bar; behind
    them the term bands, days off and month lines, and the today and target lines.

    Alone it paints its date header at its top; inside a `TimelineArea` the header is a fixed
    widget above it. Zoom is a number of pixels per day, or None to fit the width in view."""

    row_selected = Signal(int)
    zoom_requested = Signal(int, float)
    """Steps to zoom (+1 in, -1 out, 0 fit) and the x (in the rows) to keep still, or -1."""
    content_changed = Signal()
    """The size the rows want, or the header's height, changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Timeline of modules"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._rows: list[TimelineRow] = []
        self._first = date.today()
        self._last = self._first
        self._today = self._first
        self._target: date | None = None
        self._days_off: tuple[Blackout, ...] = ()
        self._terms: tuple[Term, ...] = ()
        self._selected = -1
        self._pixels_per_day: float | None = None
        self._own_header = True
        self._wheel = 0
        self.text_log = TextLog()

    # -- data ---------------------------------------------------------------------------------
    def set_rows(
        self,
        rows: list[TimelineRow],
        today: date,
        target: date | None = None,
        days_off: tuple[Blackout, ...] = (),
        terms: tuple[Term, ...] = (),
    ) -> None:
        self._days_off = days_off
        self._terms = terms
        self._rows = rows
        self._today = today
        self._target = target
        days = [d for r in rows for d in (r.start, r.due) if d is not None]
        if target is not None:
            days.append(target)
        days += [d for term in terms for d in (term.start, term.end)]  # whole terms in view
        self._first = min(days, default=today) - timedelta(days=3)
        self._last = max(days, default=today) + timedelta(days=7)
        self._selected = min(self._selected, len(rows) - 1)
        self._update_size()

    def rows(self) -> list[TimelineRow]:
        return list(self._rows)

    def today(self) -> date:
        return self._today

    def terms(self) -> tuple[Term, ...]:
        return self._terms

    def set_own_header(self, own: bool) -> None:
        """Whether the rows paint the date header at their top (False: a fixed widget does)."""
        self._own_header = own
        self._update_size()

    # -- geometry -------------------------------------------------------------------------------
    def _row_height(self) -> int:
        return max(24, QFontMetrics(self.font()).height() + 10)

    def header_height(self) -> int:
        """The date header's height, wherever it is shown."""
        return header_height(QFontMetrics(self.font()), self._terms)

    def _header_height(self) -> int:
        return self.header_height() if self._own_header else 0

    def _bottom(self) -> int:
        return self._header_height() + self._row_height() * len(self._rows)

    def _visible(self) -> tuple[int, int]:
        """The part of the rows in view: left and width (all of it when not in a scroll area)."""
        viewport = self.parentWidget()
        if viewport is not None and isinstance(viewport.parentWidget(), QAbstractScrollArea):
            return -self.x(), viewport.width()
        return 0, self.width()

    def _label_width(self) -> int:
        return min(LABEL_WIDTH, max(160, self._visible()[1] // 3))

    def _span(self) -> int:
        return max(1, (self._last - self._first).days)

    def fit_pixels_per_day(self) -> float:
        """The zoom that shows the whole plan in the width in view."""
        return max(0.05, (self._visible()[1] - self._label_width() - 12) / self._span())

    def pixels_per_day(self) -> float:
        return self._pixels_per_day or self.fit_pixels_per_day()

    def is_fitted(self) -> bool:
        return self._pixels_per_day is None

    def set_pixels_per_day(self, pixels: float | None) -> None:
        """Zoom to `pixels` per day (at most MAX_DAY_WIDTH), or fit the width in view with None
        or anything narrower than fitting."""
        if pixels is not None and pixels <= self.fit_pixels_per_day() * 1.001:
            pixels = None
        self._pixels_per_day = None if pixels is None else min(pixels, MAX_DAY_WIDTH)
        self._update_size()

    def content_width(self) -> int:
        """The width the rows need at this zoom (0 when they fit the view)."""
        if self._pixels_per_day is None:
            return 0
        return int(self._label_width() + self._span() * self._pixels_per_day + 12) + 1

    def _update_size(self) -> None:
        self.setMinimumHeight(self._header_height() + self._row_height() * max(1, len(self._rows)))
        self.setMinimumWidth(self.content_width())
        self.updateGeometry()
        self.content_changed.emit()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(900, self.minimumHeight())

    def scale(self) -> Scale:
        left, width = self._visible()
        return Scale(
            self._first, self._last, self._label_width(), self.pixels_per_day(), left, width
        )

    def header(self) -> Header:
        colours = TimelineColours.of(self.palette())
        return Header(
            self.scale(), self._terms, self._today, self._target, colours, self.font(),
            self.locale(),
        )  # fmt: skip

    def _x(self, day: date) -> float:
        return self.scale().x(day)

    def axis_marks(self) -> list[tuple[float, str]]:
        """Month lines in view with their labels ("" for a line without one): see month_marks."""
        return month_marks(self.scale(), QFontMetrics(self.font()), self.locale())

    def _row_rect(self, row: int) -> QRect:
        top = self._header_height() + row * self._row_height()
        return QRect(0, top, self.width(), self._row_height())

    def _rows_in(self, area: QRect) -> range:
        """The rows that `area` (in the view's coordinates) touches."""
        height, top = self._row_height(), self._header_height()
        first = max(0, (area.top() - top) // height)
        return range(first, min(len(self._rows), (area.bottom() - top) // height + 1))

    def _row_at(self, point: QPoint) -> int:
        row = (point.y() - self._header_height()) // self._row_height()
        return row if 0 <= row < len(self._rows) else -1

    # -- painting -------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.text_log = TextLog()
        header = self.header()
        c, scale = header.colours, header.scale
        painter.fillRect(self.rect(), c.base)
        shown = self._rows_in(event.rect())  # in a scroll area: only the rows in view
        for i in shown:
            self._paint_row_background(painter, c, i)
        painter.save()
        top = self._header_height()
        painter.setClipRect(QRect(scale.chart_left, top, scale.width, self.height()))
        self._paint_backdrop(painter, c, scale)
        for i in shown:
            self._paint_bar(painter, c, i, self._rows[i])
        self._paint_lines(painter, c, scale)
        painter.restore()
        for i in shown:
            self._paint_title(painter, c, scale, i, self._rows[i])
        if self._own_header:
            header.paint(painter, self.text_log)
        if not self._rows:
            self.text_log.draw(
                painter, self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No modules."),
                c.faint_text, c.base,
            )  # fmt: skip

    def _background(self, c: TimelineColours, i: int) -> QColor:
        if i == self._selected:
            return c.selected
        return c.alternate if i % 2 else c.base

    def _paint_row_background(self, painter: QPainter, c: TimelineColours, i: int) -> None:
        if i == self._selected or i % 2:
            painter.fillRect(self._row_rect(i), self._background(c, i))

    def _paint_backdrop(self, painter: QPainter, c: TimelineColours, scale: Scale) -> None:
        """Faint bands for every other term, days off hatched, month lines: behind the bars."""
        top, bottom = self._header_height(), self._bottom()
        for left, right, term in term_spans(scale, self._terms):
            if term.number % 2:
                band = QColor(c.selected)
                band.setAlphaF(BAND_TINT)
                painter.fillRect(QRect(left, top, right - left, bottom - top), band)
            painter.setPen(c.grid)
            painter.drawLine(left, top, left, bottom)
        brush = QBrush(c.grid, Qt.BrushStyle.BDiagPattern)
        for b in self._days_off:
            if b.end < self._first or b.start > self._last:
                continue
            left = max(scale.chart_left, int(scale.x(b.start)))
            right = int(scale.x(b.end + timedelta(days=1)))
            if right > left:
                painter.fillRect(QRect(left, top, right - left, bottom - top), brush)
        grid = QPen(c.grid)
        grid.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(grid)
        for x, _label in month_marks(scale, QFontMetrics(self.font()), self.locale()):
            painter.drawLine(int(x), top, int(x), bottom)

    def _paint_title(
        self, painter: QPainter, c: TimelineColours, scale: Scale, i: int, row: TimelineRow
    ) -> None:
        """The module's title in the column at the left of the view (it stays when scrolled)."""
        rect = self._row_rect(i)
        background = self._background(c, i)
        column = QRect(scale.left, rect.top(), scale.label_width, rect.height())
        painter.fillRect(column, background)
        text = c.selected_text if i == self._selected else c.text
        label_rect = column.adjusted(8, 0, -8, 0)
        if row.done:
            icon("check", text).paint(
                painter, QRect(label_rect.left(), rect.top() + (rect.height() - 16) // 2, 16, 16)
            )
            label_rect.setLeft(label_rect.left() + 20)
        fm = QFontMetrics(self.font())
        title = fm.elidedText(row.title, Qt.TextElideMode.ElideRight, label_rect.width())
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        self.text_log.draw(painter, label_rect, flags, title, text, background)

    def _paint_bar(self, painter: QPainter, c: TimelineColours, i: int, row: TimelineRow) -> None:
        if row.start is None and row.due is None:
            return
        rect = self._row_rect(i)
        start = row.start or row.due
        due = row.due or row.start
        assert start is not None and due is not None
        left = self._x(start)
        right = max(left + 4, self._x(due + timedelta(days=1)))
        bar = QRect(int(left), rect.top() + 5, int(right - left), rect.height() - 10)
        colour = kind_colour(row.kind, self.palette())
        if row.done:
            colour = blend(colour, self._background(c, i), 0.45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(bar, 3, 3)
        fm = QFontMetrics(self.font())
        if bar.width() > fm.horizontalAdvance("00 h") + 8:
            hours = format_hours(row.minutes)
            if fm.horizontalAdvance(hours) + 8 <= bar.width():
                flags = Qt.AlignmentFlag.AlignCenter
                self.text_log.draw(painter, bar, flags, hours, text_on(colour), colour)

    def _paint_lines(self, painter: QPainter, c: TimelineColours, scale: Scale) -> None:
        """Today's line and the target's, over the bars."""
        top, bottom = self._header_height(), self._bottom()
        if self._first <= self._today <= self._last:
            x = int(scale.x(self._today))
            painter.setPen(QPen(c.today, 2))
            painter.drawLine(x, top, x, bottom)
        if self._target is not None and self._first <= self._target <= self._last:
            x = int(scale.x(self._target + timedelta(days=1)))
            pen = QPen(c.target, 2)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(x, top, x, bottom)

    # -- interaction ----------------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        if not self._rows:
            return
        row = max(0, min(row, len(self._rows) - 1))
        self._selected = row
        r = self._rows[row]
        self.setAccessibleDescription(self._describe(r))
        self.row_selected.emit(row)
        self.update()

    def selected_row(self) -> int:
        return self._selected

    def _describe(self, r: TimelineRow) -> str:
        status = tr("done") if r.done else tr("planned")
        return tr("{title} ({kind}, {hours}): {start} to {due}, {status}").format(
            title=r.title,
            kind=kind_name(r.kind),
            hours=format_hours(r.minutes),
            start=format_date(r.start),
            due=format_date(r.due),
            status=status,
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.key() == Qt.Key.Key_Down:
            self.select_row(self._selected + 1)
        elif event.key() == Qt.Key.Key_Up:
            self.select_row(self._selected - 1)
        elif event.matches(QKeySequence.StandardKey.ZoomIn) or (
            ctrl and event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal)
        ):
            self.zoom_requested.emit(1, -1.0)
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or (
            ctrl and event.key() == Qt.Key.Key_Minus
        ):
            self.zoom_requested.emit(-1, -1.0)
        elif ctrl and event.key() == Qt.Key.Key_0:
            self.zoom_requested.emit(0, -1.0)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms around the pointer; the wheel alone scrolls the rows as usual."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        event.accept()
        self._wheel += event.angleDelta().y()
        steps = int(self._wheel / 120)
        if steps:
            self._wheel -= steps * 120
            self.zoom_requested.emit(steps, event.position().x())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(event.position().toPoint())
        if row >= 0:
            self.select_row(row)
        self.setFocus()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            row = self._row_at(event.pos())
            if row >= 0:
                tip = tooltip(self._describe(self._rows[row]))
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
