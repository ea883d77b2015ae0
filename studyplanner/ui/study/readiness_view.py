"""Readiness by exam section: a chart of each section's score in the latest attempts against the
pass mark, a table of every attempt, and the review weak sections call for, previewed as a
change to the plan before it is accepted (the Preview dialog every plan change goes through).

Colours come from the palette (attempts in the highlight colour, older ones blended towards the
background); the words "below the pass mark" and an icon say what colour alone would not."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QPen, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.section_review import ReviewVerdict
from studyplanner.core.validation import InvalidInput
from studyplanner.services.changes import PLAN_CHANGES, Changes
from studyplanner.services.database import Database
from studyplanner.services.section_readiness import Readiness, section_readiness
from studyplanner.ui.dashboard.progress_charts import ChartView, apply_palette
from studyplanner.ui.shared.colours import blend
from studyplanner.ui.shared.formatting import format_date, format_hours
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.plain_text import PlainLabel

ATTEMPTS_CHARTED = 3
"""The chart shows the latest three attempts (the table shows them all)."""


def _percent(value: float | None) -> str:
    return "–" if value is None else QLocale().toString(value, "f", 0) + " %"


class SectionReadinessView(QWidget):
    data_changed = Signal(object)
    """Carries the Changes of a saved action (the review added to the plan)."""

    def __init__(
        self, db: Database, clock: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self.found: Readiness | None = None
        self.setAccessibleName(self.tr("Readiness by exam section"))
        self.summary = PlainLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Readiness summary"))
        self.chart = ChartView(self.tr("Section scores chart"))
        self.chart.setMinimumHeight(360)
        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Section scores table"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(150)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verdict = PlainLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Review verdict"))
        self.review_button = QPushButton(icon("calendar"), self.tr("&Plan the review…"))
        self.review_button.setAccessibleName(self.tr("Plan the review"))
        self.review_button.clicked.connect(self.plan_review)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verdict, 1)
        buttons.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        self.refresh()

    # -- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.found = section_readiness(self._db, self._clock())
        found = self.found
        if found is None:
            self.summary.setText(
                self.tr("The plan's track has no exam sections: scores by section need a track "
                        "made from a built-in template.")
            )  # fmt: skip
            self.model.clear()
            self.chart.clear(self.tr("No section scores"))
            self.verdict.setText("")
            self.review_button.setEnabled(False)
            return
        outline = found.outline
        text = self.tr("{exam}: each section against the pass mark of {mark} %.").format(
            exam=outline.exam, mark=f"{outline.pass_mark_percent:g}"
        )
        if outline.estimated:
            text += " " + self.tr(
                "Some section sizes (and, for scaled-score exams, the mark) are estimates."
            )
        self.summary.setText(text)
        self._fill_table(found)
        self._draw(found)
        self.verdict.setText(self._verdict_text(found))
        self.review_button.setEnabled(found.change is not None)

    def _fill_table(self, found: Readiness) -> None:
        self.model.clear()
        attempts = sorted(found.attempts, key=lambda a: (a.day, a.module_id))
        headers = [self.tr("Section"), self.tr("Questions")]
        headers += [format_date(a.day) for a in attempts]
        headers += [self.tr("Latest"), self.tr("Status")]
        self.model.setHorizontalHeaderLabels(headers)
        for row in found.sections:
            cells = [QStandardItem(row.title), QStandardItem(str(row.questions))]
            cells += [QStandardItem(_percent(p)) for p in row.percents]
            cells.append(QStandardItem(_percent(row.latest)))
            if row.latest is None:
                status = QStandardItem(self.tr("not scored yet"))
            elif row.weak:
                status = QStandardItem(icon("warning"), self.tr("below the pass mark"))
            else:
                status = QStandardItem(icon("check"), self.tr("at or above the pass mark"))
            cells.append(status)
            self.model.appendRow(cells)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _draw(self, found: Readiness) -> None:
        palette = self.palette()
        attempts = sorted(found.attempts, key=lambda a: (a.day, a.module_id))[-ATTEMPTS_CHARTED:]
        chart = self.chart.clear(
            self.tr("Section scores") if attempts else self.tr("No section scores yet")
        )
        if not attempts:
            apply_palette(chart, palette)
            return
        series = QHorizontalBarSeries()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        background = palette.color(QPalette.ColorRole.Window)
        sections = list(reversed(found.sections))  # the first section at the top
        for i, attempt in enumerate(attempts):
            age = len(attempts) - 1 - i
            bars = QBarSet(
                self.tr("{title}, {date}").format(
                    title=attempt.title, date=format_date(attempt.day)
                )
            )
            colour = blend(highlight, background, 1.0 - 0.55 * age / max(1, len(attempts) - 1))
            bars.setColor(colour)
            bars.setBorderColor(colour)
            for row in sections:
                bars.append(attempt.percent(row.key) or 0.0)
            series.append(bars)
        y = QBarCategoryAxis()
        y.append([row.title.split(" (")[0] for row in sections])  # the words before any "("
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        y.setLabelsFont(small)
        y.setTruncateLabels(False)
        series.setBarWidth(0.8)
        x = QValueAxis()
        x.setRange(0, 100)
        x.setLabelFormat("%d %%")
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addSeries(series)
        series.attachAxis(x)
        series.attachAxis(y)
        mark = QLineSeries()
        mark.setName(
            self.tr("Pass mark {mark} %").format(mark=f"{found.outline.pass_mark_percent:g}")
        )
        pen = QPen(palette.color(QPalette.ColorRole.WindowText))
        pen.setWidthF(1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        mark.setPen(pen)
        rows = QValueAxis()
        rows.setRange(-0.5, len(sections) - 0.5)
        rows.setVisible(False)
        chart.addAxis(rows, Qt.AlignmentFlag.AlignRight)
        mark.append(found.outline.pass_mark_percent, -0.5)
        mark.append(found.outline.pass_mark_percent, len(sections) - 0.5)
        chart.addSeries(mark)
        mark.attachAxis(x)
        mark.attachAxis(rows)
        apply_palette(chart, palette)
        rows.setVisible(False)

    def _verdict_text(self, found: Readiness) -> str:
        review = found.review
        titles = {r.key: r.title for r in found.sections}
        sitting = found.next_sitting
        before = (
            self.tr("before {title} ({date})").format(
                title=sitting.title, date=format_date(sitting.day)
            )
            if sitting is not None and sitting.day is not None
            else self.tr("before the next sitting")
        )
        kind = review.verdict
        if kind is ReviewVerdict.NO_SCORES:
            return self.tr(
                "No section scores yet: mark a practice exam complete and enter the questions "
                "missed in each section."
            )
        if kind is ReviewVerdict.READY:
            return self.tr("Every section is at or above the pass mark.")
        if kind is ReviewVerdict.PLANNED:
            return self.tr("Every section under the pass mark already has review in the plan.")
        if kind is ReviewVerdict.NO_SITTING:
            return self.tr("No practice exam or exam is left to review for.")
        lines = [
            self.tr("{section}: {time}").format(
                section=titles.get(b.section_key, b.section_key), time=format_hours(b.minutes)
            )
            for b in review.blocks
        ]
        if kind is ReviewVerdict.FITS:
            head = self.tr("Review {time} {before}:").format(
                time=format_hours(review.minutes), before=before
            )
        else:
            first = ", ".join(titles.get(k, k) for k in review.priority[:3])
            head = self.tr(
                "Time is short: {time} of the {wanted} of review wanted fit {before}. "
                "Put these sections first: {first}."
            ).format(
                time=format_hours(review.minutes), wanted=format_hours(review.wanted_minutes),
                before=before, first=first,
            )  # fmt: skip
        return "\n".join([head, *lines])

    # -- acting --------------------------------------------------------------------------------
    def plan_review(self) -> bool:
        """Preview the plan with the review; on Accept, save it (a new baseline)."""
        found = self.found
        if found is None or found.change is None:
            return False
        from studyplanner.services.plan_reader import active_plan
        from studyplanner.services.plans import preview_plan_change
        from studyplanner.services.section_readiness import accept_review
        from studyplanner.ui.shared.preview_dialog import PreviewDialog

        today = self._clock()
        plan = active_plan(self._db, today)
        try:
            preview = preview_plan_change(self._db, found.change, today)
        except InvalidInput as exc:
            self.verdict.setText("\n".join(p.message for p in exc.problems))
            return False
        if plan is None or not PreviewDialog.ask(preview, plan.schedule, self):
            return False
        from studyplanner.ui.shared.on_worker import on_worker

        try:
            on_worker(self, self.tr("Saving the plan…"), lambda: accept_review(self._db, today))
        except InvalidInput as exc:
            self.verdict.setText("\n".join(p.message for p in exc.problems))
            return False
        self.refresh()
        self.data_changed.emit(PLAN_CHANGES)
        return True


class ReadinessDialog(QDialog):
    """The readiness view in a window of its own, opened from the Modules screen."""

    def __init__(
        self, db: Database, clock: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Readiness by exam section"))
        self.setAccessibleName(self.tr("Readiness by exam section"))
        self.changes = Changes.NONE
        self.view = SectionReadinessView(db, clock)
        self.view.data_changed.connect(self._on_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = (1100, 900) if screen is None else (
            min(1100, screen.width() - 60), min(900, screen.height() - 60)
        )  # fmt: skip
        self.resize(width, height)

    def _on_changed(self, changes: Changes) -> None:
        self.changes |= changes
