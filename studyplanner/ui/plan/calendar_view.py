"""A month calendar of study blocks: each day shows its planned minutes; choosing a day lists
its blocks (module and minutes) beside the calendar."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.model import Blackout, ModuleKind, StudyBlock
from studyplanner.ui.shared.colours import kind_colour, muted
from studyplanner.ui.shared.formatting import (
    format_date,
    format_hours,
    kind_icon_name,
    pydate,
    qdate,
)
from studyplanner.ui.shared.icons import icon


class StudyCalendar(QCalendarWidget):
    """QCalendarWidget that paints each day's planned study time in the cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setAccessibleName(self.tr("Calendar of study days"))
        plain = QTextCharFormat()  # Qt paints weekends red by default: use the palette instead
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, plain)
        grid = self.findChild(QTableView, "qt_calendar_calendarview")
        if grid is not None:
            grid.setAccessibleName(self.tr("Days of the month"))
        for name, text in (
            ("qt_calendar_prevmonth", self.tr("Previous month")),
            ("qt_calendar_nextmonth", self.tr("Next month")),
        ):
            button = self.findChild(QWidget, name)
            if button is not None:
                button.setAccessibleName(text)
        self._minutes: dict[date, int] = {}
        self._kinds: dict[date, ModuleKind] = {}
        self._blackouts: tuple[Blackout, ...] = ()

    def set_days(
        self,
        minutes: dict[date, int],
        kinds: dict[date, ModuleKind],
        blackouts: tuple[Blackout, ...],
    ) -> None:
        self._minutes = minutes
        self._kinds = kinds
        self._blackouts = blackouts
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, qd: QDate) -> None:
        super().paintCell(painter, rect, qd)
        day = pydate(qd)
        palette = self.palette()
        painter.save()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.8))
        painter.setFont(small)
        minutes = self._minutes.get(day)
        selected = qd == self.selectedDate()  # Qt fills the selected cell with Highlight
        text = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        if minutes:
            colour = kind_colour(self._kinds[day], palette)
            bar = QRect(rect.left() + 3, rect.bottom() - 5, rect.width() - 6, 3)
            painter.fillRect(bar, colour)
            painter.setPen(palette.color(text))
            painter.drawText(
                rect.adjusted(2, 0, -3, -6),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                format_hours(minutes),
            )
        elif any(b.covers(day) for b in self._blackouts):
            painter.setPen(palette.color(text) if selected else muted(palette))
            painter.drawText(
                rect.adjusted(2, 0, -3, -4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                self.tr("off"),
            )
        painter.restore()


class CalendarPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar = StudyCalendar()
        self.day_title = QLabel()
        font = QFont(self.day_title.font())
        font.setBold(True)
        self.day_title.setFont(font)
        self.day_list = QListWidget()
        self.day_list.setAccessibleName(self.tr("Study blocks of the chosen day"))
        side = QVBoxLayout()
        side.addWidget(self.day_title)
        side.addWidget(self.day_list, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.calendar, 3)
        layout.addLayout(side, 2)
        self._blocks: dict[date, list[StudyBlock]] = {}
        self._titles: dict[int, tuple[str, ModuleKind]] = {}
        self.calendar.selectionChanged.connect(self._on_day)

    def set_plan(
        self,
        blocks: tuple[StudyBlock, ...],
        titles: dict[int, tuple[str, ModuleKind]],
        blackouts: tuple[Blackout, ...],
        today: date,
    ) -> None:
        self._titles = titles
        self._blocks = defaultdict(list)
        minutes: dict[date, int] = defaultdict(int)
        kinds: dict[date, ModuleKind] = {}
        for b in blocks:
            self._blocks[b.day].append(b)
            minutes[b.day] += b.minutes
            kinds.setdefault(b.day, titles.get(b.module_id, ("", ModuleKind.LESSON))[1])
        self.calendar.set_days(dict(minutes), kinds, blackouts)
        first = min((b.day for b in blocks), default=today)
        self.calendar.setSelectedDate(qdate(max(today, first)))
        self._on_day()

    def _on_day(self) -> None:
        day = pydate(self.calendar.selectedDate())
        self.day_title.setText(format_date(day, long=True))
        self.day_list.clear()
        blocks = self._blocks.get(day, [])
        if not blocks:
            QListWidgetItem(self.tr("Nothing planned on this day."), self.day_list)
            return
        for b in blocks:
            title, kind = self._titles.get(b.module_id, ("?", ModuleKind.LESSON))
            item = QListWidgetItem(
                icon(kind_icon_name(kind)), f"{format_hours(b.minutes)} — {title}"
            )
            self.day_list.addItem(item)
        total = sum(b.minutes for b in blocks)
        QListWidgetItem(
            self.tr("In total {hours}").format(hours=format_hours(total)), self.day_list
        )
