"""Backups in Settings: where they are, "Back up now", "Open folder", and restore from a list
(date, size and what each holds). The current data is backed up before a restore, so a restore
can itself be undone by restoring that backup."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QLocale, Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.validation import InvalidInput
from studyplanner.services.backups import (
    BackupInfo,
    backup_now,
    backups_folder,
    list_backups,
    preview_backup,
    restore_backup,
)
from studyplanner.services.database import Database
from studyplanner.services.errors import StoreProblem
from studyplanner.ui.formatting import QT_TRANSLATE_NOOP, count_records, format_date, tr
from studyplanner.ui.icons import icon
from studyplanner.ui.plain_text import PlainLabel, confirm, tell
from studyplanner.ui.shared.problem_words import problem_words, store_words

REASONS = {
    "manual": QT_TRANSLATE_NOOP("", "Backed up by you"),
    "auto": QT_TRANSLATE_NOOP("", "Automatic"),
    "before-migration": QT_TRANSLATE_NOOP("", "Before an update"),
    "before-restore": QT_TRANSLATE_NOOP("", "Before a restore"),
    "before-import": QT_TRANSLATE_NOOP("", "Before an import"),
    "before-cycle-close": QT_TRANSLATE_NOOP("", "Before closing a cycle"),
    "before-credential-delete": QT_TRANSLATE_NOOP("", "Before deleting a credential"),
}


def _size(size: int) -> str:
    return QLocale().formattedDataSize(size)


def _when(taken: datetime) -> str:
    """A backup's time in the user's local time and locale."""
    taken = taken.astimezone()
    clock = QLocale().toString(QTime(taken.hour, taken.minute), QLocale.FormatType.ShortFormat)
    return f"{format_date(taken.date())} {clock}"


class ConfirmRestore:
    """Seam for tests: ask before replacing the current data."""

    @staticmethod
    def ask(parent: QWidget, when: str, holds: str) -> bool:
        return confirm(
            parent,
            tr("Restore this backup?"),
            tr("Your data will be replaced by the backup of %1 (%2).\n\n"
               "Your current data is backed up first, so you can undo this by restoring "
               "that backup.").replace("%1", when).replace("%2", holds),
            tr("Restore backup"),
        )  # fmt: skip


class Tell:
    """Seam for tests: a message to the user."""

    @staticmethod
    def info(parent: QWidget, text: str) -> None:
        tell(parent, tr("Backups"), text)

    @staticmethod
    def problem(parent: QWidget, text: str) -> None:
        tell(parent, tr("Backups"), text, problem=True)


class BackupsPanel(QWidget):
    data_replaced = Signal()
    """The whole database was replaced (restore): every screen must reload."""
    backed_up = Signal()
    """A backup was taken by hand (reminders about the last backup's age may be answered)."""

    def __init__(self, db: Database, now: Callable[[], datetime] = datetime.now,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db = db
        self._now = now
        self._backups: list[BackupInfo] = []
        self._shown = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        folder = PlainLabel(
            tr("Backups are kept in %1").replace("%1", str(backups_folder(db.data_dir)))
        )
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder.setWordWrap(True)
        layout.addWidget(folder)
        explain = QLabel(tr("Study Planner backs up automatically at start-up, every half hour "
                            "while something changes, and before imports, restores and other "
                            "big changes. Old backups are thinned: the newest ten, then one a "
                            "day, a week and a month."))  # fmt: skip
        explain.setWordWrap(True)
        layout.addWidget(explain)
        buttons = QHBoxLayout()
        self.back_up_button = QPushButton(icon("check"), tr("Back up now"))
        self.back_up_button.setAccessibleName(tr("Back up now"))
        self.back_up_button.clicked.connect(self.back_up)
        self.open_button = QPushButton(icon("open-external"), tr("Open folder"))
        self.open_button.setAccessibleName(tr("Open the backups folder"))
        self.open_button.clicked.connect(self.open_folder)
        self.restore_button = QPushButton(icon("undo"), tr("Restore…"))
        self.restore_button.setAccessibleName(tr("Restore the selected backup"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setEnabled(False)
        for b in (self.back_up_button, self.open_button, self.restore_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Taken"), tr("Why"), tr("Size")])
        self.table.setAccessibleName(tr("Backups, newest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(160)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table)
        self.preview = PlainLabel(tr("Choose a backup to see what it holds."))
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName(tr("What the chosen backup holds"))
        layout.addWidget(self.preview)
        self.refresh()

    def refresh(self) -> None:
        backups = list_backups(self._db.data_dir)
        if backups == self._backups and self._shown:
            return  # the same backups (a save that took none): the list stays as it is
        self._shown = True
        self._backups = backups
        self.table.setRowCount(len(self._backups))
        for row, info in enumerate(self._backups):
            cells = (_when(info.taken_at), tr(REASONS.get(info.reason, info.reason)),
                     _size(info.size))  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        if not self._backups:
            self.preview.setText(tr("No backups yet: use “Back up now”."))
        self._selected()

    def _current(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None

    def _holds(self, info: BackupInfo) -> tuple[bool, str]:
        preview = preview_backup(info.path)
        if not preview.ok:
            why = problem_words(preview.why) if preview.why else preview.problem or ""
            return False, tr("This backup cannot be restored: %1.").replace("%1", why)
        return True, count_records(preview.counts, zeros=True)

    def _selected(self) -> None:
        info = self._current()
        if info is None:
            self.restore_button.setEnabled(False)
            return
        ok, holds = self._holds(info)
        self.preview.setText(tr("It holds %1.").replace("%1", holds) if ok else holds)
        self.restore_button.setEnabled(ok)

    def back_up(self) -> None:
        try:
            info = backup_now(self._db, self._now())
        except StoreProblem as exc:
            Tell.problem(self, store_words(exc))
            return
        self.refresh()
        self.table.selectRow(self._backups.index(info) if info in self._backups else 0)
        self.backed_up.emit()
        Tell.info(self, tr("Backed up to %1.").replace("%1", str(info.path)))

    def open_folder(self) -> None:
        folder = backups_folder(self._db.data_dir)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def restore_selected(self) -> None:
        info = self._current()
        if info is None:
            return
        ok, holds = self._holds(info)
        if not ok or not ConfirmRestore.ask(self, _when(info.taken_at), holds):
            return
        try:
            safety = restore_backup(self._db, info.path, self._now())
        except (InvalidInput, StoreProblem) as exc:
            text = (
                store_words(exc)
                if isinstance(exc, StoreProblem)
                else problem_words(exc.problems[0])
            )
            Tell.problem(self, text)
            return
        self.refresh()
        self.data_replaced.emit()
        text = tr("Restored the backup of %1. Your data from before the restore is the backup "
                  "of %2: restore it to undo.")  # fmt: skip
        Tell.info(self, text.replace("%1", _when(info.taken_at)).replace(
            "%2", _when(safety.taken_at)))  # fmt: skip
