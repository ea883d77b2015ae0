"""The Dashboard's charts (Qt Charts): a burn-up of planned vs done hours with the forecast line,
practice-exam scores against the pass mark, and the hours studied each week.

Every colour comes from the widget's palette (a chart theme alone would not follow dark mode), and
the charts are redrawn when the palette changes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QEvent, QLocale, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QWidget

from studyplanner.core.model import ModuleKind
from studyplanner.services.snapshots import ProgressSeries
from studyplanner.ui.shared.colours import kind_colour, muted
from studyplanner.ui.shared.formatting import qdate

WEEKS_SHOWN = 8
"""The weekly bars show the last eight weeks (with the weeks nothing was studied), or the plan's
weeks so far when it began less than eight weeks ago."""

FORECAST_MARGIN = 0.5
"""The burn-up's time axis ends at the planned finish plus half the plan's length: a forecast far
beyond it is cut at the edge (its date is in the Progress card) rather than squashing the plan."""


def msecs(day: date) -> float:
    """Noon of `day` in local time, in milliseconds since the epoch (the charts' time axis).

    Python's own conversion: Qt's (QDateTime.toMSecsSinceEpoch) took about 60 µs a point, 70 ms
    a burn-up at ten years of weeks. Qt's is the fallback for a date the C library refuses."""
    try:
        return datetime.combine(day, NOON).timestamp() * 1000
    except (OverflowError, OSError, ValueError):
        return float(QDateTime(qdate(day), QTime(12, 0)).toMSecsSinceEpoch())


NOON = time(12, 0)


def apply_palette(chart: QChart, palette: QPalette) -> None:
    """Background, titles, legend, axis labels and grid from the palette."""
    text = palette.color(QPalette.ColorRole.WindowText)
    grid = palette.color(QPalette.ColorRole.Mid)
    chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Window))
    chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
    chart.setPlotAreaBackgroundVisible(False)
    chart.setTitleBrush(text)
    chart.legend().setLabelColor(text)
    for axis in chart.axes():
        axis.setLabelsBrush(text)
        axis.setTitleBrush(text)
        axis.setGridLineColor(grid)
        axis.setMinorGridLineColor(grid)
        axis.setLinePenColor(grid)


