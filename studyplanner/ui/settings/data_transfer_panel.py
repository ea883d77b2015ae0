"""Getting the data out and back in (Settings): everything as one archive (data and
certificates), an archive imported by merging or replacing, and the study sessions as CSV.

Each runs on the background worker behind a progress dialog with Cancel; the window stays usable.
An import checks the whole archive before writing, backs up first, and writes in one transaction:
on any problem nothing is written and the message names the file, record and field."""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.validation import InvalidInput
from studyplanner.services.database import Database
from studyplanner.services.errors import StoreProblem
from studyplanner.ui.shared import file_dialogs, plain_text
from studyplanner.ui.shared.background_job import BackgroundJob, ProgressJobs
from studyplanner.ui.shared.formatting import QT_TRANSLATE_NOOP, count_records, how_many, tr
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.shared.problem_words import sentences_words, store_words
from studyplanner.ui.shared.save_target import save_target

if TYPE_CHECKING:
    from studyplanner.services.archive.format import ImportPreview

ARCHIVE_FILTER = QT_TRANSLATE_NOOP("", "Study Planner archive (*.zip)")


class ImportChoice(enum.Enum):
    MERGE = "merge"
    REPLACE = "replace"
    CANCEL = "cancel"


class Ask:
    """The seams tests replace: file dialogs, the merge-or-replace question, messages."""

    @staticmethod
    def save_path(parent: QWidget, title: str, suggested: str, kind: str) -> Path | None:
        return file_dialogs.save_file(parent, title, suggested, kind)

    @staticmethod
    def open_path(parent: QWidget, title: str, kind: str) -> Path | None:
        return file_dialogs.open_file(parent, title, kind)

    @staticmethod
    def import_choice(parent: QWidget, name: str, preview: ImportPreview) -> ImportChoice:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Import an archive"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(tr("How should %1 come in?").replace("%1", name))
        box.setInformativeText(preview_text(preview) + "\n\n" + tr(
            "Either way your current data is backed up first."
        ))  # fmt: skip
        merge = box.addButton(tr("Merge"), QMessageBox.ButtonRole.AcceptRole)
        merge.setEnabled(preview.merge_problem is None and preview.total_new > 0)
        replace = box.addButton(tr("Replace my data"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(merge if merge.isEnabled() else cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is merge:
            return ImportChoice.MERGE
        if clicked is replace:
            return ImportChoice.REPLACE
        return ImportChoice.CANCEL

    @staticmethod
    def tell(parent: QWidget, text: str, ok: bool) -> None:
        plain_text.tell(parent, tr("Study Planner"), text, problem=not ok)


def preview_text(preview: ImportPreview) -> str:
    """What merging and replacing would do, from the preview of the archive."""
    if preview.merge_problem is not None:
        merge = tr("It cannot be merged into your data: %1").replace("%1", preview.merge_problem)
    elif preview.total_new == 0:
        merge = tr("Everything in it is already in your data (%1 records): merging would add "
                   "nothing.").replace("%1", str(preview.total_present))  # fmt: skip
    else:
        merge = (tr("Merging adds %1 new records (%2); %3 are already in your data.")
                 .replace("%1", str(preview.total_new)).replace("%2", count_records(preview.new))
                 .replace("%3", str(preview.total_present)))  # fmt: skip
    replace = tr("Replacing makes your data exactly the archive's: %1.").replace(
        "%1", count_records(preview.archive_rows))  # fmt: skip
    return merge + "\n\n" + replace


class DataTransferPanel(QWidget):
    data_replaced = Signal()
    """An import changed the database: every screen must reload."""
    finished = Signal(str, bool)  # what was told to the user, whether it worked
    import_asked = Signal(str)  # the answer to "how should it come in?" (merge/replace/cancel)

    def __init__(self, db: Database, clock: Callable[[], date],
                 now: Callable[[], datetime] = datetime.now,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._clock, self._now = db, clock, now
        self._changes_data = False
        self._previewed: tuple[Path, ImportPreview] | None = None
        self.jobs = ProgressJobs(self, tr("Study Planner"), self._failure, self._set_busy,
                                 tr("An export or import is still running; wait for it to "
                                    "finish."))  # fmt: skip
        self.jobs.finished.connect(self._on_jobs_finished)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        explain = QLabel(tr(
            "An archive holds everything: plans, study sessions, credentials, CEU activities "
            "and their certificates. Use it to move to another computer or to keep a copy "
            "elsewhere."
        ))  # fmt: skip
        explain.setWordWrap(True)
        layout.addWidget(explain)
        row = QHBoxLayout()
        self.export_button = QPushButton(icon("export"), tr("&Export everything…"))
        self.export_button.setAccessibleName(tr("Export everything as an archive"))
        self.export_button.clicked.connect(lambda: self.export_archive())
        self.import_button = QPushButton(icon("choose-file"), tr("&Import an archive…"))
        self.import_button.setAccessibleName(tr("Import an archive"))
        self.import_button.clicked.connect(lambda: self.import_archive())
        self.sessions_button = QPushButton(icon("spreadsheet"), tr("Study sessions as &CSV…"))
        self.sessions_button.setAccessibleName(tr("Export study sessions as CSV"))
        self.sessions_button.clicked.connect(lambda: self.export_sessions())
        for button in (self.export_button, self.import_button, self.sessions_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        hint = QLabel(tr("CEU activities as CSV and audit packets are on the Credentials & CEUs "
                         "screen."))  # fmt: skip
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.message = PlainLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(tr("Export and import message"))
        layout.addWidget(self.message)

    # -- the three actions --------------------------------------------------------------------
    def export_archive(self) -> BackgroundJob | None:
        from studyplanner.services.archive import transfer as archive

        suggested = f"studyplanner-{self._clock().isoformat()}.zip"
        chosen = Ask.save_path(self, tr("Export everything"), suggested, tr(ARCHIVE_FILTER))
        target = save_target(self, chosen, ".zip")
        if target is None:
            return None
        now = self._now()

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            return archive.export_archive(self._db, target.path, now=now, progress=progress,
                                          cancelled=cancelled, force=target.force)  # fmt: skip

        def done(summary: Any) -> str:
            text = tr("Exported %1 and %2 to %3.")
            text = (text.replace("%1", how_many(summary.total_rows, tr("record"), tr("records")))
                    .replace("%2", how_many(summary.certificates, tr("certificate"),
                                            tr("certificates")))
                    .replace("%3", str(summary.path)))  # fmt: skip
            missing = len(summary.missing_certificates)
            if missing:
                text += " " + tr("Missing from the data folder: %1.").replace(
                    "%1", how_many(missing, tr("certificate file"), tr("certificate files"))
                )
            return text

        return self._start(work, done, tr("Exporting everything…"), changes_data=False)

    def import_archive(self) -> BackgroundJob | None:
        """Read and check the archive first (on the worker), then ask how it should come in,
        saying what merging and replacing would each do."""
        from studyplanner.services.archive import transfer as archive

        path = Ask.open_path(self, tr("Import an archive"), tr(ARCHIVE_FILTER))
        if path is None:
            return None

        def work(_progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            return archive.preview_import(self._db, path, cancelled=cancelled)

        def done(preview: Any) -> str:
            self._previewed = (path, preview)
            return ""

        return self._start(work, done, tr("Reading %1…").replace("%1", path.name),
                           changes_data=False)  # fmt: skip

    def _import_previewed(self, path: Path, preview: ImportPreview) -> BackgroundJob | None:
        from studyplanner.services.archive import transfer as archive

        choice = Ask.import_choice(self, path.name, preview)
        self.import_asked.emit(choice.value)
        if choice is ImportChoice.CANCEL:
            return None
        mode = choice.value
        now = self._now()

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            return archive.import_archive(self._db, path, mode, now=now,
                                          progress=progress, cancelled=cancelled)  # fmt: skip

        def done(summary: Any) -> str:
            how = tr("Replaced your data with") if mode == "replace" else tr("Merged")
            text = tr("%1 %2: %3 added, %4 copied. Your data from before is in the backup %5.")
            added = how_many(summary.total_added, tr("record"), tr("records"))
            copied = how_many(summary.certificates, tr("certificate"), tr("certificates"))
            return (text.replace("%1", how).replace("%2", path.name).replace("%3", added)
                    .replace("%4", copied).replace("%5", summary.backup.name))  # fmt: skip

        return self._start(work, done, tr("Importing %1…").replace("%1", path.name),
                           changes_data=True)  # fmt: skip

    def export_sessions(self) -> BackgroundJob | None:
        from studyplanner.services.archive import transfer as archive

        suggested = tr("study-sessions-{date}.csv").format(date=self._clock().isoformat())
        chosen = Ask.save_path(self, tr("Export study sessions"), suggested, tr("CSV (*.csv)"))
        target = save_target(self, chosen, ".csv")
        if target is None:
            return None

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            return archive.write_sessions_csv(self._db, target.path, force=target.force)

        def done(n: Any) -> str:
            return tr("Saved %1 study sessions to %2.").replace("%1", str(n)).replace(
                "%2", str(target.path))  # fmt: skip

        return self._start(work, done, tr("Writing the study sessions…"), changes_data=False)

    # -- running ------------------------------------------------------------------------------
    def busy(self) -> bool:
        return self.jobs.busy()

    @property
    def job(self) -> BackgroundJob | None:
        return self.jobs.job

    def cancel(self) -> None:
        self.jobs.cancel()

    def _start(self, work: Any, done: Callable[[Any], str], label: str, *,
               changes_data: bool) -> BackgroundJob | None:  # fmt: skip
        self._changes_data = changes_data
        return self.jobs.start(work, done, label)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.export_button, self.import_button, self.sessions_button):
            button.setEnabled(not busy)

    @staticmethod
    def _failure(exc: BaseException, cancel_requested: bool) -> tuple[str, bool]:
        from studyplanner.services.archive.transfer import ArchiveCancelled

        if isinstance(exc, ArchiveCancelled) or cancel_requested:
            return tr("Cancelled: nothing was written."), False
        if isinstance(exc, InvalidInput):
            sentences = sentences_words(exc)
            lines = sentences[:8]
            more = len(sentences) - len(lines)
            text = "\n".join(lines) + ("\n" + tr("… {n} more").format(n=more) if more > 0 else "")
            return tr("Nothing was written:") + "\n" + text, False
        if isinstance(exc, StoreProblem):
            return store_words(exc), False
        if isinstance(exc, OSError):
            return tr("Nothing was written: %1.").replace("%1", exc.strerror or str(exc)), False
        return tr("Nothing was written: %1").replace("%1", str(exc)), False

    def _on_jobs_finished(self, text: str, ok: bool) -> None:
        previewed, self._previewed = self._previewed, None
        if ok and previewed is not None:
            self._import_previewed(*previewed)
            return
        changed, self._changes_data = self._changes_data, False
        self.message.setText(text)
        self.finished.emit(text, ok)
        if ok and changed:
            self.data_replaced.emit()
        Ask.tell(self, text, ok)
