"""A read-only table model over a list of frozen snapshots (the shape every list screen shares)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QTableView

from studyplanner.ui.shared.formatting import tr

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class SnapshotTableModel(QAbstractTableModel, Generic[Row]):
    """Subclasses name their HEADERS and answer `cell(row, column, role)`; a model whose view
    sorts answers `sort_key(row, column)` and is sorted here, by Python's sort over those keys
    (behind a `SortedInSource` proxy): a sorting proxy asks `data()` twice per comparison, about
    44,000 calls into Python to sort 2,000 modules, which made their first visit take seconds."""

    HEADERS: tuple[str, ...] = ()
    FITTED: frozenset[int] = frozenset()
    """Columns sized to their contents by `shape` (see `FittedTable`)."""

    def __init__(self, rows: Sequence[Row] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = list(rows)
        self._order: tuple[int, Qt.SortOrder] | None = None
        self._candidates: dict[int, list[int]] = {}

    def shape(self, row: Row, column: int) -> Hashable:
        """What decides how wide `column` of `row` is drawn, cheaply from the row's values (the
        kind, the number of digits, a date's two-digit day and month...): rows of one shape are
        as wide, so measuring one row of each shape measures the column."""
        raise NotImplementedError

    def width_candidates(self, column: int) -> list[int] | None:
        """One row of each shape of a FITTED column (None: measure it the usual way)."""
        if column not in self.FITTED:
            return None
        if column not in self._candidates:
            first: dict[Hashable, int] = {}
            for number, row in enumerate(self._rows):
                first.setdefault(self.shape(row, column), number)
            self._candidates[column] = list(first.values())
        return self._candidates[column]

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows (in the order chosen by `sort`). The same rows again (a refresh after
        a change elsewhere) change nothing: no reset, so the view keeps its selection."""
        rows = self._sorted(list(rows))
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self._candidates.clear()
        self.endResetModel()

    def sort_key(self, row: Row, column: int) -> Any:
        """What `column` of `row` sorts by (values of one column compare with each other)."""
        raise NotImplementedError

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            return
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        self._rows = self._sorted(before)
        self._candidates.clear()
        where: dict[int, int] = {}
        for new, row in enumerate(self._rows):
            where.setdefault(id(row), new)
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.index(where[id(before[i.row()])], i.column()) for i in old]
        )
        self.layoutChanged.emit()

    def _sorted(self, rows: list[Row]) -> list[Row]:
        if self._order is None:
            return rows
        column, order = self._order
        return sorted(  # stable, also reversed: equal keys keep their order
            rows,
            key=lambda row: self.sort_key(row, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def rows(self) -> list[Row]:
        return list(self._rows)

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
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, column: int, role: int) -> Any:
        raise NotImplementedError


class SortedInSource(QSortFilterProxyModel):
    """A filtering proxy over a `SnapshotTableModel` that sorts itself: a sort asked of the
    proxy (a click on a column header) is done by the source, and the proxy keeps its order."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, SnapshotTableModel):
            source.sort(column, order)
        super().sort(-1)  # the source's order (-1 with descending would reverse it)


def hours_shape(minutes: int) -> Hashable:
    """How wide a duration is written ("45 min", "6 h", "12 h 30 min", "2,734 h")."""
    return (len(str(minutes // 60)), minutes % 60 == 0 or minutes >= 6000, minutes < 60)


def date_shape(day: date | None) -> Hashable:
    """How wide a date is written: its year and whether day and month take two digits."""
    return None if day is None else (day.year, day.day >= 10, day.month >= 10)


class FittedTable(QTableView):
    """A table whose content-sized columns are measured on one row of each shape the model names
    (`width_candidates`), not on up to 1,000 rows at every layout: with 2,000 modules Qt's own
    measure read ~200,000 cells into Python on a first visit, and measuring only the rows in
    view cut a "Practice exam" further down."""

    def sizeHintForColumn(self, column: int) -> int:
        model = self.model()
        source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
        candidates = getattr(source, "width_candidates", None)
        rows = candidates(column) if candidates is not None else None
        if rows is None:
            return super().sizeHintForColumn(column)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        width = 0
        for row in rows:
            index = source.index(row, column)
            if model is not source:
                index = model.mapFromSource(index)  # type: ignore[attr-defined]
            if index.isValid():
                hint = self.itemDelegateForIndex(index).sizeHint(option, index)
                width = max(width, hint.width())
        return width + (1 if self.showGrid() else 0)


def select_source_row(table: QAbstractItemView, proxy: QSortFilterProxyModel, row: int) -> None:
    """Select and show the view's row for `row` of the source model (if the filter shows it)."""
    source = proxy.sourceModel()
    index = proxy.mapFromSource(source.index(row, 0))
    if index.isValid():
        table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        table.setCurrentIndex(index)
        table.scrollTo(index)


def selected_source_row(table: QAbstractItemView, proxy: QSortFilterProxyModel) -> int | None:
    """The source model's row of the view's selected row, or None."""
    rows = table.selectionModel().selectedRows()
    return proxy.mapToSource(rows[0]).row() if rows else None


def record_table(
    model: QAbstractItemModel, accessible_name: str, sort_column: int, order: Qt.SortOrder
) -> QTableView:
    """A read-only, sortable table of records over `model` (a sorting proxy, or a model that
    sorts itself): whole rows, one at a time, no row numbers, alternating rows (the Modules,
    Study log and CEU activity lists)."""
    table = FittedTable()
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.sortByColumn(sort_column, order)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    return table
