"""The Modules screen's table: one row per module with its status, sortable and filterable."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from studyplanner.services.snapshots import ModuleStatus
from studyplanner.ui.shared.formatting import (
    QT_TRANSLATE_NOOP,
    format_date,
    format_hours,
    kind_icon_name,
    kind_name,
    tr,
)
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.plain_text import tooltip
from studyplanner.ui.shared.snapshot_model import (
    SnapshotTableModel,
    SortedInSource,
    date_shape,
    hours_shape,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Raw values (numbers, ISO dates) so sorting follows meaning, not the displayed words."""
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

STATUSES = ("not_started", "in_progress", "done", "overdue")
STATUS_ICONS = {
    "not_started": "calendar",
    "in_progress": "clock",
    "done": "check",
    "overdue": "warning",
}


def status_word(status: str) -> str:
    return {
        "not_started": tr("Not started"),
        "in_progress": tr("In progress"),
        "done": tr("Done"),
        "overdue": tr("Overdue"),
    }[status]


class ModuleStatusModel(SnapshotTableModel[ModuleStatus]):
    HEADERS = (
        "#",
        QT_TRANSLATE_NOOP("", "Module"),
        QT_TRANSLATE_NOOP("", "Kind"),
        QT_TRANSLATE_NOOP("", "Status"),
        QT_TRANSLATE_NOOP("", "Logged"),
        QT_TRANSLATE_NOOP("", "Estimated"),
        QT_TRANSLATE_NOOP("", "Due"),
        QT_TRANSLATE_NOOP("", "Completed"),
        QT_TRANSLATE_NOOP("", "Score"),
    )
    NUMBER, TITLE, KIND, STATUS, LOGGED, ESTIMATED, DUE, COMPLETED, SCORE = range(9)
    FITTED = frozenset({NUMBER, KIND, STATUS, LOGGED, ESTIMATED, DUE, COMPLETED, SCORE})

    def shape(self, m: ModuleStatus, column: int) -> Hashable:
        if column == self.NUMBER:
            return len(str(m.position + 1))
        if column == self.KIND:
            return m.kind
        if column == self.STATUS:
            return m.status
        if column == self.LOGGED:
            return hours_shape(m.minutes_logged)
        if column == self.ESTIMATED:
            return hours_shape(m.minutes_estimated)
        if column == self.DUE:
            return date_shape(m.due)
        if column == self.COMPLETED:
            return date_shape(m.done_on if m.done else None)
        return None if m.score is None else len(f"{m.score:g}")

    def module(self, row: int) -> ModuleStatus:
        return self._rows[row]

    def row_of(self, module_id: int) -> int | None:
        for row, m in enumerate(self._rows):
            if m.id == module_id:
                return row
        return None

    def cell(self, row: int, column: int, role: int) -> Any:
        m = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(m, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._text(m, column)
            return text if text != "–" else tr("none")
        if role == SORT_ROLE:
            return self.sort_key(m, column)
        if role == STATUS_ROLE:
            return m.status
        if role == Qt.ItemDataRole.DecorationRole:
            if column == self.STATUS:
                return icon(STATUS_ICONS[m.status])
            if column == self.KIND:
                return icon(kind_icon_name(m.kind))
        if role == Qt.ItemDataRole.FontRole and column == self.STATUS and m.status == "overdue":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.NUMBER,
            self.LOGGED,
            self.ESTIMATED,
            self.SCORE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return tooltip(m.title)
        return None

    def _text(self, m: ModuleStatus, column: int) -> str:
        if column == self.NUMBER:
            return str(m.position + 1)
        if column == self.TITLE:
            return m.title
        if column == self.KIND:
            return kind_name(m.kind)
        if column == self.STATUS:
            return status_word(m.status)
        if column == self.LOGGED:
            return format_hours(m.minutes_logged)
        if column == self.ESTIMATED:
            return format_hours(m.minutes_estimated)
        if column == self.DUE:
            return format_date(m.due)
        if column == self.COMPLETED:
            return format_date(m.done_on) if m.done else "–"
        if m.score is None:
            return "–"
        return tr("{score} %").format(score=f"{m.score:g}")

    def sort_key(self, m: ModuleStatus, column: int) -> Any:
        if column == self.TITLE:
            return m.title.casefold()
        if column == self.KIND:
            return kind_name(m.kind)
        if column == self.STATUS:
            return STATUSES.index(m.status)
        if column == self.LOGGED:
            return m.minutes_logged
        if column == self.ESTIMATED:
            return m.minutes_estimated
        if column == self.DUE:
            return m.due.isoformat() if m.due else "9999"
        if column == self.COMPLETED:
            return m.done_on.isoformat() if m.done_on else "9999"
        if column == self.SCORE:
            return -1.0 if m.score is None else float(m.score)
        return m.position


class ModuleFilter(SortedInSource):
    """Keeps rows whose title (or kind) contains the text and whose status matches."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._status: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        wanted = text.strip().casefold()
        if wanted != self._text:  # the same filter again (every refresh) filters nothing again
            self._change_filter(lambda: setattr(self, "_text", wanted))

    def set_status(self, status: str | None) -> None:
        if status != self._status:
            self._change_filter(lambda: setattr(self, "_status", status))

    def _change_filter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(
        self,
        source_row: int,
        source_parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ModuleStatusModel) or source_parent.isValid():
            return True
        m = model.module(source_row)
        if self._status is not None and m.status != self._status:
            return False
        if self._text:
            return self._text in m.title.casefold() or self._text in kind_name(m.kind).casefold()
        return True
