"""The Dashboard's cards: today, this week, progress and practice exams. Layout and wording only:
each card shows the part of a ProgressSnapshot it is about and emits signals for its action."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studyplanner.services.snapshots import ProgressSnapshot
from studyplanner.ui.dashboard.dashboard_card import (
    Card,
    StatusLine,
    ahead_words,
    hours_words,
    wrapped_label,
)
from studyplanner.ui.dashboard.dashboard_headline import status_words
from studyplanner.ui.shared.formatting import format_date, tr
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import Figure, heading_font
from studyplanner.ui.shared.plain_text import ElidedLabel, tooltip


class TodayCard(Card):
    timer_requested = Signal(int)
    log_requested = Signal(int, int)
    """(module id, the block's minutes): log study on it, the dialog opening on those minutes."""
    done_requested = Signal(int, int)
    """(module id, minutes): the block was studied as planned; log it in one click."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("calendar", tr("Today"), parent)
        self.date_label = QLabel()
        self.body.addWidget(self.date_label)
        self.empty = wrapped_label()
        self.body.addWidget(self.empty)
        self._rows: QWidget | None = None
        self.timer_buttons: list[QPushButton] = []
        self.log_buttons: list[QPushButton] = []
        self.done_buttons: list[QPushButton] = []
        self.titles: list[ElidedLabel] = []

    def show_blocks(
        self,
        today: date,
        blocks: tuple[tuple[int, str, int], ...],
        logged: tuple[tuple[int, int], ...] = (),
    ) -> None:
        """Today's blocks; a block whose module already has its minutes logged today shows as
        done (its Done button off), so one click cannot log it twice."""
        self.date_label.setText(format_date(today, True))
        if self._rows is not None:  # out of the layout now: it takes no room while it waits
            self.body.removeWidget(self._rows)  # for its deletion
            self._rows.hide()
            self._rows.deleteLater()
        self.timer_buttons, self.log_buttons, self.done_buttons = [], [], []
        left = dict(logged)
        self._rows = QWidget()
        rows = QVBoxLayout(self._rows)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        self.titles = []
        for module_id, title, minutes in blocks:
            # the title on its own line, elided (full text in its tooltip); the buttons under it
            name = ElidedLabel(title)
            name.setAccessibleName(title)
            name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            name.setFont(heading_font(self.font(), 1.0))
            rows.addWidget(name)
            self.titles.append(name)
            line = QHBoxLayout()
            line.setSpacing(8)
            line.addWidget(QLabel(hours_words(minutes)))
            line.addStretch(1)
            start = QPushButton(icon("clock"), tr("Start timer"))
            start.setAccessibleName(tr("Start the timer on {title}").format(title=title))
            start.clicked.connect(lambda _=False, m=module_id: self.timer_requested.emit(m))
            log = QPushButton(icon("study-log"), tr("Log…"))
            log.setAccessibleName(tr("Log study on {title}").format(title=title))
            log.clicked.connect(
                lambda _=False, m=module_id, n=minutes: self.log_requested.emit(m, n)
            )
            already = min(left.get(module_id, 0), minutes)
            left[module_id] = left.get(module_id, 0) - already
            done = QPushButton(
                icon("check"), tr("Done") if already >= minutes else tr("Done as planned")
            )
            done.setEnabled(already < minutes)
            done.setAccessibleName(
                tr("{title}: logged as planned").format(title=title)
                if already >= minutes
                else tr("Log {time} on {title} as planned").format(
                    time=hours_words(minutes), title=title
                )
            )
            done.setToolTip(tooltip(done.accessibleName()))  # the title as typed
            done.clicked.connect(
                lambda _=False, m=module_id, n=minutes: self.done_requested.emit(m, n)
            )
            for button in (done, start, log):
                line.addWidget(button)
            rows.addLayout(line)
            self.done_buttons.append(done)
            self.timer_buttons.append(start)
            self.log_buttons.append(log)
        self.body.addWidget(self._rows)
        self.empty.setVisible(not blocks)
        self.empty.setText(
            tr("Nothing planned today: a day off, or time to catch up.") if not blocks else ""
        )


class WeekCard(Card):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("timeline", tr("This week"), parent)
        self.words = QLabel()
        self.words.setFont(heading_font(self.font(), 1.2))
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(tr("Study this week"))
        self.note = wrapped_label()
        for w in (self.words, self.bar, self.note):
            self.body.addWidget(w)

    def show_week(self, done: int, planned: int) -> None:
        words = tr("{done} of {planned}").format(
            done=hours_words(done), planned=hours_words(planned)
        )
        self.words.setText(words)
        self.bar.setRange(0, max(planned, done, 1))
        self.bar.setValue(done)
        self.bar.setAccessibleDescription(words)
        if planned and done >= planned:
            self.note.setText(tr("This week's plan is done."))
        elif planned:
            self.note.setText(tr("{left} left this week.").format(left=hours_words(planned - done)))
        else:
            self.note.setText(tr("Nothing is planned this week."))


class ProgressCard(Card):
    catch_up_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("plan", tr("Progress"), parent)
        self.status = StatusLine()
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName(tr("Percent complete"))
        figures = QGridLayout()
        figures.setVerticalSpacing(10)
        self.done = Figure(tr("Hours done"))
        self.forecast = Figure(tr("Forecast finish"))
        self.next_exam = Figure(tr("Next exam or milestone"))
        self.baseline = Figure(tr("Planned finish"))
        top = Qt.AlignmentFlag.AlignTop
        figures.addWidget(self.done, 0, 0, top)
        figures.addWidget(self.baseline, 0, 1, top)
        figures.addWidget(self.forecast, 1, 0, top)
        figures.addWidget(self.next_exam, 1, 1, top)
        self.next_exam.value.setWordWrap(True)
        self.pace = wrapped_label()
        for w in (self.status, self.bar):
            self.body.addWidget(w)
        self.body.addLayout(figures)
        self.body.addWidget(self.pace)
        self.catch_up_button = self.button("refresh", tr("&Catch up…"), tr("Catch up"))
        self.catch_up_button.clicked.connect(self.catch_up_requested)

    def show_progress(self, p: ProgressSnapshot) -> None:
        h = p.headline
        self.status.set_status(*(status_words(h) if h else ahead_words(p.days_ahead)))
        self.bar.setValue(round(p.percent_done))
        self.bar.setFormat(tr("{percent} % complete").format(percent=round(p.percent_done)))
        self.bar.setAccessibleDescription(self.bar.text())
        self.done.set_value(
            tr("{done} of {planned} planned to date").format(
                done=hours_words(round(p.hours_done * 60)),
                planned=hours_words(round(p.hours_planned_to_date * 60)),
            )
        )
        self.baseline.set_value(format_date(p.baseline_finish))
        if p.forecast_finish is None:
            self.forecast.set_value(tr("not enough study yet"))
        else:
            self.forecast.set_value(format_date(p.forecast_finish))
        if p.next_exam is None:
            self.next_exam.set_value(tr("none ahead"))
        else:
            title, day = p.next_exam
            self.next_exam.set_value(
                tr("{title}, {date}").format(title=title, date=format_date(day))
            )
        self.pace.setText(
            tr("Your pace: {hours} a week over the last 4 weeks. The whole plan: {total}.").format(
                hours=hours_words(round(p.pace_minutes_per_week)),
                total=hours_words(round(p.hours_total * 60)),
            )
        )
        self.catch_up_button.setVisible(h.days_ahead < 0 if h else p.days_ahead < 0)


class ExamsCard(Card):
    chart_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("exam", tr("Practice exams"), parent)
        self.status = StatusLine()
        self.readiness = wrapped_label()
        self.readiness.setAccessibleName(tr("Readiness"))
        self.pass_mark = wrapped_label()
        for w in (self.status, self.readiness, self.pass_mark):
            self.body.addWidget(w)
        self.chart_button = self.button(
            "timeline", tr("See the &scores"), tr("See the practice exam scores chart")
        )
        self.chart_button.clicked.connect(self.chart_requested)

    def show_exams(self, p: ProgressSnapshot) -> None:
        mark = p.pass_mark_percent
        self.pass_mark.setVisible(mark is not None)
        self.pass_mark.setText(
            tr("Pass mark: {mark} %").format(mark=f"{mark:g}") if mark is not None else ""
        )
        scores = p.exam_scores
        self.chart_button.setEnabled(bool(scores))
        if not scores:
            self.status.set_status("info", tr("No scores yet"))
            self.readiness.setText(
                tr("Mark a practice exam done with its score to see how ready you are.")
            )
            return
        last = scores[-1]
        note = p.readiness[:1].upper() + p.readiness[1:] + "." if p.readiness else ""
        self.readiness.setText(
            note
            or tr("Last score: {score} % on {date}.").format(
                score=f"{last.score:g}", date=format_date(last.day)
            )
        )
        recent = [s.score for s in scores[-3:]]
        average = sum(recent) / len(recent)
        if mark is None:
            self.status.set_status("info", tr("{score} % on average").format(score=round(average)))
        elif average >= mark:
            self.status.set_status("check", tr("Above the pass mark"))
        else:
            self.status.set_status("warning", tr("Below the pass mark"))
