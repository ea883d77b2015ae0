"""Before a change is saved: what moves, and the new verdict. Accept saves a new baseline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.model import Schedule
from studyplanner.services.snapshots import ModuleMove, PlanPreview
from studyplanner.ui.shared.formatting import (
    QT_TRANSLATE_NOOP,
    format_date,
    tr,
    verdict_sentences,
    verdict_status,
)
from studyplanner.ui.shared.icons import icon, status_line
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.shared.snapshot_model import SnapshotTableModel


class MovesModel(SnapshotTableModel[ModuleMove]):
    """Modules whose dates change: old due, new due and the shift in days."""

    HEADERS = (
        QT_TRANSLATE_NOOP("", "Module"),
        QT_TRANSLATE_NOOP("", "Due before"),
        QT_TRANSLATE_NOOP("", "Due after"),
        QT_TRANSLATE_NOOP("", "Change"),
    )

    def set_moves(self, moves: tuple[ModuleMove, ...]) -> None:
        self.set_rows(moves)

    def cell(self, row: int, column: int, role: int) -> Any:
        move = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return move.title
            if column == 1:
                return format_date(move.old_due) if move.old_due else tr("new")
            if column == 2:
                return format_date(move.new_due) if move.new_due else tr("removed")
            return self._shift_text(move)
        if role == Qt.ItemDataRole.DecorationRole and column == 3:
            shift = move.shift_days
            if shift is not None and shift > 0:
                return icon("warning")
        return None

    @staticmethod
    def _shift_text(move: ModuleMove) -> str:
        shift = move.shift_days
        if shift is None:
            return ""
        if shift == 0:
            return tr("same due date")
        if shift > 0:
            return tr("{n} days later").format(n=shift)
        return tr("{n} days earlier").format(n=-shift)


class PreviewDialog(QDialog):
    def __init__(
        self,
        preview: PlanPreview,
        current: Schedule,
        parent: QWidget | None = None,
        accept_text: str | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preview of the new plan"))
        self.setAccessibleName(self.tr("Preview of the new plan"))
        layout = QVBoxLayout(self)
        name, word = verdict_status(preview.schedule.verdict)
        layout.addWidget(status_line(name, word))
        self.verdict_label = PlainLabel(" ".join(verdict_sentences(preview.schedule.verdict)))
        self.verdict_label.setWordWrap(True)
        layout.addWidget(self.verdict_label)
        before = format_date(current.finish, True)
        after = format_date(preview.schedule.finish, True)
        self.finish_label = QLabel(
            self.tr("Finish: {before} → {after}").format(before=before, after=after)
        )
        layout.addWidget(self.finish_label)
        moved = [m for m in preview.moves if m.old_due != m.new_due]
        if moved and all(m.old_due is None for m in moved):  # a new plan (the career roadmap)
            summary = self.tr("The new plan's {n} modules and their due dates:").format(
                n=len(moved)
            )
        elif moved:
            summary = self.tr("{n} modules change their due date:").format(n=len(moved))
        else:
            summary = self.tr("No module changes its due date.")
        layout.addWidget(QLabel(summary))
        self.moves = MovesModel(tuple(moved), self)
        table = QTableView()
        table.setModel(self.moves)
        table.setAccessibleName(self.tr("Modules that move"))
        table.setWordWrap(False)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        layout.addWidget(table, 1)
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(
            accept_text or self.tr("&Accept and save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.accept_button.setAccessibleName(self.accept_button.text().replace("&", ""))
        self.accept_button.setIcon(icon("check"))
        self.keep_button = buttons.addButton(
            self.tr("&Keep editing"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 480)

    @classmethod
    def ask(
        cls,
        preview: PlanPreview,
        current: Schedule,
        parent: QWidget | None = None,
        accept_text: str | None = None,
    ) -> bool:
        """The one seam tests replace: True when the user accepts the change."""
        dialog = cls(preview, current, parent, accept_text)
        return dialog.exec() == QDialog.DialogCode.Accepted
