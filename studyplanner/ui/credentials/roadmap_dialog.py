"""Add a goal credential: the career roadmap (services/roadmap.py). A table of every credential
the rules name with what it would cost this learner, the chosen one's details (study dated at
their week, the exam, the CEU consequence, the sources as links), and "Preview plan…", which
shows the goal's plan in the usual preview before it is created."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyplanner.bundled import rule_book
from studyplanner.core.roadmap import RoadmapEntry, TrackCost
from studyplanner.core.validation import InvalidInput
from studyplanner.services.changes import Changes
from studyplanner.services.database import Database
from studyplanner.services.errors import StoreProblem
from studyplanner.services.plans import active_plan
from studyplanner.services.roadmap import (
    Roadmap,
    career_roadmap,
    create_goal_plan,
    preview_goal_plan,
)
from studyplanner.services.snapshots import ModuleMove, PlanPreview, PlanSnapshot
from studyplanner.ui.credentials.roadmap_words import (
    details_html,
    finish_words,
    hours_words,
    total_words,
)
from studyplanner.ui.shared.formatting import QT_TRANSLATE_NOOP, format_date, format_hours
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.labels import problem_label
from studyplanner.ui.shared.on_worker import on_worker
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.shared.preview_dialog import PreviewDialog
from studyplanner.ui.shared.screen_fit import fit_to_screen, room_for
from studyplanner.ui.shared.snapshot_model import SnapshotTableModel


class RoadmapModel(SnapshotTableModel[RoadmapEntry]):
    HEADERS = (
        QT_TRANSLATE_NOOP("", "Credential"),
        QT_TRANSLATE_NOOP("", "Study"),
        QT_TRANSLATE_NOOP("", "Earliest finish"),
        QT_TRANSLATE_NOOP("", "CEUs a cycle"),
    )

    def cell(self, row: int, column: int, role: int) -> Any:
        entry = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{entry.code} ({entry.body})"
            if column == 1:
                return hours_words(entry)
            if column == 2:
                return finish_words(entry)
            return total_words(entry.ceus)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return entry.name
        return None


def as_new_modules(preview: PlanPreview) -> PlanPreview:
    """A new plan's preview lists every module as new, with its dates."""
    by_id = {m.module_id: m for m in preview.schedule.modules}
    moves = tuple(
        ModuleMove(
            m.id,
            m.title,
            None,
            None,
            by_id[m.id].start if m.id in by_id else None,
            by_id[m.id].due if m.id in by_id else None,
        )
        for m in preview.modules
    )
    return replace(preview, moves=moves)


