"""The Study log's table: one row per session, newest first, sortable by any column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from studyplanner.services.snapshots import StudySessionInfo
from studyplanner.ui.formatting import QT_TRANSLATE_NOOP, format_date, format_hours
from studyplanner.ui.plain_text import tooltip
from studyplanner.ui.snapshot_model import SnapshotTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def format_minutes(minutes: int) -> str:
    """The one duration style: 45 min, 1 h 30 min."""
    return format_hours(minutes)


class SessionModel(SnapshotTableModel[StudySessionInfo]):
    HEADERS = (
        QT_TRANSLATE_NOOP("", "Date"),
        QT_TRANSLATE_NOOP("", "Module"),
        QT_TRANSLATE_NOOP("", "Time"),
        QT_TRANSLATE_NOOP("", "Note"),
    )
    DATE, MODULE, TIME, NOTE = range(4)

    def session(self, row: int) -> StudySessionInfo:
        return self._rows[row]

    def row_of(self, session_id: int) -> int | None:
        for row, s in enumerate(self._rows):
            if s.id == session_id:
                return row
        return None

    def cell(self, row: int, column: int, role: int) -> Any:
        s = self._rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.DATE:
                return format_date(s.day)
            if column == self.MODULE:
                return s.module_title
            if column == self.TIME:
                return format_minutes(s.minutes)
            return s.note.replace("\n", " ")
        if role == SORT_ROLE:
            if column == self.DATE:
                return f"{s.day.isoformat()}#{s.id:012d}"
            if column == self.MODULE:
                return s.module_title.casefold()
            if column == self.TIME:
                return s.minutes
            return s.note.casefold()
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTE and s.note:
            return tooltip(s.note)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.TIME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
