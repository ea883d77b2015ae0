"""Editing a track's modules: a table model over drafts, plus a view with add/remove/move buttons.

The model holds ModuleDraft values (ids of saved modules, negative refs for new ones); completed
modules are shown but read-only. Nothing is saved here: the owner asks for a preview first.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.model import MAX_MODULE_MINUTES, ModuleKind
from studyplanner.core.validation import check_module, hours_to_minutes
from studyplanner.services.snapshots import ModuleDraft, ModuleInfo
from studyplanner.ui.shared.formatting import format_date, kind_icon_name, kind_name, tr
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.plain_text import tooltip
from studyplanner.ui.shared.problem_words import problem_words
from studyplanner.ui.shared.snapshot_model import FittedTable, date_shape

Index = QModelIndex | QPersistentModelIndex
TITLE, KIND, HOURS, TERM, STATUS, SITTING = range(6)


class ModuleDraftModel(QAbstractTableModel):
    """Rows of ModuleDraft; `changed` after every edit."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._drafts: list[ModuleDraft] = []
        self._done: dict[int, date | None] = {}
        self._term_count = 0
        self._next_ref = -1

    # -- data in and out ---------------------------------------------------------------------
    def set_modules(self, modules: tuple[ModuleInfo, ...], term_count: int = 0) -> None:
        self.beginResetModel()
        self._drafts = [
            ModuleDraft(
                m.id, m.title, m.kind, m.minutes, m.prerequisite_ids, m.term, m.topic, m.sitting
            )
            for m in modules
        ]
        self._done = {m.id: m.done_on for m in modules if m.done}
        self._term_count = term_count
        self._next_ref = min([-1, *(m.id - 1 for m in modules)])
        self.endResetModel()

    def drafts(self) -> tuple[ModuleDraft, ...]:
        refs = {d.ref for d in self._drafts}
        return tuple(
            replace(d, prerequisite_refs=tuple(p for p in d.prerequisite_refs if p in refs))
            for d in self._drafts
        )

    def problems(self) -> list[str]:
        out = []
        for i, d in enumerate(self._drafts):
            out += [
                tr("Module {n}: {message}").format(n=i + 1, message=problem_words(p))
                for p in check_module(d.title, d.minutes)
            ]
        if not self._drafts:
            out.append(tr("A track needs at least one module."))
        return out

    def width_candidates(self, column: int) -> list[int] | None:
        """One row of each shape of a column sized to its contents (see FittedTable)."""
        shapes: dict[int, Callable[[ModuleDraft], Hashable]] = {
            KIND: lambda d: d.kind,
            HOURS: lambda d: len(f"{round(d.minutes / 60, 2)}"),
            TERM: lambda d: None if d.term is None else len(str(d.term)),
            STATUS: lambda d: date_shape(self._done[d.ref]) if d.ref in self._done else d.ref < 0,
            SITTING: lambda d: d.kind.is_exam,
        }
        shape = shapes.get(column)
        if shape is None:
            return None
        first: dict[Hashable, int] = {}
        for number, draft in enumerate(self._drafts):
            first.setdefault(shape(draft), number)
        return list(first.values())

    def is_done(self, row: int) -> bool:
        return self._drafts[row].ref in self._done

    # -- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._drafts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            tr("Module"), tr("Kind"), tr("Hours"), tr("Term"), tr("Status"), tr("One sitting")
        )[section]  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._drafts):
            return None
        d = self._drafts[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == TITLE:
                return d.title
            if col == KIND:
                return kind_name(d.kind) if role == Qt.ItemDataRole.DisplayRole else d.kind.value
            if col == HOURS:
                return round(d.minutes / 60, 2)
            if col == TERM:
                return (
                    d.term
                    if d.term is not None
                    else ("" if role == Qt.ItemDataRole.DisplayRole else 0)
                )
            if col == STATUS and role == Qt.ItemDataRole.DisplayRole:
                if d.ref in self._done:
                    return tr("Done {date}").format(date=format_date(self._done[d.ref]))
                return tr("New") if d.ref < 0 else tr("Planned")
        if col == SITTING and d.kind.is_exam:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if d.sitting else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Sat in one go: planned whole on one day, never split across days")
        if role == Qt.ItemDataRole.DecorationRole and col == KIND:
            return icon(kind_icon_name(d.kind))
        if role == Qt.ItemDataRole.DecorationRole and col == STATUS and d.ref in self._done:
            return icon("check")
        if role == Qt.ItemDataRole.ToolTipRole and col == TITLE:
            whole = f"{d.title}\n\n{d.topic}" if d.topic and d.topic != d.title else d.title
            return tooltip(whole)  # the whole title where the column cuts it, then the topic
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (HOURS, TERM):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        editable = index.column() in (TITLE, KIND, HOURS) or (
            index.column() == TERM and self._term_count > 0
        )
        if editable and not self.is_done(index.row()):
            base |= Qt.ItemFlag.ItemIsEditable
        if (
            index.column() == SITTING
            and self._drafts[index.row()].kind.is_exam
            and not self.is_done(index.row())
        ):
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.is_done(index.row()):
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            return self._set_sitting(index.row(), index.column(), value)
        if role != Qt.ItemDataRole.EditRole:
            return False
        d = self._drafts[index.row()]
        col = index.column()
        try:
            if col == TITLE:
                d = replace(d, title=str(value).strip())
            elif col == KIND:
                kind = ModuleKind(str(value))
                d = replace(d, kind=kind, sitting=d.sitting and kind.is_exam)
            elif col == HOURS:
                minutes = hours_to_minutes(float(value))
                if not 0 < minutes <= MAX_MODULE_MINUTES:
                    return False
                d = replace(d, minutes=minutes)
            elif col == TERM and self._term_count:
                term = int(value)
                if not 1 <= term <= self._term_count:
                    return False
                d = replace(d, term=term)
            else:
                return False
        except (TypeError, ValueError):
            return False
        self._drafts[index.row()] = d
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), SITTING))
        self.changed.emit()
        return True

    def _set_sitting(self, row: int, col: int, value: Any) -> bool:
        d = self._drafts[row]
        if col != SITTING or not d.kind.is_exam:
            return False
        try:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
        except (TypeError, ValueError):
            return False
        self._drafts[row] = replace(d, sitting=checked)
        self.dataChanged.emit(self.index(row, SITTING), self.index(row, SITTING))
        self.changed.emit()
        return True

    # -- structure edits ---------------------------------------------------------------------
    def add_module(self, row: int) -> int:
        """Insert a new module after `row` (or at the end); returns its row."""
        at = len(self._drafts) if row < 0 else row + 1
        previous = self._drafts[at - 1] if at > 0 else None
        term = previous.term if previous and self._term_count else (1 if self._term_count else None)
        draft = ModuleDraft(self._next_ref, tr("New module"), ModuleKind.LESSON, 600, (), term)
        self._next_ref -= 1
        self.beginInsertRows(QModelIndex(), at, at)
        self._drafts.insert(at, draft)
        self.endInsertRows()
        self.changed.emit()
        return at

    def remove_module(self, row: int) -> bool:
        if not 0 <= row < len(self._drafts) or self.is_done(row):
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._drafts[row]
        self.endRemoveRows()
        self.changed.emit()
        return True

    def move_module(self, row: int, delta: int) -> int:
        target = row + delta
        if not 0 <= row < len(self._drafts) or not 0 <= target < len(self._drafts):
            return row
        dest = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self._drafts.insert(target, self._drafts.pop(row))
        self.endMoveRows()
        self.changed.emit()
        return target