class RoadmapDialog(QDialog):
    def __init__(
        self,
        db: Database,
        clock: Callable[[], date],
        parent: QWidget | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self._db, self._clock, self._now = db, clock, now
        self._book = rule_book()
        self.created: PlanSnapshot | None = None
        self.changes = Changes(0)
        self.setWindowTitle(self.tr("Add a goal credential"))
        self.setAccessibleName(self.tr("Add a goal credential"))
        self.road: Roadmap = career_roadmap(db, clock())
        self.intro = PlainLabel(self._intro_text())
        self.intro.setWordWrap(True)
        self.model = RoadmapModel(self.road.entries, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Credentials you could add"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        columns = sum(header.sectionSize(c) for c in range(self.model.columnCount()))
        scroll = self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(columns + scroll + 2 * self.table.frameWidth() + 4)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.track = QComboBox()
        self.track.setAccessibleName(self.tr("Study track"))
        track_label = QLabel(self.tr("Study &track:"))
        track_label.setBuddy(self.track)
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(True)
        self.details.setAccessibleName(self.tr("What it would cost"))
        self.replaces = PlainLabel()
        self.replaces.setWordWrap(True)
        self.problem = problem_label()
        self.problem.setAccessibleName(self.tr("Problem"))
        buttons = QDialogButtonBox()
        self.preview_button = QPushButton(icon("plan"), self.tr("&Preview plan…"))
        self.preview_button.setAccessibleName(self.tr("Preview plan"))
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_entry())
        self.track.currentIndexChanged.connect(lambda *_: self._show_details())
        grid = QGridLayout()
        grid.addWidget(self.table, 0, 0, 3, 1)
        grid.addWidget(track_label, 0, 1)
        grid.addWidget(self.track, 0, 2)
        grid.addWidget(self.details, 1, 1, 1, 2)
        grid.addWidget(self.replaces, 2, 1, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 3)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(grid, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(760, room_for(self).width()))
        fit_to_screen(self, QSize(1040, 620))
        if self.road.entries:
            self.table.selectRow(0)
        self._on_entry()

    def _intro_text(self) -> str:
        road = self.road
        weekly = format_hours(road.week.weekly_minutes)
        if road.active_finish is not None and road.active_plan is not None:
            text = self.tr(
                "What each credential would cost you, studying {weekly} a week after your "
                "plan “{plan}”, which finishes {finish}:"
            ).format(weekly=weekly, plan=road.active_plan, finish=format_date(road.active_finish))
        elif road.active_plan is not None:
            text = self.tr(
                "What each credential would cost you, studying {weekly} a week from today "
                "(your week in “{plan}”):"
            ).format(weekly=weekly, plan=road.active_plan)
        else:
            text = self.tr(
                "What each credential would cost you, studying {weekly} a week from today "
                "(no plan yet: a usual week of evenings and Saturday):"
            ).format(weekly=weekly)
        return text

    # -- the chosen credential ----------------------------------------------------------------
    def entry(self) -> RoadmapEntry | None:
        row = self.table.currentIndex().row()
        rows = self.model.rows()
        return rows[row] if 0 <= row < len(rows) else None

    def chosen_track(self) -> TrackCost | None:
        entry = self.entry()
        index = self.track.currentIndex()
        if entry is None or not 0 <= index < len(entry.tracks):
            return None
        return entry.tracks[index]

    def select(self, code: str) -> None:
        for row, entry in enumerate(self.model.rows()):
            if entry.code == code:
                self.table.selectRow(row)
                return

    def _on_entry(self) -> None:
        entry = self.entry()
        self.track.blockSignals(True)
        self.track.clear()
        for track in entry.tracks if entry else ():
            self.track.addItem(track.name)
        self.track.blockSignals(False)
        self.track.setEnabled(self.track.count() > 0)
        self._show_details()

    def _show_details(self) -> None:
        entry, track = self.entry(), self.chosen_track()
        self.details.setHtml(details_html(self._book, entry, track) if entry else "")
        self.preview_button.setEnabled(track is not None)
        running = self.road.active_plan is not None and track is not None
        self.replaces.setVisible(running)
        if running:
            self.replaces.setText(
                self.tr(
                    "Creating it makes it the plan you follow; {plan} is kept with its "
                    "history but is no longer the active plan."
                ).format(plan=self.road.active_plan)
            )

    # -- preview and create ---------------------------------------------------------------------
    def preview(self) -> PlanSnapshot | None:
        track = self.chosen_track()
        if track is None:
            return None
        today = self._clock()
        try:
            new, preview = preview_goal_plan(self._db, track.template_id, today)
        except InvalidInput as exc:
            self._fail("\n".join(p.message for p in exc.problems))
            return None
        current = active_plan(self._db, today)
        shown = as_new_modules(preview)
        before = current.schedule if current is not None else preview.schedule
        if not PreviewDialog.ask(shown, before, self, self.tr("&Create this plan")):
            return None
        now = self._now()
        try:
            snapshot, changes = on_worker(
                self,
                self.tr("Saving the plan…"),
                lambda: create_goal_plan(self._db, new, today, now, preview=preview),
            )
        except InvalidInput as exc:
            self._fail("\n".join(p.message for p in exc.problems))
            return None
        except StoreProblem as exc:
            self._fail(exc.user_message)
            return None
        self.created, self.changes = snapshot, changes
        self.accept()
        return snapshot

    def _fail(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    @classmethod
    def ask(
        cls,
        db: Database,
        clock: Callable[[], date],
        parent: QWidget | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> tuple[PlanSnapshot, Changes] | None:
        """The plan created toward a goal and what changed, or None when closed."""
        dialog = cls(db, clock, parent, now)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.created is None:
            return None
        return dialog.created, dialog.changes
