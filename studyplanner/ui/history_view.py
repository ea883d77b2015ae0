"""The plan's history: every accepted baseline, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from studyplanner.services.snapshots import BaselineInfo
from studyplanner.ui.formatting import format_date, tr

Index = QModelIndex | QPersistentModelIndex


class BaselineModel(QAbstractTableModel):
    HEADERS = ("Baseline", "Accepted", "Finish", "Why")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[BaselineInfo] = []

    def set_baselines(self, baselines: tuple[BaselineInfo, ...]) -> None:
        self.beginResetModel()
        self._rows = sorted(baselines, key=lambda b: -b.number)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= index.row() < len(self._rows):
            return None
        b = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return tr("#{n} (current)").format(n=b.number) if index.row() == 0 else f"#{b.number}"
        if column == 1:
            return QLocale().toString(QDateTime(b.accepted_at), QLocale.FormatType.ShortFormat)
        if column == 2:
            return format_date(b.finish)
        return b.note


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
        self.model = BaselineModel(self)
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
