"""The plan's history: every accepted baseline, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from studyplanner.services.snapshots import BaselineInfo
from studyplanner.ui.shared.formatting import QT_TRANSLATE_NOOP, format_date, format_datetime, tr
from studyplanner.ui.shared.snapshot_model import SnapshotTableModel

BASELINE_NOTES = (
    QT_TRANSLATE_NOOP("", "Plan created"),
    QT_TRANSLATE_NOOP("", "Plan changed"),
)
"""Why a baseline was kept, as services/plans.py stores it (in English, like every note the app
writes: the Plan screen's and the catch-up choices'); shown in the user's language."""


class BaselineModel(SnapshotTableModel[BaselineInfo]):
    HEADERS = (
        QT_TRANSLATE_NOOP("", "Baseline"),
        QT_TRANSLATE_NOOP("", "Accepted"),
        QT_TRANSLATE_NOOP("", "Finish"),
        QT_TRANSLATE_NOOP("", "Why"),
    )

    def set_baselines(self, baselines: tuple[BaselineInfo, ...]) -> None:
        self.set_rows(sorted(baselines, key=lambda b: -b.number))

    def cell(self, row: int, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        b = self._rows[row]
        if column == 0:
            return tr("#{n} (current)").format(n=b.number) if row == 0 else f"#{b.number}"
        if column == 1:
            return format_datetime(b.accepted_at)
        if column == 2:
            return format_date(b.finish)
        return tr(b.note)  # a note the app wrote; any other text comes back as it is


class HistoryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "Each accepted plan is kept as a baseline, so you can see how the plan changed "
                "and judge progress against it."
            )
        )
        text.setWordWrap(True)
        self.model = BaselineModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Accepted baselines"))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(text)
        layout.addWidget(self.table, 1)

    def set_baselines(self, baselines: tuple[BaselineInfo, ...]) -> None:
        self.model.set_baselines(baselines)
        self.table.resizeColumnsToContents()
