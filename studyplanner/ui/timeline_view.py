"""A timeline of modules: one row each, a bar from first to last study day, coloured by kind.

Custom painted with palette colours only; keyboard: Up/Down move the selected row, and the
selected module is announced through the accessible description and a tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolTip, QWidget

from studyplanner.core.calendar_steps import months_later
from studyplanner.core.model import Blackout, ModuleKind
from studyplanner.ui.colours import kind_colour, muted, over, text_on
from studyplanner.ui.formatting import format_date, format_hours, kind_icon_name, kind_name, tr
from studyplanner.ui.icons import icon
from studyplanner.ui.plain_text import tooltip

LABEL_WIDTH = 300
MIN_DAY_WIDTH = 1.2


@dataclass(frozen=True)
class TimelineRow:
    title: str
    kind: ModuleKind
    start: date | None
    due: date | None
    minutes: int
    done: bool


class KindLegend(QWidget):
    """Which colour means which kind of module: a swatch, an icon and the name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Legend of module kinds"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._swatches: list[tuple[ModuleKind, QLabel, QLabel]] = []
        for kind in ModuleKind:
            swatch, picture = QLabel(), QLabel()
            layout.addWidget(swatch)
            layout.addWidget(picture)
            layout.addWidget(QLabel(kind_name(kind)))
            layout.addSpacing(12)
            self._swatches.append((kind, swatch, picture))
        self._hatch = QLabel()
        layout.addWidget(self._hatch)
        layout.addWidget(QLabel(self.tr("Days off")))
        layout.addStretch(1)
        self._paint()

    def _paint(self) -> None:
        palette = self.palette()
        size = QFontMetrics(self.font()).height()
        for kind, swatch, picture in self._swatches:
            pixmap = QPixmap(size, size)
            pixmap.fill(kind_colour(kind, palette))
            swatch.setPixmap(pixmap)
            picture.setPixmap(icon(kind_icon_name(kind)).pixmap(size, size))
        pixmap = QPixmap(size, size)
        pixmap.fill(palette.color(QPalette.ColorRole.Base))
        painter = QPainter(pixmap)
        brush = QBrush(palette.color(QPalette.ColorRole.Mid), Qt.BrushStyle.BDiagPattern)
        painter.fillRect(pixmap.rect(), brush)
        painter.end()
        self._hatch.setPixmap(pixmap)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()
        super().changeEvent(event)


