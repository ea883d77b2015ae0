"""The Plan screen's timeline: a fixed date header over rows that scroll, zoom by Ctrl+wheel,
Ctrl++ / Ctrl+- / Ctrl+0 and buttons, and the legend of module kinds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QEvent, QPointF, QRect, Qt
from PySide6.QtGui import (
    QBrush,
    QFontMetrics,
    QHelpEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.model import ModuleKind
from studyplanner.ui.plan.timeline_axis import TextLog, term_spans
from studyplanner.ui.plan.timeline_view import MAX_DAY_WIDTH, TimelineView
from studyplanner.ui.shared.colours import kind_colour
from studyplanner.ui.shared.formatting import format_date, kind_icon_name, kind_name
from studyplanner.ui.shared.icons import icon

ZOOM_STEP = 1.5
"""Each step of zoom widens (or narrows) a day by this factor."""


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


class TimelineHeader(QWidget):
    """The date header, fixed above the rows: it moves sideways with them, never up or down."""

    def __init__(self, area: TimelineArea) -> None:
        super().__init__(area)
        self._area = area
        self.setAccessibleName(self.tr("Dates of the timeline"))
        self.text_log = TextLog()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.text_log = TextLog()
        header = self._area.view.header()
        painter.translate(-header.scale.left, 0)
        header.paint(painter, self.text_log)

    def labels(self) -> list[str]:
        """The texts painted last time (for tests and screen readers' descriptions)."""
        return [text for text, _colour, _background in self.text_log.painted]

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms around the pointer as over the rows; the wheel alone scrolls them."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._area.wheelEvent(event)
            return
        view = self._area.view
        at = QPointF(event.position().x() + view.scale().left, 0)
        view.wheelEvent(
            QWheelEvent(
                at, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                event.buttons(), event.modifiers(), event.phase(), event.inverted(),
            )
        )  # fmt: skip
        event.accept()

    def describe(self, x: float) -> str:
        """What is at `x` (in the header): today's or the target's line, or a term."""
        view = self._area.view
        header = view.header()
        scale, at = header.scale, x + header.scale.left
        if abs(scale.x(header.today) - at) <= 6:
            return self.tr("Today, {date}").format(date=format_date(header.today))
        target = header.target
        if target is not None and abs(scale.x(target + timedelta(days=1)) - at) <= 6:
            return self.tr("Target, {date}").format(date=format_date(target))
        for left, right, term in term_spans(scale, header.terms):
            if left <= at <= right:
                return self.tr("Term {number}: {start} to {end}").format(
                    number=term.number, start=format_date(term.start), end=format_date(term.end)
                )
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.describe(event.pos().x())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class TimelineArea(QScrollArea):
    """Scrolls the rows under a fixed header; keeps the day under the pointer (or the middle of
    the view) in place when zooming."""

    def __init__(self, view: TimelineView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        view.set_own_header(False)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(view)
        self.header = TimelineHeader(self)
        view.content_changed.connect(self._fit_view)
        view.zoom_requested.connect(self.zoom)
        self.horizontalScrollBar().valueChanged.connect(self._scrolled_sideways)
        self._fit_view()

    def _scrolled_sideways(self) -> None:
        self.view.update()  # the titles' column stays in view: repaint, never shift pixels
        self.header.update()

    def _fit_view(self) -> None:
        viewport = self.viewport()
        width = max(viewport.width(), self.view.content_width())
        height = max(viewport.height(), self.view.minimumHeight())
        if self.view.size() != (width, height):
            self.view.resize(width, height)
        header = self.view.header_height()
        if self.viewportMargins().top() != header:
            self.setViewportMargins(0, header, 0, 0)
        self._place_header()
        self.header.update()

    def _place_header(self) -> None:
        viewport = self.viewport().geometry()
        height = self.viewportMargins().top()
        self.header.setGeometry(QRect(viewport.left(), viewport.top() - height,
                                      viewport.width(), height))  # fmt: skip

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.view.is_fitted() and self.view.content_width() <= self.viewport().width():
            self.view.set_pixels_per_day(None)
        self._fit_view()

    def zoom(self, steps: int, anchor: float = -1.0) -> None:
        """Zoom in (steps > 0), out (< 0) or fit the whole plan (0), keeping the day at `anchor`
        (x in the rows; -1: today, or the middle of the chart in view) where it is on screen."""
        view, bar = self.view, self.horizontalScrollBar()
        scale = view.scale()
        if anchor < scale.chart_left:  # keys and buttons: around today when in view
            today = scale.x(view.today())
            middle = (scale.chart_left + scale.right) / 2
            anchor = today if scale.chart_left <= today <= scale.right else middle
        on_screen = anchor - bar.value()
        days = (anchor - scale.label_width) / scale.pixels_per_day
        if steps == 0:
            view.set_pixels_per_day(None)
        else:
            view.set_pixels_per_day(scale.pixels_per_day * ZOOM_STEP**steps)
        self._fit_view()
        bar.setValue(round(scale.label_width + days * view.pixels_per_day() - on_screen))
        self._scrolled_sideways()


class TimelinePanel(QWidget):
    """The legend and zoom buttons over the timeline area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = TimelineView()
        self.area = TimelineArea(self.view)
        self.area.setAccessibleName(self.tr("Timeline"))
        self.legend = KindLegend()
        native = QKeySequence.SequenceFormat.NativeText
        self.zoom_in = self._button(
            self.tr("Zoom in"), QKeySequence("Ctrl++").toString(native), lambda: self._zoom(1)
        )
        self.zoom_out = self._button(
            self.tr("Zoom out"), QKeySequence("Ctrl+-").toString(native), lambda: self._zoom(-1)
        )
        self.fit = self._button(
            self.tr("Fit"), QKeySequence("Ctrl+0").toString(native), lambda: self._zoom(0)
        )
        self.fit.setToolTip(self.tr("Show the whole plan ({keys})").format(
            keys=QKeySequence("Ctrl+0").toString(native)))  # fmt: skip
        self._zoom_box = QWidget()
        buttons = QHBoxLayout(self._zoom_box)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.zoom_out, self.zoom_in, self.fit):
            buttons.addWidget(button)
        self._top = QGridLayout()
        self._top.setContentsMargins(0, 0, 0, 0)
        self._top.addWidget(self.legend, 0, 0)
        self._top.setColumnStretch(0, 1)
        self._top.addWidget(self._zoom_box, 0, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self._top)
        layout.addWidget(self.area, 1)
        self.view.content_changed.connect(self._enable)
        self._enable()

    def _button(self, text: str, keys: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.setToolTip(self.tr("{action} ({keys}, or Ctrl+wheel over the timeline)").format(
            action=text, keys=keys))  # fmt: skip
        button.clicked.connect(action)
        return button

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The zoom buttons beside the legend, or under it when both do not fit side by side."""
        needed = self.legend.sizeHint().width() + self._zoom_box.sizeHint().width() + 24
        row, column = (1, 0) if event.size().width() < needed else (0, 1)
        self._top.removeWidget(self._zoom_box)
        self._top.addWidget(self._zoom_box, row, column, Qt.AlignmentFlag.AlignRight)
        super().resizeEvent(event)

    def _zoom(self, steps: int) -> None:
        self.area.zoom(steps)
        self._enable()

    def _enable(self) -> None:
        self.zoom_in.setEnabled(self.view.pixels_per_day() < MAX_DAY_WIDTH)
        self.zoom_out.setEnabled(not self.view.is_fitted())
        self.fit.setEnabled(not self.view.is_fitted())