class KindDelegate(QStyledItemDelegate):
    """A combo box of module kinds for the Kind column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(tr("Module kind"))
        for kind in ModuleKind:
            combo.addItem(icon(kind_icon_name(kind)), kind_name(kind), kind.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ModuleEditor(QWidget):
    """The table and its buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ModuleDraftModel(self)
        self.view = FittedTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Modules of the track"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setItemDelegateForColumn(KIND, KindDelegate(self.view))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (KIND, HOURS, TERM, STATUS, SITTING):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setVisible(True)
        buttons = QHBoxLayout()
        self.add_button = self._button("add", self.tr("&Add module"), self._on_add)
        self.remove_button = self._button("remove", self.tr("&Remove"), self._on_remove)
        self.up_button = self._button("up", self.tr("Move &up"), lambda: self._on_move(-1))
        self.down_button = self._button("down", self.tr("Move do&wn"), lambda: self._on_move(1))
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _button(self, icon_name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        return button

    def set_term_count(self, count: int) -> None:
        self.view.setColumnHidden(TERM, count == 0)

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def _select(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, TITLE))
        self._update_buttons()

    def _on_add(self) -> None:
        row = self.model.add_module(self.current_row())
        self._select(row)
        self.view.edit(self.model.index(row, TITLE))

    def _on_remove(self) -> None:
        row = self.current_row()
        if self.model.remove_module(row):
            self._select(min(row, self.model.rowCount() - 1))

    def _on_move(self, delta: int) -> None:
        self._select(self.model.move_module(self.current_row(), delta))

    def _update_buttons(self) -> None:
        row = self.current_row()
        count = self.model.rowCount()
        self.remove_button.setEnabled(row >= 0 and not self.model.is_done(row))
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