class TimelineView(QWidget):
    row_selected = Signal(int)

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
        self._selected = -1

    # -- data ---------------------------------------------------------------------------------
    def set_rows(
        self,
        rows: list[TimelineRow],
        today: date,
        target: date | None = None,
        days_off: tuple[Blackout, ...] = (),
    ) -> None:
        self._days_off = days_off
        self._rows = rows
        self._today = today
        self._target = target
        days = [d for r in rows for d in (r.start, r.due) if d is not None]
        if target is not None:
            days.append(target)
        self._first = min(days, default=today) - timedelta(days=3)
        self._last = max(days, default=today) + timedelta(days=7)
        self._selected = min(self._selected, len(rows) - 1)
        self.setMinimumHeight(self._header_height() + self._row_height() * max(1, len(rows)) + 8)
        self.updateGeometry()
        self.update()

    def rows(self) -> list[TimelineRow]:
        return list(self._rows)

    # -- geometry -------------------------------------------------------------------------------
    def _row_height(self) -> int:
        return max(24, QFontMetrics(self.font()).height() + 10)

    def _header_height(self) -> int:
        return QFontMetrics(self.font()).height() * 2 + 8

    def _label_width(self) -> int:
        return min(LABEL_WIDTH, max(160, self.width() // 3))

    def sizeHint(self) -> QSize:
        return QSize(900, self.minimumHeight())

    def _x(self, day: date) -> float:
        span = max(1, (self._last - self._first).days)
        width = self.width() - self._label_width() - 12
        return self._label_width() + (day - self._first).days * width / span

    def _row_rect(self, row: int) -> QRect:
        top = self._header_height() + row * self._row_height()
        return QRect(0, top, self.width(), self._row_height())

    def _row_at(self, point: QPoint) -> int:
        row = (point.y() - self._header_height()) // self._row_height()
        return row if 0 <= row < len(self._rows) else -1

    # -- painting -------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        self._paint_axis(painter, palette)
        for i, row in enumerate(self._rows):
            self._paint_row(painter, palette, i, row)
        self._paint_days_off(painter, palette)
        self._paint_today(painter, palette)
        self._paint_target(painter, palette)
        if not self._rows:
            painter.setPen(muted(palette))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No modules."))

    def axis_marks(self) -> list[tuple[float, str]]:
        """Month lines with their labels (x, label; "" for a line without a label): a step of
        1, 2, 3, 6 or 12 months wide enough for a label, and a label only where it does not
        touch the one before, so labels never collide at any zoom."""
        fm = QFontMetrics(self.font())
        first = date(self._first.year, self._first.month, 1)
        widest = fm.horizontalAdvance(
            self.locale().toString(QDate(2000, 9, 1), "MMM yyyy")
        ) + fm.horizontalAdvance("  ")
        per_month = max(self._x(months_later(first, 12)) - self._x(first), 1.0) / 12
        step = next((s for s in (1, 2, 3, 6, 12) if per_month * s >= widest), 12)
        if step > 1:  # lines on calendar boundaries: quarters, half years, years
            first = date(first.year, ((first.month - 1) // step) * step + 1, 1)
        marks: list[tuple[float, str]] = []
        labelled_year = None
        free = float(self._label_width())
        month = first
        while month <= self._last:
            x = self._x(month)
            if x >= self._label_width():
                pattern = "MMM yyyy" if month.year != labelled_year else "MMM"
                label = self.locale().toString(QDate(month.year, month.month, 1), pattern)
                end = x + 3 + fm.horizontalAdvance(label)
                if x + 3 < free or end + 4 > self.width():
                    label = ""
                else:
                    labelled_year = month.year
                    free = end + fm.horizontalAdvance(" ")
                marks.append((x, label))
            month = months_later(month, step)
        return marks

    def _paint_axis(self, painter: QPainter, palette: QPalette) -> None:
        grid = QPen(palette.color(QPalette.ColorRole.Mid))
        grid.setStyle(Qt.PenStyle.DotLine)
        fm = QFontMetrics(self.font())
        bottom = self._header_height() + self._row_height() * len(self._rows)
        for x, label in self.axis_marks():
            painter.setPen(grid)
            painter.drawLine(int(x), self._header_height() - 4, int(x), bottom)
            if label:
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
                painter.drawText(int(x) + 3, fm.ascent() + 4, label)

    def _paint_row(self, painter: QPainter, palette: QPalette, i: int, row: TimelineRow) -> None:
        rect = self._row_rect(i)
        if i == self._selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
            text_colour = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            if i % 2:
                painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
            text_colour = palette.color(QPalette.ColorRole.Text)
        fm = QFontMetrics(self.font())
        label_rect = rect.adjusted(8, 0, -8, 0)
        label_rect.setWidth(self._label_width() - 16)
        if row.done:
            icon("check", text_colour).paint(
                painter, QRect(label_rect.left(), rect.top() + (rect.height() - 16) // 2, 16, 16)
            )
            label_rect.setLeft(label_rect.left() + 20)
        painter.setPen(text_colour)
        painter.drawText(
            label_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(row.title, Qt.TextElideMode.ElideRight, label_rect.width()),
        )
        if row.start is None and row.due is None:
            return
        start = row.start or row.due
        due = row.due or row.start
        assert start is not None and due is not None
        left = self._x(start)
        right = max(left + 4, self._x(due + timedelta(days=1)))
        bar = QRect(int(left), rect.top() + 5, int(right - left), rect.height() - 10)
        colour = kind_colour(row.kind, palette)
        if row.done:
            colour.setAlphaF(0.45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(bar, 3, 3)
        if bar.width() > fm.horizontalAdvance("00 h") + 8:
            roles = (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)
            behind = QPalette.ColorRole.Highlight if i == self._selected else roles[i % 2]
            painter.setPen(text_on(over(colour, palette.color(behind))))  # done: translucent
            painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, format_hours(row.minutes))

    def _paint_days_off(self, painter: QPainter, palette: QPalette) -> None:
        """Days off as hatched bands behind the bars."""
        bottom = self._header_height() + self._row_height() * len(self._rows)
        brush = QBrush(palette.color(QPalette.ColorRole.Mid), Qt.BrushStyle.BDiagPattern)
        for b in self._days_off:
            if b.end < self._first or b.start > self._last:
                continue
            left = max(self._label_width(), int(self._x(b.start)))
            right = int(self._x(b.end + timedelta(days=1)))
            if right > left:
                painter.fillRect(QRect(left, self._header_height(), right - left, bottom), brush)

    def _paint_target(self, painter: QPainter, palette: QPalette) -> None:
        if self._target is None or not self._first <= self._target <= self._last:
            return
        x = int(self._x(self._target + timedelta(days=1)))
        pen = QPen(palette.color(QPalette.ColorRole.WindowText), 2)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        bottom = self._header_height() + self._row_height() * len(self._rows)
        painter.drawLine(x, self._header_height() - 8, x, bottom)
        text = self.tr("Target")
        width = QFontMetrics(self.font()).horizontalAdvance(text)
        painter.drawText(x - width - 3, self._header_height() - 6, text)

    def _paint_today(self, painter: QPainter, palette: QPalette) -> None:
        if not self._first <= self._today <= self._last:
            return
        x = int(self._x(self._today))
        pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        bottom = self._header_height() + self._row_height() * len(self._rows)
        painter.drawLine(x, self._header_height() - 8, x, bottom)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(x + 3, self._header_height() - 6, self.tr("Today"))

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
        if event.key() == Qt.Key.Key_Down:
            self.select_row(self._selected + 1)
        elif event.key() == Qt.Key.Key_Up:
            self.select_row(self._selected - 1)
        else:
            super().keyPressEvent(event)

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
