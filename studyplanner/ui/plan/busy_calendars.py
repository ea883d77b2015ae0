"""Busy time from calendars: the calendars in use, with import, subscribe, remove and re-read.

Each action reads the files on the worker (behind a progress dialog), then shows the plan it
would make in the preview dialog (how the finish date and the verdict change); only Accept
saves it, as a new baseline. A file the app refuses is named with its problem in the dialog,
and nothing changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyplanner.core.validation import InvalidInput
from studyplanner.services import busy_time
from studyplanner.services.database import Database
from studyplanner.ui.plan.busy_words import refusal_text, source_text
from studyplanner.ui.shared.background_job import ProgressJobs
from studyplanner.ui.shared.file_dialogs import remember, start_folder
from studyplanner.ui.shared.icons import icon
from studyplanner.ui.shared.on_worker import on_worker
from studyplanner.ui.shared.plain_text import PlainLabel
from studyplanner.ui.shared.preview_dialog import PreviewDialog


class BusyCalendarsDialog(QDialog):
    """Opened from the Plan screen's Availability tab (non-blocking: `open()`)."""

    changed = Signal(object)
    """The Changes of a busy-time change just saved."""

    def __init__(
        self, db: Database, clock: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db, self._clock = db, clock
        self._change: busy_time.BusyChange | None = None
        self.setWindowTitle(self.tr("Busy time from calendars"))
        self.setAccessibleName(self.tr("Busy time from calendars"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Busy time in these calendars (work shifts, family events) is taken off each "
                "day's study time. A day that is busy all day has no study. Subscribed files "
                "are read again when you choose Re-read calendars."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.sources = QListWidget()
        self.sources.setAccessibleName(self.tr("Calendars in use"))
        self.sources.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.sources.setWordWrap(True)
        self.sources.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sources.setSpacing(2)
        self.sources.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("No calendars yet: import a .ics file or subscribe to one."))
        self.empty.setWordWrap(True)
        layout.addWidget(self.sources, 1)
        # With no calendar the words take the list's room, from the top (not spread over it)
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout()
        self.import_button = self._button("choose-file", self.tr("&Import files…"), self._on_import)
        self.subscribe_button = self._button(
            "calendar", self.tr("&Subscribe to a file…"), self._on_subscribe
        )
        self.remove_button = self._button("remove", self.tr("&Remove"), self._on_remove)
        self.reread_button = self._button("refresh", self.tr("Re-rea&d calendars"), self._on_reread)
        for b in (self.import_button, self.subscribe_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.reread_button)
        layout.addLayout(row)
        self.message = PlainLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What happened"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.jobs = ProgressJobs(
            self,
            self.tr("Busy time from calendars"),
            self._failure,
            self._set_busy,
            self.tr("Calendars are still being read."),
        )
        self.jobs.finished.connect(self._on_read)
        self.resize(640, 420)
        self.refresh()

    def _button(self, icon_name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setAccessibleName(text.replace("&", "").replace("…", ""))
        button.clicked.connect(slot)
        return button

    # -- the list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self.sources.clear()
        for source in busy_time.busy_sources(self._db):
            item = QListWidgetItem(source_text(source))
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, source_text(source).replace("\n", ": ")
            )
            item.setData(Qt.ItemDataRole.UserRole, source.name)
            item.setIcon(icon("refresh" if source.path else "calendar"))
            self.sources.addItem(item)
        has_any = self.sources.count() > 0
        self.sources.setVisible(has_any)
        self.empty.setVisible(not has_any)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self.jobs.busy()
        self.import_button.setEnabled(idle)
        self.subscribe_button.setEnabled(idle)
        self.remove_button.setEnabled(idle and bool(self.sources.selectedItems()))
        subscribed = any(s.path for s in busy_time.busy_sources(self._db))
        self.reread_button.setEnabled(idle and subscribed)

    def _set_busy(self, busy: bool) -> None:
        for b in (self.import_button, self.subscribe_button, self.remove_button):
            b.setEnabled(not busy)
        self.reread_button.setEnabled(not busy)
        if not busy:
            self._update_buttons()

    def selected_names(self) -> list[str]:
        return [str(i.data(Qt.ItemDataRole.UserRole)) for i in self.sources.selectedItems()]

    # -- actions ----------------------------------------------------------------------------
    def choose_files(self, subscribe: bool) -> list[Path]:
        """The seam tests replace: the .ics files the user picks (none when cancelled)."""
        kind = self.tr("Calendar files (*.ics *.ical *.ifb);;All files (*)")
        title = (
            self.tr("Subscribe to a calendar file") if subscribe else self.tr("Import calendars")
        )
        if subscribe:
            name, _ = QFileDialog.getOpenFileName(self, title, str(start_folder()), kind)
            names = [name] if name else []
        else:
            names, _ = QFileDialog.getOpenFileNames(self, title, str(start_folder()), kind)
        paths = [Path(n) for n in names if n]
        if paths:
            remember(paths[0])
        return paths

    def _on_import(self) -> None:
        self._read_files(subscribe=False)

    def _on_subscribe(self) -> None:
        self._read_files(subscribe=True)

    def _read_files(self, subscribe: bool) -> None:
        paths = self.choose_files(subscribe)
        if not paths:
            return
        db, today = self._db, self._clock()
        self._start(
            lambda: busy_time.preview_import(db, paths, today, subscribe=subscribe),
            self.tr("Reading the calendar files…"),
        )

    def _on_remove(self) -> None:
        names = self.selected_names()
        if names:
            db, today = self._db, self._clock()
            self._start(
                lambda: busy_time.preview_removal(db, names, today),
                self.tr("Re-planning without the chosen calendars…"),
            )

    def _on_reread(self) -> None:
        db, today = self._db, self._clock()
        self._start(
            lambda: busy_time.preview_reread(db, today), self.tr("Reading the calendars again…")
        )

    def _start(self, read: Callable[[], busy_time.BusyChange], label: str) -> None:
        self.message.hide()
        self._change = None

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            progress(0, 0)
            return read()

        self.jobs.start(work, self._keep, label)

    def _keep(self, result: Any) -> str:
        job = self.jobs.job
        if job is not None and job.cancel_requested:  # Cancel came as the reading ended
            self._change = None
            return self.tr("Nothing was changed.")
        self._change = result if isinstance(result, busy_time.BusyChange) else None
        return ""

    def _failure(self, exc: BaseException, cancelled: bool) -> tuple[str, bool]:
        if cancelled:
            return self.tr("Nothing was changed."), False
        if isinstance(exc, busy_time.CalendarRefused):
            return refusal_text(exc.code, exc.values), False
        if isinstance(exc, InvalidInput):
            return " ".join(exc.sentences()), False
        if isinstance(exc, OSError):
            return refusal_text("unreadable", {"reason": exc.strerror or str(exc)}), False
        raise exc

    def _on_read(self, text: str, ok: bool) -> None:
        change, self._change = self._change, None
        if not ok or change is None:
            self._say(text)
            return
        accepted = PreviewDialog.ask(
            change.preview, change.before.schedule, self, self.tr("&Use this busy time")
        )
        if not accepted:
            self._say(self.tr("Nothing was changed."))
            return
        today = self._clock()
        try:
            _snapshot, changes = on_worker(
                self,
                self.tr("Saving the plan…"),
                lambda: busy_time.accept(self._db, change, today),
            )
        except InvalidInput as exc:
            self._say(" ".join(exc.sentences()))
            return
        self.refresh()
        self._say(self.tr("Saved: the plan now leaves out the busy time."))
        self.changed.emit(changes)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