def _pen(colour: QColor, width: float = 2.5, dashed: bool = False) -> QPen:
    pen = QPen(colour)
    pen.setWidthF(width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class ChartView(QChartView):
    """One chart, antialiased, with an accessible name; cleared and refilled on each update."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture: Tab goes to the next control
        self.setAccessibleName(accessible_name)
        self.viewport().setAccessibleName(accessible_name)
        self.setMinimumHeight(260)
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)

    def clear(self, title: str) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()
        chart.setTitle(title)
        chart.legend().setVisible(True)
        return chart

    def series_names(self) -> list[str]:
        return [s.name() for s in self.chart().series()]


def _attach(chart: QChart, series: list[QLineSeries], x: QAbstractAxis, y: QValueAxis) -> None:
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for s in series:
        chart.addSeries(s)
        s.attachAxis(x)
        s.attachAxis(y)


def _date_axis(first: date, last: date) -> QDateTimeAxis:
    axis = QDateTimeAxis()
    axis.setFormat("MMM yyyy" if (last - first).days > 120 else "d MMM")
    axis.setRange(QDateTime(qdate(first), QTime(0, 0)), QDateTime(qdate(last), QTime(23, 59)))
    axis.setTickCount(6)
    return axis


class ProgressCharts(QWidget):
    """The three charts side by side (burn-up on its own row: it is the widest)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: ProgressSeries | None = None
        self._today = date.today()
        self.burn_up = ChartView(self.tr("Burn-up chart: planned and done hours"))
        self.scores = ChartView(self.tr("Practice exam scores chart"))
        self.weekly = ChartView(self.tr("Hours studied each week chart"))
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.burn_up, 0, 0, 1, 2)
        layout.addWidget(self.scores, 1, 0)
        layout.addWidget(self.weekly, 1, 1)
        self.burn_up.setMinimumHeight(300)

    def show_series(self, series: ProgressSeries, today: date) -> None:
        if series == self._series and today == self._today:
            return  # drawn already: the refresh after a change these charts do not show
        self._series = series
        self._today = today
        self._draw()

    def _draw(self) -> None:
        series, today = self._series, self._today
        assert series is not None
        palette = self.palette()
        self._draw_burn_up(series, palette)
        self._draw_scores(series, palette)
        self._draw_weekly(series, today, palette)
        for view in (self.burn_up, self.scores, self.weekly):
            apply_palette(view.chart(), palette)
            view.setBackgroundBrush(palette.color(QPalette.ColorRole.Window))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._series is not None:
            self._draw()
        super().changeEvent(event)

    # -- the three charts -------------------------------------------------------------------
    def _draw_burn_up(self, series: ProgressSeries, palette: QPalette) -> None:
        chart = self.burn_up.clear(self.tr("Hours: planned and done"))
        if not series.burn_up:
            return
        planned = QLineSeries()
        planned.setName(self.tr("Planned (baseline)"))
        planned.setPen(_pen(muted(palette), 2.0))
        actual = QLineSeries()
        actual.setName(self.tr("Done"))
        actual.setPen(_pen(palette.color(QPalette.ColorRole.Highlight), 3.0))
        for point in series.burn_up:
            planned.append(msecs(point.week_end), point.planned_hours)
            if point.actual_hours is not None:
                actual.append(msecs(point.week_end), point.actual_hours)
        lines = [planned, actual]
        first = series.burn_up[0].week_end
        full = max(p.planned_hours for p in series.burn_up)
        planned_end = next(p.week_end for p in series.burn_up if p.planned_hours >= full)
        last = max(
            [planned_end, *(p.week_end for p in series.burn_up if p.actual_hours is not None)]
        )
        top = full
        if series.forecast:
            forecast = QLineSeries()
            forecast.setName(self.tr("Forecast at your pace"))
            forecast.setPen(_pen(kind_colour(ModuleKind.PRACTICE_EXAM, palette), 2.0, True))
            for day, hours in series.forecast:
                forecast.append(msecs(day), hours)
                top = max(top, hours)
            lines.append(forecast)
            limit = planned_end + (planned_end - first) * FORECAST_MARGIN
            last = min(max(series.forecast[-1][0], planned_end), limit)
        y = QValueAxis()
        y.setRange(0, max(1.0, top * 1.05))
        y.applyNiceNumbers()
        y.setLabelFormat("%g")
        y.setTitleText(self.tr("hours"))
        _attach(chart, lines, _date_axis(first, last), y)

    def _draw_scores(self, series: ProgressSeries, palette: QPalette) -> None:
        scores = series.exam_scores
        chart = self.scores.clear(
            self.tr("Practice exam scores") if scores else self.tr("No practice exam scores yet")
        )
        if not scores:
            return
        line = QLineSeries()
        line.setName(self.tr("Score"))
        line.setPen(_pen(kind_colour(ModuleKind.PRACTICE_EXAM, palette), 3.0))
        line.setPointsVisible(True)
        for score in scores:
            line.append(msecs(score.day), score.score)
        first = scores[0].day - timedelta(days=7)
        last = scores[-1].day + timedelta(days=7)
        lines = [line]
        if series.pass_mark_percent is not None:
            mark = QLineSeries()
            mark.setName(self.tr("Pass mark {mark} %").format(mark=f"{series.pass_mark_percent:g}"))
            mark.setPen(_pen(palette.color(QPalette.ColorRole.WindowText), 1.5, True))
            mark.append(msecs(first), series.pass_mark_percent)
            mark.append(msecs(last), series.pass_mark_percent)
            lines.append(mark)
        y = QValueAxis()
        y.setRange(0, 100)
        y.setLabelFormat("%d %%")
        _attach(chart, lines, _date_axis(first, last), y)

    def _draw_weekly(self, series: ProgressSeries, today: date, palette: QPalette) -> None:
        chart = self.weekly.clear(self.tr("Hours studied each week"))
        by_week = dict(series.weekly_minutes)
        this_monday = today - timedelta(days=today.weekday())
        mondays = [this_monday - timedelta(weeks=n) for n in range(WEEKS_SHOWN - 1, -1, -1)]
        if series.burn_up:  # a young plan: its own weeks only, not empty weeks before it began
            first = series.burn_up[0].week_end - timedelta(days=6)
            mondays = [m for m in mondays if m >= first] or [this_monday]
        bars = QBarSet(self.tr("Hours studied"))
        colour = palette.color(QPalette.ColorRole.Highlight)
        bars.setColor(colour)
        bars.setBorderColor(colour)
        for monday in mondays:
            bars.append(round(by_week.get(monday, 0) / 60, 1))
        bar_series = QBarSeries()
        bar_series.append(bars)
        x = QBarCategoryAxis()
        x.append([QLocale().toString(qdate(m), "d MMM") for m in mondays])
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        x.setLabelsFont(small)
        y = QValueAxis()
        y.setRange(0, max(1.0, max(bars.at(i) for i in range(bars.count())) * 1.1))
        y.applyNiceNumbers()
        y.setLabelFormat("%g")
        y.setTitleText(self.tr("hours"))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addSeries(bar_series)
        bar_series.attachAxis(x)
        bar_series.attachAxis(y)
        chart.legend().setVisible(False)
