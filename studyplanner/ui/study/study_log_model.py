"""The Study log's table: one row per session, newest first, sortable by any column.

Years of sessions are many rows, so the model sorts itself and reads what is shown: in date
order (the usual one) it reads a page at a time from the database as the view scrolls
(canFetchMore/fetchMore); sorted by another column it reads every session once and sorts them
(sessions that compare equal stay newest first). A session logged, edited or deleted moves one
row (insert, change, remove), never a reset, so the view keeps its selection and scroll.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from studyplanner.services.snapshots import StudySessionInfo
from studyplanner.ui.shared.formatting import QT_TRANSLATE_NOOP, format_date, format_hours, tr
from studyplanner.ui.shared.plain_text import tooltip

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
"""Sessions read at a time in date order."""


def format_minutes(minutes: int) -> str:
    """The one duration style: 45 min, 1 h 30 min."""
    return format_hours(minutes)


class _Reversed:
    """Orders its value the other way round (descending sort keys, strings included)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Reversed) -> bool:
        return bool(other.value < self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and bool(self.value == other.value)

    __hash__ = None  # type: ignore[assignment]


class SessionSource:
    """Where the model reads sessions (the services, given by the screen)."""

    def __init__(
        self,
        count: Callable[[], int],
        page: Callable[[bool, StudySessionInfo | None, int], Sequence[StudySessionInfo]],
        every: Callable[[], Sequence[StudySessionInfo]],
    ) -> None:
        self.count = count
        self.page = page
        """(newest_first, after, limit) -> the next sessions in date order."""
        self.every = every
        """Every session, newest first."""


class SessionModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("", "Date"),
        QT_TRANSLATE_NOOP("", "Module"),
        QT_TRANSLATE_NOOP("", "Time"),
        QT_TRANSLATE_NOOP("", "Note"),
    )
    DATE, MODULE, TIME, NOTE = range(4)

    def __init__(self, source: SessionSource | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._rows: list[StudySessionInfo] = []
        self._total = 0
        self._column = self.DATE
        self._order = Qt.SortOrder.DescendingOrder

    # -- reading -------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        """How many sessions there are (read or not yet)."""
        return self._total

    def session(self, row: int) -> StudySessionInfo:
        return self._rows[row]

    def rows(self) -> list[StudySessionInfo]:
        return list(self._rows)

    def row_of(self, session_id: int) -> int | None:
        for row, s in enumerate(self._rows):
            if s.id == session_id:
                return row
        return None

    def _paged(self) -> bool:
        return self._column == self.DATE

    def _read(self, at_least: int) -> tuple[list[StudySessionInfo], int]:
        """The first rows in the current order (at least `at_least` when paged) and the total."""
        if self._source is None:
            return [], 0
        if not self._paged():
            rows = sorted(self._source.every(), key=self._key)
            return rows, len(rows)
        newest_first = self._order == Qt.SortOrder.DescendingOrder
        rows = list(self._source.page(newest_first, None, max(PAGE, at_least)))
        return rows, self._source.count()

    def reload(self) -> None:
        """Read again what is shown; no reset when nothing changed (a refresh after a change
        elsewhere keeps the selection and the scroll)."""
        rows, total = self._read(len(self._rows))
        if rows == self._rows and total == self._total:
            return
        self.beginResetModel()
        self._rows, self._total = rows, total
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.HEADERS):
            return
        self.beginResetModel()
        self._column, self._order = column, order
        self._rows, self._total = self._read(0)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._source is None:
            return
        newest_first = self._order == Qt.SortOrder.DescendingOrder
        # every row read so far may have been deleted while more wait: read from the start then
        # (returning without reading left canFetchMore true for ever, and a view asking again
        # and again hung)
        after = self._rows[-1] if self._rows else None
        more = self._source.page(newest_first, after, PAGE)
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- one session changed ---------------------------------------------------------------------
    def _primary(self, s: StudySessionInfo) -> Any:
        if self._column == self.MODULE:
            return (s.module_title.casefold(), _Reversed((s.day, s.id)))
        if self._column == self.TIME:
            return (s.minutes, _Reversed((s.day, s.id)))
        if self._column == self.NOTE:
            return (s.note.casefold(), _Reversed((s.day, s.id)))
        return (s.day, s.id)

    def _key(self, s: StudySessionInfo) -> Any:
        """Ascending in the model's order."""
        primary = self._primary(s)
        if self._order != Qt.SortOrder.DescendingOrder:
            return primary
        if self._column == self.DATE:
            return _Reversed(primary)
        return (_Reversed(primary[0]), primary[1])  # equal ones stay newest first

    def _position(self, s: StudySessionInfo) -> int | None:
        """Where `s` goes among the rows read; None when it belongs after them, among the
        rows not read yet."""
        row = bisect_left(self._rows, self._key(s), key=self._key)
        if row == len(self._rows) and len(self._rows) < self._total:
            return None
        return row

    def add(self, s: StudySessionInfo) -> None:
        """A new session (logged, or brought back by undo)."""
        row = self._position(s)
        self._total += 1
        if row is None:
            return
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, s)
        self.endInsertRows()

    def remove(self, session_id: int) -> None:
        row = self.row_of(session_id)
        self._total = max(0, self._total - 1)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def change(self, s: StudySessionInfo) -> None:
        """An edited session: changed in place, or moved when its place in the order moved."""
        row = self.row_of(s.id)
        if row is None:
            self._total -= 1
            self.add(s)
            return
        old = self._rows[row]
        del self._rows[row]
        target = self._position(s)
        self._rows.insert(row, old)
        if target == row:
            self._rows[row] = s
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
            return
        self.remove(s.id)
        self.add(s)

    # -- Qt ----------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.DATE:
                return format_date(s.day)
            if column == self.MODULE:
                return s.module_title
            if column == self.TIME:
                return format_minutes(s.minutes)
            return s.note.replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTE and s.note:
            return tooltip(s.note)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.TIME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
