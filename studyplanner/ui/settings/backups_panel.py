"""Backups in Settings: where they are, "Back up now", "Open folder", and restore from a list
(date, size and what each holds). The current data is backed up before a restore, so a restore
can itself be undone by restoring that backup.

Backing up and restoring run on the one worker (ui/shared/worker_action.py): the window stays
usable, both buttons are disabled until the job ends, and a problem is told with nothing
half-written (a backup is checked before it is kept; a restore is one transaction). What a chosen
backup holds (a full check of its file) is read there too, once per backup."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

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

from studyplanner.services.backups import (
    BackupInfo,
    BackupPreview,
    backup_now,
    backups_folder,
    list_backups,
    preview_backup,
    restore_backup,
)
from studyplanner.services.database import Database
from studyplanner.ui.shared.background_job import BackgroundJob, JobRunner
from studyplanner.ui.shared.formatting import QT_TRANSLATE_NOOP, count_records, format_date, tr
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.plain_text import PlainLabel, confirm, tell
from studyplanner.ui.shared.problem_words import problem_words
from studyplanner.ui.shared.worker_action import WorkerAction, problem_text

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
    previewed = Signal()
    """What a backup holds has been read (and is shown if it is still the one chosen)."""

    def __init__(self, db: Database, now: Callable[[], datetime] = datetime.now,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db = db
        self._now = now
        self._backups: list[BackupInfo] = []
        self._shown = False
        self._restorable = False
        self.action = WorkerAction(self, tr("Backups"), self._set_busy)
        self.reader = JobRunner(self)  # what a backup holds is read on the worker too
        self._previews: dict[tuple[Path, int], BackupPreview] = {}
        self._reading: tuple[Path, int] | None = None
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
        current = {(b.path, b.size) for b in backups}
        self._previews = {k: v for k, v in self._previews.items() if k in current}
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

    def _holds(self, info: BackupInfo) -> tuple[bool, str] | None:
        """Whether the backup can be restored and what it holds, in words; None until its
        preview has been read (on the worker: a full check of the file)."""
        preview = self._previews.get((info.path, info.size))
        if preview is None:
            return None
        if not preview.ok:
            why = problem_words(preview.why) if preview.why else preview.problem or ""
            return False, tr("This backup cannot be restored: %1.").replace("%1", why)
        return True, count_records(preview.counts, zeros=True)

    def _selected(self) -> None:
        info = self._current()
        known = None if info is None else self._holds(info)
        self._restorable = known is not None and known[0]
        self.restore_button.setEnabled(self._restorable and not self.action.busy())
        if info is None:
            return
        if known is None:
            self.preview.setText(tr("Reading the backup…"))
            self._read(info)
            return
        ok, holds = known
        self.preview.setText(tr("It holds %1.").replace("%1", holds) if ok else holds)

    def reading(self) -> bool:
        """Whether a backup's preview is being read (Restore waits for it)."""
        return self._reading is not None

    def _read(self, info: BackupInfo) -> None:
        if self._reading is not None:
            return  # one at a time: the next is asked for when this one is back
        key = self._reading = (info.path, info.size)
        job = BackgroundJob(lambda _progress, _cancelled: (key, preview_backup(key[0])))
        # Bound methods of this QObject: Qt drops the connections if the panel goes away.
        job.signals.finished.connect(self._on_read)
        job.signals.failed.connect(self._on_read_failed)
        self.reader.start(job)

    def _on_read(self, result: tuple[tuple[Path, int], BackupPreview]) -> None:
        key, preview = result
        self._reading = None
        self._previews[key] = preview
        self._selected()  # shows it, or reads the one chosen since
        self.previewed.emit()

    def _on_read_failed(self, exc: BaseException) -> None:
        key, self._reading = self._reading, None
        text = problem_text(exc)
        if text is None:
            sys.excepthook(type(exc), exc, exc.__traceback__)
            text = str(exc)
        if key is not None:
            self._previews[key] = BackupPreview(False, None, {}, text.rstrip("."))
        self._selected()
        self.previewed.emit()

    def _set_busy(self, busy: bool) -> None:
        self.back_up_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and self._restorable)

    def busy(self) -> bool:
        return self.action.busy()

    def _problem(self, exc: BaseException) -> None:
        Tell.problem(self, problem_text(exc) or str(exc))

    def back_up(self) -> BackgroundJob | None:
        """Back up on the worker; the list shows the new backup, chosen, when it is done."""
        if self.action.busy():
            return None
        db, now = self._db, self._now()
        return self.action.run(lambda: backup_now(db, now), tr("Backing up your data…"),
                               self._backed_up, self._problem)  # fmt: skip

    def _backed_up(self, info: BackupInfo) -> None:
        self.refresh()
        self.table.selectRow(self._backups.index(info) if info in self._backups else 0)
        self.backed_up.emit()
        Tell.info(self, tr("Backed up to %1.").replace("%1", str(info.path)))

    def open_folder(self) -> None:
        folder = backups_folder(self._db.data_dir)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def restore_selected(self) -> BackgroundJob | None:
        """Ask, then restore the chosen backup on the worker (the current data is backed up
        first, in the same job); every screen re-reads when it is done."""
        info = self._current()
        if info is None or self.action.busy():
            return None
        known = self._holds(info)
        if (
            known is None
            or not known[0]
            or not ConfirmRestore.ask(self, _when(info.taken_at), known[1])
        ):
            return None
        db, now = self._db, self._now()

        def restored(safety: BackupInfo) -> None:
            self.refresh()
            self.data_replaced.emit()
            text = tr("Restored the backup of %1. Your data from before the restore is the "
                      "backup of %2: restore it to undo.")  # fmt: skip
            Tell.info(self, text.replace("%1", _when(info.taken_at)).replace(
                "%2", _when(safety.taken_at)))  # fmt: skip

        label = tr("Restoring the backup of %1…").replace("%1", _when(info.taken_at))
        return self.action.run(lambda: restore_backup(db, info.path, now), label, restored,
                               self._problem)  # fmt: skip
